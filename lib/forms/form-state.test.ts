import { describe, expect, it } from 'vitest';
import { formDataToObject, nestedValueOf, toFormState, valueOf } from './form-state';

describe('formDataToObject', () => {
  it('nests name[key] fields, collects arrays and skips files and Next’s fields', () => {
    const data = new FormData();
    data.append('reference', 'C-1');
    data.append('sentenceDate[day]', '3');
    data.append('sentenceDate[month]', '8');
    data.append('previousRatings[2.1]', 'good');
    data.append('caseIds', 'a');
    data.append('caseIds', 'b');
    data.append('$ACTION_ID_abc', '');
    data.append('file', new Blob(['x']), 'x.csv');
    expect(formDataToObject(data, ['caseIds', 'other'])).toEqual({
      reference: 'C-1',
      sentenceDate: { day: '3', month: '8' },
      previousRatings: { '2.1': 'good' },
      caseIds: ['a', 'b'],
      other: [],
    });
  });
});

describe('toFormState and valueOf', () => {
  it('keeps the values of a refused form and words for a done one', () => {
    const refused = toFormState(
      { ok: false, code: 'invalid', message: 'Bad', fieldErrors: { reference: 'Bad' } },
      { reference: 'x', d: { day: '1' } },
      () => '',
    );
    expect(refused).toEqual({
      status: 'error',
      message: 'Bad',
      fieldErrors: { reference: 'Bad' },
      values: { reference: 'x', d: { day: '1' } },
    });
    expect(valueOf(refused, 'reference')).toBe('x');
    expect(nestedValueOf(refused, 'd', 'day')).toBe('1');
    expect(valueOf(refused, 'missing', 'fallback')).toBe('fallback');
    const done = toFormState({ ok: true, data: 3 }, {}, (n) => `${n} done`);
    expect(done).toEqual({ status: 'done', message: '3 done', data: 3 });
    expect(valueOf(done, 'reference', 'kept')).toBe('kept');
  });
});

describe('formDataToObject and prototype pollution', () => {
  it('ignores __proto__, constructor and prototype names, nested or not', () => {
    const form = new FormData();
    form.append('__proto__[isAdmin]', 'true');
    form.append('constructor[prototype]', 'x');
    form.append('name[__proto__]', 'y');
    form.append('__proto__', 'z');
    form.append('email', 'a@b.c');
    const out = formDataToObject(form);
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('isAdmin');
    expect(out).toEqual({ email: 'a@b.c' });
  });
});

describe('formDataToObject with something other than form data', () => {
  it('refuses JSON, nothing, arrays and strings with an invalid AppError, never a TypeError', () => {
    for (const input of [undefined, null, { reference: 'C-1' }, [], 'reference=C-1', 42, new Map()]) {
      expect(() => formDataToObject(input)).toThrow(
        expect.objectContaining({ name: 'AppError', code: 'invalid', message: expect.stringContaining('This form could not be read') }),
      );
    }
  });

  it('keeps prototype names out', () => {
    const data = new FormData();
    data.append('__proto__', 'x');
    data.append('constructor[prototype]', 'x');
    data.append('previousRatings[__proto__]', 'x');
    expect(formDataToObject(data)).toEqual({});
  });
});
