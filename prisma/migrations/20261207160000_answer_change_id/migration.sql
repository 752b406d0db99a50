-- A marking save whose reply is lost (the connection cut after the request arrived) is sent
-- again on the version it was made on, and meets its own change as a conflict. Each save now
-- carries the device's id for the change; the answer keeps the id of the save that made its
-- current version, so the retry is recognised as already applied instead of showing the
-- inspector a conflict with their own work (docs/reliability.md, "A reply lost on the way back").
ALTER TABLE "answers" ADD COLUMN IF NOT EXISTS "last_change_id" UUID;
ALTER TABLE "answers" ADD COLUMN IF NOT EXISTS "last_change_version" INTEGER;
