/**
 * The report annexe as a Word document (.docx, written with `docx`), laid out as the reports
 * print it: the ratings table with the asterisk note, then per case-marked standard its key
 * questions (with the standard's rating) and each key question's prompts lettered a), b), …
 * with % yes — Dudley 2019 (002_b3ff77846e023e08.txt), Annex 2 "Inspection results", and
 * Leicestershire 2021 (004_46eac8fc65744bcf.txt), Annexe 2 "Inspection data". Where a key
 * question or prompt was judged over fewer cases than the standard's sample (a sub-sample:
 * "Some questions do not apply in all cases", Leicestershire, Annexe 2, note 24), the number of
 * relevant cases is printed beside it.
 *
 * The asterisk goes on the standard's rating and on its lowest key question only, as Dudley
 * prints "Good*" and "3.4.1 … 64%*" with "*Professional judgement applied." Resettlement
 * aspects (4.1.r01–r10) are Casemark's own illustration, not HMIP prompts, and never appear in
 * the prompt tables here. Pure apart from the packer; the route handler authorises and loads.
 */
import {
  AlignmentType,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { Framework, Rating, Standard } from '@/lib/framework/types';
import { RATING_LABELS } from '@/lib/format/labels';
import type { InspectionResult, StandardResult } from '@/lib/rating/compute-inspection';
import { must } from '@/lib/must';
import { stripInvisible } from './csv';

export const DOCX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export interface AnnexeInput {
  framework: Framework;
  result: InspectionResult;
  serviceName: string;
  /** e.g. "16 November 2026 to 27 November 2026" */
  fieldwork: string;
  /** Cases in the sample by case type (court, out_of_court, resettlement). */
  sampleByType: Readonly<Record<string, number>>;
}

const CASE_TYPE_WORDS = { court: 'court disposals', out_of_court: 'out-of-court disposals' } as const;
const PJ_NOTE = '*Professional judgement applied.';
const HEAD_FILL = 'D9D9D9';

const pct = (value: number | null) => (value === null ? '–' : `${value}%`);
const word = (rating: Rating | null) => (rating ? RATING_LABELS[rating] : 'Not yet rated');

function cell(text: string, options: { bold?: boolean; head?: boolean; width?: number; align?: 'right' } = {}): TableCell {
  return new TableCell({
    children: [
      new Paragraph({
        alignment: options.align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        children: [new TextRun({ text: stripInvisible(text), bold: options.bold || options.head })],
      }),
    ],
    ...(options.width ? { width: { size: options.width, type: WidthType.PERCENTAGE } } : {}),
    ...(options.head ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: HEAD_FILL } } : {}),
  });
}

function spanningCell(text: string, columns: number): TableCell {
  return new TableCell({
    columnSpan: columns,
    shading: { type: ShadingType.CLEAR, color: 'auto', fill: HEAD_FILL },
    children: [new Paragraph({ children: [new TextRun({ text: stripInvisible(text), bold: true })] })],
  });
}

const table = (rows: TableRow[]) => new Table({ rows, width: { size: 100, type: WidthType.PERCENTAGE } });

/** The standard's rating as printed: "Good*" when the ratings panel applied professional judgement. */
function printedRating(result: StandardResult): string {
  if (!result.isRated) return 'Not rated';
  return `${word(result.rating)}${result.professionalJudgement ? '*' : ''}`;
}

function ratingsTable({ framework, result }: AnnexeInput): Table {
  const rows: TableRow[] = [
    new TableRow({ tableHeader: true, children: [cell('Standard', { head: true, width: 70 }), cell('Rating', { head: true, width: 30 })] }),
  ];
  const separate: StandardResult[] = [];
  for (const domain of framework.domains) {
    const core = domain.standards.filter((s) => !s.isRatedSeparately);
    separate.push(...domain.standards.filter((s) => s.isRatedSeparately).map((s) => must(result.standards[s.id], `the result of ${s.id}`)));
    if (core.length === 0) continue;
    rows.push(new TableRow({ children: [spanningCell(`${domain.id}. ${domain.title}`, 2)] }));
    for (const standard of core)
      rows.push(
        new TableRow({
          children: [
            cell(`${standard.id} ${standard.title}`),
            cell(printedRating(must(result.standards[standard.id], `the result of ${standard.id}`))),
          ],
        }),
      );
  }
  const { overall } = result;
  rows.push(
    new TableRow({
      children: [
        cell(`Overall rating (score ${overall.score ?? '–'} out of ${overall.maxScore})`, { bold: true }),
        cell(overall.rating ? word(overall.rating) : 'Provisional', { bold: true }),
      ],
    }),
  );
  for (const s of separate)
    rows.push(new TableRow({ children: [cell(`${s.id} ${s.title} (rated separately, not part of the score)`), cell(printedRating(s))] }));
  return table(rows);
}

/** The annexe's prompt table of one case-marked standard. */
function standardTable(standardId: string, input: AnnexeInput, sample: number): Table {
  const standard = input.framework.domains.flatMap((d) => d.standards).find((s) => s.id === standardId)!;
  const result = must(input.result.standards[standardId], `the result of ${standardId}`);
  const subSample = (relevant: number) => (relevant !== sample ? String(relevant) : '');
  const rows: TableRow[] = [
    new TableRow({
      tableHeader: true,
      children: [
        cell('Standards, key questions and prompts', { head: true, width: 70 }),
        cell('Rating and % yes', { head: true, width: 18 }),
        cell('Sub-sample', { head: true, width: 12 }),
      ],
    }),
    new TableRow({
      children: [cell(`${standard.id} ${standard.title}`, { bold: true }), cell(printedRating(result), { bold: true }), cell('')],
    }),
  ];
  for (const kq of standard.keyQuestions) {
    const figures = must(result.keyQuestions[kq.id], `the figures of ${kq.id}`);
    const star = result.professionalJudgement && result.lowestKeyQuestion === kq.id ? '*' : '';
    rows.push(
      new TableRow({
        children: [
          cell(`${kq.id} ${kq.text}`, { bold: true }),
          cell(`${pct(figures.pct)}${star}`, { bold: true, align: 'right' }),
          cell(subSample(figures.relevant), { align: 'right' }),
        ],
      }),
    );
    for (const prompt of kq.prompts) {
      if (/^4\.1\.r\d+$/.test(prompt.id)) continue; // resettlement aspects are never HMIP prompts
      const p = must(result.prompts[prompt.id], `the figures of ${prompt.id}`);
      // Only prompts that were answered: Dudley's annexe printed 94 empty rows with a sub-sample of 0 over six pages.
      if (p.yes + p.no + p.na === 0) continue;
      rows.push(
        new TableRow({
          children: [
            cell(`${prompt.id.slice(kq.id.length + 1)}) ${prompt.text}`),
            cell(pct(p.pct), { align: 'right' }),
            cell(subSample(p.relevant), { align: 'right' }),
          ],
        }),
      );
    }
  }
  return table(rows);
}

/** The annexe's headings, paragraphs and tables: on its own (below) or as the draft report's Annexe 2 (lib/export/report-docx.ts). */
export function annexeChildren(input: AnnexeInput, asReportAnnexe = false): (Paragraph | Table)[] {
  const { framework, result, sampleByType } = input;
  const court = sampleByType.court ?? 0;
  const outOfCourt = sampleByType.out_of_court ?? 0;
  const hasJudgement = Object.values(result.standards).some((s) => s.professionalJudgement);
  const children: (Paragraph | Table)[] = [
    asReportAnnexe
      ? new Paragraph({ heading: HeadingLevel.HEADING_1, text: 'Annexe 2: Inspection results', pageBreakBefore: true })
      : new Paragraph({ heading: HeadingLevel.HEADING_1, text: 'Annexe: Inspection data' }),
    new Paragraph({ text: `${stripInvisible(input.serviceName)}. Fieldwork ${input.fieldwork}. ${framework.title}.` }),
    new Paragraph({
      text: `In this inspection, we conducted a detailed examination of a sample of ${court} court disposals and ${outOfCourt} out-of-court disposals.`,
    }),
    new Paragraph({ heading: HeadingLevel.HEADING_2, text: 'Ratings' }),
    ratingsTable(input),
  ];
  if (hasJudgement) children.push(new Paragraph({ text: PJ_NOTE }));
  if (result.overall.cap) children.push(new Paragraph({ text: result.overall.cap }));
  if (result.overall.rating === null && result.overall.missing.length) {
    children.push(new Paragraph({ text: `The overall rating is provisional: ${result.overall.missing.join('; ')}.` }));
  }
  children.push(new Paragraph({ heading: HeadingLevel.HEADING_2, text: 'Data from inspected cases' }));
  children.push(
    new Paragraph({
      text: 'Some questions do not apply in all cases: where a key question or prompt was judged over fewer cases than the standard’s sample, the number of relevant cases is given as its sub-sample.',
    }),
  );
  for (const domain of framework.domains) {
    const qualitative = domain.standards.filter((s) => s.kind === 'qualitative');
    if (qualitative.length) {
      children.push(
        new Paragraph({ heading: HeadingLevel.HEADING_3, text: `${domain.id}. ${domain.title}` }),
        qualitativeTable(qualitative, result),
      );
    }
    for (const standard of domain.standards) {
      if (standard.kind !== 'case_marked' || !standard.caseType) continue;
      const sample = standard.caseType === 'court' ? court : outOfCourt;
      children.push(
        new Paragraph({
          heading: HeadingLevel.HEADING_3,
          text: `${standard.id}. ${standard.title} (${CASE_TYPE_WORDS[standard.caseType]})`,
        }),
      );
      children.push(standardTable(standard.id, input, sample));
      if (result.standards[standard.id]?.professionalJudgement) children.push(new Paragraph({ text: PJ_NOTE }));
    }
  }
  return children;
}

/**
 * A domain's qualitative standards as the reports' annex lists them: each standard with its
 * judgement, then its key questions (no percentage: they are judged, not counted) — Dudley 2019
 * (002_…), Annex 2, "1. Organisational delivery".
 */
function qualitativeTable(standards: readonly Standard[], result: InspectionResult): Table {
  const rows: TableRow[] = [
    new TableRow({
      tableHeader: true,
      children: [cell('Standards and key questions', { head: true, width: 75 }), cell('Rating', { head: true, width: 25 })],
    }),
  ];
  for (const standard of standards) {
    rows.push(
      new TableRow({
        children: [
          cell(`${standard.id} ${standard.title}`, { bold: true }),
          cell(printedRating(must(result.standards[standard.id], `the result of ${standard.id}`)), { bold: true }),
        ],
      }),
    );
    for (const kq of standard.keyQuestions) rows.push(new TableRow({ children: [cell(`${kq.id} ${kq.text}`), cell('')] }));
  }
  return table(rows);
}

/** The annexe as the bytes of a .docx file. */
export async function buildAnnexeDocx(input: AnnexeInput): Promise<Uint8Array> {
  const document = new Document({
    creator: 'Casemark',
    title: `${input.serviceName}: annexe`,
    sections: [{ children: annexeChildren(input) }],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}
