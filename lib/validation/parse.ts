import type { z } from 'zod';
import { AppError } from '@/lib/errors';

/** Field name → first message, for inline errors and the error summary. */
export function fieldErrorsOf(issues: readonly { path: readonly PropertyKey[]; message: string }[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) errors[String(issue.path[0] ?? 'form')] ??= issue.message;
  return errors;
}

/** Parses with a zod schema or throws an `invalid` AppError carrying the field errors. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const fieldErrors = fieldErrorsOf(parsed.error.issues);
  throw new AppError('invalid', Object.values(fieldErrors)[0] ?? 'Invalid input', fieldErrors);
}
