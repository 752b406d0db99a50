-- The case details (classification agreement, interview, practice example) are saved with the
-- case's version, and a save whose reply was lost meets itself as a conflict just as an answer
-- did: the case keeps the id of the details save that made its current version too (ADR 0015).
ALTER TABLE "cases" ADD COLUMN IF NOT EXISTS "last_change_id" UUID;
ALTER TABLE "cases" ADD COLUMN IF NOT EXISTS "last_change_version" INTEGER;
-- Whose change it was: an id only counts as the sender's own when the sender made it.
ALTER TABLE "cases" ADD COLUMN IF NOT EXISTS "last_change_by_id" UUID;
