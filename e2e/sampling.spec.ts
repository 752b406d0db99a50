import ExcelJS from 'exceljs';
import { expectNoAxeViolations } from './fixtures/axe';
import { expect, test } from './fixtures/test';
import { createWorld, signIn, signOut, sql } from './fixtures/world';
import { at } from '../lib/must';

const HEADER = ['reference', 'type', 'disposal', 'disposal_date', 'gender', 'rosh', 'safety_wellbeing', 'case_manager'];

/**
 * A service's list for fieldwork from 16 November 2026: 30 court cases in the window (16 February
 * – 16 May 2026) and 5 before it, 12 out-of-court cases in their window, 3 resettlement cases.
 */
function serviceRows(): string[][] {
  const levels = ['low', 'medium', 'high', 'very_high'];
  const rows: string[][] = [];
  for (let i = 0; i < 35; i++) {
    const date = i < 30 ? `2026-03-${String(1 + (i % 28)).padStart(2, '0')}` : '2026-01-10';
    rows.push([
      `CT-${100 + i}`,
      'court',
      i % 3 === 0 ? 'youth_rehabilitation_order' : 'referral_order',
      date,
      i % 4 === 0 ? 'Female' : 'Male',
      at(levels, i % 4),
      at(levels, (i * 7) % 4),
      `CM-${i % 3}`,
    ]);
  }
  for (let i = 0; i < 12; i++)
    rows.push([
      `OC-${100 + i}`,
      'out_of_court',
      i % 2 ? 'youth_caution' : 'community_resolution',
      '2026-07-15',
      i % 3 ? 'Male' : 'Female',
      'low',
      at(levels, i % 3),
      '',
    ]);
  for (let i = 0; i < 3; i++) rows.push([`RS-${100 + i}`, 'resettlement', 'custodial_sentence', '2026-04-01', 'Male', 'high', 'high', '']);
  return rows;
}

async function xlsxOf(rows: string[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Caseload');
  sheet.addRow(HEADER);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const count = async (query: string, params: unknown[]) => at(await sql<{ n: number }>(query, params), 0).n;

test('the lead draws a balanced, reproducible sample from the service’s list, replaces a case and confirms it into cases', async ({
  page,
}) => {
  const world = await createWorld({ status: 'set_up', cases: [] });
  const samplePath = `/inspections/${world.inspectionId}/setup/sample`;

  // Only the lead inspector (or an admin) may see the page: an inspector gets not-found.
  await signIn(page, world.inspector);
  await page.goto(samplePath);
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await signOut(page);

  await signIn(page, world.lead);
  await page.goto(`/inspections/${world.inspectionId}/setup`);
  await page.getByRole('link', { name: 'Draw the sample from the service’s list' }).click();
  await expect(page.getByRole('heading', { name: 'Draw the case sample' })).toBeVisible();
  await expectNoAxeViolations(page);

  // A list with a wrong row: every problem with its line and column, nothing kept.
  const bad = [HEADER, ...serviceRows()];
  bad[2] = ['CT-101', 'court', 'youth_caution', '2026-03-02', 'Male', 'low', 'low', ''];
  await page
    .getByLabel('Upload the list of eligible cases (CSV or Excel)')
    .setInputFiles({ name: 'caseload.csv', mimeType: 'text/csv', buffer: Buffer.from(bad.map((r) => r.join(',')).join('\n')) });
  await page.getByRole('button', { name: 'Upload and check the list' }).click();
  await expect(page.getByTestId('error-summary')).toContainText(
    'Line 3, disposal: Youth caution is an out-of-court disposal, but the case type is court',
  );
  await expect(page.getByTestId('error-summary')).toBeFocused();
  await expectNoAxeViolations(page);
  expect(await count('SELECT count(*)::int AS n FROM sample_populations WHERE inspection_id = $1', [world.inspectionId])).toBe(0);

  // The corrected list, as an Excel workbook.
  await page.getByLabel('Upload the list of eligible cases (CSV or Excel)').setInputFiles({
    name: 'caseload.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: await xlsxOf(serviceRows()),
  });
  await page.getByRole('button', { name: 'Upload and check the list' }).click();
  await expect(page.getByTestId('notification-banner')).toContainText('The list of eligible cases has been kept');
  await expect(page.getByTestId('window-court')).toContainText('16 February 2026 to 16 May 2026 — 30 eligible');
  await page.getByText('Who is in and out of each window, and why').click();
  await expect(page.getByTestId('population-row').filter({ hasText: 'CT-130' })).toContainText(
    'Before the court window: it opens on 16 February 2026',
  );
  await expect(page.getByTestId('size-formula')).toContainText('1.2816² × 0.5 × 0.5 ÷ 0.05² = 164.250');
  await expect(page.getByTestId('size-court')).toContainText('26'); // 164.25 / (1 + 163.25 / 30) = 25.5 → 26
  await expectNoAxeViolations(page);

  // An override needs a reason, which is recorded.
  await page.getByText('Change the court disposal sample size').click();
  await page.getByLabel('Court sample size', { exact: true }).fill('10');
  await page.getByRole('button', { name: 'Save the court size' }).click();
  await expect(page.getByTestId('error-summary')).toContainText('Enter why the sample size differs from the rule');
  await page.getByLabel('Why the court size differs from the rule').fill('Fieldwork is four days this time');
  await page.getByRole('button', { name: 'Save the court size' }).click();
  await expect(page.getByTestId('notification-banner')).toContainText('The sample size has been saved.');
  await expect(page.getByTestId('size-court')).toContainText('Reason: Fieldwork is four days this time');

  // Draw with a given seed: the seed is shown, and the make-up sits beside the population's.
  await page.getByLabel('Seed (optional)').fill('e2e-fieldwork');
  await page.getByRole('button', { name: 'Draw the sample' }).click();
  await expect(page.getByTestId('notification-banner')).toContainText('The sample has been drawn.');
  await expect(page.getByTestId('seed')).toHaveText('e2e-fieldwork');
  const court = page.getByTestId('population-sample-court');
  await expect(court.getByRole('heading', { name: 'Court disposal: 10 of 30 eligible cases' })).toBeVisible();
  await expect(court).toContainText('Every category within one case');
  await expect(court.getByTestId('comparison-court-gender')).toContainText('Largest deviation');
  await expect(page.getByTestId('sampled-case')).toHaveCount(10 + 12 + 3);
  await expect(page.getByTestId('margin-court')).toContainText(/±\d+\.\d points/);
  await expectNoAxeViolations(page);
  const drawn = await court.getByTestId('sampled-case').locator('td:first-child').allTextContents();

  // Replace a sampled case: the reserve that keeps the balance is suggested and chosen already.
  const removed = drawn[0];
  await court.getByRole('link', { name: `Replace ${removed}` }).click();
  await expect(page.getByRole('heading', { name: `Replace case ${removed}` })).toBeVisible();
  await expectNoAxeViolations(page);
  const suggested = page.getByRole('radio', { name: /suggested/ });
  await expect(suggested).toBeChecked();
  await expect(page.locator('label[for="replacement-input"]')).toContainText('keeps the balance (largest deviation');
  const replacement = ((await page.locator('label[for="replacement-input"]').textContent()) ?? '').split(' ')[0];
  expect(replacement).toMatch(/^CT-1\d\d$/);
  await page.getByRole('button', { name: 'Replace the case' }).click();
  await expect(page.getByTestId('error-summary')).toContainText('Enter why this case cannot be inspected');
  await page.getByLabel('Why can this case not be inspected?').fill('Transferred to another service');
  await page.getByRole('button', { name: 'Replace the case' }).click();
  await expect(page.getByTestId('notification-banner')).toContainText('The case has been replaced.');
  await expect(page.getByTestId('replacements-court')).toContainText(`${removed}${replacement}Transferred to another service`);

  // Confirm: the sample becomes the inspection's cases, ready to allocate.
  await page.getByRole('button', { name: 'Confirm the sample and create 25 cases' }).click();
  await expect(page.getByTestId('notification-banner')).toContainText('The sample has been confirmed: 25 cases have been created.');
  await expectNoAxeViolations(page);
  const references = (await sql<{ reference: string }>('SELECT reference FROM cases WHERE inspection_id = $1', [world.inspectionId])).map(
    (r) => r.reference,
  );
  expect(references).toHaveLength(25);
  expect(references).toContain(replacement);
  expect(references).not.toContain(removed);
  expect(
    await count(`SELECT count(*)::int AS n FROM audit_entries WHERE inspection_id = $1 AND action LIKE 'sample.%'`, [world.inspectionId]),
  ).toBe(5);
});
