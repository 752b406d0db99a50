/**
 * The prompt phrases (lib/framework/prompt-phrases.ts) against the reports' own wording: report
 * sentences reproduced word for word from the generated sentence with the report's numbers, the
 * clauses the phrases were taken from, and every phrase reading as English after the count.
 */
import { describe, expect, it } from 'vitest';
import { PROMPT_PHRASES } from '@/lib/framework/prompt-phrases';
import { FRAMEWORK_VERSIONS, type FrameworkVersion } from '@/lib/framework/types';
import { countSentence, promptPhrase } from './sentences';

const phrase = (version: FrameworkVersion, promptId: string) => {
  const found = promptPhrase(version, promptId);
  if (!found) throw new Error(`no phrase for ${version} ${promptId}`);
  return found;
};

describe('report sentences reproduced word for word from the generated sentence', () => {
  it('domain two, court disposals: Leicestershire 2021 (004_46eac8fc65744bcf.txt), 2.1', () => {
    expect(countSentence({ yes: 11, relevant: 13 }, phrase('2021', '2.1.1.a'))).toBe(
      "In 11 of the 13 cases inspected, the assessment had sufficient analysis of offending behaviour, including the child's motivation and attitudes towards their behaviour.",
    );
  });

  it('domain three, out-of-court disposals: Leicestershire 2021 (004_46eac8fc65744bcf.txt), 3.3, in the brief form', () => {
    expect(countSentence({ yes: 9, relevant: 17 }, phrase('2021', '3.3.1.a'), true)).toBe(
      'In nine of the 17 cases, the delivered services were those most likely to achieve desistance.',
    );
  });

  it('the brief form leaves out only "inspected"', () => {
    const p = phrase('2021', '3.3.1.a');
    for (const [yes, relevant] of [
      [9, 17],
      [17, 17],
      [2, 2],
      [0, 4],
      [1, 1],
      [0, 1],
    ] as const) {
      const full = countSentence({ yes, relevant }, p);
      expect(countSentence({ yes, relevant }, p, true), `${yes} of ${relevant}`).toBe(full?.replace(/ inspected\b/, ''));
    }
  });
});

/**
 * Report sentences that count a prompt, each holding its phrase word for word after its count
 * ("In 12 cases, <phrase>"): where a report counts the cases that fell short, inverts the clause
 * ("In only seven of 17 cases was diversity considered"), shares its subject with another prompt
 * or names the child "child or young person", the phrase is adapted and is not listed here (its
 * comment in lib/framework/prompt-phrases.ts says how).
 */
const TAKEN_AS_WRITTEN: readonly [FrameworkVersion, string, string, string][] = [
  ['2021', '2.1.1.e', '004_46eac8fc65744bcf.txt', "In 12 cases, the assessment focused on the child's strengths and protective factors"],
  [
    '2021',
    '2.1.1.g',
    '004_46eac8fc65744bcf.txt',
    "in 11 cases sufficient attention was paid to the child's maturity, motivation and ability to engage",
  ],
  ['2021', '2.1.1.h', '004_46eac8fc65744bcf.txt', 'In eight cases sufficient attention was paid to the wishes of the victim'],
  ['2021', '2.1.1.i', '004_46eac8fc65744bcf.txt', 'In 11 cases, children and carers were involved meaningfully in their assessment.'],
  ['2021', '2.1.2.a', '004_46eac8fc65744bcf.txt', 'the risks to safety and wellbeing had been adequately assessed in only seven cases'],
  ['2021', '2.1.2.b', '004_46eac8fc65744bcf.txt', 'In nine out of 13 cases, information informed the assessment sufficiently'],
  [
    '2021',
    '2.1.3.a',
    '004_46eac8fc65744bcf.txt',
    'the risk of serious harm presented by children to others was analysed sufficiently in only five cases',
  ],
  [
    '2021',
    '2.1.3.b',
    '003_ce93bfaa3cc60c15.txt',
    'In every case, inspectors saw evidence that case managers had used information from other agencies and sources',
  ],
  [
    '2021',
    '2.2.1.d',
    '004_46eac8fc65744bcf.txt',
    "In 12 of the cases, planning took account of the child's strengths and protective factors.",
  ],
  [
    '2021',
    '2.2.1.e',
    '004_46eac8fc65744bcf.txt',
    "In all cases, planning incorporated a consideration of the child's maturity and motivation to change.",
  ],
  ['2021', '2.2.1.b', '003_ce93bfaa3cc60c15.txt', "planning to address the child's diversity was evident in most cases"],
  [
    '2021',
    '2.2.2.a',
    '004_46eac8fc65744bcf.txt',
    'Planning promoted the safety and wellbeing of the child, sufficiently addressing risks, in just over half of the cases.',
  ],
  [
    '2021',
    '2.2.3.b',
    '003_ce93bfaa3cc60c15.txt',
    'planning to manage the risk of harm to others involved other agencies in every relevant case',
  ],
  [
    '2021',
    '2.2.3.e',
    '003_ce93bfaa3cc60c15.txt',
    'In all relevant cases, inspectors found that contingency planning in relation to public protection was clear and detailed about specific actions to keep others safe.',
  ],
  [
    '2021',
    '2.3.1.b',
    '004_46eac8fc65744bcf.txt',
    'In 11 of the cases, diversity issues affecting the child were taken into account in the delivery of services.',
  ],
  [
    '2021',
    '2.3.1.c',
    '003_ce93bfaa3cc60c15.txt',
    'the wider familial and social context of the child, and the involvement of their parents or carers or significant others, was evident in all but one case',
  ],
  ['2021', '2.3.1.e', '004_46eac8fc65744bcf.txt', 'In all cases, there was a clear focus on maintaining effective working relationships.'],
  [
    '2021',
    '2.4.2.a',
    '004_46eac8fc65744bcf.txt',
    'In seven cases, reviewing identified and responded to changes in factors related to safety and wellbeing',
  ],
  [
    '2021',
    '3.1.1.a',
    '004_46eac8fc65744bcf.txt',
    "that there had been sufficient analysis of offending behaviour and the child's attitudes and motivation.",
  ],
  ['2021', '3.1.1.b', '004_46eac8fc65744bcf.txt', 'diversity issues were analysed sufficiently in only eight of the cases'],
  [
    '2021',
    '3.1.1.c',
    '004_46eac8fc65744bcf.txt',
    "a comprehensive analysis of the child's personal circumstances was evident in only nine cases",
  ],
  [
    '2021',
    '3.1.1.h',
    '003_ce93bfaa3cc60c15.txt',
    'we saw victim issues and opportunities for restorative justice were considered in all relevant cases',
  ],
  ['2021', '3.1.1.i', '003_ce93bfaa3cc60c15.txt', 'The involvement of the child and their parents or carers was evident in all cases.'],
  ['2021', '3.1.2.a', '004_46eac8fc65744bcf.txt', 'Any risks to the child were identified and analysed in only five of the 17 cases.'],
  [
    '2021',
    '3.2.1.f',
    '003_ce93bfaa3cc60c15.txt',
    'In all cases, planning focused on supporting access to universal services to promote community integration.',
  ],
  [
    '2021',
    '3.2.3.c',
    '003_ce93bfaa3cc60c15.txt',
    'in all of these cases, planning addressed specific concerns and risks related to actual and potential victims',
  ],
  [
    '2021',
    '3.3.1.a',
    '004_46eac8fc65744bcf.txt',
    'In nine of the 17 cases, the delivered services were those most likely to achieve desistance.',
  ],
  [
    '2021',
    '3.3.1.d',
    '004_46eac8fc65744bcf.txt',
    'in 11 of the cases, sufficient focus was identified in maintaining relationships with the parent or carer and child',
  ],
  [
    '2021',
    '3.3.3.b',
    '003_ce93bfaa3cc60c15.txt',
    'the case manager paid attention to the protection of actual and potential victims in all relevant cases',
  ],
  [
    '2018',
    '2.1.1.e',
    '000_c1174f08f6b47fac.txt',
    "The child's motivation to engage and change was carefully gauged in 12 of the 13 children's records.",
  ],
  [
    '2018',
    '2.2.1.a',
    '000_c1174f08f6b47fac.txt',
    "Plans contained activities most likely to support the child in ceasing to offend in 10 out of 12 children's records.",
  ],
  ['2018', '2.3.1.g', '000_c1174f08f6b47fac.txt', 'Where necessary, appropriate enforcement action was taken in all circumstances.'],
  [
    '2018',
    '3.2.1.g',
    '000_c1174f08f6b47fac.txt',
    "The child and their parent or carer were meaningfully involved in planning in eight out of the nine children's records",
  ],
  ['2018', '3.2.3.b', '000_c1174f08f6b47fac.txt', "Plans included the work of other agencies in four out of five children's records"],
  ['2018', '3.1.1.a', '002_b3ff77846e023e08.txt', 'In nearly all cases, there was sufficient analysis of offending behaviour,'],
  [
    '2018',
    '3.2.1.f',
    '002_b3ff77846e023e08.txt',
    'The needs and wishes of victims had been considered in only 29 per cent of relevant cases',
  ],
  [
    '2018',
    '3.4.1.f',
    '002_b3ff77846e023e08.txt',
    'In only 21 per cent of cases, the rationale for disposal decisions was appropriate and clearly recorded.',
  ],
  [
    '2018',
    '3.4.2.b',
    '002_b3ff77846e023e08.txt',
    'in all cases staff had given sufficient attention to compliance with, and enforcement of, the conditions',
  ],
];

describe('phrases taken as the reports write them', () => {
  it.each(TAKEN_AS_WRITTEN)('%s %s (%s)', (version, promptId, _report, sentence) => {
    // The report's sentence holds the phrase, but for the capital a sentence starts with.
    expect(sentence.toLowerCase()).toContain(phrase(version, promptId).toLowerCase());
  });
});

describe('every phrase reads after "In N of the M cases inspected, "', () => {
  const all = FRAMEWORK_VERSIONS.flatMap((version) => Object.entries(PROMPT_PHRASES[version]).map(([id, p]) => [version, id, p] as const));

  it.each(all)('%s %s', (_version, _id, p) => {
    expect(p).toMatch(/^[a-z]/); // continues the sentence
    expect(p).toMatch(/[A-Za-z)]$/); // no full stop, question mark or comma of its own
    expect(p).not.toMatch(/^(does|is|are|do|in|overall|we|inspectors)\b/i); // a statement, not a question, nor a count or its own frame
    expect(p).not.toMatch(/\s{2}|\s,|,,/);
    // The standards' names, not one service's ("the YJS"), and the child as the 2021 reports name them.
    expect(p).not.toMatch(/\b(YJS|YOS|Y&JS)\b|child or young person/);
    for (const [yes, relevant] of [
      [11, 13],
      [0, 4],
      [1, 1],
    ] as const) {
      const sentence = countSentence({ yes, relevant }, p) ?? '';
      expect(sentence.replace('e.g.', 'eg'), `${yes} of ${relevant}`).toMatch(/^In [^.?]*\.$/);
    }
  });
});
