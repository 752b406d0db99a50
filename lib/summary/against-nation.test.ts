import { describe, expect, it } from 'vitest';
import { computeInspection } from '@/lib/rating/compute-inspection';
import { keyQuestionsAgainstNation, positionInRange } from './against-nation';
import { summaryFigures, toSummaryRow } from './summary';

function row(id: string, yes: number, no: number, status: 'published' | 'panel' = 'published') {
  return toSummaryRow({
    id,
    service: `Service ${id}`,
    localAuthority: 'LA',
    region: 'North',
    framework: '2021',
    fieldworkStart: '2026-01-05',
    fieldworkEnd: '2026-01-16',
    isFieldworkMonthOnly: false,
    publishedOn: null,
    status,
    previousRatings: {},
    result: computeInspection('2021', { counts: { '2.1.1': { yes, no, na: 0 } } }),
  });
}

describe('positionInRange', () => {
  it('counts both ends of the range as in it, and has no position without both figures', () => {
    expect(positionInRange(50, 50, 80)).toBe('in the range');
    expect(positionInRange(80, 50, 80)).toBe('in the range');
    expect(positionInRange(49, 50, 80)).toBe('below the range');
    expect(positionInRange(81, 50, 80)).toBe('above the range');
    expect(positionInRange(null, 50, 80)).toBeNull();
    expect(positionInRange(60, null, null)).toBeNull();
  });
});

describe('keyQuestionsAgainstNation', () => {
  it('puts each inspection’s percentage beside the median and range of the published ones only', () => {
    // Published: 60%, 70%, 90% → median 70, range 60–90. The panel-stage one (20%) is shown but not counted.
    const rows = [row('a', 6, 4), row('b', 7, 3), row('c', 9, 1), row('d', 2, 8, 'panel')];
    const lines = keyQuestionsAgainstNation(rows, summaryFigures(rows).keyQuestions).filter((l) => l.keyQuestionId === '2.1.1');
    expect(lines.map((l) => [l.inspectionId, l.pct, l.n, l.median, l.min, l.max, l.position])).toEqual([
      ['a', 60, 3, 70, 60, 90, 'in the range'],
      ['b', 70, 3, 70, 60, 90, 'in the range'],
      ['c', 90, 3, 70, 60, 90, 'in the range'],
      ['d', 20, 3, 70, 60, 90, 'below the range'],
    ]);
  });

  it('gives every case-marked key question a line, with no figure where there are no relevant cases', () => {
    const rows = [row('a', 1, 0)];
    const lines = keyQuestionsAgainstNation(rows, summaryFigures(rows).keyQuestions);
    expect(lines.length).toBe(summaryFigures(rows).keyQuestions.length);
    const unanswered = lines.find((l) => l.keyQuestionId === '2.2.1');
    expect(unanswered).toMatchObject({ pct: null, n: 0, median: null, position: null });
  });

  it('has no national figures when nothing shown is published', () => {
    const rows = [row('d', 2, 8, 'panel')];
    expect(keyQuestionsAgainstNation(rows, summaryFigures(rows).keyQuestions).find((l) => l.keyQuestionId === '2.1.1')).toMatchObject({
      pct: 20,
      n: 0,
      median: null,
      position: null,
    });
  });
});
