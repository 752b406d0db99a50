import type { Page } from '@playwright/test';
import { expectNoAxeViolations } from './fixtures/axe';
import { expect, test } from './fixtures/network';
import { openCaseListKept } from './fixtures/offline';
import { createWorld, signIn, sql } from './fixtures/world';
import { at } from '../lib/must';

// Issue 20's leftovers, on the real network of e2e/fixtures/network.ts (`navigator.onLine` stays
// true): counts that follow a change into the other tabs of the browser, check your answers that
// says completing needs a connection as soon as a change waits, and the styled offline page.

const COURT_CASE = [{ reference: 'TAB-1', type: 'court' as const, disposal: 'referral_order' }];

const judgement = (page: Page, questionId: string, label: 'Yes' | 'No') =>
  page.getByTestId(`question-${questionId}`).locator('fieldset').first().getByLabel(label, { exact: true });

test.describe('offline across tabs', () => {
  test('a change kept in one tab shows at once in the others: the case list badge, and check your answers needing a connection', async ({
    page,
    context,
    network,
  }) => {
    test.setTimeout(120_000);
    const world = await createWorld({ framework: '2021', cases: COURT_CASE });
    const kase = at(world.cases, 0);
    const listUrl = `/inspections/${world.inspectionId}`;
    await signIn(page, world.inspector);
    await page.goto(listUrl);
    await expect(page.getByTestId('case-row')).toBeVisible();
    const check = await context.newPage();
    await check.goto(`${listUrl}/cases/${kase.id}/check`);
    await expect(check.getByRole('button', { name: 'Mark as complete' })).toBeVisible();
    await expect(check.getByTestId('complete-offline')).toBeHidden();
    const marking = await context.newPage();
    await marking.goto(`${listUrl}/cases/${kase.id}/standards/2.1`);
    await expect(marking.getByRole('heading', { level: 1 })).toContainText('2.1');

    // A black hole: the save is on its way and has not failed yet (it fails after 10 s). The other
    // tabs have sent nothing, so nothing has failed in them either — yet they show the change.
    await network.setMode('black-hole');
    await judgement(marking, '2.1.1', 'No').check();
    const badge = page.getByTestId('case-row').getByTestId('unsent-badge');
    await expect(badge).toHaveText('1 unsent change', { timeout: 5_000 });
    await expect(check.getByTestId('unsent-changes')).toContainText('1 change is kept on this device, not yet sent', { timeout: 5_000 });
    await expect(check.getByTestId('complete-offline')).toHaveText(
      /^1 change kept on this device has not reached Casemark yet\. Marking a case as complete needs a connection/,
      { timeout: 5_000 },
    );
    await expect(check.getByRole('button', { name: 'Mark as complete' })).toBeDisabled();
    await expectNoAxeViolations(check);

    // The connection comes back: a retry sends it (the marking tab's, or a sender's), and every tab hears.
    await network.setMode('forward');
    await expect(badge).toBeHidden({ timeout: 45_000 });
    expect(await sql(`SELECT value FROM answers WHERE case_id = $1 AND question_id = '2.1.1'`, [kase.id])).toEqual([{ value: 'no' }]);
    await expect(check.getByTestId('unsent-changes')).toBeHidden();
    await expect(check.getByTestId('complete-offline')).toBeHidden();
  });

  test('a page never kept opens the styled offline page, whose link goes back to the kept case list', async ({ page, network }) => {
    test.setTimeout(90_000);
    const world = await createWorld({ framework: '2021', cases: COURT_CASE });
    const kase = at(world.cases, 0);
    await signIn(page, world.inspector);
    const listUrl = await openCaseListKept(page, world.inspectionId, world.inspector);

    await network.setMode('cut');
    // A case's history is never kept on the device.
    await page.goto(`${listUrl}/cases/${kase.id}/history`);
    await expect(page.getByRole('heading', { level: 1, name: 'You are offline' })).toBeVisible();
    expect(await page.evaluate(() => navigator.onLine)).toBe(true);
    // Casemark's look (GOV.UK type and colours), not the browser's default page.
    const look = await page.evaluate(() => ({
      font: getComputedStyle(document.body).fontFamily,
      header: getComputedStyle(document.querySelector('header') as Element).backgroundColor,
      heading: getComputedStyle(document.querySelector('h1') as Element).fontSize,
    }));
    expect(look).toEqual({ font: 'Arial, sans-serif', header: 'rgb(11, 12, 12)', heading: '36px' });
    await expectNoAxeViolations(page);

    await page.getByRole('link', { name: 'Go back to the case list' }).click();
    await expect(page).toHaveURL(new RegExp(`${listUrl}$`));
    await expect(page.getByTestId('case-row')).toContainText('TAB-1');
  });
});
