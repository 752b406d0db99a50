import { describe, expect, it } from 'vitest';
import { checkSaves, type AckedSave } from './soak';

const ack = (over: Partial<AckedSave>): AckedSave => ({
  key: 'c1|2.1.1',
  client: 0,
  version: 2,
  base: 1,
  baseFrom: 'load',
  value: 'no',
  ...over,
});
const failed = (checks: ReturnType<typeof checkSaves>) => checks.filter((c) => !c.ok).map((c) => c.name);

describe('the soak’s checks on saves', () => {
  it('pass when every acknowledged save is in the database or was replaced after a conflict shown', () => {
    const acks = [ack({}), ack({ client: 1, version: 3, base: 2, baseFrom: 'conflict', value: 'yes' })];
    const inDb = new Map([['c1|2.1.1', { value: 'yes', version: 3 }]]);
    const clients = [
      { pending: 0, shownSaved: new Map([['c1|2.1.1', { value: 'no', version: 2 }]]) },
      { pending: 0, shownSaved: new Map([['c1|2.1.1', { value: 'yes', version: 3 }]]) },
    ];
    expect(failed(checkSaves({ acks, inDb, clients, conflictsShown: 1 }))).toEqual([]);
  });

  it('find an acknowledged save the database lacks, or holds with another value', () => {
    const clients = [{ pending: 0, shownSaved: new Map([['c1|2.1.1', { value: 'no', version: 2 }]]) }];
    expect(
      failed(checkSaves({ acks: [ack({})], inDb: new Map([['c1|2.1.1', { value: 'yes', version: 1 }]]), clients, conflictsShown: 0 })),
    ).toEqual(['lost', 'shown "Saved" but not in the database']);
    expect(
      failed(checkSaves({ acks: [ack({})], inDb: new Map([['c1|2.1.1', { value: 'yes', version: 2 }]]), clients, conflictsShown: 0 })),
    ).toEqual(['lost', 'shown "Saved" but not in the database']);
  });

  it('find a version acknowledged twice, and a change never confirmed', () => {
    const acks = [ack({}), ack({ client: 1 })];
    const checks = checkSaves({
      acks,
      inDb: new Map([['c1|2.1.1', { value: 'no', version: 2 }]]),
      clients: [{ pending: 1, shownSaved: new Map() }],
      conflictsShown: 0,
    });
    expect(failed(checks)).toEqual(['lost', 'shown "Saved" but not in the database']);
  });

  it('find a silent overwrite: a save acknowledged on an older version, or on a version its writer never saw', () => {
    const inDb = new Map([['c1|2.1.1', { value: 'yes', version: 3 }]]);
    const clients = [{ pending: 0, shownSaved: new Map() }];
    // The server ignored the version check: made on version 1, acknowledged as version 3.
    const ignored = [ack({}), ack({ client: 1, version: 3, base: 1, value: 'yes' })];
    expect(failed(checkSaves({ acks: ignored, inDb, clients, conflictsShown: 0 }))).toEqual(['silent overwrites']);
    // Made on client 0's version 2 without a conflict having shown it to client 1.
    const unseen = [ack({}), ack({ client: 1, version: 3, base: 2, baseFrom: 'load', value: 'yes' })];
    expect(failed(checkSaves({ acks: unseen, inDb, clients, conflictsShown: 0 }))).toEqual(['silent overwrites']);
  });
});
