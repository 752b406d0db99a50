import { expectNoAxeViolations } from './fixtures/axe';
import { downloadByClicking, seedAnswers } from './fixtures/exports';
import { expect, test } from './fixtures/test';
import { createWorld, signIn, sql } from './fixtures/world';
import { readDocx } from '../lib/export/test-support/read-docx';
import { at, must } from '../lib/must';

const NOTE = 'Assessment drew well on the school and health records.';

test.describe('the draft report', () => {
  test('the lead writes the draft, inserts a sentence from the figures, quotes a note, and downloads the Word document', async ({
    page,
  }) => {
    const world = await createWorld({
      framework: '2021',
      status: 'panel',
      cases: [1, 2, 3].map((n) => ({ reference: `C-${n}`, type: 'court' as const, disposal: 'referral_order' })),
    });
    const kase = (i: number) => ({
      id: at(world.cases, i).id,
      inspectionId: world.inspectionId,
      inspectorId: must(at(world.cases, i).inspectorId, 'the case inspector'),
    });
    await seedAnswers(kase(0), { '2.1.1': 'yes', '2.1.2': 'yes', '2.1.3': 'yes' });
    await seedAnswers(kase(1), { '2.1.1': 'yes', '2.1.2': 'no', '2.1.3': 'yes' });
    await seedAnswers(kase(2), { '2.1.1': 'no', '2.1.2': 'no', '2.1.3': 'na' });
    await sql(`UPDATE answers SET note = $2 WHERE case_id = $1 AND question_id = '2.1.1'`, [kase(0).id, NOTE]);

    await signIn(page, world.lead);
    await page.goto(`/inspections/${world.inspectionId}`);
    await page.getByRole('link', { name: 'Draft report' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Draft report' })).toBeVisible();
    await expectNoAxeViolations(page);

    // Saved as typed.
    const summary = page.getByTestId('section-summary-2');
    await summary.getByRole('button', { name: 'Add a paragraph' }).click();
    await summary.getByLabel('Paragraph 1').fill('Court work was mixed.');
    await expect(summary.getByRole('status')).toContainText('Saved at');

    // A sentence from the figures, and a quote from the evidence at hand.
    const standard = page.getByTestId('section-standard-2-1');
    // The first choice is the standard's rating; the second its first key question, 2.1.1.
    await standard.getByLabel('Sentence from the figures').selectOption({ index: 1 });
    await standard.getByRole('button', { name: 'Insert sentence' }).click();
    await expect(
      standard
        .getByTestId('section-standard-2-1-block')
        .filter({ hasText: 'In two of the three cases inspected, assessment sufficiently analysed' }),
    ).toBeVisible();
    // Brief, as the reports write a count once the sample is named ("In nine of the 17 cases, …").
    await standard.getByLabel('Leave out “inspected”').check();
    await expect(standard.getByText('Will insert: In two of the three cases, assessment sufficiently analysed')).toBeVisible();
    await standard.getByText(/Evidence at hand/).click();
    await standard.getByRole('radio', { name: 'Yes', exact: true }).check();
    await standard.getByRole('button', { name: 'Quote this note on 2.1.1' }).click();
    await expect(standard.getByText('One inspector noted:')).toBeVisible();
    await expect(standard.getByRole('status').last()).toContainText('Saved at');

    const file = await downloadByClicking(page, 'Download the draft (Word document)');
    expect(file.fileName).toMatch(/-draft-report-\d{4}-\d{2}-\d{2}\.docx$/);
    const doc = await readDocx(new Uint8Array(file.bytes));
    expect(at(doc.tables, 0)[0]).toEqual(['Standard', 'Rating']);
    const kqTable = doc.tables.find((t) => t[0]?.[1] === '% yes');
    expect(kqTable?.slice(1).map((r) => r[1])).toEqual(['67%', '33%', '100%']);
    expect(doc.paragraphs).toContain('Court work was mixed.');
    expect(doc.paragraphs).toContain(`“${NOTE}”`);
    expect(doc.paragraphs.join(' ')).not.toContain('C-1');
  });
});
