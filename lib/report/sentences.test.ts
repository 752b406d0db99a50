import { describe, expect, it } from 'vitest';
import { getFramework, listCaseMarkedStandards } from '@/lib/framework';
import { PROMPT_PHRASES } from '@/lib/framework/prompt-phrases';
import { FRAMEWORK_VERSIONS, type AnswerValue, type CaseType, type Disposal } from '@/lib/framework/types';
import { computeInspection } from '@/lib/rating/compute-inspection';
import { tallyCases } from '@/lib/rating/tally';
import { checkInserted, generateSentence, parseSectionKey, type ReportFigures } from './draft';
import { countSentence, keyQuestionPhrase, ratingSentence, sampleSentence, serviceShortName, type SampleFigures } from './sentences';

const EMPTY_SAMPLE: SampleFigures = { byDisposal: {}, interviewed: 0 };

/** Out-of-court cases answering 3.1.1 and its prompt a) as given (2021 standards). */
function figuresFrom(answers: readonly [AnswerValue, AnswerValue][]): ReportFigures {
  const type: CaseType = 'out_of_court';
  const disposal: Disposal = 'youth_caution';
  const cases = answers.map(([kq, prompt], i) => ({ ref: `C${i}`, type, disposal, answers: { '3.1.1': kq, '3.1.1.a': prompt } }));
  const framework = getFramework('2021');
  const { counts } = tallyCases(framework, cases);
  return {
    framework: '2021',
    serviceName: 'Leicestershire Youth and Justice Service',
    result: computeInspection(framework, { counts }),
    samples: {
      court: EMPTY_SAMPLE,
      out_of_court: { byDisposal: { youth_caution: cases.length }, interviewed: 0 },
      resettlement: EMPTY_SAMPLE,
    },
  };
}

/** The two numbers a count sentence states, read back from its words. */
function numbersIn(text: string): { yes: number; relevant: number } {
  const words = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
  const value = (w: string) => (words.includes(w) ? words.indexOf(w) : Number(w));
  const some = /^In (\w+) of the (\w+) cases inspected/.exec(text);
  if (some) return { yes: value(some[1] ?? ''), relevant: value(some[2] ?? '') };
  if (text.startsWith('In both cases inspected')) return { yes: 2, relevant: 2 };
  const all = /^In all (\w+) cases inspected/.exec(text);
  if (all) return { yes: value(all[1] ?? ''), relevant: value(all[1] ?? '') };
  const none = /^In none of the (\w+) cases inspected/.exec(text);
  if (none) return { yes: 0, relevant: value(none[1] ?? '') };
  throw new Error(`Not a count sentence: ${text}`);
}

describe('count sentences', () => {
  it('write the counts as the reports do (Leicestershire 2021: "In 11 of the 13 cases inspected")', () => {
    expect(countSentence({ yes: 11, relevant: 13 }, 'x')).toBe('In 11 of the 13 cases inspected, x.');
    expect(countSentence({ yes: 3, relevant: 4 }, 'x')).toBe('In three of the four cases inspected, x.');
    expect(countSentence({ yes: 9, relevant: 10 }, 'x')).toBe('In nine of the 10 cases inspected, x.');
    expect(countSentence({ yes: 13, relevant: 13 }, 'x')).toBe('In all 13 cases inspected, x.');
    expect(countSentence({ yes: 2, relevant: 2 }, 'x')).toBe('In both cases inspected, x.');
    expect(countSentence({ yes: 0, relevant: 4 }, 'x')).toBe('In none of the four cases inspected did we find that x.');
    expect(countSentence({ yes: 1, relevant: 1 }, 'x')).toBe('In the one case inspected, x.');
    expect(countSentence({ yes: 0, relevant: 0 }, 'x')).toBeNull();
  });

  it('state counts equal to a recount of the answers, each question over the cases that answered it yes or no', () => {
    const answers: [AnswerValue, AnswerValue][] = [
      ...Array.from({ length: 11 }, (): [AnswerValue, AnswerValue] => ['yes', 'yes']),
      ['no', 'no'],
      ['no', 'yes'],
      ['na', 'yes'], // out of the key question's sub-sample, still in the prompt's (000_…, Annexe 2: 2.3.3 a)
      ['yes', 'na'], // in the key question's, out of the prompt's
    ];
    const data = figuresFrom(answers);
    const prompt = generateSentence({ kind: 'prompt', questionId: '3.1.1.a' }, data);
    const recount = answers.map(([, p]) => p).filter((p) => p !== 'na');
    expect(numbersIn(prompt?.text ?? '')).toEqual({ yes: recount.filter((p) => p === 'yes').length, relevant: recount.length });
    expect(prompt?.text).toBe(
      "In 13 of the 14 cases inspected, there had been sufficient analysis of offending behaviour and the child's attitudes and motivation.",
    );
    const kq = generateSentence({ kind: 'key_question', questionId: '3.1.1' }, data);
    expect(numbersIn(kq?.text ?? '')).toEqual({ yes: 12, relevant: 14 });
    expect(kq?.text).toBe("In 12 of the 14 cases inspected, assessment sufficiently analysed how to support the child's desistance.");
  });
});

describe('staleness of an inserted sentence', () => {
  it('is current while the figures stand, and stale with the new sentence offered once an answer changes', () => {
    const before = figuresFrom([
      ['yes', 'yes'],
      ['yes', 'no'],
      ['no', 'no'],
    ]);
    const inserted = generateSentence({ kind: 'prompt', questionId: '3.1.1.a' }, before);
    if (!inserted) throw new Error('expected a sentence');
    // The lead's own wording around the figures is theirs: only the figures decide staleness.
    const block = { kind: 'generated' as const, ...inserted, text: `${inserted.text} Rewritten.` };
    expect(checkInserted(block, before)).toEqual({ isStale: false });

    const after = figuresFrom([
      ['yes', 'yes'],
      ['yes', 'yes'],
      ['no', 'no'],
    ]);
    const status = checkInserted(block, after);
    expect(status.isStale).toBe(true);
    expect(status.isStale && status.current?.text).toMatch(/^In two of the three cases inspected/);
    expect(inserted.text).toMatch(/^In one of the three cases inspected/);
  });

  it('keeps the brief form ("In nine of the 17 cases, …") when it offers the new sentence', () => {
    const before = figuresFrom([
      ['yes', 'yes'],
      ['yes', 'no'],
    ]);
    const inserted = generateSentence({ kind: 'prompt', questionId: '3.1.1.a', isBrief: true }, before);
    if (!inserted) throw new Error('expected a sentence');
    expect(inserted.text).toMatch(/^In one of the two cases, /);
    const status = checkInserted(
      { kind: 'generated', ...inserted },
      figuresFrom([
        ['yes', 'yes'],
        ['yes', 'yes'],
      ]),
    );
    expect(status.isStale && status.current?.text).toMatch(/^In both cases, there had been/);
  });

  it('is stale with nothing to offer when no case is relevant any more', () => {
    const before = figuresFrom([['yes', 'yes']]);
    const inserted = generateSentence({ kind: 'key_question', questionId: '3.1.1' }, before);
    if (!inserted) throw new Error('expected a sentence');
    expect(checkInserted({ kind: 'generated', ...inserted }, figuresFrom([['na', 'yes']]))).toEqual({ isStale: true, current: null });
  });
});

describe('phrases', () => {
  it('every 2018 and 2021 prompt has one, and no phrase names a prompt that does not exist', () => {
    for (const version of FRAMEWORK_VERSIONS) {
      const ids = listCaseMarkedStandards(getFramework(version)).flatMap((s) => s.keyQuestions.flatMap((k) => k.prompts.map((p) => p.id)));
      expect(Object.keys(PROMPT_PHRASES[version]).sort()).toEqual([...ids].sort());
      for (const phrase of Object.values(PROMPT_PHRASES[version])) {
        expect(phrase).toMatch(/^[a-z]/);
        expect(phrase).not.toMatch(/\?$|^(does|is|are|do) /i);
      }
    }
  });

  it('every case-marked key question becomes a statement', () => {
    for (const version of FRAMEWORK_VERSIONS) {
      for (const s of listCaseMarkedStandards(getFramework(version))) {
        for (const k of s.keyQuestions) expect(keyQuestionPhrase(k.text), k.id).not.toMatch(/answer to|\?/);
      }
    }
    expect(keyQuestionPhrase('Does the YOT work effectively with the police in implementing the out-of-court disposal?')).toBe(
      'the YOT worked effectively with the police in implementing the out-of-court disposal',
    );
  });
});

describe('sample description', () => {
  it('reads as Leicestershire 2021 prints it (004_…, 3)', () => {
    expect(
      sampleSentence(
        'out_of_court',
        { byDisposal: { youth_conditional_caution: 3, youth_caution: 7, community_resolution: 7 }, interviewed: 15 },
        serviceShortName('Leicestershire Youth and Justice Service'),
      ),
    ).toBe(
      'We inspected 17 cases managed by the Y&JS that had received an out-of-court disposal. These consisted of three youth conditional cautions, seven youth cautions and seven community resolutions. We interviewed the case managers in 15 cases.',
    );
  });
  it('reads as Dudley 2019 prints it, in words below ten (002_…, 3)', () => {
    expect(
      sampleSentence(
        'out_of_court',
        { byDisposal: { youth_conditional_caution: 1, youth_caution: 2, community_resolution: 2 }, interviewed: 4 },
        serviceShortName('Dudley Youth Offending Team'),
      ),
    ).toBe(
      'We inspected five cases managed by the YOT that had received an out-of-court disposal. These consisted of one youth conditional caution, two youth cautions and two community resolutions. We interviewed the case managers in four cases.',
    );
  });
  it('describes the court sample as community and custodial sentences, with the interviews (Wigan 2021, 001_…, 2)', () => {
    expect(
      sampleSentence(
        'court',
        { byDisposal: { other_court: 5, referral_order: 3, custodial_sentence: 1 }, interviewed: 8 },
        serviceShortName('Wigan Youth Offending Team'),
      ),
    ).toBe(
      'We took a detailed look at eight community sentences and one custodial sentence managed by the YOT. We also conducted eight interviews with the relevant case managers.',
    );
    expect(sampleSentence('court', { byDisposal: { youth_rehabilitation_order: 13 }, interviewed: 10 }, 'the Y&JS')).toBe(
      'We took a detailed look at 13 community sentences managed by the Y&JS. We also conducted 10 interviews with the relevant case managers.',
    );
  });

  it('says nothing of an empty domain', () => {
    expect(sampleSentence('court', EMPTY_SAMPLE, 'the YJS')).toBeNull();
  });
});

describe('rating sentence', () => {
  it('uses "per cent" in prose (Leicestershire 2021: "with only 47 per cent meeting our requirements")', () => {
    expect(
      ratingSentence({ title: 'Assessment', rating: 'inadequate', lowestPct: 47, lowestLabel: 'Desistance', professionalJudgement: false }),
    ).toBe("Assessment is rated as 'Inadequate', with only 47 per cent of cases meeting our requirements for desistance.");
    expect(
      ratingSentence({
        title: 'Planning',
        rating: 'good',
        lowestPct: 6,
        lowestLabel: 'Keeping other people safe',
        professionalJudgement: true,
      }),
    ).toContain('at least six per cent');
  });
});

describe('section keys', () => {
  it('name a domain, the recommendations or a standard of the framework, and nothing else', () => {
    expect(parseSectionKey('2021', 'summary:4')).toEqual({ kind: 'summary', id: '4' });
    expect(parseSectionKey('2018', 'summary:4')).toBeNull();
    expect(parseSectionKey('2021', 'standard:2.1')).toEqual({ kind: 'standard', id: '2.1' });
    expect(parseSectionKey('2021', 'standard:2.9')).toBeNull();
    expect(parseSectionKey('2021', 'recommendations')).toEqual({ kind: 'recommendations', id: '' });
    expect(parseSectionKey('2021', 'findings:1;drop')).toBeNull();
  });
});
