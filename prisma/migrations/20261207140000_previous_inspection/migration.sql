-- A service over time (issue 23): an inspection may name the previous inspection of the same
-- service held in Casemark, chosen at set-up; its ratings and key-question percentages are then
-- copied into previous_ratings / previous_key_question_pct (lib/setup/previous-results.ts).
-- Typed previous results stay for inspections before Casemark (the column is then empty).
-- ON DELETE SET NULL: deleting the earlier inspection keeps the copied figures, drops the link.
ALTER TABLE "inspections" ADD COLUMN "previous_inspection_id" UUID;
CREATE INDEX "inspections_previous_inspection_id_idx" ON "inspections"("previous_inspection_id");
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_previous_inspection_id_fkey" FOREIGN KEY ("previous_inspection_id") REFERENCES "inspections"("id") ON DELETE SET NULL ON UPDATE CASCADE;
