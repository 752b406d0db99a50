-- Retention (issue 24): an inspection's publication date, from which its retention date is
-- counted (CASEMARK_RETENTION_MONTHS), and when `npm run retention -- --apply` erased what
-- identifies its children's cases (lib/ops/retention.ts). Both empty until then.
-- IF NOT EXISTS: another change of the same wave may add the publication date first.
ALTER TABLE "inspections" ADD COLUMN IF NOT EXISTS "published_on" DATE;
ALTER TABLE "inspections" ADD COLUMN IF NOT EXISTS "case_data_erased_at" TIMESTAMPTZ(3);
