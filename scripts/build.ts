/**
 * The production build (scripts/lib/build.ts), when there is none or the sources are newer: what
 * `npm start`, the browser tests and the integration tests that start servers would otherwise
 * build themselves. npm test runs it in the background while the unit and integration tests run.
 */
import { buildIfNeeded } from './lib/build';

buildIfNeeded().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
