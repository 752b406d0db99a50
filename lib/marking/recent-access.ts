import type { Actor } from '@/lib/auth/permissions';
import type { CaseAccess } from '@/lib/access/context';

/**
 * The case access an answer save found allowed, kept a minute per actor and case so that the
 * next save of the same case skips that read (one statement of three: issue 11, capacity). It is
 * never the authority: the save's one write statement re-checks, in SQL, everything the access
 * decided (fieldwork, the actor's role as checked, the allocation, not complete, the case's type
 * and disposal — lib/access/scope.ts `caseMarkGuardSql`), and a save whose guard refuses forgets
 * the entry and is checked again from the database. Only allowed access is kept, so a refusal is
 * always read fresh. Per app server; nothing here is shared.
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
  entries.delete(key); // re-inserted last: the Map's order is oldest first
  entries.set(key, { access, at: now });
  for (const oldest of entries.keys()) {
    if (entries.size <= MAX_ENTRIES) break;
    entries.delete(oldest);
  }
}

export function forgetAccess(actor: Actor, caseId: string): void {
  entries.delete(keyOf(actor, caseId));
}
