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
    expect(rows[0]).toEqual([
      'Level',
      'Standard',
      'Key question',
      'Title',
      'Pairs compared',
      'Agreed',
      '% agreement',
      "Cohen's kappa",
      'Strength (Landis & Koch)',
      'Note',
    ]);
    expect(rows[1]?.slice(0, 2)).toEqual(['Standard', '2.1']);
    expect(rows[2]?.slice(0, 3)).toEqual(['Key question', '2.1', '2.1.1']);
    expect(rows[2]?.slice(4, 10)).toEqual(['50', '35', '70', '0.4', 'fair', '']);
    expect(rows).toHaveLength(3);
  });

  it('writes a negative kappa as a number, not as formula-escaped text', () => {
    const swapped = pairs().map((p): QuestionPair => ({ ...p, second: p.first === 'yes' ? 'no' : 'yes' }));
    const table = agreementExportTable(getFramework('2021'), agreementTable(swapped));
    const row = readCsv(toCsv(tableGrid(table))).rows[2];
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
