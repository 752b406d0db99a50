import { describe, expect, it } from 'vitest';
import type { CaseAccess } from '@/lib/access/context';
import { forgetAccess, recallAccess, rememberAccess } from './recent-access';

const access = (id: string) => ({ id }) as CaseAccess;
const inspector = { id: 'u1', isAdmin: false };

describe('recent case access', () => {
  it('is kept a minute per actor and case, then read again', () => {
    rememberAccess(inspector, access('c1'), 1_000);
    expect(recallAccess(inspector, 'c1', 1_000 + 60_000)?.id).toBe('c1');
    expect(recallAccess(inspector, 'c1', 1_000 + 60_001)).toBeNull();
    expect(recallAccess(inspector, 'c1', 1_000)).toBeNull(); // gone once expired
  });

  it('expires by age, not by last use: remembering or recalling again does not make it younger', () => {
    rememberAccess(inspector, access('c9'), 0);
    expect(recallAccess(inspector, 'c9', 50_000)?.id).toBe('c9');
    rememberAccess(inspector, access('c9'), 50_000);
    expect(recallAccess(inspector, 'c9', 60_001)).toBeNull();
  });

  it('keeps actors, their admin flag and cases apart, and forgets on request', () => {
    rememberAccess(inspector, access('c2'), 0);
    expect(recallAccess({ id: 'u2', isAdmin: false }, 'c2', 0)).toBeNull();
    expect(recallAccess({ id: 'u1', isAdmin: true }, 'c2', 0)).toBeNull();
    expect(recallAccess(inspector, 'c3', 0)).toBeNull();
    forgetAccess(inspector, 'c2');
    expect(recallAccess(inspector, 'c2', 0)).toBeNull();
  });

  it('holds at most 10,000 entries, dropping the oldest first', () => {
    for (let i = 0; i < 10_001; i++) rememberAccess(inspector, access(`many-${i}`), 5);
    expect(recallAccess(inspector, 'many-0', 5)).toBeNull();
    expect(recallAccess(inspector, 'many-1', 5)?.id).toBe('many-1');
    expect(recallAccess(inspector, 'many-10000', 5)?.id).toBe('many-10000');
  });
});
