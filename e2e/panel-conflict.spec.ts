import type { Page } from '@playwright/test';
import { at } from '../lib/must';
import { expectNoAxeViolations } from './fixtures/axe';
import { allKeyQuestions, seedAnswers } from './fixtures/marking';
import { expect, test } from './fixtures/test';
import { createUser, createWorld, openSignedInPage, sql, type World } from './fixtures/world';

// Issue 10: two people deciding one standard at once. Each decision is made on the version of the
// standard's decision its page showed; the later one is shown the other's and chooses
// ("Keep mine" / "Take theirs"), where before both "succeeded" and one silently revoked the other.

async function openPanel(page: Page, world: World) {
  await page.goto(`/inspections/${world.inspectionId}/panel`);
  await expect(page.getByRole('heading', { name: 'Ratings panel' })).toBeVisible();
  await expect(page.getByTestId('live-status')).toHaveAttribute('data-state', 'live');
}

async function fillDecision(page: Page, standardId: string, rating: string, rationale: string) {
  const form = page.getByTestId(`decision-form-${standardId}`);
  // Opened once; it stays open after a decision is recorded.
  if (!(await form.evaluate((el) => (el as HTMLDetailsElement).open))) await form.locator('summary').click();
  await form
    .getByRole('group', { name: `Panel’s rating for ${standardId}` })
    .getByLabel(rating, { exact: true })
    .check();
  await form.getByLabel('Rationale').fill(rationale);
  return form;
}

const activeDecisions = (world: World) =>
  sql<{ rating: string; rationale: string; decided_by_id: string; version: number }>(
    `SELECT rating, rationale, decided_by_id, version FROM panel_decisions
     WHERE inspection_id = $1 AND standard_id = '2.1' AND revoked_at IS NULL`,
    [world.inspectionId],
  );

test.describe('two people deciding at once', () => {
  test('the later panel decision on a standard gets a conflict showing the other, never a silent revoke', async ({ browser }) => {
    const world = await createWorld({
      framework: '2018',
      cases: [{ reference: 'PD-001', type: 'court', disposal: 'referral_order' }],
    });
    await seedAnswers(world, at(world.cases, 0).id, allKeyQuestions('2018', 'court', 'referral_order', 'yes'), world.inspector.id);
    const admin = await createUser('admin', { isAdmin: true });
    const lead = await openSignedInPage(browser, world.lead);
    const other = await openSignedInPage(browser, admin);
    await openPanel(lead, world);
    await openPanel(other, world);

    // Both begin on the same decision (none yet); the lead records first.
    const otherForm = await fillDecision(other, '2.1', 'Good', 'The admin read PD-001 and judged the analysis only good.');
    const leadForm = await fillDecision(lead, '2.1', 'Requires improvement', 'The lead read PD-001 and found the plan thin.');
    await leadForm.getByRole('button', { name: 'Record panel decision' }).click();
    await expect(lead.getByTestId('rating-2.1')).toHaveText('Requires improvement* (professional judgement)');

    // The admin's decision was made on the decision they saw: refused, theirs shown, nothing written.
    await otherForm.getByRole('button', { name: 'Record panel decision' }).click();
    const conflict = other.getByTestId('decision-conflict-2.1');
    await expect(conflict).toBeVisible();
    await expect(conflict.getByRole('heading')).toContainText(`${world.lead.name} changed the panel decision on 2.1`);
    await expect(conflict.getByRole('heading')).toBeFocused();
    await expect(conflict.getByTestId('conflict-mine')).toHaveText('Good — The admin read PD-001 and judged the analysis only good.');
    await expect(conflict.getByTestId('conflict-theirs')).toHaveText(
      'Requires improvement — The lead read PD-001 and found the plan thin.',
    );
    expect(await activeDecisions(world)).toEqual([
      {
        rating: 'requires_improvement',
        rationale: 'The lead read PD-001 and found the plan thin.',
        decided_by_id: world.lead.id,
        version: 1,
      },
    ]);
    await expectNoAxeViolations(other);

    // "Keep mine": recorded over theirs, knowingly, on the version shown.
    await conflict.getByRole('button', { name: 'Keep mine' }).click();
    await expect(conflict).toHaveCount(0);
    await expect(other.getByTestId('rating-2.1')).toHaveText('Good* (professional judgement)');
    expect(await activeDecisions(world)).toEqual([
      { rating: 'good', rationale: 'The admin read PD-001 and judged the analysis only good.', decided_by_id: admin.id, version: 2 },
    ]);

    // The lead now begins another decision on the one they see, but the admin withdraws it first.
    await expect(lead.getByTestId('rating-2.1')).toHaveText('Good* (professional judgement)');
    await fillDecision(lead, '2.1', 'Outstanding', 'The lead reconsidered after reading the practice example.');
    await other.getByRole('button', { name: 'Withdraw panel decision' }).click();
    await expect(other.getByTestId('rating-2.1')).toHaveText('Outstanding');
    await leadForm.getByRole('button', { name: 'Record panel decision' }).click();
    const leadConflict = lead.getByTestId('decision-conflict-2.1');
    await expect(leadConflict.getByTestId('conflict-theirs')).toHaveText('Withdrawn (the computed rating applies)');
    await expect(leadConflict.getByRole('heading')).toContainText(`${admin.name} changed the panel decision on 2.1`);

    // "Take theirs": the withdrawal stands and the lead's form is emptied.
    await leadConflict.getByRole('button', { name: 'Take theirs' }).click();
    await expect(leadConflict).toHaveCount(0);
    await expect(leadForm.getByLabel('Rationale')).toHaveValue('');
    expect(await activeDecisions(world)).toEqual([]);
    await expectNoAxeViolations(lead);
    await lead.context().close();
    await other.context().close();
  });

  test('the later judgement on a qualitative standard gets the same conflict', async ({ browser }) => {
    const world = await createWorld({ framework: '2018', cases: [{ reference: 'JD-001', type: 'court', disposal: 'referral_order' }] });
    const admin = await createUser('admin', { isAdmin: true });
    const lead = await openSignedInPage(browser, world.lead);
    const other = await openSignedInPage(browser, admin);
    await openPanel(lead, world);
    await openPanel(other, world);

    const judge = async (page: Page, rating: string) => {
      const form = page.getByTestId('judgement-1.1');
      await form
        .getByRole('group', { name: /Your judgement for 1\.1/ })
        .getByLabel(rating, { exact: true })
        .check();
      await form.getByRole('button', { name: 'Save judgement for 1.1' }).click();
      return form;
    };
    await expect((await judge(lead, 'Good')).getByRole('status')).toContainText('Judgement for 1.1 saved');
    const otherForm = await judge(other, 'Inadequate');
    const conflict = other.getByTestId('judgement-conflict-1.1');
    await expect(conflict.getByRole('heading')).toContainText(`${world.lead.name} changed the judgement for 1.1`);
    await expect(conflict.getByTestId('conflict-mine')).toHaveText('Inadequate');
    await expect(conflict.getByTestId('conflict-theirs')).toHaveText('Good');
    await expectNoAxeViolations(other);
    await conflict.getByRole('button', { name: 'Take theirs' }).click();
    await expect(otherForm.getByRole('group', { name: /Your judgement for 1\.1/ }).getByLabel('Good', { exact: true })).toBeChecked();
    const rows = await sql<{ rating: string; version: number }>(
      `SELECT rating, version FROM qualitative_judgements WHERE inspection_id = $1 AND standard_id = '1.1'`,
      [world.inspectionId],
    );
    expect(rows).toEqual([{ rating: 'good', version: 1 }]);
    await lead.context().close();
    await other.context().close();
  });
});
