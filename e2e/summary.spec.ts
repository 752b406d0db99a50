import { expectNoAxeViolations } from './fixtures/axe';
import { downloadByClicking, fetchOk, readCsvObjects, readXlsx, seedAnswers } from './fixtures/exports';
import { expect, test } from './fixtures/test';
import { createWorld, signIn, sql, unique, type World } from './fixtures/world';
import { readDocx } from '../lib/export/test-support/read-docx';
import { at } from '../lib/must';

/**
 * A published 2021 inspection whose 2.1 is known: four court cases,
 *   2.1.1: 3 yes, 1 no → 75%;  2.1.2: 2 yes, 2 no → 50% (lowest: 2.1 computes to RI);  2.1.3: 1 yes, 1 no, 2 na → 50%
 * the panel raised 2.1 to Good (*), the previous inspection rated 2.1 Inadequate (so it went up),
 * and the cases' genders include "__proto__" and "constructor".
 */
async function createPublishedWorld(): Promise<World & { region: string }> {
  const world = await createWorld({
    framework: '2021',
    // At the panel while its answers are written, published last, as the app allows: the national figures are
    // remembered until a published inspection's row changes (lib/summary/national.ts).
    status: 'panel',
    cases: [1, 2, 3, 4].map((n) => ({ reference: `C-${n}`, type: 'court' as const, disposal: 'referral_order' })),
  });
  const region = unique('Region');
  await sql(`UPDATE services SET region = $2 WHERE id = (SELECT service_id FROM inspections WHERE id = $1)`, [world.inspectionId, region]);
  const kase = (i: number) => ({
    id: at(world.cases, i).id,
    inspectionId: world.inspectionId,
    inspectorId: at(world.cases, i).inspectorId!,
  });
  await seedAnswers(kase(0), { '2.1.1': 'yes', '2.1.1.a': 'yes', '2.1.2': 'yes', '2.1.3': 'yes' });
  await seedAnswers(kase(1), { '2.1.1': 'yes', '2.1.1.a': 'yes', '2.1.2': 'yes', '2.1.3': 'no' });
  await seedAnswers(kase(2), { '2.1.1': 'yes', '2.1.1.a': 'no', '2.1.2': 'no', '2.1.3': 'na' });
  await seedAnswers(kase(3), { '2.1.1': 'no', '2.1.2': 'no', '2.1.3': 'na' });
  const genders = ['__proto__', 'constructor', '__proto__', 'Female'];
  for (const [i, c] of world.cases.entries()) await sql(`UPDATE cases SET gender = $2 WHERE id = $1`, [c.id, genders[i]]);
  await sql(`UPDATE inspections SET previous_ratings = '{"2.1": "inadequate"}' WHERE id = $1`, [world.inspectionId]);
  await sql(
    `INSERT INTO panel_decisions (id, inspection_id, standard_id, rating, rationale, decided_by_id) VALUES (gen_random_uuid(), $1, '2.1', 'good', 'Panel view', $2)`,
    [world.inspectionId, world.lead.id],
  );
  await sql(`UPDATE inspections SET status = 'published' WHERE id = $1`, [world.inspectionId]);
  return { ...world, region };
}

/** A second inspection, still at the ratings panel (provisional), managed by the same manager, in another region. */
async function addProvisionalInspection(manager: World['manager']): Promise<World & { region: string }> {
  const world = await createWorld({ framework: '2021', status: 'panel' });
  const region = unique('Region');
  await sql(`UPDATE services SET region = $2 WHERE id = (SELECT service_id FROM inspections WHERE id = $1)`, [world.inspectionId, region]);
  await sql(`UPDATE inspections SET fieldwork_start = '2026-06-01', fieldwork_end = '2026-06-12' WHERE id = $1`, [world.inspectionId]);
  await sql(`INSERT INTO inspection_members (inspection_id, user_id, role) VALUES ($1, $2, 'manager')`, [world.inspectionId, manager.id]);
  return { ...world, region };
}

test.describe('summary across inspections', () => {
  test('a manager filters and sorts the summary, reads the charts’ tables, and downloads what it shows', async ({ page }) => {
    const published = await createPublishedWorld();
    const provisional = await addProvisionalInspection(published.manager);
    await signIn(page, published.manager);
    await page.getByTestId('summary-link').getByRole('link', { name: 'Summary across inspections' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Summary across inspections' })).toBeVisible();

    const rows = page.getByTestId('summary-row');
    await expect(rows).toHaveCount(2);
    const publishedRow = page.locator(`[data-inspection-id="${published.inspectionId}"]`);
    await expect(publishedRow.getByTestId('cell-2.1')).toHaveText('Good* (professional judgement)');
    await expect(publishedRow.getByTestId('cell-status')).toHaveText('Published');
    await expect(page.locator(`[data-inspection-id="${provisional.inspectionId}"]`).getByTestId('cell-status')).toHaveText(
      'Ratings panel Provisional',
    );
    await expect(page.getByTestId('summary-counts')).toContainText('2 inspections shown, 1 with final ratings');

    // The charts are decorative; their tables carry the figures — national ones, over every published inspection on
    // the 2021 standards (the demo's reports and other tests' among them), whoever looks, said in words above them.
    await expect(page.getByTestId('rating-counts-2021').getByTestId('rating-counts-chart')).toHaveAttribute('aria-hidden', 'true');
    await expect(page.getByTestId('national-basis')).toContainText(/From \d+ published inspections on the July 2021 standards/);
    const cells = async (testId: string) =>
      (await page.getByTestId(testId).getByRole('cell').allTextContents()).map((text) => Number(text.replace('%', '')));
    // This inspection's Good* on 2.1 is counted, its 75% and 50% lie within the national ranges, and its 2.1 went up.
    expect(at(await cells('rating-counts-2021-2.1'), 1)).toBeGreaterThanOrEqual(1);
    const [n211, min211, , max211] = await cells('kq-spread-2021-2.1.1');
    expect(n211).toBeGreaterThanOrEqual(1);
    expect([min211! <= 75, max211! >= 75]).toEqual([true, true]);
    const [, min212, , max212] = await cells('kq-spread-2021-2.1.2');
    expect([min212! <= 50, max212! >= 50]).toEqual([true, true]);
    expect(at(await cells('changes-2021-2.1'), 0)).toBeGreaterThanOrEqual(1);
    await expectNoAxeViolations(page);

    // Filters go in the URL through the GET form, and narrow the table.
    await page.getByLabel('Status').selectOption('panel');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect(page).toHaveURL(/status=panel/);
    await expect(rows).toHaveCount(1);
    // The filters choose the rows, not the nation: the national figures stay.
    await expect(page.getByTestId('summary-counts')).toContainText('1 inspection shown, 0 with final ratings');
    await expect(page.getByTestId('national-basis')).toContainText('published inspections on the July 2021 standards');

    await page.getByLabel('Status').selectOption('');
    await page.getByLabel('Region').selectOption(published.region);
    await page.getByRole('group', { name: 'Fieldwork starting from' }).getByLabel('Day').fill('1');
    await page.getByRole('group', { name: 'Fieldwork starting from' }).getByLabel('Month').fill('11');
    await page.getByRole('group', { name: 'Fieldwork starting from' }).getByLabel('Year').fill('2026');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toHaveAttribute('data-inspection-id', published.inspectionId);
    const sharedUrl = page.url();
    expect(sharedUrl).toContain(`region=${published.region}`);

    // Sorting is a link that keeps the filters.
    await page.goto('/summary');
    await page.getByTestId('sort-fieldwork').click();
    await expect(page.getByRole('columnheader', { name: /Fieldwork/ })).toHaveAttribute('aria-sort', 'ascending');
    await expect(rows.first()).toHaveAttribute('data-inspection-id', provisional.inspectionId);

    // The workbook and the CSV hold the page's rows, in the page's order.
    const pageIds = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-inspection-id')));
    const workbook = await downloadByClicking(page, 'Every table (Excel workbook (XLSX))');
    expect(workbook.fileName).toMatch(/^casemark-summary-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const sheets = await readXlsx(workbook.bytes);
    expect(sheets.map((s) => s.name)).toEqual([
      'Filters',
      'Inspections',
      'Ratings by standard',
      'Key questions',
      'Change since previous',
      'Key questions by inspection',
    ]);
    expect(sheets[0]?.rows.find((r) => r.values[0] === 'Sorted by')?.values[1]).toBe('Fieldwork dates (ascending)');
    const inspections = at(sheets, 1);
    // The page's rows, then a blank row, the * legend and the caveat at the sheet's foot.
    expect(inspections.rows.map((r) => r.values[inspections.header.indexOf('Inspection id')])).toEqual([...pageIds, null, null, null]);
    expect(inspections.rows.slice(-2).map((r) => r.values[0])).toEqual(['Legend', 'Caveat']);
    const publishedValues = inspections.rows.find((r) => r.values.includes(published.inspectionId))!.values;
    expect(publishedValues[inspections.header.indexOf('2.1')]).toBe('Good*');
    expect(publishedValues[inspections.header.indexOf('Ratings')]).toBe('Final');
    const [n, min, , max] = sheets[3]?.rows.find((r) => r.values[0] === '2021' && r.values[1] === '2.1.1')?.values.slice(3) ?? [];
    expect([Number(n) >= 1, Number(min) <= 0.75, Number(max) >= 0.75]).toEqual([true, true, true]);

    const csv = readCsvObjects(await (await fetchOk(page, '/summary/export?format=csv&table=inspections&sort=fieldwork&dir=asc')).text());
    // The rows, then a blank line, the * legend and the sub-sample caveat at the foot.
    expect(csv.records.map((r) => r['Inspection id']).filter(Boolean)).toEqual(pageIds);
    expect(csv.records.at(-1)?.Service).toBe('Caveat');
    const changes = readCsvObjects(
      await (await fetchOk(page, `/summary/export?format=csv&table=changes&region=${published.region}`)).text(),
    );
    expect(Number(changes.records.find((r) => r.Standards === '2021' && r.Standard === '2.1')?.Up)).toBeGreaterThanOrEqual(1);

    // A filter that does not parse is an error on the page and a refusal from the export.
    await page.goto('/summary?from=2026-02-30');
    await expect(page.getByTestId('error-summary')).toContainText('Enter the “from” date as a real date');
    await expectNoAxeViolations(page);
    expect((await page.request.get('/summary/export?format=xlsx&from=2026-02-30')).status()).toBe(400);
  });

  test('an inspector or an outsider cannot open the summary, the breakdowns or the annexe', async ({ page }) => {
    const world = await createPublishedWorld();
    for (const user of [world.inspector, world.outsider]) {
      await signIn(page, user);
      await expect(page.getByTestId('summary-link')).toHaveCount(0);
      const summary = await page.goto('/summary');
      expect(summary?.status()).toBe(404);
      await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
      expect((await page.request.get('/summary/export?format=csv')).status()).toBe(403);
      const breakdowns = await page.goto(`/inspections/${world.inspectionId}/panel/breakdowns`);
      expect(breakdowns?.status()).toBe(404);
      for (const url of [
        `/inspections/${world.inspectionId}/exports/breakdowns?format=csv`,
        `/inspections/${world.inspectionId}/exports/annexe`,
      ]) {
        expect((await page.request.get(url)).status(), url).toBe(404);
      }
      await page.getByRole('button', { name: 'Sign out' }).click();
      await expect(page.getByTestId('signed-out')).toBeVisible();
    }
    expect((await page.request.get('/summary/export?format=csv')).status()).toBe(401);
  });

  test('the lead sees sub-group breakdowns (genders named __proto__ and constructor included) and downloads the Word annexe', async ({
    page,
  }) => {
    const world = await createPublishedWorld();
    await signIn(page, world.lead);
    await page.goto(`/inspections/${world.inspectionId}/panel`);
    // The panel's sample table counts the same user-written genders as ordinary keys.
    const byGender = page.getByRole('table', { name: 'Sample by gender' });
    await expect(byGender.getByRole('row', { name: '__proto__' })).toHaveText('__proto__2');
    await expect(byGender.getByRole('row', { name: 'constructor' })).toHaveText('constructor1');
    await page.getByTestId('panel-breakdowns-link').click();
    await expect(page.getByRole('heading', { level: 1, name: 'Sub-group breakdowns' })).toBeVisible();
    await expect(page.getByTestId('sub-sample-warning')).toContainText('data may have been split into smaller sub-samples');
    const gender = page.getByTestId('breakdown-gender');
    await expect(gender.getByTestId('breakdown-group')).toHaveText(['__proto__ (2 cases)', 'constructor (1 case)', 'Female (1 case)']);
    // 2.1.1: __proto__ cases 1 and 3 answered yes, yes → 100% (2 of 2); constructor: yes → 100% (1 of 1); Female: no.
    await expect(gender.getByTestId('breakdown-row-gender-2.1.1').getByRole('cell')).toHaveText([
      '75% (3 of 4)',
      '100% (2 of 2) small sub-sample',
      '100% (1 of 1) small sub-sample',
      '0% (0 of 1) small sub-sample',
    ]);
    await expectNoAxeViolations(page);
    const csv = readCsvObjects(await (await fetchOk(page, `/inspections/${world.inspectionId}/exports/breakdowns?format=csv`)).text());
    expect(csv.records.find((r) => r.Group === '__proto__' && r['Key question'] === '2.1.1')).toMatchObject({
      Yes: '2',
      Relevant: '2',
      '% yes': '100',
      'Cases in group': '2',
    });

    await page.goto(`/inspections/${world.inspectionId}/exports`);
    const annexe = await downloadByClicking(page, 'Report annexe (Word document (DOCX))');
    expect(annexe.fileName).toMatch(/-annexe-\d{4}-\d{2}-\d{2}\.docx$/);
    const doc = await readDocx(new Uint8Array(annexe.bytes));
    expect(doc.tables[0]?.find((r) => r[0] === '2.1 Assessment')?.[1]).toBe('Good*');
    // The annexe lists domain one's key questions too (qualitative, two columns), so find 2.1's table by its rows.
    const table21 = doc.tables.find((t) => t.some((r) => at(r, 0).startsWith('2.1.1 ')));
    expect(table21?.find((r) => at(r, 0).startsWith('2.1.1 '))?.slice(1)).toEqual(['75%', '']);
    expect(table21?.find((r) => at(r, 0).startsWith('2.1.2 '))?.slice(1)).toEqual(['50%*', '']);
    expect(table21?.find((r) => at(r, 0).startsWith('2.1.3 '))?.slice(1)).toEqual(['50%', '2']);
    expect(table21?.find((r) => at(r, 0).startsWith('a) '))?.slice(1)).toEqual(['67%', '3']);
    expect(doc.paragraphs).toContain('*Professional judgement applied.');
  });
});
