/**
 * The summary page's tables as export tables — the filters, every inspection, rating counts per
 * standard, the spread of key-question percentages and the change since the previous
 * inspection — and their files: one CSV per table (`table=`), streamed in chunks, and one XLSX
 * workbook with a sheet per table (the filters first), written by exceljs's streaming writer so
 * the workbook leaves as it is made. The page renders the same rows, so they cannot disagree.
 *
 * No `server-only` imports: the benchmark runs this outside Next.
 */
import { PassThrough, Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { FrameworkVersion, Rating } from '@/lib/framework/types';
import { getFramework, listStandards } from '@/lib/framework';
import { RATING_LABELS, STATUS_LABELS, formatDateRange } from '@/lib/format/labels';
import { BOM, csvLine, type CsvCell } from '@/lib/export/csv';
import { PERCENT_FORMAT, addFooterRows, xlsxValue } from '@/lib/export/xlsx';
import type { CellValue, ExportColumn } from '@/lib/export/tables';
import type { SummaryFilters } from './filters';
import { nationalBasis, summaryStandardIds, type NationalFigures, type SummaryRow, type SummaryStandardCell } from './summary';
import { keyQuestionsAgainstNation } from './against-nation';

export const SUMMARY_TABLE_IDS = [
  'filters',
  'inspections',
  'rating-counts',
  'key-questions',
  'changes',
  'inspection-key-questions',
] as const;
type SummaryTableId = (typeof SUMMARY_TABLE_IDS)[number];

interface SummaryTable {
  id: SummaryTableId;
  title: string;
  sheetName: string;
  columns: ExportColumn[];
  /** Rows are produced lazily, so a large selection is never held twice. */
  rows: () => Iterable<Record<string, CellValue>>;
  /** Lines after a blank line at the foot of the CSV and of the sheet (label, text): what a file read alone must still say. */
  footer?: [string, string][];
}

export const FRAMEWORK_LABELS = { '2018': '2018 standards', '2021': 'July 2021 standards' } as const;
export const SORT_LABELS = {
  service: 'Service',
  region: 'Region',
  fieldwork: 'Fieldwork dates',
  framework: 'Standards',
  score: 'Score',
  overall: 'Overall rating',
  status: 'Status',
} as const;

/**
 * Each standard's title by id, for the summary's column headings (an abbreviation with its title).
 * With both sets of standards shown, an id whose title differs between them gives both.
 */
export function standardTitles(framework: FrameworkVersion | null): Record<string, string> {
  const versions: FrameworkVersion[] = framework ? [framework] : ['2018', '2021'];
  const titles = new Map<string, Map<string, FrameworkVersion[]>>();
  for (const version of versions) {
    for (const standard of listStandards(getFramework(version))) {
      const byTitle = titles.get(standard.id) ?? new Map<string, FrameworkVersion[]>();
      byTitle.set(standard.title, [...(byTitle.get(standard.title) ?? []), version]);
      titles.set(standard.id, byTitle);
    }
  }
  const out: Record<string, string> = {};
  for (const [id, byTitle] of titles) {
    out[id] =
      byTitle.size === 1
        ? [...byTitle.keys()].join('')
        : [...byTitle].map(([title, vs]) => `${title} (${vs.map((v) => FRAMEWORK_LABELS[v]).join(', ')})`).join('; ');
  }
  return out;
}

/** "Good*" for a professional judgement, "" when not rated, "n/a" when the framework has no such standard. */
export function standardCellText(cell: SummaryStandardCell | undefined): string {
  if (!cell) return 'n/a';
  if (!cell.rating) return '';
  return `${RATING_LABELS[cell.rating]}${cell.isProfessionalJudgement ? '*' : ''}`;
}

const ratingText = (rating: Rating | null) => (rating ? RATING_LABELS[rating] : null);
const text = (key: string, header: string, width = 14): ExportColumn => ({ key, header, type: 'text', width });
const integer = (key: string, header: string, width = 10): ExportColumn => ({ key, header, type: 'integer', width });
const percent = (key: string, header: string, width = 10): ExportColumn => ({ key, header, type: 'percent', width });

/** The filters as rows of the first sheet (and of `table=filters`). */
export function filterRows(
  filters: SummaryFilters,
  counts: { shown: number; national: Pick<NationalFigures, 'published'> },
  generatedAt: Date,
): [string, string][] {
  return [
    ['Standards', filters.framework ? FRAMEWORK_LABELS[filters.framework] : 'All'],
    ['Fieldwork starting from', filters.from ?? 'Any date'],
    ['Fieldwork starting to', filters.to ?? 'Any date'],
    ['Region', filters.region ?? 'All'],
    ['Local authority', filters.localAuthority ?? 'All'],
    ['Service', filters.service ?? 'All'],
    ['Overall rating', filters.overall ? (filters.overall === 'not_rated' ? 'Not yet rated' : RATING_LABELS[filters.overall]) : 'Any'],
    ['Published from', filters.publishedFrom ?? 'Any date'],
    ['Published to', filters.publishedTo ?? 'Any date'],
    ['Status', filters.status ? STATUS_LABELS[filters.status] : 'All'],
    ['Sorted by', `${SORT_LABELS[filters.sort]} (${filters.dir === 'asc' ? 'ascending' : 'descending'})`],
    ['Inspections shown', String(counts.shown)],
    [
      'National figures',
      `Every published inspection in Casemark, whoever looks and whatever the filters but the standards: ${nationalBasis(counts.national, filters.framework)}`,
    ],
    ['Generated', generatedAt.toISOString()],
    ['Legend', SUMMARY_LEGEND],
    ['Caveat', SUB_SAMPLE_CAVEAT],
  ];
}

/** The `*` legend of the inspections table, on the page, on paper and in the files (issue 23). */
export const SUMMARY_LEGEND =
  '* Professional judgement applied by the ratings panel. “n/a”: the standard is not in that inspection’s standards. “–” (blank in the files): not yet rated. Ratings of inspections not yet published are provisional.';

/** The reports' caveat on percentages from few cases. */
export const SUB_SAMPLE_CAVEAT =
  'Key-question percentages from fewer than 10 relevant cases are a small sub-sample: one case moves them by 10 points or more, so read them with care. National figures count every published inspection on the same standards, whoever looks: other inspections’ ratings are provisional.';

/**
 * Columns holding a calendar date (YYYY-MM-DD), or only its month (YYYY-MM) where the report
 * gives no day: real dates in the workbook, so a spreadsheet sorts and filters them as dates,
 * a month shown as its month ("April 2019"), never a day the report does not give.
 */
const DATE_COLUMNS = new Set(['fieldworkStart', 'fieldworkEnd', 'publishedOn']);
const DATE_FORMAT = 'd mmm yyyy';
const MONTH_FORMAT = 'mmmm yyyy';
function asWorkbookDate(value: CellValue): { date: Date; numFmt: string } | null {
  if (typeof value !== 'string') return null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return { date: new Date(`${value}T00:00:00Z`), numFmt: DATE_FORMAT };
  if (/^\d{4}-\d{2}$/.test(value)) return { date: new Date(`${value}-01T00:00:00Z`), numFmt: MONTH_FORMAT };
  return null;
}

/** A fieldwork date for the files: the day, or only the month (YYYY-MM) when the report gives no day. */
const fieldworkCell = (iso: string, isMonthOnly: boolean) => (isMonthOnly ? iso.slice(0, 7) : iso);

const asDate = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** "17 May 2021 to 11 June 2021", or "April 2019" for a report that gives only the month (lib/format/labels.ts). */
export function fieldworkText(row: Pick<SummaryRow, 'fieldworkStart' | 'fieldworkEnd' | 'isFieldworkMonthOnly'>): string {
  return formatDateRange(asDate(row.fieldworkStart), asDate(row.fieldworkEnd), row.isFieldworkMonthOnly);
}

/** Every table of the summary, in sheet order. */
export function buildSummaryTables(input: {
  rows: readonly SummaryRow[];
  /** The one national rule (lib/summary/national.ts): every published inspection, whoever looks. */
  national: NationalFigures;
  filters: SummaryFilters;
  generatedAt?: Date;
}): SummaryTable[] {
  const { rows, national, filters } = input;
  const standardIds = summaryStandardIds(filters.framework);
  const generatedAt = input.generatedAt ?? new Date();
  return [
    {
      id: 'filters',
      title: 'Filters',
      sheetName: 'Filters',
      columns: [text('filter', 'Filter', 30), text('value', 'Value', 60)],
      rows: () => filterRows(filters, { shown: rows.length, national }, generatedAt).map(([filter, value]) => ({ filter, value })),
    },
    {
      id: 'inspections',
      title: 'Inspections',
      sheetName: 'Inspections',
      // At the foot of the CSV and of the sheet, as on the Filters sheet: a file or a sheet printed alone still says how to read it (issue 23).
      footer: [
        ['Legend', SUMMARY_LEGEND],
        ['Caveat', SUB_SAMPLE_CAVEAT],
      ],
      columns: [
        text('service', 'Service', 36),
        text('region', 'Region', 16),
        text('localAuthority', 'Local authority', 20),
        text('fieldwork', 'Fieldwork', 26),
        text('fieldworkStart', 'Fieldwork start', 12),
        text('fieldworkEnd', 'Fieldwork end', 12),
        text('publishedOn', 'Published', 12),
        text('framework', 'Standards', 10),
        ...standardIds.map((id) => text(`standard:${id}`, id, 22)),
        integer('score', 'Score', 8),
        integer('maxScore', 'Out of', 8),
        text('overall', 'Overall rating', 22),
        text('status', 'Status', 14),
        text('ratings', 'Ratings', 12),
        text('id', 'Inspection id', 38),
      ],
      rows: function* () {
        for (const row of rows) {
          const cells: Record<string, CellValue> = {
            service: row.service,
            localAuthority: row.localAuthority,
            region: row.region,
            fieldwork: fieldworkText(row),
            fieldworkStart: fieldworkCell(row.fieldworkStart, row.isFieldworkMonthOnly),
            fieldworkEnd: fieldworkCell(row.fieldworkEnd, row.isFieldworkMonthOnly),
            publishedOn: row.publishedOn,
            framework: row.framework,
            score: row.score,
            maxScore: row.maxScore,
            overall: ratingText(row.overall),
            status: STATUS_LABELS[row.status],
            ratings: row.isFinal ? 'Final' : 'Provisional',
            id: row.id,
          };
          for (const id of standardIds)
            cells[`standard:${id}`] = standardCellText(Object.hasOwn(row.standards, id) ? row.standards[id] : undefined);
          yield cells;
        }
      },
    },
    {
      id: 'rating-counts',
      title: 'Ratings by standard',
      sheetName: 'Ratings by standard',
      columns: [
        text('framework', 'Standards', 10),
        text('standard', 'Standard', 10),
        text('title', 'Title', 40),
        integer('outstanding', 'Outstanding', 12),
        integer('good', 'Good', 8),
        integer('requires_improvement', 'Requires improvement', 14),
        integer('inadequate', 'Inadequate', 12),
        integer('notRated', 'Not rated', 10),
        integer('total', 'Published inspections', 12),
      ],
      rows: () =>
        national.ratingCounts.map((c) => ({
          framework: c.framework,
          standard: c.standardId,
          title: c.title,
          outstanding: c.counts.outstanding,
          good: c.counts.good,
          requires_improvement: c.counts.requires_improvement,
          inadequate: c.counts.inadequate,
          notRated: c.counts.notRated,
          total: c.total,
        })),
    },
    {
      id: 'key-questions',
      title: 'Key questions across inspections',
      sheetName: 'Key questions',
      columns: [
        text('framework', 'Standards', 10),
        text('keyQuestion', 'Key question', 13),
        text('text', 'Key question text', 70),
        integer('n', 'Inspections', 11),
        percent('min', 'Lowest %', 10),
        percent('median', 'Median %', 10),
        percent('max', 'Highest %', 10),
      ],
      rows: () =>
        national.keyQuestions.map((k) => ({
          framework: k.framework,
          keyQuestion: k.keyQuestionId,
          text: k.text,
          n: k.n,
          min: k.min,
          median: k.median,
          max: k.max,
        })),
    },
    {
      id: 'changes',
      title: 'Change since the previous inspection',
      sheetName: 'Change since previous',
      columns: [
        text('framework', 'Standards', 10),
        text('standard', 'Standard', 10),
        text('title', 'Title', 40),
        integer('up', 'Up', 8),
        integer('same', 'Same', 8),
        integer('down', 'Down', 8),
        integer('notComparable', 'No previous rating', 12),
      ],
      rows: () =>
        national.changes.map((c) => ({
          framework: c.framework,
          standard: c.standardId,
          title: c.title,
          up: c.up,
          same: c.same,
          down: c.down,
          notComparable: c.notComparable,
        })),
    },
    {
      id: 'inspection-key-questions',
      title: 'Each inspection’s key questions against the national median and range',
      sheetName: 'Key questions by inspection',
      columns: [
        text('service', 'Service', 36),
        text('framework', 'Standards', 10),
        text('standard', 'Standard', 10),
        text('keyQuestion', 'Key question', 13),
        percent('pct', '% yes', 10),
        integer('n', 'Published inspections', 12),
        percent('median', 'National median %', 12),
        percent('min', 'National lowest %', 12),
        percent('max', 'National highest %', 12),
        text('position', 'Against the national range', 18),
        text('id', 'Inspection id', 38),
      ],
      footer: [['Caveat', SUB_SAMPLE_CAVEAT]],
      rows: function* () {
        for (const line of keyQuestionsAgainstNation(rows, national.keyQuestions)) {
          yield {
            service: line.service,
            framework: line.framework,
            standard: line.standardId,
            keyQuestion: line.keyQuestionId,
            pct: line.pct,
            n: line.n,
            median: line.median,
            min: line.min,
            max: line.max,
            position: line.position,
            id: line.inspectionId,
          };
        }
      },
    },
  ];
}

export function parseSummaryTableId(value: string | null): SummaryTableId | null {
  const id = value === null || value === '' ? 'inspections' : value;
  return (SUMMARY_TABLE_IDS as readonly string[]).includes(id) ? (id as SummaryTableId) : null;
}

const CHUNK_CHARS = 16_384;

/** One table as CSV text chunks: the byte order mark and header, then rows in ~16 KB chunks, then its footer. */
export function* summaryCsv(table: SummaryTable): Generator<string> {
  yield BOM + csvLine(table.columns.map((c) => c.header));
  let buffer = '';
  for (const row of table.rows()) {
    // Percentages are written as the page shows them (62.5 for a median of 62.5%).
    buffer += csvLine(table.columns.map((c) => (row[c.key] ?? null) as CsvCell));
    if (buffer.length >= CHUNK_CHARS) {
      yield buffer;
      buffer = '';
    }
  }
  if (table.footer?.length) {
    buffer += csvLine([]);
    for (const [label, value] of table.footer) buffer += csvLine([label, value]);
  }
  if (buffer) yield buffer;
}

/**
 * The workbook as a byte stream: exceljs's streaming writer commits each row as it is added,
 * so the zip is written out while later sheets are still being built. Percentages are stored
 * as fractions formatted `0%` (a median of 62.5% as 0.625, shown `0.0%`).
 */
export function summaryWorkbookStream(tables: readonly SummaryTable[], options: { title?: string } = {}): ReadableStream<Uint8Array> {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = 'Casemark';
  workbook.created = new Date();
  if (options.title) workbook.title = options.title;
  (async () => {
    for (const table of tables) {
      const sheet = workbook.addWorksheet(table.sheetName, {
        views: [{ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }],
      });
      sheet.columns = table.columns.map((column) => ({ key: column.key, width: column.width }));
      const header = sheet.addRow(table.columns.map((column) => column.header));
      header.font = { bold: true };
      header.alignment = { vertical: 'top', wrapText: true };
      header.commit();
      let count = 0;
      for (const row of table.rows()) {
        const dates = table.columns.map((column) => (DATE_COLUMNS.has(column.key) ? asWorkbookDate(row[column.key] ?? null) : null));
        const added = sheet.addRow(table.columns.map((column, index) => dates[index]?.date ?? xlsxValue(column, row[column.key] ?? null)));
        table.columns.forEach((column, index) => {
          const date = dates[index];
          if (date) added.getCell(index + 1).numFmt = date.numFmt;
          if (column.type !== 'percent') return;
          const value = row[column.key];
          added.getCell(index + 1).numFmt = typeof value === 'number' && !Number.isInteger(value) ? '0.0%' : PERCENT_FORMAT;
        });
        added.commit();
        // Let the reader drain the zip between batches of rows.
        if (++count % 200 === 0) await new Promise((resolve) => setImmediate(resolve));
      }
      sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.columns.length } };
      if (table.footer?.length) addFooterRows(sheet, table.footer);
      sheet.commit();
    }
    await workbook.commit();
  })().catch((error: unknown) => {
    console.error('Summary workbook failed', error);
    out.destroy(error instanceof Error ? error : new Error(String(error)));
  });
  return Readable.toWeb(out) as unknown as ReadableStream<Uint8Array>;
}
