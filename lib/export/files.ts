/**
 * The export files of one inspection: which tables, in which format, under which file name.
 * Pure apart from the XLSX writer; the route handler authorises and loads the figures.
 */
import { getFramework } from '@/lib/framework';
import type { PanelData } from '@/lib/panel/load-panel';
import { toCsv } from './csv';
import {
  allExportTables,
  buildExportTables,
  EXPORT_TABLE_IDS,
  exportTableById,
  tableGrid,
  type ExportTable,
  type ExportTableId,
} from './tables';
import { buildWorkbook, XLSX_CONTENT_TYPE } from './xlsx';

/** A table id, or `all` for the workbook with every table. */
type ExportTarget = ExportTableId | 'all';
type ExportFormat = 'csv' | 'xlsx';

export function parseExportTarget(value: string): ExportTarget | null {
  if (value === 'all') return 'all';
  return (EXPORT_TABLE_IDS as readonly string[]).includes(value) ? (value as ExportTableId) : null;
}

export function parseExportFormat(value: string | null): ExportFormat | null {
  if (value === null || value === '' || value === 'csv') return 'csv';
  return value === 'xlsx' ? 'xlsx' : null;
}

/** "Anytown Youth Justice Service" → "anytown-youth-justice-service" (ASCII, for file names). */
export function fileSlug(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || 'inspection';
}

/** `attachment; filename="…"` with an ASCII name (slugs are ASCII already). */
export function attachmentHeader(fileName: string): string {
  return `attachment; filename="${fileName.replace(/["\\\r\n]/g, '')}"`;
}

interface ExportFile {
  body: string | Uint8Array;
  contentType: string;
  fileName: string;
}

export function tablesOfPanel(panel: Pick<PanelData, 'framework' | 'result' | 'previousKeyQuestionPct'>) {
  return buildExportTables({
    framework: getFramework(panel.framework),
    result: panel.result,
    previousKeyQuestionPct: panel.previousKeyQuestionPct,
  });
}

/**
 * The file for a target and format: a CSV of one table, or a workbook of one table or of all
 * of them (with Casemark's own resettlement table, 2021). CSV of `all` is not offered (one CSV
 * file per table); null then, and for the resettlement table of the 2018 standards (none).
 */
export async function renderExport(
  panel: Pick<PanelData, 'framework' | 'result' | 'previousKeyQuestionPct'>,
  target: ExportTarget,
  format: ExportFormat,
  options: { serviceName: string; date?: Date },
): Promise<ExportFile | null> {
  const tables = tablesOfPanel(panel);
  if (target === 'resettlement' && tables.resettlement.rows.length === 0) return null;
  const date = (options.date ?? new Date()).toISOString().slice(0, 10);
  const base = `${fileSlug(options.serviceName)}-${target === 'all' ? 'tables' : target}-${date}`;
  if (format === 'csv') {
    if (target === 'all') return null;
    return { body: toCsv(tableGrid(exportTableById(tables, target))), contentType: 'text/csv; charset=utf-8', fileName: `${base}.csv` };
  }
  const selected: ExportTable[] = target === 'all' ? allExportTables(tables) : [exportTableById(tables, target)];
  return { body: await buildWorkbook(selected, { title: options.serviceName }), contentType: XLSX_CONTENT_TYPE, fileName: `${base}.xlsx` };
}
