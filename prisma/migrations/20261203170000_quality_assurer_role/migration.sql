-- issue 13: a per-inspection role that reads every case and raises queries, with no marking rights.
-- On its own because the runner wraps each migration in a transaction, and PostgreSQL does not
-- allow a value added by ALTER TYPE ... ADD VALUE to be used before that transaction commits.
ALTER TYPE "team_role" ADD VALUE IF NOT EXISTS 'quality_assurer';
