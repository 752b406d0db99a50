import { describe, expect, it } from 'vitest';
import { retentionDate } from './retention';

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe('retentionDate', () => {
  it('counts whole months from publication', () => {
    expect(retentionDate(day('2025-11-20'), 12).toISOString().slice(0, 10)).toBe('2026-11-20');
    expect(retentionDate(day('2025-11-20'), 2).toISOString().slice(0, 10)).toBe('2026-01-20');
  });

  it('ends on the last day of a shorter month', () => {
    expect(retentionDate(day('2025-01-31'), 1).toISOString().slice(0, 10)).toBe('2025-02-28');
    expect(retentionDate(day('2027-01-31'), 13).toISOString().slice(0, 10)).toBe('2028-02-29');
  });
});
