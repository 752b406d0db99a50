import type { BrowserContext, Page } from '@playwright/test';
import { expect, test } from './fixtures/test';
import { PASSWORD, createUser, createWorld, openSignedInPage, signIn, signOut, sql } from './fixtures/world';

const SESSION_COOKIE = 'next-auth.session-token';

async function sessionCookie(context: BrowserContext) {
  const cookie = (await context.cookies()).find((c) => c.name === SESSION_COOKIE);
  expect(cookie, 'a session cookie').toBeDefined();
  return cookie!;
}

async function openPanel(page: Page, inspectionId: string) {
  await page.goto(`/inspections/${inspectionId}/panel`);
  await expect(page.getByRole('heading', { name: 'Ratings panel' })).toBeVisible();
  await expect(page.getByTestId('live-status')).toHaveAttribute('data-state', 'live');
}

async function expectPanelEnded(page: Page) {
  await expect(page.getByTestId('live-status')).toHaveAttribute('data-state', 'ended', { timeout: 5000 });
  await expect(page.getByTestId('live-status')).toContainText('Your session has ended');
}

test.describe('sessions that really end', () => {
  test('after signing out, a replayed session cookie opens nothing', async ({ page }) => {
    const world = await createWorld();
    await signIn(page, world.lead);
    const stolen = await sessionCookie(page.context());
    await signOut(page);

    await page.context().addCookies([stolen]);
    await page.goto(`/inspections/${world.inspectionId}`);
    await expect(page).toHaveURL(/\/sign-in/);
    await expect(page.getByRole('heading', { name: 'Sign in to Casemark' })).toBeVisible();
    await page.context().addCookies([stolen]);
    expect(await (await page.request.get('/api/auth/session')).json()).toEqual({});
  });

  test('/api/auth/session never extends the session and does not re-issue the cookie', async ({ page }) => {
    const user = await createUser('session-reader');
    const before = Date.now();
    await signIn(page, user);
    const first = await page.request.get('/api/auth/session');
    const body = await first.json();
    expect(body.user).toEqual({ id: user.id, name: user.name, email: user.email });
    const expires = Date.parse(body.expires);
    // CASEMARK_SESSION_HOURS (10) from sign-in.
    expect(expires).toBeGreaterThanOrEqual(before + 10 * 3600_000 - 60_000);
    expect(expires).toBeLessThanOrEqual(Date.now() + 10 * 3600_000);
    const cookieBefore = (await sessionCookie(page.context())).value;

    const second = await page.request.get('/api/auth/session');
    expect(Date.parse((await second.json()).expires)).toBe(expires);
    for (const response of [first, second]) {
      expect(response.headersArray().filter((h) => h.name.toLowerCase() === 'set-cookie')).toEqual([]);
    }
    expect((await sessionCookie(page.context())).value).toBe(cookieBefore);
    const rows = await sql<{ expires_at: Date }>(`SELECT expires_at FROM user_sessions WHERE user_id = $1`, [user.id]);
    expect(rows.map((r) => r.expires_at.getTime())).toEqual([expires]);

    // At the session's end (brought forward here) the cookie opens nothing, though its JWT is unexpired.
    await sql(`UPDATE user_sessions SET expires_at = now() WHERE user_id = $1`, [user.id]);
    await page.goto('/');
    await expect(page).toHaveURL(/\/sign-in/);
    expect(await (await page.request.get('/api/auth/session')).json()).toEqual({});
  });

  test('nothing about a deactivated or reset user is returned by /api/auth/session', async ({ page }) => {
    const user = await createUser('deactivated-later');
    await signIn(page, user);
    const cookie = await sessionCookie(page.context());
    await sql(`UPDATE users SET is_active = false WHERE id = $1`, [user.id]);
    const answer = await page.request.get('/api/auth/session');
    expect(await answer.json()).toEqual({});
    // The dead cookie is deleted, not refreshed.
    expect(answer.headers()['set-cookie']).toMatch(/next-auth\.session-token=;.*(Max-Age=0|Expires=Thu, 01 Jan 1970)/i);

    const reset = await createUser('reset-later');
    await signIn(page, reset);
    await sql(`UPDATE users SET sessions_valid_from = now() WHERE id = $1`, [reset.id]);
    expect(await (await page.request.get('/api/auth/session')).json()).toEqual({});
    await page.context().addCookies([cookie]);
    expect(await (await page.request.get('/api/auth/session')).json()).toEqual({});
  });

  test('an admin’s password reset, deactivation, and signing out each end open ratings-panel streams at once', async ({
    page,
    browser,
  }) => {
    const world = await createWorld();
    const admin = await createUser('admin', { isAdmin: true });
    await signIn(page, admin);

    // A password reset.
    const lead = await openSignedInPage(browser, world.lead);
    await openPanel(lead, world.inspectionId);
    await page.goto(`/admin/users/${world.lead.id}`);
    await page.getByLabel('New password').fill('a-brand-new-password-1');
    await page.getByRole('button', { name: 'Reset password' }).click();
    await expectPanelEnded(lead);
    await lead.goto(`/inspections/${world.inspectionId}`);
    await expect(lead).toHaveURL(/\/sign-in/);
    await lead.context().close();

    // A deactivation, then a reactivation that does not bring the old session back.
    const manager = await openSignedInPage(browser, world.manager);
    const managerCookie = await sessionCookie(manager.context());
    await openPanel(manager, world.inspectionId);
    await page.goto(`/admin/users/${world.manager.id}`);
    await page.getByRole('button', { name: 'Deactivate account' }).click();
    await expectPanelEnded(manager);
    await page.goto(`/admin/users/${world.manager.id}`);
    await page.getByRole('button', { name: 'Reactivate account' }).click();
    await expect(page.getByRole('button', { name: 'Deactivate account' })).toBeVisible();
    await manager.context().addCookies([managerCookie]);
    await manager.goto(`/inspections/${world.inspectionId}`);
    await expect(manager).toHaveURL(/\/sign-in/);
    // Signing in again works.
    await signIn(manager, world.manager);
    await manager.context().close();

    // Signing out in another tab of the same browser.
    const lead2 = await openSignedInPage(browser, world.otherInspector);
    await sql(`UPDATE inspection_members SET role = 'lead_inspector' WHERE inspection_id = $1 AND user_id = $2`, [
      world.inspectionId,
      world.otherInspector.id,
    ]);
    await openPanel(lead2, world.inspectionId);
    const otherTab = await lead2.context().newPage();
    await otherTab.goto('/');
    await signOut(otherTab);
    await expectPanelEnded(lead2);
    await lead2.context().close();
  });
});

test('a password works again after the growing delay, and a browser that signed in before is never kept out', async ({ page, browser }) => {
  const user = await createUser('guarded');
  // This browser signed in before: it carries the account's device cookie.
  await signIn(page, user);
  await signOut(page);

  // Someone else, elsewhere, sends wrong passwords: five through the form…
  const attacker = await browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': '192.0.2.66' } });
  const attackerPage = await attacker.newPage();
  await attackerPage.goto('/sign-in');
  for (let attempt = 1; attempt <= 5; attempt++) {
    await attackerPage.getByLabel('Email address').fill(user.email);
    await attackerPage.getByLabel('Password').fill(`wrong-${attempt}`);
    await attackerPage.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(attackerPage.getByTestId('error-summary')).toContainText('Enter a correct email address and password');
    await expect(attackerPage.getByRole('button', { name: 'Sign in', exact: true })).toBeEnabled();
  }
  // …and five more from elsewhere just now (recorded as the app records them).
  await sql(
    `INSERT INTO login_attempts (email, ip, is_success, attempted_at) SELECT $1, '192.0.2.67', false, now() FROM generate_series(1, 5)`,
    [user.email],
  );
  // Browsers the account has not trusted now wait, even with the right password…
  await attackerPage.getByLabel('Password').fill(PASSWORD);
  await attackerPage.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(attackerPage.getByTestId('error-summary')).toContainText(
    /Too many failed sign-in attempts\. Wait \d+ seconds, then try again\./,
  );
  await expect(attackerPage.getByRole('button', { name: 'Sign out' })).toHaveCount(0);
  await attacker.close();

  // …but the user's own browser signs straight in.
  await signIn(page, user);
});
