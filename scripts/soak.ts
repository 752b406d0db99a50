/**
 * npm run soak -- --inspectors 20 --minutes 5 — the fieldwork week under faults (scripts/lib/soak.ts):
 * a database outage of 10 s, one app server kill and restart, cut requests, and through a TCP proxy
 * every connection cut (then refused) for 10 s and black-holed for 15 s, and the lead signed in on
 * two inspectors' devices for a while (issue 20), then the checks.
 * `--capacity [--levels 20,50,100]` finds how many inspectors one app server carries (scripts/soak-capacity.ts).
 * Options: --inspectors N, --minutes M, --pairs P, --outage S (0: none), --no-restart, --aborts A,
 * --cut S, --black-hole S (0: none), --swaps D (devices the lead signs in on), --rolling-restart (two app
 * servers behind a balancer, each stopped with SIGTERM and started again in turn, instead of the kill:
 * no save may be answered with a server error while they roll; issue 24).
 * Exits non-zero when any check fails.
 */
import { formatSoak, runSoak } from './lib/soak';
import { runCapacity } from './soak-capacity';
import { must } from '@/lib/must';

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const value = Number(process.argv[i + 1]);
  if (!Number.isFinite(value) || value < 0) {
    process.stderr.write(`--${name} needs a number (got "${process.argv[i + 1] ?? ''}")\n`);
    process.exit(2);
  }
  return value;
}

async function main() {
  if (process.argv.includes('--capacity')) {
    const i = process.argv.indexOf('--levels');
    const levels = (i >= 0 ? must(process.argv[i + 1], 'a list of levels after --levels') : '20,50,100,150,200')
      .split(',')
      .map(Number)
      .filter((n) => Number.isInteger(n) && n >= 2);
    await runCapacity(levels, option('minutes', 1));
    return;
  }
  const inspectors = Math.max(2, Math.floor(option('inspectors', 20)));
  const result = await runSoak({
    inspectors,
    minutes: option('minutes', 5),
    pairs: option('pairs', Math.max(1, Math.floor(inspectors / 5))),
    databaseOutageSeconds: option('outage', 10),
    appRestart: !process.argv.includes('--no-restart'),
    rollingRestart: process.argv.includes('--rolling-restart'),
    aborts: option('aborts', 5),
    cutSeconds: option('cut', 10),
    blackHoleSeconds: option('black-hole', 15),
    sessionSwaps: option('swaps', 2),
  });
  process.stdout.write(`${formatSoak(result)}\n`);
  process.stdout.write(`${JSON.stringify(result.figures)}\n`);
  process.exit(result.ok ? 0 : 1);
}

void main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
