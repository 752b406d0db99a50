'use client';

import { createContext, useCallback, useContext, useState, type ReactNode } from 'react';

const FeedbackContext = createContext<{ active: string | null; activate: (key: string) => void }>({ active: null, activate: () => {} });

/**
 * A page with several small forms (the set-up page) shows the outcome of the last one submitted
 * only: an earlier form's "done" or error would be stale, and two error summaries at once would
 * confuse. Each form calls `activate` on submit and shows its feedback only while it is active.
 */
export function FeedbackScope({ children }: { children: ReactNode }) {
  const [active, setActive] = useState<string | null>(null);
  const activate = useCallback((key: string) => setActive(key), []);
  return <FeedbackContext.Provider value={{ active, activate }}>{children}</FeedbackContext.Provider>;
}

export function useFeedback(key: string) {
  const { active, activate } = useContext(FeedbackContext);
  return { isShown: active === null || active === key, onSubmit: () => activate(key) };
}

/** Content (a banner about the page's last change) shown until another form on the page is submitted. */
export function ShownUntilNextChange({ children }: { children: ReactNode }) {
  const { active } = useContext(FeedbackContext);
  return active === null ? children : null;
}
