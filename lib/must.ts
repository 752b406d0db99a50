/**
 * Checked access for values the code knows are there (a loop index below `length`, a regex group
 * that must match, a key the caller just put in the map). With `noUncheckedIndexedAccess` an index
 * may be `undefined`; these turn "cannot happen" into a clear error instead of a silent `undefined`
 * further on, without a bare `!` that would hide a real bug.
 */

/** The value, or an Error naming `what` was missing. */
export function must<T>(value: T | undefined | null, what: string): T {
  if (value === undefined || value === null) throw new Error(`Expected ${what}, found ${String(value)}`);
  return value;
}

/** `items[index]`, or an Error if the index is outside the array. */
export function at<T>(items: readonly T[], index: number): T {
  if (!Number.isInteger(index) || index < 0 || index >= items.length) {
    throw new Error(`Index ${index} is outside a list of ${items.length}`);
  }
  return items[index] as T;
}
