import { describe, expect, it } from 'vitest';
import { computeInspection } from '@/lib/rating/compute-inspection';
import type { AllInspectionsRow } from '@/lib/export/all-inspections';
import type { Rating } from '@/lib/framework/types';
import {
  changeOf,
  median,
  nationalBasis,
  nationalFigures,
  nationalOn,
  sortSummaryRows,
  summaryFigures,
  toSummaryRow,
  type SummaryRow,
} from './summary';
import { at } from '@/lib/must';

function row(
  id: string,
  options: {
    status?: AllInspectionsRow['status'];
    service?: string;
    kq211?: [number, number];
    decision?: Rating;
    previous?: Record<string, unknown>;
  } = {},
): SummaryRow {
  const [yes, no] = options.kq211 ?? [8, 2];
  const result = computeInspection('2021', {
    counts: { '2.1.1': { yes, no, na: 0 } },
    judgements: { '1.1': 'good' },
    panel: options.decision ? [{ standard: '2.1', rating: options.decision, rationale: 'Panel' }] : [],
  });
  return toSummaryRow({
    id,
    service: options.service ?? `Service ${id}`,
    localAuthority: 'LA',
    region: 'North',
    framework: '2021',
    fieldworkStart: '2026-01-05',
    fieldworkEnd: '2026-01-16',
    isFieldworkMonthOnly: false,
    publishedOn: null,
    status: options.status ?? 'published',
    previousRatings: (options.previous ?? {}) as Record<string, Rating>,
    result,
  });
}

describe('median', () => {
  it('is the middle value, the mean of the two middle values, or null when empty', () => {
    expect(median([])).toBeNull();
    expect(median([40])).toBe(40);
    expect(median([40, 60, 90])).toBe(60);
    expect(median([40, 65, 70, 90])).toBe(67.5);
  });
});

describe('changeOf', () => {
  it('compares ratings in order, and is null when either is missing', () => {
    expect(changeOf('requires_improvement', 'good')).toBe('up');
    expect(changeOf('good', 'good')).toBe('same');
    expect(changeOf('outstanding', 'inadequate')).toBe('down');
    expect(changeOf(undefined, 'good')).toBeNull();
    expect(changeOf('good', null)).toBeNull();
  });
});

describe('toSummaryRow', () => {
  it('marks professional judgement, and only published inspections as final', () => {
    const judged = row('a', { kq211: [4, 6], decision: 'requires_improvement' });
    expect(judged.standards['2.1']).toEqual({ rating: 'requires_improvement', isProfessionalJudgement: true });
    expect(judged.isFinal).toBe(true);
    expect(row('b', { status: 'panel' }).isFinal).toBe(false);
  });

  it('reads previous ratings only for the framework’s standards and only when they are ratings', () => {
    const r = row('a', { previous: { '2.1': 'good', '2.2': 'splendid', __proto__: 'good', constructor: 'good' } });
    expect(r.previousRatings).toEqual({ '2.1': 'good' });
  });
});

describe('summaryFigures', () => {
  it('counts only final inspections, per standard and key question, with the change since last time', () => {
    const rows = [
      row('a', { kq211: [9, 1], previous: { '2.1': 'good' } }), // 90% → outstanding, up
      row('b', { kq211: [6, 4], previous: { '2.1': 'good' } }), // 60% → requires improvement, down
      row('c', { kq211: [7, 3] }), // 70% → good, no previous
      row('d', { kq211: [0, 10], status: 'panel' }), // provisional: not counted
    ];
    const figures = summaryFigures(rows);
    expect(figures.shown).toBe(4);
    expect(figures.final).toBe(3);
    const s21 = figures.ratingCounts.find((c) => c.standardId === '2.1')!;
    expect(s21.counts).toEqual({ outstanding: 1, good: 1, requires_improvement: 1, inadequate: 0, notRated: 0 });
    expect(s21.total).toBe(3);
    const kq = figures.keyQuestions.find((k) => k.keyQuestionId === '2.1.1')!;
    expect(kq).toMatchObject({ n: 3, min: 60, median: 70, max: 90 });
    expect(figures.keyQuestions.find((k) => k.keyQuestionId === '2.1.2')).toMatchObject({ n: 0, min: null, median: null, max: null });
    expect(figures.changes.find((c) => c.standardId === '2.1')).toMatchObject({ up: 1, same: 0, down: 1, notComparable: 1 });
    expect(figures.ratingCounts.every((c) => c.framework === '2021')).toBe(true);
  });
});

describe('sortSummaryRows', () => {
  it('sorts by score with unrated inspections last in either direction, ties by service', () => {
    const rows = [row('a', { service: 'Beta' }), row('b', { service: 'Alpha' }), row('c', { service: 'Gamma' })];
    rows[2] = { ...at(rows, 2), score: null };
    rows[0] = { ...at(rows, 0), score: 10 };
    rows[1] = { ...at(rows, 1), score: 10 };
    expect(sortSummaryRows(rows, { sort: 'score', dir: 'desc' }).map((r) => r.service)).toEqual(['Alpha', 'Beta', 'Gamma']);
    expect(sortSummaryRows(rows, { sort: 'score', dir: 'asc' }).map((r) => r.service)).toEqual(['Alpha', 'Beta', 'Gamma']);
    expect(sortSummaryRows(rows, { sort: 'service', dir: 'desc' }).map((r) => r.service)).toEqual(['Gamma', 'Beta', 'Alpha']);
  });
});

describe('nationalFigures', () => {
  it('counts the published rows only, per set of standards, and says so in words', () => {
    const rows = [row('a'), row('b', { kq211: [2, 8] }), row('c', { status: 'panel', kq211: [0, 10] })];
    const national = nationalFigures(rows);
    expect(national.published).toEqual({ '2018': 0, '2021': 2 });
    expect(national.keyQuestions.find((k) => k.keyQuestionId === '2.1.1')).toMatchObject({ n: 2, min: 20, median: 50, max: 80 });
    expect(nationalBasis(national, '2021')).toBe('2 published inspections on the July 2021 standards');
    expect(nationalBasis(national, '2018')).toBe('no published inspection on the 2018 standards');
    expect(nationalBasis(national, null)).toBe('2 published inspections on the July 2021 standards');
    expect(nationalBasis({ published: { '2018': 1, '2021': 3 } }, null)).toBe(
      '3 published inspections on the July 2021 standards and 1 on the 2018 standards',
    );
    expect(nationalBasis({ published: { '2018': 0, '2021': 0 } }, null)).toBe('no published inspection yet');
    expect(nationalBasis({ published: { '2018': 0, '2021': 1 } }, '2021')).toBe('1 published inspection on the July 2021 standards');
  });

  it('narrows to one set of standards without pooling the other', () => {
    const national = nationalFigures([row('a')]);
    expect(nationalOn(national, '2018')).toMatchObject({
      ratingCounts: [],
      keyQuestions: [],
      changes: [],
      published: { '2018': 0, '2021': 0 },
    });
    expect(nationalOn(national, '2021')).toEqual(national);
    expect(nationalOn(national, null)).toBe(national);
  });
});
