/** The ratings command end to end: `npx tsx scripts/ratings.ts <file>`. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');

function run(...args: string[]) {
  const result = spawnSync('npx', ['tsx', 'scripts/ratings.ts', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('npm run ratings', { timeout: 120_000 }, () => {
  it('prints the computed ratings of a valid file as JSON', () => {
    const { status, stdout } = run('docs/fixtures/leicestershire-2021.json');
    expect(status).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.overall).toMatchObject({ score: 11, rating: 'requires_improvement', missing: [] });
    expect(report.standards['2.1']).toMatchObject({
      rating: 'requires_improvement',
      computedRating: 'inadequate',
      score: 1,
      professionalJudgement: true,
      lowestKeyQuestion: '2.1.3',
      keyQuestions: {
        '2.1.1': { yes: 10, relevant: 13, pct: 77, professionalJudgement: false },
        '2.1.2': { yes: 7, relevant: 13, pct: 54, professionalJudgement: false },
        // The * of professional judgement belongs to the key question that set the rating.
        '2.1.3': { yes: 6, relevant: 13, pct: 46, professionalJudgement: true },
      },
    });
    // Casemark's own resettlement questions are labelled as such ("for illustrative purposes only").
    expect(report.resettlementAspectsLabel).toMatch(/^Casemark's own resettlement questions/);
    expect(Object.keys(report.resettlementAspects)).toHaveLength(10);
    expect(report.standards['2.1'].flags.map((f: { code: string }) => f.code)).toEqual(['near_boundary', 'one_case_flips']);
    expect(report.standards['3.4']).toMatchObject({ rating: 'inadequate', computedRating: null, score: 0, keyQuestions: {} });
    expect(report.standards['4.1']).toMatchObject({ rating: 'requires_improvement', score: null, ratedSeparately: true, notRated: false });
  });

  it('exits 1 with the errors on stderr for an invalid file', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'casemark-ratings-'));
    const invalid = path.join(dir, 'invalid.json');
    writeFileSync(
      invalid,
      JSON.stringify({
        format: 'casemark/inspection@1',
        inspection: { service: 'X', framework: '2018' },
        cases: [{ ref: 'O1', type: 'out_of_court', disposal: 'youth_caution', answers: { '3.4.2': 'yes' } }],
      }),
    );
    const { status, stdout, stderr } = run(invalid);
    expect(status).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain('is not a valid inspection file (1 error):');
    expect(stderr).toContain('cases[0].answers["3.4.2"]: Case "O1": answer to "3.4.2" cannot apply to this case');

    const badJson = path.join(dir, 'bad.json');
    writeFileSync(badJson, '{ "format": ');
    const bad = run(badJson);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('is not valid JSON');

    const missing = run(path.join(dir, 'nope.json'));
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('no such file');

    const usage = run();
    expect(usage.status).toBe(1);
    expect(usage.stderr).toContain('Usage: npm run -s ratings -- <inspection.json>');
  });
});
