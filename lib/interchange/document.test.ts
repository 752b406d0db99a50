import { describe, expect, it } from 'vitest';
import { getFramework } from '@/lib/framework';
import { FIXTURE_NAMES, loadReportFixture } from '@/lib/export/test-support/fixtures';
import { answerRowsOf, documentJudgementOf, documentMapsOf, judgementOf, parseCasemarkDocument } from './document';

const fw2021 = getFramework('2021');
const fw2018 = getFramework('2018');

function doc(overrides: Record<string, unknown> = {}, inspection: Record<string, unknown> = {}) {
  return {
    format: 'casemark/inspection@1',
    inspection: { service: 'Anytown YJS', framework: '2021', ...inspection },
    cases: [],
    ...overrides,
  };
}

function errorsOf(json: unknown): string[] {
  const result = parseCasemarkDocument(json);
  if (result.ok) throw new Error('expected errors');
  return result.errors;
}

describe('parseCasemarkDocument', () => {
  it('refuses a case reference that looks like a child’s name', () => {
    const result = parseCasemarkDocument({
      format: 'casemark/inspection@1',
      inspection: { service: 'Northshire YJS', framework: '2021' },
      cases: [{ ref: 'Jayden Smith', type: 'court', disposal: 'referral_order', answers: {} }],
    });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors.join('\n')).toMatch(/cases\[0\]\.ref.*looks like a name/);
  });

  it('accepts every report fixture (plain v1 files)', () => {
    for (const name of FIXTURE_NAMES) expect(parseCasemarkDocument(loadReportFixture(name).json).ok).toBe(true);
  });

  it('accepts the fields Casemark adds', () => {
    const result = parseCasemarkDocument(
      doc(
        {
          source: { application: 'Casemark', inspectionId: 'x', exportedAt: '2026-11-23T12:00:00.000Z' },
          cases: [
            {
              ref: 'C1',
              type: 'court',
              disposal: 'referral_order',
              status: 'complete',
              sentenceDate: '2026-01-02',
              caseManager: 'J. Smith',
              agreesWithRosh: true,
              agreesWithSafety: null,
              isCaseManagerInterviewed: false,
              isPracticeExample: true,
              practiceExample: 'Creative work with the family.',
              answers: { '2.1.1': 'no', '2.1.3': 'na' },
              notes: { '2.1.3': 'Checked the records.' },
              naReasons: { '2.1.3': 'No risk of harm to others' },
            },
          ],
          panel: [
            {
              standard: '2.1',
              rating: 'good',
              rationale: 'The sample was representative.',
              decidedBy: 'lead@example.gov.uk',
              decidedAt: '2026-11-20T10:00:00.000Z',
            },
          ],
          judgements: { '1.1': { rating: 'good', evidence: { '1.1.1': 'Clear vision.' } } },
        },
        {
          localAuthority: 'Anytown Council',
          region: 'North',
          status: 'panel',
          isPanelVisibleToTeam: true,
          team: [{ email: 'lead@example.gov.uk', role: 'lead_inspector' }],
          fieldworkStart: '2026-11-16',
          fieldworkEnd: '2026-11-20',
        },
      ),
    );
    expect(result.ok).toBe(true);
  });

  it('reports every problem with the added fields at once, beside the v1 ones', () => {
    const errors = errorsOf(
      doc(
        {
          cases: [
            {
              ref: 'C1',
              type: 'court',
              status: 'done',
              agreesWithRosh: 'yes',
              answers: { '2.1.1': 'maybe' },
              naReasons: { '3.1.1': 'Out of court only' },
            },
            { ref: 'X'.repeat(41), type: 'court', answers: {} },
          ],
          panel: [{ standard: '2.1', rating: 'good', rationale: 'The sample was representative.', decidedBy: 'not an email' }],
          judgements: { '1.2': { rating: 'good', evidence: { '2.1.1': 'Wrong standard' } } },
        },
        {
          status: 'finished',
          team: [
            { email: 'a@example.gov.uk', role: 'lead_inspector' },
            { email: 'A@example.gov.uk', role: 'manager' },
          ],
          fieldworkStart: '2026-11-20',
          fieldworkEnd: '2026-11-16',
        },
      ),
    );
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^cases\[0\]\.answers\["2\.1\.1"\]: Case "C1": answer to "2\.1\.1" is "maybe"/),
        expect.stringMatching(/^inspection\.status: Expected an inspection status/),
        expect.stringMatching(/^inspection\.team\[1\]\.email: a@example\.gov\.uk is on the team more than once/),
        expect.stringMatching(/^inspection\.fieldworkEnd: Fieldwork ends \(2026-11-16\) before it starts \(2026-11-20\)/),
        expect.stringMatching(/^cases\[0\]\.status: Expected a marking status/),
        expect.stringMatching(/^cases\[0\]\.agreesWithRosh: Expected true, false or null/),
        expect.stringMatching(/^cases\[0\]\.naReasons\["3\.1\.1"\]: Case "C1": not-applicable reason for "3\.1\.1"/),
        expect.stringMatching(/^cases\[1\]\.ref: Case "X+…": a case reference is at most 40 characters/),
        expect.stringMatching(/^panel\[0\]\.decidedBy: Expected an email address/),
        expect.stringMatching(/^judgements\["1\.2"\]\.evidence\["2\.1\.1"\]: Evidence for 1\.2 is kept by its questions/),
      ]),
    );
  });

  it('does not repeat a wrong container the v1 schema already reports', () => {
    const errors = errorsOf(doc({ cases: 'none', panel: 'none' }, {}));
    expect(errors.filter((e) => e.startsWith('cases:'))).toHaveLength(1);
    expect(errors.filter((e) => e.startsWith('panel:'))).toHaveLength(1);
    expect(errorsOf(null)).toHaveLength(1);
    expect(errorsOf([])).toHaveLength(1);
  });
});

describe('answers, notes and not-applicable reasons', () => {
  const rows = [
    { questionId: '2.1.3', value: 'na' as const, note: 'Looked at the police records.', naReason: 'No risk of harm to others' },
    { questionId: '2.1.1.a', value: 'yes' as const, note: null, naReason: null },
    { questionId: '2.1.1', value: 'yes' as const, note: '-1 point: see =SUM', naReason: null },
    { questionId: '2.1.2', value: null, note: 'Only a note so far', naReason: null },
  ];

  it('writes values, notes and reasons to separate maps, in printed order, leaving out a value not given yet', () => {
    const maps = documentMapsOf(fw2021, rows);
    expect(Object.keys(maps.answers)).toEqual(['2.1.1', '2.1.1.a', '2.1.3']);
    expect(maps.notes).toEqual({ '2.1.1': '-1 point: see =SUM', '2.1.2': 'Only a note so far', '2.1.3': 'Looked at the police records.' });
    expect(maps.naReasons).toEqual({ '2.1.3': 'No risk of harm to others' });
  });

  it('reads them back to the same rows (lossless)', () => {
    const maps = documentMapsOf(fw2021, rows);
    expect(answerRowsOf(fw2021, maps)).toEqual(expect.arrayContaining(rows));
    expect(answerRowsOf(fw2021, maps)).toHaveLength(rows.length);
  });

  it('reads a file without naReasons the v1 way: a note on a key question answered "na" is its reason', () => {
    const read = answerRowsOf(fw2018, {
      answers: { '2.4.3': 'na', '2.4.3.a': 'na', '2.4.1': 'yes' },
      notes: { '2.4.3': 'No review was needed', '2.4.3.a': 'Prompt note', '2.4.1': 'Good review' },
    });
    expect(read).toEqual([
      { questionId: '2.4.1', value: 'yes', note: 'Good review', naReason: null },
      { questionId: '2.4.3', value: 'na', note: null, naReason: 'No review was needed' },
      { questionId: '2.4.3.a', value: 'na', note: 'Prompt note', naReason: null },
    ]);
  });

  it('for every report fixture, notes ∪ reasons after a round trip are the notes of the file', () => {
    for (const name of FIXTURE_NAMES) {
      const { document, framework } = loadReportFixture(name);
      for (const kase of document.cases) {
        const maps = documentMapsOf(framework, answerRowsOf(framework, kase));
        expect(maps.answers).toEqual(kase.answers);
        expect({ ...maps.notes, ...maps.naReasons }).toEqual(kase.notes ?? {});
      }
    }
  });
});

describe('judgements', () => {
  it('reads every form v1 allows', () => {
    expect(judgementOf(fw2021, '1.1', 'good')).toEqual({ rating: 'good', evidence: {} });
    expect(judgementOf(fw2021, '1.1', null)).toEqual({ rating: null, evidence: {} });
    expect(judgementOf(fw2021, '1.4', { rating: 'good', evidence: { '1.4.2': 'ICT works' } })).toEqual({
      rating: 'good',
      evidence: { '1.4.2': 'ICT works' },
    });
    expect(judgementOf(fw2021, '1.4', { rating: null })).toEqual({ rating: null, evidence: {} });
  });

  it('keeps free-text evidence with the standard’s first question, where the panel shows it', () => {
    expect(judgementOf(fw2021, '1.4', { rating: 'good', evidence: 'ICT and facilities support the work well.' })).toEqual({
      rating: 'good',
      evidence: { '1.4.1': 'ICT and facilities support the work well.' },
    });
  });

  it('writes the bare rating when there is no evidence', () => {
    expect(documentJudgementOf('good', {})).toBe('good');
    expect(documentJudgementOf(null, {})).toBeNull();
    expect(documentJudgementOf('good', { '1.1.1': 'x' })).toEqual({ rating: 'good', evidence: { '1.1.1': 'x' } });
  });
});

describe('parseCasemarkDocument applies the forms’ limits', () => {
  const court = (extra: Record<string, unknown>) => ({ ref: 'C1', type: 'court', disposal: 'referral_order', answers: {}, ...extra });

  it('refuses what the forms refuse: long notes, reasons, gender, case manager, rationale and service fields', () => {
    const errors = errorsOf(
      doc(
        {
          cases: [
            court({
              gender: 'x'.repeat(31),
              caseManager: 'x'.repeat(101),
              practiceExample: 'x'.repeat(5001),
              notes: { '2.1.1': 'x'.repeat(800_000) },
            }),
            { ...court({ answers: { '2.1.3': 'na' }, notes: { '2.1.3': 'x'.repeat(301) } }), ref: 'C2' },
          ],
          panel: [{ standard: '2.1', rating: 'good', rationale: 'short' }],
          judgements: { '1.1': { rating: 'good', evidence: { '1.1.1': 'x'.repeat(10_001) } } },
        },
        { service: 'x'.repeat(121), region: 'x'.repeat(61) },
      ),
    );
    expect(errors).toEqual(
      expect.arrayContaining([
        'inspection.service: Name must be 120 characters or fewer',
        'inspection.region: Region must be 60 characters or fewer',
        'cases[0].gender: Gender must be 30 characters or fewer',
        'cases[0].caseManager: Case manager must be 100 characters or fewer',
        'cases[0].practiceExample: The practice example must be 5,000 characters or fewer',
        'cases[0].notes["2.1.1"]: The note must be 5,000 characters or fewer',
        'cases[1].notes["2.1.3"]: The reason must be 300 characters or fewer',
        'panel[0].rationale: Give the panel’s rationale (at least 10 characters)',
        'judgements["1.1"].evidence["1.1.1"]: Evidence must be 10,000 characters or fewer',
      ]),
    );
  });

  it('refuses previous results keyed by anything but this framework’s standards and key questions', () => {
    const errors = errorsOf(
      doc(
        {},
        { previous: { ratings: { '9.9': 'good', constructor: 'good' }, keyQuestionPct: { '2.1.1': 50.5, '1.1.1': 40, __proto__x: 3 } } },
      ),
    );
    expect(errors).toEqual([
      'inspection.previous.ratings["9.9"]: There is no standard 9.9 in the 2021 standards',
      'inspection.previous.ratings.constructor: There is no standard constructor in the 2021 standards',
      'inspection.previous.keyQuestionPct["2.1.1"]: A percentage is a whole number from 0 to 100',
      'inspection.previous.keyQuestionPct["1.1.1"]: 1.1.1 is not a key question of a case-marked standard in the 2021 standards',
      'inspection.previous.keyQuestionPct.__proto__x: __proto__x is not a key question of a case-marked standard in the 2021 standards',
    ]);
  });

  it('refuses NUL, unpaired surrogates and deep nesting with the path', () => {
    expect(errorsOf(doc({ cases: [court({ gender: 'ma\u0000le' })] }))).toEqual([
      expect.stringMatching(/^cases\[0\]\.gender: This contains a character that cannot be stored/),
    ]);
    expect(errorsOf(doc({ cases: [court({ notes: { '2.1.1': 'half \uD83D' } })] }))).toEqual([
      expect.stringMatching(/^cases\[0\]\.notes\["2\.1\.1"\]: This contains a character/),
    ]);
    let deep: unknown = 'x';
    for (let i = 0; i < 10_000; i++) deep = { deep };
    expect(errorsOf(doc({ extra: deep }))).toEqual([expect.stringMatching(/nested more than 16 levels/)]);
  });
});

describe('quality assurers in an interchange file (issue 13)', () => {
  it('checks the quality record against the file’s cases, team and framework (issue 23)', () => {
    const team = [
      { email: 'lead@x.example', role: 'lead_inspector' },
      { email: 'second@x.example', role: 'inspector' },
      { email: 'manager@x.example', role: 'manager' },
    ];
    const cases = [
      { ref: 'C-1', type: 'court', disposal: 'referral_order', inspector: 'first@x.example', answers: {} },
      { ref: 'R-1', type: 'resettlement', disposal: 'custodial_sentence', answers: {} },
    ];
    const marking = (extra: Record<string, unknown>) => ({
      case: 'C-1',
      marker: 'second@x.example',
      assignedAt: '2026-11-17T09:00:00.000Z',
      submittedAt: '2026-11-18T09:00:00.000Z',
      answers: { '2.1.1': { value: 'no', firstValue: 'yes' } },
      reconciliations: [],
      ...extra,
    });
    const query = (extra: Record<string, unknown>) => ({
      case: 'C-1',
      question: '2.1.1',
      status: 'open',
      raisedBy: 'lead@x.example',
      raisedAt: '2026-11-18T10:00:00.000Z',
      messages: [{ kind: 'raise', body: 'Why?', by: 'lead@x.example', at: '2026-11-18T10:00:00.000Z' }],
      ...extra,
    });
    const withQuality = (quality: unknown) => doc({ cases, quality }, { team });
    expect(
      parseCasemarkDocument(withQuality({ secondMarkings: [marking({})], queries: [query({ question: 'case:agreesWithRosh' })] })).ok,
    ).toBe(true);
    expect(
      errorsOf(
        withQuality({
          secondMarkings: [
            marking({ marker: 'manager@x.example', answers: { '3.1.1': { value: 'no', firstValue: null } } }),
            marking({ case: 'C-9' }),
            marking({ case: 'R-1' }),
            marking({
              submittedAt: null,
              reconciliations: [{ question: '2.1.1', value: 'no', reason: 'x', by: 'lead@x.example', at: '2026-11-19T10:00:00.000Z' }],
            }),
          ],
          queries: [
            query({ question: '3.1.1' }),
            query({ messages: [{ kind: 'reply', body: 'x', by: 'first@x.example', at: '2026-11-18T10:00:00.000Z' }] }),
          ],
        }),
      ),
    ).toEqual([
      'quality.secondMarkings[0].marker: Second marking of case "C-1": manager@x.example is not an inspector on the file\'s team (inspection.team), and the second inspector must be one',
      'quality.secondMarkings[0].answers["3.1.1"]: Second marking of case "C-1": "3.1.1" is not a key question marked on this case in the 2021 framework',
      'quality.secondMarkings[1].case: Second marking of case "C-9": the file has no case "C-9"',
      'quality.secondMarkings[2].case: Case "R-1": resettlement cases have no key questions to second mark',
      'quality.secondMarkings[3].case: Case "C-1" is second marked more than once (second markings 1 and 4): a case has one second marking',
      'quality.secondMarkings[3].reconciliations[0].question: Second marking of case "C-1" is not submitted, so nothing of it can be reconciled',
      'quality.queries[0].question: Query on case "C-1": question "3.1.1" is not marked on this case',
      'quality.queries[1].messages[0].kind: Query on case "C-1": its thread starts with the message that raised it ("raise")',
    ]);
    expect(errorsOf(withQuality([]))).toEqual(['quality: Expected "quality": an object with "secondMarkings" and "queries"']);
  });

  it('accepts a quality assurer on the team but refuses one as a case’s inspector', () => {
    const team = [
      { email: 'lead@example.gov.uk', role: 'lead_inspector' },
      { email: 'qa@example.gov.uk', role: 'quality_assurer' },
    ];
    expect(parseCasemarkDocument(doc({}, { team })).ok).toBe(true);
    const errors = errorsOf(
      doc({ cases: [{ ref: 'C1', type: 'court', disposal: 'referral_order', inspector: 'QA@example.gov.uk', answers: {} }] }, { team }),
    );
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^cases\[0\]\.inspector: Case "C1": QA@example\.gov\.uk is on the team as a quality assurer/),
      ]),
    );
  });
});
