import type { Page } from '@playwright/test';
import { E2E_OIDC } from '../playwright.config';
import { expectNoAxeViolations } from './fixtures/axe';
import { expect, test } from './fixtures/test';
import { createUser, createWorld, sql } from './fixtures/world';

const BUTTON = `Sign in with ${E2E_OIDC.name}`;

/** Goes through the test identity provider's own login and consent pages as `email`. */
async function signInAtProvider(page: Page, email: string) {
  await page.goto('/sign-in');
  await page.getByRole('button', { name: BUTTON }).click();
  await expect(page).toHaveURL(new RegExp(`^${E2E_OIDC.issuer}/`));
  await page.locator('input[name="login"]').fill(email);
  await page.locator('input[name="password"]').fill('anything');
  await page.getByRole('button', { name: 'Sign-in' }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
}

test.describe('single sign-on (OpenID Connect)', () => {
  test('an active user signs in with the organisation’s account, matched by verified email, and sees their inspections', async ({
    page,
  }) => {
    const world = await createWorld();
    await page.goto('/sign-in');
    await expect(page.getByRole('button', { name: BUTTON })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Or sign in with your email address and password' })).toBeVisible();
    await expectNoAxeViolations(page);

    // The provider gives the address in another case: matched case-insensitively.
    await signInAtProvider(page, world.lead.email.toUpperCase());
    await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Your inspections' })).toBeVisible();
    await expect(page.getByRole('link', { name: world.serviceName })).toBeVisible();
    await expect(page.getByText('Lead inspector')).toBeVisible();
    const sessions = await sql<{ method: string }>(`SELECT method FROM user_sessions WHERE user_id = $1`, [world.lead.id]);
    expect(sessions.map((s) => s.method)).toEqual(['oidc']);
    // Nobody was created, and the role stayed Casemark's.
    expect((await sql(`SELECT 1 FROM users WHERE lower(email) = lower($1)`, [world.lead.email])).length).toBe(1);
  });

  test('an email with no Casemark account is refused with a clear message, creating nobody', async ({ page }) => {
    const stranger = `stranger-${Date.now()}@e2e.example`;
    await signInAtProvider(page, stranger);
    await expect(page).toHaveURL(/\/sign-in\?error=OidcNoAccount/);
    const summary = page.getByTestId('error-summary');
    await expect(summary).toBeFocused();
    await expect(summary).toContainText('There is no active Casemark account for the email address your organisation’s sign-in gave');
    await expect(page.getByRole('button', { name: 'Sign out' })).toHaveCount(0);
    expect(await sql(`SELECT 1 FROM users WHERE email = $1`, [stranger])).toHaveLength(0);
    await expectNoAxeViolations(page);
  });

  test('a deactivated user cannot sign in this way either', async ({ page }) => {
    const retired = await createUser('retired-sso', { isActive: false });
    await signInAtProvider(page, retired.email);
    await expect(page.getByTestId('error-summary')).toContainText('There is no active Casemark account');
    await expect(page.getByRole('button', { name: 'Sign out' })).toHaveCount(0);
    expect(await sql(`SELECT 1 FROM user_sessions WHERE user_id = $1`, [retired.id])).toHaveLength(0);
  });

  test('an email the provider has not verified is refused', async ({ page }) => {
    await signInAtProvider(page, `unverified-${Date.now()}@e2e.example`);
    await expect(page.getByTestId('error-summary')).toContainText('did not confirm your email address');
    await expectNoAxeViolations(page);
  });
});
