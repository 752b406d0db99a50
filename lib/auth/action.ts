import 'server-only';
import { toActionError, type AppErrorCode } from '@/lib/errors';
import { formDataToObject } from '@/lib/forms/form-state';
import { getSessionUser, type SessionUser } from './session';

export type ActionResponse<T> =
  { ok: true; data: T } | { ok: false; code: AppErrorCode | 'error' | 'signed_out'; message: string; fieldErrors?: Record<string, string> };

const SIGNED_OUT = { ok: false, code: 'signed_out', message: 'Your session has ended. Sign in again to keep saving.' } as const;

/**
 * Every server action is a public HTTP endpoint: this checks who is asking before anything
 * else, and turns expected failures into values (unexpected ones are logged, not leaked).
 * The action body then authorises against the resource and parses its input.
 */
export async function runAction<T>(body: (user: SessionUser) => Promise<T>): Promise<ActionResponse<T>> {
  const user = await getSessionUser();
  if (!user) return SIGNED_OUT;
  try {
    return { ok: true, data: await body(user) };
  } catch (error) {
    return toActionError(error);
  }
}

/**
 * `runAction` for a form posted to `useActionState`: the form data is read only once the
 * session has been checked, and whatever was sent instead of form data (JSON, nothing, a
 * string…) is an `invalid` answer rather than a crash. `values` are the fields read (empty when
 * signed out or unreadable), for the form to show again.
 */
export async function runFormAction<T>(
  formData: unknown,
  body: (user: SessionUser, values: Record<string, unknown>) => Promise<T>,
  options: { arrays?: readonly string[] } = {},
): Promise<{ response: ActionResponse<T>; values: Record<string, unknown> }> {
  let values: Record<string, unknown> = {};
  const response = await runAction((user) => {
    values = formDataToObject(formData, options.arrays);
    return body(user, values);
  });
  return { response, values };
}
