-- issue 22: the draft inspection report the panel writes in Casemark (docs/report.md). Each
-- section (executive summary per domain, key findings per domain, recommendations, each standard's
-- paragraphs, strengths and areas for improvement) is one row saved on its own version.
CREATE TABLE "report_sections" (
    "id" UUID NOT NULL,
    "inspection_id" UUID NOT NULL,
    "section_key" TEXT NOT NULL,
    "content" JSONB NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updated_by_id" UUID NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "report_sections_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "report_sections_section_key_check" CHECK ("section_key" ~ '^(summary:[1-4]|findings:[1-4]|recommendations|standard:[1-4]\.[1-9])$'),
    CONSTRAINT "report_sections_version_check" CHECK ("version" >= 1)
);

-- Team members the lead inspector allows to write the report beside them.
CREATE TABLE "report_editors" (
    "inspection_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "granted_by_id" UUID NOT NULL,
    "granted_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "report_editors_pkey" PRIMARY KEY ("inspection_id", "user_id")
);

CREATE UNIQUE INDEX "report_sections_inspection_id_section_key_key" ON "report_sections"("inspection_id", "section_key");
CREATE INDEX "report_editors_user_id_idx" ON "report_editors"("user_id");

ALTER TABLE "report_sections" ADD CONSTRAINT "report_sections_inspection_id_fkey" FOREIGN KEY ("inspection_id") REFERENCES "inspections"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "report_sections" ADD CONSTRAINT "report_sections_updated_by_id_fkey" FOREIGN KEY ("updated_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "report_editors" ADD CONSTRAINT "report_editors_inspection_id_fkey" FOREIGN KEY ("inspection_id") REFERENCES "inspections"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "report_editors" ADD CONSTRAINT "report_editors_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "report_editors" ADD CONSTRAINT "report_editors_granted_by_id_fkey" FOREIGN KEY ("granted_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
