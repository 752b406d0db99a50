/**
 * An inspection's audit trail as an export table (issue 23): one row per entry, oldest first —
 * when (ISO time, UTC), when an offline replay was made on its device (the device's clock), who,
 * the case, what, the key question or prompt, from, to and the route.
 * Text cells are formula-escaped by the CSV writer. Pure.
 */
import type { DescribedAuditRow } from '@/lib/audit/describe';
import type { CellValue, ExportColumn } from './tables';
import type { SheetTable } from './xlsx';

const AUDIT_COLUMNS: ExportColumn[] = [
  { key: 'at', header: 'When (UTC)', type: 'text', width: 24 },
  { key: 'madeOnDevice', header: 'Made on the device (UTC by its clock)', type: 'text', width: 24 },
  { key: 'who', header: 'Who', type: 'text', width: 24 },
  { key: 'case', header: 'Case reference', type: 'text', width: 16 },
  { key: 'what', header: 'What', type: 'text', width: 30 },
  { key: 'question', header: 'Key question or prompt', type: 'text', width: 12 },
  { key: 'from', header: 'From', type: 'text', width: 40 },
  { key: 'to', header: 'To', type: 'text', width: 40 },
  { key: 'route', header: 'Route', type: 'text', width: 24 },
  { key: 'action', header: 'Action (as recorded)', type: 'text', width: 24 },
];

export function auditExportTable(rows: readonly DescribedAuditRow[]): SheetTable {
  return {
    sheetName: 'Audit trail',
    columns: AUDIT_COLUMNS,
    rows: rows.map((r): Record<string, CellValue> => ({
      at: r.at.toISOString(),
      madeOnDevice: r.madeOnDeviceAt?.toISOString() ?? null,
      who: r.who,
      case: r.caseReference,
      what: r.what,
      question: r.questionId,
      from: r.from,
      to: r.to,
      route: r.route,
      action: r.action,
    })),
  };
}
