'use client';

import { useTransition, type FormEvent } from 'react';

/**
 * React resets a form after its action runs, which empties controlled fields (radios, selects
 * whose value is state) without telling React. For forms that keep their values (they redirect
 * when done, or show what was sent), submit the form's data to the action without the reset.
 * Without JavaScript the form still posts to its action as usual.
 */
export function useSubmitWithoutReset(formAction: (formData: FormData) => void) {
  const [, startTransition] = useTransition();
  return (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const formData = new FormData(event.currentTarget, submitter);
    startTransition(() => formAction(formData));
  };
}
