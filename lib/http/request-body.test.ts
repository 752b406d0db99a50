import { describe, expect, it } from 'vitest';
import { checkFormOrJsonBody, readBodyWithin } from './request-body';
import { readInterchangeText } from '@/lib/interchange/read-file';

const post = (body: BodyInit, contentType = 'application/json') =>
  new Request('http://x/api', { method: 'POST', body, headers: { 'content-type': contentType } });

describe('readBodyWithin', () => {
  it('reads a body within the limit and refuses a larger one with 413', async () => {
    expect(await readBodyWithin(post('{"a":1}'), 100)).toEqual({ ok: true, text: '{"a":1}' });
    expect(await readBodyWithin(post('x'.repeat(101)), 100)).toMatchObject({ ok: false, status: 413 });
  });

  it('refuses bytes that are not UTF-8 with 400', async () => {
    expect(await readBodyWithin(post(new Uint8Array([0xff, 0xfe])), 100)).toMatchObject({
      ok: false,
      status: 400,
      message: 'The request body is not UTF-8 text.',
    });
  });
});

describe('checkFormOrJsonBody', () => {
  it('refuses JSON that does not parse or is not an object, and passes form bodies through', async () => {
    expect(await checkFormOrJsonBody(post('{ not json'), 100)).toMatchObject({
      ok: false,
      status: 400,
      message: 'The request body is not valid JSON.',
    });
    for (const body of ['null', '[1]', '"x"', '42'])
      expect(await checkFormOrJsonBody(post(body), 100)).toMatchObject({ ok: false, status: 400 });
    expect(await checkFormOrJsonBody(post('{"email":"a"}'), 100)).toEqual({ ok: true, text: '{"email":"a"}' });
    expect(await checkFormOrJsonBody(post('email=a&password=b', 'application/x-www-form-urlencoded'), 100)).toEqual({
      ok: true,
      text: 'email=a&password=b',
    });
  });
});

describe('readInterchangeText', () => {
  it('accepts a UTF-8 byte order mark and names a file that is not JSON', () => {
    expect(readInterchangeText('\uFEFF{"format":"x"}', 'a.json')).toEqual({ ok: true, json: { format: 'x' } });
    expect(readInterchangeText('{ nope', 'a.json')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^a\.json is not valid JSON: /),
    });
  });
});
