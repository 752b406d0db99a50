import { describe, expect, it } from 'vitest';
import { getFramework } from '@/lib/framework';
import { checkPreviousRatings, formatKeyQuestionPercentages, parseKeyQuestionPercentages, previousResultsFrom } from './previous-results';

const f2018 = getFramework('2018');
const f2021 = getFramework('2021');

describe('checkPreviousRatings', () => {
  it('keeps the rated standards and drops blanks', () => {
    expect(checkPreviousRatings({ '1.1': 'good', '2.1': '', '4.1': 'inadequate' }, f2021)).toEqual({
      ok: true,
      value: { '1.1': 'good', '4.1': 'inadequate' },
    });
  });

  it('refuses a standard the framework does not have, or a rating that does not exist', () => {
    expect(checkPreviousRatings({ '4.1': 'good' }, f2018)).toEqual({
      ok: false,
      message: 'There is no standard 4.1 in the 2018 standards',
    });
    expect(checkPreviousRatings({ '2.1': 'great' }, f2018)).toEqual({ ok: false, message: 'Choose a rating for standard 2.1' });
  });
});

describe('parseKeyQuestionPercentages', () => {
  it('reads one key question per line, with the usual ways of writing it', () => {
    expect(parseKeyQuestionPercentages('2.1.1=77\n\n2.1.2 = 54%\r\n3.1.3: 100\n  2.2.1=0  ', f2021)).toEqual({
      ok: true,
      value: { '2.1.1': 77, '2.1.2': 54, '3.1.3': 100, '2.2.1': 0 },
    });
    expect(parseKeyQuestionPercentages('', f2021)).toEqual({ ok: true, value: {} });
  });

  it('names the line of a problem', () => {
    expect(parseKeyQuestionPercentages('2.1.1=77\n2.1.1 is 80', f2021)).toEqual({
      ok: false,
      message: 'Previous key-question percentages, line 2: write a key question and its percentage, like 2.1.1=77',
    });
    expect(parseKeyQuestionPercentages('2.1.9=50', f2021)).toMatchObject({
      ok: false,
      message: expect.stringContaining('2.1.9 is not a key question'),
    });
    // 1.1.1 is qualitative: it has no percentage. 3.4.1 is case-marked only in 2018.
    expect(parseKeyQuestionPercentages('1.1.1=50', f2021).ok).toBe(false);
    expect(parseKeyQuestionPercentages('3.4.1=50', f2021).ok).toBe(false);
    expect(parseKeyQuestionPercentages('3.4.1=50', f2018).ok).toBe(true);
    expect(parseKeyQuestionPercentages('2.1.1=101', f2021)).toMatchObject({ ok: false, message: expect.stringContaining('from 0 to 100') });
    expect(parseKeyQuestionPercentages('2.1.1=1\n2.1.1=2', f2021)).toMatchObject({
      ok: false,
      message: expect.stringContaining('more than once'),
    });
  });

  it('formats back in the framework’s order', () => {
    expect(formatKeyQuestionPercentages({ '3.1.1': 60, '2.1.2': 54, '2.1.1': 77 }, f2021)).toBe('2.1.1=77\n2.1.2=54\n3.1.1=60');
    expect(formatKeyQuestionPercentages(null, f2021)).toBe('');
  });
});

describe('previousResultsFrom', () => {
  it('copies an earlier inspection’s ratings and key-question percentages, dropping unrated standards and empty key questions', () => {
    expect(
      previousResultsFrom(f2021, {
        framework: '2021',
        standards: { '1.1': { rating: 'good' }, '2.1': { rating: null }, '2.2': { rating: 'inadequate' } },
        keyQuestionPct: { '2.1.1': 77, '2.1.2': null, '3.1.1': 60 },
      }),
    ).toEqual({ previousRatings: { '1.1': 'good', '2.2': 'inadequate' }, previousKeyQuestionPct: { '2.1.1': 77, '3.1.1': 60 } });
  });

  it('from the 2018 standards copies the ratings of standards both sets have, never the key questions (they differ under the same numbers)', () => {
    // 3.4 is case-marked only in 2018; both sets have 1.1 and 2.1.
    const copied = previousResultsFrom(f2021, {
      framework: '2018',
      standards: { '1.1': { rating: 'outstanding' }, '2.1': { rating: 'good' }, '9.9': { rating: 'good' } },
      keyQuestionPct: { '2.1.1': 70, '3.4.1': 50 },
    });
    expect(copied).toEqual({ previousRatings: { '1.1': 'outstanding', '2.1': 'good' }, previousKeyQuestionPct: null });
  });

  it('is null, as typed results are, when there is nothing to copy', () => {
    expect(previousResultsFrom(f2021, { framework: '2021', standards: {}, keyQuestionPct: {} })).toEqual({
      previousRatings: null,
      previousKeyQuestionPct: null,
    });
  });
});
