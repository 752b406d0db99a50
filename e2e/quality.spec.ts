import { randomUUID } from 'node:crypto';
import type { Page } from '@playwright/test';
import { getFramework, listKeyQuestionsForCase, listQuestionIdsForCase } from '../lib/framework';
import { expectNoAxeViolations } from './fixtures/axe';
import { expect, test } from './fixtures/test';
import { createUser, createWorld, openSignedInPage, signIn, signOut, sql } from './fixtures/world';
import { at } from '../lib/must';

/** Every answer of the case "Yes", with a note on each key question, as its inspector would have. */
async function seedMarkedCase(
  kase: { id: string; type: 'court' | 'out_of_court' | 'resettlement'; disposal: string },
  inspectionId: string,
  inspectorId: string,
) {
  const ids = listQuestionIdsForCase(getFramework('2021'), { type: kase.type, disposal: kase.disposal as never });
  for (const questionId of ids) {
    const isKeyQuestion = questionId.split('.').length === 3;
    await sql(
      `INSERT INTO answers (id, case_id, inspection_id, question_id, value, note, updated_by_id) VALUES ($1, $2, $3, $4, 'yes', $5, $6)`,
      [randomUUID(), kase.id, inspectionId, questionId, isKeyQuestion ? 'The plan was written three weeks late.' : null, inspectorId],
    );
  }
  await sql(
    `UPDATE cases SET status = 'in_progress', agrees_with_rosh = true, agrees_with_safety = true, is_case_manager_interviewed = true WHERE id = $1`,
    [kase.id],
  );
}

async function expectSaved(page: Page) {
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-kind', 'saved');
}

test.describe('quality assurance', () => {
  test('a quality assurer queries an answer; the inspector changes it and answers; the reviewer resolves; then the case completes', async ({
    browser,
  }) => {
    const world = await createWorld({ framework: '2021', cases: [{ reference: 'QA-1', type: 'court', disposal: 'referral_order' }] });
    const kase = at(world.cases, 0);
    const qa = await createUser('quality');
    await sql(`INSERT INTO inspection_members (inspection_id, user_id, role) VALUES ($1, $2, 'quality_assurer')`, [
      world.inspectionId,
      qa.id,
    ]);
    await seedMarkedCase(kase, world.inspectionId, world.inspector.id);
    const keyQuestion = at(listKeyQuestionsForCase(getFramework('2021'), { type: 'court', disposal: 'referral_order' }), 0);
    const label = `${keyQuestion.id} ${keyQuestion.shortLabel} (judgement)`;
    const caseUrl = `/inspections/${world.inspectionId}/cases/${kase.id}`;

    // The quality assurer sees every case and the QA coverage, and opens the case in review.
    const reviewer = await openSignedInPage(browser, qa);
    await reviewer.goto(`/inspections/${world.inspectionId}`);
    await expect(reviewer.getByTestId('qa-coverage-line')).toHaveText('0 of 1 case reviewed, 0 queries open');
    await expect(reviewer.getByTestId('qa-coverage').getByRole('button', { name: 'Set target' })).toHaveCount(0);
    await expectNoAxeViolations(reviewer);
    await reviewer.getByRole('link', { name: 'Review case QA-1' }).click();
    await expect(reviewer.getByRole('heading', { name: 'Review case QA-1' })).toBeVisible();
    const item = reviewer.locator(`[data-testid="review-item"][data-question="${keyQuestion.id}"]`);
    await expect(item).toContainText('The plan was written three weeks late.');
    await expectNoAxeViolations(reviewer);

    // An empty query is refused with a message, and nothing is sent.
    await item.getByText(`Raise a query on ${label}`).click();
    await item.getByRole('button', { name: `Send query on ${label}` }).click();
    await expect(item.getByText('Enter your query').first()).toBeVisible();
    await expect(item.getByTestId('query-thread')).toHaveCount(0);

    await item.getByLabel(`Your query on ${label}`).fill(`The note says the plan was late; is ${keyQuestion.id} really Yes?`);
    await item.getByRole('button', { name: `Send query on ${label}` }).click();
    await expect(item.getByTestId('query-thread')).toHaveAttribute('data-status', 'open');
    await expect(item.getByTestId('query-thread')).toContainText('Waiting for the inspector');
    await reviewer.getByRole('button', { name: 'Record this case as reviewed' }).click();
    await expect(reviewer.getByTestId('reviewed-by')).toHaveText(`Reviewed by ${qa.name}.`);
    await expectNoAxeViolations(reviewer);

    // The inspector sees the open query on their case list and cannot complete the case.
    const inspector = await openSignedInPage(browser, world.inspector);
    await inspector.goto(`/inspections/${world.inspectionId}`);
    await expect(inspector.getByTestId('case-queries-cell')).toContainText('1 open');
    await inspector.goto(`${caseUrl}/check`);
    await expect(inspector.getByTestId('error-summary')).toContainText('1 query is not yet resolved');
    await expect(inspector.getByRole('button', { name: 'Mark as complete' })).toBeDisabled();
    await expectNoAxeViolations(inspector);

    // The lead sees the open query behind the key question on the ratings panel's drill-down.
    const lead = await openSignedInPage(browser, world.lead);
    await lead.goto(`/inspections/${world.inspectionId}/panel`);
    await expect(lead.getByTestId('panel-open-queries')).toContainText(
      `${keyQuestion.id} ${keyQuestion.shortLabel}: 1 open on the cases behind it`,
    );
    await lead
      .getByTestId('panel-open-queries')
      .getByRole('link', { name: `${keyQuestion.id} ${keyQuestion.shortLabel}` })
      .click();
    await expect(lead).toHaveURL(new RegExp(`/panel/key-questions/${keyQuestion.id.replace(/\./g, '\\.')}$`));
    await expect(lead.getByTestId('drilldown-queries')).toContainText('1 query open on these answers');
    await expectNoAxeViolations(lead);

    // The inspector changes the answer through the normal save, then answers the query.
    await inspector.goto(caseUrl);
    await expect(inspector.getByTestId('task-list')).toContainText('Answer the reviewer’s queries');
    await expect(inspector.getByTestId('task-list')).toContainText('1 open');
    const thread = inspector.getByTestId('case-queries').getByTestId('query-thread');
    await expect(thread).toContainText(`is ${keyQuestion.id} really Yes?`);
    await expectNoAxeViolations(inspector);
    await thread.getByRole('link', { name: `Change the answer to ${label}` }).click();
    await inspector.getByTestId(`question-${keyQuestion.id}`).locator('fieldset').first().getByLabel('No', { exact: true }).check();
    await expectSaved(inspector);
    await inspector.goto(caseUrl);
    await thread.getByLabel('Your answer').fill('Agreed: the plan was late. Changed to No.');
    await thread.getByRole('button', { name: `Send answer on ${label}` }).click();
    await expect(thread).toHaveAttribute('data-status', 'answered');
    await expect(thread).toContainText('Agreed: the plan was late. Changed to No.');

    // The reviewer re-opens once, the inspector answers again, then the reviewer resolves.
    await reviewer.reload();
    await item.getByText(`Re-open the query on ${label}`).click();
    await item.getByLabel('Why are you re-opening it?').fill('Please say so in the evidence note too.');
    await item.getByRole('button', { name: `Re-open query on ${label}` }).click();
    await expect(item.getByTestId('query-thread')).toHaveAttribute('data-status', 'open');
    await inspector.reload();
    await thread.getByLabel('Your answer').fill('Note updated.');
    await thread.getByRole('button', { name: `Send answer on ${label}` }).click();
    await expect(thread).toHaveAttribute('data-status', 'answered');
    await reviewer.reload();
    await item.getByRole('button', { name: `Resolve the query on ${label}` }).click();
    await expect(item.getByTestId('query-thread')).toHaveAttribute('data-status', 'resolved');
    await expect(item.getByTestId('query-thread').locator('li')).toHaveCount(5);

    // Now the case can be completed.
    await inspector.goto(`${caseUrl}/check`);
    await inspector.getByRole('button', { name: 'Mark as complete' }).click();
    await expect(inspector).toHaveURL(/completed=/);

    // The lead sets the review target and sees the coverage against it.
    await lead.goto(`/inspections/${world.inspectionId}`);
    await expect(lead.getByTestId('qa-coverage-line')).toHaveText('1 of 1 case reviewed, 0 queries open');
    await lead.getByLabel('Review target (% of cases)').fill('150');
    await lead.getByRole('button', { name: 'Set target' }).click();
    await expect(lead.getByTestId('qa-coverage').getByText('Enter the target as a whole number from 1 to 100').first()).toBeVisible();
    await lead.getByLabel('Review target (% of cases)').fill('20');
    await lead.getByRole('button', { name: 'Set target' }).click();
    await expect(lead.getByTestId('qa-target-line')).toHaveText('Target: 20% of cases (1 case) — met.');
    await expectNoAxeViolations(lead);

    for (const page of [reviewer, inspector, lead]) await page.context().close();
  });

  test('the lead adds a quality assurer to the team, who reads every case but cannot mark', async ({ page }) => {
    const world = await createWorld({ framework: '2021' });
    const qa = await createUser('quality');
    await signIn(page, world.lead);
    await page.goto(`/inspections/${world.inspectionId}/setup`);
    await page.locator('#member-email').fill(qa.email);
    await page.locator('#member-role').selectOption({ label: 'Quality assurer' });
    await page.getByRole('button', { name: 'Add to the team' }).click();
    await expect(page.getByText(`${qa.name} has been added to the team.`)).toBeVisible();
    await expect(page.getByTestId('team-row').filter({ hasText: qa.name }).getByRole('combobox')).toHaveValue('quality_assurer');
    await expectNoAxeViolations(page);
    await signOut(page);

    await signIn(page, qa);
    await page.goto(`/inspections/${world.inspectionId}`);
    await expect(page.getByTestId('case-row')).toHaveCount(2);
    await page.goto(`/inspections/${world.inspectionId}/cases/${at(world.cases, 1).id}`);
    await expect(page.getByTestId('read-only-reason')).toContainText('quality assurer');
    await expectNoAxeViolations(page);
  });
});
