import ExcelJS from 'exceljs';

interface ReadSheet {
  name: string;
  /** The frozen view, if any: ySplit 1 means the header row is frozen. */
  view: { state?: string; ySplit?: number } | undefined;
  widths: (number | undefined)[];
  header: string[];
  /** Body rows: cell values as stored (numbers stay numbers) and their number formats. */
  rows: { values: (string | number | null)[]; numFmts: (string | undefined)[] }[];
}

/** Reads an .xlsx file's bytes back with exceljs, the way a test wants to look at it. */
export async function readXlsx(bytes: Uint8Array | ArrayBuffer): Promise<ReadSheet[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(
    bytes instanceof Uint8Array ? (bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer) : bytes,
  );
  return workbook.worksheets.map((sheet) => {
    const width = sheet.columnCount;
    const rows: ReadSheet['rows'] = [];
    let header: string[] = [];
    sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
      const values: (string | number | null)[] = [];
      const numFmts: (string | undefined)[] = [];
      for (let c = 1; c <= width; c++) {
        const cell = row.getCell(c);
        const value = cell.value;
        values.push(
          value === null || value === undefined ? null : typeof value === 'number' || typeof value === 'string' ? value : String(value),
        );
        numFmts.push(cell.numFmt || undefined);
      }
      if (rowNumber === 1) header = values.map((v) => String(v ?? ''));
      else rows.push({ values, numFmts });
    });
    const view = sheet.views[0] as { state?: string; ySplit?: number } | undefined;
    return {
      name: sheet.name,
      view,
      widths: Array.from({ length: width }, (_, i) => sheet.getColumn(i + 1).width),
      header,
      rows,
    };
  });
}
