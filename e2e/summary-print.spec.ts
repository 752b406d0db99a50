import { expectNoAxeViolations } from './fixtures/axe';
import { seedAnswers } from './fixtures/exports';
import { pdfText } from './fixtures/pdf-text';
import { expect, test } from './fixtures/test';
import { createWorld, signIn, sql } from './fixtures/world';
import { at } from '../lib/must';

/**
 * The summary on a laptop screen and on paper (issue 23): at 1366 px no sideways scroll of the
 * page, the service and the overall rating stay in view while the standards scroll, every
 * standard's heading is named; printed to A4 landscape, every column's heading is in the PDF's
 * text, with the filters and the date at the top and the legend and caveat at the foot.
 */
test('a manager reads the summary at 1366 px and prints it on A4 with every column', async ({ page }) => {
  const world = await createWorld({
    framework: '2021',
    status: 'panel', // published below, once marked: published figures are remembered until the inspection's row changes
    cases: [1, 2].map((n) => ({ reference: `C-${n}`, type: 'court' as const, disposal: 'referral_order' })),
  });
  const kase = at(world.cases, 0);
  await seedAnswers(
    { id: kase.id, inspectionId: world.inspectionId, inspectorId: kase.inspectorId! },
    { '2.1.1': 'yes', '2.1.1.a': 'yes', '2.1.2': 'no', '2.1.3': 'yes' },
  );
  await sql(`UPDATE inspections SET status = 'published' WHERE id = $1`, [world.inspectionId]);
  await page.setViewportSize({ width: 1366, height: 900 });
  await signIn(page, world.manager);
  await page.goto('/summary?framework=2021');
  const row = page.locator(`[data-inspection-id="${world.inspectionId}"]`);
  await expect(row).toBeVisible();

  // No page-level sideways scroll; the table scrolls in its own region.
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  await expect(page.getByTestId('header-2.1').locator('abbr')).toHaveAttribute('title', /^2\.1 \S/);

  // Scrolled to its far end, the service and the overall rating are still inside the visible region.
  const region = page.getByTestId('summary-table-scroll');
  await region.evaluate((el) => el.scrollTo({ left: el.scrollWidth }));
  const box = (await region.boundingBox())!;
  for (const cell of [row.locator('th[scope="row"]'), row.getByTestId('cell-overall')]) {
    const cellBox = (await cell.boundingBox())!;
    expect(cellBox.x).toBeGreaterThanOrEqual(box.x - 1);
    expect(cellBox.x + cellBox.width).toBeLessThanOrEqual(box.x + box.width + 1);
  }

  // Charts that stand alone: no previous ratings are their own category, and a median of few inspections is flagged —
  // whenever the national table (every published inspection, other tests' among them) has one.
  await expect(page.getByTestId('changes-table-2021')).toContainText('No previous rating');
  const spreads = await page
    .getByTestId('kq-spread-table-2021')
    .locator('tbody tr')
    .evaluateAll((trs) => trs.map((tr) => Number(tr.querySelector('td')?.textContent ?? '0')));
  const few = spreads.filter((n) => n > 0 && n < 5).length;
  if (few > 0) await expect(page.getByTestId('kq-spread-few-2021')).toContainText('fewer than 5 published inspections');
  else await expect(page.getByTestId('kq-spread-few-2021')).toHaveCount(0);
  await expectNoAxeViolations(page);

  await page.emulateMedia({ media: 'print' });
  const text = pdfText(await page.pdf({ preferCSSPageSize: true, printBackground: true })).replace(/\s+/g, ' ');
  const headings = await page
    .getByTestId('summary-table')
    .locator('thead th')
    .evaluateAll((cells) => cells.map((cell) => (cell.querySelector('a, abbr')?.firstChild?.textContent ?? cell.textContent ?? '').trim()));
  expect(headings).toEqual(expect.arrayContaining(['Service', '1.1', '2.1', '2.4', 'Score', 'Overall rating', 'Status']));
  const squashed = text.replace(/ /g, '');
  for (const heading of headings) expect(squashed, heading).toContain(heading.replace(/\s+/g, ''));
  expect(squashed).toContain('Printed:');
  expect(squashed).toContain('Standards:July2021standards');
  expect(squashed).toContain('*Professionaljudgementappliedbytheratingspanel');
  expect(squashed).toContain('smallsub-sample');
  // On paper the table is not cut: the last row's overall rating and status are printed too.
  expect(squashed).toContain('Published');

  // The service over time: every inspection of the service side by side, beside the national figures.
  await page.emulateMedia({ media: 'screen' });
  await row.getByTestId('service-over-time').click();
  await expect(page.getByRole('heading', { level: 1, name: 'The service over time' })).toBeVisible();
  await expect(page.getByTestId('service-kq-2.1.1')).toContainText('100%');
  // Beside it the national median (range, inspections) of every published inspection on the July 2021 standards.
  await expect(page.getByTestId('service-kq-2.1.1').getByRole('cell').last()).toHaveText(/^\d+(\.5)?% \(\d+–100%, \d+\)$/);
  await expect(page.getByText(/published inspections? on the July 2021 standards in Casemark, whoever looks/)).toBeVisible();
  await expectNoAxeViolations(page);
});
