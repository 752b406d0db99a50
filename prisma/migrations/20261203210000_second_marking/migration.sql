-- issue 13: blind second marking, agreement and reconciliation. The lead inspector picks a case
-- and a second inspector; the second inspector marks its key questions without seeing the first
-- marking, then submits. On submission the first marking's judgement of each key question is
-- copied beside the second one (first_value), so the agreement statistics compare the two
-- markings as they stood then, and a later reconciliation does not erase the disagreement.
CREATE TABLE "second_markings" (
    "id" UUID NOT NULL,
    "inspection_id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "marker_id" UUID NOT NULL,
    "assigned_by_id" UUID NOT NULL,
    "assigned_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "submitted_at" TIMESTAMPTZ(3),
    -- Optimistic concurrency for the second marker's form: incremented on every save.
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "second_markings_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "second_marking_answers" (
    "second_marking_id" UUID NOT NULL,
    "question_id" TEXT NOT NULL,
    "value" "answer_value",
    "na_reason" TEXT,
    "note" TEXT,
    -- The first marking's judgement when the second marking was submitted (null before).
    "first_value" "answer_value",
    "first_na_reason" TEXT,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "second_marking_answers_pkey" PRIMARY KEY ("second_marking_id", "question_id"),
    CONSTRAINT "second_marking_answers_question_id_check" CHECK ("question_id" ~ '^[0-9A-Za-z.]{1,20}$'),
    CONSTRAINT "second_marking_answers_na_reason_check" CHECK ("value" = 'na' OR "na_reason" IS NULL)
);

-- The lead inspector's agreed answer on one disagreement, with who, when and why. It is also
-- written into the first marking's answer (audited as a reconciliation), which the ratings count.
CREATE TABLE "second_marking_reconciliations" (
    "id" UUID NOT NULL,
    "second_marking_id" UUID NOT NULL,
    "question_id" TEXT NOT NULL,
    "value" "answer_value" NOT NULL,
    "na_reason" TEXT,
    "reason" TEXT NOT NULL,
    "reconciled_by_id" UUID NOT NULL,
    "reconciled_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "second_marking_reconciliations_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "second_marking_reconciliations_reason_check" CHECK (length(btrim("reason")) > 0),
    CONSTRAINT "second_marking_reconciliations_na_reason_check" CHECK ("value" <> 'na' OR length(btrim(coalesce("na_reason", ''))) > 0)
);

CREATE UNIQUE INDEX "second_markings_case_id_key" ON "second_markings"("case_id");
CREATE INDEX "second_markings_inspection_id_idx" ON "second_markings"("inspection_id");
CREATE INDEX "second_markings_marker_id_submitted_at_idx" ON "second_markings"("marker_id", "submitted_at");
CREATE UNIQUE INDEX "second_marking_reconciliations_second_marking_id_question_id_key" ON "second_marking_reconciliations"("second_marking_id", "question_id");

ALTER TABLE "second_markings" ADD CONSTRAINT "second_markings_inspection_id_fkey" FOREIGN KEY ("inspection_id") REFERENCES "inspections"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "second_markings" ADD CONSTRAINT "second_markings_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "second_markings" ADD CONSTRAINT "second_markings_marker_id_fkey" FOREIGN KEY ("marker_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "second_markings" ADD CONSTRAINT "second_markings_assigned_by_id_fkey" FOREIGN KEY ("assigned_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "second_marking_answers" ADD CONSTRAINT "second_marking_answers_second_marking_id_fkey" FOREIGN KEY ("second_marking_id") REFERENCES "second_markings"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "second_marking_reconciliations" ADD CONSTRAINT "second_marking_reconciliations_second_marking_id_fkey" FOREIGN KEY ("second_marking_id") REFERENCES "second_markings"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "second_marking_reconciliations" ADD CONSTRAINT "second_marking_reconciliations_reconciled_by_id_fkey" FOREIGN KEY ("reconciled_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
