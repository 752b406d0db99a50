-- Panel decisions gain a version (issue 10): a decision is recorded or withdrawn on the version
-- of the standard's decision the lead saw, so two simultaneous decisions on one standard can no
-- longer both "succeed" with one silently revoking the other (lib/panel/decisions.ts).
--
-- The version of a standard's panel decision is the highest version among its rows (rows written
-- elsewhere, an interchange import or a test's own world, take 1 unless they say otherwise): a new
-- decision takes that + 1 (the one it replaces keeps its own), and a withdrawal bumps the
-- withdrawn row to that + 1, so every change of the standard's decision changes its version.
ALTER TABLE "panel_decisions" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1;

-- Existing history: the rows of a standard in the order they were decided.
UPDATE "panel_decisions" p
SET "version" = r.n
FROM (
  SELECT "id", row_number() OVER (PARTITION BY "inspection_id", "standard_id" ORDER BY "decided_at", "id")::int AS n
  FROM "panel_decisions"
) r
WHERE r."id" = p."id";

-- A standard whose latest decision was withdrawn: the withdrawal was a change of its own.
UPDATE "panel_decisions" p
SET "version" = p."version" + 1
WHERE p."revoked_at" IS NOT NULL
  AND NOT EXISTS (
    SELECT 1 FROM "panel_decisions" q
    WHERE q."inspection_id" = p."inspection_id" AND q."standard_id" = p."standard_id" AND q."version" > p."version"
  );

ALTER TABLE "panel_decisions" ADD CONSTRAINT "panel_decisions_version_check" CHECK ("version" >= 1);

