/**
 * The five seed reports, reproduced: each docs/fixtures/<report>.json (built from the printed
 * figures in ./fixtures/report-data.ts) must give every printed standard rating, the score,
 * the overall rating and each printed key-question percentage.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseInspectionDocument, type TInspectionDocument } from '@/lib/validation/interchange';
import { fixturePath, fixtureText } from './fixtures/build-report-fixtures';
import { REPORTS } from './fixtures/report-data';
import { percentageOf } from './key-question';
import { computeInspectionFromDocument } from './tally';

function load(slug: string): TInspectionDocument {
  const report = REPORTS.find((r) => r.slug === slug);
  if (!report) throw new Error(slug);
  const parsed = parseInspectionDocument(JSON.parse(readFileSync(fixturePath(report), 'utf8')));
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.value;
}

describe.each(REPORTS.map((r) => [r.slug, r] as const))('%s', (slug, report) => {
  const doc = load(slug);
  const result = computeInspectionFromDocument(doc);

  it('is a valid interchange file, up to date with the printed figures', () => {
    expect(readFileSync(fixturePath(report), 'utf8')).toBe(fixtureText(report));
    expect(result.warnings).toEqual([]);
  });

  it('has the printed sample', () => {
    const count = (type: string) => doc.cases.filter((c) => c.type === type).length;
    expect([count('court'), count('out_of_court'), count('resettlement')]).toEqual([
      report.court.length,
      report.outOfCourt.length,
      report.resettlementCases,
    ]);
  });

  it('reproduces every printed key-question percentage (or printed count)', () => {
    for (const [kqId, printed] of Object.entries(report.keyQuestions)) {
      const standard = result.standards[kqId.split('.').slice(0, 2).join('.')];
      const figures = standard?.keyQuestions[kqId];
      expect(figures, kqId).toMatchObject({ yes: printed.yes, relevant: printed.relevant });
      expect(figures?.pct, kqId).toBe(printed.pct ?? percentageOf(printed.yes, printed.relevant));
    }
    // Every case-marked key question is accounted for.
    const all = Object.values(result.standards).flatMap((s) => Object.keys(s.keyQuestions));
    expect(all.sort()).toEqual(Object.keys(report.keyQuestions).sort());
  });

  it('reproduces every printed standard rating', () => {
    const ratings = Object.fromEntries(Object.entries(result.standards).map(([id, s]) => [id, s.rating]));
    expect(ratings).toEqual(report.printed.ratings);
  });

  it('reproduces the score and the overall rating', () => {
    expect(result.overall).toMatchObject({
      score: report.printed.score ?? report.printed.computedScore,
      rating: report.printed.overall,
      isCapped: false,
      missing: [],
    });
  });

  it('applies professional judgement exactly where the report says', () => {
    const judged = Object.values(result.standards).filter((s) => s.professionalJudgement);
    expect(judged.map((s) => [s.id, s.computedRating, s.rating])).toEqual(report.panel.map((p) => [p.standard, p.computed, p.rating]));
  });
});

describe('across the five reports', () => {
  it('finds the three standards raised by professional judgement: Dudley 3.4, Leicestershire 2.1 and 2.2', () => {
    const raised = REPORTS.flatMap((report) => {
      const result = computeInspectionFromDocument(load(report.slug));
      return Object.values(result.standards)
        .filter((s) => s.professionalJudgement)
        .map((s) => `${report.slug} ${s.id}: ${s.computedRating} → ${s.rating}`);
    });
    expect(raised).toEqual([
      'dudley-2019 3.4: requires_improvement → good',
      'leicestershire-2021 2.1: inadequate → requires_improvement',
      'leicestershire-2021 2.2: inadequate → requires_improvement',
    ]);
  });

  it('rates 4.1 separately in the 2021 reports, outside the score', () => {
    const stHelens = computeInspectionFromDocument(load('st-helens-2023'));
    expect(stHelens.standards['4.1']).toMatchObject({ rating: 'good', score: null, isRated: true, resettlementCases: 2 });
    const leicestershire = computeInspectionFromDocument(load('leicestershire-2021'));
    expect(leicestershire.standards['4.1']).toMatchObject({ rating: 'requires_improvement', score: null, resettlementCases: 4 });
    expect(computeInspectionFromDocument(load('blackpool-2021')).standards['4.1']).toBeUndefined();
  });

  it('flags the standards the panel raised (Leicestershire 2.1, Dudley 3.4)', () => {
    const leicestershire = computeInspectionFromDocument(load('leicestershire-2021'));
    expect(leicestershire.standards['2.1']?.flags.map((f) => f.reason)).toEqual([
      'The lowest key-question percentage, 46% on 2.1.3 (Keeping other people safe), is 4 points below the 50% boundary between Inadequate and Requires improvement.',
      "A different judgement in one case would change the rating (Inadequate): one more 'yes' on 2.1.3 (Keeping other people safe) would make it Requires improvement.",
    ]);
    const dudley = computeInspectionFromDocument(load('dudley-2019'));
    expect(dudley.standards['3.4']?.flags.map((f) => f.code)).toEqual(['near_boundary', 'one_case_flips', 'small_sample']);
    expect(dudley.standards['3.4']?.flags[0]?.reason).toBe(
      'The lowest key-question percentage, 64% on 3.4.1 (Recommendations and joint decision-making), is 1 point below the 65% boundary between Requires improvement and Good.',
    );
  });

  it('reproduces the Leicestershire Annexe 2 prompt percentages, which never change a rating', () => {
    const report = REPORTS.find((r) => r.slug === 'leicestershire-2021')!;
    const result = computeInspectionFromDocument(load(report.slug));
    const prompts = Object.assign({}, ...Object.values(result.standards).map((s) => s.prompts));
    for (const [promptId, printed] of Object.entries(report.prompts ?? {})) {
      expect(prompts[promptId], promptId).toMatchObject({ yes: printed.yes, relevant: printed.relevant, pct: printed.pct });
    }
    // Every 2021 prompt, 3.3.3 b) included (issue 22).
    expect(Object.keys(report.prompts ?? {})).toHaveLength(95);
  });

  it('keeps the previous inspection’s printed figures (Blackpool 2018 ratings and "2018 results")', () => {
    const doc = load('blackpool-2021');
    expect(doc.inspection.previous?.ratings?.['2.1']).toBe('requires_improvement');
    expect(doc.inspection.previous?.keyQuestionPct?.['2.2.3']).toBe(39);
  });
});
