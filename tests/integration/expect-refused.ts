import { expect } from 'vitest';
import { AppError } from '../../lib/errors';

/**
 * Runs `run`, expects it to be refused with an AppError of `code` (and `message`, field
 * errors), and proves that nothing changed: `snapshot` is taken before and after.
 */
export async function expectRefusedUnchanged(
  snapshot: () => Promise<unknown>,
  run: () => Promise<unknown>,
  code: AppError['code'],
  message?: RegExp,
  fieldErrors?: Record<string, unknown>,
): Promise<void> {
  const before = await snapshot();
  const error = await run().then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  if (message) expect((error as AppError).message).toMatch(message);
  if (fieldErrors) expect((error as AppError).fieldErrors).toMatchObject(fieldErrors);
  expect(await snapshot()).toEqual(before);
}
