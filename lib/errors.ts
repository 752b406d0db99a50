/**
 * Expected failures are values with a code; the UI turns them into words. Anything else is a
 * bug: logged and answered generically.
 */
export type AppErrorCode = 'not_found' | 'forbidden' | 'conflict' | 'invalid';

export class AppError extends Error {
  constructor(
    public readonly code: AppErrorCode,
    message: string,
    public readonly fieldErrors?: Record<string, string>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

/** Turns a thrown error into an action result; unexpected errors are logged, not leaked. */
export function toActionError(error: unknown): {
  ok: false;
  code: AppErrorCode | 'error';
  message: string;
  fieldErrors?: Record<string, string>;
} {
  if (error instanceof AppError) {
    return { ok: false, code: error.code, message: error.message, fieldErrors: error.fieldErrors };
  }
  console.error(error);
  return { ok: false, code: 'error', message: 'Something went wrong. Your change was not saved — try again.' };
}
