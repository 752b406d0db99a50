import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildContentSecurityPolicy, createNonce, isCrossOriginPost, isServedOverHttps, originOf } from './headers';

const require = createRequire(import.meta.url);

const headers = (values: Record<string, string>) => new Headers(values);

describe('buildContentSecurityPolicy', () => {
  it('allows scripts only with the nonce, never inline or eval in production', () => {
    const csp = buildContentSecurityPolicy({ nonce: 'abc123' });
    const scriptSrc = csp.split('; ').find((d) => d.startsWith('script-src'))!;
    expect(scriptSrc).toBe("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(scriptSrc).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'self'");
    expect(csp).not.toContain('upgrade-insecure-requests');
  });

  it('lets development eval, and upgrades requests over HTTPS', () => {
    expect(buildContentSecurityPolicy({ nonce: 'n', isDev: true })).toContain("'nonce-n' 'strict-dynamic' 'unsafe-eval'");
    expect(buildContentSecurityPolicy({ nonce: 'n', isHttps: true })).toContain('upgrade-insecure-requests');
  });

  it('uses a fresh 128-bit nonce each time', () => {
    const a = createNonce();
    expect(a).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(createNonce()).not.toBe(a);
  });
});

describe('next.config.js', () => {
  type Rule = { source: string; headers: { key: string; value: string }[] };
  const config = require(path.resolve(__dirname, '../../next.config.js')) as {
    headers(): Promise<Rule[]>;
    typescript?: { ignoreBuildErrors?: boolean };
  };

  it('lets a type error fail the build', () => {
    expect(config.typescript?.ignoreBuildErrors).not.toBe(true);
  });

  it('sends the frame, nosniff and referrer headers and the new ones on every path', async () => {
    const rules = await config.headers();
    const everywhere = rules.find((r) => r.source === '/:path*')!;
    expect(Object.fromEntries(everywhere.headers.map((h) => [h.key, h.value]))).toMatchObject({
      'X-Content-Type-Options': 'nosniff',
      'X-Frame-Options': 'DENY',
      'Referrer-Policy': 'same-origin',
      'Permissions-Policy': expect.stringContaining('camera=()'),
      'Cross-Origin-Opener-Policy': 'same-origin',
    });
  });

  it('gives the static files the proxy skips a script-free policy', async () => {
    const rules = await config.headers();
    for (const source of ['/_next/static/:path*', '/favicon.ico', '/favicon.svg', '/robots.txt']) {
      const csp = rules.find((r) => r.source === source)?.headers.find((h) => h.key === 'Content-Security-Policy')?.value;
      expect(csp, source).toMatch(/^default-src 'none';/);
      expect(csp, source).not.toMatch(/script-src/);
    }
  });
});

describe('the service worker (issue 11, offline marking)', () => {
  it('may be registered from this origin and may fetch this origin', () => {
    const directives = buildContentSecurityPolicy({ nonce: 'n' }).split('; ');
    expect(directives).toContain("worker-src 'self'");
    expect(directives).toContain("connect-src 'self'");
  });

  it('is served through the proxy, so the worker runs under the page policy, not the script-free static one', async () => {
    const { config: proxyConfig } = await import('../../proxy');
    const matcher = new RegExp(`^${proxyConfig.matcher[0]}$`);
    expect(matcher.test('/sw.js')).toBe(true);
    expect(matcher.test('/_next/static/chunks/a.js')).toBe(false);
    // The autosave routes check their own callers (lib/http/json-action-route.ts); the pages beside them do not.
    expect(matcher.test('/inspections/i1/cases/c1/answers')).toBe(false);
    expect(matcher.test('/inspections/i1/cases/c1/details')).toBe(false);
    expect(matcher.test('/inspections/i1/cases/c1')).toBe(true);
    expect(matcher.test('/inspections/i1/cases/c1/answers/x')).toBe(true);
    expect(matcher.test('/inspections/i1/cases/c1/standards/2.1')).toBe(true);
    const nextConfig = require(path.resolve(__dirname, '../../next.config.js')) as { headers(): Promise<{ source: string }[]> };
    expect((await nextConfig.headers()).some((r) => r.source === '/sw.js')).toBe(false);
  });
});

describe('isServedOverHttps', () => {
  const base = { protocol: 'http:', headers: headers({}), trustedProxies: 0 };
  it('is plain HTTP by default', () => expect(isServedOverHttps(base)).toBe(false));
  it('follows an https public URL', () => expect(isServedOverHttps({ ...base, publicUrl: 'https://casemark.example' })).toBe(true));
  it('believes X-Forwarded-Proto only from trusted proxies, and only the nearest one', () => {
    const forwarded = headers({ 'x-forwarded-proto': 'https' });
    expect(isServedOverHttps({ ...base, headers: forwarded })).toBe(false);
    // Next.js makes the URL https from the client's own header: not believed either (issue 21).
    expect(isServedOverHttps({ ...base, protocol: 'https:', headers: forwarded })).toBe(false);
    expect(isServedOverHttps({ ...base, protocol: 'https:' })).toBe(true);
    expect(isServedOverHttps({ ...base, headers: forwarded, trustedProxies: 1 })).toBe(true);
    expect(isServedOverHttps({ ...base, headers: headers({ 'x-forwarded-proto': 'https, http' }), trustedProxies: 1 })).toBe(false);
  });
});

describe('isCrossOriginPost', () => {
  const post = (values: Record<string, string>, pathname = '/inspections/x') =>
    isCrossOriginPost({ method: 'POST', pathname, headers: headers(values) });
  it('refuses another origin, a null origin and a malformed one', () => {
    expect(post({ host: 'casemark.example', origin: 'https://evil.example', 'next-action': 'abc' })).toBe(true);
    expect(post({ host: 'casemark.example', origin: 'null' })).toBe(true);
    expect(post({ host: 'casemark.example', origin: 'not a url' })).toBe(true);
    expect(post({ host: 'casemark.example:3000', origin: 'http://casemark.example' })).toBe(true);
  });
  it('lets the same origin through, compared with X-Forwarded-Host first as Next.js does', () => {
    expect(post({ host: 'localhost:3000', origin: 'http://localhost:3000' })).toBe(false);
    expect(post({ host: '127.0.0.1:3000', 'x-forwarded-host': 'casemark.example', origin: 'https://casemark.example' })).toBe(false);
    expect(post({ host: 'casemark.example' })).toBe(false); // no Origin: not a browser's cross-site request
  });
  it('leaves GETs and route handlers alone', () => {
    expect(isCrossOriginPost({ method: 'GET', pathname: '/', headers: headers({ host: 'a', origin: 'https://b' }) })).toBe(false);
    expect(post({ host: 'a', origin: 'https://b' }, '/api/auth/callback/oidc')).toBe(false);
  });
});

describe('originOf', () => {
  it('names the same origin, another one, and none', () => {
    expect(originOf(headers({ host: 'localhost:3000', origin: 'http://localhost:3000' }))).toBe('same');
    expect(originOf(headers({ host: 'localhost:3000', origin: 'http://LOCALHOST:3000' }))).toBe('same');
    expect(originOf(headers({ host: 'localhost:3000', origin: 'https://evil.example' }))).toBe('other');
    expect(originOf(headers({ host: 'localhost:3000', origin: 'null' }))).toBe('other');
    expect(originOf(headers({ origin: 'http://localhost:3000' }))).toBe('other'); // no host to compare with
    expect(originOf(headers({ host: 'localhost:3000' }))).toBe('none');
  });
});
