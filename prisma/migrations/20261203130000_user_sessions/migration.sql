-- Sessions that really end (issue 9): each sign-in is a row, its id carried in the JWT and
-- checked on every request, so sign-out, a password reset or a deactivation ends it at once
-- and a replayed cookie is refused. Sessions have an absolute end, never extended.
CREATE TABLE "user_sessions" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "method" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "ended_at" TIMESTAMPTZ(3),
    "end_reason" TEXT,

    CONSTRAINT "user_sessions_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "user_sessions_method_check" CHECK ("method" IN ('password', 'oidc'))
);

CREATE INDEX "user_sessions_user_id_idx" ON "user_sessions"("user_id");

ALTER TABLE "user_sessions" ADD CONSTRAINT "user_sessions_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- OWASP device cookies: failures that came with a device cookie are counted per device.
ALTER TABLE "login_attempts" ADD COLUMN "device_id" TEXT;
CREATE INDEX "login_attempts_device_id_attempted_at_idx" ON "login_attempts"("device_id", "attempted_at");
