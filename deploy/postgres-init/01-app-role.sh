#!/bin/sh
# First start of the compose database only: the app's role — it logs in, owns nothing, is no
# superuser. The migration step (as casemark_owner) grants it row access to every table
# (lib/db/app-role.ts); docs/deployment.md lists the same statements for an external database.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" -v app_password="$CASEMARK_APP_PASSWORD" <<'SQL'
CREATE ROLE casemark_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD :'app_password';
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO casemark_app;
SQL
