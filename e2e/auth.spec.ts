import { expectNoAxeViolations } from './fixtures/axe';
import { expect, test } from './fixtures/test';
import { PASSWORD, createUser, createWorld, signIn, signOut, sql } from './fixtures/world';

const PUBLISHED_REPORT_SERVICES = [
  'Blackpool Youth Justice Service',
  'Dudley Youth Offending Service',
  'Leicestershire Youth and Justice Service',
  'St Helens Youth Justice Service',
  'Wigan Youth Offending Team',
];

test.describe('sign-in and roles', () => {
  test('each demo role signs in and sees exactly its inspections', async ({ page }) => {
    const expectations: Record<string, string[]> = {
      'admin@casemark.example': ['Northshire Youth Justice Service', 'Westvale Youth Offending Team'],
      'lead@casemark.example': ['Northshire Youth Justice Service'],
      'lead2018@casemark.example': ['Westvale Youth Offending Team'],
      'inspector@casemark.example': ['Northshire Youth Justice Service', 'Westvale Youth Offending Team'],
      'inspector2@casemark.example': ['Northshire Youth Justice Service'],
      'inspector3@casemark.example': ['Westvale Youth Offending Team'],
      // The manager also sees the five published reports the demo rebuilds (prisma/seed.ts).
      'manager@casemark.example': ['Northshire Youth Justice Service', 'Westvale Youth Offending Team', ...PUBLISHED_REPORT_SERVICES],
    };
    for (const [email, services] of Object.entries(expectations)) {
      await signIn(page, { email }, 'casemark-demo');
      const headings = page.getByTestId('inspection-item').getByRole('heading');
      const names = (await headings.allTextContents()).filter((n) => !n.includes('-')); // demo services only
      if (email.startsWith('admin')) {
        for (const s of services) await expect(page.getByRole('link', { name: s })).toBeVisible();
      } else {
        expect(names.sort()).toEqual(services.sort());
      }
      await signOut(page);
    }
  });

  test('team members see their inspection; others get not-found by URL', async ({ page }) => {
    const world = await createWorld();
    await signIn(page, world.lead);
    await expect(page.getByRole('heading', { name: 'Your inspections' })).toBeVisible();
    await expect(page.getByRole('link', { name: world.serviceName })).toBeVisible();
    await expect(page.getByText('Lead inspector')).toBeVisible();
    await expectNoAxeViolations(page);

    await page.getByRole('link', { name: world.serviceName }).click();
    await expect(page.getByRole('heading', { name: world.serviceName })).toBeVisible();
    await expect(page.getByTestId('case-row')).toHaveCount(2);
    await expectNoAxeViolations(page);

    await signOut(page);
    await signIn(page, world.outsider);
    await expect(page.getByTestId('no-inspections')).toBeVisible();
    const response = await page.goto(`/inspections/${world.inspectionId}`);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
    await expect(page.getByText(world.serviceName)).toHaveCount(0);
    await expectNoAxeViolations(page);
  });

  test('an inspector sees only the cases allocated to them', async ({ page }) => {
    const world = await createWorld();
    await signIn(page, world.inspector);
    await page.goto(`/inspections/${world.inspectionId}`);
    await expect(page.getByRole('heading', { name: 'Your cases' })).toBeVisible();
    await expect(page.getByTestId('case-row')).toHaveCount(1);
    await expect(page.getByRole('link', { name: 'C-001' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'C-002' })).toHaveCount(0);
  });

  test('a wrong password or empty fields are refused with an error summary', async ({ page }) => {
    const user = await createUser('someone');
    await page.goto('/sign-in');
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    const summary = page.getByTestId('error-summary');
    await expect(summary).toBeFocused();
    await expect(summary.getByRole('link', { name: 'Enter your email address' })).toBeVisible();
    await expect(summary.getByRole('link', { name: 'Enter your password' })).toBeVisible();
    await expect(page.getByLabel('Email address')).toHaveAttribute('aria-invalid', 'true');
    await expectNoAxeViolations(page);

    await page.getByLabel('Email address').fill(user.email);
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(summary.getByRole('link', { name: 'Enter a correct email address and password' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Sign out' })).toHaveCount(0);
  });

  test('after five wrong passwords a browser must wait a growing delay, even with the right password, but is never locked out', async ({
    page,
  }) => {
    const user = await createUser('throttled');
    await page.goto('/sign-in');
    for (let attempt = 1; attempt <= 5; attempt++) {
      await page.getByLabel('Email address').fill(user.email);
      await page.getByLabel('Password').fill(`wrong-${attempt}`);
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await expect(page.getByTestId('error-summary')).toContainText('Enter a correct email address and password');
      await expect(page.getByRole('button', { name: 'Sign in', exact: true })).toBeEnabled();
    }
    // Five more failures just now (as from a script elsewhere): the delay is 2^5 seconds.
    await sql(
      `INSERT INTO login_attempts (email, ip, is_success, attempted_at) SELECT $1, '192.0.2.1', false, now() FROM generate_series(1, 5)`,
      [user.email],
    );
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(page.getByTestId('error-summary')).toContainText(
      /Too many failed sign-in attempts\. Wait (3[0-2]|[12]\d) seconds, then try again\./,
    );
    await expect(page.getByRole('button', { name: 'Sign out' })).toHaveCount(0);
    // The refusal was not counted, and the password was not checked.
    const rows = await sql<{ n: number; ok: number }>(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE is_success)::int AS ok FROM login_attempts WHERE email = $1`,
      [user.email],
    );
    expect(rows[0]).toEqual({ n: 10, ok: 0 });
    // Once the delay is over (moved into the past here), the right password works: no hard lock.
    await sql(`UPDATE login_attempts SET attempted_at = attempted_at - interval '40 seconds' WHERE email = $1`, [user.email]);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  });

  test('a deactivated user cannot sign in', async ({ page }) => {
    const user = await createUser('retired', { isActive: false });
    await page.goto('/sign-in');
    await page.getByLabel('Email address').fill(user.email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(page.getByTestId('error-summary')).toContainText('Enter a correct email address and password');
  });

  test('signing out ends the session', async ({ page }) => {
    const world = await createWorld();
    await signIn(page, world.manager);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page.getByTestId('signed-out')).toBeVisible();
    await page.goto(`/inspections/${world.inspectionId}`);
    await expect(page).toHaveURL(/\/sign-in/);
    await expect(page.getByRole('heading', { name: 'Sign in to Casemark' })).toBeVisible();
  });
});
