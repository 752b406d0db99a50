import { describe, expect, it } from 'vitest';
import { formatDateRange, formatFieldworkStart } from './labels';

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe('formatDateRange', () => {
  it('prints the days a report gives', () => {
    expect(formatDateRange(day('2021-05-17'), day('2021-06-11'))).toBe('17 May 2021 to 11 June 2021');
  });

  it('prints only the month where the report gives only a month (Dudley, 002_b3ff77846e023e08.txt: "April 2019")', () => {
    expect(formatDateRange(day('2019-04-01'), day('2019-04-30'), true)).toBe('April 2019');
    expect(formatDateRange(day('2019-04-01'), day('2019-05-31'), true)).toBe('April 2019 to May 2019');
  });
});

describe('formatFieldworkStart', () => {
  it('prints the first day, or only its month where the report gives only a month (Dudley: "Fieldwork started: April 2019")', () => {
    expect(formatFieldworkStart(day('2021-05-17'), false)).toBe('17 May 2021');
    expect(formatFieldworkStart(day('2019-04-01'), true)).toBe('April 2019');
  });
});
