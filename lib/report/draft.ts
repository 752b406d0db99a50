/**
 * The draft report's content: what the panel writes (text, lists, recommendations) and the
 * sentences Casemark inserted with the figures they were made from. Pure: the schema the save
 * action parses with, the section keys, and the staleness check — an inserted sentence whose
 * figures are no longer today's is shown stale with the new sentence offered, never silently
 * kept.
 */
import { z } from 'zod';
import { findQuestion, findStandard, getFramework } from '@/lib/framework';
import type { CaseType, FrameworkVersion } from '@/lib/framework/types';
import type { InspectionResult } from '@/lib/rating/compute-inspection';
import { ZVersion } from '@/lib/validation/ids';
import {
  countSentence,
  keyQuestionPhrase,
  promptPhrase,
  ratingSentence,
  sampleSentence,
  serviceShortName as serviceShortNameOf,
  type GeneratedSentence,
  type SampleFigures,
  type SentenceFigures,
  type SentenceSource,
} from './sentences';

const ZText = z.string({ error: 'Expected text' }).max(20000, 'A paragraph must be 20,000 characters or fewer');
const ZItem = z.string({ error: 'Expected text' }).max(2000, 'An item must be 2,000 characters or fewer');

const ZSource = z.discriminatedUnion('kind', [
  // isBrief: "In nine of the 17 cases, …" without "inspected", once the paragraph has named the sample.
  z.object({ kind: z.literal('prompt'), questionId: z.string().regex(/^\d\.\d\.\d\.[a-z]$/), isBrief: z.boolean().optional() }),
  z.object({ kind: z.literal('key_question'), questionId: z.string().regex(/^\d\.\d\.\d$/), isBrief: z.boolean().optional() }),
  z.object({ kind: z.literal('sample'), caseType: z.enum(['court', 'out_of_court', 'resettlement']) }),
  z.object({ kind: z.literal('rating'), standardId: z.string().regex(/^\d\.\d$/) }),
]);

/** One paragraph block: the panel's text, a sentence Casemark inserted, or an inspector's note quoted. */
const ZBlock = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('text'), text: ZText }),
  z.object({
    kind: z.literal('generated'),
    source: ZSource,
    text: ZText,
    figures: z.record(z.string().max(40), z.union([z.number(), z.string().max(200)])),
  }),
  // "One inspector noted:" — the note's text only: never the inspector's name or the case reference.
  z.object({ kind: z.literal('quote'), answerId: z.uuid(), text: ZText }),
]);
export type ReportBlock = z.infer<typeof ZBlock>;

const ZBlocks = z.array(ZBlock).max(200);
const ZItems = z.array(ZItem).max(100);

/** Every field a section may hold; which ones a section uses depends on its key. */
export const ZSectionContent = z.object({
  paragraphs: ZBlocks.default([]),
  strengths: ZItems.default([]),
  areas: ZItems.default([]),
  groups: z
    .array(z.object({ addressee: ZItem, items: ZItems }))
    .max(20)
    .default([]),
});
export type SectionContent = z.infer<typeof ZSectionContent>;

export const EMPTY_SECTION: SectionContent = { paragraphs: [], strengths: [], areas: [], groups: [] };

/** A change to one section, made on the version the page showed (0 when it had none). */
export const ZSaveReportSection = z.object({
  inspectionId: z.uuid({ error: 'Unknown inspection' }),
  sectionKey: z.string().max(40),
  content: ZSectionContent,
  baseVersion: ZVersion(0),
});

export const ZReportEditor = z.object({
  inspectionId: z.uuid({ error: 'Unknown inspection' }),
  userId: z.uuid({ error: 'Choose a team member' }),
  isAllowed: z.boolean(),
});

type SectionKind = 'summary' | 'findings' | 'recommendations' | 'standard';

/**
 * What a section key names in this framework, or null when it names nothing: `summary:2` and
 * `findings:2` (a domain), `recommendations`, `standard:2.1`.
 */
export function parseSectionKey(framework: FrameworkVersion, key: string): { kind: SectionKind; id: string } | null {
  if (key === 'recommendations') return { kind: 'recommendations', id: '' };
  const match = /^(summary|findings|standard):(\d(?:\.\d)?)$/.exec(key);
  const kind = match?.[1] as SectionKind | undefined;
  const id = match?.[2];
  if (!kind || !id) return null;
  const fw = getFramework(framework);
  if (kind === 'standard') return findStandard(fw, id) ? { kind, id } : null;
  return fw.domains.some((d) => d.id === id) ? { kind, id } : null;
}

/** Everything a generated sentence may be made from: the rating engine's result and the sample. */
export interface ReportFigures {
  framework: FrameworkVersion;
  serviceName: string;
  result: InspectionResult;
  samples: Record<CaseType, SampleFigures>;
  /** The report lists with a serial comma (Blackpool, St Helens; lib/report/words.ts). */
  serialComma?: boolean;
}

const sorted = (figures: SentenceFigures) => JSON.stringify(Object.entries(figures).sort(([a], [b]) => a.localeCompare(b)));

/** The sentence `source` gives from today's figures, or null when there is nothing to say (no relevant case). */
export function generateSentence(source: SentenceSource, data: ReportFigures): GeneratedSentence | null {
  const framework = getFramework(data.framework);
  switch (source.kind) {
    case 'prompt':
    case 'key_question': {
      const ref = findQuestion(framework, source.questionId);
      if (!ref || ref.kind === 'resettlement_aspect' || (ref.kind === 'prompt') !== (source.kind === 'prompt')) return null;
      const standard = data.result.standards[ref.standard.id];
      const figures = ref.kind === 'prompt' ? standard?.prompts[ref.prompt.id] : standard?.keyQuestions[ref.keyQuestion.id];
      const phrase = ref.kind === 'prompt' ? promptPhrase(data.framework, ref.prompt.id) : keyQuestionPhrase(ref.keyQuestion.text);
      if (!figures || !phrase) return null;
      const text = countSentence(figures, phrase, source.isBrief ?? false);
      return text ? { source, text, figures: { yes: figures.yes, relevant: figures.relevant } } : null;
    }
    case 'sample': {
      const sample = data.samples[source.caseType];
      const text = sampleSentence(source.caseType, sample, serviceShortNameOf(data.serviceName), data.serialComma ?? false);
      if (!text) return null;
      return { source, text, figures: { ...sample.byDisposal, interviewed: sample.interviewed } };
    }
    case 'rating': {
      const standard = data.result.standards[source.standardId];
      if (!standard?.rating) return null;
      const lowest = standard.lowestKeyQuestion ? standard.keyQuestions[standard.lowestKeyQuestion] : undefined;
      const text = ratingSentence({
        title: standard.title,
        rating: standard.rating,
        lowestPct: lowest?.pct ?? null,
        lowestLabel: lowest?.shortLabel ?? null,
        professionalJudgement: standard.professionalJudgement,
      });
      return {
        source,
        text,
        figures: { rating: standard.rating, lowestPct: lowest?.pct ?? -1, professionalJudgement: standard.professionalJudgement ? 1 : 0 },
      };
    }
  }
}

/** How an inserted sentence stands against today's figures. */
type InsertedStatus = { isStale: false } | { isStale: true; current: GeneratedSentence | null };

/**
 * Whether an inserted sentence still states today's figures. Stale when a figure it was made from
 * has changed (an answer changed after it was inserted) or there is no longer anything to say;
 * `current` is the sentence to offer instead. The words the lead may have edited are not
 * compared: only the figures.
 */
export function checkInserted(block: Extract<ReportBlock, { kind: 'generated' }>, data: ReportFigures): InsertedStatus {
  const current = generateSentence(block.source, data);
  if (current && sorted(current.figures) === sorted(block.figures)) return { isStale: false };
  return { isStale: true, current };
}
