import { describe, expect, it } from 'vitest';
import { getFramework } from '@/lib/framework';
import { agreementTable, type Category, type QuestionPair } from '@/lib/quality/agreement';
import { agreementExportTable, disagreementExportTable } from './agreement-tables';
import { toCsv } from './csv';
import { tableGrid } from './tables';
import { readCsv } from './test-support/read-csv';

/** Wikipedia's worked example on one key question: 20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no → kappa 0.40 (fair). */
function pairs(): QuestionPair[] {
  const out: QuestionPair[] = [];
  const add = (count: number, first: Category, second: Category) => {
    for (let i = 0; i < count; i++) out.push({ caseId: `c${out.length}`, questionId: '2.1.1', standardId: '2.1', first, second });
  };
  add(20, 'yes', 'yes');
  add(5, 'yes', 'no');
  add(10, 'no', 'yes');
  add(15, 'no', 'no');
  return out;
}

describe('agreement export', () => {
  it('writes the standard, then its key questions, with n, % agreement, kappa and its words; parses back', () => {
    const table = agreementExportTable(getFramework('2021'), agreementTable(pairs()));
    const { rows } = readCsv(toCsv(tableGrid(table)));
    const header = rows[0] ?? [];
    expect(header.slice(0, 16)).toEqual([
      'Level',
      'Standard',
      'Key question',
      'Title',
      'Pairs compared',
      'Agreed',
      '% agreement',
      "Cohen's kappa",
      'Strength (Landis & Koch)',
      'Chance agreement (pe)',
      'Kappa standard error',
      'Kappa 95% CI lower',
      'Kappa 95% CI upper',
      'PABAK',
      "Gwet's AC1",
      'First Yes, second Yes',
    ]);
    expect(header.at(-1)).toBe('Note');
    expect(rows[1]?.slice(0, 4)).toEqual(['Inspection', '', '', 'All key questions']);
    expect(rows[2]?.slice(0, 2)).toEqual(['Standard', '2.1']);
    const kq = rows[3] ?? [];
    expect(kq.slice(0, 3)).toEqual(['Key question', '2.1', '2.1.1']);
    expect(kq.slice(4, 10)).toEqual(['50', '35', '70', '0.4', 'fair', '0.5']);
    const column = (name: string) => kq[header.indexOf(name)];
    // Full precision, not rounded to two decimals (the workbook is for recomputing).
    expect(Number(column('Kappa standard error'))).toBeCloseTo(0.127, 4);
    expect(column('Kappa standard error')?.length).toBeGreaterThan(8);
    expect(column('First Yes, second No')).toBe('5');
    expect(column('First No, second Yes')).toBe('10');
    expect(column('First marking Yes')).toBe('25');
    expect(column('Second marking Yes')).toBe('30');
    expect(column('Pairs where both say it applies')).toBe('50');
    expect(rows).toHaveLength(4);
  });

  it('adds a row per inspector pair after the inspection', () => {
    const table = agreementTable(pairs());
    const sheet = agreementExportTable(getFramework('2021'), table, [
      { firstInspector: 'Ann Able', secondInspector: 'Ben Baker', agreement: table.overall },
    ]);
    expect(sheet.rows[1]).toMatchObject({ level: 'Inspector pair', text: 'Ann Able (first) and Ben Baker (second)', n: 50 });
  });

  it('writes a negative kappa as a number, not as formula-escaped text', () => {
    const swapped = pairs().map((p): QuestionPair => ({ ...p, second: p.first === 'yes' ? 'no' : 'yes' }));
    const table = agreementExportTable(getFramework('2021'), agreementTable(swapped));
    const row = readCsv(toCsv(tableGrid(table))).rows[3];
    expect(row?.[7]).toBe('-1');
  });

  it('lists the disagreements with whether each is reconciled', () => {
    const table = disagreementExportTable(
      agreementTable(pairs()).disagreements.map((d, i) => ({ ...d, reference: `R-${i}`, isReconciled: i === 0 })),
    );
    expect(table.rows).toHaveLength(15);
    expect(table.rows[0]).toMatchObject({ reference: 'R-0', keyQuestion: '2.1.1', reconciled: 'Yes' });
    expect(new Set(table.rows.map((r) => `${r.first}/${r.second}`))).toEqual(new Set(['Yes/No', 'No/Yes']));
  });
});
