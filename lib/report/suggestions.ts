/**
 * Suggested strengths and areas for improvement for a domain's key findings: the prompts with
 * the highest and the lowest yes-rates, each as its phrase (lib/framework/prompt-phrases.ts).
 * Suggestions only — the page offers them for the lead to accept or rewrite, and nothing is
 * ever inserted by itself. Pure.
 */
import { getFramework } from '@/lib/framework';
import type { InspectionResult } from '@/lib/rating/compute-inspection';
import type { FrameworkVersion } from '@/lib/framework/types';
import { capitalise } from './words';
import { promptPhrase } from './sentences';

export interface Suggestion {
  promptId: string;
  pct: number;
  relevant: number;
  text: string;
}

/** A prompt answered over fewer cases than this says too little to suggest from. */
const MIN_RELEVANT = 3;

export function suggestFindings(
  framework: FrameworkVersion,
  result: InspectionResult,
  domainId: string,
  count = 3,
): { strengths: Suggestion[]; areas: Suggestion[] } {
  const domain = getFramework(framework).domains.find((d) => d.id === domainId);
  const rated: Suggestion[] = [];
  for (const standard of domain?.standards ?? []) {
    for (const [promptId, f] of Object.entries(result.standards[standard.id]?.prompts ?? {})) {
      const phrase = promptPhrase(framework, promptId);
      if (f.pct === null || f.relevant < MIN_RELEVANT || !phrase) continue;
      rated.push({ promptId, pct: f.pct, relevant: f.relevant, text: `${capitalise(phrase)}.` });
    }
  }
  // Ties keep the framework's printed order.
  const byPct = rated.map((s, i) => ({ s, i }));
  const strengths = [...byPct].sort((a, b) => b.s.pct - a.s.pct || a.i - b.i).filter(({ s }) => s.pct >= 65);
  const areas = [...byPct].sort((a, b) => a.s.pct - b.s.pct || a.i - b.i).filter(({ s }) => s.pct < 65);
  return { strengths: strengths.slice(0, count).map(({ s }) => s), areas: areas.slice(0, count).map(({ s }) => s) };
}
