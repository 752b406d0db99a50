import http from 'node:http';
import type { APIResponse, Page } from '@playwright/test';
import { expect, test } from './fixtures/test';
import { createUser, createWorld, signIn, sql } from './fixtures/world';

/** Issue 9, §5: the security headers of every response, and pages that work under them. */

function expectSecurityHeaders(response: APIResponse | { headers(): Record<string, string> }, what: string) {
  const headers = response.headers();
  expect(headers['x-content-type-options'], what).toBe('nosniff');
  expect(headers['x-frame-options'], what).toBe('DENY');
  expect(headers['referrer-policy'], what).toBe('same-origin');
  expect(headers['permissions-policy'], what).toContain('camera=()');
  expect(headers['cross-origin-opener-policy'], what).toBe('same-origin');
  expect(headers['content-security-policy'], what).toBeTruthy();
  expect(headers['content-security-policy'], what).toContain("frame-ancestors 'none'");
}

function scriptSrc(csp: string): string {
  return (
    csp
      .split(';')
      .map((d) => d.trim())
      .find((d) => d.startsWith('script-src')) ?? ''
  );
}

/** Collects every Content-Security-Policy violation the page reports. */
async function watchCspViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`Content Security Policy violation: ${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  return violations;
}

test.describe('security headers', () => {
  test('a page: a nonce-based CSP without unsafe-inline scripts, fresh on every response', async ({ request }) => {
    const first = await request.get('/sign-in');
    expect(first.status()).toBe(200);
    expectSecurityHeaders(first, '/sign-in');
    const csp = first.headers()['content-security-policy']!;
    expect(scriptSrc(csp)).toMatch(/^script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'$/);
    expect(scriptSrc(csp)).not.toContain('unsafe-inline');
    expect(csp).toContain("object-src 'none'");
    // Next.js puts the same nonce on its scripts; every inline script carries it.
    const nonce = /'nonce-([^']+)'/.exec(csp)![1]!;
    const html = await first.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);

    const second = await request.get('/sign-in');
    expect(second.headers()['content-security-policy']).not.toBe(csp);
  });

  test('Strict-Transport-Security only over HTTPS (a trusted proxy’s X-Forwarded-Proto)', async ({ request }) => {
    expect((await request.get('/sign-in')).headers()['strict-transport-security']).toBeUndefined();
    const overHttps = await request.get('/sign-in', { headers: { 'x-forwarded-proto': 'https' } });
    expect(overHttps.headers()['strict-transport-security']).toMatch(/^max-age=\d{8,}/);
    expect(overHttps.headers()['content-security-policy']).toContain('upgrade-insecure-requests');
  });

  test('static files, route handlers and not-found pages carry the headers too', async ({ request }) => {
    const html = await (await request.get('/sign-in')).text();
    const chunk = /<script[^>]+src="(\/_next\/static\/[^"]+\.js)"/.exec(html)?.[1];
    expect(chunk).toBeTruthy();
    for (const url of [chunk!, '/favicon.ico', '/favicon.svg', '/robots.txt', '/api/auth/session', '/api/auth/csrf', '/no-such-page']) {
      const response = await request.get(url);
      expect(response.status(), url).toBeLessThan(500);
      expectSecurityHeaders(response, url);
    }
    const icon = await request.get('/favicon.svg');
    expect(icon.headers()['content-type']).toContain('image/svg+xml');
    expect(icon.headers()['content-security-policy']).toMatch(/^default-src 'none'/);
  });

  test('robots.txt disallows all indexing, and pages link the icon and say noindex', async ({ request, page }) => {
    const robots = await request.get('/robots.txt');
    expect(robots.status()).toBe(200);
    expect(await robots.text()).toMatch(/User-agent: \*\s+Disallow: \/\s*$/);
    expect((await request.get('/favicon.ico')).headers()['content-type']).toMatch(/image\/(x-icon|vnd\.microsoft\.icon)/);

    await page.goto('/sign-in');
    await expect(page.locator('link[rel="icon"][href="/favicon.svg"]')).toHaveCount(1);
    await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/);
  });
});

test.describe('cross-origin server actions', () => {
  test('are refused with 403, not 500; the same origin still reaches Next.js', async ({ request, baseURL }) => {
    const action = { 'Next-Action': '0000000000000000000000000000000000000000', 'Content-Type': 'text/plain;charset=UTF-8' };
    for (const origin of ['https://evil.example', 'null', 'http://localhost:1']) {
      const refused = await request.post('/', { headers: { ...action, Origin: origin }, data: '[]' });
      expect(refused.status(), origin).toBe(403);
      expect(await refused.text()).toContain('another site');
      expectSecurityHeaders(refused, `403 for ${origin}`);
    }
    // A form posted from another site without JavaScript is refused the same way.
    const form = await request.post('/sign-in', { headers: { Origin: 'https://evil.example' }, form: { email: 'x', password: 'y' } });
    expect(form.status()).toBe(403);

    const sameOrigin = await request.post('/', { headers: { ...action, Origin: baseURL! }, data: '[]' });
    expect(sameOrigin.status()).not.toBe(403);
  });
});

test.describe('the save routes (lib/http/json-action-route.ts)', () => {
  test('take only same-origin JSON from a signed-in user, answer in JSON with the security headers, and write nothing they refuse', async ({
    page,
    baseURL,
  }) => {
    const world = await createWorld({ framework: '2021', cases: [{ reference: 'ROUTE-1', type: 'court', disposal: 'referral_order' }] });
    const kase = world.cases[0]!;
    const url = `/inspections/${world.inspectionId}/cases/${kase.id}/answers`;
    const change = { field: 'value', questionId: '2.1.1', value: 'yes', baseVersion: 0 };
    const expectRefused = async (response: APIResponse, status: number, code: string, what: string) => {
      expect(response.status(), what).toBe(status);
      expect(await response.json(), what).toMatchObject({ ok: false, code });
      expect(response.headers()['cache-control'], what).toContain('no-store');
      expectSecurityHeaders(response, what);
    };

    await expectRefused(await page.request.post(url, { headers: { Origin: baseURL! }, data: change }), 401, 'signed_out', 'signed out');
    await signIn(page, world.inspector);
    for (const origin of ['https://evil.example', 'null']) {
      const refused = await page.request.post(url, { headers: { Origin: origin }, data: change });
      await expectRefused(refused, 403, 'forbidden', origin);
    }
    await expectRefused(await page.request.post(url, { data: change }), 403, 'forbidden', 'no Origin');
    await expectRefused(
      await page.request.post(url, { headers: { Origin: baseURL!, 'Content-Type': 'text/plain' }, data: JSON.stringify(change) }),
      415,
      'invalid',
      'not JSON',
    );
    await expectRefused(
      await page.request.post(url.replace(world.inspectionId, '00000000-0000-4000-8000-000000000000'), {
        headers: { Origin: baseURL! },
        data: change,
      }),
      404,
      'not_found',
      'another inspection in the address',
    );
    expect(await sql(`SELECT count(*)::int AS n FROM answers WHERE case_id = $1`, [kase.id])).toEqual([{ n: 0 }]);

    const saved = await page.request.post(url, { headers: { Origin: baseURL! }, data: change });
    expect(saved.status()).toBe(200);
    expect(await saved.json()).toMatchObject({
      ok: true,
      data: { status: 'saved', answer: { questionId: '2.1.1', value: 'yes', version: 1 } },
    });
    expectSecurityHeaders(saved, 'saved');
    // The route's own policy: the proxy (and its per-page nonce) is skipped for the autosaves.
    expect(saved.headers()['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
  });
});

test.describe('over-size server-action bodies', () => {
  // lib/security/body-limit.ts: 1,200,000 bytes, the 1 MB interchange file plus its envelope.
  test('are refused with 413 and a plain sentence before Next.js reads them, never a 500', async ({ request, baseURL }) => {
    const headers = { 'Next-Action': '0000000000000000000000000000000000000000', Origin: baseURL! };
    for (const page of ['/', '/inspections/import', '/sign-in']) {
      const refused = await request.post(page, {
        headers: { ...headers, 'Content-Type': 'text/plain;charset=UTF-8' },
        data: 'x'.repeat(1_300_000),
      });
      expect(refused.status(), page).toBe(413);
      const text = await refused.text();
      expect(text).toContain('smaller than 1 MB');
      expect(text).not.toMatch(/at .+\.js:\d+|Error:/);
      expectSecurityHeaders(refused, `413 for ${page}`);
    }
    // A multipart upload of a file that size: the same answer.
    const upload = await request.post('/inspections/import', {
      headers,
      multipart: { file: { name: 'inspection.json', mimeType: 'application/json', buffer: Buffer.alloc(1_250_000, 0x20) } },
    });
    expect(upload.status()).toBe(413);
    // Within the limit the post reaches Next.js (an unknown action id is not a 413).
    const small = await request.post('/', { headers: { ...headers, 'Content-Type': 'text/plain;charset=UTF-8' }, data: '[]' });
    expect(small.status()).not.toBe(413);
    expect(small.status()).toBeLessThan(500);
  });
});

test.describe('requests that once answered 500 (issue 21)', () => {
  test('a page post without a Content-Length is refused 411 unread; a callback URL that does not parse is no 500', async ({
    request,
    page,
    baseURL,
  }) => {
    const url = new URL('/', baseURL);
    const status = await new Promise<number>((resolve, reject) => {
      const post = http.request(
        {
          host: url.hostname,
          port: url.port,
          path: '/',
          method: 'POST',
          headers: { 'Next-Action': '0'.repeat(40), Origin: url.origin, 'Transfer-Encoding': 'chunked' },
        },
        (response) => {
          response.resume();
          resolve(response.statusCode ?? 0);
        },
      );
      post.on('error', reject);
      // Sent in chunks, its length never declared (Next.js read such a post until it gave up with a 500).
      post.write('x'.repeat(1_000));
      post.end();
    });
    expect(status).toBe(411);
    const bad = encodeURIComponent('http://a:b/');
    for (const path of [`/api/auth/csrf?callbackUrl=${bad}`, `/api/auth/providers?callbackUrl=${bad}`]) {
      expect((await request.get(path)).status(), path).toBeLessThan(500);
    }
    // The callback-url cookie, as the browser would hold it: cleared, and the request answered.
    await page.context().addCookies([{ name: 'next-auth.callback-url', value: bad, url: baseURL! }]);
    const withCookie = await page.request.get('/api/auth/csrf');
    expect(withCookie.status()).toBe(200);
    expect(await withCookie.json()).toHaveProperty('csrfToken');
    expect((await page.context().cookies()).find((c) => c.name === 'next-auth.callback-url')?.value ?? '').not.toBe(bad);
  });
});

test.describe('pages under the Content-Security-Policy', () => {
  test('every kind of page works with no policy violation', async ({ page }) => {
    const violations = await watchCspViolations(page);
    const world = await createWorld();
    await signIn(page, world.lead);
    const base = `/inspections/${world.inspectionId}`;
    const visits: [string, string | RegExp][] = [
      ['/', 'Your inspections'],
      [base, world.serviceName],
      [`${base}/setup`, 'Set up the inspection'],
      [`${base}/cases/${world.cases[0]!.id}`, `Case ${world.cases[0]!.reference}`],
      [`${base}/panel`, 'Ratings panel'],
      [`${base}/exports`, 'Exports'],
    ];
    for (const [url, heading] of visits) {
      const response = await page.goto(url);
      expect(response?.status(), url).toBe(200);
      await expect(page.getByRole('heading', { name: heading }).first()).toBeVisible();
    }
    // Client code runs under the policy: the allocated inspector's judgement autosaves.
    await page.context().clearCookies();
    await signIn(page, world.inspector);
    await page.goto(`${base}/cases/${world.cases[0]!.id}/standards/2.1`);
    await page.getByTestId('question-2.1.1').locator('fieldset').first().getByLabel('Yes', { exact: true }).check();
    await expect(page.getByTestId('save-status')).toHaveAttribute('data-kind', 'saved');

    const admin = await createUser('admin', { isAdmin: true });
    await page.context().clearCookies();
    await signIn(page, admin);
    for (const url of ['/admin', '/admin/users', '/admin/services']) {
      expect((await page.goto(url))?.status(), url).toBe(200);
    }
    await expect(page.getByRole('heading', { name: 'Services' })).toBeVisible();
    // The import form builds a zod schema in the browser: jitless, so no Function("") probe (issue 21).
    expect((await page.goto('/inspections/import'))?.status()).toBe(200);
    await expect(page.getByRole('heading', { name: 'Import an inspection' })).toBeVisible();
    expect(violations).toEqual([]);
  });
});
