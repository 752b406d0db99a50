import { describe, expect, it } from 'vitest';
import { at, must } from './must';

describe('must', () => {
  it('returns a present value, including falsy ones', () => {
    expect(must(0, 'a count')).toBe(0);
    expect(must('', 'a name')).toBe('');
    expect(must(false, 'a flag')).toBe(false);
  });
  it('throws an error naming what was missing', () => {
    expect(() => must(undefined, 'the first row')).toThrow('Expected the first row, found undefined');
    expect(() => must(null, 'a match')).toThrow('Expected a match, found null');
  });
});

describe('at', () => {
  it('returns the item at an index inside the list, even an undefined item', () => {
    expect(at(['a', 'b'], 1)).toBe('b');
    expect(at([undefined], 0)).toBeUndefined();
  });
  it('throws for an index outside the list', () => {
    expect(() => at(['a'], 1)).toThrow('Index 1 is outside a list of 1');
    expect(() => at(['a'], -1)).toThrow('Index -1 is outside a list of 1');
    expect(() => at(['a'], 0.5)).toThrow('Index 0.5 is outside a list of 1');
  });
});
