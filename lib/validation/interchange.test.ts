import { describe, expect, it } from 'vitest';
import { formatPath, parseInspectionDocument, ZInspectionDocument, type TInspectionDocument } from './interchange';

function doc(overrides: Record<string, unknown> = {}, inspection: Record<string, unknown> = {}) {
  return {
    format: 'casemark/inspection@1',
    inspection: { service: 'Anytown YJS', framework: '2018', ...inspection },
    cases: [],
    ...overrides,
  };
}

function errorsOf(json: unknown): string[] {
  const result = parseInspectionDocument(json);
  if (result.ok) throw new Error('expected the document to be invalid');
  return result.errors;
}

describe('valid documents', () => {
  it('accepts the minimal document', () => {
    const result = parseInspectionDocument(doc());
    expect(result.ok).toBe(true);
  });

  it('accepts every documented field and extra optional ones, returning the typed value', () => {
    const json = doc(
      {
        cases: [
          {
            ref: 'C01',
            type: 'court',
            disposal: 'referral_order',
            gender: 'male',
            rosh: 'medium',
            safetyWellbeing: 'high',
            inspector: 'ada@example.gov.uk',
            sentenceDate: '2021-03-01',
            caseManager: 'J. Smith',
            status: 'complete',
            answers: { '2.1.1': 'yes', '2.1.1.a': 'no', '2.1.2': 'na' },
            notes: { '2.1.1': 'Thorough analysis.', '2.1.2': 'No factors related to the child’s safety.' },
          },
          { ref: 'O01', type: 'out_of_court', disposal: 'youth_conditional_caution', answers: { '3.4.2': 'yes', '3.4.2.a': 'yes' } },
        ],
        judgements: { '1.1': 'good', '1.2': { rating: 'requires_improvement', evidence: 'Staff survey' }, '1.3': null },
        panel: [{ standard: '3.4', rating: 'good', rationale: 'Recommendations were strong in substance.', decidedBy: 'lead' }],
        exportedAt: '2021-09-01T10:00:00Z',
      },
      {
        title: 'Inspection of youth offending services in Anytown',
        fieldworkStart: '2021-05-17',
        fieldworkEnd: '2021-06-11',
        previous: { ratings: { '1.1': 'inadequate' }, keyQuestionPct: { '2.2.1': 54 } },
      },
    );
    const result = parseInspectionDocument(json);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const value: TInspectionDocument = result.value;
    expect(value.cases[0]?.answers['2.1.1']).toBe('yes');
    expect(value.cases[0]?.caseManager).toBe('J. Smith');
    expect(value.inspection.previous?.keyQuestionPct?.['2.2.1']).toBe(54);
  });

  it('accepts a 2021 document with resettlement cases answering resettlement aspects, and 4.1/3.4 judgements', () => {
    const json = doc(
      {
        cases: [
          { ref: 'R1', type: 'resettlement', disposal: 'custodial_sentence', answers: { '4.1.r01': 'yes' } },
          { ref: 'C1', type: 'court', disposal: 'referral_order', answers: { '2.1.1': 'no' } },
        ],
        judgements: { '3.4': 'inadequate', '4.1': 'requires_improvement' },
        panel: [{ standard: '2.1', rating: 'requires_improvement', rationale: 'Not representative.' }],
      },
      { framework: '2021' },
    );
    expect(ZInspectionDocument.safeParse(json).success).toBe(true);
  });
});

describe('framework checks name the case and the question', () => {
  const court = (answers: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
    ref: 'C07',
    type: 'court',
    answers,
    ...extra,
  });

  it('rejects a question id that does not exist in the framework', () => {
    expect(errorsOf(doc({ cases: [court({ '2.1.9': 'yes' })] }))).toEqual([
      'cases[0].answers["2.1.9"]: Case "C07": question "2.1.9" does not exist in the 2018 framework',
    ]);
  });

  it('explains that qualitative standards are not marked on cases', () => {
    expect(errorsOf(doc({ cases: [court({ '1.1.1': 'yes' })] }))).toEqual([
      'cases[0].answers["1.1.1"]: Case "C07": question "1.1.1" does not exist in the 2018 framework (1.1 is a qualitative standard: it is judged by the lead inspector, not marked on cases)',
    ]);
    // 3.4 is qualitative in 2021, so 3.4.1 is no case-marking question there.
    const errors = errorsOf(
      doc({ cases: [{ ref: 'O1', type: 'out_of_court', disposal: 'youth_caution', answers: { '3.4.1': 'yes' } }] }, { framework: '2021' }),
    );
    expect(errors).toEqual([
      'cases[0].answers["3.4.1"]: Case "O1": question "3.4.1" does not exist in the 2021 framework (3.4 is a qualitative standard: it is judged by the lead inspector, not marked on cases)',
    ]);
  });

  it('rejects 3.4.2 on a youth caution (youth conditional cautions only)', () => {
    const errors = errorsOf(
      doc({ cases: [{ ref: 'OOC-05', type: 'out_of_court', disposal: 'youth_caution', answers: { '3.4.2': 'yes' } }] }),
    );
    expect(errors).toEqual([
      'cases[0].answers["3.4.2"]: Case "OOC-05": answer to "3.4.2" cannot apply to this case: "3.4.2" applies only to youth_conditional_caution cases, and this case is youth_caution',
    ]);
  });

  it('rejects 3.4.2 on an out-of-court case with no disposal, and its prompts too', () => {
    const errors = errorsOf(doc({ cases: [{ ref: 'O2', type: 'out_of_court', answers: { '3.4.2.a': 'yes' } }] }));
    expect(errors).toEqual([
      'cases[0].answers["3.4.2.a"]: Case "O2": answer to "3.4.2.a" cannot apply to this case: "3.4.2.a" applies only to youth_conditional_caution cases, and this case is without a disposal',
    ]);
  });

  it('rejects a court question on an out-of-court case, and the other way round', () => {
    const errors = errorsOf(
      doc({
        cases: [
          { ref: 'O3', type: 'out_of_court', answers: { '2.1.1': 'yes' } },
          { ref: 'C3', type: 'court', answers: { '3.1.1': 'no' } },
        ],
      }),
    );
    expect(errors).toEqual([
      'cases[0].answers["2.1.1"]: Case "O3": answer to "2.1.1" cannot apply to this case: "2.1.1" belongs to 2.1, which is marked on court cases, not on an out-of-court case',
      'cases[1].answers["3.1.1"]: Case "C3": answer to "3.1.1" cannot apply to this case: "3.1.1" belongs to 3.1, which is marked on out-of-court cases, not on a court case',
    ]);
  });

  it('rejects resettlement aspects on other cases and key questions on resettlement cases (2021)', () => {
    const errors = errorsOf(
      doc(
        {
          cases: [
            { ref: 'C1', type: 'court', answers: { '4.1.r01': 'yes' } },
            { ref: 'R1', type: 'resettlement', answers: { '2.1.1': 'yes' } },
          ],
        },
        { framework: '2021' },
      ),
    );
    expect(errors).toEqual([
      'cases[0].answers["4.1.r01"]: Case "C1": answer to "4.1.r01" cannot apply to this case: "4.1.r01" is a resettlement aspect, answered only on resettlement cases, not on a court case',
      'cases[1].answers["2.1.1"]: Case "R1": answer to "2.1.1" cannot apply to this case: "2.1.1" belongs to 2.1, which is not marked on resettlement cases (they answer the resettlement aspects only)',
    ]);
  });

  it('rejects a value other than yes, no and na', () => {
    expect(errorsOf(doc({ cases: [court({ '2.1.1': 'maybe', '2.1.2': true, '2.1.3': null })] }))).toEqual([
      'cases[0].answers["2.1.1"]: Case "C07": answer to "2.1.1" is "maybe"; expected "yes", "no" or "na"',
      'cases[0].answers["2.1.2"]: Case "C07": answer to "2.1.2" is true; expected "yes", "no" or "na"',
      'cases[0].answers["2.1.3"]: Case "C07": answer to "2.1.3" is null; expected "yes", "no" or "na"',
    ]);
  });

  it('checks note keys like answer keys', () => {
    expect(errorsOf(doc({ cases: [court({}, { notes: { '9.9.9': 'x', '3.1.1': 'y' } })] }))).toEqual([
      'cases[0].notes["9.9.9"]: Case "C07": question "9.9.9" does not exist in the 2018 framework',
      'cases[0].notes["3.1.1"]: Case "C07": note on "3.1.1" cannot apply to this case: "3.1.1" belongs to 3.1, which is marked on out-of-court cases, not on a court case',
    ]);
  });

  it('rejects a duplicate case ref', () => {
    expect(errorsOf(doc({ cases: [court({}), court({}), { ref: 'C08', type: 'court', answers: {} }] }))).toEqual([
      'cases[1].ref: Case "C07" appears more than once (cases 1 and 2): case refs must be unique',
    ]);
  });

  it('rejects a disposal inconsistent with the case type', () => {
    expect(
      errorsOf(
        doc({
          cases: [court({}, { disposal: 'youth_caution' }), { ref: 'O9', type: 'out_of_court', disposal: 'referral_order', answers: {} }],
        }),
      ),
    ).toEqual([
      'cases[0].disposal: Case "C07": disposal "youth_caution" does not fit a court case (it is an out-of-court disposal)',
      'cases[1].disposal: Case "O9": disposal "referral_order" does not fit an out-of-court case (it is a court disposal)',
    ]);
    const resettlement = errorsOf(
      doc({ cases: [{ ref: 'R2', type: 'resettlement', disposal: 'community_resolution', answers: {} }] }, { framework: '2021' }),
    );
    expect(resettlement).toEqual([
      'cases[0].disposal: Case "R2": disposal "community_resolution" does not fit a resettlement case (it is an out-of-court disposal)',
    ]);
  });

  it('rejects resettlement cases in a 2018 inspection', () => {
    expect(errorsOf(doc({ cases: [{ ref: 'R3', type: 'resettlement', answers: {} }] }))).toEqual([
      'cases[0].type: Case "R3" is a resettlement case, but the 2018 framework has no resettlement standard',
    ]);
  });

  it('rejects a judgement for a case-marked or unknown standard', () => {
    expect(errorsOf(doc({ judgements: { '2.1': 'good', '5.1': 'good', '1.1': 'good' } }))).toEqual([
      'judgements["2.1"]: Judgement for "2.1": 2.1 is case-marked, so its rating is computed from the cases (use a panel decision to apply professional judgement)',
      'judgements["5.1"]: Judgement for "5.1": no such standard in the 2018 framework',
    ]);
    // 3.4 is case-marked in 2018 …
    expect(errorsOf(doc({ judgements: { '3.4': 'good' } }))).toHaveLength(1);
    // … and qualitative in 2021.
    expect(parseInspectionDocument(doc({ judgements: { '3.4': 'good' } }, { framework: '2021' })).ok).toBe(true);
  });

  it('rejects a panel decision for a non-case-marked, unknown or repeated standard', () => {
    const errors = errorsOf(
      doc(
        {
          panel: [
            { standard: '1.2', rating: 'good', rationale: 'r' },
            { standard: '3.4', rating: 'good', rationale: 'r' },
            { standard: '2.2', rating: 'good', rationale: 'r' },
            { standard: '2.2', rating: 'outstanding', rationale: 'r' },
            { standard: '7.1', rating: 'good', rationale: 'r' },
          ],
        },
        { framework: '2021' },
      ),
    );
    expect(errors).toEqual([
      `panel[0].standard: Panel decision for "1.2": 1.2 is not case-marked (it takes the lead inspector's judgement, under "judgements")`,
      `panel[1].standard: Panel decision for "3.4": 3.4 is not case-marked (it takes the lead inspector's judgement, under "judgements")`,
      'panel[2].standard: Panel decision for "2.2": 2.2 has no computed rating yet (none of its key questions has a relevant case), so there is no rating for the panel to depart from: professional judgement applies only to a computed rating',
      'panel[3].standard: Panel decision for "2.2" appears more than once: give one decision per standard',
      'panel[4].standard: Panel decision for "7.1": no such standard in the 2021 framework',
    ]);
  });

  // Professional discretion departs from a computed rating near a boundary (Blackpool 2021 and
  // Wigan 2021, Annexe 1): a standard with no "yes" or "no" on any key question has none.
  it('rejects a panel decision on a standard no case answers yes or no', () => {
    const onlyNa = {
      ref: 'C1',
      type: 'court',
      disposal: 'referral_order',
      answers: { '2.2.1': 'na', '2.2.2': 'na', '2.2.3': 'na', '2.1.1': 'yes' },
    };
    const errors = errorsOf(
      doc(
        {
          cases: [onlyNa],
          panel: [
            { standard: '2.2', rating: 'good', rationale: 'r' },
            { standard: '2.1', rating: 'good', rationale: 'r' },
          ],
        },
        { framework: '2021' },
      ),
    );
    expect(errors).toEqual([
      'panel[0].standard: Panel decision for "2.2": 2.2 has no computed rating yet (none of its key questions has a relevant case), so there is no rating for the panel to depart from: professional judgement applies only to a computed rating',
    ]);
  });
});

describe('shape errors', () => {
  it('rejects something that is not an object', () => {
    expect(errorsOf([])).toEqual(['(document): Expected an inspection document: a JSON object with "format", "inspection" and "cases"']);
    expect(errorsOf('x')).toHaveLength(1);
  });

  it('names the path of each shape error', () => {
    const errors = errorsOf({
      format: 'casemark/inspection@2',
      inspection: { service: '', framework: '2019', fieldworkStart: '17/05/2021' },
      cases: [{ ref: 'C1', type: 'custody', rosh: 'severe', inspector: 'not-an-email', answers: {} }],
      judgements: { '1.1': 'great' },
      panel: [{ standard: '2.1', rating: 'good' }],
    });
    expect(errors).toEqual([
      'format: Expected "format": "casemark/inspection@1"',
      'inspection.service: Enter the service’s name',
      'inspection.framework: Expected a framework: one of "2018", "2021"',
      'inspection.fieldworkStart: Expected a date as YYYY-MM-DD',
      'cases[0].type: Expected a case type: one of court, out_of_court, resettlement',
      'cases[0].rosh: Expected a level: one of low, medium, high, very_high',
      'cases[0].inspector: Expected the inspector’s email address',
      'judgements["1.1"]: Expected a judgement: a rating (one of inadequate, requires_improvement, good, outstanding), null, or { "rating": …, "evidence": … }',
      'panel[0].rationale: Expected the panel’s rationale (text)',
    ]);
  });

  it('reports shape errors and framework errors together', () => {
    const errors = errorsOf(doc({ cases: [{ ref: 'C1', type: 'court', rosh: 'severe', answers: { '2.1.1': 'si' } }] }));
    expect(errors).toEqual([
      'cases[0].rosh: Expected a level: one of low, medium, high, very_high',
      'cases[0].answers["2.1.1"]: Case "C1": answer to "2.1.1" is "si"; expected "yes", "no" or "na"',
    ]);
  });

  it('requires cases and answers', () => {
    expect(errorsOf({ format: 'casemark/inspection@1', inspection: { service: 'X', framework: '2018' } })).toEqual([
      'cases: Expected "cases": a list of cases',
    ]);
    expect(errorsOf(doc({ cases: [{ ref: 'C1', type: 'court' }] }))).toEqual([
      'cases[0].answers: Expected answers: an object of question id → "yes" | "no" | "na"',
    ]);
  });
});

describe('formatPath', () => {
  it('writes readable paths', () => {
    expect(formatPath(['cases', 3, 'answers', '2.1.1'])).toBe('cases[3].answers["2.1.1"]');
    expect(formatPath([])).toBe('(document)');
  });
});

describe('docs/interchange.md', () => {
  it('has a full example that is valid', async () => {
    const { readFileSync } = await import('node:fs');
    const text = readFileSync(new URL('../../docs/interchange.md', import.meta.url), 'utf8');
    const example = /```json\n([\s\S]*?)\n```/.exec(text)?.[1];
    expect(example).toBeDefined();
    const result = parseInspectionDocument(JSON.parse(example as string));
    expect(result.ok ? [] : result.errors).toEqual([]);
  });
});
