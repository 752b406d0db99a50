-- Casemark initial schema. Hand-written in Prisma Migrate's layout (see docs/architecture.md):
-- constraints that schema.prisma cannot express (CHECKs, partial unique index, append-only
-- audit trigger) live here too.

-- CreateEnum
CREATE TYPE "framework_version" AS ENUM ('2018', '2021');
CREATE TYPE "inspection_status" AS ENUM ('set_up', 'fieldwork', 'panel', 'published');
CREATE TYPE "team_role" AS ENUM ('lead_inspector', 'inspector', 'manager');
CREATE TYPE "case_type" AS ENUM ('court', 'out_of_court', 'resettlement');
CREATE TYPE "disposal" AS ENUM ('referral_order', 'youth_rehabilitation_order', 'custodial_sentence', 'other_court', 'youth_conditional_caution', 'youth_caution', 'community_resolution', 'other_out_of_court');
CREATE TYPE "level" AS ENUM ('low', 'medium', 'high', 'very_high');
CREATE TYPE "marking_status" AS ENUM ('not_started', 'in_progress', 'complete');
CREATE TYPE "answer_value" AS ENUM ('yes', 'no', 'na');
CREATE TYPE "rating" AS ENUM ('inadequate', 'requires_improvement', 'good', 'outstanding');

-- CreateTable
CREATE TABLE "users" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "password_hash" TEXT NOT NULL,
    "is_admin" BOOLEAN NOT NULL DEFAULT false,
    "is_active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "users_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "users_email_lower_check" CHECK ("email" = lower("email") AND position('@' in "email") > 1),
    CONSTRAINT "users_name_check" CHECK (length(btrim("name")) > 0)
);

CREATE TABLE "login_attempts" (
    "id" BIGSERIAL NOT NULL,
    "email" TEXT NOT NULL,
    "ip" TEXT NOT NULL,
    "is_success" BOOLEAN NOT NULL,
    "attempted_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "login_attempts_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "services" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "local_authority" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "services_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "services_name_check" CHECK (length(btrim("name")) > 0)
);

CREATE TABLE "inspections" (
    "id" UUID NOT NULL,
    "service_id" UUID NOT NULL,
    "framework" "framework_version" NOT NULL,
    "fieldwork_start" DATE NOT NULL,
    "fieldwork_end" DATE NOT NULL,
    "status" "inspection_status" NOT NULL DEFAULT 'set_up',
    "previous_ratings" JSONB,
    "previous_key_question_pct" JSONB,
    "is_panel_visible_to_team" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "inspections_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "inspections_fieldwork_dates_check" CHECK ("fieldwork_end" >= "fieldwork_start"),
    CONSTRAINT "inspections_previous_ratings_check" CHECK ("previous_ratings" IS NULL OR jsonb_typeof("previous_ratings") = 'object'),
    CONSTRAINT "inspections_previous_pct_check" CHECK ("previous_key_question_pct" IS NULL OR jsonb_typeof("previous_key_question_pct") = 'object')
);

CREATE TABLE "inspection_members" (
    "inspection_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "role" "team_role" NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "inspection_members_pkey" PRIMARY KEY ("inspection_id","user_id")
);

CREATE TABLE "cases" (
    "id" UUID NOT NULL,
    "inspection_id" UUID NOT NULL,
    "reference" TEXT NOT NULL,
    "type" "case_type" NOT NULL,
    "disposal" "disposal" NOT NULL,
    "sentence_date" DATE,
    "gender" TEXT,
    "rosh" "level",
    "safety_wellbeing" "level",
    "case_manager" TEXT,
    "inspector_id" UUID,
    "status" "marking_status" NOT NULL DEFAULT 'not_started',
    "agrees_with_rosh" BOOLEAN,
    "agrees_with_safety" BOOLEAN,
    "is_case_manager_interviewed" BOOLEAN,
    "is_practice_example" BOOLEAN NOT NULL DEFAULT false,
    "practice_example" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "cases_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "cases_reference_check" CHECK (length(btrim("reference")) BETWEEN 1 AND 40),
    -- A court or resettlement case has a court disposal; an out-of-court case an out-of-court one.
    CONSTRAINT "cases_disposal_matches_type_check" CHECK (
        ("type" = 'out_of_court') = ("disposal" IN ('youth_conditional_caution', 'youth_caution', 'community_resolution', 'other_out_of_court'))
    ),
    CONSTRAINT "cases_version_check" CHECK ("version" >= 1)
);

CREATE TABLE "answers" (
    "id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "inspection_id" UUID NOT NULL,
    "question_id" TEXT NOT NULL,
    "value" "answer_value",
    "note" TEXT,
    "na_reason" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updated_by_id" UUID NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "answers_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "answers_question_id_check" CHECK ("question_id" ~ '^[0-9]\.[0-9](\.[0-9]+(\.[a-z])?|\.r[0-9]{2})$'),
    CONSTRAINT "answers_version_check" CHECK ("version" >= 1)
);

CREATE TABLE "qualitative_judgements" (
    "id" UUID NOT NULL,
    "inspection_id" UUID NOT NULL,
    "standard_id" TEXT NOT NULL,
    "rating" "rating",
    "evidence" JSONB NOT NULL DEFAULT '{}',
    "version" INTEGER NOT NULL DEFAULT 1,
    "updated_by_id" UUID NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "qualitative_judgements_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "qualitative_judgements_standard_id_check" CHECK ("standard_id" ~ '^[0-9]\.[0-9]$'),
    CONSTRAINT "qualitative_judgements_evidence_check" CHECK (jsonb_typeof("evidence") = 'object')
);

CREATE TABLE "panel_decisions" (
    "id" UUID NOT NULL,
    "inspection_id" UUID NOT NULL,
    "standard_id" TEXT NOT NULL,
    "rating" "rating" NOT NULL,
    "rationale" TEXT NOT NULL,
    "decided_by_id" UUID NOT NULL,
    "decided_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revoked_by_id" UUID,
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "panel_decisions_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "panel_decisions_standard_id_check" CHECK ("standard_id" ~ '^[0-9]\.[0-9]$'),
    CONSTRAINT "panel_decisions_rationale_check" CHECK (length(btrim("rationale")) > 0),
    CONSTRAINT "panel_decisions_revoked_check" CHECK (("revoked_at" IS NULL) = ("revoked_by_id" IS NULL))
);

CREATE TABLE "audit_entries" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor_id" UUID,
    "inspection_id" UUID,
    "action" TEXT NOT NULL,
    "entity" TEXT NOT NULL,
    "entity_id" TEXT NOT NULL,
    "old_value" JSONB,
    "new_value" JSONB,

    CONSTRAINT "audit_entries_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");
CREATE INDEX "login_attempts_email_attempted_at_idx" ON "login_attempts"("email", "attempted_at");
CREATE INDEX "login_attempts_ip_attempted_at_idx" ON "login_attempts"("ip", "attempted_at");
CREATE UNIQUE INDEX "services_name_key" ON "services"("name");
CREATE INDEX "inspections_service_id_idx" ON "inspections"("service_id");
CREATE INDEX "inspection_members_user_id_idx" ON "inspection_members"("user_id");
CREATE INDEX "cases_inspection_id_inspector_id_idx" ON "cases"("inspection_id", "inspector_id");
CREATE UNIQUE INDEX "cases_inspection_id_reference_key" ON "cases"("inspection_id", "reference");
-- The recompute aggregate: GROUP BY question_id, value over one inspection's answers.
CREATE INDEX "answers_inspection_id_question_id_value_idx" ON "answers"("inspection_id", "question_id", "value");
CREATE UNIQUE INDEX "answers_case_id_question_id_key" ON "answers"("case_id", "question_id");
CREATE UNIQUE INDEX "qualitative_judgements_inspection_id_standard_id_key" ON "qualitative_judgements"("inspection_id", "standard_id");
CREATE INDEX "panel_decisions_inspection_id_standard_id_idx" ON "panel_decisions"("inspection_id", "standard_id");
-- At most one active decision per standard (not expressible in schema.prisma).
CREATE UNIQUE INDEX "panel_decisions_active_key" ON "panel_decisions"("inspection_id", "standard_id") WHERE "revoked_at" IS NULL;
CREATE INDEX "audit_entries_inspection_id_at_idx" ON "audit_entries"("inspection_id", "at");
CREATE INDEX "audit_entries_entity_entity_id_idx" ON "audit_entries"("entity", "entity_id");

-- AddForeignKey
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_service_id_fkey" FOREIGN KEY ("service_id") REFERENCES "services"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "inspection_members" ADD CONSTRAINT "inspection_members_inspection_id_fkey" FOREIGN KEY ("inspection_id") REFERENCES "inspections"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "inspection_members" ADD CONSTRAINT "inspection_members_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "cases" ADD CONSTRAINT "cases_inspection_id_fkey" FOREIGN KEY ("inspection_id") REFERENCES "inspections"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "cases" ADD CONSTRAINT "cases_inspector_id_fkey" FOREIGN KEY ("inspector_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "answers" ADD CONSTRAINT "answers_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "answers" ADD CONSTRAINT "answers_inspection_id_fkey" FOREIGN KEY ("inspection_id") REFERENCES "inspections"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "answers" ADD CONSTRAINT "answers_updated_by_id_fkey" FOREIGN KEY ("updated_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "qualitative_judgements" ADD CONSTRAINT "qualitative_judgements_inspection_id_fkey" FOREIGN KEY ("inspection_id") REFERENCES "inspections"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "qualitative_judgements" ADD CONSTRAINT "qualitative_judgements_updated_by_id_fkey" FOREIGN KEY ("updated_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "panel_decisions" ADD CONSTRAINT "panel_decisions_inspection_id_fkey" FOREIGN KEY ("inspection_id") REFERENCES "inspections"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "panel_decisions" ADD CONSTRAINT "panel_decisions_decided_by_id_fkey" FOREIGN KEY ("decided_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "panel_decisions" ADD CONSTRAINT "panel_decisions_revoked_by_id_fkey" FOREIGN KEY ("revoked_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "audit_entries" ADD CONSTRAINT "audit_entries_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "audit_entries" ADD CONSTRAINT "audit_entries_inspection_id_fkey" FOREIGN KEY ("inspection_id") REFERENCES "inspections"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The answer's inspection must be its case's inspection (the denormalised column stays true).
CREATE FUNCTION "answers_inspection_matches_case"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."inspection_id" IS DISTINCT FROM (SELECT "inspection_id" FROM "cases" WHERE "id" = NEW."case_id") THEN
    RAISE EXCEPTION 'answer inspection_id does not match its case' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "answers_inspection_matches_case" BEFORE INSERT OR UPDATE OF "case_id", "inspection_id" ON "answers"
  FOR EACH ROW EXECUTE FUNCTION "answers_inspection_matches_case"();

-- The audit log is append-only.
CREATE FUNCTION "audit_entries_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_entries is append-only' USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER "audit_entries_append_only" BEFORE UPDATE OR DELETE ON "audit_entries"
  FOR EACH ROW EXECUTE FUNCTION "audit_entries_append_only"();
CREATE TRIGGER "audit_entries_no_truncate" BEFORE TRUNCATE ON "audit_entries"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_entries_append_only"();
