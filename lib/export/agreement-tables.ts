/**
 * Agreement between first and blind second marking (issue 13) as export tables: one row per
 * standard and per key question with the pairs compared, % agreement, Cohen's kappa, its words
 * and the plain warning; and the disagreements with whether each is reconciled. CSV: the
 * agreement table; XLSX: both, one sheet each. Pure.
 */
import type { Framework } from '@/lib/framework/types';
import { listCaseMarkedStandards } from '@/lib/framework';
import { ANSWER_LABELS } from '@/lib/format/labels';
import type { AgreementStats, QuestionPair } from '@/lib/quality/agreement';
import type { CellValue, ExportColumn } from './tables';
import type { SheetTable } from './xlsx';

const AGREEMENT_COLUMNS: ExportColumn[] = [
  { key: 'level', header: 'Level', type: 'text', width: 14 },
  { key: 'standard', header: 'Standard', type: 'text', width: 10 },
  { key: 'keyQuestion', header: 'Key question', type: 'text', width: 13 },
  { key: 'text', header: 'Title', type: 'text', width: 50 },
  { key: 'n', header: 'Pairs compared', type: 'integer', width: 10 },
  { key: 'agreed', header: 'Agreed', type: 'integer', width: 10 },
  { key: 'pct', header: '% agreement', type: 'percent', width: 12 },
  // A number with two decimals (−1 to 1), not text, so a spreadsheet can sort it.
  { key: 'kappa', header: "Cohen's kappa", type: 'integer', width: 12 },
  { key: 'strength', header: 'Strength (Landis & Koch)', type: 'text', width: 18 },
  { key: 'warning', header: 'Note', type: 'text', width: 60 },
];

const DISAGREEMENT_COLUMNS: ExportColumn[] = [
  { key: 'reference', header: 'Case reference', type: 'text', width: 16 },
  { key: 'standard', header: 'Standard', type: 'text', width: 10 },
  { key: 'keyQuestion', header: 'Key question', type: 'text', width: 13 },
  { key: 'first', header: 'First marking', type: 'text', width: 16 },
  { key: 'second', header: 'Second marking', type: 'text', width: 16 },
  { key: 'reconciled', header: 'Reconciled', type: 'text', width: 12 },
];

function cells(stats: AgreementStats): Record<string, CellValue> {
  return {
    n: stats.n,
    agreed: stats.agreed,
    pct: stats.percentAgreement === null ? null : Math.round(stats.percentAgreement * 10) / 10,
    kappa: stats.kappa === null ? null : Math.round(stats.kappa * 100) / 100,
    strength: stats.strength,
    warning: stats.warning,
  };
}

/** Standards in framework order, each followed by its key questions; only those double-marked. */
export function agreementExportTable(
  framework: Framework,
  table: { byQuestion: ReadonlyMap<string, AgreementStats>; byStandard: ReadonlyMap<string, AgreementStats> },
): SheetTable {
  const rows: Record<string, CellValue>[] = [];
  for (const standard of listCaseMarkedStandards(framework)) {
    const stats = table.byStandard.get(standard.id);
    if (!stats) continue;
    rows.push({ level: 'Standard', standard: standard.id, keyQuestion: null, text: standard.title, ...cells(stats) });
    for (const kq of standard.keyQuestions) {
      const kqStats = table.byQuestion.get(kq.id);
      if (kqStats) rows.push({ level: 'Key question', standard: standard.id, keyQuestion: kq.id, text: kq.shortLabel, ...cells(kqStats) });
    }
  }
  return { sheetName: 'Agreement', columns: AGREEMENT_COLUMNS, rows };
}

export function disagreementExportTable(
  disagreements: readonly (QuestionPair & { reference: string; isReconciled: boolean })[],
): SheetTable {
  return {
    sheetName: 'Disagreements',
    columns: DISAGREEMENT_COLUMNS,
    rows: disagreements.map((d) => ({
      reference: d.reference,
      standard: d.standardId,
      keyQuestion: d.questionId,
      first: ANSWER_LABELS[d.first],
      second: ANSWER_LABELS[d.second],
      reconciled: d.isReconciled ? 'Yes' : 'No',
    })),
  };
}
