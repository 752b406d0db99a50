import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppError } from '../../lib/errors';
import type { PrismaClient } from '../../lib/generated/prisma/client';
import type { CsvRecord } from '../../lib/csv/parse-csv';
import { createRng } from '../../lib/sampling/prng';
import {
  confirmSample,
  drawSample,
  loadSampleState,
  replaceSampledCase,
  setEligibilityWindow,
  setSampleSize,
  setSixtyForty,
  uploadPopulation,
} from '../../lib/sampling/service';
import { createMigratedDatabase } from './test-database';
import { expectRefusedUnchanged } from './expect-refused';
import { seedWorld } from './world';
import { at } from '@/lib/must';

let prisma: PrismaClient;
let world: Awaited<ReturnType<typeof seedWorld>>;
const actor = (u: { id: string; isAdmin: boolean }) => ({ id: u.id, isAdmin: u.isAdmin });

beforeAll(async () => {
  ({ prisma } = await createMigratedDatabase('sampling'));
  // Fieldwork from 16 November 2026: court window 16 February – 16 May 2026, out-of-court 16 June – 16 September 2026.
  world = await seedWorld(prisma, { status: 'set_up', framework: 'v2021' });
});
afterAll(async () => {
  await prisma?.$disconnect();
});

async function snapshot() {
  const [populations, populationCases, draws, replacements, cases, inspections, audit] = await Promise.all([
    prisma.samplePopulation.findMany({ orderBy: { id: 'asc' } }),
    prisma.populationCase.count(),
    prisma.sampleDraw.findMany({ orderBy: { id: 'asc' } }),
    prisma.sampleReplacement.findMany({ orderBy: { id: 'asc' } }),
    prisma.case.findMany({ orderBy: { id: 'asc' } }),
    prisma.inspection.findMany({ orderBy: { id: 'asc' } }),
    prisma.auditEntry.count(),
  ]);
  return { populations, populationCases, draws, replacements, cases, inspections, audit };
}
const expectRefused = (run: () => Promise<unknown>, code: AppError['code'], message?: RegExp, fieldErrors?: Record<string, unknown>) =>
  expectRefusedUnchanged(snapshot, run, code, message, fieldErrors);

const HEADER = ['reference', 'type', 'disposal', 'disposal_date', 'gender', 'rosh', 'safety_wellbeing', 'case_manager'];

/** A service's list: 60 court cases (40 in the window), 30 out-of-court (25 in), 6 resettlement. */
function serviceList(): CsvRecord[] {
  const rng = createRng('service-list');
  const pick = <T>(values: readonly T[]) => at(values, Math.floor(rng() * values.length));
  const levels = ['low', 'medium', 'high', 'very_high'];
  const rows: string[][] = [];
  for (let i = 0; i < 60; i++) {
    const date = i < 40 ? `2026-0${3 + (i % 2)}-${String(1 + (i % 28)).padStart(2, '0')}` : '2025-12-01';
    rows.push([
      `CT-${i}`,
      'court',
      pick(['referral_order', 'youth_rehabilitation_order', 'custodial_sentence']),
      date,
      pick(['Male', 'Male', 'Female']),
      pick(levels),
      pick(levels),
      `CM-${i % 5}`,
    ]);
  }
  for (let i = 0; i < 30; i++) {
    const date = i < 25 ? `2026-07-${String(1 + (i % 28)).padStart(2, '0')}` : '2026-10-30';
    rows.push([
      `OC-${i}`,
      'out_of_court',
      pick(['youth_caution', 'youth_conditional_caution', 'community_resolution']),
      date,
      pick(['Male', 'Female']),
      pick(levels),
      pick(levels),
      '',
    ]);
  }
  for (let i = 0; i < 6; i++) rows.push([`RS-${i}`, 'resettlement', 'custodial_sentence', '2026-03-10', 'Male', 'high', 'high', '']);
  return [HEADER, ...rows].map((fields, index) => ({ line: index + 1, fields }));
}

const upload = (who: { id: string; isAdmin: boolean }, records = serviceList()) =>
  uploadPopulation(prisma, actor(who), { inspectionId: world.inspection.id, fileName: 'caseload.csv', records });
const parts = (iso: string) => {
  const [year, month, day] = iso.split('-');
  return { day, month, year };
};

describe('uploading the eligible population', () => {
  it('refuses anyone but the lead inspector or an admin, changing nothing', async () => {
    await expectRefused(() => upload(world.inspector), 'forbidden');
    await expectRefused(() => upload(world.manager), 'forbidden');
    await expectRefused(() => upload(world.outsider), 'not_found');
  });

  it('keeps nothing while any row is wrong, and reports each problem with its line and column', async () => {
    const records = serviceList();
    records[3] = { line: 4, fields: ['CT-2', 'court', 'youth_caution', '2026-03-03', 'Male', 'low', 'low', ''] };
    records[5] = { line: 6, fields: ['Jayden Smith', 'court', 'referral_order', '2026-03-03', 'Male', 'low', 'low', ''] };
    const before = await snapshot();
    const result = await upload(world.lead, records);
    expect(result.isSaved).toBe(false);
    expect(result.check.errors.map((e) => [e.line, e.column])).toEqual([
      [4, 'disposal'],
      [6, 'reference'],
    ]);
    expect(await snapshot()).toEqual(before);
  });

  it('keeps a correct list with the default windows, audited', async () => {
    const result = await upload(world.lead);
    expect(result.isSaved).toBe(true);
    const state = (await loadSampleState(prisma, { id: world.inspection.id, framework: '2021' }))!;
    expect(state.windows.court).toEqual({ from: '2026-02-16', to: '2026-05-16' });
    expect(state.sizes.map((s) => [s.type, s.eligible, s.size, s.rule])).toEqual([
      ['court', 40, 33, 'formula'], // 164.25 / (1 + 163.25 / 40) = 32.3 → 33
      ['out_of_court', 25, 22, 'formula'], // 164.25 / 7.53 = 21.8 → 22
      ['resettlement', 6, 4, 'illustrative'],
    ]);
    expect(state.classified.find((c) => c.reference === 'CT-45')).toMatchObject({
      isEligible: false,
      reason: 'Before the court window: it opens on 16 February 2026',
    });
    const entry = await prisma.auditEntry.findFirstOrThrow({ where: { action: 'sample.population.upload' }, orderBy: { id: 'desc' } });
    expect(entry).toMatchObject({
      actorId: world.lead.id,
      inspectionId: world.inspection.id,
      newValue: expect.objectContaining({ cases: 96 }),
    });
  });
});

describe('windows and sizes', () => {
  it('refuses a window that reaches fieldwork, and a size above the eligible cases or without a reason', async () => {
    await expectRefused(
      () =>
        setEligibilityWindow(prisma, actor(world.lead), {
          inspectionId: world.inspection.id,
          type: 'court',
          from: parts('2026-02-01'),
          to: parts('2026-11-20'),
        }),
      'invalid',
      /before fieldwork/,
    );
    await expectRefused(
      () => setSampleSize(prisma, actor(world.lead), { inspectionId: world.inspection.id, type: 'court', size: '41', reason: 'More' }),
      'invalid',
      /40 or fewer/,
    );
    await expectRefused(
      () => setSampleSize(prisma, actor(world.lead), { inspectionId: world.inspection.id, type: 'court', size: '20', reason: ' ' }),
      'invalid',
      undefined,
      {
        reason: 'Enter why the sample size differs from the rule',
      },
    );
    await expectRefused(
      () => setSampleSize(prisma, actor(world.inspector), { inspectionId: world.inspection.id, type: 'court', size: '20', reason: 'x' }),
      'forbidden',
    );
  });

  it('records an override with its reason and the 60/40 rule, audited', async () => {
    await setSampleSize(prisma, actor(world.lead), {
      inspectionId: world.inspection.id,
      type: 'court',
      size: '15',
      reason: 'Two case managers are on long-term leave',
    });
    await setSixtyForty(prisma, actor(world.admin), { inspectionId: world.inspection.id, isSixtyForty: 'true' });
    const state = (await loadSampleState(prisma, { id: world.inspection.id, framework: '2021' }))!;
    expect(state.sizes.map((s) => [s.type, s.size, s.rule])).toEqual([
      ['court', 15, 'override'],
      ['out_of_court', 10, 'sixty_forty'], // two thirds of the court sample of 15
      ['resettlement', 4, 'illustrative'],
    ]);
    expect(state.sizes[0]?.overrideReason).toBe('Two case managers are on long-term leave');
    const actions = (
      await prisma.auditEntry.findMany({ where: { inspectionId: world.inspection.id, entity: 'sample' }, orderBy: { id: 'asc' } })
    ).map((a) => a.action);
    expect(actions).toEqual(['sample.population.upload', 'sample.size.set', 'sample.sixty_forty.set']);
    await setSixtyForty(prisma, actor(world.lead), { inspectionId: world.inspection.id, isSixtyForty: 'false' });
  });
});

describe('drawing, replacing and confirming', () => {
  it('draws the same sample from the same seed, and records each draw', async () => {
    await drawSample(prisma, actor(world.lead), { inspectionId: world.inspection.id, seed: 'fieldwork-2026' });
    const first = (await loadSampleState(prisma, { id: world.inspection.id, framework: '2021' }))!;
    await drawSample(prisma, actor(world.lead), { inspectionId: world.inspection.id, seed: 'other' });
    const other = (await loadSampleState(prisma, { id: world.inspection.id, framework: '2021' }))!;
    await drawSample(prisma, actor(world.lead), { inspectionId: world.inspection.id, seed: 'fieldwork-2026' });
    const again = (await loadSampleState(prisma, { id: world.inspection.id, framework: '2021' }))!;
    const refs = (s: typeof first) => s.samples.map((p) => [p.type, p.sample.map((c) => c.reference)]);
    expect(refs(again)).toEqual(refs(first));
    expect(refs(other)).not.toEqual(refs(first));
    expect(first.samples.map((p) => p.sample.length)).toEqual([15, 22, 4]);
    for (const p of first.samples) for (const row of p.comparison) expect(row.isWithinTolerance).toBe(true);
    expect(await prisma.sampleDraw.count()).toBe(3);

    const { seed } = await drawSample(prisma, actor(world.lead), { inspectionId: world.inspection.id, seed: '' });
    expect(seed).toMatch(/^[a-z2-9]{8}$/);
    await drawSample(prisma, actor(world.lead), { inspectionId: world.inspection.id, seed: 'fieldwork-2026' });
  });

  it('replaces a sampled case by a reserve of its population, with the reason; refuses anything else', async () => {
    const state = (await loadSampleState(prisma, { id: world.inspection.id, framework: '2021' }))!;
    const court = state.samples.find((s) => s.type === 'court')!;
    const outOfCourt = state.samples.find((s) => s.type === 'out_of_court')!;
    const removed = at(court.sample, 0);
    await expectRefused(
      () =>
        replaceSampledCase(prisma, actor(world.lead), {
          inspectionId: world.inspection.id,
          caseId: removed.id,
          replacementId: at(outOfCourt.reserves, 0).id,
          reason: 'Transferred out',
        }),
      'invalid',
    );
    await expectRefused(
      () =>
        replaceSampledCase(prisma, actor(world.lead), {
          inspectionId: world.inspection.id,
          caseId: removed.id,
          replacementId: at(court.reserves, 0).id,
          reason: '',
        }),
      'invalid',
      undefined,
      { reason: 'Enter why this case cannot be inspected' },
    );
    await replaceSampledCase(prisma, actor(world.lead), {
      inspectionId: world.inspection.id,
      caseId: removed.id,
      replacementId: at(court.reserves, 0).id,
      reason: 'Transferred out of the area',
    });
    const after = (await loadSampleState(prisma, { id: world.inspection.id, framework: '2021' }))!;
    const courtAfter = after.samples.find((s) => s.type === 'court')!;
    expect(courtAfter.sample.map((c) => c.id)).toContain(at(court.reserves, 0).id);
    expect(courtAfter.sample.map((c) => c.id)).not.toContain(removed.id);
    expect(courtAfter.replaced).toEqual([expect.objectContaining({ reason: 'Transferred out of the area' })]);
    expect(await prisma.auditEntry.count({ where: { action: 'sample.replace' } })).toBe(1);
  });

  it('refuses every step to inspectors, managers and people outside the team, changing nothing', async () => {
    const state = (await loadSampleState(prisma, { id: world.inspection.id, framework: '2021' }))!;
    const court = state.samples.find((s) => s.type === 'court')!;
    const inspectionId = world.inspection.id;
    for (const [who, code] of [
      [world.inspector, 'forbidden'],
      [world.manager, 'forbidden'],
      [world.outsider, 'not_found'],
    ] as const) {
      const as = actor(who);
      await expectRefused(
        () => setEligibilityWindow(prisma, as, { inspectionId, type: 'court', from: parts('2026-02-01'), to: parts('2026-05-01') }),
        code,
      );
      await expectRefused(() => setSixtyForty(prisma, as, { inspectionId, isSixtyForty: 'true' }), code);
      await expectRefused(() => drawSample(prisma, as, { inspectionId, seed: 'mine' }), code);
      await expectRefused(
        () =>
          replaceSampledCase(prisma, as, {
            inspectionId,
            caseId: at(court.sample, 0).id,
            replacementId: at(court.reserves, 0).id,
            reason: 'x',
          }),
        code,
      );
      await expectRefused(() => confirmSample(prisma, as, { inspectionId }), code);
    }
  });

  it('refuses to confirm a draw made with other windows, changing nothing', async () => {
    await setEligibilityWindow(prisma, actor(world.lead), {
      inspectionId: world.inspection.id,
      type: 'resettlement',
      from: parts('2025-12-01'),
      to: parts('2026-07-16'),
    });
    await expectRefused(() => confirmSample(prisma, actor(world.lead), { inspectionId: world.inspection.id }), 'conflict', /draw it again/);
    await setEligibilityWindow(prisma, actor(world.lead), {
      inspectionId: world.inspection.id,
      type: 'resettlement',
      from: parts('2025-11-16'),
      to: parts('2026-07-16'),
    });
  });

  it('confirms: the sample becomes the inspection’s cases in one step, then nothing more can change', async () => {
    const state = (await loadSampleState(prisma, { id: world.inspection.id, framework: '2021' }))!;
    const references = state.samples.flatMap((s) => s.sample.map((c) => c.reference)).sort();
    await expectRefused(() => confirmSample(prisma, actor(world.manager), { inspectionId: world.inspection.id }), 'forbidden');
    const { count } = await confirmSample(prisma, actor(world.lead), { inspectionId: world.inspection.id });
    expect(count).toBe(41);
    const cases = await prisma.case.findMany({
      where: { inspectionId: world.inspection.id, reference: { in: references } },
      orderBy: { reference: 'asc' },
    });
    expect(cases.map((c) => c.reference).sort()).toEqual(references);
    expect(cases.every((c) => c.inspectorId === null && c.status === 'not_started' && c.sentenceDate !== null)).toBe(true);
    expect(await prisma.auditEntry.count({ where: { action: 'case.create', inspectionId: world.inspection.id } })).toBe(41);
    await expectRefused(
      () => drawSample(prisma, actor(world.lead), { inspectionId: world.inspection.id, seed: 'x' }),
      'conflict',
      /confirmed/,
    );
    await expectRefused(() => upload(world.lead), 'conflict', /confirmed/);
  });

  it('refuses every step once the inspection has left set-up', async () => {
    await prisma.inspection.update({ where: { id: world.inspection.id }, data: { status: 'fieldwork' } });
    await expectRefused(
      () => drawSample(prisma, actor(world.lead), { inspectionId: world.inspection.id, seed: 'x' }),
      'forbidden',
      /set-up/,
    );
    await prisma.inspection.update({ where: { id: world.inspection.id }, data: { status: 'set_up' } });
  });
});
