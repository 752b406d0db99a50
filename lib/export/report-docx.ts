/**
 * The draft inspection report as a Word document (.docx, written with `docx`), in the reports'
 * order (lib/report/document.ts): title, ratings table and score, executive summary, key
 * findings, recommendations, the domain chapters, Annexe 1 (the method) and Annexe 2 (the
 * inspection results, lib/export/annexe-docx.ts). Built to be edited on: real Heading 1–3
 * styles, one font throughout, table header rows that repeat on every page, rows that do not
 * split across pages, headings kept with what follows, and a rating column wide enough for
 * "Requires improvement". A generated sentence whose figures changed after it was inserted is
 * printed highlighted with the new figures beside it, never silently. Pure apart from the packer.
 */
import { Document, HeadingLevel, Packer, Paragraph, ShadingType, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { RATING_WORDS } from '@/lib/rating/bands';
import { LOWEST_KEY_QUESTION_NOTE, type DocumentParagraph, type ReportDocument } from '@/lib/report/document';
import { annexeChildren, type AnnexeInput } from './annexe-docx';
import { stripInvisible } from './csv';

/** The one font of the document (the inspectorate's reports are set in Arial). */
const REPORT_FONT = 'Arial';
const HEAD_FILL = 'D9D9D9';
/** Twips: the rating column takes 2,600 of 9,000 (a sixth of an A4 text width is too narrow for "Requires improvement"). */
const TABLE_WIDTH = 9000;
const RATING_WIDTH = 2600;

const heading = (level: 1 | 2 | 3, text: string, pageBreakBefore = false) =>
  new Paragraph({
    heading: level === 1 ? HeadingLevel.HEADING_1 : level === 2 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3,
    text: stripInvisible(text),
    keepNext: true,
    keepLines: true,
    pageBreakBefore,
  });
const para = (text: string, options: { bold?: boolean; keepNext?: boolean } = {}) =>
  new Paragraph({ keepNext: options.keepNext, children: [new TextRun({ text: stripInvisible(text), bold: options.bold })] });
const bullet = (text: string) => new Paragraph({ bullet: { level: 0 }, children: [new TextRun(stripInvisible(text))] });

function cell(text: string, options: { bold?: boolean; head?: boolean; width: number }): TableCell {
  return new TableCell({
    width: { size: options.width, type: WidthType.DXA },
    children: [new Paragraph({ children: [new TextRun({ text: stripInvisible(text), bold: options.bold || options.head })] })],
    ...(options.head ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: HEAD_FILL } } : {}),
  });
}

/** A two-column table whose second column is the rating (or "% yes"): header repeated, rows kept whole. */
function twoColumnTable(head: [string, string], rows: { cells: [string, string]; bold?: boolean }[]): Table {
  const first = TABLE_WIDTH - RATING_WIDTH;
  return new Table({
    width: { size: TABLE_WIDTH, type: WidthType.DXA },
    columnWidths: [first, RATING_WIDTH],
    rows: [
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: [cell(head[0], { head: true, width: first }), cell(head[1], { head: true, width: RATING_WIDTH })],
      }),
      ...rows.map(
        (r) =>
          new TableRow({
            cantSplit: true,
            children: [cell(r.cells[0], { bold: r.bold, width: first }), cell(r.cells[1], { bold: r.bold, width: RATING_WIDTH })],
          }),
      ),
    ],
  });
}

function paragraphs(blocks: readonly DocumentParagraph[]): Paragraph[] {
  return blocks.flatMap((b) => {
    if (b.kind === 'quote')
      return [
        para('One inspector noted:', { keepNext: true }),
        new Paragraph({ indent: { left: 720 }, children: [new TextRun({ text: `“${stripInvisible(b.text)}”`, italics: true })] }),
      ];
    if (b.kind === 'generated' && b.isStale) {
      return [
        new Paragraph({
          children: [
            new TextRun({ text: stripInvisible(b.text), highlight: 'yellow' }),
            new TextRun({
              text: ` [Figures have changed since this sentence was inserted. ${b.current ? `Now: ${b.current}` : 'There is no longer anything to say.'}]`,
              bold: true,
            }),
          ],
        }),
      ];
    }
    return [para(b.text)];
  });
}

function findingsList(strengths: readonly string[], areas: readonly string[]): Paragraph[] {
  const out: Paragraph[] = [];
  if (strengths.length) out.push(para('Strengths:', { bold: true, keepNext: true }), ...strengths.map(bullet));
  if (areas.length) out.push(para('Areas for improvement:', { bold: true, keepNext: true }), ...areas.map(bullet));
  return out;
}

/** The draft report as the bytes of a .docx file. */
export async function buildReportDocx(report: ReportDocument, annexe: AnnexeInput): Promise<Uint8Array> {
  const children: (Paragraph | Table)[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, text: stripInvisible(report.title) }),
    para(report.dateLine),
    heading(1, 'Ratings'),
    twoColumnTable(
      ['Standard', 'Rating'],
      [
        ...report.ratings.map((r) => ({
          cells: [`${r.id} ${r.title}${r.isSeparate ? ' (rated separately)' : ''}`, r.rating] as [string, string],
        })),
        { cells: [`Overall rating (${report.score})`, report.overall], bold: true },
      ],
    ),
  ];
  if (report.ratings.some((r) => r.professionalJudgement)) children.push(para('*Professional judgement applied.'));

  children.push(heading(1, 'Executive summary'));
  for (const domain of report.domains) {
    if (domain.summary.length === 0) continue;
    children.push(heading(2, domain.title), ...paragraphs(domain.summary));
  }
  children.push(heading(1, 'Key findings'));
  for (const domain of report.domains) {
    if (!domain.strengths.length && !domain.areas.length) continue;
    children.push(
      heading(2, domain.title),
      para(`Our key findings about ${domain.title.toLowerCase()} are as follows:`, { keepNext: true }),
    );
    children.push(...domain.strengths.map(bullet));
    if (domain.areas.length) children.push(para('But:', { bold: true, keepNext: true }), ...domain.areas.map(bullet));
  }
  children.push(heading(1, 'Recommendations'));
  for (const group of report.recommendations) {
    children.push(para(group.addressee, { bold: true, keepNext: true }));
    for (const item of group.items) children.push(para(`${item.number}. ${item.text}`));
  }

  for (const domain of report.domains) {
    children.push(heading(1, `${domain.id}. ${domain.title}`, true));
    if (domain.sample) children.push(para(domain.sample));
    for (const standard of domain.standards) {
      const rating = standard.rating ? `${RATING_WORDS[standard.rating]}${standard.professionalJudgement ? '*' : ''}` : 'Not rated';
      children.push(heading(2, `${standard.id}. ${standard.title}`), para(`Rating: ${rating}`, { bold: true }));
      if (standard.keyQuestions.length) {
        children.push(
          heading(3, 'Key questions'),
          twoColumnTable(
            ['Key question', '% yes'],
            standard.keyQuestions.map((k) => ({ cells: [k.text, k.pct] as [string, string], bold: k.isLowest })),
          ),
          para(LOWEST_KEY_QUESTION_NOTE),
        );
      }
      children.push(...paragraphs(standard.paragraphs), ...findingsList(standard.strengths, standard.areas));
    }
  }

  children.push(heading(1, 'Annexe 1: Methodology', true), ...report.method.map((m) => para(m)));
  children.push(...annexeChildren(annexe, true));

  const document = new Document({
    creator: 'Casemark',
    title: report.title,
    styles: {
      default: {
        document: { run: { font: REPORT_FONT, size: 24 } },
        title: { run: { font: REPORT_FONT, size: 44, bold: true } },
        heading1: { run: { font: REPORT_FONT, size: 36, bold: true }, paragraph: { spacing: { before: 360, after: 120 } } },
        heading2: { run: { font: REPORT_FONT, size: 30, bold: true }, paragraph: { spacing: { before: 240, after: 120 } } },
        heading3: { run: { font: REPORT_FONT, size: 26, bold: true }, paragraph: { spacing: { before: 200, after: 80 } } },
      },
    },
    sections: [{ children }],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}
