import { expectNoAxeViolations } from './fixtures/axe';
import { downloadByClicking, fetchOk, readCsvObjects, readXlsx, seedAnswers } from './fixtures/exports';
import { expect, test } from './fixtures/test';
import { createUser, createWorld, signIn, sql, type World } from './fixtures/world';
import { at, must } from '../lib/must';

/**
 * A 2021 inspection whose 2.1 figures are known: four court cases, and
 *   2.1.1: 3 yes, 1 no        → 75% (Good)
 *   2.1.2: 2 yes, 2 no        → 50% (Requires improvement, the lowest: 2.1 computes to RI)
 *   2.1.3: 1 yes, 1 no, 2 na  → 50% of 2 relevant
 *   2.1.1.a: 2 yes, 1 no      → 67%
 * with a panel decision raising 2.1 to Good (*), a judgement on 1.1 and the previous 2.1.1 at 60%.
 */
async function createMarkedWorld(): Promise<World> {
  const world = await createWorld({
    framework: '2021',
    status: 'panel',
    cases: [1, 2, 3, 4].map((n) => ({ reference: `C-${n}`, type: 'court' as const, disposal: 'referral_order' })),
  });
  const kase = (i: number) => ({
    id: at(world.cases, i).id,
    inspectionId: world.inspectionId,
    inspectorId: at(world.cases, i).inspectorId!,
  });
  await seedAnswers(kase(0), { '2.1.1': 'yes', '2.1.1.a': 'yes', '2.1.2': 'yes', '2.1.3': 'yes' });
  await seedAnswers(kase(1), { '2.1.1': 'yes', '2.1.1.a': 'yes', '2.1.2': 'yes', '2.1.3': 'no' });
  await seedAnswers(kase(2), { '2.1.1': 'yes', '2.1.1.a': 'no', '2.1.2': 'no', '2.1.3': 'na' });
  await seedAnswers(kase(3), { '2.1.1': 'no', '2.1.2': 'no', '2.1.3': 'na' });
  await sql(`UPDATE inspections SET previous_key_question_pct = '{"2.1.1": 60}' WHERE id = $1`, [world.inspectionId]);
  await sql(
    `INSERT INTO qualitative_judgements (id, inspection_id, standard_id, rating, updated_by_id) VALUES (gen_random_uuid(), $1, '1.1', 'good', $2)`,
    [world.inspectionId, world.lead.id],
  );
  await sql(
    `INSERT INTO panel_decisions (id, inspection_id, standard_id, rating, rationale, decided_by_id)
     VALUES (gen_random_uuid(), $1, '2.1', 'good', '-1 case would change it: not representative', $2)`,
    [world.inspectionId, world.lead.id],
  );
  return world;
}

test.describe('exports', () => {
  test('a manager downloads every export and the numbers are the seeded ones', async ({ page }) => {
    const world = await createMarkedWorld();
    const base = `/inspections/${world.inspectionId}/exports`;
    await signIn(page, world.manager);
    await page.goto(`/inspections/${world.inspectionId}`);
    await page.getByTestId('inspection-links').getByRole('link', { name: 'Exports' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Exports' })).toBeVisible();
    // Managers see the tables and the all-inspections export, not the whole-inspection file.
    await expect(page.getByTestId('interchange-export')).toHaveCount(0);
    await expectNoAxeViolations(page);

    // The ratings table: clicked like a user would.
    const ratingsFile = await downloadByClicking(page, 'Ratings table (CSV)');
    expect(ratingsFile.fileName).toMatch(/-ratings-\d{4}-\d{2}-\d{2}\.csv$/);
    expect([...ratingsFile.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const ratings = readCsvObjects(ratingsFile.bytes.toString('utf8'));
    const row21 = ratings.records.find((r) => r.Standard === '2.1');
    expect(row21).toMatchObject({
      Rating: 'Good',
      'Computed rating': 'Requires improvement',
      'Professional judgement': '*',
      Score: '2',
      'Out of': '3',
    });
    expect(row21?.Basis).toContain('-1 case would change it');
    expect(ratings.records.find((r) => r.Standard === '1.1')).toMatchObject({ Rating: 'Good', Score: '2' });
    expect(ratings.records.find((r) => r.Standard === 'Overall')).toMatchObject({ Rating: '', Score: '', 'Out of': '36' });
    expect(ratings.records.at(-1)?.Standard).toBe('4.1');

    const keyQuestions = readCsvObjects(await (await fetchOk(page, `${base}/key-questions?format=csv`)).text());
    expect(keyQuestions.records.find((r) => r['Key question'] === '2.1.1')).toMatchObject({
      Standard: '2.1',
      Yes: '3',
      Relevant: '4',
      '% yes': '75',
      Band: 'Good',
      'Professional judgement': '',
      'Previous %': '60',
    });
    // The * goes on the key question that set the computed rating only (Dudley 2019, Annex 2: 64%* on 3.4.1).
    expect(keyQuestions.records.find((r) => r['Key question'] === '2.1.2')).toMatchObject({
      Yes: '2',
      Relevant: '4',
      '% yes': '50',
      Band: 'Requires improvement',
      'Professional judgement': '*',
    });
    expect(keyQuestions.records.find((r) => r['Key question'] === '2.1.3')).toMatchObject({ Yes: '1', Relevant: '2', '% yes': '50' });
    expect(keyQuestions.records.find((r) => r['Key question'] === '2.2.1')).toMatchObject({
      Yes: '0',
      Relevant: '0',
      '% yes': '',
      Band: '',
    });

    const promptsResponse = await fetchOk(page, `${base}/prompts?format=csv`);
    expect(promptsResponse.headers()['content-type']).toBe('text/csv; charset=utf-8');
    const prompts = readCsvObjects(await promptsResponse.text());
    expect(prompts.records.find((r) => r['Key question'] === '2.1.1' && r.Prompt === 'a')).toMatchObject({
      '% yes': '67',
      Yes: '2',
      Relevant: '3',
    });

    // Casemark's own resettlement questions: their own labelled table, never in the prompt annex.
    expect(prompts.records.some((r) => must(r['Key question'], 'r[Key question]').startsWith('4.1'))).toBe(false);
    const resettlement = readCsvObjects(
      (await downloadByClicking(page, 'Resettlement cases: Casemark’s own questions (CSV)')).bytes.toString('utf8'),
    );
    expect(resettlement.records.map((r) => r.Aspect)).toHaveLength(10);
    expect(resettlement.records[0]).toMatchObject({
      Aspect: '4.1.r01',
      Label: 'Release planning from the start',
      Yes: '0',
      Relevant: '0',
      '% yes': '',
    });
    expect(resettlement.records[0]?.Source).toMatch(/^Casemark's own resettlement questions/);

    const workbook = await downloadByClicking(page, 'All the tables (Excel workbook (XLSX))');
    expect(workbook.fileName).toMatch(/-tables-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const sheets = await readXlsx(workbook.bytes);
    expect(sheets.map((s) => s.name)).toEqual(['Ratings', 'Key questions', 'Prompts', 'Resettlement (Casemark own)']);
    const kq = at(sheets, 1);
    expect(kq.view).toMatchObject({ state: 'frozen', ySplit: 1 });
    const kq211 = kq.rows.find((r) => r.values[kq.header.indexOf('Key question')] === '2.1.1')!;
    expect(kq211.values[kq.header.indexOf('% yes')]).toBeCloseTo(0.75, 10);
    expect(kq211.numFmts[kq.header.indexOf('% yes')]).toBe('0%');
    expect(kq211.values[kq.header.indexOf('Yes')]).toBe(3);
    expect(kq211.values[kq.header.indexOf('Previous %')]).toBeCloseTo(0.6, 10);
    const overall = at(sheets, 0).rows.find((r) => r.values[at(sheets, 0).header.indexOf('Standard')] === 'Overall')!;
    expect(overall.values[at(sheets, 0).header.indexOf('Out of')]).toBe(36);

    const all = readCsvObjects(await (await fetchOk(page, '/exports/inspections')).text());
    expect(all.header.slice(0, 6)).toEqual(['Service', 'Local authority', 'Framework', 'Fieldwork start', 'Fieldwork end', 'Status']);
    expect(all.records).toHaveLength(1);
    expect(all.records[0]).toMatchObject({
      Service: world.serviceName,
      'Local authority': 'Testshire Council',
      Framework: '2021',
      'Fieldwork start': '2026-11-16',
      'Fieldwork end': '2026-11-27',
      Status: 'Ratings panel',
      '1.1': 'Good',
      '2.1': 'Good',
      '2.2': '',
      '4.1': '',
      Score: '',
      'Overall rating': '',
      'Inspection id': world.inspectionId,
    });

    await page.getByRole('link', { name: 'Print view of the tables' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('ratings and figures');
    await expect(page.getByTestId('print-kq-pct-2.1.1')).toHaveText('75%');
    await expect(page.getByTestId('print-kq-pct-2.1.2')).toContainText('50%*');
    await expect(page.getByTestId('print-resettlement')).toContainText("Casemark's own resettlement questions");
    await expect(page.getByTestId('print-prompts-2.1.1')).not.toContainText('4.1.r');
    await expect(page.getByTestId('print-rating-2.1')).toContainText('Good*');
    await expect(page.getByTestId('print-rating-overall')).toContainText('– / 36');
    await expect(page.getByTestId('print-prompts-2.1.1')).toContainText('67%');
    await expectNoAxeViolations(page);
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('button', { name: 'Print or save as PDF' })).toBeHidden();
    await expect(page.getByRole('banner')).toBeHidden();
  });

  test('an inspector, and anyone not on the team, gets 404 on every export of the inspection', async ({ page }) => {
    const world = await createMarkedWorld();
    const base = `/inspections/${world.inspectionId}/exports`;
    const urls = [
      base,
      `${base}/print`,
      `${base}/ratings?format=csv`,
      `${base}/key-questions?format=csv`,
      `${base}/prompts?format=csv`,
      `${base}/all?format=xlsx`,
      `${base}/interchange`,
    ];
    for (const user of [world.inspector, world.outsider]) {
      await signIn(page, user);
      const response = await page.goto(base);
      expect(response?.status()).toBe(404);
      await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
      for (const url of urls) expect((await page.request.get(url)).status(), `${url} as ${user.email}`).toBe(404);
      if (user === world.inspector) {
        await page.goto(`/inspections/${world.inspectionId}`);
        await expect(page.getByRole('heading', { level: 1, name: world.serviceName })).toBeVisible();
        await expect(page.getByTestId('inspection-links').getByRole('link', { name: 'Exports' })).toHaveCount(0);
      }
      // The all-inspections export lists nothing of this inspection.
      const all = readCsvObjects(await (await fetchOk(page, '/exports/inspections')).text());
      expect(all.records.map((r) => r['Inspection id'])).not.toContain(world.inspectionId);
      await page.context().clearCookies();
    }
    // The whole-inspection file is for the lead and admins, not managers.
    await signIn(page, world.manager);
    expect((await page.request.get(`${base}/interchange`)).status()).toBe(404);
    await page.context().clearCookies();
    expect((await page.request.get(`${base}/ratings?format=csv`)).status()).toBe(401);
    expect((await page.request.get('/exports/inspections')).status()).toBe(401);
  });

  test('the lead downloads the inspection file, and an admin imports it as a new inspection', async ({ page }) => {
    const world = await createMarkedWorld();
    await signIn(page, world.lead);
    await page.goto(`/inspections/${world.inspectionId}/exports`);
    const file = await downloadByClicking(page, 'Inspection file (JSON)');
    const document = JSON.parse(file.bytes.toString('utf8')) as {
      format: string;
      cases: { ref: string; answers: Record<string, string> }[];
      panel: { standard: string }[];
    };
    expect(document.format).toBe('casemark/inspection@1');
    expect(document.cases.find((c) => c.ref === 'C-4')?.answers).toEqual({ '2.1.1': 'no', '2.1.2': 'no', '2.1.3': 'na' });
    expect(document.panel.map((d) => d.standard)).toEqual(['2.1']);
    await page.context().clearCookies();

    const admin = await createUser('admin', { isAdmin: true });
    await signIn(page, admin);
    await page.getByRole('link', { name: 'Import an inspection' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Import an inspection' })).toBeVisible();
    await expectNoAxeViolations(page);

    const broken = { ...document, cases: [{ ref: 'C-1', type: 'court', answers: { '2.1.1': 'maybe', '9.9.9': 'yes' } }] };
    await page
      .getByLabel('Inspection file')
      .setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(broken)) });
    await page.getByRole('button', { name: 'Import inspection' }).click();
    const summary = page.getByTestId('error-summary');
    await expect(summary).toContainText('The file cannot be imported');
    await expect(summary).toContainText('cases[0].answers["2.1.1"]: Case "C-1": answer to "2.1.1" is "maybe"');
    await expect(summary).toContainText('cases[0].answers["9.9.9"]');
    await expectNoAxeViolations(page);

    await page.getByLabel('Inspection file').setInputFiles({ name: file.fileName, mimeType: 'application/json', buffer: file.bytes });
    await page.getByRole('button', { name: 'Import inspection' }).click();
    await expect(page.getByTestId('import-success')).toContainText('4 cases and 15 answers');
    await page.getByTestId('imported-inspection-link').click();
    await expect(page.getByRole('heading', { level: 1, name: world.serviceName })).toBeVisible();
    const newId = page.url().split('/').pop()!;
    expect(newId).not.toBe(world.inspectionId);

    // The new inspection's key-question figures are the original's.
    const figures = readCsvObjects(await (await fetchOk(page, `/inspections/${newId}/exports/key-questions?format=csv`)).text());
    expect(figures.records.find((r) => r['Key question'] === '2.1.1')).toMatchObject({
      Yes: '3',
      Relevant: '4',
      '% yes': '75',
      'Previous %': '60',
    });
  });
});
