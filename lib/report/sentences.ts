/**
 * The sentences Casemark writes into a draft report from the data, never typed: the sample
 * description per domain, a key question's or a prompt's count, a standard's rating. Pure: the
 * same function serves the report page, the print view and the .docx, and the staleness check
 * (lib/report/draft.ts) regenerates a sentence from today's figures to compare with the figures
 * it was inserted with.
 */
import { PROMPT_PHRASES } from '@/lib/framework/prompt-phrases';
import type { CaseType, Disposal, FrameworkVersion, Rating } from '@/lib/framework/types';
import { RATING_WORDS } from '@/lib/rating/bands';
import type { QuestionFigures } from '@/lib/rating/key-question';
import { capitalise, countOf, listInProse, numberInWords, percentInProse } from './words';

/** What an inserted sentence was generated from: enough to regenerate it from today's data. */
export type SentenceSource =
  | { kind: 'prompt'; questionId: string; isBrief?: boolean }
  | { kind: 'key_question'; questionId: string; isBrief?: boolean }
  | { kind: 'sample'; caseType: CaseType }
  | { kind: 'rating'; standardId: string };

/** The figures a sentence states: when any of them changes, the sentence is stale. */
export type SentenceFigures = Record<string, number | string>;

export interface GeneratedSentence {
  source: SentenceSource;
  text: string;
  figures: SentenceFigures;
}

/**
 * "In 11 of the 13 cases inspected, <phrase>." (Leicestershire 2021, 004_…, 2.1), "In all 13
 * cases inspected", "In none of the four cases inspected". Brief, once the paragraph has named the
 * sample, as the reports mostly write it after their first count: "In nine of the 17 cases, the
 * delivered services were those most likely to achieve desistance." (Leicestershire 2021, 3.3).
 * Null when no case was relevant: there is nothing to say.
 */
export function countSentence(figures: Pick<QuestionFigures, 'yes' | 'relevant'>, phrase: string, isBrief = false): string | null {
  const { yes, relevant } = figures;
  const [one, many] = isBrief ? ['case', 'cases'] : ['case inspected', 'cases inspected'];
  if (relevant === 0) return null;
  if (relevant === 1) return yes === 1 ? `In the one ${one}, ${phrase}.` : `In the one ${one}, we did not find that ${phrase}.`;
  if (yes === 0) return `In none of the ${numberInWords(relevant)} ${many} did we find that ${phrase}.`;
  if (yes === relevant) return relevant === 2 ? `In both ${many}, ${phrase}.` : `In all ${numberInWords(relevant)} ${many}, ${phrase}.`;
  return `In ${numberInWords(yes)} of the ${numberInWords(relevant)} ${many}, ${phrase}.`;
}

const PAST: Record<string, string> = { analyse: 'analysed', focus: 'focused', support: 'supported', work: 'worked' };

/**
 * A key question turned into what inspectors found: "Does assessment sufficiently analyse how to
 * keep the child safe?" → "assessment sufficiently analysed how to keep the child safe".
 */
export function keyQuestionPhrase(text: string): string {
  const question = text.trim().replace(/\?$/, '');
  const are = /^Are (.+?) (sufficiently .*)$/.exec(question);
  if (are) return `${are[1] ?? ''} were ${are[2] ?? ''}`;
  const does =
    /^Does (the implementation and delivery of services|assessment|planning|reviewing|service delivery|the YOT) (?:(sufficiently|effectively) )?(\w+)(.*)$/.exec(
      question,
    );
  const verb = does?.[3];
  const past = verb ? PAST[verb] : undefined;
  if (!does || !past) return `the answer to "${question}?" was yes`;
  return [does[1], does[2], past].filter(Boolean).join(' ') + (does[4] ?? '');
}

/** A prompt's phrase (lib/framework/prompt-phrases.ts). */
export function promptPhrase(framework: FrameworkVersion, promptId: string): string | undefined {
  return PROMPT_PHRASES[framework][promptId];
}

/** How the reports name each disposal in a sample description, singular and plural. */
const DISPOSAL_NOUNS: Record<Disposal, [string, string]> = {
  referral_order: ['referral order', 'referral orders'],
  youth_rehabilitation_order: ['youth rehabilitation order', 'youth rehabilitation orders'],
  custodial_sentence: ['custodial sentence', 'custodial sentences'],
  other_court: ['other court disposal', 'other court disposals'],
  youth_conditional_caution: ['youth conditional caution', 'youth conditional cautions'],
  youth_caution: ['youth caution', 'youth cautions'],
  community_resolution: ['community resolution', 'community resolutions'],
  // St Helens 2023 (003_ce93bfaa3cc60c15.txt), 3: "four community resolutions, and three other disposals".
  other_out_of_court: ['other disposal', 'other disposals'],
};

const DISPOSAL_ORDER: readonly Disposal[] = [
  'referral_order',
  'youth_rehabilitation_order',
  'other_court',
  'custodial_sentence',
  'youth_conditional_caution',
  'youth_caution',
  'community_resolution',
  'other_out_of_court',
];

/** One domain's sample: how many cases of each disposal, and in how many the case manager was interviewed. */
export interface SampleFigures {
  byDisposal: Partial<Record<Disposal, number>>;
  interviewed: number;
}

const RECEIVED: Record<CaseType, string> = {
  court: 'a court disposal',
  out_of_court: 'an out-of-court disposal',
  resettlement: 'a custodial sentence',
};

/**
 * The service's short name as the reports use it ("the Y&JS", "the YJS", "the YOT"), from its
 * full name; "the service" when the name says neither.
 */
export function serviceShortName(serviceName: string): string {
  if (/youth and justice service/i.test(serviceName)) return 'the Y&JS';
  if (/youth justice service/i.test(serviceName)) return 'the YJS';
  if (/youth offending service/i.test(serviceName)) return 'the YOS';
  if (/youth offending team/i.test(serviceName)) return 'the YOT';
  return 'the service';
}

/**
 * "We inspected 17 cases managed by the Y&JS that had received an out-of-court disposal. These
 * consisted of three youth conditional cautions, seven youth cautions and seven community
 * resolutions. We interviewed the case managers in 15 cases." (Leicestershire 2021, 004_…, 3.)
 * Null when the domain has no case.
 */
export function sampleSentence(caseType: CaseType, sample: SampleFigures, service: string, serialComma = false): string | null {
  if (caseType === 'court') return courtSampleSentence(sample, service, serialComma);
  const parts = DISPOSAL_ORDER.flatMap((d) => {
    const count = sample.byDisposal[d] ?? 0;
    const [one, many] = DISPOSAL_NOUNS[d];
    return count > 0 ? [countOf(count, one, many)] : [];
  });
  const total = DISPOSAL_ORDER.reduce((sum, d) => sum + (sample.byDisposal[d] ?? 0), 0);
  if (total === 0) return null;
  const sentences = [`We inspected ${countOf(total, 'case')} managed by ${service} that had received ${RECEIVED[caseType]}.`];
  // Resettlement cases are all custodial sentences: the first sentence says so already.
  if (caseType !== 'resettlement' && parts.length > 0)
    sentences.push(`${total === 1 ? 'This was' : 'These consisted of'} ${listInProse(parts, serialComma)}.`);
  if (sample.interviewed > 0) sentences.push(`We interviewed the case managers in ${countOf(sample.interviewed, 'case')}.`);
  return sentences.join(' ');
}

const COMMUNITY_SENTENCES: readonly Disposal[] = ['referral_order', 'youth_rehabilitation_order', 'other_court'];

/**
 * The court sample as the reports describe it: "We took a detailed look at five community
 * sentences and one custodial sentence managed by the YJS. We also conducted 13 interviews with
 * the relevant case managers." (St Helens 2023, 003_…, 2); "eight community sentences and one
 * custodial sentence … eight interviews" (Wigan 2021, 001_…, 2).
 */
function courtSampleSentence(sample: SampleFigures, service: string, serialComma: boolean): string | null {
  const community = COMMUNITY_SENTENCES.reduce((sum, d) => sum + (sample.byDisposal[d] ?? 0), 0);
  const custodial = sample.byDisposal.custodial_sentence ?? 0;
  if (community + custodial === 0) return null;
  const parts = [
    ...(community ? [countOf(community, 'community sentence')] : []),
    ...(custodial ? [countOf(custodial, 'custodial sentence')] : []),
  ];
  const sentences = [`We took a detailed look at ${listInProse(parts, serialComma)} managed by ${service}.`];
  if (sample.interviewed > 0)
    sentences.push(`We also conducted ${countOf(sample.interviewed, 'interview')} with the relevant case managers.`);
  return sentences.join(' ');
}

/** The figures a standard's rating sentence states. */
interface RatingFigures {
  title: string;
  rating: Rating;
  /** The lowest key question's percentage and its short label, when the rating was computed from cases. */
  lowestPct: number | null;
  lowestLabel: string | null;
  professionalJudgement: boolean;
}

/**
 * "Assessment is rated as 'Inadequate', with only 47 per cent of cases meeting our requirements
 * for desistance." (Leicestershire 2021, 004_…, 3: "with only 47 per cent meeting our
 * requirements"). A standard rated Good or better states the lowest key question as the floor.
 */
export function ratingSentence(figures: RatingFigures): string {
  const rated = `${capitalise(figures.title)} is rated as '${RATING_WORDS[figures.rating]}'`;
  const judgement = figures.professionalJudgement ? ' The ratings panel applied professional discretion to this rating.' : '';
  if (figures.lowestPct === null || figures.lowestLabel === null) return `${rated}.${judgement}`;
  const label = figures.lowestLabel.toLowerCase();
  if (figures.rating === 'inadequate' || figures.rating === 'requires_improvement') {
    return `${rated}, with only ${percentInProse(figures.lowestPct)} of cases meeting our requirements for ${label}.${judgement}`;
  }
  return `${rated}: at least ${percentInProse(figures.lowestPct)} of cases met our requirements on every key question, the lowest being ${label}.${judgement}`;
}
