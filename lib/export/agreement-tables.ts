/**
 * Agreement between first and blind second marking (issues 13, 23) as export tables: one row for
 * the inspection, per inspector pair, per standard and per key question with the pairs
 * compared, % agreement, Cohen's kappa with its standard error and 95% interval, the chance
 * agreement, PABAK, Gwet's AC1, the cross-table and each marker's counts, and agreement on
 * whether the question applies apart from the judgement; then the disagreements with whether
 * each is reconciled. Full precision throughout (lib/quality/agreement.ts cites the formulas).
 * CSV: the agreement table; XLSX: both, one sheet each. Pure.
 */
import type { Framework } from '@/lib/framework/types';
import { listCaseMarkedStandards } from '@/lib/framework';
import { ANSWER_LABELS } from '@/lib/format/labels';
import { ALL_CATEGORIES, type GroupAgreement, type InspectorPairAgreement, type QuestionPair } from '@/lib/quality/agreement';
import type { CellValue, ExportColumn } from './tables';
import type { SheetTable } from './xlsx';

// Numbers are stored at full precision (the workbook is for recomputing, not reading): 'integer'
// columns are written as plain numbers whatever their decimals.
const AGREEMENT_COLUMNS: ExportColumn[] = [
  { key: 'level', header: 'Level', type: 'text', width: 14 },
  { key: 'standard', header: 'Standard', type: 'text', width: 10 },
  { key: 'keyQuestion', header: 'Key question', type: 'text', width: 13 },
  { key: 'text', header: 'Title', type: 'text', width: 50 },
  { key: 'n', header: 'Pairs compared', type: 'integer', width: 10 },
  { key: 'agreed', header: 'Agreed', type: 'integer', width: 10 },
  { key: 'pct', header: '% agreement', type: 'percent', width: 12 },
  // A number (−1 to 1), not text, so a spreadsheet can sort it.
  { key: 'kappa', header: "Cohen's kappa", type: 'integer', width: 12 },
  { key: 'strength', header: 'Strength (Landis & Koch)', type: 'text', width: 18 },
  { key: 'expected', header: 'Chance agreement (pe)', type: 'integer', width: 12 },
  { key: 'se', header: 'Kappa standard error', type: 'integer', width: 12 },
  { key: 'ciLower', header: 'Kappa 95% CI lower', type: 'integer', width: 12 },
  { key: 'ciUpper', header: 'Kappa 95% CI upper', type: 'integer', width: 12 },
  { key: 'pabak', header: 'PABAK', type: 'integer', width: 10 },
  { key: 'ac1', header: "Gwet's AC1", type: 'integer', width: 10 },
  ...crossColumns(),
  { key: 'appliesPct', header: '% agreement on whether it applies', type: 'percent', width: 14 },
  { key: 'appliesKappa', header: 'Kappa on whether it applies', type: 'integer', width: 12 },
  { key: 'judgementN', header: 'Pairs where both say it applies', type: 'integer', width: 12 },
  { key: 'judgementPct', header: '% agreement on the judgement (Yes/No)', type: 'percent', width: 14 },
  { key: 'judgementKappa', header: 'Kappa on the judgement (Yes/No)', type: 'integer', width: 12 },
  { key: 'warning', header: 'Note', type: 'text', width: 60 },
];

/** The nine cells of the cross-table, first marking × second marking, then each marker's counts. */
function crossColumns(): ExportColumn[] {
  const columns: ExportColumn[] = [];
  for (const first of ALL_CATEGORIES) {
    for (const second of ALL_CATEGORIES) {
      columns.push({
        key: `x_${first}_${second}`,
        header: `First ${ANSWER_LABELS[first]}, second ${ANSWER_LABELS[second]}`,
        type: 'integer',
        width: 10,
      });
    }
  }
  for (const category of ALL_CATEGORIES)
    columns.push({ key: `first_${category}`, header: `First marking ${ANSWER_LABELS[category]}`, type: 'integer', width: 10 });
  for (const category of ALL_CATEGORIES)
    columns.push({ key: `second_${category}`, header: `Second marking ${ANSWER_LABELS[category]}`, type: 'integer', width: 10 });
  return columns;
}

const DISAGREEMENT_COLUMNS: ExportColumn[] = [
  { key: 'reference', header: 'Case reference', type: 'text', width: 16 },
  { key: 'standard', header: 'Standard', type: 'text', width: 10 },
  { key: 'keyQuestion', header: 'Key question', type: 'text', width: 13 },
  { key: 'first', header: 'First marking', type: 'text', width: 16 },
  { key: 'second', header: 'Second marking', type: 'text', width: 16 },
  { key: 'reconciled', header: 'Reconciled', type: 'text', width: 12 },
];

function cells(group: GroupAgreement): Record<string, CellValue> {
  const { all, applicability, judgement } = group;
  const row: Record<string, CellValue> = {
    n: all.n,
    agreed: all.agreed,
    pct: all.percentAgreement,
    kappa: all.kappa,
    strength: all.strength,
    expected: all.expectedAgreement,
    se: all.standardError,
    ciLower: all.confidenceInterval?.lower ?? null,
    ciUpper: all.confidenceInterval?.upper ?? null,
    pabak: all.pabak,
    ac1: all.ac1,
    appliesPct: applicability.percentAgreement,
    appliesKappa: applicability.kappa,
    judgementN: judgement.n,
    judgementPct: judgement.percentAgreement,
    judgementKappa: judgement.kappa,
    warning: [all.warning, all.explanation].filter(Boolean).join(' ') || null,
  };
  for (const first of ALL_CATEGORIES) {
    for (const second of ALL_CATEGORIES) row[`x_${first}_${second}`] = all.crossTable.cells[first][second];
    row[`first_${first}`] = all.crossTable.firstCounts[first];
    row[`second_${first}`] = all.crossTable.secondCounts[first];
  }
  return row;
}

/**
 * The whole inspection first, then each inspector pair, then standards in framework order,
 * each followed by its key questions; only those double-marked.
 */
export function agreementExportTable(
  framework: Framework,
  table: { byQuestion: ReadonlyMap<string, GroupAgreement>; byStandard: ReadonlyMap<string, GroupAgreement>; overall: GroupAgreement },
  byInspectorPair: readonly InspectorPairAgreement[] = [],
): SheetTable {
  const rows: Record<string, CellValue>[] = [];
  if (table.overall.all.n > 0) {
    rows.push({ level: 'Inspection', standard: null, keyQuestion: null, text: 'All key questions', ...cells(table.overall) });
  }
  for (const pair of byInspectorPair) {
    rows.push({
      level: 'Inspector pair',
      standard: null,
      keyQuestion: null,
      text: `${pair.firstInspector} (first) and ${pair.secondInspector} (second)`,
      ...cells(pair.agreement),
    });
  }
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
