import { describe, expect, it } from 'vitest';
import { capitalise, countOf, listInProse, numberInWords, percentInProse, percentInTable } from './words';

describe('numbers as the reports write them', () => {
  it('writes words below ten and figures from ten (Blackpool 2021: "In nine of the 10 children\'s records")', () => {
    expect([0, 1, 9, 10, 11, 13, 100].map(numberInWords)).toEqual(['zero', 'one', 'nine', '10', '11', '13', '100']);
  });
  it('refuses what is not a count', () => {
    expect(() => numberInWords(-1)).toThrow(RangeError);
    expect(() => numberInWords(2.5)).toThrow(RangeError);
  });
  it('writes "per cent" in prose with the same rule (Leicestershire 2021: "risk of harm (six per cent)")', () => {
    expect(percentInProse(47)).toBe('47 per cent');
    expect(percentInProse(6)).toBe('six per cent');
    expect(percentInProse(0)).toBe('zero per cent');
  });
  it('writes "%" in tables, and a dash for an empty sub-sample', () => {
    expect(percentInTable(55)).toBe('55%');
    expect(percentInTable(6)).toBe('6%');
    expect(percentInTable(null)).toBe('–');
  });
  it('counts nouns and lists them as the sample descriptions do', () => {
    expect(countOf(1, 'youth caution')).toBe('one youth caution');
    expect(countOf(7, 'youth caution')).toBe('seven youth cautions');
    expect(countOf(3, 'other disposal')).toBe('three other disposals');
    expect(listInProse(['a'])).toBe('a');
    expect(listInProse(['a', 'b'])).toBe('a and b');
    expect(listInProse(['a', 'b', 'c'])).toBe('a, b and c');
    // Blackpool and St Helens write a serial comma; a pair never takes one.
    expect(listInProse(['a', 'b', 'c'], true)).toBe('a, b, and c');
    expect(listInProse(['a', 'b'], true)).toBe('a and b');
    expect(listInProse(['a'], true)).toBe('a');
    expect(capitalise('three of')).toBe('Three of');
  });
});
