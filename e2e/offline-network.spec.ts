import type { Page } from '@playwright/test';
import { expectNoAxeViolations } from './fixtures/axe';
import { expect, test } from './fixtures/network';
import { createWorld, PASSWORD, sql, signIn } from './fixtures/world';
import { seedAnswers } from './fixtures/marking';
import { openCaseListKept } from './fixtures/offline';
import { startTcpProxy } from '../scripts/lib/tcp-proxy';
import { at } from '../lib/must';
import { E2E } from '../playwright.config';

// Issue 20: offline marking on a network that fails as guest Wi-Fi does. The browser reaches the
// app only through a TCP proxy (e2e/fixtures/network.ts) that refuses, cuts or black-holes its
// connections; the operating system never says "offline", so `navigator.onLine` stays true.

const COURT_CASE = [{ reference: 'NET-1', type: 'court' as const, disposal: 'referral_order' }];

const judgement = (page: Page, questionId: string, label: 'Yes' | 'No') =>
  page.getByTestId(`question-${questionId}`).locator('fieldset').first().getByLabel(label, { exact: true });

const answersOf = (caseId: string) =>
  sql<{ question_id: string; value: string | null; updated_by_id: string }>(
    `SELECT question_id, value, updated_by_id FROM answers WHERE case_id = $1 ORDER BY question_id`,
    [caseId],
  );

/** The changes this origin's outbox holds, for every user (straight from IndexedDB). */
const outboxOwners = (page: Page) =>
  page.evaluate(async () => {
    if (!(await indexedDB.databases()).some((d) => d.name === 'casemark-offline')) return [];
    return new Promise<string[]>((resolve, reject) => {
      const request = indexedDB.open('casemark-offline');
      request.onerror = () => reject(request.error);
      request.onsuccess = () => {
        const all = request.result.transaction('outbox').objectStore('outbox').getAll();
        all.onsuccess = () => resolve((all.result as { userId: string }[]).map((e) => e.userId));
        all.onerror = () => reject(all.error);
      };
    });
  });

/** A court case of its own, opened at its 2.1 page by its inspector; and the page's save status. */
async function openCourtCase(page: Page) {
  const world = await createWorld({ framework: '2021', cases: COURT_CASE });
  const kase = at(world.cases, 0);
  await signIn(page, world.inspector);
  await page.goto(`/inspections/${world.inspectionId}/cases/${kase.id}/standards/2.1`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('2.1');
  return { world, kase, status: page.getByTestId('save-status') };
}

test.describe('marking on a real network', () => {
  test('a cut keeps changes on the device with their count, and after a black hole they are saved within 45 s', async ({
    page,
    network,
  }) => {
    test.setTimeout(150_000);
    const { kase, status } = await openCourtCase(page);

    await network.setMode('cut');
    await judgement(page, '2.1.1', 'Yes').check();
    await judgement(page, '2.1.2', 'No').check();
    await expect(status).toHaveText('Offline — 2 changes kept on this device');
    expect(await page.evaluate(() => navigator.onLine)).toBe(true);
    expect(await answersOf(kase.id)).toEqual([]);
    await expectNoAxeViolations(page);

    // Back without an `online` event: the retries find it.
    await network.setMode('forward');
    await expect(status).toHaveText(/^All changes saved at \d\d:\d\d$/, { timeout: 30_000 });
    expect((await answersOf(kase.id)).map((a) => [a.question_id, a.value])).toEqual([
      ['2.1.1', 'yes'],
      ['2.1.2', 'no'],
    ]);

    // A silent connection: the save times out, is kept, and never blocks the page.
    await network.setMode('black-hole');
    await judgement(page, '2.1.1', 'No').check();
    await expect(status).toHaveText('Offline — 1 change kept on this device', { timeout: 20_000 });
    await network.setMode('forward');
    await expect(status).toHaveText(/^All changes saved at \d\d:\d\d$/, { timeout: 45_000 });
    expect((await answersOf(kase.id)).map((a) => [a.question_id, a.value])).toEqual([
      ['2.1.1', 'no'],
      ['2.1.2', 'no'],
    ]);
  });

  test('a value-and-note conflict shows both whole judgements; Keep mine and Take theirs each leave the page as the server holds it', async ({
    page,
    network,
  }) => {
    test.setTimeout(120_000);
    const world = await createWorld({ framework: '2021', cases: COURT_CASE });
    const kase = at(world.cases, 0);
    await seedAnswers(world, kase.id, { '2.1.1': 'yes', '2.1.2': 'yes' }, world.inspector.id);
    const url = `/inspections/${world.inspectionId}/cases/${kase.id}/standards/2.1`;
    await signIn(page, world.inspector);
    await page.goto(url);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('2.1');
    const note = (q: string) => page.getByLabel(`Evidence for ${q} (optional)`).first();

    // Offline, the inspector changes both key questions from Yes to No and writes a note on each…
    await network.setMode('cut');
    for (const q of ['2.1.1', '2.1.2']) {
      await judgement(page, q, 'No').check();
      await note(q).fill(`Mine on ${q}`);
    }
    const status = page.getByTestId('save-status');
    await expect(status).toHaveText('Offline — 4 changes kept on this device');
    // …while the lead judges both not applicable, with a reason.
    await sql(
      `UPDATE answers SET value = 'na', na_reason = 'Moved out of the area', version = version + 1, updated_by_id = $2, updated_at = now()
       WHERE case_id = $1 AND question_id IN ('2.1.1', '2.1.2')`,
      [kase.id, world.lead.id],
    );

    await network.setMode('forward');
    await expect(status).toHaveText('Not saved — someone else changed 2.1.1 and 2.1.2 (see below)', { timeout: 30_000 });
    for (const q of ['2.1.1', '2.1.2']) {
      const box = page.getByTestId(`conflict-${q}`);
      await expect(box).toContainText(`${world.lead.name} changed this answer while you were offline`);
      await expect(box.getByTestId('conflict-mine')).toHaveText(['No', '(no reason)', `Mine on ${q}`]);
      await expect(box.getByTestId('conflict-theirs')).toHaveText(['Not applicable', 'Moved out of the area', '(no note)']);
    }
    await expectNoAxeViolations(page);

    await page.getByRole('button', { name: 'Keep mine for 2.1.1' }).click();
    await page.getByRole('button', { name: 'Take theirs for 2.1.2' }).click();
    await expect(status).toHaveText(/^All changes saved at \d\d:\d\d$/, { timeout: 30_000 });
    const held = await sql<{ question_id: string; value: string; na_reason: string | null; note: string | null; updated_by_id: string }>(
      `SELECT question_id, value, na_reason, note, updated_by_id FROM answers WHERE case_id = $1 ORDER BY question_id`,
      [kase.id],
    );
    expect(held).toEqual([
      { question_id: '2.1.1', value: 'no', na_reason: null, note: 'Mine on 2.1.1', updated_by_id: world.inspector.id },
      { question_id: '2.1.2', value: 'na', na_reason: 'Moved out of the area', note: null, updated_by_id: world.lead.id },
    ]);
    // The page shows what the server holds, before and after a reload.
    const expectPageAsServer = async () => {
      await expect(judgement(page, '2.1.1', 'No')).toBeChecked();
      await expect(note('2.1.1')).toHaveValue('Mine on 2.1.1');
      await expect(
        page.getByTestId('question-2.1.2').locator('fieldset').first().getByLabel('Not applicable', { exact: true }),
      ).toBeChecked();
      await expect(note('2.1.2')).toHaveValue('');
    };
    await expectPageAsServer();
    await page.reload();
    await expectPageAsServer();
  });

  test('a save whose reply is lost is sent again and known as saved: no conflict with the inspector’s own work, on answers and case details', async ({
    page,
    network,
  }) => {
    test.setTimeout(120_000);
    const { world, kase, status } = await openCourtCase(page);

    // The value reaches the server; the connection drops before its reply comes back.
    await network.setMode('lose-replies');
    await judgement(page, '2.1.1', 'Yes').check();
    await expect.poll(async () => (await answersOf(kase.id)).map((a) => [a.question_id, a.value])).toEqual([['2.1.1', 'yes']]);
    await expect(status).toHaveText(/^Offline — 1 change kept on this device$/, { timeout: 20_000 });
    // The note is written while the page still thinks the value unsaved: it waits behind it.
    await page.getByLabel('Evidence for 2.1.1 (optional)').first().fill('Assessment drew on the school’s records.');

    await network.setMode('forward');
    await expect(status).toHaveText(/^All changes saved at \d\d:\d\d$/, { timeout: 45_000 });
    await expect(page.getByTestId('conflict-2.1.1')).toHaveCount(0);
    const held = await sql<{ value: string; note: string; version: number }>(
      `SELECT value, note, version FROM answers WHERE case_id = $1 AND question_id = '2.1.1'`,
      [kase.id],
    );
    expect(held).toEqual([{ value: 'yes', note: 'Assessment drew on the school’s records.', version: 2 }]);
    // The value was written once, however many times it was sent; then the note.
    const audit = await sql<{ action: string }>(`SELECT action FROM audit_entries WHERE entity_id = $1 ORDER BY id`, [`${kase.id}:2.1.1`]);
    expect(audit.map((a) => a.action)).toEqual(['answer.value', 'answer.note']);
    await page.reload();
    await expect(judgement(page, '2.1.1', 'Yes')).toBeChecked();
    await expect(page.getByLabel('Evidence for 2.1.1 (optional)').first()).toHaveValue('Assessment drew on the school’s records.');

    // The case details the same way: the first item reaches the server unheard, the second waits behind it.
    await page.goto(`/inspections/${world.inspectionId}/cases/${kase.id}`);
    const item = (legend: string) => page.getByRole('group', { name: legend }).getByLabel('Yes', { exact: true });
    await network.setMode('lose-replies');
    await item('Do you agree with the risk of serious harm classification?').check();
    const details = () =>
      sql<{ agrees_with_rosh: boolean | null; is_case_manager_interviewed: boolean | null }>(
        `SELECT agrees_with_rosh, is_case_manager_interviewed FROM cases WHERE id = $1`,
        [kase.id],
      );
    await expect.poll(async () => (await details())[0]?.agrees_with_rosh).toBe(true);
    await item('Was the case manager interviewed?').check();
    await network.setMode('forward');
    await expect(page.getByTestId('save-status')).toHaveText(/^All changes saved at \d\d:\d\d$/, { timeout: 45_000 });
    await expect(page.getByTestId('case-details-conflict')).toHaveCount(0);
    expect(await details()).toEqual([{ agrees_with_rosh: true, is_case_manager_interviewed: true }]);
    const detailAudit = await sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_entries WHERE entity_id = $1 AND action = 'case.details'`,
      [kase.id],
    );
    expect(detailAudit[0]?.n).toBe(2);
  });

  test('a change kept on the device is sent from the case list when the connection silently returns', async ({ page, network }) => {
    test.setTimeout(150_000);
    const world = await createWorld({ framework: '2021', cases: COURT_CASE });
    const kase = at(world.cases, 0);
    await signIn(page, world.inspector);
    // Opening the inspection keeps the case list and the inspector's cases on the device.
    const listUrl = await openCaseListKept(page, world.inspectionId, world.inspector);
    await page.goto(`${listUrl}/cases/${kase.id}/standards/2.1`);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('2.1');

    await network.setMode('cut');
    await judgement(page, '2.1.1', 'No').check();
    await expect(page.getByTestId('save-status')).toHaveText('Offline — 1 change kept on this device');
    // Kept on the device: moving on asks nothing.
    page.on('dialog', (dialog) => {
      throw new Error(`unexpected dialog: ${dialog.message()}`);
    });
    await page.goto(listUrl);
    const badge = page.getByTestId('case-row').getByTestId('unsent-badge');
    await expect(badge).toHaveText('1 unsent change');
    // Check your answers gives the same count, and knows the network is gone although the browser says online.
    await page.goto(`${listUrl}/cases/${kase.id}/check`);
    await expect(page.getByTestId('unsent-changes')).toContainText('1 change is kept on this device, not yet sent');
    await expect(page.getByTestId('complete-offline')).toContainText('needs a connection');
    await page.goto(listUrl);
    await expect(badge).toHaveText('1 unsent change');

    await network.setMode('forward');
    await expect(badge).toBeHidden({ timeout: 30_000 });
    expect((await answersOf(kase.id)).map((a) => [a.question_id, a.value, a.updated_by_id])).toEqual([['2.1.1', 'no', world.inspector.id]]);
  });

  test('changes made while cut survive closing the browser and reopening its profile still cut, and reach the server exactly once', async ({
    playwright,
    launchOptions,
    network,
  }, testInfo) => {
    test.setTimeout(150_000);
    const world = await createWorld({ framework: '2021', cases: COURT_CASE });
    const kase = at(world.cases, 0);
    const listUrl = `/inspections/${world.inspectionId}`;
    const url = `${listUrl}/cases/${kase.id}/standards/2.1`;
    const profile = testInfo.outputPath('profile');
    const open = () =>
      playwright.chromium.launchPersistentContext(profile, { ...launchOptions, baseURL: `http://127.0.0.1:${network.port}` });

    let browser = await open();
    let page = browser.pages()[0] ?? (await browser.newPage());
    await signIn(page, world.inspector);
    await openCaseListKept(page, world.inspectionId, world.inspector);
    await page.goto(url);
    await network.setMode('cut');
    await judgement(page, '2.1.1', 'Yes').check();
    await judgement(page, '2.1.2', 'No').check();
    await expect(page.getByTestId('save-status')).toHaveText('Offline — 2 changes kept on this device');
    await browser.close();

    // The laptop is opened again, still on the dead network: the page and the changes come from the device.
    browser = await open();
    page = browser.pages()[0] ?? (await browser.newPage());
    await page.goto(url);
    await expect(judgement(page, '2.1.1', 'Yes')).toBeChecked();
    await expect(judgement(page, '2.1.2', 'No')).toBeChecked();
    await expect(page.getByTestId('save-status')).toHaveText('Offline — 2 changes kept on this device', { timeout: 20_000 });
    expect(await answersOf(kase.id)).toEqual([]);

    await network.setMode('forward');
    await expect(page.getByTestId('save-status')).toHaveText(/^All changes saved at \d\d:\d\d$/, { timeout: 30_000 });
    const saved = await sql<{ question_id: string; value: string; version: number }>(
      `SELECT question_id, value, version FROM answers WHERE case_id = $1 ORDER BY question_id`,
      [kase.id],
    );
    expect(saved).toEqual([
      { question_id: '2.1.1', value: 'yes', version: 1 },
      { question_id: '2.1.2', value: 'no', version: 1 },
    ]);
    await browser.close();
  });

  test('another user signing in on the browser never gets the change left on the page: it stops and hides', async ({
    page,
    context,
    network,
  }) => {
    test.setTimeout(120_000);
    const world = await createWorld({ framework: '2021', cases: COURT_CASE });
    const kase = at(world.cases, 0);
    await signIn(page, world.inspector);
    await page.goto(`/inspections/${world.inspectionId}/cases/${kase.id}/standards/2.1`);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('2.1');
    await network.setMode('cut');
    await judgement(page, '2.1.2', 'No').check();
    await expect(page.getByTestId('save-status')).toHaveText('Offline — 1 change kept on this device');

    // Another tab of the same browser (the same cookies) on a connection that works: the inspector's
    // session ends and the lead signs in.
    const other = await startTcpProxy({ target: { host: 'localhost', port: Number(new URL(E2E.baseURL).port) } });
    try {
      const tab = await context.newPage();
      const origin = `http://127.0.0.1:${other.port}`;
      await tab.goto(`${origin}/`);
      await tab.getByRole('button', { name: 'Sign out' }).click();
      await expect(tab.getByTestId('signed-out')).toBeVisible();
      await tab.getByLabel('Email address').fill(world.lead.email);
      await tab.getByLabel('Password').fill(PASSWORD);
      await tab.getByRole('button', { name: 'Sign in', exact: true }).click();
      await expect(tab.getByRole('button', { name: 'Sign out' })).toBeVisible();
      await tab.close();
    } finally {
      await other.close();
    }

    // The connection comes back: the page's retry goes out with the lead's cookie, and is refused.
    await network.setMode('forward');
    await expect(page.getByTestId('session-changed')).toBeVisible({ timeout: 30_000 });
    await expect(page.locator('#main-content')).toBeHidden();
    await expectNoAxeViolations(page);
    expect(await answersOf(kase.id)).toEqual([]);
    // Kept on the device for the inspector, whose change it is.
    expect(await outboxOwners(page)).toEqual([world.inspector.id]);
  });

  test('signing out offline says it needs a connection and keeps everything; online it ends the session on the server', async ({
    page,
    browser,
    network,
    baseURL,
  }) => {
    const world = await createWorld({ framework: '2021', cases: COURT_CASE });
    await signIn(page, world.inspector);
    await page.goto(`/inspections/${world.inspectionId}`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    const cookies = await page.context().cookies();

    await network.setMode('cut');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page.getByTestId('sign-out-offline')).toContainText('Signing out needs a connection to Casemark');
    await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
    await expectNoAxeViolations(page);

    await network.setMode('forward');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page.getByTestId('signed-out')).toBeVisible();
    const open = await sql(`SELECT id FROM user_sessions WHERE user_id = $1 AND ended_at IS NULL`, [world.inspector.id]);
    expect(open).toEqual([]);

    // A copy of the old cookie opens nothing.
    const copy = await browser.newContext({ baseURL });
    await copy.addCookies(cookies);
    const stolen = await copy.newPage();
    await stolen.goto(`/inspections/${world.inspectionId}`);
    await expect(stolen).toHaveURL(/\/sign-in/);
    await copy.close();
  });
});
