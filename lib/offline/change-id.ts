/**
 * The id a device gives each change it makes to an answer, sent with every try of it (the server
 * knows a retry of a change whose reply was lost: lib/marking/save-answer.ts). A version 4 UUID
 * from the browser's random source: `crypto.randomUUID` exists only in secure contexts, and an
 * office may reach Casemark over plain HTTP on its own network, so it falls back to
 * `crypto.getRandomValues`, which exists everywhere.
 */
export function newChangeId(random: Pick<Crypto, 'getRandomValues'> & Partial<Pick<Crypto, 'randomUUID'>> = crypto): string {
  if (typeof random.randomUUID === 'function') return random.randomUUID();
  const bytes = random.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40; // version 4
  bytes[8] = (bytes[8]! & 0x3f) | 0x80; // RFC 9562 variant
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The ids a save sends beside its change: its own (absent on a change kept before ids were given)
 * and the earlier changes it replaces, each only when there is one.
 */
export function idsToSend(changeId: string | undefined, replaces: readonly string[] = []): { changeId?: string; replaces?: string[] } {
  return { ...(changeId ? { changeId } : {}), ...(replaces.length ? { replaces: [...replaces] } : {}) };
}
