-- Sessions are JWTs: resetting a password must end the sessions issued before it.
-- AlterTable
ALTER TABLE "users" ADD COLUMN "sessions_valid_from" TIMESTAMPTZ(3);
