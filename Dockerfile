# syntax=docker/dockerfile:1
# Casemark's one artefact (docs/deployment.md). Three stages:
#   build    — installs, generates the Prisma client and builds the standalone server;
#   migrate  — the one-shot migration step, run before a new version starts
#              (docker compose run --rm migrate; target "migrate");
#   runtime  — the default: the standalone server and nothing else, as a non-root user, started by
#              scripts/serve.mjs exactly as the tests start it (tests/integration/ops-server.int.test.ts).

FROM node:22-bookworm-slim AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY package.json package-lock.json .npmrc ./
RUN npm ci --no-audit --no-fund
COPY . .
# As scripts/lib/build.ts does after `next build`: the static files and public/ go into the standalone folder.
RUN npm run build \
 && cp -r .next/static .next/standalone/.next/static \
 && cp -r public .next/standalone/public

FROM build AS migrate
# DATABASE_MIGRATION_URL: the tables' owner; DATABASE_URL: the app's role, granted row access after migrating.
CMD ["npx", "tsx", "scripts/migrate.ts"]

FROM node:22-bookworm-slim AS runtime
WORKDIR /app
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    PORT=3000 \
    CASEMARK_LISTEN_HOST=0.0.0.0 \
    CASEMARK_LOG_FORMAT=json \
    CASEMARK_SHUTDOWN_SECONDS=20
RUN groupadd --system --gid 10001 casemark && useradd --system --uid 10001 --gid casemark --no-create-home casemark
COPY --from=build --chown=casemark:casemark /app/.next/standalone ./
COPY --from=build --chown=casemark:casemark /app/scripts/serve.mjs ./scripts/serve.mjs
USER casemark
EXPOSE 3000
# The process answers; readiness (/readyz) is the load balancer's business.
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
STOPSIGNAL SIGTERM
CMD ["node", "scripts/serve.mjs"]
