/**
 * Zod without its JIT: zod 4 compiles object parsers with `new Function`, and probes for it with
 * `Function("")` when the first object schema is built. Under Casemark's Content-Security-Policy
 * (no 'unsafe-eval') the browser reports that probe as a violation (issue 21, /inspections/import,
 * whose form builds a schema in the browser). Imported for its effect, first, by the schema
 * modules the browser loads and by lib/validation/parse.ts on the server; the setting lives on
 * globalThis, so one import sets it for every copy of zod.
 */
import { z } from 'zod';

z.config({ jitless: true });
