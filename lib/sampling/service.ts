/**
 * Drawing the case sample: the database side. Every write authorises the actor on the
 * inspection (its lead inspector, or an admin; anyone else gets not-found or forbidden), is
 * refused unless the inspection is in set-up and the sample not yet confirmed, runs in one
 * transaction with the inspection row locked, and writes an audit entry. The rules themselves
 * are the pure functions beside this file.
 */
import { randomBytes } from 'node:crypto';
import type { Prisma, PrismaClient } from '@/lib/generated/prisma/client';
import type { Actor } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors';
import type { CaseType, FrameworkVersion } from '@/lib/framework/types';
import { parseOrThrow } from '@/lib/validation/parse';
import {
  ZConfirmSample,
  ZDrawSample,
  ZReplaceSampledCase,
  ZSetSixtyForty,
  ZSetSize,
  ZSetWindow,
  ZUploadPopulation,
} from '@/lib/validation/sampling';
import { lockInspectionForManage, type Tx } from '@/lib/setup/manage-access';
import { drawBalancedSample } from './balanced-selection';
import { formatIsoDate } from './dates';
import {
  applyReplacements,
  classifyCases,
  describeSample,
  planSizes,
  type ClassifiedCase,
  type DrawSelection,
  type ListedCase,
  type StoredReplacement,
} from './plan';
import { checkPopulationFile, type PopulationCheck } from './population-file';
import type { PopulationSize, SizeOverride } from './sample-size';
import { defaultWindows, explainWindowProblem, populationTypes, type EligibilityWindows } from './windows';
import { writeAudit, writeAudits, type AuditAction, type AuditEntry } from '@/lib/audit/write';

const SEED_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** A new seed a person can read out: 8 characters, no 0/o or 1/l/i to confuse. */
function newSeed(): string {
  return Array.from(randomBytes(8), (b) => SEED_ALPHABET[b % SEED_ALPHABET.length]).join('');
}

interface InspectionForSample {
  id: string;
  framework: FrameworkVersion;
  fieldworkStart: string;
}

/** The inspection, if the actor may set it up and it is still in set-up; locked. */
async function lockForSampling(tx: Tx, actor: Actor, inspectionId: string): Promise<InspectionForSample> {
  const inspection = await lockInspectionForManage(tx, actor, inspectionId);
  if (inspection.status !== 'set_up') {
    throw new AppError('forbidden', 'The sample can be drawn only while the inspection is in set-up.');
  }
  const { fieldworkStart } = await tx.inspection.findUniqueOrThrow({ where: { id: inspectionId }, select: { fieldworkStart: true } });
  return { id: inspection.id, framework: inspection.framework, fieldworkStart: formatIsoDate(fieldworkStart) };
}

const POPULATION_SELECT = {
  id: true,
  fileName: true,
  windows: true,
  sizeOverrides: true,
  isSixtyForty: true,
  uploadedAt: true,
  confirmedAt: true,
  cases: {
    orderBy: { line: 'asc' },
    select: {
      id: true,
      line: true,
      reference: true,
      type: true,
      disposal: true,
      disposalDate: true,
      gender: true,
      rosh: true,
      safetyWellbeing: true,
      caseManager: true,
    },
  },
  draws: {
    orderBy: { drawnAt: 'desc' },
    take: 1,
    select: {
      id: true,
      seed: true,
      windows: true,
      sizes: true,
      selection: true,
      drawnAt: true,
      replacements: { orderBy: { replacedAt: 'asc' }, select: { removedCaseId: true, replacementCaseId: true, reason: true } },
    },
  },
} satisfies Prisma.SamplePopulationSelect;

type StoredPopulation = Prisma.SamplePopulationGetPayload<{ select: typeof POPULATION_SELECT }>;

/** What was drawn with which sizes, stored with the draw (and compared with the current plan). */
type DrawnSizes = Partial<Record<CaseType, { size: number; rule: string; eligible: number; reason: string | null }>>;

const sizesOf = (plan: readonly PopulationSize[]): DrawnSizes =>
  Object.fromEntries(plan.map((p) => [p.type, { size: p.size, rule: p.rule, eligible: p.eligible, reason: p.overrideReason }]));

const sameSizes = (a: DrawnSizes, b: DrawnSizes) =>
  populationTypesOf(a, b).every((type) => a[type]?.size === b[type]?.size && a[type]?.eligible === b[type]?.eligible);
const populationTypesOf = (...sizes: DrawnSizes[]) => [...new Set(sizes.flatMap((s) => Object.keys(s)))] as CaseType[];
const sameWindows = (a: EligibilityWindows, b: EligibilityWindows) => JSON.stringify(sortedWindows(a)) === JSON.stringify(sortedWindows(b));
const sortedWindows = (w: EligibilityWindows) => Object.fromEntries(Object.entries(w).sort(([x], [y]) => (x < y ? -1 : 1)));

/** Everything the sample page shows, computed from what is stored. */
function buildSampleState(framework: FrameworkVersion, population: StoredPopulation) {
  const windows = population.windows as EligibilityWindows;
  const overrides = population.sizeOverrides as Partial<Record<CaseType, SizeOverride>>;
  const listed: ListedCase[] = population.cases.map((c) => ({ ...c, disposalDate: formatIsoDate(c.disposalDate) }));
  const classified = classifyCases(listed, windows);
  const sizes = planSizes(framework, classified, population.isSixtyForty, overrides);
  const draw = population.draws[0] ?? null;
  const replacements: StoredReplacement[] = draw?.replacements ?? [];
  const samples = draw ? describeSample(classified, draw.selection as DrawSelection, replacements) : [];
  const isStale = draw
    ? !sameWindows(draw.windows as EligibilityWindows, windows) || !sameSizes(draw.sizes as DrawnSizes, sizesOf(sizes))
    : false;
  return { population, windows, overrides, classified, sizes, draw, replacements, samples, isStale };
}

type SampleState = ReturnType<typeof buildSampleState>;

async function loadPopulation(tx: Tx | PrismaClient, inspectionId: string): Promise<StoredPopulation | null> {
  return tx.samplePopulation.findUnique({ where: { inspectionId }, select: POPULATION_SELECT });
}

/** The sample page's state; the caller has checked (requireInspection) that the actor may manage the inspection. */
export async function loadSampleState(
  db: PrismaClient,
  inspection: { id: string; framework: FrameworkVersion },
): Promise<SampleState | null> {
  const population = await loadPopulation(db, inspection.id);
  return population ? buildSampleState(inspection.framework, population) : null;
}

async function requireOpenPopulation(tx: Tx, inspectionId: string): Promise<StoredPopulation> {
  const population = await loadPopulation(tx, inspectionId);
  if (!population) throw new AppError('conflict', 'Upload the service’s list of eligible cases first.');
  if (population.confirmedAt) throw new AppError('conflict', 'The sample has been confirmed: its cases are now the inspection’s cases.');
  return population;
}

/** Plain data as a JSON column's value (the windows and sizes types are JSON already). */
const toJson = (value: object) => value as Prisma.InputJsonValue;

const audit = (
  tx: Tx,
  actor: Actor,
  inspectionId: string,
  action: AuditAction & `sample.${string}`,
  entityId: string,
  newValue: Prisma.InputJsonValue,
  oldValue?: Prisma.InputJsonValue,
) => writeAudit(tx, { actorId: actor.id, inspectionId, action, entityId, newValue, oldValue });

/**
 * Keeps the service's list when every row is right (replacing an earlier list and its draws;
 * windows, sizes and the 60/40 choice carry over). When any row is wrong nothing is kept and the
 * check, with every problem, is returned for the page.
 */
export async function uploadPopulation(
  db: PrismaClient,
  actor: Actor,
  input: unknown,
): Promise<{ check: PopulationCheck; isSaved: boolean }> {
  const { inspectionId, fileName, records } = parseOrThrow(ZUploadPopulation, input);
  return db.$transaction(async (tx) => {
    const inspection = await lockForSampling(tx, actor, inspectionId);
    const check = checkPopulationFile(records, inspection.framework);
    if (!check.isUsable) return { check, isSaved: false };
    const previous = await loadPopulation(tx, inspectionId);
    if (previous?.confirmedAt) throw new AppError('conflict', 'The sample has been confirmed: its cases are now the inspection’s cases.');
    if (previous) await tx.samplePopulation.delete({ where: { id: previous.id } });
    const created = await tx.samplePopulation.create({
      data: {
        inspectionId,
        fileName,
        windows: toJson(
          (previous?.windows as EligibilityWindows | undefined) ?? defaultWindows(inspection.fieldworkStart, inspection.framework),
        ),
        sizeOverrides: (previous?.sizeOverrides as Prisma.InputJsonValue | undefined) ?? {},
        isSixtyForty: previous?.isSixtyForty ?? false,
        uploadedById: actor.id,
      },
      select: { id: true },
    });
    await tx.populationCase.createMany({
      data: check.rows.map((row) => ({ populationId: created.id, ...row, disposalDate: new Date(row.disposalDate) })),
    });
    await audit(tx, actor, inspectionId, 'sample.population.upload', created.id, {
      fileName,
      cases: check.rows.length,
      references: check.rows.map((r) => r.reference),
      replacedPopulationId: previous?.id ?? null,
    });
    return { check, isSaved: true };
  });
}

/** Sets one population's eligibility window. */
export async function setEligibilityWindow(db: PrismaClient, actor: Actor, input: unknown): Promise<void> {
  const { inspectionId, type, from, to } = parseOrThrow(ZSetWindow, input);
  await db.$transaction(async (tx) => {
    const inspection = await lockForSampling(tx, actor, inspectionId);
    if (!populationTypes(inspection.framework).includes(type))
      throw new AppError('invalid', 'This inspection does not sample resettlement cases', {
        type: 'This inspection does not sample resettlement cases',
      });
    const population = await requireOpenPopulation(tx, inspectionId);
    const window = { from: from!, to: to! };
    const problem = explainWindowProblem(window, inspection.fieldworkStart);
    if (problem) throw new AppError('invalid', problem, { from: problem });
    const before = population.windows as EligibilityWindows;
    await tx.samplePopulation.update({ where: { id: population.id }, data: { windows: toJson({ ...before, [type]: window }) } });
    await audit(
      tx,
      actor,
      inspectionId,
      'sample.window.set',
      population.id,
      { type, ...window },
      before[type] ? { type, ...before[type] } : undefined,
    );
  });
}

/** Overrides one population's sample size with a reason, or (blank) goes back to the rule. */
export async function setSampleSize(db: PrismaClient, actor: Actor, input: unknown): Promise<void> {
  const { inspectionId, type, size, reason } = parseOrThrow(ZSetSize, input);
  await db.$transaction(async (tx) => {
    const inspection = await lockForSampling(tx, actor, inspectionId);
    const population = await requireOpenPopulation(tx, inspectionId);
    const state = buildSampleState(inspection.framework, population);
    const planned = state.sizes.find((p) => p.type === type);
    if (!planned)
      throw new AppError('invalid', 'This inspection does not sample resettlement cases', {
        size: 'This inspection does not sample resettlement cases',
      });
    if (size !== null && size > planned.eligible) {
      const message = `Sample size must be ${planned.eligible} or fewer: only ${planned.eligible} ${planned.eligible === 1 ? 'case is' : 'cases are'} eligible`;
      throw new AppError('invalid', message, { size: message });
    }
    const overrides = { ...state.overrides };
    if (size === null) delete overrides[type];
    else overrides[type] = { size, reason };
    await tx.samplePopulation.update({ where: { id: population.id }, data: { sizeOverrides: overrides as Prisma.InputJsonValue } });
    await audit(
      tx,
      actor,
      inspectionId,
      'sample.size.set',
      population.id,
      { type, size, reason: size === null ? null : reason, computed: planned.computed },
      state.overrides[type] ? { type, ...state.overrides[type] } : undefined,
    );
  });
}

/** Chooses the 60/40 rule (or the formula) for the out-of-court sample. */
export async function setSixtyForty(db: PrismaClient, actor: Actor, input: unknown): Promise<void> {
  const { inspectionId, isSixtyForty } = parseOrThrow(ZSetSixtyForty, input);
  await db.$transaction(async (tx) => {
    await lockForSampling(tx, actor, inspectionId);
    const population = await requireOpenPopulation(tx, inspectionId);
    await tx.samplePopulation.update({ where: { id: population.id }, data: { isSixtyForty } });
    await audit(
      tx,
      actor,
      inspectionId,
      'sample.sixty_forty.set',
      population.id,
      { isSixtyForty },
      { isSixtyForty: population.isSixtyForty },
    );
  });
}

/**
 * Draws every population's sample with the seed (a new one when none is given) and records the
 * draw with its seed, windows and sizes, so it can be drawn again and checked. A new draw
 * replaces the previous one as the current draw; earlier draws stay recorded.
 */
export async function drawSample(db: PrismaClient, actor: Actor, input: unknown): Promise<{ seed: string }> {
  const parsed = parseOrThrow(ZDrawSample, input);
  const seed = parsed.seed ?? newSeed();
  return db.$transaction(async (tx) => {
    const inspection = await lockForSampling(tx, actor, parsed.inspectionId);
    const population = await requireOpenPopulation(tx, parsed.inspectionId);
    const state = buildSampleState(inspection.framework, population);
    if (state.sizes.every((p) => p.eligible === 0)) {
      throw new AppError('conflict', 'No case of the list is in an eligibility window: check the windows before drawing.');
    }
    const selection: DrawSelection = {};
    for (const planned of state.sizes) {
      const eligible = state.classified.filter((c) => c.type === planned.type && c.isEligible);
      // Each population has its own stream of the seed, so changing one size leaves the others' draws alone.
      const draw = drawBalancedSample(eligible, planned.size, `${seed}:${planned.type}`);
      selection[planned.type] = { sample: draw.sampleIds, reserves: draw.reserveIds };
    }
    const created = await tx.sampleDraw.create({
      data: {
        populationId: population.id,
        seed,
        windows: state.windows as Prisma.InputJsonValue,
        sizes: sizesOf(state.sizes),
        selection: selection,
        drawnById: actor.id,
      },
      select: { id: true },
    });
    const byId = new Map(state.classified.map((c) => [c.id, c.reference]));
    await audit(tx, actor, parsed.inspectionId, 'sample.draw', created.id, {
      seed,
      sizes: toJson(sizesOf(state.sizes)),
      windows: toJson(state.windows),
      sample: Object.fromEntries(Object.entries(selection).map(([type, part]) => [type, part.sample.map((id) => byId.get(id) ?? id)])),
    });
    return { seed };
  });
}

async function requireCurrentDraw(tx: Tx, inspection: InspectionForSample) {
  const population = await requireOpenPopulation(tx, inspection.id);
  const state = buildSampleState(inspection.framework, population);
  if (!state.draw) throw new AppError('conflict', 'Draw the sample first.');
  return state as SampleState & { draw: NonNullable<SampleState['draw']> };
}

/**
 * Replaces a sampled case that cannot be inspected (transferred out, for example) by a reserve
 * of the same population, with the reason. The page offers the most similar reserve first.
 */
export async function replaceSampledCase(
  db: PrismaClient,
  actor: Actor,
  input: unknown,
): Promise<{ removed: string; replacement: string }> {
  const { inspectionId, caseId, replacementId, reason } = parseOrThrow(ZReplaceSampledCase, input);
  return db.$transaction(async (tx) => {
    const inspection = await lockForSampling(tx, actor, inspectionId);
    const state = await requireCurrentDraw(tx, inspection);
    const current = applyReplacements(state.draw.selection as DrawSelection, state.replacements);
    const part = Object.values(current).find((p) => p.sample.includes(caseId));
    if (!part) throw new AppError('not_found', 'That case is not in the current sample.');
    if (!part.reserves.includes(replacementId)) {
      throw new AppError('invalid', 'Choose a reserve of the same population that is not already in the sample', {
        replacementId: 'Choose a reserve of the same population that is not already in the sample',
      });
    }
    const byId = new Map<string, ClassifiedCase>(state.classified.map((c) => [c.id, c]));
    await tx.sampleReplacement.create({
      data: { drawId: state.draw.id, removedCaseId: caseId, replacementCaseId: replacementId, reason, replacedById: actor.id },
    });
    const removed = byId.get(caseId)!.reference;
    const replacement = byId.get(replacementId)!.reference;
    await audit(tx, actor, inspectionId, 'sample.replace', state.draw.id, { removed, replacement, reason, seed: state.draw.seed });
    return { removed, replacement };
  });
}

/**
 * The confirmed sample becomes the inspection's cases, in one transaction, as the case import
 * creates them (one audit entry per case, then allocation as today). Refused while the windows
 * or sizes have changed since the draw, or a sampled reference is already a case.
 */
export async function confirmSample(db: PrismaClient, actor: Actor, input: unknown): Promise<{ count: number }> {
  const { inspectionId } = parseOrThrow(ZConfirmSample, input);
  return db.$transaction(async (tx) => {
    const inspection = await lockForSampling(tx, actor, inspectionId);
    const state = await requireCurrentDraw(tx, inspection);
    if (state.isStale)
      throw new AppError(
        'conflict',
        'The windows or sample sizes have changed since the sample was drawn: draw it again before confirming.',
      );
    const sampled = state.samples.flatMap((s) => s.sample);
    if (sampled.length === 0) throw new AppError('conflict', 'The sample is empty: there is nothing to confirm.');
    const existing = await tx.case.findMany({
      where: { inspectionId, reference: { in: sampled.map((c) => c.reference), mode: 'insensitive' } },
      select: { reference: true },
    });
    if (existing.length) {
      throw new AppError(
        'conflict',
        `${existing.map((c) => c.reference).join(', ')} ${existing.length === 1 ? 'is' : 'are'} already a case of this inspection: delete ${existing.length === 1 ? 'it' : 'them'} from the cases, or replace ${existing.length === 1 ? 'it' : 'them'} in the sample, then confirm.`,
      );
    }
    const rows = sampled.map((c) => ({
      reference: c.reference,
      type: c.type,
      disposal: c.disposal,
      sentenceDate: c.disposalDate,
      gender: c.gender,
      rosh: c.rosh,
      safetyWellbeing: c.safetyWellbeing,
      caseManager: c.caseManager,
      inspectorId: null,
    }));
    const created = await tx.case.createManyAndReturn({
      select: { id: true, reference: true },
      data: rows.map((c) => ({ inspectionId, ...c, sentenceDate: new Date(c.sentenceDate) })),
    });
    const idByReference = new Map(created.map((c) => [c.reference, c.id]));
    await tx.samplePopulation.update({ where: { id: state.population.id }, data: { confirmedAt: new Date(), confirmedById: actor.id } });
    // As the import: one entry for the whole step, one per case so its history starts with its creation.
    await writeAudits(tx, [
      {
        actorId: actor.id,
        inspectionId,
        action: 'sample.confirm',
        entityId: state.draw.id,
        newValue: { seed: state.draw.seed, count: rows.length, caseIds: created.map((c) => c.id) },
      },
      ...rows.map((c): AuditEntry => ({
        actorId: actor.id,
        inspectionId,
        action: 'case.create',
        entityId: idByReference.get(c.reference)!,
        newValue: { ...c, source: 'sample draw', seed: state.draw.seed },
      })),
    ]);
    return { count: rows.length };
  });
}
