import { randomUUID } from 'node:crypto';
import { getFramework, listKeyQuestionsForCase, listQuestionIdsForCase } from '../lib/framework';
import { expectNoAxeViolations } from './fixtures/axe';
import { expect, test } from './fixtures/test';
import { createWorld, openSignedInPage, sql } from './fixtures/world';

const FIRST_NOTE = 'The plan was written three weeks late.';

test.describe('blind second marking', () => {
  test('the lead picks a second inspector, who marks blind and submits; the lead sees the disagreement, reconciles it, and the panel follows', async ({
    browser,
  }) => {
    const world = await createWorld({ framework: '2021', cases: [{ reference: 'SM-1', type: 'court', disposal: 'referral_order' }] });
    const kase = world.cases[0]!;
    // The first marking: every answer Yes, each key question with an evidence note.
    for (const questionId of listQuestionIdsForCase(getFramework('2021'), { type: 'court', disposal: 'referral_order' })) {
      const isKeyQuestion = questionId.split('.').length === 3;
      await sql(
        `INSERT INTO answers (id, case_id, inspection_id, question_id, value, note, updated_by_id) VALUES ($1, $2, $3, $4, 'yes', $5, $6)`,
        [randomUUID(), kase.id, world.inspectionId, questionId, isKeyQuestion ? FIRST_NOTE : null, world.inspector.id],
      );
    }
    await sql(`UPDATE cases SET status = 'complete' WHERE id = $1`, [kase.id]);
    // The team may see the panel: it must still be hidden from the second inspector while blind.
    await sql(`UPDATE inspections SET is_panel_visible_to_team = true WHERE id = $1`, [world.inspectionId]);
    const keyQuestions = listKeyQuestionsForCase(getFramework('2021'), { type: 'court', disposal: 'referral_order' });
    const disputed = keyQuestions[0]!;
    const base = `/inspections/${world.inspectionId}`;

    // The lead picks the case and the second inspector.
    const lead = await openSignedInPage(browser, world.lead);
    await lead.goto(base);
    await lead.getByTestId('second-marking-links').getByRole('link', { name: 'Second marking' }).click();
    await expect(lead.getByRole('heading', { name: 'Second marking', level: 1 })).toBeVisible();
    await expectNoAxeViolations(lead);
    await lead.getByRole('button', { name: 'Pick for second marking' }).click();
    await expect(lead.getByTestId('error-summary')).toContainText('Choose a case');
    await lead.getByRole('combobox', { name: 'Case', exact: true }).selectOption({ label: `SM-1 (marked by ${world.inspector.name})` });
    await lead.getByRole('combobox', { name: 'Second inspector' }).selectOption({ label: world.otherInspector.name });
    await lead.getByRole('button', { name: 'Pick for second marking' }).click();
    await expect(lead.getByText('Case SM-1 is picked for second marking.')).toBeVisible();
    await expect(lead.getByTestId('second-marking-row')).toContainText('Not yet submitted');
    // A pick not yet submitted can be withdrawn (the wrong inspector, say), and the case picked again.
    await expectNoAxeViolations(lead);
    await lead.getByRole('button', { name: 'Withdraw the second marking of case SM-1' }).click();
    await expect(lead.getByTestId('no-second-markings')).toBeVisible();
    await lead.getByRole('combobox', { name: 'Case', exact: true }).selectOption({ label: `SM-1 (marked by ${world.inspector.name})` });
    await lead.getByRole('combobox', { name: 'Second inspector' }).selectOption({ label: world.otherInspector.name });
    await lead.getByRole('button', { name: 'Pick for second marking' }).click();
    await expect(lead.getByTestId('second-marking-row')).toContainText('Not yet submitted');

    // The second inspector: a list of cases to second mark, no ratings panel, no way into the case.
    const second = await openSignedInPage(browser, world.otherInspector);
    await second.goto(base);
    await expect(second.getByTestId('inspection-links').getByRole('link', { name: 'Ratings panel' })).toHaveCount(0);
    await second.getByRole('link', { name: 'Cases to second mark' }).click();
    await expect(second.getByRole('heading', { name: 'Cases to second mark', level: 1 })).toBeVisible();
    await expectNoAxeViolations(second);
    await second.getByRole('link', { name: 'SM-1' }).click();
    await expect(second.getByTestId('blind-notice')).toContainText('You are marking blind.');
    await expect(second.locator('body')).not.toContainText(FIRST_NOTE);
    await expect(second.locator(`input[type=radio]:checked`)).toHaveCount(0);
    await expectNoAxeViolations(second);
    const markingUrl = second.url();
    for (const path of [`${base}/cases/${kase.id}`, `${base}/cases/${kase.id}/check`, `${base}/cases/${kase.id}/review`, `${base}/panel`]) {
      await second.goto(path);
      await expect(second.getByRole('heading', { name: 'Page not found' })).toBeVisible();
      await expect(second.locator('body')).not.toContainText(FIRST_NOTE);
    }
    const stream = await second.request.get(`${base}/panel/events`);
    expect(stream.status()).toBe(404);
    const exported = await second.request.get(`${base}/exports/key-questions?format=csv`);
    expect(exported.status()).toBe(404);

    // Submitting with key questions unanswered is refused, naming them.
    await second.goto(markingUrl);
    await second.getByRole('button', { name: 'Submit second marking' }).click();
    await expect(second.getByTestId('error-summary')).toContainText(`${disputed.id}: choose Yes, No or Not applicable`);
    for (const kq of keyQuestions) {
      const question = second.locator(`[data-testid="second-marking-question"][data-question="${kq.id}"]`);
      await question.getByLabel(kq.id === disputed.id ? 'No' : 'Yes', { exact: true }).check();
      await question.getByLabel(`Evidence note for ${kq.id}`).fill(kq.id === disputed.id ? 'No plan was written at all.' : 'Agrees.');
    }
    await second.getByRole('button', { name: 'Submit second marking' }).click();
    await expect(second.getByTestId('disagreement-summary')).toHaveText(
      '1 disagreement, 1 not yet reconciled. Until reconciled, the first marking counts.',
    );
    // Now, and only now, the first marking is shown beside theirs.
    await expect(second.locator('body')).toContainText(FIRST_NOTE);
    await expectNoAxeViolations(second);

    // The lead: agreement, with the disagreement; the panel says the first marking counts.
    await lead.goto(`${base}/panel`);
    await expect(lead.getByTestId(`kq-count-${disputed.id}`)).toHaveText('1 / 1');
    await expect(lead.getByTestId('panel-unreconciled')).toContainText(
      `${disputed.id} ${disputed.shortLabel}: 1 double-marked case is not yet reconciled; the first marking counts.`,
    );
    await lead.getByRole('link', { name: 'Agreement and the disagreements to reconcile' }).click();
    await expect(lead.getByRole('heading', { name: 'Agreement between markings' })).toBeVisible();
    const row = lead.locator(`[data-testid="agreement-question"][data-question="${disputed.id}"]`);
    await expect(row).toContainText('0%');
    await expect(row).toContainText('Only 1 double-marked case: too few for the agreement figures to mean much.');
    await expect(lead.getByTestId('disagreement')).toContainText('first marking Yes, second marking No');
    await expectNoAxeViolations(lead);

    // Reconciliation: both markings side by side; the agreed answer with its reason.
    await lead.getByRole('link', { name: `Case SM-1, ${disputed.id}` }).click();
    const comparison = lead.locator(`[data-testid="comparison-row"][data-question="${disputed.id}"]`);
    await expect(comparison).toContainText(FIRST_NOTE);
    await expect(comparison).toContainText('No plan was written at all.');
    await expectNoAxeViolations(lead);
    const form = comparison.getByTestId('reconcile-form');
    await form.getByRole('button', { name: `Record the agreed answer to ${disputed.id}` }).click();
    await expect(form.getByText('Choose the agreed answer').first()).toBeVisible();
    await form.getByLabel('No', { exact: true }).check();
    await form
      .getByLabel(`Why is this the agreed answer to ${disputed.id}?`)
      .fill('The file holds no plan; the first marker read the referral order as one.');
    await form.getByRole('button', { name: `Record the agreed answer to ${disputed.id}` }).click();
    await expect(comparison.getByTestId('reconciliation')).toContainText(`Agreed answer: No, recorded by ${world.lead.name}`);
    // The comparison still names the first inspector, though the lead's agreed answer is now the first marking's.
    await expect(comparison.getByTestId('first-marking-heading')).toHaveText(`First marking (${world.inspector.name})`);
    await expectNoAxeViolations(lead);

    // The case page gives the reason, and its history shows the reconciliation.
    await lead.goto(`${base}/cases/${kase.id}`);
    await expect(lead.getByTestId('case-reconciliations')).toContainText(
      `${disputed.id}: first marking Yes, second marking No; agreed No by ${world.lead.name}`,
    );
    await expect(lead.getByTestId('case-reconciliations')).toContainText('Why: The file holds no plan');
    await lead.getByTestId('case-history-link').click();
    await expect(lead.locator('[data-testid="history-row"][data-action="answer.reconcile"]')).toContainText('Reconciliation');
    await expectNoAxeViolations(lead);

    // The panel counts the agreed answer, and no longer warns.
    await lead.goto(`${base}/panel`);
    await expect(lead.getByTestId(`kq-count-${disputed.id}`)).toHaveText('0 / 1');
    await expect(lead.getByTestId('panel-unreconciled')).toHaveCount(0);
    // The disagreement stays in the statistics, now reconciled.
    await lead.goto(`${base}/agreement`);
    await expect(lead.getByTestId('disagreement')).toContainText('Reconciled');
  });
});
