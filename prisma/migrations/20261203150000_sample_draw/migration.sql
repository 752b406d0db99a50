-- Drawing the case sample from the service's eligible population (issue 12, docs/sampling.md).
-- References only, never names; every step is also in audit_entries.

CREATE TABLE "sample_populations" (
    "id" UUID NOT NULL,
    "inspection_id" UUID NOT NULL,
    "file_name" TEXT NOT NULL,
    "windows" JSONB NOT NULL,
    "size_overrides" JSONB NOT NULL DEFAULT '{}',
    "is_sixty_forty" BOOLEAN NOT NULL DEFAULT false,
    "uploaded_by_id" UUID NOT NULL,
    "uploaded_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "confirmed_by_id" UUID,
    "confirmed_at" TIMESTAMPTZ(3),

    CONSTRAINT "sample_populations_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "sample_populations_confirmed_check" CHECK (("confirmed_at" IS NULL) = ("confirmed_by_id" IS NULL))
);

CREATE TABLE "population_cases" (
    "id" UUID NOT NULL,
    "population_id" UUID NOT NULL,
    "line" INTEGER NOT NULL,
    "reference" TEXT NOT NULL,
    "type" "case_type" NOT NULL,
    "disposal" "disposal" NOT NULL,
    "disposal_date" DATE NOT NULL,
    "gender" TEXT,
    "rosh" "level",
    "safety_wellbeing" "level",
    "case_manager" TEXT,

    CONSTRAINT "population_cases_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "population_cases_reference_check" CHECK (length(btrim("reference")) BETWEEN 1 AND 40),
    CONSTRAINT "population_cases_disposal_matches_type_check" CHECK (
        ("type" = 'out_of_court') = ("disposal" IN ('youth_conditional_caution', 'youth_caution', 'community_resolution', 'other_out_of_court'))
    )
);

CREATE TABLE "sample_draws" (
    "id" UUID NOT NULL,
    "population_id" UUID NOT NULL,
    "seed" TEXT NOT NULL,
    "windows" JSONB NOT NULL,
    "sizes" JSONB NOT NULL,
    "selection" JSONB NOT NULL,
    "drawn_by_id" UUID NOT NULL,
    "drawn_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sample_draws_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "sample_draws_seed_check" CHECK ("seed" ~ '^[A-Za-z0-9_-]{1,40}$')
);

CREATE TABLE "sample_replacements" (
    "id" UUID NOT NULL,
    "draw_id" UUID NOT NULL,
    "removed_case_id" UUID NOT NULL,
    "replacement_case_id" UUID NOT NULL,
    "reason" TEXT NOT NULL,
    "replaced_by_id" UUID NOT NULL,
    "replaced_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sample_replacements_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "sample_replacements_reason_check" CHECK (length(btrim("reason")) > 0),
    CONSTRAINT "sample_replacements_distinct_check" CHECK ("removed_case_id" <> "replacement_case_id")
);

CREATE UNIQUE INDEX "sample_populations_inspection_id_key" ON "sample_populations"("inspection_id");
CREATE UNIQUE INDEX "population_cases_population_id_reference_key" ON "population_cases"("population_id", "reference");
CREATE INDEX "sample_draws_population_id_drawn_at_idx" ON "sample_draws"("population_id", "drawn_at");
CREATE INDEX "sample_replacements_draw_id_replaced_at_idx" ON "sample_replacements"("draw_id", "replaced_at");
CREATE UNIQUE INDEX "sample_replacements_draw_id_removed_case_id_key" ON "sample_replacements"("draw_id", "removed_case_id");
CREATE UNIQUE INDEX "sample_replacements_draw_id_replacement_case_id_key" ON "sample_replacements"("draw_id", "replacement_case_id");

ALTER TABLE "sample_populations" ADD CONSTRAINT "sample_populations_inspection_id_fkey" FOREIGN KEY ("inspection_id") REFERENCES "inspections"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "population_cases" ADD CONSTRAINT "population_cases_population_id_fkey" FOREIGN KEY ("population_id") REFERENCES "sample_populations"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "sample_draws" ADD CONSTRAINT "sample_draws_population_id_fkey" FOREIGN KEY ("population_id") REFERENCES "sample_populations"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "sample_replacements" ADD CONSTRAINT "sample_replacements_draw_id_fkey" FOREIGN KEY ("draw_id") REFERENCES "sample_draws"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "sample_replacements" ADD CONSTRAINT "sample_replacements_removed_case_id_fkey" FOREIGN KEY ("removed_case_id") REFERENCES "population_cases"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "sample_replacements" ADD CONSTRAINT "sample_replacements_replacement_case_id_fkey" FOREIGN KEY ("replacement_case_id") REFERENCES "population_cases"("id") ON DELETE CASCADE ON UPDATE CASCADE;
