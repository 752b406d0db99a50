import { z } from 'zod';

/**
 * What PostgreSQL's `uuid` type accepts as we write it: 32 hex digits in 8-4-4-4-12 groups.
 * The old check (`/^[0-9a-f-]{36}$/`) let 36 dashes through to the `::uuid` cast, which failed
 * with a server error; anything that does not match this is simply not found.
 */
const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True when `value` can be looked up as an id (an ill-formed id is "not found", never an error). */
export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID_PATTERN.test(value);
}

/** The largest value of a PostgreSQL `integer`, which versions are stored as. */
export const MAX_INT4 = 2_147_483_647;

/** A version number sent back by a page (optimistic concurrency): a whole number PostgreSQL can compare. */
export const ZVersion = (min: 0 | 1) =>
  z
    .number({ error: 'The page is out of date: reload it and try again' })
    .int('The page is out of date: reload it and try again')
    .min(min, 'The page is out of date: reload it and try again')
    .max(MAX_INT4, 'The page is out of date: reload it and try again');
