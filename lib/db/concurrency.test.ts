import { describe, expect, it } from 'vitest';
import { nextVersion, writeAtVersion } from './concurrency';

/** A record as a locked read would return it, and a write that records what it was given. */
function fake(current: { version: number; value: string } | null) {
  const writes: { version: number; before: typeof current }[] = [];
  return {
    writes,
    run: (baseVersion: number) =>
      writeAtVersion({
        baseVersion,
        read: async () => current,
        theirs: (c) => ({ value: c?.value ?? null, version: c?.version ?? 0 }),
        write: async (version, before) => {
          writes.push({ version, before });
          return 'written';
        },
      }),
  };
}

describe('writeAtVersion', () => {
  it('applies a change made on the current version and gives the next version', async () => {
    const f = fake({ version: 3, value: 'a' });
    expect(await f.run(3)).toEqual({ status: 'saved', version: 4, saved: 'written' });
    expect(f.writes).toEqual([{ version: 4, before: { version: 3, value: 'a' } }]);
  });

  it('refuses a change made on an older or a newer version, writing nothing and returning theirs', async () => {
    for (const base of [2, 4]) {
      const f = fake({ version: 3, value: 'theirs' });
      expect(await f.run(base)).toEqual({ status: 'conflict', theirs: { value: 'theirs', version: 3 } });
      expect(f.writes).toEqual([]);
    }
  });

  it('treats a record that does not exist yet as version 0: created at version 1', async () => {
    const f = fake(null);
    expect(await f.run(0)).toMatchObject({ status: 'saved', version: 1 });
    expect(f.writes).toEqual([{ version: 1, before: null }]);
  });

  it('refuses a change made on a record that has since gone', async () => {
    const f = fake(null);
    expect(await f.run(2)).toEqual({ status: 'conflict', theirs: { value: null, version: 0 } });
  });

  it('refuses a change made on nothing when someone has since created the record', async () => {
    const f = fake({ version: 1, value: 'theirs' });
    expect(await f.run(0)).toEqual({ status: 'conflict', theirs: { value: 'theirs', version: 1 } });
  });

  it('counts versions up by one', () => {
    expect(nextVersion(0)).toBe(1);
    expect(nextVersion(41)).toBe(42);
  });
});
