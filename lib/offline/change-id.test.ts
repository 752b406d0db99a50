import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { idsToSend, newChangeId } from './change-id';

describe('newChangeId', () => {
  it('uses randomUUID where the context has it', () => {
    const id = newChangeId({
      getRandomValues: crypto.getRandomValues.bind(crypto),
      randomUUID: () => '00000000-0000-4000-8000-000000000000',
    });
    expect(id).toBe('00000000-0000-4000-8000-000000000000');
  });

  it('makes a version 4 UUID the server accepts from getRandomValues alone (plain HTTP has no randomUUID)', () => {
    const ids = Array.from({ length: 200 }, () => newChangeId({ getRandomValues: crypto.getRandomValues.bind(crypto) }));
    for (const id of ids) {
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(z.uuid().safeParse(id).success).toBe(true);
    }
    expect(new Set(ids).size).toBe(200);
  });
});

describe('idsToSend', () => {
  it('sends only the ids there are', () => {
    expect(idsToSend(undefined)).toEqual({});
    expect(idsToSend('a', [])).toEqual({ changeId: 'a' });
    expect(idsToSend(undefined, ['b'])).toEqual({ replaces: ['b'] });
    expect(idsToSend('a', ['b', 'c'])).toEqual({ changeId: 'a', replaces: ['b', 'c'] });
  });
});
