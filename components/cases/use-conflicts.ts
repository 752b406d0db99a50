'use client';

import { useCallback, useRef, useState } from 'react';

/**
 * A page's conflicts, kept in one place (issue 20): someone else's newer version of something the
 * page was saving, waiting for the inspector's "Keep mine" or "Take theirs". Every form that
 * autosaves keeps its conflicts here rather than in a copy of its own, so the status line can name
 * them all and a later change to a key in conflict is held, not sent on a stale version.
 */
export function useConflicts<T>() {
  const [conflicts, setConflicts] = useState<Readonly<Record<string, T>>>({});
  // Read synchronously by saves in flight: React state would be a render behind.
  const current = useRef<Record<string, T>>({});

  const open = useCallback((key: string, conflict: T) => {
    current.current = { ...current.current, [key]: conflict };
    setConflicts(current.current);
  }, []);

  const update = useCallback((key: string, change: (conflict: T) => T) => {
    const conflict = current.current[key];
    if (conflict === undefined) return;
    current.current = { ...current.current, [key]: change(conflict) };
    setConflicts(current.current);
  }, []);

  /** Resolves a conflict: returns it (or undefined when there was none) and forgets it. */
  const close = useCallback((key: string): T | undefined => {
    const { [key]: closed, ...rest } = current.current;
    current.current = rest;
    setConflicts(rest);
    return closed;
  }, []);

  const isOpen = useCallback((key: string) => key in current.current, []);

  return { conflicts, open, update, close, isOpen };
}
