/**
 * npm run soak -- --capacity [--levels 20,50,100,150,200] [--minutes 1] — the most concurrent
 * simulated inspectors one app server carries with save p95 ≤ 100 ms and panel lag p95 ≤ 250 ms
 * (the soak's harness without faults, every level listed, one after another), written into its own section
 * of docs/performance.md between the capacity markers (the rest of the file is left alone).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runSoak, type SoakResult } from './lib/soak';

const CAPACITY_START = '<!-- capacity:start -->';
const CAPACITY_END = '<!-- capacity:end -->';
const SAVE_P95_MS = 100;
const LAG_P95_MS = 250;

/** Replaces (or appends) the capacity section of a performance.md text. */
function withCapacitySection(text: string, section: string): string {
  const block = `${CAPACITY_START}\n${section.trim()}\n${CAPACITY_END}`;
  const from = text.indexOf(CAPACITY_START);
  const to = text.indexOf(CAPACITY_END);
  if (from >= 0 && to > from) return text.slice(0, from) + block + text.slice(to + CAPACITY_END.length);
  return `${text.trimEnd()}\n\n${block}\n`;
}

/** The capacity section of an existing performance.md text, to carry over when bench rewrites it. */
export function capacitySectionOf(text: string): string {
  const from = text.indexOf(CAPACITY_START);
  const to = text.indexOf(CAPACITY_END);
  return from >= 0 && to > from ? text.slice(from, to + CAPACITY_END.length) : '';
}

export async function runCapacity(levels: number[], minutes: number): Promise<void> {
  const rows: { inspectors: number; result: SoakResult; fits: boolean; load: string }[] = [];
  for (const inspectors of levels) {
    process.stderr.write(`[capacity] ${inspectors} inspectors for ${minutes} min…\n`);
    const result = await runSoak({ inspectors, minutes, databaseOutageSeconds: 0, appRestart: false, aborts: 0 });
    const f = result.figures;
    const fits = result.ok && f.save.p95 <= SAVE_P95_MS && f.panelLag.p95 <= LAG_P95_MS;
    const load = os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' / ');
    rows.push({ inspectors, result, fits, load });
    process.stderr.write(
      `[capacity] ${inspectors}: ${f.savesPerSecond.toFixed(1)} saves/s, save p95 ${f.save.p95.toFixed(0)} ms, panel lag p95 ${f.panelLag.p95.toFixed(0)} ms, checks ${result.ok ? 'ok' : 'FAILED'}, load ${load} → ${fits ? 'carried' : 'not carried'}\n`,
    );
  }
  const carried = rows.filter((r) => r.fits).map((r) => r.inspectors);
  const best = carried.length ? Math.max(...carried) : 0;
  const ms = (n: number) => (Number.isNaN(n) ? '–' : `${n.toFixed(0)} ms`);
  const section = [
    '## Capacity: concurrent inspectors on one app server',
    '',
    `Measured by \`npm run soak -- --capacity\` on ${new Date().toISOString().slice(0, 10)}: ${os.cpus().length} cores (the load average in the`,
    'table shows whether anything else was running: the figures move with it), Node ' + process.version + ', embedded',
    'PostgreSQL 18, one `next start`, the database and the simulated inspectors on the',
    `same machine. Each level is the soak without faults for ${minutes} min: every simulated inspector saves a`,
    'key-question judgement every 1–3 s over HTTP (a fifth of them in pairs on the same answers, so some saves',
    'conflict and are resolved with “Keep mine”), three live panel streams listen, and every soak check must pass.',
    `A level is carried when save p95 ≤ ${SAVE_P95_MS} ms and panel lag p95 (save acknowledged → the next event on a`,
    `panel stream) ≤ ${LAG_P95_MS} ms.`,
    '',
    '| Inspectors | Saves/s | Save p50 | Save p95 | Panel lag p50 | Panel lag p95 | Checks | Load average (1/5/15 min) | Carried |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | --- | --- | --- |',
    ...rows.map(
      (r) =>
        `| ${r.inspectors} | ${r.result.figures.savesPerSecond.toFixed(1)} | ${ms(r.result.figures.save.p50)} | ${ms(r.result.figures.save.p95)} | ${ms(r.result.figures.panelLag.p50)} | ${ms(r.result.figures.panelLag.p95)} | ${r.result.ok ? 'pass' : 'FAIL'} | ${r.load} | ${r.fits ? 'yes' : 'no'} |`,
    ),
    '',
    `**One app server on this ${os.cpus().length}-core machine carried ${best} concurrent inspectors** within both limits (the aim is 200).`,
    '',
  ].join('\n');
  const file = path.join(process.cwd(), 'docs', 'performance.md');
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '# Performance\n';
  writeFileSync(file, withCapacitySection(text, section));
  process.stdout.write(`${section}\n`);
}
