import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { findUnsafeInput, hasUnstorableCharacter, MAX_INPUT_DEPTH } from './safe-input';
import { isUuid, MAX_INT4, ZVersion } from './ids';
import { fieldErrorsOf, parseOrThrow } from './parse';

describe('hasUnstorableCharacter', () => {
  it('finds NUL and unpaired surrogates, and lets paired ones (emoji) and other controls through', () => {
    expect(hasUnstorableCharacter('a\u0000b')).toBe(true);
    expect(hasUnstorableCharacter('x\uD83D')).toBe(true);
    expect(hasUnstorableCharacter('\uDE00x')).toBe(true);
    expect(hasUnstorableCharacter('\uDE00\uD83D')).toBe(true);
    expect(hasUnstorableCharacter('😀 ok\t\u0001\u007f\u2028')).toBe(false);
  });
});

describe('findUnsafeInput', () => {
  it('names the path of the first bad string or key', () => {
    expect(findUnsafeInput({ a: 'ok', notes: { '2.1.1': 'x\u0000' } })?.path).toEqual(['notes', '2.1.1']);
    expect(findUnsafeInput({ list: ['ok', 'bad\uD800'] })?.path).toEqual(['list', 1]);
    expect(findUnsafeInput({ ['k\u0000']: 1 })?.path).toEqual(['k\u0000']);
    expect(findUnsafeInput({ a: 1, b: [true, null, 'fine 😀'] })).toBeNull();
  });

  it('refuses nesting deeper than the limit, and accepts it at the limit', () => {
    const nest = (depth: number): unknown => (depth === 0 ? 'leaf' : { x: nest(depth - 1) });
    expect(findUnsafeInput(nest(MAX_INPUT_DEPTH))).toBeNull();
    expect(findUnsafeInput(nest(MAX_INPUT_DEPTH + 1))?.message).toMatch(/nested more than/);
    let deep: unknown = [];
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(findUnsafeInput(deep)?.path).toHaveLength(MAX_INPUT_DEPTH);
  });
});

describe('parseOrThrow', () => {
  const schema = z.object({ note: z.string(), baseVersion: ZVersion(0) });

  it('refuses an unstorable character with a field error before the schema', () => {
    expect(() => parseOrThrow(schema, { note: 'a\u0000', baseVersion: 0 })).toThrow(
      expect.objectContaining({ code: 'invalid', fieldErrors: { note: expect.stringContaining('cannot be stored') } }),
    );
  });

  it('bounds versions to what PostgreSQL stores', () => {
    expect(parseOrThrow(schema, { note: '', baseVersion: MAX_INT4 }).baseVersion).toBe(MAX_INT4);
    for (const baseVersion of [2 ** 40, MAX_INT4 + 1, -1, 1.5, Number.NaN, '1']) {
      expect(() => parseOrThrow(schema, { note: '', baseVersion })).toThrow(
        expect.objectContaining({ code: 'invalid', fieldErrors: { baseVersion: expect.stringContaining('out of date') } }),
      );
    }
  });

  it('keeps a __proto__ field as a field, not a prototype', () => {
    const errors = fieldErrorsOf([
      { path: ['__proto__'], message: 'm' },
      { path: ['constructor'], message: 'c' },
    ]);
    expect(Object.getPrototypeOf(errors)).toBe(Object.prototype);
    expect(Object.keys(errors)).toEqual(['__proto__', 'constructor']);
  });
});

describe('isUuid', () => {
  it('accepts what PostgreSQL’s uuid type reads and refuses look-alikes', () => {
    expect(isUuid('5f0c8a36-7c1e-4d5a-9b1e-2f3a4b5c6d7e')).toBe(true);
    expect(isUuid('5F0C8A36-7C1E-4D5A-9B1E-2F3A4B5C6D7E')).toBe(true);
    for (const id of [
      '-'.repeat(36),
      'g'.repeat(36),
      '5f0c8a367c1e4d5a9b1e2f3a4b5c6d7e',
      '5f0c8a36-7c1e-4d5a-9b1e-2f3a4b5c6d7',
      ' 5f0c8a36-7c1e-4d5a-9b1e-2f3a4b5c6d7e',
      42,
      null,
    ]) {
      expect(isUuid(id)).toBe(false);
    }
  });
});

describe('findUnsafeInput and inherited fields', () => {
  it('checks an object built on another object through its prototype, and leaves files alone', () => {
    const sneaky = Object.create({ note: 'x\u0000' }) as Record<string, unknown>;
    sneaky.caseId = 'c';
    expect(findUnsafeInput({ input: sneaky })?.path).toEqual(['input', 'note']);
    expect(findUnsafeInput({ file: new File(['\u0000'], 'x\u0000.csv'), at: new Date() })).toBeNull();
  });
});
