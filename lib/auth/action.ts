import 'server-only';
import { toActionError, type AppErrorCode } from '@/lib/errors';
import { getSessionUser, type SessionUser } from './session';

export type ActionResponse<T> =
  | { ok: true; data: T }
  | { ok: false; code: AppErrorCode | 'error' | 'signed_out'; message: string; fieldErrors?: Record<string, string> };

/**
 * Every server action is a public HTTP endpoint: this checks who is asking before anything
 * else, and turns expected failures into values (unexpected ones are logged, not leaked).
 * The action body then authorises against the resource and parses its input.
 */
export async function runAction<T>(body: (user: SessionUser) => Promise<T>): Promise<ActionResponse<T>> {
  const user = await getSessionUser();
  if (!user) return { ok: false, code: 'signed_out', message: 'Your session has ended. Sign in again to keep saving.' };
  try {
    return { ok: true, data: await body(user) };
  } catch (error) {
    return toActionError(error);
  }
}
