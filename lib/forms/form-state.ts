/**
 * What a form's server action returns to `useActionState`: nothing yet, done (with words for the
 * notification banner), or refused (the message, field errors for the error summary and inline,
 * and the values sent, so the form shows them again rather than emptying).
 */
import type { ActionResponse } from '@/lib/auth/action';
import { AppError } from '@/lib/errors';

export type FormState<T = null> =
  | { status: 'idle' }
  | { status: 'done'; message: string; data: T }
  | { status: 'error'; message: string; fieldErrors: Record<string, string>; values: Record<string, unknown> };

export const IDLE_FORM_STATE: FormState<never> = { status: 'idle' };

export function toFormState<T>(
  response: ActionResponse<T>,
  values: Record<string, unknown>,
  doneMessage: (data: T) => string,
): FormState<T> {
  if (response.ok) return { status: 'done', message: doneMessage(response.data), data: response.data };
  return { status: 'error', message: response.message, fieldErrors: response.fieldErrors ?? {}, values };
}

// Names that would reach Object.prototype: a form posted by anyone must never pollute it.
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export const UNREADABLE_FORM = 'This form could not be read. Reload the page and try again.';

/**
 * A form's fields as an object for the zod schemas: `name[key]` becomes `{ name: { key } }`
 * (date parts, ratings per standard); names listed in `arrays` collect every value (checkboxes).
 * Files, Next's own `$ACTION` fields and prototype-polluting names are left out. Anything other
 * than form data (a server action can be sent JSON, or nothing) is an `invalid` AppError.
 */
export function formDataToObject(formData: unknown, arrays: readonly string[] = []): Record<string, unknown> {
  if (!(formData instanceof FormData)) throw new AppError('invalid', UNREADABLE_FORM, { form: UNREADABLE_FORM });
  const out: Record<string, unknown> = {};
  for (const name of arrays) out[name] = [];
  for (const [key, value] of formData.entries()) {
    if (typeof value !== 'string' || key.startsWith('$ACTION')) continue;
    const nested = /^([^[\]]+)\[([^[\]]+)\]$/.exec(key);
    if (nested) {
      const [, name = '', part = ''] = nested; // neither group is optional, so both are set
      if (FORBIDDEN_KEYS.has(name) || FORBIDDEN_KEYS.has(part)) continue;
      const existing = Object.hasOwn(out, name) ? out[name] : undefined;
      const group = (existing && typeof existing === 'object' && !Array.isArray(existing) ? existing : {}) as Record<string, string>;
      group[part] = value;
      out[name] = group;
    } else if (FORBIDDEN_KEYS.has(key)) {
      continue;
    } else if (arrays.includes(key)) {
      (out[key] as string[]).push(value);
    } else {
      out[key] = value;
    }
  }
  return out;
}

/** A value sent with a refused form, as text for `defaultValue`. */
export function valueOf(state: FormState<unknown>, name: string, fallback = ''): string {
  if (state.status !== 'error') return fallback;
  const value = state.values[name];
  return typeof value === 'string' ? value : fallback;
}

/** A nested value sent with a refused form (`fieldworkStart[day]`). */
export function nestedValueOf(state: FormState<unknown>, name: string, key: string, fallback = ''): string {
  if (state.status !== 'error') return fallback;
  const group = state.values[name];
  const value = group && typeof group === 'object' ? (group as Record<string, unknown>)[key] : undefined;
  return typeof value === 'string' ? value : fallback;
}

/** The inline error of one field of a refused form. */
export function fieldError(state: FormState<unknown>, field: string): string | undefined {
  return state.status === 'error' ? state.fieldErrors[field] : undefined;
}
