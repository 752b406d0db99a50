import type { Actor } from '@/lib/auth/permissions';
import type { CaseAccess } from '@/lib/access/context';

/**
 * The case access an answer save found allowed, kept a minute per actor and case from the moment
 * it was read, so that the next saves of the same case skip that read (one statement of three:
 * issue 11, capacity). It expires by age, not by last use: saving again does not extend it. It is
 * never the authority: the save's one write statement re-checks, in SQL, the whole rule (fieldwork,
 * the actor's role as checked, the allocation, the blind rule of second marking, not complete, the
 * case's type and disposal) and that every input the access was decided on is unchanged (the
 * case's inspector, the inspection's status, its second markings — lib/access/scope.ts
 * `caseMarkGuardSql`, `caseScopeUnchangedSql`). So any change of allocation, team, status or second
 * marking makes the guard refuse; the save then forgets the entry and is decided again from the
 * database (issue 21). Only allowed access is kept, so a refusal is always read fresh. Per app
 * server; nothing here is shared.
 */
const KEEP_MS = 60_000;
const MAX_ENTRIES = 10_000;

const entries = new Map<string, { access: CaseAccess; at: number }>();
const keyOf = (actor: Actor, caseId: string) => `${actor.id}|${actor.isAdmin ? 'admin' : ''}|${caseId}`;

export function recallAccess(actor: Actor, caseId: string, now = Date.now()): CaseAccess | null {
  const key = keyOf(actor, caseId);
  const entry = entries.get(key);
  if (!entry) return null;
  if (now - entry.at > KEEP_MS) {
    entries.delete(key);
    return null;
  }
  return entry.access;
}

export function rememberAccess(actor: Actor, access: CaseAccess, now = Date.now()): void {
  const key = keyOf(actor, access.id);
  const live = entries.get(key);
  // A live entry keeps the time it was first read: remembering again never makes it younger.
  const at = live && now - live.at <= KEEP_MS ? live.at : now;
  entries.delete(key); // re-inserted last: the Map's order is oldest first
  entries.set(key, { access, at });
  for (const oldest of entries.keys()) {
    if (entries.size <= MAX_ENTRIES) break;
    entries.delete(oldest);
  }
}

export function forgetAccess(actor: Actor, caseId: string): void {
  entries.delete(keyOf(actor, caseId));
}
