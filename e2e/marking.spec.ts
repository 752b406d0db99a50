import type { Page } from '@playwright/test';
import { expectNoAxeViolations } from './fixtures/axe';
import { expect, test } from './fixtures/test';
import { createWorld, openSignedInPage, signIn, sql } from './fixtures/world';
import { outboxSize } from './fixtures/offline';
import { at } from '../lib/must';

async function expectSaved(page: Page) {
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-kind', 'saved');
}

/** Answers the case-level items on the case page. */
async function answerCaseDetails(page: Page) {
  for (const legend of [
    'Do you agree with the risk of serious harm classification?',
    'Do you agree with the safety and wellbeing classification?',
    'Was the case manager interviewed?',
  ]) {
    const yes = page.getByRole('group', { name: legend }).getByLabel('Yes');
    if (await yes.isChecked()) continue;
    await yes.check();
    await expectSaved(page);
  }
}

/** Answers every radio group on a standard page: "Yes" except where `answerFor` says otherwise. */
async function answerStandardPage(page: Page, answerFor: (questionId: string) => 'Yes' | 'No' | 'Not applicable' = () => 'Yes') {
  const questions = page.locator('[data-testid^="question-"]');
  const ids = await questions.evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')!.replace('question-', '')));
  for (const id of ids) {
    const radio = page.getByTestId(`question-${id}`).locator('fieldset').first().getByLabel(answerFor(id), { exact: true });
    if (await radio.isChecked()) continue;
    await radio.check();
    await expectSaved(page);
  }
  return ids;
}

async function markWholeCase(page: Page, caseUrl: string, answerFor?: (questionId: string) => 'Yes' | 'No' | 'Not applicable') {
  await page.goto(caseUrl);
  await answerCaseDetails(page);
  const tasks = page.getByTestId('task-list').getByRole('link');
  const hrefs = (await tasks.evaluateAll((els) => els.map((e) => e.getAttribute('href')!))).filter((h) => h.includes('/standards/'));
  for (const href of hrefs) {
    await page.goto(href);
    await answerStandardPage(page, answerFor);
  }
  await page.goto(`${caseUrl}/check`);
  await expect(page.getByTestId('error-summary')).toHaveCount(0);
  await page.getByRole('button', { name: 'Mark as complete' }).click();
  await expect(page).toHaveURL(/completed=/);
}

test.describe('marking a case', () => {
  test('an inspector marks a whole court case (2021) and it is kept after a reload', async ({ page }) => {
    const world = await createWorld({ framework: '2021', cases: [{ reference: 'CRT-1', type: 'court', disposal: 'referral_order' }] });
    const kase = at(world.cases, 0);
    await signIn(page, world.inspector);
    await page.goto(`/inspections/${world.inspectionId}`);
    await expect(page.getByTestId('case-row')).toContainText('0 of');
    await page.getByRole('link', { name: 'CRT-1' }).click();
    await expect(page.getByRole('heading', { name: 'Case CRT-1' })).toBeVisible();
    await expectNoAxeViolations(page);

    await answerCaseDetails(page);
    await page.getByRole('link', { name: /^2\.1 / }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('2.1');
    await expectNoAxeViolations(page);
    // A not-applicable key question needs a reason before it is saved.
    await page.getByTestId('question-2.1.3').locator('fieldset').first().getByLabel('Not applicable').check();
    await expect(page.getByText('Choose a reason to save this answer')).toBeVisible();
    const reasons = page.getByRole('group', { name: 'Why is this key question not applicable to this case?' });
    await reasons.getByRole('radio').first().check();
    await expectSaved(page);
    // A prompt has its own sub-sample (docs/rating-method.md, "Prompts"): one answered under the
    // not-applicable key question still counts, and the reason's hint says so.
    await expect(reasons).not.toContainText('still counted');
    await page.getByTestId('question-2.1.3.a').locator('fieldset').first().getByLabel('Yes', { exact: true }).check();
    await expectSaved(page);
    await expect(reasons).toContainText('One of its prompts is answered yes or no and still counted in the prompt figures');
    await page.getByLabel('Evidence for 2.1.1 (optional)').first().fill('Assessment drew well on education records.');
    // Typed but not yet sent counts as unsaved: the status says so until the note is saved.
    await expect(page.getByTestId('save-status')).toHaveAttribute('data-kind', 'saving');
    await expectSaved(page);
    await page.reload();
    await expect(page.getByLabel('Evidence for 2.1.1 (optional)').first()).toHaveValue('Assessment drew well on education records.');
    await expect(page.getByTestId('question-2.1.3').locator('fieldset').first().getByLabel('Not applicable')).toBeChecked();
    await expectNoAxeViolations(page);

    await markWholeCase(page, `/inspections/${world.inspectionId}/cases/${kase.id}`, (id) => (id === '2.1.3' ? 'Not applicable' : 'Yes'));
    const rows = await sql<{ status: string }>('SELECT status FROM cases WHERE id = $1', [kase.id]);
    expect(rows[0]?.status).toBe('complete');
    await page.goto(`/inspections/${world.inspectionId}/cases/${kase.id}/check`);
    await expect(page.getByTestId('case-complete')).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('an out-of-court youth conditional caution (2018) includes 3.4.2, and the check page lists what is missing', async ({ page }) => {
    const world = await createWorld({
      framework: '2018',
      cases: [{ reference: 'YCC-1', type: 'out_of_court', disposal: 'youth_conditional_caution' }],
    });
    const caseUrl = `/inspections/${world.inspectionId}/cases/${at(world.cases, 0).id}`;
    await signIn(page, world.inspector);
    await page.goto(`${caseUrl}/check`);
    const summary = page.getByTestId('error-summary');
    await expect(summary).toBeVisible();
    await expect(summary.getByRole('link', { name: /Give your judgement on 3\.4\.2/ })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Mark as complete' })).toBeDisabled();
    await expectNoAxeViolations(page);
    await summary.getByRole('link', { name: /Give your judgement on 3\.1\.1/ }).click();
    await expect(page).toHaveURL(/standards\/3\.1#q-3-1-1/);
    await markWholeCase(page, caseUrl, () => 'No');
  });

  test('a resettlement case (2021) marked with the keyboard only', async ({ page }) => {
    const world = await createWorld({
      framework: '2021',
      cases: [{ reference: 'RES-1', type: 'resettlement', disposal: 'custodial_sentence' }],
    });
    const caseUrl = `/inspections/${world.inspectionId}/cases/${at(world.cases, 0).id}`;
    await signIn(page, world.inspector);
    await page.goto(caseUrl);

    /** Tabs forward, choosing the first option of every radio group met, until `stop` is focused. */
    async function tabThrough(stop: (info: { tag: string; text: string }) => boolean) {
      for (let i = 0; i < 400; i++) {
        await page.keyboard.press('Tab');
        const info = await page.evaluate(() => {
          const el = document.activeElement as HTMLInputElement | null;
          const group = el?.type === 'radio' ? document.querySelectorAll(`input[name="${CSS.escape(el.name)}"]:checked`).length : -1;
          return { tag: el?.tagName ?? '', type: el?.type ?? '', text: el?.textContent?.trim() ?? '', isUnansweredRadio: group === 0 };
        });
        if (stop(info)) return;
        if (info.isUnansweredRadio) {
          await page.keyboard.press('Space');
          await expectSaved(page);
        }
      }
      throw new Error('did not reach the stop element');
    }

    await tabThrough((el) => el.tag === 'A' && el.text.startsWith('4.1 Resettlement'));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1 })).toContainText('4.1 Resettlement');
    // The aspects are Casemark's own illustrative questions, and the page says so.
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Casemark’s own questions');
    await expect(page.getByTestId('resettlement-note')).toContainText("Casemark's own questions");
    await expectNoAxeViolations(page);
    await tabThrough((el) => el.tag === 'A' && el.text === 'Continue to check your answers');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: 'Check your answers' })).toBeVisible();
    await expect(page.getByTestId('error-summary')).toHaveCount(0);
    await tabThrough((el) => el.tag === 'BUTTON' && el.text === 'Mark as complete');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/completed=/);
    const rows = await sql<{ status: string; n: number }>(
      `SELECT c.status, (SELECT count(*)::int FROM answers a WHERE a.case_id = c.id AND a.value = 'yes') AS n FROM cases c WHERE c.id = $1`,
      [at(world.cases, 0).id],
    );
    expect(rows[0]).toEqual({ status: 'complete', n: 10 });
  });

  test('two inspectors change the same answer: the later one is told and chooses', async ({ browser }) => {
    const world = await createWorld({
      framework: '2021',
      cases: [{ reference: 'CON-1', type: 'court', disposal: 'youth_rehabilitation_order' }],
    });
    const url = `/inspections/${world.inspectionId}/cases/${at(world.cases, 0).id}/standards/2.2`;
    const inspector = await openSignedInPage(browser, world.inspector);
    const lead = await openSignedInPage(browser, world.lead);
    await inspector.goto(url);
    await lead.goto(url);

    const judgement = (page: Page, id: string) => page.getByTestId(`question-${id}`).locator('fieldset').first();
    await judgement(lead, '2.2.1').getByLabel('Yes').check();
    await expectSaved(lead);
    await judgement(inspector, '2.2.1').getByLabel('No', { exact: true }).check();
    const conflict = inspector.getByTestId('conflict-2.2.1');
    await expect(conflict).toBeVisible();
    await expect(conflict).toContainText(world.lead.name);
    await expect(conflict.getByTestId('conflict-mine')).toHaveText('No');
    await expect(conflict.getByTestId('conflict-theirs')).toHaveText('Yes');
    await expect(inspector.getByTestId('save-status')).toHaveAttribute('data-kind', 'failed');
    let rows = await sql<{ value: string }>(`SELECT value FROM answers WHERE case_id = $1 AND question_id = '2.2.1'`, [
      at(world.cases, 0).id,
    ]);
    expect(rows[0]?.value).toBe('yes');
    await expectNoAxeViolations(inspector);

    await conflict.getByRole('button', { name: 'Keep mine' }).click();
    await expectSaved(inspector);
    rows = await sql<{ value: string }>(`SELECT value FROM answers WHERE case_id = $1 AND question_id = '2.2.1'`, [at(world.cases, 0).id]);
    expect(rows[0]?.value).toBe('no');

    // The other way: the lead's page is now stale; they take the inspector's answer.
    await judgement(lead, '2.2.1').getByLabel('Not applicable').check();
    await lead.getByRole('group', { name: 'Why is this key question not applicable to this case?' }).getByRole('radio').first().check();
    const leadConflict = lead.getByTestId('conflict-2.2.1');
    await expect(leadConflict).toBeVisible();
    await leadConflict.getByRole('button', { name: 'Take theirs' }).click();
    await expect(judgement(lead, '2.2.1').getByLabel('No', { exact: true })).toBeChecked();
    rows = await sql<{ value: string }>(`SELECT value FROM answers WHERE case_id = $1 AND question_id = '2.2.1'`, [at(world.cases, 0).id]);
    expect(rows[0]?.value).toBe('no');
    await inspector.context().close();
    await lead.context().close();
  });

  test('a conflict on the case details keeps the inspector’s change until they choose', async ({ browser }) => {
    const world = await createWorld({ framework: '2021', cases: [{ reference: 'DET-1', type: 'court', disposal: 'referral_order' }] });
    const url = `/inspections/${world.inspectionId}/cases/${at(world.cases, 0).id}`;
    const inspector = await openSignedInPage(browser, world.inspector);
    const lead = await openSignedInPage(browser, world.lead);
    await inspector.goto(url);
    await lead.goto(url);
    const rosh = (page: Page) => page.getByRole('group', { name: 'Do you agree with the risk of serious harm classification?' });

    await rosh(lead).getByLabel('No').check();
    await expectSaved(lead);
    await rosh(inspector).getByLabel('Yes').check();
    const conflict = inspector.getByTestId('case-details-conflict');
    await expect(conflict).toBeVisible();
    await expect(rosh(inspector).getByLabel('Yes')).toBeChecked();
    // A change made while the box is open joins it as mine: shown, never sent on a stale version,
    // and never left behind on the device to be sent later over the lead's answer.
    await inspector.getByRole('group', { name: 'Was the case manager interviewed?' }).getByLabel('Yes').check();
    await expect(conflict.getByTestId('conflict-mine')).toHaveText(['Yes', 'Yes']);
    await conflict.getByRole('button', { name: 'Keep mine' }).click();
    await expectSaved(inspector);
    const rows = await sql<{ agrees: boolean; interviewed: boolean }>(
      'SELECT agrees_with_rosh AS agrees, is_case_manager_interviewed AS interviewed FROM cases WHERE id = $1',
      [at(world.cases, 0).id],
    );
    expect(rows[0]).toEqual({ agrees: true, interviewed: true });
    await expect.poll(() => outboxSize(inspector)).toBe(0);
    await inspector.context().close();
    await lead.context().close();
  });

  // Live figures are the ratings panel's: the marking inspector sees the inspection-wide figures
  // only when the lead lets the team see the panel, and always their own case's answers.
  test('inspection-wide figures beside the form follow the lead’s choice to show the panel', async ({ page }) => {
    const world = await createWorld({ framework: '2021', cases: [{ reference: 'FIG-1', type: 'court', disposal: 'referral_order' }] });
    const standardUrl = `/inspections/${world.inspectionId}/cases/${at(world.cases, 0).id}/standards/2.1`;
    await signIn(page, world.inspector);
    await page.goto(standardUrl);
    await page.getByTestId('question-2.1.1').locator('fieldset').first().getByLabel('Yes', { exact: true }).check();
    await expectSaved(page);
    await expect(page.getByTestId('live-figures-hidden')).toContainText('the lead inspector has not let inspectors see the ratings panel');
    await expect(page.getByTestId('own-answer-2.1.1')).toContainText('Yes');
    await expect(page.getByText('Across the inspection so far')).toHaveCount(0);
    await expect(page.getByTestId('figure-2.1.1')).toHaveCount(0);
    await expectNoAxeViolations(page);

    await sql('UPDATE inspections SET is_panel_visible_to_team = true WHERE id = $1', [world.inspectionId]);
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Across the inspection so far' })).toBeVisible();
    await expect(page.getByTestId('figure-2.1.1')).toContainText('1/1');
    // And a save returns them again (the page is not reloaded).
    await page.getByTestId('question-2.1.2').locator('fieldset').first().getByLabel('No', { exact: true }).check();
    await expectSaved(page);
    await expect(page.getByTestId('figure-2.1.2')).toContainText('0/1');
  });

  // "We inspected the quality of YOT recommendations and joint decision-making in all children's
  // records" (Blackpool 2021): 3.4.1 offers no reason to leave the sub-sample.
  test('2018 3.4.1 says a child not referred to the YOT is a No, and offers no ready-made reason', async ({ page }) => {
    const world = await createWorld({ framework: '2018', cases: [{ reference: 'YC-1', type: 'out_of_court', disposal: 'youth_caution' }] });
    await signIn(page, world.inspector);
    await page.goto(`/inspections/${world.inspectionId}/cases/${at(world.cases, 0).id}/standards/3.4`);
    await expect(page.getByTestId('question-3.4.2')).toHaveCount(0);
    await page.getByTestId('question-3.4.1').locator('fieldset').first().getByLabel('Not applicable').check();
    const reasons = page.getByRole('group', { name: 'Why is this key question not applicable to this case?' });
    await expect(reasons).toContainText('asked of every out-of-court case');
    await expect(reasons).toContainText('the answer is No');
    await expect(reasons.getByRole('radio')).toHaveCount(1);
    await expect(reasons.getByLabel('Describe the reason')).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('an inspector cannot open or edit a case allocated to someone else', async ({ page }) => {
    const world = await createWorld();
    const othersCase = world.cases.find((c) => c.inspectorId === world.otherInspector.id)!;
    await signIn(page, world.inspector);
    const response = await page.goto(`/inspections/${world.inspectionId}/cases/${othersCase.id}/standards/3.1`);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  });

  test('a manager sees a case read-only', async ({ page }) => {
    const world = await createWorld();
    await signIn(page, world.manager);
    await page.goto(`/inspections/${world.inspectionId}/cases/${at(world.cases, 0).id}/standards/2.1`);
    await expect(page.getByText('Only the case’s inspector or the lead inspector can mark this case.').first()).toBeVisible();
    await expect(page.getByTestId('question-2.1.1').locator('fieldset').first().getByLabel('Yes')).toBeDisabled();
  });

  test('the marking form is usable on a tablet and at 200% zoom', async ({ page }) => {
    const world = await createWorld();
    await signIn(page, world.inspector);
    for (const [width, answer] of [
      [768, 'Yes'],
      [640, 'No'],
    ] as const) {
      // 640 CSS pixels is a 1280-pixel window at 200% zoom.
      await page.setViewportSize({ width, height: 900 });
      await page.goto(`/inspections/${world.inspectionId}/cases/${at(world.cases, 0).id}/standards/2.1`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await page.getByTestId('question-2.1.1.a').getByLabel(answer, { exact: true }).check();
      await expectSaved(page);
    }
  });
});
