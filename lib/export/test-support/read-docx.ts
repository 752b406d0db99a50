import JSZip from 'jszip';

/** The XML entities Word writes in text runs. */
function decodeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, '&');
}

const textOf = (xml: string) => [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => decodeXml(m[1] ?? '')).join('');

interface ReadDocx {
  /** Every paragraph's text outside tables, in order. */
  paragraphs: string[];
  /** Every table as rows of cell texts, in order. */
  tables: string[][][];
  /** Which text runs are bold, per table: [table][row][cell] → true when the cell's first run is bold. */
  bold: boolean[][][];
}

/** Opens a .docx (a zip) and reads word/document.xml's paragraphs and tables, as a test wants them. */
export async function readDocx(bytes: Uint8Array): Promise<ReadDocx> {
  const zip = await JSZip.loadAsync(bytes);
  const file = zip.file('word/document.xml');
  if (!file) throw new Error('readDocx: no word/document.xml');
  const xml = await file.async('string');
  const tables: string[][][] = [];
  const bold: boolean[][][] = [];
  for (const table of xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)) {
    const rows = [...(table[1] ?? '').matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((row) =>
      [...row[0].matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((c) => c[1] ?? ''),
    );
    tables.push(rows.map((cells) => cells.map(textOf)));
    bold.push(rows.map((cells) => cells.map((c) => /<w:r>\s*<w:rPr>[\s\S]*?<w:b\/>/.test(c) || /<w:b\/>/.test(c.split('<w:t')[0] ?? ''))));
  }
  const outside = xml.replace(/<w:tbl>[\s\S]*?<\/w:tbl>/g, '');
  const paragraphs = [...outside.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) => textOf(p[0])).filter((t) => t !== '');
  return { paragraphs, tables, bold };
}
