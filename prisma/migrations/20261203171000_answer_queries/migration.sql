-- issue 13: quality assurance during fieldwork. A reviewer (the lead inspector or a quality
-- assurer) raises a query on one marked answer of a case; the case's inspector replies; the
-- reviewer resolves or re-opens. Every step is a message of the thread, and audited.
CREATE TYPE "query_status" AS ENUM ('open', 'answered', 'resolved');

CREATE TABLE "answer_queries" (
    "id" UUID NOT NULL,
    "inspection_id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "question_id" TEXT NOT NULL,
    "status" "query_status" NOT NULL DEFAULT 'open',
    "raised_by_id" UUID NOT NULL,
    "raised_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "answer_queries_pkey" PRIMARY KEY ("id"),
    -- A framework question id (2.1.1, 2.1.1.a, R1) or a case-level item (case:agreesWithRosh).
    CONSTRAINT "answer_queries_question_id_check" CHECK ("question_id" ~ '^([0-9A-Za-z.]{1,20}|case:[A-Za-z]{1,40})$')
);

CREATE TABLE "answer_query_messages" (
    "id" UUID NOT NULL,
    "query_id" UUID NOT NULL,
    "author_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "answer_query_messages_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "answer_query_messages_kind_check" CHECK ("kind" IN ('raise', 'reply', 'resolve', 'reopen')),
    CONSTRAINT "answer_query_messages_body_check" CHECK ("kind" = 'resolve' OR length(btrim("body")) > 0)
);

-- A case the lead or a quality assurer has reviewed (QA coverage counts cases with one).
CREATE TABLE "case_reviews" (
    "case_id" UUID NOT NULL,
    "reviewer_id" UUID NOT NULL,
    "inspection_id" UUID NOT NULL,
    "reviewed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "case_reviews_pkey" PRIMARY KEY ("case_id", "reviewer_id")
);

-- The share of cases the lead wants reviewed (e.g. 20%).
CREATE TABLE "quality_targets" (
    "inspection_id" UUID NOT NULL,
    "target_pct" INTEGER NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "quality_targets_pkey" PRIMARY KEY ("inspection_id"),
    CONSTRAINT "quality_targets_target_pct_check" CHECK ("target_pct" BETWEEN 1 AND 100)
);

CREATE INDEX "answer_queries_inspection_id_status_idx" ON "answer_queries"("inspection_id", "status");
CREATE INDEX "answer_queries_case_id_idx" ON "answer_queries"("case_id");
CREATE INDEX "answer_query_messages_query_id_created_at_idx" ON "answer_query_messages"("query_id", "created_at");
CREATE INDEX "case_reviews_inspection_id_idx" ON "case_reviews"("inspection_id");

ALTER TABLE "answer_queries" ADD CONSTRAINT "answer_queries_inspection_id_fkey" FOREIGN KEY ("inspection_id") REFERENCES "inspections"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "answer_queries" ADD CONSTRAINT "answer_queries_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "answer_queries" ADD CONSTRAINT "answer_queries_raised_by_id_fkey" FOREIGN KEY ("raised_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "answer_query_messages" ADD CONSTRAINT "answer_query_messages_query_id_fkey" FOREIGN KEY ("query_id") REFERENCES "answer_queries"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "answer_query_messages" ADD CONSTRAINT "answer_query_messages_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "case_reviews" ADD CONSTRAINT "case_reviews_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "case_reviews" ADD CONSTRAINT "case_reviews_reviewer_id_fkey" FOREIGN KEY ("reviewer_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "case_reviews" ADD CONSTRAINT "case_reviews_inspection_id_fkey" FOREIGN KEY ("inspection_id") REFERENCES "inspections"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "quality_targets" ADD CONSTRAINT "quality_targets_inspection_id_fkey" FOREIGN KEY ("inspection_id") REFERENCES "inspections"("id") ON DELETE CASCADE ON UPDATE CASCADE;
