/**
 * From the stored list, windows, sizes and draw to what the sample page shows: who is in and
 * out of each window and why, each population's size, the current sample after replacements,
 * its reserves and its make-up against the population's. Pure.
 */
import type { CaseType, FrameworkVersion, Level, Disposal } from '@/lib/framework/types';
import { compareWithPopulation, rankReplacements, type CharacteristicComparison, type SamplingCase } from './balanced-selection';
import { planSampleSizes, type PopulationSize, type SizeOverride } from './sample-size';
import { decideEligibility, populationTypes, type EligibilityWindows } from './windows';

export interface ListedCase extends SamplingCase {
  line: number;
  type: CaseType;
  disposal: Disposal;
  disposalDate: string;
  rosh: Level | null;
  safetyWellbeing: Level | null;
  caseManager: string | null;
}

export interface ClassifiedCase extends ListedCase {
  isEligible: boolean;
  reason: string;
}

export type DrawSelection = Partial<Record<CaseType, { sample: string[]; reserves: string[] }>>;

export interface StoredReplacement {
  removedCaseId: string;
  replacementCaseId: string;
  reason: string;
}

interface PopulationSample {
  type: CaseType;
  sample: ListedCase[];
  /** Reserves not yet used, best first. */
  reserves: ListedCase[];
  replaced: { removed: ListedCase; replacement: ListedCase; reason: string }[];
  comparison: CharacteristicComparison[];
  /** The eligible population the sample was drawn from (for judging a replacement's balance). */
  eligible: ClassifiedCase[];
}

export function classifyCases(cases: readonly ListedCase[], windows: EligibilityWindows): ClassifiedCase[] {
  return cases.map((kase) => ({ ...kase, ...decideEligibility(kase, windows) }));
}

export function eligibleCounts(classified: readonly ClassifiedCase[]): Partial<Record<CaseType, number>> {
  const counts: Partial<Record<CaseType, number>> = {};
  for (const kase of classified) if (kase.isEligible) counts[kase.type] = (counts[kase.type] ?? 0) + 1;
  return counts;
}

export function planSizes(
  framework: FrameworkVersion,
  classified: readonly ClassifiedCase[],
  isSixtyForty: boolean,
  overrides: Partial<Record<CaseType, SizeOverride>>,
): PopulationSize[] {
  return planSampleSizes({ eligible: eligibleCounts(classified), types: populationTypes(framework), isSixtyForty, overrides });
}

/** The draw as it stands after its replacements, in the order they were made. */
export function applyReplacements(selection: DrawSelection, replacements: readonly StoredReplacement[]): DrawSelection {
  const out: DrawSelection = {};
  for (const [type, part] of Object.entries(selection) as [CaseType, { sample: string[]; reserves: string[] }][]) {
    let sample = [...part.sample];
    let reserves = [...part.reserves];
    for (const r of replacements) {
      if (!sample.includes(r.removedCaseId) || !reserves.includes(r.replacementCaseId)) continue;
      sample = sample.map((id) => (id === r.removedCaseId ? r.replacementCaseId : id));
      reserves = reserves.filter((id) => id !== r.replacementCaseId);
    }
    out[type] = { sample, reserves };
  }
  return out;
}

/** Each population's current sample and reserves, with its make-up against the eligible population's. */
export function describeSample(
  classified: readonly ClassifiedCase[],
  selection: DrawSelection,
  replacements: readonly StoredReplacement[],
): PopulationSample[] {
  const byId = new Map(classified.map((c) => [c.id, c]));
  const current = applyReplacements(selection, replacements);
  const of = (ids: readonly string[]) => ids.map((id) => byId.get(id)).filter((c): c is ClassifiedCase => c !== undefined);
  return (Object.entries(current) as [CaseType, { sample: string[]; reserves: string[] }][]).map(([type, part]) => {
    const sample = of(part.sample).sort((a, b) => (a.reference < b.reference ? -1 : 1));
    const eligible = classified.filter((c) => c.type === type && c.isEligible);
    const replaced = replacements
      .filter(
        (r) =>
          (selection[type]?.sample.includes(r.removedCaseId) || selection[type]?.reserves.includes(r.removedCaseId)) &&
          byId.has(r.replacementCaseId),
      )
      .map((r) => ({ removed: byId.get(r.removedCaseId)!, replacement: byId.get(r.replacementCaseId)!, reason: r.reason }));
    return { type, sample, reserves: of(part.reserves), replaced, comparison: compareWithPopulation(eligible, sample), eligible };
  });
}

/**
 * The reserves that could replace a sampled case, best first by the balance the sample would
 * keep (lib/sampling/balanced-selection.ts, rankReplacements), and whether any of them keeps
 * every category within one case of its expected count.
 */
export function suggestReplacements(removed: ListedCase, population: Pick<PopulationSample, 'sample' | 'reserves' | 'eligible'>) {
  const ranked = rankReplacements(removed, population.reserves, { population: population.eligible, sample: population.sample });
  return { ranked, canKeepBalance: ranked.some((r) => r.isWithinToleranceAfter) };
}
