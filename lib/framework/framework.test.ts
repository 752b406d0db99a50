import { describe, it, expect } from 'vitest';
import { FRAMEWORK_2018 } from './framework-2018';
import { FRAMEWORK_2021 } from './framework-2021';
import {
  canAnswerQuestion,
  findQuestion,
  findStandard,
  getFramework,
  isKeyQuestionApplicable,
  listCaseMarkedStandards,
  listCoreStandards,
  listKeyQuestionsForCase,
  listQualitativeStandards,
  listQuestionIdsForCase,
  listStandards,
  COURT_DISPOSALS,
  OUT_OF_COURT_DISPOSALS,
  type Framework,
  type KeyQuestion,
} from './index';
import { at } from '@/lib/must';

const FRAMEWORKS: [string, Framework][] = [
  ['2018', FRAMEWORK_2018],
  ['2021', FRAMEWORK_2021],
];

const STANDARD_ID = /^\d\.\d$/;
const KEY_QUESTION_ID = /^\d\.\d\.\d$/;
const PROMPT_ID = /^\d\.\d\.\d\.[a-z]$/;

function allKeyQuestions(framework: Framework): KeyQuestion[] {
  return listStandards(framework).flatMap((s) => s.keyQuestions);
}

/** Every human-readable text in a framework, with where it lives. */
function allTexts(framework: Framework): [string, string][] {
  const texts: [string, string][] = [[`${framework.version} title`, framework.title]];
  for (const domain of framework.domains) {
    texts.push([`domain ${domain.id}`, domain.title]);
    for (const s of domain.standards) {
      texts.push([`${s.id} title`, s.title], [`${s.id} descriptor`, s.descriptor]);
      for (const kq of s.keyQuestions) {
        texts.push([kq.id, kq.text], [`${kq.id} shortLabel`, kq.shortLabel]);
        kq.naReasons.forEach((r, i) => texts.push([`${kq.id} naReasons[${i}]`, r]));
        for (const p of kq.prompts) {
          texts.push([p.id, p.text]);
          if (p.guidance !== undefined) texts.push([`${p.id} guidance`, p.guidance]);
        }
      }
    }
  }
  for (const a of framework.resettlementAspects) texts.push([a.id, a.text], [`${a.id} shortLabel`, a.shortLabel]);
  return texts;
}

describe.each(FRAMEWORKS)('framework %s: structure', (version, framework) => {
  it('has the right version, a title and the seed reports it was taken from', () => {
    expect(framework.version).toBe(version);
    expect(getFramework(framework.version)).toBe(framework);
    expect(framework.title).toMatch(/^Youth justice standards \(/);
    expect(framework.sources.length).toBeGreaterThan(0);
    for (const source of framework.sources) expect(source).toMatch(/^\d{3}_[0-9a-f]{16}\.txt$/);
  });

  it('has well-formed, unique ids that nest under their parents', () => {
    const seen = new Set<string>();
    const add = (id: string) => {
      expect(seen.has(id), `duplicate id ${id}`).toBe(false);
      seen.add(id);
    };
    for (const domain of framework.domains) {
      expect(domain.id).toMatch(/^[1-4]$/);
      add(`domain:${domain.id}`);
      for (const standard of domain.standards) {
        expect(standard.id).toMatch(STANDARD_ID);
        expect(standard.id.startsWith(`${domain.id}.`)).toBe(true);
        add(standard.id);
        standard.keyQuestions.forEach((kq, i) => {
          expect(kq.id).toMatch(KEY_QUESTION_ID);
          // Numbered in printed order from .1.
          expect(kq.id).toBe(`${standard.id}.${i + 1}`);
          add(kq.id);
          kq.prompts.forEach((prompt, j) => {
            expect(prompt.id).toMatch(PROMPT_ID);
            expect(prompt.id.startsWith(`${kq.id}.`)).toBe(true);
            // Lettered a), b), c)... in printed order, without gaps.
            expect(prompt.id).toBe(`${kq.id}.${String.fromCharCode(97 + j)}`);
            add(prompt.id);
          });
        });
      }
    }
    for (const aspect of framework.resettlementAspects) {
      expect(aspect.id).toMatch(/^4\.1\.r\d{2}$/);
      add(aspect.id);
    }
  });

  it('has 12 core standards in domains 1-3, four per domain', () => {
    const core = listCoreStandards(framework);
    expect(core).toHaveLength(12);
    expect(core.map((s) => s.id)).toEqual(['1.1', '1.2', '1.3', '1.4', '2.1', '2.2', '2.3', '2.4', '3.1', '3.2', '3.3', '3.4']);
  });

  it('has the same domain one and court-disposal standard titles as the reports', () => {
    const titles = Object.fromEntries(listStandards(framework).map((s) => [s.id, s.title]));
    expect(titles).toMatchObject({
      '1.1': 'Governance and leadership',
      '1.2': 'Staff',
      '1.3': 'Partnerships and services',
      '1.4': 'Information and facilities',
      '2.1': 'Assessment',
      '2.2': 'Planning',
      '2.3': 'Implementation and delivery',
      '2.4': 'Reviewing',
      '3.1': 'Assessment',
      '3.2': 'Planning',
      '3.3': 'Implementation and delivery',
    });
    expect(framework.domains.slice(0, 3).map((d) => d.title)).toEqual([
      'Organisational delivery',
      'Court disposals',
      'Out-of-court disposals',
    ]);
  });

  it('marks 2.1-2.4 as court and 3.1-3.3 as out-of-court case-marked standards', () => {
    for (const id of ['2.1', '2.2', '2.3', '2.4']) {
      expect(findStandard(framework, id)).toMatchObject({ kind: 'case_marked', caseType: 'court' });
    }
    for (const id of ['3.1', '3.2', '3.3']) {
      expect(findStandard(framework, id)).toMatchObject({ kind: 'case_marked', caseType: 'out_of_court' });
    }
    for (const id of ['1.1', '1.2', '1.3', '1.4']) {
      const standard = findStandard(framework, id)!;
      expect(standard.kind).toBe('qualitative');
      expect(standard.caseType).toBeUndefined();
    }
  });

  it('gives every case-marked standard the three key questions (or 3.4 in 2018) with prompts and N/A reasons', () => {
    for (const standard of listCaseMarkedStandards(framework)) {
      expect(standard.caseType).toBeDefined();
      expect(standard.isRatedSeparately).toBeFalsy();
      if (standard.id !== '3.4') {
        expect(standard.keyQuestions.map((kq) => kq.shortLabel)).toEqual([
          'Desistance',
          'Keeping the child safe',
          'Keeping other people safe',
        ]);
      }
      for (const kq of standard.keyQuestions) {
        expect(kq.prompts.length, `${kq.id} prompts`).toBeGreaterThanOrEqual(1);
        // 2018 3.4 is asked of every out-of-court case (3.4.1) or only of youth conditional
        // cautions (3.4.2): no reason to offer. Every other case-marked key question offers 1–3.
        if (standard.id !== '3.4') expect(kq.naReasons.length, `${kq.id} naReasons`).toBeGreaterThanOrEqual(1);
        expect(kq.naReasons.length, `${kq.id} naReasons`).toBeLessThanOrEqual(3);
      }
    }
  });

  // A not-applicable reason is how a case leaves a key question's sub-sample (Blackpool 2021,
  // Annexe 1 "Ratings explained"). A reason that restates who the question is asked of can never
  // be recorded (the question is not asked then), so an offered reason must be about the case's
  // work, never about its type or disposal: applicability is onlyForDisposals/caseType alone.
  it('offers only not-applicable reasons that can be recorded on a case the key question is asked of', () => {
    const disposals = [...COURT_DISPOSALS, ...OUT_OF_COURT_DISPOSALS].map((d) => d.replace(/_/g, ' '));
    const restatesApplicability = new RegExp(`\\bnot an? (${[...disposals, 'court', 'out-of-court', 'resettlement'].join('|')})\\b`, 'i');
    for (const standard of listCaseMarkedStandards(framework)) {
      const disposalsOfType = standard.caseType === 'court' ? COURT_DISPOSALS : OUT_OF_COURT_DISPOSALS;
      for (const kq of standard.keyQuestions) {
        const askedOn = disposalsOfType.filter((disposal) => isKeyQuestionApplicable(kq, { type: standard.caseType!, disposal }));
        expect(askedOn.length, `${kq.id} is asked of some case`).toBeGreaterThan(0);
        for (const reason of kq.naReasons) {
          expect(reason, `${kq.id}: "${reason}" restates who the question is asked of`).not.toMatch(restatesApplicability);
        }
      }
    }
  });

  it('gives qualitative standards their printed questions, with no prompts or N/A reasons', () => {
    for (const standard of listQualitativeStandards(framework)) {
      expect(standard.keyQuestions.length, standard.id).toBeGreaterThanOrEqual(3);
      for (const kq of standard.keyQuestions) {
        expect(kq.text).toMatch(/\?$/);
        expect(kq.prompts).toEqual([]);
        expect(kq.naReasons).toEqual([]);
        expect(kq.onlyForDisposals).toBeUndefined();
      }
    }
  });

  it('uses clean texts: trimmed, single-spaced, straight quotes, no a) prefixes', () => {
    for (const [where, text] of allTexts(framework)) {
      expect(text, where).toBe(text.trim());
      expect(text.length, where).toBeGreaterThan(0);
      expect(text, where).not.toMatch(/\s{2,}|[\t\n]/);
      expect(text, where).not.toMatch(/[\u2018\u2019\u201c\u201d]/);
      expect(text, where).not.toMatch(/^[a-z]\)/);
      expect(text, where).not.toMatch(/^(Where applicable|In cases where it is required),/);
    }
    for (const kq of allKeyQuestions(framework)) {
      expect(kq.text, kq.id).toMatch(/\?$/);
      for (const p of kq.prompts) expect(p.text, p.id).toMatch(/^[A-Z].*\?$/);
    }
    for (const s of listStandards(framework)) expect(s.descriptor, s.id).toMatch(/^[A-Z].*\.$/);
  });

  it('indexes every key question and prompt of the case-marked standards', () => {
    for (const standard of listCaseMarkedStandards(framework)) {
      for (const kq of standard.keyQuestions) {
        expect(findQuestion(framework, kq.id)).toMatchObject({ kind: 'key_question', standard: { id: standard.id } });
        for (const p of kq.prompts) expect(findQuestion(framework, p.id)).toMatchObject({ kind: 'prompt' });
      }
    }
    // Qualitative standards are not case-marked questions.
    expect(findQuestion(framework, '1.1.1')).toBeUndefined();
  });

  it('lets court cases answer court questions only, and out-of-court cases out-of-court questions only', () => {
    const court = { type: 'court' as const, disposal: 'referral_order' as const };
    const ooc = { type: 'out_of_court' as const, disposal: 'community_resolution' as const };
    expect(canAnswerQuestion(framework, court, '2.1.1')).toBe(true);
    expect(canAnswerQuestion(framework, court, '2.1.1.a')).toBe(true);
    expect(canAnswerQuestion(framework, court, '3.1.1')).toBe(false);
    expect(canAnswerQuestion(framework, ooc, '3.1.1.a')).toBe(true);
    expect(canAnswerQuestion(framework, ooc, '2.4.1')).toBe(false);
    expect(canAnswerQuestion(framework, court, '2.9.9')).toBe(false);
    expect(listKeyQuestionsForCase(framework, court).map((kq) => kq.id)).toHaveLength(12);
  });
});

describe('framework 2018', () => {
  const f = FRAMEWORK_2018;

  it('case-marks 3.4 Joint working for out-of-court cases', () => {
    expect(listCaseMarkedStandards(f).map((s) => s.id)).toEqual(['2.1', '2.2', '2.3', '2.4', '3.1', '3.2', '3.3', '3.4']);
    const joint = findStandard(f, '3.4')!;
    expect(joint).toMatchObject({ title: 'Joint working', kind: 'case_marked', caseType: 'out_of_court' });
    expect(joint.descriptor).toBe(
      'Joint working with the police supports the delivery of high-quality, personalised and coordinated services.',
    );
    expect(joint.keyQuestions.map((kq) => kq.id)).toEqual(['3.4.1', '3.4.2']);
    expect(joint.keyQuestions[0]?.text).toBe(
      "Are the YOT's recommendations sufficiently well-informed, analytical and personalised to the child, supporting joint decision-making?",
    );
    expect(joint.keyQuestions[1]?.text).toBe('Does the YOT work effectively with the police in implementing the out-of-court disposal?');
    expect(at(joint.keyQuestions, 0).onlyForDisposals).toBeUndefined();
  });

  // "We inspected the quality of YOT recommendations and joint decision-making in all children's
  // records" (Blackpool 2021, 3. Out-of-court disposals); Wigan 2021 3.4 "Of the 5 cases
  // inspected: Relevant cases 5"; Dudley 2019 Annex 2, 3.4.1 64% = 9 of all 14 out-of-court cases.
  it('asks 3.4.1 of every out-of-court case, offering no reason to take a case out of it', () => {
    const kq = findStandard(f, '3.4')!.keyQuestions[0];
    expect(kq?.id).toBe('3.4.1');
    expect(kq?.naReasons).toEqual([]);
    expect(kq?.naGuidance).toMatch(/every out-of-court case.*not referred to the YOT.*the answer is No/);
    for (const disposal of OUT_OF_COURT_DISPOSALS) {
      expect(
        listKeyQuestionsForCase(f, { type: 'out_of_court', disposal }).map((k) => k.id),
        disposal,
      ).toContain('3.4.1');
    }
  });

  it('applies 3.4.2 only to youth conditional cautions', () => {
    const kq = findStandard(f, '3.4')!.keyQuestions[1];
    expect(kq?.onlyForDisposals).toEqual(['youth_conditional_caution']);
    // "Not a youth conditional caution" could never be recorded: the question is not asked then.
    expect(kq?.naReasons).toEqual([]);
    const youthCaution = { type: 'out_of_court' as const, disposal: 'youth_caution' as const };
    const ycc = { type: 'out_of_court' as const, disposal: 'youth_conditional_caution' as const };
    expect(canAnswerQuestion(f, youthCaution, '3.4.2')).toBe(false);
    expect(canAnswerQuestion(f, youthCaution, '3.4.2.a')).toBe(false);
    expect(canAnswerQuestion(f, youthCaution, '3.4.1')).toBe(true);
    expect(canAnswerQuestion(f, ycc, '3.4.2')).toBe(true);
    expect(canAnswerQuestion(f, ycc, '3.4.2.b')).toBe(true);
    expect(canAnswerQuestion(f, { type: 'out_of_court', disposal: null }, '3.4.2')).toBe(false);
    expect(listQuestionIdsForCase(f, youthCaution)).not.toContain('3.4.2');
    expect(listQuestionIdsForCase(f, ycc)).toContain('3.4.2.a');
  });

  it('has no resettlement standard or aspects', () => {
    expect(f.domains.map((d) => d.id)).toEqual(['1', '2', '3']);
    expect(findStandard(f, '4.1')).toBeUndefined();
    expect(f.resettlementAspects).toEqual([]);
    expect(listStandards(f).some((s) => s.isRatedSeparately)).toBe(false);
    expect(canAnswerQuestion(f, { type: 'resettlement' }, '4.1.r01')).toBe(false);
  });

  it('prints the domain one questions (four under Staff)', () => {
    expect(listQualitativeStandards(f).map((s) => [s.id, s.keyQuestions.length])).toEqual([
      ['1.1', 3],
      ['1.2', 4],
      ['1.3', 3],
      ['1.4', 4],
    ]);
    expect(findStandard(f, '1.1')!.keyQuestions[0]?.text).toBe(
      'Is there a clear local vision and strategy for the delivery of a high-quality, personalised and responsive service for all children?',
    );
  });

  it('matches printed texts (spot checks)', () => {
    expect(findStandard(f, '2.1')!.descriptor).toBe(
      'Assessment is well-informed, analytical and personalised, actively involving the child and their parents/carers.',
    );
    expect(findStandard(f, '2.1')!.keyQuestions[0]?.text).toBe(
      "Does assessment sufficiently analyse how to support the child's desistance?",
    );
    const text = (id: string) => {
      const ref = findQuestion(f, id);
      return ref?.kind === 'prompt' ? ref.prompt.text : ref?.kind === 'key_question' ? ref.keyQuestion.text : undefined;
    };
    // Blackpool 2021, Annexe 2
    expect(text('2.1.1.a')).toBe(
      "Is there sufficient analysis of offending behaviour, including the child's attitudes towards and motivations for their offending?",
    );
    expect(text('2.1.1.g')).toBe(
      'Is the child and their parents/carers meaningfully involved in their assessment, and are their views taken into account?',
    );
    expect(text('2.4.1.e')).toBe('Does reviewing lead to the necessary adjustments in the ongoing plan of work to support desistance?');
    expect(text('3.3.3.a')).toBe('Is sufficient attention given to the protection of actual and potential victims?');
    expect(text('3.4.2.a')).toBe('Does the YOT inform the police of progress and outcomes in a sufficient and timely manner?');
    expect(text('3.2.1')).toBe("Does planning focus on supporting the child's desistance?");
    expect(text('3.3.1')).toBe("Does service delivery effectively support the child's desistance?");
  });

  it('has the prompt counts printed in the reports', () => {
    const counts = Object.fromEntries(
      allKeyQuestions(f)
        .filter((kq) => kq.prompts.length)
        .map((kq) => [kq.id, kq.prompts.length]),
    );
    expect(counts).toEqual({
      '2.1.1': 7,
      '2.1.2': 3,
      '2.1.3': 3,
      '2.2.1': 6,
      '2.2.2': 4,
      '2.2.3': 5,
      '2.3.1': 7,
      '2.3.2': 2,
      '2.3.3': 3,
      '2.4.1': 5,
      '2.4.2': 3,
      '2.4.3': 4,
      '3.1.1': 7,
      '3.1.2': 2,
      '3.1.3': 2,
      '3.2.1': 7,
      '3.2.2': 3,
      '3.2.3': 4,
      '3.3.1': 5,
      '3.3.2': 2,
      '3.3.3': 2,
      '3.4.1': 6,
      '3.4.2': 2,
    });
  });
});

describe('framework 2021', () => {
  const f = FRAMEWORK_2021;

  it('case-marks only 2.1-2.4 and 3.1-3.3', () => {
    expect(listCaseMarkedStandards(f).map((s) => s.id)).toEqual(['2.1', '2.2', '2.3', '2.4', '3.1', '3.2', '3.3']);
    expect(findQuestion(f, '3.4.2')).toBeUndefined();
    expect(canAnswerQuestion(f, { type: 'out_of_court', disposal: 'youth_conditional_caution' }, '3.4.2')).toBe(false);
  });

  it('judges 3.4 Out-of-court disposal policy and provision qualitatively', () => {
    const standard = findStandard(f, '3.4')!;
    expect(standard).toMatchObject({ title: 'Out-of-court disposal policy and provision', kind: 'qualitative' });
    expect(standard.caseType).toBeUndefined();
    expect(standard.isRatedSeparately).toBeFalsy();
    expect(standard.descriptor).toBe(
      'There is a high-quality, evidence-based out-of-court disposal service in place that promotes diversion and supports sustainable desistance.',
    );
    expect(standard.keyQuestions.map((kq) => kq.id)).toEqual(['3.4.1', '3.4.2', '3.4.3']);
  });

  it('rates 4.1 Resettlement separately, outside the 12 core standards', () => {
    expect(f.domains.map((d) => [d.id, d.title])).toEqual([
      ['1', 'Organisational delivery'],
      ['2', 'Court disposals'],
      ['3', 'Out-of-court disposals'],
      ['4', 'Resettlement'],
    ]);
    const resettlement = findStandard(f, '4.1')!;
    expect(resettlement).toMatchObject({
      title: 'Resettlement policy and provision',
      kind: 'qualitative',
      isRatedSeparately: true,
    });
    expect(resettlement.caseType).toBeUndefined();
    expect(resettlement.keyQuestions).toHaveLength(3);
    expect(listCoreStandards(f).map((s) => s.id)).not.toContain('4.1');
    expect(
      listStandards(f)
        .filter((s) => s.isRatedSeparately)
        .map((s) => s.id),
    ).toEqual(['4.1']);
  });

  it('has 10 resettlement aspects, phrased as yes/no questions, for resettlement cases only', () => {
    expect(f.resettlementAspects.map((a) => a.id)).toEqual([
      '4.1.r01',
      '4.1.r02',
      '4.1.r03',
      '4.1.r04',
      '4.1.r05',
      '4.1.r06',
      '4.1.r07',
      '4.1.r08',
      '4.1.r09',
      '4.1.r10',
    ]);
    for (const a of f.resettlementAspects) {
      expect(a.text, a.id).toMatch(/^(Did|Was|Were|Where) .*\?$/);
      expect(a.shortLabel.length, a.id).toBeLessThanOrEqual(40);
    }
    expect(f.resettlementAspects[0]?.text).toBe('Did resettlement planning start at the beginning of the sentence?');
    const resettlementCase = { type: 'resettlement' as const, disposal: 'custodial_sentence' as const };
    expect(canAnswerQuestion(f, resettlementCase, '4.1.r01')).toBe(true);
    expect(canAnswerQuestion(f, resettlementCase, '2.1.1')).toBe(false);
    expect(canAnswerQuestion(f, { type: 'court', disposal: 'custodial_sentence' }, '4.1.r01')).toBe(false);
    expect(listQuestionIdsForCase(f, resettlementCase)).toHaveLength(10);
  });

  it('prints the domain one questions (five under Staff)', () => {
    expect(listQualitativeStandards(f).map((s) => [s.id, s.keyQuestions.length])).toEqual([
      ['1.1', 3],
      ['1.2', 5],
      ['1.3', 3],
      ['1.4', 4],
      ['3.4', 3],
      ['4.1', 3],
    ]);
    expect(findStandard(f, '1.1')!.keyQuestions[0]?.text).toBe(
      'Is there an effective local vision and strategy for the delivery of a high-quality, personalised and responsive service for all children?',
    );
    expect(findStandard(f, '1.2')!.keyQuestions[4]?.text).toBe('Do managers pay sufficient attention to staff engagement?');
  });

  it('matches printed texts (spot checks from Leicestershire Annexe 2)', () => {
    const prompt = (id: string) => {
      const ref = findQuestion(f, id);
      return ref?.kind === 'prompt' ? ref.prompt.text : undefined;
    };
    expect(prompt('2.1.1.a')).toBe(
      "Is there sufficient analysis of offending behaviour, including the child's attitudes towards and motivations for their offending?",
    );
    expect(prompt('2.1.1.b')).toBe('Does assessment sufficiently analyse diversity issues?');
    expect(prompt('2.1.1.i')).toBe(
      'Are the child and their parents or carers meaningfully involved in their assessment, and are their views taken into account?',
    );
    // The annexe prints two d) prompts under 2.4.1; they are lettered in printed order.
    expect(prompt('2.4.1.d')).toBe(
      'Does reviewing consider the personal circumstances, including the wider familial and social context of the child?',
    );
    expect(prompt('2.4.1.e')).toBe('Does reviewing consider motivation and engagement levels and any relevant barriers?');
    expect(prompt('2.4.1.g')).toBe('Does reviewing lead to the necessary adjustments in the ongoing plan of work to support desistance?');
    expect(prompt('3.3.3.a')).toBe('Are the delivered services sufficient to manage and minimise the risk of harm?');
    // Not printed in the 2021 reports: filled from the 2018 list (see docs/frameworks.md).
    expect(prompt('3.3.3.b')).toBe('Is sufficient attention given to the protection of actual and potential victims?');
    expect(findStandard(f, '2.3')!.keyQuestions[1]?.text).toBe(
      'Does the implementation and delivery of services effectively support the safety of the child?',
    );
  });

  it('has the prompt counts printed in Leicestershire Annexe 2', () => {
    const counts = Object.fromEntries(
      allKeyQuestions(f)
        .filter((kq) => kq.prompts.length)
        .map((kq) => [kq.id, kq.prompts.length]),
    );
    expect(counts).toEqual({
      '2.1.1': 9,
      '2.1.2': 3,
      '2.1.3': 3,
      '2.2.1': 7,
      '2.2.2': 4,
      '2.2.3': 5,
      '2.3.1': 8,
      '2.3.2': 2,
      '2.3.3': 3,
      '2.4.1': 7,
      '2.4.2': 3,
      '2.4.3': 3,
      '3.1.1': 9,
      '3.1.2': 2,
      '3.1.3': 2,
      '3.2.1': 8,
      '3.2.2': 3,
      '3.2.3': 4,
      '3.3.1': 6,
      '3.3.2': 2,
      '3.3.3': 2,
    });
  });
});

describe('2018 and 2021 together', () => {
  it('keep the court key-question wording unchanged between versions', () => {
    for (const id of ['2.1', '2.2', '2.3', '2.4', '3.1', '3.2', '3.3']) {
      const a = findStandard(FRAMEWORK_2018, id)!.keyQuestions.map((kq) => kq.text);
      const b = findStandard(FRAMEWORK_2021, id)!.keyQuestions.map((kq) => kq.text);
      expect(b, id).toEqual(a);
    }
  });

  it('use the same N/A reason for keeping-the-child-safe and keeping-other-people-safe questions', () => {
    for (const f of [FRAMEWORK_2018, FRAMEWORK_2021]) {
      for (const s of listCaseMarkedStandards(f).filter((s) => s.id !== '3.4' && !s.id.endsWith('.1'))) {
        expect(s.keyQuestions[1]?.naReasons, s.keyQuestions[1]?.id).toContain("No factors related to the child's safety and wellbeing");
        expect(s.keyQuestions[2]?.naReasons, s.keyQuestions[2]?.id).toContain('No factors related to the risk of harm to others');
      }
    }
  });
});
