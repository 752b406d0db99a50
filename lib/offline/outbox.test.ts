import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { addToOutbox, confirmSent, countOutbox, dropKey, listOutbox, wipeOutbox } from './outbox';

const base = { inspectionId: 'i1', caseId: 'c1' };

afterEach(async () => {
  await wipeOutbox('alice');
  await wipeOutbox('bob');
});

describe('the on-device outbox', () => {
  it('keeps changes in the order they were made, per user only', async () => {
    await addToOutbox({ ...base, userId: 'alice', key: '2.1.1', change: { field: 'value', value: 'yes' }, baseVersion: 2 });
    await addToOutbox({ ...base, userId: 'bob', key: '2.1.1', change: { field: 'value', value: 'no' }, baseVersion: 2 });
    await addToOutbox({ ...base, userId: 'alice', key: '2.1.2', change: { field: 'note', note: 'x' }, baseVersion: 0 });
    const alice = await listOutbox('alice');
    expect(alice.map((e) => e.key)).toEqual(['2.1.1', '2.1.2']);
    expect(alice.every((e) => e.userId === 'alice')).toBe(true);
    expect(await countOutbox('bob')).toBe(1);
    expect(await listOutbox('carol')).toEqual([]);
  });

  it('removes only confirmed entries and moves later ones of the key onto the returned version', async () => {
    const first = await addToOutbox({ ...base, userId: 'alice', key: '2.1.1', change: { field: 'value', value: 'yes' }, baseVersion: 2 });
    await addToOutbox({ ...base, userId: 'alice', key: '2.1.1', change: { field: 'note', note: 'n' }, baseVersion: 2 });
    await addToOutbox({ ...base, userId: 'alice', key: '2.1.2', change: { field: 'note', note: 'm' }, baseVersion: 7 });
    await confirmSent('alice', 'c1', '2.1.1', [first], 3);
    const left = await listOutbox('alice', 'c1');
    expect(left.map((e) => [e.key, e.baseVersion])).toEqual([
      ['2.1.1', 3],
      ['2.1.2', 7],
    ]);
  });

  it('never removes another user’s entry, even given its number', async () => {
    const bobs = await addToOutbox({ ...base, userId: 'bob', key: '2.1.1', change: { field: 'value', value: 'no' }, baseVersion: 1 });
    await confirmSent('alice', 'c1', '2.1.1', [bobs], 2);
    expect(await countOutbox('bob')).toBe(1);
  });

  it('drops a key’s changes when the inspector takes the other answer', async () => {
    await addToOutbox({ ...base, userId: 'alice', key: '2.1.1', change: { field: 'value', value: 'yes' }, baseVersion: 1 });
    await addToOutbox({
      ...base,
      userId: 'alice',
      key: 'case',
      change: { field: 'details', patch: { agreesWithRosh: true } },
      baseVersion: 1,
    });
    await dropKey('alice', 'c1', '2.1.1');
    expect((await listOutbox('alice')).map((e) => e.key)).toEqual(['case']);
  });

  it('signing out wipes that user’s changes and leaves another user’s', async () => {
    await addToOutbox({ ...base, userId: 'alice', key: '2.1.1', change: { field: 'value', value: 'yes' }, baseVersion: 1 });
    await addToOutbox({ ...base, userId: 'bob', key: '2.1.1', change: { field: 'value', value: 'no' }, baseVersion: 1 });
    await wipeOutbox('alice');
    expect(await countOutbox('alice')).toBe(0);
    expect(await countOutbox('bob')).toBe(1);
    await wipeOutbox('bob');
    expect(await countOutbox('bob')).toBe(0);
  });
});
