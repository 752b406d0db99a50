/**
 * The draft report as one ordered document, in the reports' own order (Leicestershire 2021,
 * 004_46eac8fc65744bcf.txt; St Helens 2023, 003_…; Dudley 2019, 002_…): title, ratings table
 * and score, executive summary per domain, key findings per domain ("But:" before the areas for
 * improvement), recommendations numbered and grouped by who should act, the domain chapters
 * (sample description; per standard its rating, key-question table with the lowest in bold and
 * the footnote on the lowest-key-question rule, paragraphs, quotes, strengths and areas for
 * improvement), then Annexe 1 (the method). Pure: the print view and the .docx both render it.
 */
import { getFramework, listStandards } from '@/lib/framework';
import type { CaseType, Rating } from '@/lib/framework/types';
import { BAND_BOUNDARIES, RATING_WORDS } from '@/lib/rating/bands';
import { checkInserted, EMPTY_SECTION, generateSentence, type ReportFigures, type SectionContent } from './draft';
import { percentInTable } from './words';

/** A paragraph as printed: the panel's words, a generated sentence (flagged when its figures changed), or a quote. */
export type DocumentParagraph =
  | { kind: 'text'; text: string }
  | { kind: 'generated'; text: string; isStale: boolean; current: string | null }
  | { kind: 'quote'; text: string };

interface DocumentStandard {
  id: string;
  title: string;
  rating: Rating | null;
  professionalJudgement: boolean;
  /** Case-marked standards only: "% yes" per key question, the lowest in bold. */
  keyQuestions: { id: string; text: string; pct: string; isLowest: boolean }[];
  paragraphs: DocumentParagraph[];
  strengths: string[];
  areas: string[];
}

interface DocumentDomain {
  id: string;
  title: string;
  caseType: CaseType | null;
  summary: DocumentParagraph[];
  strengths: string[];
  areas: string[];
  /** The generated sample description ("We inspected 17 cases managed by …"), or null. */
  sample: string | null;
  standards: DocumentStandard[];
}

export interface ReportDocument {
  title: string;
  dateLine: string;
  ratings: { id: string; title: string; rating: string; isSeparate: boolean; professionalJudgement: boolean }[];
  score: string;
  overall: string;
  domains: DocumentDomain[];
  recommendations: { addressee: string; items: { number: number; text: string }[] }[];
  method: string[];
}

/** The case type a domain's chapter inspects: domain 2 court, 3 out-of-court, 4 resettlement. */
export function caseTypeOfDomain(domainId: string): CaseType | null {
  return domainId === '2' ? 'court' : domainId === '3' ? 'out_of_court' : domainId === '4' ? 'resettlement' : null;
}

/** The footnote under every key-question table (Blackpool 2021, 000_…, footnote 14). */
export const LOWEST_KEY_QUESTION_NOTE =
  'The rating for the standard is driven by the lowest score on each of the key questions, which is placed in a rating band, indicated in bold in the table. See Annexe 1 for a more detailed explanation.';

/** Annexe 1: the bands, the lowest-key-question rule, the scoring rules and the sub-sample caveat. */
function methodText(): string[] {
  const [ri, good, outstanding] = BAND_BOUNDARIES;
  return [
    `Each case-marked standard is rated from its key questions. The percentage of relevant cases answered "yes" is placed in a band: a minority (below ${ri.pct}%) is 'Inadequate'; too few (${ri.pct}–${good.pct - 1}%) 'Requires improvement'; a reasonable majority (${good.pct}–${outstanding.pct - 1}%) 'Good'; a large majority (${outstanding.pct}% or more) 'Outstanding'.`,
    'The rating for the standard is driven by the lowest score on each of the key questions. The ratings panel may apply professional discretion where the lowest percentage is close to a rating boundary; such ratings are marked with an asterisk.',
    "Each standard's rating is scored: 'Inadequate' = 0; 'Requires improvement' = 1; 'Good' = 2; 'Outstanding' = 3. The 12 core standards are added up to a score from 0 to 36, banded to the overall rating: 0–6 'Inadequate'; 7–18 'Requires improvement'; 19–30 'Good'; 31–36 'Outstanding'. Resettlement policy and provision is rated separately and does not change the score.",
    'Some questions do not apply in all cases: a key question or prompt is judged over the cases where it was relevant (a sub-sample), and its percentage is taken over that sub-sample only.',
  ];
}

const filled = (items: readonly string[]) => items.map((t) => t.trim()).filter((t) => t !== '');

function paragraphsOf(content: SectionContent, figures: ReportFigures): DocumentParagraph[] {
  return content.paragraphs
    .filter((b) => b.text.trim() !== '')
    .map((block): DocumentParagraph => {
      if (block.kind === 'text') return { kind: 'text', text: block.text };
      if (block.kind === 'quote') return { kind: 'quote', text: block.text };
      const status = checkInserted(block, figures);
      return {
        kind: 'generated',
        text: block.text,
        isStale: status.isStale,
        current: status.isStale ? (status.current?.text ?? null) : null,
      };
    });
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "November 2022" from an ISO date: the reports date themselves by month. */
function monthOf(isoDate: string): string {
  const [year, month] = isoDate.split('-');
  return `${MONTHS[Number(month) - 1] ?? ''} ${year ?? ''}`.trim();
}

export function buildReportDocument(input: {
  figures: ReportFigures;
  sections: Readonly<Record<string, { content: SectionContent }>>;
  fieldworkEnd: string;
}): ReportDocument {
  const { figures } = input;
  const framework = getFramework(figures.framework);
  const result = figures.result;
  const section = (key: string): SectionContent => input.sections[key]?.content ?? EMPTY_SECTION;

  const ratings = listStandards(framework).map((s) => {
    const r = result.standards[s.id];
    const word = r?.rating ? RATING_WORDS[r.rating] : 'Not rated';
    return {
      id: s.id,
      title: s.title,
      rating: r?.professionalJudgement ? `${word}*` : word,
      isSeparate: s.isRatedSeparately === true,
      professionalJudgement: r?.professionalJudgement === true,
    };
  });

  const domains = framework.domains.map((domain): DocumentDomain => {
    const caseType = caseTypeOfDomain(domain.id);
    const summary = section(`summary:${domain.id}`);
    const findings = section(`findings:${domain.id}`);
    return {
      id: domain.id,
      title: domain.title,
      caseType,
      summary: paragraphsOf(summary, figures),
      strengths: filled(findings.strengths),
      areas: filled(findings.areas),
      sample: caseType ? (generateSentence({ kind: 'sample', caseType }, figures)?.text ?? null) : null,
      standards: domain.standards.map((s): DocumentStandard => {
        const r = result.standards[s.id];
        const content = section(`standard:${s.id}`);
        return {
          id: s.id,
          title: s.title,
          rating: r?.rating ?? null,
          professionalJudgement: r?.professionalJudgement === true,
          keyQuestions:
            s.kind === 'case_marked'
              ? s.keyQuestions.flatMap((kq) => {
                  const f = r?.keyQuestions[kq.id];
                  if (!f) return [];
                  return [{ id: kq.id, text: kq.text, pct: percentInTable(f.pct), isLowest: r?.lowestKeyQuestion === kq.id }];
                })
              : [],
          paragraphs: paragraphsOf(content, figures),
          strengths: filled(content.strengths),
          areas: filled(content.areas),
        };
      }),
    };
  });

  let number = 0;
  const recommendations = section('recommendations').groups.map((g) => ({
    addressee: g.addressee,
    items: filled(g.items).map((text) => ({ number: ++number, text })),
  }));

  const overall = result.overall;
  return {
    title: `An inspection of youth offending services in ${figures.serviceName}`,
    dateLine: `HM Inspectorate of Probation, ${monthOf(input.fieldworkEnd)}`,
    ratings,
    score: overall.score === null ? 'Not yet scored' : `Score ${overall.score}/${overall.maxScore}`,
    overall: overall.rating ? RATING_WORDS[overall.rating] : 'Not yet rated',
    domains,
    recommendations,
    method: methodText(),
  };
}
