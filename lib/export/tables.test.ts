import { describe, expect, it } from 'vitest';
import { listCaseMarkedStandards, listStandards } from '@/lib/framework';
import { RATING_LABELS } from '@/lib/format/labels';
import { computeInspection } from '@/lib/rating/compute-inspection';
import { escapeFormula, toCsv } from './csv';
import { allExportTables, buildExportTables, tableGrid, type ExportTable } from './tables';
import { FIXTURE_NAMES, loadReportFixture } from './test-support/fixtures';
import { readCsvObjects } from './test-support/read-csv';
import { at, must } from '@/lib/must';

const word = (r: keyof typeof RATING_LABELS | null) => (r ? RATING_LABELS[r] : '');

describe.each(FIXTURE_NAMES)('the tables of %s agree with computeInspection', (name) => {
  const { framework, result, previousKeyQuestionPct } = loadReportFixture(name);
  const tables = buildExportTables({ framework, result, previousKeyQuestionPct });

  it('ratings: every standard, the overall score out of 36 and rating, and 4.1 on its own row after the overall', () => {
    const rows = tables.ratings.rows;
    const standardIds = listStandards(framework).map((s) => s.id);
    const core = standardIds.filter((id) => !result.standards[id]?.isRatedSeparately);
    const separate = standardIds.filter((id) => result.standards[id]?.isRatedSeparately);
    expect(rows.map((r) => r.standard)).toEqual([...core, 'Overall', ...separate]);
    for (const row of rows) {
      if (row.standard === 'Overall') {
        expect(row).toMatchObject({ rating: word(result.overall.rating) || null, score: result.overall.score, maxScore: 36 });
        continue;
      }
      const standard = must(result.standards[row.standard], row.standard);
      expect(row.rating).toBe(standard.rating ? RATING_LABELS[standard.rating] : null);
      expect(row.computedRating).toBe(standard.computedRating ? RATING_LABELS[standard.computedRating] : null);
      expect(row.professionalJudgement).toBe(standard.professionalJudgement ? '*' : null);
      expect(row.score).toBe(standard.score);
      expect(row.maxScore).toBe(standard.isRatedSeparately ? null : 3);
    }
  });

  it('key questions: yes, relevant, % yes, band and previous % of every key question of every case-marked standard', () => {
    const expected = listCaseMarkedStandards(framework).flatMap((s) =>
      s.keyQuestions.map((kq) => {
        const standard = must(result.standards[s.id], s.id);
        const figures = must(standard.keyQuestions[kq.id], kq.id);
        return {
          standard: s.id,
          keyQuestion: kq.id,
          text: kq.text,
          yes: figures.yes,
          relevant: figures.relevant,
          pct: figures.pct,
          band: figures.band ? RATING_LABELS[figures.band] : null,
          professionalJudgement: standard.professionalJudgement && standard.lowestKeyQuestion === kq.id ? '*' : null,
          previousPct: previousKeyQuestionPct[kq.id] ?? null,
        };
      }),
    );
    expect(tables.keyQuestions.rows).toEqual(expected);
  });

  it('prompts: the annex layout, lettered, with % yes, yes and relevant', () => {
    const expected = listCaseMarkedStandards(framework).flatMap((s) =>
      s.keyQuestions.flatMap((kq) =>
        kq.prompts.map((p) => {
          const figures = must(result.standards[s.id]?.prompts[p.id], p.id);
          return {
            standard: s.id,
            keyQuestion: kq.id,
            prompt: p.id.split('.').pop(),
            text: p.text,
            pct: figures.pct,
            yes: figures.yes,
            relevant: figures.relevant,
          };
        }),
      ),
    );
    expect(tables.prompts.rows).toEqual(expected);
    expect(tables.prompts.rows[0]?.prompt).toBe('a');
  });

  it('every table survives CSV and back with the same numbers', () => {
    for (const table of [tables.ratings, tables.keyQuestions, tables.prompts, tables.resettlement] as ExportTable[]) {
      const { hasBom, header, records } = readCsvObjects(toCsv(tableGrid(table)));
      expect(hasBom).toBe(true);
      expect(header).toEqual(table.columns.map((c) => c.header));
      expect(records).toHaveLength(table.rows.length);
      records.forEach((record, i) => {
        for (const column of table.columns) {
          const value = at(table.rows, i)[column.key];
          if (column.type === 'text') expect(record[column.header]).toBe(escapeFormula(String(value ?? '')));
          else expect(record[column.header]).toBe(value === null ? '' : String(value));
        }
      });
    }
  });
});

describe('the figures the reports print', () => {
  it('Leicestershire 2021: 11/36 Requires improvement; 2.1 and 2.2 raised by the panel (*); 4.1 rated separately', () => {
    const { framework, result } = loadReportFixture('leicestershire-2021');
    const { ratings, keyQuestions } = buildExportTables({ framework, result });
    const row = (id: string) => ratings.rows.find((r) => r.standard === id);
    expect(row('Overall')).toMatchObject({ rating: 'Requires improvement', score: 11, maxScore: 36 });
    expect(row('2.1')).toMatchObject({
      rating: 'Requires improvement',
      computedRating: 'Inadequate',
      professionalJudgement: '*',
      score: 1,
    });
    expect(row('2.2')).toMatchObject({ professionalJudgement: '*' });
    expect(row('2.3')).toMatchObject({ professionalJudgement: null });
    expect(row('4.1')).toMatchObject({
      rating: 'Requires improvement',
      score: null,
      maxScore: null,
      basis: 'Rated separately: not part of the score',
    });
    expect(ratings.rows.at(-1)?.standard).toBe('4.1');
    // Only the key question that set the computed rating carries the asterisk (2.1.3 at 46%).
    expect(keyQuestions.rows.filter((r) => r.professionalJudgement === '*').map((r) => r.keyQuestion)).toEqual(['2.1.3', '2.2.3']);
    expect(keyQuestions.rows.find((r) => r.keyQuestion === '2.1.1')?.pct).toBe(
      must(result.standards['2.1']?.keyQuestions['2.1.1'], '2.1.1').pct,
    );
  });

  // Dudley 2019 (002_b3ff77846e023e08.txt), Annex 2: "3.4. Joint working Good*", "3.4.1 … 64%*",
  // "3.4.2 … 100%": the asterisk is on the key question that set the computed rating only.
  it('Dudley 2019: 64%* on 3.4.1 only, not on 3.4.2', () => {
    const { framework, result } = loadReportFixture('dudley-2019');
    const { keyQuestions } = buildExportTables({ framework, result });
    expect(keyQuestions.rows.find((r) => r.keyQuestion === '3.4.1')).toMatchObject({ pct: 64, professionalJudgement: '*' });
    expect(keyQuestions.rows.find((r) => r.keyQuestion === '3.4.2')).toMatchObject({ pct: 100, professionalJudgement: null });
    expect(keyQuestions.rows.filter((r) => r.professionalJudgement === '*').map((r) => r.keyQuestion)).toEqual(['3.4.1']);
  });

  // "Resettlement cases are not rated separately; the data is for illustrative purposes only"
  // (Leicestershire 2021, Annexe 2); no report prints resettlement case questions.
  it("Leicestershire 2021: Casemark's own resettlement questions in their own labelled table, never in the prompt annex", () => {
    const { framework, result } = loadReportFixture('leicestershire-2021');
    const { prompts, resettlement } = buildExportTables({ framework, result });
    expect(prompts.rows.some((r) => r.keyQuestion.startsWith('4.1') || r.standard === '4.1')).toBe(false);
    expect(resettlement.title).toMatch(/^Casemark's own resettlement questions/);
    expect(resettlement.sheetName.length).toBeLessThanOrEqual(31);
    expect(resettlement.rows.map((r) => r.aspect)).toEqual(framework.resettlementAspects.map((a) => a.id));
    expect(resettlement.rows.every((r) => /^Casemark's own/.test(r.source))).toBe(true);
    expect(tableGrid(resettlement)[0]).toContain('Question (Casemark’s own)');
    expect(allExportTables(buildExportTables({ framework, result })).map((t) => t.id)).toEqual([
      'ratings',
      'key-questions',
      'prompts',
      'resettlement',
    ]);
  });

  it('Blackpool 2021: 25/36 Good, previous key-question % shown where the last report printed one', () => {
    const { framework, result, previousKeyQuestionPct } = loadReportFixture('blackpool-2021');
    const { ratings, keyQuestions } = buildExportTables({ framework, result, previousKeyQuestionPct });
    expect(ratings.rows.find((r) => r.standard === 'Overall')).toMatchObject({ rating: 'Good', score: 25 });
    expect(keyQuestions.rows.find((r) => r.keyQuestion === '2.2.1')?.previousPct).toBe(54);
    expect(keyQuestions.rows.find((r) => r.keyQuestion === '2.1.1')?.previousPct).toBeNull();
    expect(ratings.rows.some((r) => r.standard === '4.1')).toBe(false);
    const tables = buildExportTables({ framework, result });
    expect(tables.resettlement.rows).toEqual([]);
    expect(allExportTables(tables).map((t) => t.id)).toEqual(['ratings', 'key-questions', 'prompts']);
  });
});

// "The resettlement standard is rated separately, and does not influence the overall YOT rating"
// (Leicestershire 2021, Annexe 2): the score never waits for 4.1.
describe('an inspection whose 4.1 is not judged yet', () => {
  const { framework, result: leicestershire } = loadReportFixture('leicestershire-2021');
  it('shows the score and the overall rating below 31, and says why an Outstanding one waits', () => {
    const judgements = Object.fromEntries(
      Object.entries(leicestershire.standards)
        .filter(([, s]) => s.kind === 'qualitative' && s.id !== '4.1')
        .map(([id, s]) => [id, s.rating]),
    );
    const counts = Object.fromEntries(
      Object.values(leicestershire.standards).flatMap((s) =>
        Object.values(s.keyQuestions).map((kq) => [kq.id, { yes: kq.yes, no: kq.relevant - kq.yes, na: kq.na }]),
      ),
    );
    const unjudged = computeInspection(framework, { counts, judgements, resettlementCases: 4 });
    const overall = buildExportTables({ framework, result: unjudged }).ratings.rows.find((r) => r.standard === 'Overall');
    expect(overall).toMatchObject({ score: 9, rating: 'Requires improvement', basis: null });

    const allYes = Object.fromEntries(Object.keys(counts).map((id) => [id, { yes: 5, no: 0, na: 0 }]));
    const allOutstanding = Object.fromEntries(Object.keys(judgements).map((id) => [id, 'outstanding' as const]));
    const waiting = computeInspection(framework, { counts: allYes, judgements: allOutstanding, resettlementCases: 4 });
    const row = buildExportTables({ framework, result: waiting }).ratings.rows.find((r) => r.standard === 'Overall');
    expect(row).toMatchObject({ score: 36, rating: null });
    expect(row?.basis).toBe(
      'Provisional, because 4.1 has no judgement: with a score of 36 the overall rating is Outstanding unless 4.1 is rated Inadequate',
    );
  });
});

describe('an inspection still in fieldwork', () => {
  it('leaves empty what is not known yet and says why the overall is provisional', () => {
    const result = computeInspection('2018', { counts: { '2.1.1': { yes: 1, no: 2, na: 0 } } });
    const { framework } = loadReportFixture('wigan-2021');
    const { ratings, keyQuestions, prompts } = buildExportTables({ framework, result });
    expect(ratings.rows.find((r) => r.standard === '1.1')).toMatchObject({ rating: null, score: null, basis: '1.1 has no judgement' });
    expect(ratings.rows.find((r) => r.standard === '2.1')).toMatchObject({ rating: 'Inadequate', computedRating: 'Inadequate', score: 0 });
    expect(ratings.rows.find((r) => r.standard === 'Overall')).toMatchObject({ rating: null, score: null });
    expect(ratings.rows.find((r) => r.standard === 'Overall')?.basis).toMatch(/^Provisional, because 1\.1 has no judgement; /);
    expect(keyQuestions.rows.find((r) => r.keyQuestion === '2.1.1')).toMatchObject({ yes: 1, relevant: 3, pct: 33, band: 'Inadequate' });
    expect(keyQuestions.rows.find((r) => r.keyQuestion === '2.1.2')).toMatchObject({ yes: 0, relevant: 0, pct: null, band: null });
    expect(prompts.rows.every((r) => r.pct === null)).toBe(true);
    const grid = tableGrid(keyQuestions);
    expect(grid[0]).toEqual([
      'Standard',
      'Key question',
      'Key question text',
      'Yes',
      'Relevant',
      '% yes',
      'Band',
      'Professional judgement',
      'Previous %',
    ]);
  });
});
