'use client';

import { useEffect, useRef, useState } from 'react';
import { saveReportSectionAction } from '@/lib/report/actions';
import type { SectionContent } from '@/lib/report/draft';
import type { ReportSectionConflict } from '@/lib/report/sections';

type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; at: string } | { kind: 'error'; message: string };

/**
 * One section of the draft, saved as the writer types: a second after the last change, on the
 * version the page holds (lib/db/concurrency.ts). A save that meets someone else's change keeps
 * what the writer typed and returns the conflict for the conflict panel ("Keep mine" saves
 * again on their version; "Take theirs" puts theirs on the page).
 */
export function useSectionAutosave(inspectionId: string, sectionKey: string, initial: { content: SectionContent; version: number }) {
  const [content, setContent] = useState(initial.content);
  const [version, setVersion] = useState(initial.version);
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const [conflict, setConflict] = useState<ReportSectionConflict | null>(null);
  const dirty = useRef(false);
  const latest = useRef({ content, version });
  useEffect(() => {
    latest.current = { content, version };
  }, [content, version]);

  // One save at a time: a change typed while a save is on its way is saved after it, on the version it returns.
  const inFlight = useRef(false);
  const again = useRef(false);

  async function save(onVersion: number) {
    if (inFlight.current) {
      again.current = true;
      return;
    }
    inFlight.current = true;
    dirty.current = false;
    setState({ kind: 'saving' });
    try {
      const response = await saveReportSectionAction({ inspectionId, sectionKey, content: latest.current.content, baseVersion: onVersion });
      if (!response.ok) {
        setState({ kind: 'error', message: response.message });
        return;
      }
      const result = response.data;
      if (result.status === 'conflict') {
        again.current = false;
        setConflict(result.theirs);
        setState({ kind: 'idle' });
        return;
      }
      latest.current = { ...latest.current, version: result.version };
      setConflict(null);
      setVersion(result.version);
      setState({ kind: 'saved', at: new Date().toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' }) });
    } finally {
      inFlight.current = false;
      if (again.current) {
        again.current = false;
        void save(latest.current.version);
      }
    }
  }

  useEffect(() => {
    if (!dirty.current || conflict) return;
    const timer = setTimeout(() => void save(latest.current.version), 1000);
    return () => clearTimeout(timer);
    // Saving follows the content; the version is read from `latest` when the timer fires.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [content, conflict]);

  return {
    content,
    update(next: (c: SectionContent) => SectionContent) {
      dirty.current = true;
      setContent((c) => next(c));
    },
    state,
    conflict,
    keepMine() {
      if (!conflict) return;
      setVersion(conflict.version);
      setConflict(null);
      void save(conflict.version);
    },
    takeTheirs() {
      if (!conflict) return;
      setVersion(conflict.version);
      setContent(conflict.content);
      setConflict(null);
    },
  };
}

export type SectionAutosave = ReturnType<typeof useSectionAutosave>;
