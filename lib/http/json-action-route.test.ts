import { beforeEach, describe, expect, it, vi } from 'vitest';
import { AppError } from '@/lib/errors';

const session = vi.hoisted(() => ({ user: null as null | { id: string; isAdmin: boolean } }));
vi.mock('@/lib/auth/session', () => ({ getSessionUser: async () => session.user }));

import { refuseUnlessSameOriginJson, runJsonAction } from './json-action-route';

const post = (body: string, headers: Record<string, string> = {}) =>
  new Request('http://casemark.test/inspections/i/cases/c/answers', {
    method: 'POST',
    body,
    headers: { host: 'casemark.test', origin: 'http://casemark.test', 'content-type': 'application/json', ...headers },
  });

describe('refuseUnlessSameOriginJson', () => {
  const check = (values: Record<string, string>) => refuseUnlessSameOriginJson(new Headers({ host: 'casemark.test', ...values }));
  it('takes JSON from a page of this origin', () => {
    expect(check({ origin: 'http://casemark.test', 'content-type': 'application/json' })).toBeNull();
    expect(check({ origin: 'http://casemark.test', 'content-type': 'Application/JSON; charset=utf-8' })).toBeNull();
  });
  it('refuses another origin, no origin, and anything but JSON', () => {
    expect(check({ origin: 'https://evil.example', 'content-type': 'application/json' })).toMatchObject({ status: 403, code: 'forbidden' });
    expect(check({ 'content-type': 'application/json' })).toMatchObject({ status: 403 });
    expect(check({ origin: 'http://casemark.test', 'content-type': 'text/plain' })).toMatchObject({ status: 415, code: 'invalid' });
    expect(check({ origin: 'http://casemark.test' })).toMatchObject({ status: 415 });
  });
});

describe('runJsonAction', () => {
  const body = vi.fn(async (_user: unknown, input: Record<string, unknown>) => ({ got: input }));
  beforeEach(() => {
    session.user = { id: 'u1', isAdmin: false };
    body.mockClear();
  });
  const run = async (request: Request) => {
    const response = await runJsonAction(request, { caseId: 'c' }, body);
    return { status: response.status, json: (await response.json()) as unknown, cacheControl: response.headers.get('cache-control') };
  };

  it('runs the body with the address ids merged in, and answers 200 with its result, never cached', async () => {
    expect(await run(post('{"field":"value","caseId":"c"}'))).toEqual({
      status: 200,
      json: { ok: true, data: { got: { field: 'value', caseId: 'c' } } },
      cacheControl: 'no-store, no-transform',
    });
    expect(await run(post('{"field":"value"}'))).toMatchObject({ json: { ok: true, data: { got: { field: 'value', caseId: 'c' } } } });
  });

  it('answers 401 to someone signed out before reading the body', async () => {
    session.user = null;
    expect(await run(post('not json'))).toMatchObject({ status: 401, json: { ok: false, code: 'signed_out' } });
    expect(body).not.toHaveBeenCalled();
  });

  it('refuses bodies it cannot take with a sentence, without running the body', async () => {
    expect(await run(post('{ nope'))).toMatchObject({
      status: 400,
      json: { code: 'invalid', message: 'The request body is not valid JSON.' },
    });
    expect(await run(post('[1]'))).toMatchObject({ status: 400, json: { message: 'The request body must be a JSON object.' } });
    expect(await run(post('{"caseId":"other"}'))).toMatchObject({
      status: 400,
      json: { message: 'The caseId in the body is not the one in the address.' },
    });
    expect(await run(post(JSON.stringify({ note: 'x'.repeat(70_000) })))).toMatchObject({ status: 413, json: { code: 'invalid' } });
    expect(await run(post('{}', { origin: 'https://evil.example' }))).toMatchObject({ status: 403, json: { code: 'forbidden' } });
    expect(body).not.toHaveBeenCalled();
  });

  it('refuses a change whose ownerId is not the session user, before running the body (issue 20)', async () => {
    expect(await run(post('{"field":"value","ownerId":"u2"}'))).toMatchObject({
      status: 409,
      json: { ok: false, code: 'conflict', reason: 'not_owner' },
    });
    expect(body).not.toHaveBeenCalled();
    // The owner's own change runs, without the ownerId.
    expect(await run(post('{"field":"value","ownerId":"u1"}'))).toMatchObject({
      status: 200,
      json: { ok: true, data: { got: { field: 'value', caseId: 'c' } } },
    });
    expect(body.mock.calls[0]?.[1]).not.toHaveProperty('ownerId');
  });

  it('gives each expected failure its status, and an unexpected one a 500 that says nothing of it', async () => {
    for (const [code, status] of [
      ['invalid', 400],
      ['forbidden', 403],
      ['not_found', 404],
      ['conflict', 409],
    ] as const) {
      body.mockRejectedValueOnce(new AppError(code, `because ${code}`));
      expect(await run(post('{}'))).toMatchObject({ status, json: { ok: false, code, message: `because ${code}` } });
    }
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    body.mockRejectedValueOnce(new Error('secret stack detail'));
    const crashed = await run(post('{}'));
    expect(crashed).toMatchObject({ status: 500, json: { ok: false, code: 'error' } });
    expect(JSON.stringify(crashed.json)).not.toContain('secret');
    logged.mockRestore();
  });
});
