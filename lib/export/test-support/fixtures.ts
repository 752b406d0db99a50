import { readFileSync } from 'node:fs';
import path from 'node:path';
import { getFramework } from '@/lib/framework';
import { computeInspectionFromDocument } from '@/lib/rating/tally';
import { parseInspectionDocument, type TInspectionDocument } from '@/lib/validation/interchange';

export const FIXTURE_NAMES = ['blackpool-2021', 'wigan-2021', 'dudley-2019', 'st-helens-2023', 'leicestershire-2021'] as const;
type FixtureName = (typeof FIXTURE_NAMES)[number];

const FIXTURES_DIR = path.resolve(__dirname, '../../../docs/fixtures');

/** A report fixture from docs/fixtures, validated, with the engine's result. */
export function loadReportFixture(name: FixtureName) {
  const json: unknown = JSON.parse(readFileSync(path.join(FIXTURES_DIR, `${name}.json`), 'utf8'));
  const parsed = parseInspectionDocument(json);
  if (!parsed.ok) throw new Error(`${name}: ${parsed.errors.join('; ')}`);
  const document: TInspectionDocument = parsed.value;
  return {
    json,
    document,
    framework: getFramework(document.inspection.framework),
    result: computeInspectionFromDocument(document),
    previousKeyQuestionPct: document.inspection.previous?.keyQuestionPct ?? {},
  };
}
