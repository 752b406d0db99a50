import type { Page } from '@playwright/test';
import { expectNoAxeViolations } from './fixtures/axe';
import { expect, test } from './fixtures/test';
import { goOffline, goOnline } from './fixtures/network';
import { keptPaths } from './fixtures/offline';
import { createWorld, signIn, sql } from './fixtures/world';

// Issue 11, "Open cases with no connection": opening the inspection online makes the inspector's
// allocated cases available offline by themselves, for that inspector alone.
//
// Offline here means the page AND the service worker: Playwright 1.65 (Chromium, serviceWorkers
// 'allow', the default) applies `context.setOffline` to the worker's own fetches too, and this
// spec checks it by finding nothing saved while offline. Requests a worker passes on without
// answering (server actions) still reach the server under the emulation alone (seen: 3.1.1 saved
// while the page said "Offline"), so every request is also aborted at the context while offline,
// as a real loss of network would (docs/reliability.md, "How the browser tests go offline").

// createWorld allocates cases in turn: the 1st and 3rd to `inspector`, the 2nd and 4th to `otherInspector`.
const CASES = [
  { reference: 'OPEN-1', type: 'court' as const, disposal: 'referral_order' },
  { reference: 'OPEN-2', type: 'court' as const, disposal: 'referral_order' },
  { reference: 'OPEN-3', type: 'out_of_court' as const, disposal: 'youth_conditional_caution' },
  { reference: 'OPEN-4', type: 'out_of_court' as const, disposal: 'youth_conditional_caution' },
];

const judgement = (page: Page, questionId: string, label: 'Yes' | 'No') =>
  page.getByTestId(`question-${questionId}`).locator('fieldset').first().getByLabel(label, { exact: true });

/**
 * Waits until the inspection page says every allocated case is kept (which it says once the worker
 * is active: a navigation goes through the active worker even from a page loaded before it).
 */
async function waitUntilAvailableOffline(page: Page, count: number) {
  const status = page.getByTestId('offline-cases-status');
  await expect(status).toHaveText(new RegExp(`^Your ${count} cases are available offline \\(updated \\d\\d:\\d\\d\\)$`), {
    timeout: 45_000,
  });
  expect(await page.evaluate(() => navigator.serviceWorker.ready.then((r) => r.active !== null))).toBe(true);
}

const answersOf = (caseId: string) =>
  sql<{ question_id: string; value: string | null; note: string | null }>(
    `SELECT question_id, value, note FROM answers WHERE case_id = $1 ORDER BY question_id`,
    [caseId],
  );

test.describe('opening allocated cases with no connection', () => {
  test('opening the inspection keeps every allocated case; one never opened is marked offline and saved once back online', async ({
    page,
    context,
  }) => {
    test.setTimeout(120_000);
    const world = await createWorld({ framework: '2021', cases: CASES });
    const [first, notMine, third] = world.cases;
    if (!first || !notMine || !third) throw new Error('world has four cases');
    const inspectionUrl = `/inspections/${world.inspectionId}`;
    const caseUrl = `${inspectionUrl}/cases/${third.id}`;

    await signIn(page, world.inspector);
    await page.goto(inspectionUrl);
    await waitUntilAvailableOffline(page, 2);
    await expect(page.getByRole('button', { name: 'Make my cases available offline' })).toBeVisible();
    await expectNoAxeViolations(page);

    // Only the inspector's own cases: every page of each, nothing of anyone else's.
    const kept = await keptPaths(page, world.inspector.id);
    for (const path of [caseUrl, `${caseUrl}/standards/3.1`, `${caseUrl}/standards/3.2`, `${caseUrl}/standards/3.3`, `${caseUrl}/check`]) {
      expect(kept).toContain(path);
    }
    expect(kept).toContain(`${inspectionUrl}/cases/${first.id}/standards/2.1`);
    expect(kept.filter((p) => p.includes(notMine.id))).toEqual([]);

    // Opening the inspection again finds nothing changed and fetches nothing.
    const fetched: string[] = [];
    page.on('request', (r) => {
      // The page's own fetches of case pages (Accept: text/html), not the router's prefetches.
      if (r.resourceType() === 'fetch' && r.url().includes('/cases/') && r.headers()['accept'] === 'text/html') fetched.push(r.url());
    });
    await page.reload();
    await waitUntilAvailableOffline(page, 2);
    expect(fetched).toEqual([]);

    await goOffline(context);
    // Casemark's home page opens too.
    await page.goto('/');
    await expect(page.getByRole('link', { name: world.serviceName })).toBeVisible();
    await page.goto(inspectionUrl);
    // The out-of-court case was never opened: its task list, a standard page and check your answers open.
    await page.getByRole('link', { name: 'OPEN-3', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Case OPEN-3' })).toBeVisible();
    await page.getByRole('link', { name: /^3\.1 / }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('3.1');
    await judgement(page, '3.1.1', 'Yes').check();
    await judgement(page, '3.1.2', 'No').check();
    await page.getByLabel('Evidence for 3.1.1 (optional)').first().fill('Assessment drew on the school’s records.');
    await expect(page.getByTestId('save-status')).toHaveText('Offline — 3 changes kept on this device');
    await expectNoAxeViolations(page);

    await page.goto(`${caseUrl}/check`);
    await expect(page.getByRole('heading', { name: 'Check your answers' })).toBeVisible();
    const unsent = page.getByTestId('unsent-changes');
    await expect(unsent).toContainText('3 changes are kept on this device, not yet sent');
    await expect(unsent).toContainText('3.1.1: Yes');
    await expect(unsent).toContainText('3.1.2: No');
    await expect(unsent).toContainText('3.1.1 evidence: Assessment drew on the school’s records.');
    await expect(page.getByTestId('complete-offline')).toContainText('needs a connection');
    await expect(page.getByRole('button', { name: 'Mark as complete' })).toBeDisabled();
    await expectNoAxeViolations(page);

    // Reopening the standard offline shows the kept answers, from the outbox.
    await page.goto(`${caseUrl}/standards/3.1`);
    await expect(judgement(page, '3.1.1', 'Yes')).toBeChecked();
    await expect(judgement(page, '3.1.2', 'No')).toBeChecked();
    await expect(page.getByTestId('save-status')).toHaveText('Offline — 3 changes kept on this device');
    expect(await answersOf(third.id)).toEqual([]);

    await page.goto(inspectionUrl);
    await expect(page.getByTestId('offline-cases-status')).toHaveText(/^Your 2 cases are available offline/);

    // Back online: every change is sent, and the case's pages are kept afresh.
    await goOnline(context);
    await expect
      .poll(() => answersOf(third.id))
      .toEqual([
        { question_id: '3.1.1', value: 'yes', note: 'Assessment drew on the school’s records.' },
        { question_id: '3.1.2', value: 'no', note: null },
      ]);
    // Once they are sent, the case's pages are kept afresh: offline again, they show the saved answers.
    const keptCheckPage = () =>
      page.evaluate(async (url) => {
        const kept = await caches.match(new URL(url, location.origin).href);
        return kept ? (await kept.text()).includes('drew on the school') : false;
      }, `${caseUrl}/check`);
    await expect.poll(keptCheckPage, { timeout: 30_000 }).toBe(true);
    await goOffline(context);
    await page.goto(`${caseUrl}/check`);
    await expect(page.getByText('Assessment drew on the school’s records.')).toBeVisible();
    await expect(page.getByTestId('unsent-changes')).toHaveCount(0);
    await page.goto(`${caseUrl}/standards/3.1`);
    await expect(judgement(page, '3.1.2', 'No')).toBeChecked();
    await expect(page.getByTestId('save-status')).not.toContainText('kept on this device');
    await goOnline(context);

    await page.goto(`${caseUrl}/standards/3.1`);
    await expect(judgement(page, '3.1.1', 'Yes')).toBeChecked();
    await expect(page.getByTestId('save-status')).not.toContainText('Offline');
  });

  test('another user signing in on the same browser cannot open the first user’s kept cases offline; signing out wipes them', async ({
    page,
    context,
  }) => {
    test.setTimeout(120_000);
    const world = await createWorld({ framework: '2021', cases: CASES.slice(0, 2) });
    const [mine, theirs] = world.cases;
    if (!mine || !theirs) throw new Error('world has two cases');
    const inspectionUrl = `/inspections/${world.inspectionId}`;
    const myCaseUrl = `${inspectionUrl}/cases/${mine.id}`;

    await signIn(page, world.inspector);
    await page.goto(inspectionUrl);
    await expect(page.getByTestId('offline-cases-status')).toHaveText(/^Your case is available offline \(updated \d\d:\d\d\)$/, {
      timeout: 45_000,
    });
    expect(await keptPaths(page, world.inspector.id)).toContain(`${myCaseUrl}/check`);

    // The session ends without signing out (the cookie is gone); someone else signs in here.
    await context.clearCookies();
    await signIn(page, world.otherInspector);
    await page.goto(inspectionUrl);
    await expect(page.getByTestId('offline-cases-status')).toHaveText(/^Your case is available offline/, { timeout: 45_000 });

    await goOffline(context);
    await page.goto(myCaseUrl);
    await expect(page.getByRole('heading', { name: 'You are offline' })).toBeVisible();
    await page.goto(`${myCaseUrl}/standards/2.1`);
    await expect(page.getByRole('heading', { name: 'You are offline' })).toBeVisible();
    // Their own case opens.
    await page.goto(`${inspectionUrl}/cases/${theirs.id}`);
    await expect(page.getByRole('heading', { name: 'Case OPEN-2' })).toBeVisible();
    await goOnline(context);

    // Signing out wipes what was kept for them; the first inspector's pages are still theirs alone.
    await page.goto(inspectionUrl);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page.getByTestId('signed-out')).toBeVisible();
    expect(await keptPaths(page, world.otherInspector.id)).toEqual([]);
    await goOffline(context);
    await page.goto(myCaseUrl);
    await expect(page.getByRole('heading', { name: 'You are offline' })).toBeVisible();
    await goOnline(context);

    // The first inspector signs in again and signs out: their kept cases go too.
    await signIn(page, world.inspector);
    await page.goto(inspectionUrl);
    await expect(page.getByTestId('offline-cases-status')).toHaveText(/^Your case is available offline/, { timeout: 45_000 });
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page.getByTestId('signed-out')).toBeVisible();
    expect(await keptPaths(page, world.inspector.id)).toEqual([]);
  });

  test('a lead who sees the whole sample keeps only the cases allocated to them', async ({ page }) => {
    const world = await createWorld({ framework: '2021', cases: CASES.slice(0, 2) });
    const [leadsCase, other] = world.cases;
    if (!leadsCase || !other) throw new Error('world has two cases');
    await sql(`UPDATE cases SET inspector_id = $1 WHERE id = $2`, [world.lead.id, leadsCase.id]);
    await signIn(page, world.lead);
    await page.goto(`/inspections/${world.inspectionId}`);
    await expect(page.getByTestId('case-row')).toHaveCount(2);
    await expect(page.getByTestId('offline-cases-status')).toHaveText(/^Your case is available offline/, { timeout: 45_000 });
    const kept = await keptPaths(page, world.lead.id);
    expect(kept).toContain(`/inspections/${world.inspectionId}/cases/${leadsCase.id}/check`);
    expect(kept.filter((p) => p.includes(other.id))).toEqual([]);
  });
});
