import type { Page } from '@playwright/test';
import { expectNoAxeViolations } from './fixtures/axe';
import { allKeyQuestions, seedAnswers, seedJudgements } from './fixtures/marking';
import { expect, test } from './fixtures/test';
import { createWorld, openSignedInPage, signIn, signOut, sql, type World } from './fixtures/world';
import { at } from '../lib/must';

/**
 * A 2018 inspection where everything is marked "yes" except 2.1.1 on the inspector's court
 * case, and domain one is judged Good: 8 case-marked standards Outstanding (24) + 4 Good (8)
 * = 32, Outstanding.
 */
async function markedWorld(): Promise<World> {
  const world = await createWorld({
    framework: '2018',
    cases: [
      { reference: 'C-001', type: 'court', disposal: 'referral_order' },
      { reference: 'C-002', type: 'court', disposal: 'youth_rehabilitation_order' },
      { reference: 'O-001', type: 'out_of_court', disposal: 'youth_conditional_caution' },
      { reference: 'O-002', type: 'out_of_court', disposal: 'youth_conditional_caution' },
    ],
  });
  const [c1, c2, o1, o2] = [at(world.cases, 0), at(world.cases, 1), at(world.cases, 2), at(world.cases, 3)];
  await seedAnswers(world, c1.id, allKeyQuestions('2018', 'court', 'referral_order', 'yes', ['2.1.1']), world.inspector.id);
  await seedAnswers(world, c2.id, allKeyQuestions('2018', 'court', 'youth_rehabilitation_order', 'yes'), world.otherInspector.id);
  await seedAnswers(world, o1.id, allKeyQuestions('2018', 'out_of_court', 'youth_conditional_caution', 'yes'), world.inspector.id);
  await seedAnswers(world, o2.id, allKeyQuestions('2018', 'out_of_court', 'youth_conditional_caution', 'yes'), world.otherInspector.id);
  await seedJudgements(world, { '1.1': 'good', '1.2': 'good', '1.3': 'good', '1.4': 'good' });
  return world;
}

async function openPanel(page: Page, world: World) {
  await page.goto(`/inspections/${world.inspectionId}/panel`);
  await expect(page.getByRole('heading', { name: 'Ratings panel' })).toBeVisible();
  await expect(page.getByTestId('live-status')).toHaveAttribute('data-state', 'live');
}

test.describe('the ratings panel', () => {
  test('updates live within one second of an inspector’s save, without a reload', async ({ browser }) => {
    const world = await markedWorld();
    const lead = await openSignedInPage(browser, world.lead);
    const inspector = await openSignedInPage(browser, world.inspector);
    // A second viewer on the same server shares the recompute and must update too.
    const manager = await openSignedInPage(browser, world.manager);
    await openPanel(manager, world);

    await openPanel(lead, world);
    await expect(lead.getByTestId('overall-score')).toHaveText('Score: 32 out of 36');
    await expect(lead.getByTestId('overall-rating')).toHaveText('Outstanding');
    await expect(lead.getByTestId('kq-pct-2.1.1')).toHaveText('100%');
    await expect(lead.getByTestId('rating-2.1')).toHaveText('Outstanding');
    await expectNoAxeViolations(lead);
    let reloads = 0;
    lead.on('framenavigated', (frame) => {
      if (frame === lead.mainFrame()) reloads += 1;
    });

    await inspector.goto(`/inspections/${world.inspectionId}/cases/${at(world.cases, 0).id}/standards/2.1`);
    await inspector.getByTestId('question-2.1.1').locator('fieldset').first().getByLabel('No', { exact: true }).check();
    await expect(inspector.getByTestId('save-status')).toHaveAttribute('data-kind', 'saved');

    // 2.1.1 is now 1 of 2 (50%): Requires improvement, 30 points, Good — within one second.
    const within = { timeout: 1000 };
    await expect(lead.getByTestId('kq-pct-2.1.1')).toHaveText('50%', within);
    await expect(lead.getByTestId('rating-2.1')).toHaveText('Requires improvement', within);
    await expect(lead.getByTestId('overall-score')).toHaveText('Score: 30 out of 36', within);
    await expect(lead.getByTestId('overall-rating')).toHaveText('Good', within);
    expect(reloads).toBe(0);
    await expect(manager.getByTestId('overall-score')).toHaveText('Score: 30 out of 36', within);
    await manager.context().close();
    await lead.context().close();
    await inspector.context().close();
  });

  test('the lead records judgements and a panel decision, and the overall rating follows', async ({ page }) => {
    const world = await markedWorld();
    await sql(
      `INSERT INTO answers (id, case_id, inspection_id, question_id, value, updated_by_id) VALUES (gen_random_uuid(), $1, $2, '2.1.1', 'no', $3)`,
      [at(world.cases, 0).id, world.inspectionId, world.inspector.id],
    );
    await signIn(page, world.lead);
    await openPanel(page, world);
    await expect(page.getByTestId('overall-score')).toHaveText('Score: 30 out of 36');

    // Domain one: 1.1 judged Outstanding → 31 → Outstanding.
    const judgement = page.getByTestId('judgement-1.1');
    await judgement
      .getByRole('group', { name: /Your judgement for 1\.1/ })
      .getByLabel('Outstanding')
      .check();
    await judgement
      .getByLabel(/^Evidence:/)
      .first()
      .fill('A clear, shared vision for the partnership.');
    await judgement.getByRole('button', { name: 'Save judgement for 1.1' }).click();
    await expect(judgement.getByRole('status')).toContainText('Judgement for 1.1 saved');
    await expect(page.getByTestId('overall-score')).toHaveText('Score: 31 out of 36');
    await expect(page.getByTestId('overall-rating')).toHaveText('Outstanding');

    // The discretion flags explain 2.1: one case would flip it; the sample is small.
    const flags = page.getByTestId('flags-2.1');
    await expect(flags).toContainText('one more');
    await expect(flags.locator('[data-code="small_sample"]')).toBeVisible();

    // A panel decision without a rationale is refused; with one, it replaces the computed rating.
    const form = page.getByTestId('decision-form-2.1');
    await form.getByText('Record a panel decision (professional judgement)').click();
    await form.getByRole('group', { name: 'Panel’s rating for 2.1' }).getByLabel('Good').check();
    await form.getByRole('button', { name: 'Record panel decision' }).click();
    await expect(form.getByTestId('error-summary')).toContainText('Give the panel’s rationale');
    await expectNoAxeViolations(page);
    await form
      .getByLabel('Rationale')
      .fill('One case from the boundary; the panel read C-001 and judged the desistance analysis sufficient.');
    await form.getByRole('button', { name: 'Record panel decision' }).click();
    await expect(page.getByTestId('rating-2.1')).toHaveText('Good* (professional judgement)');
    await expect(page.getByTestId('computed-2.1')).toHaveText('Computed: Requires improvement');
    await expect(page.getByTestId('overall-score')).toHaveText('Score: 32 out of 36');
    // The * sits on the key question that set the computed rating only (Dudley 2019, Annex 2: 64%* on 3.4.1).
    await expect(page.getByTestId('kq-pct-2.1.1')).toHaveText('50%* (professional judgement applied to the rating this key question set)');
    await expect(page.getByTestId('kq-pj-2.1.2')).toHaveCount(0);
    const rows = await sql<{ rationale: string; decided_by_id: string }>(
      `SELECT rationale, decided_by_id FROM panel_decisions WHERE inspection_id = $1 AND revoked_at IS NULL`,
      [world.inspectionId],
    );
    expect(rows).toEqual([{ rationale: expect.stringContaining('One case from the boundary'), decided_by_id: world.lead.id }]);

    // Drill down to the cases behind 2.1.1.
    await page.getByRole('link', { name: '2.1.1 Desistance' }).click();
    await expect(page.getByTestId('drilldown-figures')).toContainText('1 of 2 relevant cases yes (50%)');
    await expect(page.getByTestId('drilldown-table').getByRole('link', { name: 'C-001' })).toBeVisible();
    await expectNoAxeViolations(page);

    // Withdraw: back to the computed rating.
    await page.goBack();
    await page.getByTestId('decision-form-2.1').getByText('Change or withdraw the panel decision').click();
    await page.getByRole('button', { name: 'Withdraw panel decision' }).click();
    await expect(page.getByTestId('rating-2.1')).toHaveText('Requires improvement');
    await expect(page.getByTestId('overall-score')).toHaveText('Score: 31 out of 36');

    // A standard with no relevant cases has no computed rating for the panel to depart from.
    await sql(
      `UPDATE answers SET value = 'na', na_reason = 'No review was needed' WHERE inspection_id = $1 AND question_id IN ('2.4.1', '2.4.2', '2.4.3')`,
      [world.inspectionId],
    );
    await sql(`SELECT pg_notify('casemark_inspection_changed', $1)`, [world.inspectionId]);
    await expect(page.getByTestId('decision-unavailable-2.4')).toContainText(
      'No panel decision can be recorded yet: 2.4 has no computed rating yet (none of its key questions has a relevant case)',
    );
    await expect(page.getByTestId('decision-form-2.4')).toHaveCount(0);
    await expect(page.getByTestId('overall-score')).toHaveText('Score: – out of 36');
    await expectNoAxeViolations(page);

    // A decision whose standard then loses every relevant case is not applied, and the server
    // refuses a new one with a message the form shows.
    const form23 = page.getByTestId('decision-form-2.3');
    await form23.getByText('Record a panel decision (professional judgement)').click();
    await form23.getByRole('group', { name: 'Panel’s rating for 2.3' }).getByLabel('Good').check();
    await form23.getByLabel('Rationale').fill('The panel read both cases and judged delivery sound but not outstanding.');
    await form23.getByRole('button', { name: 'Record panel decision' }).click();
    await expect(page.getByTestId('rating-2.3')).toHaveText('Good* (professional judgement)');
    await sql(
      `UPDATE answers SET value = 'na', na_reason = 'No services were due' WHERE inspection_id = $1 AND question_id IN ('2.3.1', '2.3.2', '2.3.3')`,
      [world.inspectionId],
    );
    await sql(`SELECT pg_notify('casemark_inspection_changed', $1)`, [world.inspectionId]);
    await expect(page.getByTestId('decision-not-applied-2.3')).toContainText(
      'The panel decision (Good) is not applied: 2.3 has no computed rating yet',
    );
    await expect(page.getByTestId('rating-2.3')).toHaveText('Not yet rated');
    await form23.evaluate((el) => ((el as HTMLDetailsElement).open = true));
    await form23.getByRole('group', { name: 'Panel’s rating for 2.3' }).getByLabel('Outstanding').check();
    await form23.getByLabel('Rationale').fill('Trying again after the answers changed.');
    await form23.getByRole('button', { name: 'Record panel decision' }).click();
    await expect(form23.getByTestId('error-summary')).toContainText(
      '2.3 has no computed rating yet (none of its key questions has a relevant case), so there is no rating for the panel to depart from',
    );
    await expectNoAxeViolations(page);
    await form23.getByRole('button', { name: 'Withdraw panel decision' }).click();
    await expect(page.getByTestId('decision-unavailable-2.3')).toContainText('No panel decision can be recorded yet');
    await expect(page.getByTestId('decision-not-applied-2.3')).toHaveCount(0);
  });

  test('who may see the panel', async ({ page }) => {
    const world = await markedWorld();
    const panelUrl = `/inspections/${world.inspectionId}/panel`;

    await signIn(page, world.inspector);
    expect((await page.goto(panelUrl))?.status()).toBe(404);
    expect((await page.request.get(`${panelUrl}/events`)).status()).toBe(404);
    expect((await page.goto(`${panelUrl}/key-questions/2.1.1`))?.status()).toBe(404);

    await signOut(page);
    await signIn(page, world.outsider);
    expect((await page.goto(panelUrl))?.status()).toBe(404);

    await signOut(page);
    await signIn(page, world.manager);
    await openPanel(page, world);
    await expect(page.getByText('You can see the ratings panel but not change it.')).toBeVisible();
    await expect(page.getByText('Record a panel decision (professional judgement)')).toHaveCount(0);
    await expect(page.getByRole('button', { name: /Save judgement/ })).toHaveCount(0);
    await expectNoAxeViolations(page);

    // The lead lets the team see it.
    await signOut(page);
    await signIn(page, world.lead);
    await openPanel(page, world);
    await page.getByLabel('Let inspectors on the team see this panel (read-only)').check();
    await expect
      .poll(
        async () =>
          at(await sql<{ v: boolean }>('SELECT is_panel_visible_to_team AS v FROM inspections WHERE id = $1', [world.inspectionId]), 0).v,
      )
      .toBe(true);
    await signOut(page);
    await signIn(page, world.inspector);
    await openPanel(page, world);
    await expect(page.getByText('You can see the ratings panel but not change it.')).toBeVisible();
  });

  test('says when the live connection is lost and reconnects by itself', async ({ page }) => {
    const world = await markedWorld();
    await signIn(page, world.lead);
    // The stream is unreachable at first (as when the network drops), then comes back.
    await page.route('**/panel/events', (route) => route.abort('connectionreset'));
    await page.goto(`/inspections/${world.inspectionId}/panel`);
    await expect(page.getByTestId('live-status')).toHaveAttribute('data-state', 'reconnecting');
    await expect(page.getByTestId('live-status')).toContainText('Connection lost — reconnecting');
    await page.unroute('**/panel/events');
    await expect(page.getByTestId('live-status')).toHaveAttribute('data-state', 'live', { timeout: 15_000 });
    // And it is live again: a save elsewhere reaches it.
    await sql(`UPDATE answers SET value = 'no' WHERE case_id = $1 AND question_id = '2.2.1'`, [at(world.cases, 0).id]);
    await sql(`SELECT pg_notify('casemark_inspection_changed', $1)`, [world.inspectionId]);
    await expect(page.getByTestId('kq-pct-2.2.1')).toHaveText('50%');
  });
});
