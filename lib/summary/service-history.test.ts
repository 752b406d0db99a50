import { describe, expect, it } from 'vitest';
import { serviceHistory } from './service-history';
import type { KeyQuestionSpread, SummaryRow } from './summary';

const inspection = (id: string, fieldworkStart: string, rating21: SummaryRow['overall'], pct211: number | null): SummaryRow => ({
  id,
  service: 'Northshire',
  localAuthority: 'Northshire',
  region: 'North',
  publishedOn: null,
  framework: '2021',
  fieldworkStart,
  fieldworkEnd: fieldworkStart,
  isFieldworkMonthOnly: false,
  status: 'published',
  isFinal: true,
  standards: { '2.1': { rating: rating21, isProfessionalJudgement: false } },
  score: null,
  maxScore: 36,
  overall: null,
  keyQuestionPct: { '2.1.1': pct211 },
  previousRatings: {},
});

describe('serviceHistory', () => {
  it('puts the inspections oldest first, with each rating’s change and each percentage’s change in points', () => {
    const national: KeyQuestionSpread[] = [
      { framework: '2021', standardId: '2.1', keyQuestionId: '2.1.1', text: 'x', n: 7, min: 40, median: 66, max: 90 },
    ];
    const history = serviceHistory(
      [
        inspection('b', '2026-11-16', 'good', 72),
        inspection('a', '2024-03-04', 'requires_improvement', 58),
        inspection('c', '2027-05-01', 'good', null),
      ],
      national,
    );
    expect(history.inspections.map((i) => i.id)).toEqual(['a', 'b', 'c']);
    const standard = history.standards.find((s) => s.id === '2.1');
    expect(standard?.cells.map((c) => [c?.rating, c?.change])).toEqual([
      ['requires_improvement', null],
      ['good', 'up'],
      ['good', 'same'],
    ]);
    // A standard the inspections' rows do not carry is "not in these standards" (null), not "not rated".
    expect(history.standards.find((s) => s.id === '1.1')?.cells).toEqual([null, null, null]);
    const kq = history.keyQuestions.find((k) => k.id === '2.1.1');
    expect(kq?.cells).toEqual([
      { pct: 58, changePoints: null },
      { pct: 72, changePoints: 14 },
      { pct: null, changePoints: null },
    ]);
    expect(kq?.national).toEqual({ n: 7, median: 66, min: 40, max: 90 });
  });

  it('is empty for no inspections', () => {
    expect(serviceHistory([], [])).toEqual({ inspections: [], standards: [], keyQuestions: [] });
  });
});
