import './jitless';
import type { z } from 'zod';
import { AppError } from '@/lib/errors';
import { findUnsafeInput } from './safe-input';

/** Field name → first message, for inline errors and the error summary. */
export function fieldErrorsOf(issues: readonly { path: readonly PropertyKey[]; message: string }[]): Record<string, string> {
  // A Map, because field names can come from the request (`__proto__` is a key like any other).
  const errors = new Map<string, string>();
  for (const issue of issues) {
    const field = String(issue.path[0] ?? 'form');
    if (!errors.has(field)) errors.set(field, issue.message);
  }
  return Object.fromEntries(errors);
}

/**
 * Parses with a zod schema or throws an `invalid` AppError carrying the field errors. Text that
 * cannot be stored (NUL, unpaired surrogates) and absurd nesting are refused first, by field.
 */
export function parseOrThrow<S extends z.ZodType>(
  schema: S,
  input: unknown,
  options: { checkedByCaller?: readonly string[] } = {},
): z.output<S> {
  // A caller that reports unstorable text more precisely (a CSV file, by line and column) checks those fields itself.
  const checked = options.checkedByCaller ?? [];
  const scanned =
    checked.length && input !== null && typeof input === 'object' && !Array.isArray(input)
      ? Object.fromEntries(Object.entries(input).filter(([key]) => !checked.includes(key)))
      : input;
  const unsafe = findUnsafeInput(scanned);
  if (unsafe) throw new AppError('invalid', unsafe.message, { [String(unsafe.path[0] ?? 'form')]: unsafe.message });
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const fieldErrors = fieldErrorsOf(parsed.error.issues);
  throw new AppError('invalid', Object.values(fieldErrors)[0] ?? 'Invalid input', fieldErrors);
}
