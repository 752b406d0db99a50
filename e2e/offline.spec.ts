import type { BrowserContext, Page } from '@playwright/test';
import { expectNoAxeViolations } from './fixtures/axe';
import { expect, test } from './fixtures/test';
import { openDevice } from './fixtures/network';
import { outboxSize } from './fixtures/offline';
import { createWorld, openSignedInPage, signIn, sql } from './fixtures/world';
import { at } from '../lib/must';

// Issue 11: an answer made off the network is kept on the device, sent when the connection is
// back, and never silently overwritten; the outbox belongs to the signed-in user.

const COURT_CASE = [{ reference: 'OFF-1', type: 'court' as const, disposal: 'referral_order' }];

const judgement = (page: Page, questionId: string, label: 'Yes' | 'No') =>
  page.getByTestId(`question-${questionId}`).locator('fieldset').first().getByLabel(label, { exact: true });

const answersOf = (caseId: string) =>
  sql<{ question_id: string; value: string | null; note: string | null }>(
    `SELECT question_id, value, note FROM answers WHERE case_id = $1 ORDER BY question_id`,
    [caseId],
  );

test.describe('marking offline', () => {
  // The outbox on its own: with a service worker in control, saves made under Playwright's emulated
  // offline mode were seen to reach the server anyway, which real offline never allows (ADR 0011).
  test.use({ serviceWorkers: 'block' });
  test('answers and a note made offline survive closing the page and are all saved on the next open', async ({ browser }) => {
    const world = await createWorld({ framework: '2021', cases: COURT_CASE });
    const kase = at(world.cases, 0);
    const url = `/inspections/${world.inspectionId}/cases/${kase.id}/standards/2.1`;
    // Behind its own proxy: the page closed offline must send nothing (docs/reliability.md, "How the browser tests go offline").
    const device = await openDevice(browser);
    const { context } = device;
    const page = await context.newPage();
    await signIn(page, world.inspector);
    await page.goto(url);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('2.1');

    await device.goOffline();
    const madeFrom = Date.now();
    await judgement(page, '2.1.1', 'Yes').check();
    await judgement(page, '2.1.2', 'No').check();
    await page.getByLabel('Evidence for 2.1.1 (optional)').first().fill('Assessment drew well on education records.');
    const status = page.getByTestId('save-status');
    await expect(status).toHaveText('Offline — 3 changes kept on this device');
    const madeTo = Date.now();
    await expect(status).toHaveAttribute('data-kind', 'offline');
    await expectNoAxeViolations(page);
    expect(await answersOf(kase.id)).toEqual([]);

    // Signing out now would lose them: it asks, and saying no keeps everything.
    page.once('dialog', (dialog) => {
      expect(dialog.message()).toContain('3 changes have not been sent');
      void dialog.dismiss();
    });
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(status).toHaveText('Offline — 3 changes kept on this device');
    expect(await outboxSize(page)).toBe(3);

    await page.close();
    expect(await answersOf(kase.id)).toEqual([]);
    await device.goOnline();
    const reopened = await context.newPage();
    await reopened.goto(url);
    await expect(reopened.getByTestId('save-status')).toHaveText(/^All changes saved at \d\d:\d\d$/);
    await expect(judgement(reopened, '2.1.1', 'Yes')).toBeChecked();
    await expect(judgement(reopened, '2.1.2', 'No')).toBeChecked();
    await expect(reopened.getByLabel('Evidence for 2.1.1 (optional)').first()).toHaveValue('Assessment drew well on education records.');
    expect(await answersOf(kase.id)).toEqual([
      { question_id: '2.1.1', value: 'yes', note: 'Assessment drew well on education records.' },
      { question_id: '2.1.2', value: 'no', note: null },
    ]);
    expect(await outboxSize(reopened)).toBe(0);
    // Replayed from the device, so the audit trail records them as offline replay (issue 23), with
    // when each was made there (this machine's clock is the device's) before the server saved it.
    const sources = await sql<{ source: string | null; made_at: string; saved_at: Date }>(
      `SELECT new_value->>'source' AS source, new_value->>'madeAt' AS made_at, at AS saved_at FROM audit_entries
       WHERE entity_id LIKE $1 || ':%' AND action IN ('answer.value', 'answer.note') ORDER BY id`,
      [kase.id],
    );
    expect(sources.map((r) => r.source)).toEqual(['outbox', 'outbox', 'outbox']);
    for (const { made_at, saved_at } of sources) {
      const madeAt = Date.parse(made_at);
      expect(madeAt).toBeGreaterThanOrEqual(madeFrom);
      expect(madeAt).toBeLessThanOrEqual(Math.min(madeTo, saved_at.getTime()));
    }
    // The lead reads it on the case's history: the route, and when it was made on the device.
    const history = await openSignedInPage(browser, world.lead);
    await history.goto(`/inspections/${world.inspectionId}/cases/${kase.id}/history`);
    await expect(history.getByTestId('history-row').filter({ hasText: 'Offline replay' })).toHaveCount(3);
    await expect(history.getByTestId('made-on-device')).toHaveCount(3);
    await expectNoAxeViolations(history);
    await history.context().close();
    await expectNoAxeViolations(reopened);
    await device.close();
  });

  test('the same answer changed offline on two devices gives a conflict on the second sync, never an overwrite', async ({ browser }) => {
    const world = await createWorld({ framework: '2021', cases: COURT_CASE });
    const kase = at(world.cases, 0);
    const url = `/inspections/${world.inspectionId}/cases/${kase.id}/standards/2.1`;
    // Each device behind its own proxy, so offline is a refused connection, not only the emulation.
    const laptopDevice = await openDevice(browser);
    const tabletDevice = await openDevice(browser);
    const device = async ({ context }: { context: BrowserContext }) => {
      const page = await context.newPage();
      await signIn(page, world.inspector);
      return page;
    };
    const laptop = await device(laptopDevice);
    const tablet = await device(tabletDevice);
    await laptop.goto(url);
    await tablet.goto(url);
    await laptopDevice.goOffline();
    await tabletDevice.goOffline();

    await judgement(tablet, '2.1.1', 'No').check();
    await expect(tablet.getByTestId('save-status')).toHaveText('Offline — 1 change kept on this device');
    await tablet.close();
    expect(await answersOf(kase.id)).toEqual([]);

    await judgement(laptop, '2.1.1', 'Yes').check();
    await expect(laptop.getByTestId('save-status')).toHaveText('Offline — 1 change kept on this device');
    await laptopDevice.goOnline();
    await expect(laptop.getByTestId('save-status')).toHaveText(/^All changes saved at/);
    expect((await answersOf(kase.id))[0]).toMatchObject({ question_id: '2.1.1', value: 'yes' });

    // The tablet comes back online: its change was made on the old answer, so it is held.
    await tabletDevice.goOnline();
    const list = await tabletDevice.context.newPage();
    await list.goto(`/inspections/${world.inspectionId}`);
    await expect(list.getByTestId('case-row').getByTestId('unsent-badge')).toHaveText('1 unsent change');
    await expectNoAxeViolations(list);
    await list.goto(url);
    const conflict = list.getByTestId('conflict-2.1.1');
    await expect(conflict).toBeVisible();
    await expect(conflict.getByTestId('conflict-mine')).toHaveText('No');
    await expect(conflict.getByTestId('conflict-theirs')).toHaveText('Yes');
    expect((await answersOf(kase.id))[0]).toMatchObject({ value: 'yes' });
    await expectNoAxeViolations(list);

    // Signing out with the change still unsent warns, and when confirmed wipes it from the device.
    {
      list.once('dialog', (dialog) => void dialog.accept());
      await list.getByRole('button', { name: 'Sign out' }).click();
      await expect(list.getByTestId('signed-out')).toBeVisible();
    }
    expect(await outboxSize(list)).toBe(0);
    expect((await answersOf(kase.id))[0]).toMatchObject({ value: 'yes' });
    await laptopDevice.close();
    await tabletDevice.close();
  });

  test('another user signing in on the same browser never sees or sends the outbox; its owner does after signing in again', async ({
    browser,
  }) => {
    const world = await createWorld({ framework: '2021', cases: COURT_CASE });
    const kase = at(world.cases, 0);
    // Behind its own proxy: under `setOffline` alone the closing page's save once reached the
    // server (a full run, 2026-12-07; docs/reliability.md, "How the browser tests go offline").
    const device = await openDevice(browser);
    const { context } = device;
    const page = await context.newPage();
    await signIn(page, world.inspector);
    await page.goto(`/inspections/${world.inspectionId}/cases/${kase.id}/standards/2.1`);
    await device.goOffline();
    await judgement(page, '2.1.1', 'Yes').check();
    await expect(page.getByTestId('save-status')).toHaveText('Offline — 1 change kept on this device');
    await page.close();
    expect(await answersOf(kase.id)).toEqual([]);

    // The session ends while offline (the cookie is gone: cleared before the connection returns, so
    // a send the closing page may still make as the inspector when it hears 'online' under load
    // cannot count as the lead's); someone else signs in on this browser.
    await context.clearCookies();
    await device.goOnline();
    const other = await context.newPage();
    await signIn(other, world.lead);
    await other.goto(`/inspections/${world.inspectionId}`);
    await expect(other.getByTestId('case-row')).toHaveCount(1);
    await expect(other.getByTestId('unsent-badge')).toHaveCount(0);
    expect(await answersOf(kase.id)).toEqual([]);
    // Their signing out neither asks about nor wipes the first inspector's changes.
    other.on('dialog', () => {
      throw new Error('no warning expected: the lead has nothing unsent');
    });
    await other.getByRole('button', { name: 'Sign out' }).click();
    await expect(other.getByTestId('signed-out')).toBeVisible();
    expect(await outboxSize(other)).toBe(1);

    // The inspector signs in again: what they left is sent, from any page.
    await signIn(other, world.inspector);
    await expect.poll(async () => (await answersOf(kase.id)).map((a) => a.value)).toEqual(['yes']);
    await expect.poll(() => outboxSize(other)).toBe(0);
    await device.close();
  });
});

test.describe('opening cases offline', () => {
  test('cases opened online open again with no connection, and completing one says it needs the server', async ({ page, context }) => {
    const world = await createWorld({ framework: '2021', cases: COURT_CASE });
    const kase = at(world.cases, 0);
    const caseUrl = `/inspections/${world.inspectionId}/cases/${kase.id}`;
    const isKept = (path: string) => page.evaluate(async (p) => Boolean(await caches.match(new URL(p, location.origin).href)), path);
    await signIn(page, world.inspector);
    // Every case page opened online is kept, for this user only.
    await page.goto(`/inspections/${world.inspectionId}`);
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.ready.then(() => true))).toBe(true);
    for (const path of [caseUrl, `${caseUrl}/standards/2.1`, `${caseUrl}/check`]) {
      await page.goto(path);
      await expect.poll(() => isKept(path)).toBe(true);
    }
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);

    await context.setOffline(true);
    await page.goto(`${caseUrl}/standards/2.1`);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('2.1');
    await judgement(page, '2.1.1', 'Yes').check();
    await expect(page.getByTestId('save-status')).toHaveText('Offline — 1 change kept on this device');
    await page.goto(`${caseUrl}/check`);
    await expect(page.getByTestId('complete-offline')).toContainText('needs a connection');
    await expect(page.getByRole('button', { name: 'Mark as complete' })).toBeDisabled();
    await expectNoAxeViolations(page);
    await page.goto(caseUrl);
    await expect(page.getByRole('heading', { name: 'Case OFF-1' })).toBeVisible();
    // A page never opened online says so plainly rather than failing.
    await page.goto(`/inspections/${world.inspectionId}/panel`);
    await expect(page.getByRole('heading', { name: 'You are offline' })).toBeVisible();

    await context.setOffline(false);
    await page.goto(`${caseUrl}/standards/2.1`);
    await expect(page.getByTestId('save-status')).toHaveText(/^All changes saved at/);
    expect((await answersOf(kase.id)).map((a) => [a.question_id, a.value])).toEqual([['2.1.1', 'yes']]);
  });
});
