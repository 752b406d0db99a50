// npm run -s ratings -- <inspection.json>
// Validates an interchange file (casemark/inspection@1, docs/interchange.md) and prints its
// computed ratings as JSON on stdout. No database. Invalid input: messages on stderr, exit 1.
import { readFileSync } from 'node:fs';
import { computeInspectionFromDocument, ratingsReport } from '@/lib/rating';
import { parseInspectionDocument } from '@/lib/validation/interchange';
import { at } from '@/lib/must';

const USAGE = 'Usage: npm run -s ratings -- <inspection.json>';

function fail(lines: string[]): never {
  process.stderr.write(`${lines.join('\n')}\n`);
  process.exit(1);
}

const args = process.argv.slice(2).filter((arg) => arg !== '--');
if (args.length !== 1 || args[0] === '--help' || args[0] === '-h') fail([USAGE]);
const file = at(args, 0);

let text: string;
try {
  text = readFileSync(file, 'utf8');
} catch (error) {
  fail([`Cannot read ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`]);
}

let json: unknown;
try {
  json = JSON.parse(text);
} catch (error) {
  fail([`${file} is not valid JSON: ${(error as Error).message}`]);
}

const parsed = parseInspectionDocument(json);
if (!parsed.ok) {
  fail([
    `${file} is not a valid inspection file (${parsed.errors.length} error${parsed.errors.length === 1 ? '' : 's'}):`,
    ...parsed.errors.map((e) => `  ${e}`),
  ]);
}

const report = ratingsReport(computeInspectionFromDocument(parsed.value));
process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
