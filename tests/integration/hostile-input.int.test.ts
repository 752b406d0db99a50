/**
 * Generated hostile input against EVERY server action ('use server' files) and EVERY route
 * handler (app/**\/route.ts), called in-process against a real PostgreSQL: wrong types, missing
 * and extra fields, huge and negative numbers, control characters, NUL, lone surrogates, long
 * strings, deep nesting, prototype keys, form data where JSON is expected and the other way
 * round, non-JSON and over-size bodies. Each input is malformed on purpose (it carries at least
 * one value no form would send), and each is sent signed out, as an outsider and as someone the
 * guard lets through (so the parser is what answers). The test asserts that nothing throws,
 * that every answer is a clear refusal (an error value that is not the generic "Something went
 * wrong", a 4xx), and that the database is byte-for-byte what it was.
 *
 * The inputs come from a seeded PRNG (mulberry32): HOSTILE_SEED=<n> replays a run.
 *
 * COMPLETENESS: the last tests scan app/ for every export of every 'use server' file and every
 * HTTP method exported by every route.ts, and fail naming each one no target exercised. So a new
 * action or route cannot be merged without hostile-input coverage. To add one:
 *
 *  - A server action: import its module (`import * as qa from '../../lib/…/actions'`), add the
 *    module and its path to ACTION_FILES, and add a Target to targets() with `...act(qa, 'nameAction')`:
 *    `kind` ('form' for (previous state, FormData) actions, 'json' for (input) ones), `member`
 *    (who the guard lets through), a well-formed `template` with real ids from the seeded world,
 *    and `poisons`: per field, values its schema must refuse. Every input carries at least one
 *    poison (or NUL / a lone surrogate / deep nesting in some field), so a success is a failure.
 *    An action that answers "checked, not saved" instead of an error gives `accept`.
 *  - A route handler: import it, add it to ROUTE_FILES, and in the route test call it through
 *    `route(module, 'GET')(request, { params })` inside `check(…)` with ids from hostileId() and
 *    query parameters that must be refused (an ill-formed id is 404, a bad parameter 400, never 5xx).
 *
 * The whole file must run for the completeness check to count (it counts what was exercised).
 */
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { PrismaClient } from '../../lib/generated/prisma/client';
import { createMigratedDatabase } from './test-database';
import { seedWorld } from './world';

// ——— The request context Next.js would provide ———

type Identity = { id: string; email: string; name: string; isAdmin: boolean; sessionId: string; sessionExpiresAt: number } | null;
const context = vi.hoisted(() => ({ user: null as Identity, headers: new Headers() }));

vi.mock('@/lib/auth/session', async (importOriginal) => ({
  // The rest (readSessionId, SESSION_COOKIES…) is the real module, reading the mocked cookies below.
  ...(await importOriginal<typeof import('@/lib/auth/session')>()),
  getSessionUser: async () => context.user,
  requireUser: async () => {
    if (!context.user) throw new Error('requireUser called while signed out');
    return context.user;
  },
}));
vi.mock('next/cache', () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));
class Redirected extends Error {
  constructor(public readonly url: string) {
    super(`redirect to ${url}`);
  }
}
vi.mock('next/navigation', () => ({
  redirect: (url: string) => {
    throw new Redirected(url);
  },
  notFound: () => {
    throw new Error('notFound() called from an action or route');
  },
}));
const emptyCookies = { getAll: () => [], get: () => undefined, has: () => false, set: () => {}, delete: () => {} };
vi.mock('next/headers', () => ({ headers: async () => context.headers, cookies: async () => emptyCookies }));
// next-auth require()s next/headers itself (CommonJS, outside vitest's module graph).
const nodeRequire = createRequire(import.meta.url);
const nextHeaders = nodeRequire('next/headers') as { headers: unknown; cookies: unknown };
nextHeaders.headers = async () => context.headers;
nextHeaders.cookies = async () => emptyCookies;

import * as adminUsers from '../../lib/admin/user-actions';
import * as adminServices from '../../lib/admin/service-actions';
import * as newInspection from '../../lib/setup/new-inspection-actions';
import * as setup from '../../lib/setup/actions';
import * as setupImport from '../../lib/setup/import-actions';
import * as importInspection from '../../lib/interchange/actions';
import * as marking from '../../lib/marking/actions';
import * as panel from '../../lib/panel/actions';
import * as signIn from '../../lib/auth/sign-in-actions';
import * as quality from '../../lib/quality/actions';
import * as secondMarking from '../../lib/quality/second-marking-actions';
import * as authRoute from '../../app/api/auth/[...nextauth]/route';
import * as allInspectionsRoute from '../../app/exports/inspections/route';
import * as tableRoute from '../../app/inspections/[inspectionId]/exports/[table]/route';
import * as interchangeRoute from '../../app/inspections/[inspectionId]/exports/interchange/route';
import * as eventsRoute from '../../app/inspections/[inspectionId]/panel/events/route';
import * as healthzRoute from '../../app/healthz/route';
import * as readyzRoute from '../../app/readyz/route';
import * as templateRoute from '../../app/inspections/[inspectionId]/setup/import/template/route';
import * as sampling from '../../lib/sampling/actions';
import * as sampleTemplateRoute from '../../app/inspections/[inspectionId]/setup/sample/template/route';
import * as summaryExportRoute from '../../app/summary/export/route';
import * as annexeRoute from '../../app/inspections/[inspectionId]/exports/annexe/route';
import * as reportDocxRoute from '../../app/inspections/[inspectionId]/report/docx/route';
import * as report from '../../lib/report/actions';
import * as breakdownsRoute from '../../app/inspections/[inspectionId]/exports/breakdowns/route';
import * as agreementRoute from '../../app/inspections/[inspectionId]/exports/agreement/route';
import * as auditRoute from '../../app/inspections/[inspectionId]/exports/audit/route';
import * as answersRoute from '../../app/inspections/[inspectionId]/cases/[caseId]/answers/route';
import * as detailsRoute from '../../app/inspections/[inspectionId]/cases/[caseId]/details/route';
import { NextRequest } from 'next/server';
import { prisma as appPrisma } from '../../lib/db/client';
import { drawSample, uploadPopulation } from '../../lib/sampling/service';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { at, must } from '@/lib/must';
import { AppError } from '../../lib/errors';
import { saveAnswer } from '../../lib/marking/save-answer';
import { allocateCase, allocateCases } from '../../lib/setup/allocation';
import { assignSecondMarking } from '../../lib/quality/second-marking';
import { expectRefusedUnchanged } from './expect-refused';
import { makeZipBomb } from '../../lib/sampling/test-support/zip-bomb';
import iconv from 'iconv-lite';

// ——— Which module is which file (for the completeness check) ———

/** Every 'use server' module under test, by its path from the repository root. */
const ACTION_FILES = new Map<object, string>([
  [adminUsers, 'lib/admin/user-actions.ts'],
  [adminServices, 'lib/admin/service-actions.ts'],
  [newInspection, 'lib/setup/new-inspection-actions.ts'],
  [setup, 'lib/setup/actions.ts'],
  [setupImport, 'lib/setup/import-actions.ts'],
  [sampling, 'lib/sampling/actions.ts'],
  [importInspection, 'lib/interchange/actions.ts'],
  [marking, 'lib/marking/actions.ts'],
  [panel, 'lib/panel/actions.ts'],
  [signIn, 'lib/auth/sign-in-actions.ts'],
  [quality, 'lib/quality/actions.ts'],
  [secondMarking, 'lib/quality/second-marking-actions.ts'],
  [report, 'lib/report/actions.ts'],
]);

/** Every route module under test, by its path from the repository root. */
const ROUTE_FILES = new Map<object, string>([
  [authRoute, 'app/api/auth/[...nextauth]/route.ts'],
  [allInspectionsRoute, 'app/exports/inspections/route.ts'],
  [tableRoute, 'app/inspections/[inspectionId]/exports/[table]/route.ts'],
  [interchangeRoute, 'app/inspections/[inspectionId]/exports/interchange/route.ts'],
  [annexeRoute, 'app/inspections/[inspectionId]/exports/annexe/route.ts'],
  [reportDocxRoute, 'app/inspections/[inspectionId]/report/docx/route.ts'],
  [breakdownsRoute, 'app/inspections/[inspectionId]/exports/breakdowns/route.ts'],
  [agreementRoute, 'app/inspections/[inspectionId]/exports/agreement/route.ts'],
  [auditRoute, 'app/inspections/[inspectionId]/exports/audit/route.ts'],
  [eventsRoute, 'app/inspections/[inspectionId]/panel/events/route.ts'],
  [templateRoute, 'app/inspections/[inspectionId]/setup/import/template/route.ts'],
  [sampleTemplateRoute, 'app/inspections/[inspectionId]/setup/sample/template/route.ts'],
  [summaryExportRoute, 'app/summary/export/route.ts'],
  [answersRoute, 'app/inspections/[inspectionId]/cases/[caseId]/answers/route.ts'],
  [detailsRoute, 'app/inspections/[inspectionId]/cases/[caseId]/details/route.ts'],
  [healthzRoute, 'app/healthz/route.ts'],
  [readyzRoute, 'app/readyz/route.ts'],
]);

/** `file#export` of every action and `file#METHOD` of every route handler that was sent hostile input. */
const exercised = new Set<string>();

/** An exported server action, named by its module and export name: `...act(setup, 'addCaseAction')`. */
function act(module: object, name: string): { source: string; call: (...args: unknown[]) => Promise<unknown> } {
  const file = ACTION_FILES.get(module);
  const call = (module as Record<string, unknown>)[name];
  if (!file) throw new Error(`Add the module exporting ${name} to ACTION_FILES`);
  if (typeof call !== 'function') throw new Error(`${file} exports no function ${name}`);
  return { source: `${file}#${name}`, call: call as (...args: unknown[]) => Promise<unknown> };
}

/** A route module's handler for one HTTP method: `route(annexeRoute, 'GET')(request, { params })`. */
function route(
  module: object,
  method: string,
): (request: Request, context?: { params: Promise<Record<string, unknown>> }) => Promise<Response> {
  const file = ROUTE_FILES.get(module);
  const handler = (module as Record<string, unknown>)[method];
  if (!file) throw new Error(`Add the route module to ROUTE_FILES (${method})`);
  if (typeof handler !== 'function') throw new Error(`${file} exports no ${method}`);
  exercised.add(`${file}#${method}`);
  return handler as unknown as (request: Request, context?: { params: Promise<Record<string, unknown>> }) => Promise<Response>;
}

/**
 * A JSON save route (lib/http/json-action-route.ts) as a `json` target: the input posted as its
 * body from this origin, the case id in the address taken from the input (so a poisoned one
 * reaches the route), and the JSON answer returned for the same checks as an action's. A 5xx is
 * reported as the generic error it is.
 */
function jsonRoute(module: object, inspectionId: () => string): { source: string; call: (...args: unknown[]) => Promise<unknown> } {
  const handler = route(module, 'POST');
  const file = must(ROUTE_FILES.get(module), 'the route file');
  return {
    source: `${file}#POST`,
    call: async (input: unknown) => {
      const fields = (input ?? {}) as Record<string, unknown>;
      const caseId = typeof fields.caseId === 'string' ? fields.caseId : '00000000-0000-4000-8000-000000000000';
      let text: string;
      try {
        // What a page could send: a BigInt has no JSON form, so it goes as its digits.
        text = JSON.stringify(input, (_key, value: unknown) => (typeof value === 'bigint' ? String(value) : value));
      } catch {
        text = `${'['.repeat(200_000)}${']'.repeat(200_000)}`; // too deep to stringify: a body deeper still
      }
      const request = new Request('http://casemark.test/the-route', {
        method: 'POST',
        headers: { host: 'casemark.test', origin: 'http://casemark.test', 'content-type': 'application/json' },
        body: text,
      });
      const response = await handler(request, { params: Promise.resolve({ inspectionId: inspectionId(), caseId }) });
      const body: unknown = await response.json();
      return response.status >= 500 ? { ok: false, code: 'error', message: `HTTP ${response.status}` } : body;
    },
  };
}

// ——— Seeded randomness ———

const SEED = Number(process.env.HOSTILE_SEED ?? 20261203);

function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
let random = mulberry32(SEED);
const int = (n: number) => Math.floor(random() * n);
const pick = <T>(items: readonly T[]): T => at(items, int(items.length));
const chance = (p: number) => random() < p;

// ——— Hostile values ———

const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty'];
const CONTROL = [
  '\u0001',
  '\u0007',
  '\b',
  '\t',
  '\n',
  '\r',
  '\u001b',
  '\u007f',
  '\u0085',
  '\u2028',
  '\u2029',
  '\uFEFF',
  '\u200B',
  '\u202E',
];

function deep(depth: number): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = chance(0.5) ? [value] : { nested: value };
  return value;
}

/** A string no form may store: NUL or an unpaired surrogate somewhere. */
function unstorableText(): string {
  const base = pick(['', 'Male', 'note', 'C-1', 'a'.repeat(int(300)), '😀']);
  const bad = pick(['\u0000', '\uD800', '\uDFFF', '\uD83D', 'x\u0000y', '\u0000'.repeat(5)]);
  const at = int(base.length + 1);
  return base.slice(0, at) + bad + base.slice(at);
}

/** Text that may or may not be acceptable somewhere: the noise around the poison. */
function noiseText(): string {
  switch (int(9)) {
    case 0:
      return '';
    case 1:
      return ' '.repeat(int(5));
    case 2:
      return pick(CONTROL).repeat(1 + int(3));
    case 3:
      return 'x'.repeat(pick([41, 101, 121, 301, 5001, 10_001, 100_000]));
    case 4:
      return pick(PROTOTYPE_KEYS);
    case 5:
      return pick([
        'null',
        'undefined',
        'NaN',
        'true',
        '[object Object]',
        '{"a":1}',
        '<script>alert(1)</script>',
        "'; DROP TABLE cases; --",
        '=cmd|/c calc!A1',
      ]);
    case 6:
      return String(pick([2 ** 40, -1, 2 ** 31, -(2 ** 31) - 1, 1e308, 0.1, Number.MAX_SAFE_INTEGER + 2]));
    case 7:
      return '-'.repeat(36);
    default:
      return `x${int(1e9).toString(36)}`;
  }
}

function noiseValue(depth = 0): unknown {
  switch (int(depth > 2 ? 8 : 11)) {
    case 0:
      return null;
    case 1:
      return pick([true, false]);
    case 2:
      return pick([0, -1, 1.5, 2 ** 40, -(2 ** 40), 2 ** 31, Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER, 1e308, -0]);
    case 3:
    case 4:
    case 5:
      return noiseText();
    case 6:
      return pick([[], {}, '']);
    case 7:
      return pick([undefined, Number.NaN, Number.POSITIVE_INFINITY]);
    case 8:
      return Array.from({ length: int(4) }, () => noiseValue(depth + 1));
    case 9:
      return Object.fromEntries(
        Array.from({ length: int(4) }, () => [pick([...PROTOTYPE_KEYS, 'a', 'b', '2.1.1']), noiseValue(depth + 1)]),
      );
    default:
      return deep(int(40));
  }
}

// ——— What each action takes ———

/** A field's values that its schema must refuse, whatever else the input holds. */
type Poison = () => unknown;
const notUuid: Poison = () =>
  pick([
    '-'.repeat(36),
    'g'.repeat(36),
    '',
    'null',
    '00000000-0000-0000-0000-00000000000',
    '5f0c8a36 7c1e 4d5a 9b1e 2f3a4b5c6d7e',
    'x'.repeat(10_000),
    42,
    2 ** 40,
    -1,
    true,
    null,
    [],
    {},
    ['x'],
  ]);
const notVersion: Poison = () => pick([2 ** 40, 2 ** 31, -1, 1.5, '1', 'abc', null, true, [], {}, Number.NaN, Number.POSITIVE_INFINITY]);
const notFormVersion: Poison = () => pick(['2147483648', '1099511627776', '-1', '1.5', '', 'abc', '1e400']);
const notIn =
  (values: readonly string[]): Poison =>
  () =>
    pick([`x${int(1000)}`, '', ' ', at(values, 0).toUpperCase() + 'X', `${values[0]} `, 42, null, true, [], {}]);
const notInForm =
  (values: readonly string[]): Poison =>
  () =>
    pick([`x${int(1000)}`, `${values[0]} `, `${values[0]}\u0001`, 'NULL']);
const tooLong =
  (max: number): Poison =>
  () =>
    'x'.repeat(max + 1 + int(50_000));
const notText =
  (max: number): Poison =>
  () =>
    pick([tooLong(max)(), 42, true, [], {}, ['x']]);
const notFormEmail: Poison = () => pick(['not-an-email', 'a@', '@b.c', '', ' ', `${'x'.repeat(250)}@example.com`, 'a b@example.com']);
const notBoolean: Poison = () => pick(['true', 'false', 1, 0, 'yes', [], {}, `x${int(9)}`]);
const notFormBoolean: Poison = () => pick(['yes', 'TRUE', '1', '', 'on', 'true ']);

interface Target {
  name: string;
  /** `lib/…/actions.ts#exportName`, from act(): what the completeness check counts as covered. */
  source: string;
  /** `form`: (previous state, FormData); `json`: (input). */
  kind: 'form' | 'json';
  call: (...args: unknown[]) => Promise<unknown>;
  /** Who the guard lets through. */
  member: () => Identity;
  /** A well-formed input (real ids), the starting point of each mutation. */
  template: () => Record<string, unknown>;
  /** Fields that must be refused with these values. */
  poisons: Record<string, Poison>;
  /** Fields the action converts itself (so a value there is no poison). */
  converted?: readonly string[];
  /** Checks a returned value beyond "an error value". */
  accept?: (result: unknown) => boolean;
}

let world: Awaited<ReturnType<typeof seedWorld>>;
let prisma: PrismaClient;
let decisionId = '';
/** The sampling inspection (set-up, population uploaded, sample drawn) and one sampled case and reserve. */
const sample = { world: undefined as unknown as Awaited<ReturnType<typeof seedWorld>>, sampledId: '', reserveId: '' };
const as = (u: { id: string; email: string; name: string; isAdmin: boolean }): Identity => ({
  ...u,
  sessionId: '00000000-0000-4000-8000-000000000000',
  sessionExpiresAt: Date.now() + 3_600_000,
});
const admin = () => as(world.admin);
const lead = () => as(world.lead);
const inspector = () => as(world.inspector);
const outsider = () => as(world.outsider);

const dateParts = () => ({ day: '16', month: '11', year: '2026' });

function targets(): Target[] {
  const inspectionId = world.inspection.id;
  const caseId = world.cases.court.id;
  const setupForm = (
    name: string,
    action: Pick<Target, 'source' | 'call'>,
    template: () => Record<string, unknown>,
    poisons: Record<string, Poison>,
  ): Target => ({
    name: `setup/${name}`,
    kind: 'form',
    ...action,
    member: lead,
    template: () => ({ inspectionId, ...template() }),
    poisons: { inspectionId: notUuid, ...poisons },
  });
  const caseFields = () => ({
    reference: `R-${int(1e6)}`,
    type: 'court',
    disposal: 'referral_order',
    sentenceDate: dateParts(),
    gender: 'Female',
    rosh: 'low',
    safetyWellbeing: '',
    caseManager: 'CM-1',
    inspectorId: world.inspector.id,
  });
  const casePoisons = {
    reference: () => pick(['', 'Jane Smith', 'x'.repeat(41)]),
    type: notInForm(['court']),
    disposal: notInForm(['referral_order']),
    gender: tooLong(30),
    caseManager: tooLong(100),
  };
  return [
    {
      name: 'admin/createUser',
      kind: 'form',
      ...act(adminUsers, 'createUserAction'),
      member: admin,
      template: () => ({ email: `n${int(1e9)}@int.example`, name: 'New person', password: 'a long enough password', isAdmin: 'false' }),
      converted: ['isAdmin'],
      poisons: { email: notFormEmail, name: () => pick(['', 'x'.repeat(101)]), password: () => pick(['short', 'x'.repeat(201)]) },
    },
    {
      name: 'admin/resetPassword',
      kind: 'form',
      ...act(adminUsers, 'resetPasswordAction'),
      member: admin,
      template: () => ({ userId: world.inspector.id, password: 'another long password' }),
      poisons: { userId: notUuid, password: () => pick(['short', 'x'.repeat(201), '']) },
    },
    {
      name: 'admin/setUserActive',
      kind: 'form',
      ...act(adminUsers, 'setUserActiveAction'),
      member: admin,
      template: () => ({ userId: world.inspector.id, isActive: 'false' }),
      poisons: { userId: notUuid, isActive: notFormBoolean },
    },
    {
      name: 'admin/setUserAdmin',
      kind: 'form',
      ...act(adminUsers, 'setUserAdminAction'),
      member: admin,
      template: () => ({ userId: world.inspector.id, isAdmin: 'true' }),
      poisons: { userId: notUuid, isAdmin: notFormBoolean },
    },
    {
      name: 'admin/createService',
      kind: 'form',
      ...act(adminServices, 'createServiceAction'),
      member: admin,
      template: () => ({ name: `S ${int(1e9)}`, localAuthority: 'LA', region: 'North' }),
      poisons: {
        name: () => pick(['', ' ', 'x'.repeat(121)]),
        localAuthority: () => pick(['', 'x'.repeat(121)]),
        region: () => pick(['', 'x'.repeat(61)]),
      },
    },
    {
      name: 'admin/updateService',
      kind: 'form',
      ...act(adminServices, 'updateServiceAction'),
      member: admin,
      template: () => ({ serviceId: world.inspection.serviceId, name: `S ${int(1e9)}`, localAuthority: 'LA', region: 'North' }),
      poisons: { serviceId: notUuid, name: () => pick(['', 'x'.repeat(121)]), region: () => pick(['', 'x'.repeat(61)]) },
    },
    {
      name: 'inspections/new',
      kind: 'form',
      ...act(newInspection, 'createInspectionAction'),
      member: admin,
      template: () => ({
        serviceId: world.inspection.serviceId,
        framework: '2021',
        fieldworkStart: dateParts(),
        fieldworkEnd: { day: '20', month: '11', year: '2026' },
        leadEmail: world.lead.email,
        previousRatings: { '2.1': 'good' },
        previousKeyQuestionPct: '2.1.1=50',
      }),
      poisons: {
        serviceId: () => pick(['', 'not-new', '-'.repeat(36)]),
        framework: notInForm(['2018', '2021']),
        leadEmail: notFormEmail,
        previousKeyQuestionPct: tooLong(5000),
        fieldworkStart: () =>
          pick([
            { day: '31', month: '2', year: '2026' },
            { day: 'x', month: '1', year: '2026' },
            { day: '1', month: '1', year: '99999' },
          ]),
      },
    },
    setupForm(
      'updateDetails',
      act(setup, 'updateInspectionDetailsAction'),
      () => ({ fieldworkStart: dateParts(), fieldworkEnd: dateParts(), previousKeyQuestionPct: '' }),
      { previousKeyQuestionPct: tooLong(5000), fieldworkEnd: () => pick([{ day: '0', month: '1', year: '2026' }, { year: '2026' }]) },
    ),
    setupForm('setStatus', act(setup, 'setInspectionStatusAction'), () => ({ status: 'panel' }), { status: notInForm(['panel']) }),
    setupForm('addMember', act(setup, 'addMemberAction'), () => ({ email: world.outsider.email, role: 'inspector' }), {
      email: notFormEmail,
      role: notInForm(['inspector']),
    }),
    setupForm('changeMemberRole', act(setup, 'changeMemberRoleAction'), () => ({ userId: world.inspector.id, role: 'manager' }), {
      userId: notUuid,
      role: notInForm(['manager']),
    }),
    setupForm('removeMember', act(setup, 'removeMemberAction'), () => ({ userId: world.otherInspector.id }), { userId: notUuid }),
    setupForm('addCase', act(setup, 'addCaseAction'), caseFields, casePoisons),
    setupForm('editCase', act(setup, 'editCaseAction'), () => ({ caseId, baseVersion: '1', ...caseFields() }), {
      caseId: notUuid,
      baseVersion: notFormVersion,
      ...casePoisons,
    }),
    setupForm('deleteCase', act(setup, 'deleteCaseAction'), () => ({ caseId }), { caseId: notUuid }),
    setupForm('allocateCase', act(setup, 'allocateCaseAction'), () => ({ caseId, inspectorId: world.otherInspector.id }), {
      caseId: notUuid,
      inspectorId: () => pick(['-'.repeat(36), 'none', 'x']),
    }),
    setupForm(
      'allocateCases',
      act(setup, 'allocateCasesAction'),
      () => ({ caseIds: [caseId, world.cases.ycc.id], inspectorId: world.otherInspector.id }),
      { caseIds: () => pick([[], ['-'.repeat(36)], [caseId, 'x']]), inspectorId: () => pick(['', '-'.repeat(36), 'nobody']) },
    ),
    setupForm('spreadCases', act(setup, 'spreadCasesAction'), () => ({}), {}),
    {
      name: 'setup/previewImport',
      kind: 'form',
      ...act(setupImport, 'previewImportAction'),
      member: lead,
      template: () => ({ inspectionId, file: hostileCsvFile() }),
      poisons: { inspectionId: notUuid, file: () => pick(['', 'not a file', hostileCsvFile()]) },
      // The preview writes nothing: a "done" answer is fine when it says the file cannot be imported.
      accept: (result) => {
        const state = result as { status: string; data?: { check: { isImportable: boolean } } };
        return state.status === 'error' || (state.status === 'done' && state.data?.check.isImportable === false);
      },
    },
    setupForm(
      'importCases',
      act(setupImport, 'importCasesAction'),
      () => ({ csv: 'reference,type,disposal\r\nR-1,court,referral_order\r\n' }),
      { csv: () => pick([hostileCsvText(), tooLong(1_000_000)(), '']) },
    ),
    {
      name: 'inspections/import',
      kind: 'form',
      ...act(importInspection, 'importInspectionAction'),
      member: admin,
      template: () => ({ file: hostileJsonFile() }),
      poisons: { file: () => pick(['', 'not a file', hostileJsonFile()]) },
      // A file with problems comes back as its list of problems (ok: true, data.ok: false).
      accept: (result) => {
        const response = result as { ok: boolean; code?: string; data?: { ok: boolean } };
        return response.ok ? response.data?.ok === false : response.code !== 'error';
      },
    },
    {
      name: 'marking/saveAnswer (route)',
      kind: 'json',
      ...jsonRoute(answersRoute, () => world.inspection.id),
      member: inspector,
      template: () => ({ field: pick(['value', 'note']), caseId, questionId: '2.1.1', value: 'yes', note: 'n', baseVersion: 0 }),
      poisons: {
        field: notIn(['value']),
        caseId: notUuid,
        questionId: () => pick(['2.1', '9.9.9.9', '', 'constructor', 42]),
        baseVersion: notVersion,
      },
    },
    {
      name: 'marking/saveCaseDetails (route)',
      kind: 'json',
      ...jsonRoute(detailsRoute, () => world.inspection.id),
      member: inspector,
      template: () => ({ caseId, baseVersion: 1, agreesWithRosh: true, practiceExample: 'x' }),
      poisons: { caseId: notUuid, baseVersion: notVersion, agreesWithRosh: notBoolean, practiceExample: notText(5000) },
    },
    {
      name: 'marking/completeCase',
      kind: 'json',
      ...act(marking, 'completeCaseAction'),
      member: inspector,
      template: () => ({ caseId }),
      poisons: { caseId: notUuid },
    },
    {
      name: 'marking/reopenCase',
      kind: 'json',
      ...act(marking, 'reopenCaseAction'),
      member: lead,
      template: () => ({ caseId }),
      poisons: { caseId: notUuid },
    },
    {
      name: 'panel/recordJudgement',
      kind: 'json',
      ...act(panel, 'recordJudgementAction'),
      member: lead,
      template: () => ({ inspectionId, standardId: '1.1', rating: 'good', evidence: { '1.1.1': 'e' }, baseVersion: 0 }),
      poisons: {
        inspectionId: notUuid,
        standardId: () => pick(['1', '1.1.1', '', 42, '__proto__']),
        rating: () => pick(['x', '', 'GOOD', 42, true, [], {}]) /* null is allowed: not judged yet */,
        evidence: () => pick([{ '1.1.1': 'x'.repeat(10_001) }, { x: 'y' }, 'text', [1]]),
        baseVersion: notVersion,
      },
    },
    {
      name: 'panel/recordPanelDecision',
      kind: 'json',
      ...act(panel, 'recordPanelDecisionAction'),
      member: lead,
      template: () => ({ inspectionId, standardId: '2.1', rating: 'good', rationale: 'A rationale long enough.', baseVersion: 0 }),
      poisons: {
        inspectionId: notUuid,
        rating: notIn(['good']),
        rationale: () => pick(['', 'short', 'x'.repeat(5001), 42]),
        baseVersion: notVersion,
      },
    },
    {
      name: 'panel/withdrawPanelDecision',
      kind: 'json',
      ...act(panel, 'withdrawPanelDecisionAction'),
      member: lead,
      template: () => ({ inspectionId, decisionId, baseVersion: 1 }),
      poisons: { inspectionId: notUuid, decisionId: notUuid, baseVersion: notVersion },
    },
    {
      name: 'panel/setPanelVisibility',
      kind: 'json',
      ...act(panel, 'setPanelVisibilityAction'),
      member: lead,
      template: () => ({ inspectionId, isPanelVisibleToTeam: true }),
      poisons: { inspectionId: notUuid, isPanelVisibleToTeam: notBoolean },
    },
    ...samplingTargets(),
    ...qualityTargets(),
    ...reportTargets(),
  ];
}

/** The draft report (issue 22): a section saved on its version, and who may write it. */
function reportTargets(): Target[] {
  const inspectionId = world.inspection.id;
  return [
    {
      name: 'report/saveReportSection',
      kind: 'json',
      ...act(report, 'saveReportSectionAction'),
      member: lead,
      template: () => ({ inspectionId, sectionKey: 'summary:2', content: { paragraphs: [{ kind: 'text', text: 'x' }] }, baseVersion: 0 }),
      poisons: {
        inspectionId: notUuid,
        sectionKey: () => pick(['summary:9', 'standard:2.9', '', 42, '__proto__', 'x'.repeat(41)]),
        content: () =>
          pick([
            { paragraphs: [{ kind: 'html', text: 'x' }] },
            { paragraphs: [{ kind: 'quote', answerId: 'C-1', text: 'x' }] },
            { strengths: ['x'.repeat(2001)] },
            { groups: 'text' },
            'text',
            [1],
          ]),
        baseVersion: notVersion,
      },
    },
    {
      name: 'report/setReportEditor',
      kind: 'json',
      ...act(report, 'setReportEditorAction'),
      member: lead,
      template: () => ({ inspectionId, userId: world.manager.id, isAllowed: true }),
      poisons: { inspectionId: notUuid, userId: notUuid, isAllowed: notBoolean },
    },
  ];
}

/** Quality assurance (issue 13): queries on marked answers, the review record and the coverage target. */
function qualityTargets(): Target[] {
  const inspectionId = world.inspection.id;
  const caseId = world.cases.court.id;
  // No query exists in the world: a well-formed id is simply not found, and every input carries a poison anyway.
  const queryId = '7b0c2a4e-3f1d-4c5b-9a8e-1d2c3b4a5f60';
  const form = (
    name: string,
    action: Pick<Target, 'source' | 'call'>,
    member: () => Identity,
    template: () => Record<string, unknown>,
    poisons: Record<string, Poison>,
  ): Target => ({
    name: `quality/${name}`,
    kind: 'form',
    ...action,
    member,
    template,
    poisons,
  });
  const text = () => pick(['', ' ', tooLong(2000)()]);
  return [
    form('raiseQuery', act(quality, 'raiseQueryAction'), lead, () => ({ caseId, questionId: '2.1.1', body: 'Is 2.1.1 really Yes?' }), {
      caseId: notUuid,
      questionId: () => pick(['', '2.1.1; DROP', 'case:', 'x'.repeat(21), '../2.1.1']),
      body: text,
    }),
    form('replyToQuery', act(quality, 'replyToQueryAction'), inspector, () => ({ queryId, body: 'The plan was on time.' }), {
      queryId: notUuid,
      body: text,
    }),
    form('resolveQuery', act(quality, 'resolveQueryAction'), lead, () => ({ queryId, body: '' }), {
      queryId: notUuid,
      body: tooLong(2000),
    }),
    form('reopenQuery', act(quality, 'reopenQueryAction'), lead, () => ({ queryId, body: 'Still not convinced.' }), {
      queryId: notUuid,
      body: text,
    }),
    form('markCaseReviewed', act(quality, 'markCaseReviewedAction'), lead, () => ({ caseId }), { caseId: notUuid }),
    form('setQualityTarget', act(quality, 'setQualityTargetAction'), lead, () => ({ inspectionId, targetPct: '20' }), {
      inspectionId: notUuid,
      targetPct: () => pick(['0', '101', '-5', '12.5', 'twenty', '1e9', '']),
    }),
    // Blind second marking: no second marking exists in the world, so a well-formed id is not found.
    form(
      'assignSecondMarking',
      act(secondMarking, 'assignSecondMarkingAction'),
      lead,
      () => ({ caseId, markerId: world.otherInspector.id }),
      { caseId: notUuid, markerId: notUuid },
    ),
    form(
      'saveSecondMarking',
      act(secondMarking, 'saveSecondMarkingAction'),
      () => as(world.otherInspector),
      () => ({ secondMarkingId: queryId, version: '1', intent: 'save', 'value[2.1.1]': 'yes', 'note[2.1.1]': 'Seen.' }),
      {
        secondMarkingId: notUuid,
        version: () => pick(['0', '-1', 'one', '1.5', '99999999999', '']),
        intent: () => pick(['', 'SUBMIT', 'delete', '__proto__']),
        'value[2.1.1]': () => pick(['maybe', 'YES', 'n/a', '1']),
        'value[2.1.1; DROP]': () => pick(['yes', 'no']),
        'note[2.1.1]': tooLong(5000),
      },
    ),
    form('withdrawSecondMarking', act(secondMarking, 'withdrawSecondMarkingAction'), lead, () => ({ secondMarkingId: queryId }), {
      secondMarkingId: notUuid,
    }),
    form(
      'reconcileDisagreement',
      act(secondMarking, 'reconcileDisagreementAction'),
      lead,
      () => ({ secondMarkingId: queryId, questionId: '2.1.1', answerVersion: '1', value: 'yes', reason: 'The plan was on time.' }),
      {
        secondMarkingId: notUuid,
        questionId: () => pick(['', '2.1.1; DROP', 'x'.repeat(21), '../2.1.1']),
        answerVersion: () => pick(['-1', 'one', '1.5', '99999999999', '']),
        value: () => pick(['', 'maybe', 'YES']),
        reason: text,
      },
    ),
  ];
}

/** Sampling: a second inspection, in set-up, with a population uploaded and a sample drawn. */
function samplingTargets(): Target[] {
  const inspectionId = sample.world.inspection.id;
  const sampleLead = () => as(sample.world.lead);
  const sampleForm = (
    name: string,
    action: Pick<Target, 'source' | 'call'>,
    template: () => Record<string, unknown>,
    poisons: Record<string, Poison>,
  ): Target => ({
    name: `sample/${name}`,
    kind: 'form',
    ...action,
    member: sampleLead,
    template: () => ({ inspectionId, ...template() }),
    poisons: { inspectionId: notUuid, ...poisons },
  });
  const type = notInForm(['court', 'out_of_court', 'resettlement']);
  return [
    {
      ...sampleForm('uploadPopulation', act(sampling, 'uploadPopulationAction'), () => ({ file: hostilePopulationFile() }), {
        file: () => pick(['', 'not a file', hostilePopulationFile()]),
      }),
      // A file with wrong rows comes back checked and not saved (status done, isSaved false).
      accept: (result) => {
        const state = result as { status: string; message?: string; data?: { isSaved: boolean; check: { isUsable: boolean } } };
        if (state.status === 'error') return !GENERIC.test(state.message ?? '');
        return state.status === 'done' && state.data?.isSaved === false && state.data.check.isUsable === false;
      },
    },
    sampleForm(
      'setWindow',
      act(sampling, 'setWindowAction'),
      () => ({ type: 'court', from: { day: '1', month: '2', year: '2026' }, to: { day: '1', month: '5', year: '2026' } }),
      {
        type,
        from: () =>
          pick([
            { day: '31', month: '2', year: '2026' },
            { day: 'x', month: '1', year: '2026' },
            { year: '2026' },
            { day: '1', month: '1', year: '99999' },
          ]),
        to: () => pick([{ day: '0', month: '1', year: '2026' }, {}, { day: '1', month: '13', year: '2026' }]),
      },
    ),
    sampleForm('setSize', act(sampling, 'setSizeAction'), () => ({ type: 'court', size: '12', reason: 'A smaller service this year.' }), {
      type,
      size: () => pick(['-1', '1.5', '1e3', 'twelve', '0', ' 12x', '٣']),
      reason: () => pick([tooLong(500)(), '']),
    }),
    sampleForm('setSixtyForty', act(sampling, 'setSixtyFortyAction'), () => ({ isSixtyForty: 'true' }), { isSixtyForty: notFormBoolean }),
    sampleForm('drawSample', act(sampling, 'drawSampleAction'), () => ({ seed: 'hostile-seed' }), {
      seed: () => pick(['x'.repeat(41), 'a b', 'seed!', 'é', '../x', '<b>']),
    }),
    sampleForm(
      'replaceSampledCase',
      act(sampling, 'replaceSampledCaseAction'),
      () => ({ caseId: sample.sampledId, replacementId: sample.reserveId, reason: 'The child has moved away.' }),
      {
        caseId: notUuid,
        replacementId: notUuid,
        reason: () => pick(['', ' ', tooLong(500)()]),
      },
    ),
    sampleForm('confirmSample', act(sampling, 'confirmSampleAction'), () => ({}), {}),
  ];
}

const POPULATION_HEADER = 'reference,type,disposal,disposal_date,gender,rosh,safety_wellbeing,case_manager';

/** A caseload list that can never be kept: it always holds a row or a heading that is refused. */
function hostilePopulationText(): string {
  const header = pick([
    POPULATION_HEADER,
    `${POPULATION_HEADER},constructor`,
    `${POPULATION_HEADER},__proto__`,
    'reference,child_name,type,disposal,disposal_date',
    `\uFEFF${POPULATION_HEADER}`,
    'toString,type,disposal,disposal_date',
  ]);
  const row = pick([
    'P-1,court,referral_order,2026-03-01,Male,low,low,CM',
    'P-2,court,"unterminated',
    `P-3,court,referral_order,2026-03-01,Ma\u0000le,,,`,
    'P-4,court,referral_order,2026-02-30,,,,',
  ]);
  const refused = pick([
    'P-9,court,youth_caution,2026-03-01,,,,',
    `P\u0000-9,court,referral_order,2026-03-01,,,,`,
    'P-9,court,referral_order,not a date,,,,',
    'Jayden Smith,court,referral_order,2026-03-01,,,,',
  ]);
  return `${header}\r\n${row}\r\n${refused}\r\n${chance(0.2) ? '\u0000' : ''}`;
}

function hostilePopulationFile(): File {
  const name = pick(['caseload.csv', 'caseload.CSV', 'caseload.xlsx', 'caseload.txt', 'x\u0000.csv', '', '.csv']);
  const body = pick<() => BlobPart>([
    hostilePopulationText,
    hostilePopulationText,
    () => new Uint8Array(900_001 + int(50_000)),
    () => new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0xff, 0xff]), // the start of a zip (an XLSX), then nothing
    () => 'x'.repeat(int(2000)),
  ])();
  return new File([body], name, { type: pick(['text/csv', '', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet']) });
}

function hostileCsvText(): string {
  const header = pick([
    'reference,type,disposal',
    'reference,type,disposal,constructor',
    'reference,type,disposal,__proto__',
    'ref,child_name,type,disposal',
    'reference,type,disposal,gender',
    '\uFEFFreference,type,disposal',
  ]);
  const row = pick([
    'R-1,court,referral_order',
    'R-2,court,"unterminated',
    'R-3,"x"y,z',
    `R-4,court,referral_order,Ma\u0000le`,
    `R\u0000-5,court,referral_order`,
    'R-6,court,youth_caution',
  ]);
  // Every file is refused: it always ends with a row holding a NUL or a disposal that cannot fit.
  const refused = pick(['x\u0000,y,z', 'R-9,court,youth_caution', 'R-9,court,referral_order,\u0000']);
  return `${header}\r\n${row}\r\n${refused}\r\n${chance(0.2) ? '\u0000' : ''}`;
}

function hostileCsvFile(): File {
  const name = pick(['sample.csv', 'sample.CSV', 'sample.txt', 'x\u0000.csv', '']);
  return new File([chance(0.1) ? new Uint8Array(600_000) : hostileCsvText()], name, { type: pick(['text/csv', '', 'application/json']) });
}

function hostileJsonFile(): File {
  const document = {
    format: 'casemark/inspection@1',
    inspection: {
      service: chance(0.5) ? 'x'.repeat(121) : 'Anytown',
      framework: pick(['2018', '2021', '2019']),
      previous: { ratings: { constructor: 'good', '9.9': 'good' } },
    },
    cases: [{ ref: 'C1', type: 'court', gender: 'x'.repeat(500), answers: { '2.1.1': 'yes' }, notes: { '2.1.1': 'x'.repeat(6000) } }],
  };
  const body = pick([
    () => JSON.stringify(document),
    () => `\uFEFF${JSON.stringify(document)}`,
    () => '{ not json',
    () => `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`,
    () => `${'['.repeat(200_000)}${']'.repeat(200_000)}`,
    () => JSON.stringify({ ...document, cases: [{ ...document.cases[0], gender: 'ma\u0000le' }] }),
    () => JSON.stringify(null),
    () => JSON.stringify([document]),
    () => '',
    () => 'x'.repeat(1_000_001),
  ])();
  return new File([body], pick(['inspection.json', 'x.txt', '']), { type: 'application/json' });
}

/**
 * One malformed input for a target: the template with at least one poisoned field (a value its
 * schema must refuse, or NUL / a lone surrogate / deep nesting anywhere), plus noise.
 */
function mutate(target: Target): Record<string, unknown> {
  const input: Record<string, unknown> = target.template();
  const poisoned = new Set<string>();
  const poisonable = Object.keys(target.poisons);
  // Form data is UTF-8 on the wire: a lone surrogate arrives as U+FFFD, so only NUL poisons it.
  const universal = (): unknown =>
    target.kind === 'json'
      ? chance(0.3)
        ? deep(17 + int(3000))
        : unstorableText()
      : unstorableText().replace(/[\uD800-\uDFFF]/g, '\u0000');
  const poison = () => {
    if (poisonable.length && chance(0.7)) {
      const key = pick(poisonable);
      input[key] = must(target.poisons[key], 'target.poisons[key]')();
      poisoned.add(key);
    } else {
      const candidates = Object.keys(input).filter((k) => k !== 'file' && !target.converted?.includes(k));
      const key = candidates.length && chance(0.5) ? pick(candidates) : `extra${int(100)}`;
      input[key] = universal();
      poisoned.add(key);
    }
  };
  poison();
  // Noise: missing fields, other values, extra and prototype keys.
  for (const key of Object.keys(input)) {
    if (chance(0.1)) {
      delete input[key];
      poisoned.delete(key);
    }
  }
  if (chance(0.3)) poison();
  for (let i = int(3); i > 0; i--) {
    const key = pick([...PROTOTYPE_KEYS, '$ACTION_ID_x', 'isAdmin', 'status', `x${int(9)}`]);
    input[key] = noiseValue();
    poisoned.delete(key);
  }
  if (poisoned.size === 0) input.extraPoison = universal();
  return input;
}

function toFormData(input: Record<string, unknown>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(input)) {
    if (value instanceof File) data.append(key, value);
    else if (Array.isArray(value))
      for (const item of value) data.append(key, typeof item === 'string' ? item : (JSON.stringify(item) ?? ''));
    else if (value && typeof value === 'object')
      for (const [part, v] of Object.entries(value)) data.append(`${key}[${part}]`, typeof v === 'string' ? v : (JSON.stringify(v) ?? ''));
    else data.append(key, typeof value === 'string' ? value : String(value));
  }
  return data;
}

/** What is sent instead of the right kind of argument: JSON for a form, form data for JSON, junk. */
function wrongShape(target: Target, input: Record<string, unknown>): unknown {
  return pick([
    undefined,
    null,
    '',
    'inspectionId=1',
    42,
    2 ** 40,
    true,
    [],
    [input],
    new Map(Object.entries(input)),
    new Date(),
    BigInt(2) ** BigInt(64),
    target.kind === 'form' ? input : toFormData(input),
  ]);
}

/** A summary-export query with at least one filter, format or table that must be refused. */
function hostileSummaryQuery(): string {
  const params = new URLSearchParams();
  const good: [string, string][] = [
    ['framework', '2021'],
    ['from', '2026-01-01'],
    ['to', '2026-12-31'],
    ['region', 'North'],
    ['status', 'panel'],
    ['sort', 'score'],
    ['dir', 'asc'],
    ['format', 'xlsx'],
  ];
  for (const [key, value] of good) if (chance(0.3)) params.set(key, value);
  const bad = pick<[string, string][]>([
    [['framework', pick(['2019', 'v2021', `x${noiseText()}`])]],
    [['status', pick(['draft', 'PANEL', pick(PROTOTYPE_KEYS)])]],
    [['sort', pick(['evil', '__proto__', 'constructor'])]],
    [['from', pick(['2026-02-30', '26-1-1', '2026-1-1x', '\u0000'])]],
    [
      ['to[day]', 'x'],
      ['to[month]', '1'],
      ['to[year]', '2026'],
    ],
    [
      ['from', '2026-12-31'],
      ['to', '2026-01-01'],
    ],
    [['region', pick(['North\u0000', 'x'.repeat(101), '\u0000'])]],
    [['format', pick(['pdf', 'CSV', ' xlsx', pick(PROTOTYPE_KEYS)]) /* blank is the default (xlsx) */]],
    [
      ['format', 'csv'],
      ['table', pick(['ratings', '__proto__', 'constructor', 'x'.repeat(5000)]) /* blank is the default table */],
    ],
  ]);
  for (const [key, value] of bad) params.set(key, value);
  return params.toString();
}

// ——— Completeness: what app/ exports that takes requests ———

const ROOT = path.resolve(__dirname, '../..');
const HTTP_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

function filesUnder(dir: string, keep: (file: string) => boolean): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return entry.name === 'node_modules' || entry.name === 'generated' ? [] : filesUnder(relative, keep);
    return keep(relative) ? [relative] : [];
  });
}

/** The names a module exports as values: `export (async) function x`, `export const x`, `export { a, b as c }`. */
function exportedNames(source: string): string[] {
  const names = [...source.matchAll(/^export\s+(?:async\s+)?(?:function\*?|const|let|var)\s+([A-Za-z_$][\w$]*)/gm)].map((m) => m[1] ?? '');
  for (const [, list = ''] of source.matchAll(/^export\s*\{([^}]*)\}/gm)) {
    for (const part of list.split(',')) {
      const name = part
        .trim()
        .split(/\s+as\s+/)
        .pop()
        ?.trim();
      if (name && !name.startsWith('type ')) names.push(name);
    }
  }
  return names;
}

/**
 * `file#name` of every export of every 'use server' file under app/, components/ and lib/; an
 * inline 'use server' (a server action declared inside a component) is listed as
 * `file#(inline server action)`, which no target covers: move it to an actions.ts file.
 */
function discoverActions(): string[] {
  return ['app', 'components', 'lib'].flatMap((dir) =>
    filesUnder(dir, (f) => /\.(ts|tsx|js|jsx)$/.test(f) && !/\.test\.tsx?$/.test(f)).flatMap((file) => {
      const source = readFileSync(path.join(ROOT, file), 'utf8');
      const isActionFile = /^\s*(?:\/\/[^\n]*\n\s*|\/\*[\s\S]*?\*\/\s*)*['"]use server['"]/.test(source);
      const directives = [...source.matchAll(/^\s*['"]use server['"];?\s*$/gm)].length;
      const found = isActionFile ? exportedNames(source).map((name) => `${file}#${name}`) : [];
      if (directives > (isActionFile ? 1 : 0)) found.push(`${file}#(inline server action)`);
      return found;
    }),
  );
}

/** `file#METHOD` of every HTTP method exported by every route.ts under app/. */
function discoverRoutes(): string[] {
  return filesUnder('app', (f) => /\/route\.(ts|tsx|js)$/.test(f)).flatMap((file) =>
    exportedNames(readFileSync(path.join(ROOT, file), 'utf8'))
      .filter((name) => HTTP_METHODS.includes(name))
      .map((name) => `${file}#${name}`),
  );
}

// ——— The database, byte for byte ———

async function fingerprint(): Promise<Record<string, string>> {
  const tables = await prisma.$queryRaw<{ table_name: string }[]>`
    SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`;
  const out: Record<string, string> = {};
  for (const { table_name: table } of tables) {
    const [row] = await prisma.$queryRawUnsafe<{ n: number; h: string | null }[]>(
      `SELECT count(*)::int AS n, md5(string_agg(md5(t::text), '' ORDER BY md5(t::text))) AS h FROM "${table.replace(/"/g, '""')}" t`,
    );
    out[table] = `${must(row, `the count of ${table}`).n}:${row?.h ?? ''}`;
  }
  return out;
}

const GENERIC = /Something went wrong/;
const safeJson = (value: unknown) => {
  try {
    return JSON.stringify(value, (_k, v: unknown) =>
      typeof v === 'string' ? v.slice(0, 40) : typeof v === 'bigint' ? String(v) : v,
    )?.slice(0, 400);
  } catch {
    return '(unprintable)';
  }
};
let totalInputs = 0;
const perTarget = new Map<string, number>();

/** Runs one input and says what was wrong with the answer, or null when it was a clear refusal. */
async function runAction(target: Target, identity: Identity, args: unknown[]): Promise<string | null> {
  context.user = identity;
  exercised.add(target.source);
  totalInputs++;
  perTarget.set(target.name, (perTarget.get(target.name) ?? 0) + 1);
  let result: unknown;
  try {
    result = await target.call(...args);
  } catch (error) {
    return `threw ${error instanceof Error ? `${error.name}: ${error.message.slice(0, 200)}` : String(error)}`;
  }
  if (target.accept && !target.accept(result)) return `unexpected answer ${JSON.stringify(result)?.slice(0, 300)}`;
  if (target.accept) return null;
  if (target.kind === 'form') {
    const state = result as { status: string; message?: string };
    if (state?.status !== 'error') return `not refused: ${JSON.stringify(result)?.slice(0, 300)}`;
    if (GENERIC.test(state.message ?? '')) return 'answered "Something went wrong"';
    if (!identity && !/session has ended/.test(state.message ?? '')) return `signed out but answered ${state.message}`;
    return null;
  }
  const response = result as { ok: boolean; code?: string; message?: string };
  if (response?.ok !== false) return `not refused: ${JSON.stringify(result)?.slice(0, 300)}`;
  if (response.code === 'error' || GENERIC.test(response.message ?? '')) return 'answered "Something went wrong"';
  if (!identity && response.code !== 'signed_out') return `signed out but answered ${response.code}`;
  return null;
}

const INPUTS_PER_ACTION = 320;

beforeAll(async () => {
  const created = await createMigratedDatabase('hostile');
  prisma = created.prisma;
  // The app's own client (lib/db/client.ts) is created on first use from this configuration.
  process.env.DATABASE_URL = created.url;
  process.env.NEXTAUTH_SECRET ??= 'hostile-input-test-secret-of-at-least-32-characters';
  process.env.NEXTAUTH_URL = 'http://localhost:3104';
}, 120_000);

afterAll(async () => {
  await appPrisma.$disconnect().catch(() => {});
  await prisma?.$disconnect();
  console.info(`hostile input: seed ${SEED}, ${totalInputs} inputs`, Object.fromEntries(perTarget));
});

/** A set-up inspection with a population of 30 court cases in the window and a drawn sample (see sampling.int.test.ts). */
async function seedSample() {
  sample.world = await seedWorld(prisma, { status: 'set_up', framework: 'v2021' });
  const lead = { id: sample.world.lead.id, isAdmin: false };
  const rows = Array.from({ length: 30 }, (_, i) => [
    `SP-${i}`,
    'court',
    pick(['referral_order', 'youth_rehabilitation_order']),
    `2026-03-${String(1 + (i % 28)).padStart(2, '0')}`,
    pick(['Male', 'Female']),
    'low',
    'medium',
    '',
  ]);
  const records = [POPULATION_HEADER.split(','), ...rows].map((fields, index) => ({ line: index + 1, fields }));
  const uploaded = await uploadPopulation(prisma, lead, { inspectionId: sample.world.inspection.id, fileName: 'caseload.csv', records });
  if (!uploaded.isSaved) throw new Error(`The seeded population was refused: ${JSON.stringify(uploaded.check.errors.slice(0, 3))}`);
  await drawSample(prisma, lead, { inspectionId: sample.world.inspection.id, seed: 'hostile' });
  const draw = await prisma.sampleDraw.findFirstOrThrow({
    where: { population: { inspectionId: sample.world.inspection.id } },
    select: { selection: true },
  });
  const court = (draw.selection as Record<string, { sample: string[]; reserves: string[] }>).court;
  if (!court?.sample.length || !court.reserves.length) throw new Error('The seeded draw has no court sample and reserves');
  [sample.sampledId, sample.reserveId] = [at(court.sample, 0), at(court.reserves, 0)];
}

describe(`hostile input (seed ${SEED})`, () => {
  let before: Record<string, string>;

  beforeAll(async () => {
    world = await seedWorld(prisma);
    const decision = await prisma.panelDecision.create({
      data: {
        inspectionId: world.inspection.id,
        standardId: '2.1',
        rating: 'good',
        rationale: 'Seeded for withdrawal attempts.',
        decidedById: world.lead.id,
      },
    });
    decisionId = decision.id;
    await seedSample();
    before = await fingerprint();
  });

  it('every server action answers every malformed input with a clear error and writes nothing', async () => {
    random = mulberry32(SEED);
    const failures: string[] = [];
    for (const target of targets()) {
      for (let i = 0; i < INPUTS_PER_ACTION; i++) {
        const identity = pick([null, outsider(), target.member(), target.member(), target.member()]);
        const input = mutate(target);
        const isWrongShape = chance(0.15);
        const argument = isWrongShape ? wrongShape(target, input) : target.kind === 'form' ? toFormData(input) : input;
        const args = target.kind === 'form' ? [pick([undefined, { status: 'idle' }, null, 'x']), argument] : [argument];
        const problem = await runAction(target, identity, args);
        if (problem && failures.length < 20) {
          const sent =
            argument instanceof FormData
              ? Object.fromEntries([...argument.keys()].map((k) => [k, String(argument.get(k)).slice(0, 40)]))
              : argument;
          failures.push(
            `${target.name} as ${identity ? identity.email.split('-')[0] : 'signed out'} (input ${i}, ${safeJson(sent)}): ${problem}`,
          );
        }
      }
    }
    // Sign-out takes no input: whatever it is sent, it answers with the sign-in page.
    const signOut = act(signIn, 'signOutAction');
    exercised.add(signOut.source);
    for (let i = 0; i < 200; i++) {
      context.user = pick([null, lead(), outsider()]);
      totalInputs++;
      perTarget.set('sign-in/signOut', (perTarget.get('sign-in/signOut') ?? 0) + 1);
      const error = await signOut.call(noiseValue(), noiseValue()).then(
        () => null,
        (e: unknown) => e,
      );
      if (!(error instanceof Redirected) || error.url !== '/sign-in?signedOut=1') failures.push(`signOut: ${String(error)}`);
    }
    expect(failures).toEqual([]);
    expect(await fingerprint()).toEqual(before);
  }, 120_000);

  it('every route handler answers malformed requests with 4xx and writes nothing', async () => {
    random = mulberry32(SEED + 1);
    const failures: string[] = [];
    const hostileId = () =>
      pick([
        '-'.repeat(36),
        'g'.repeat(36),
        '',
        '..',
        '%00',
        '\u0000',
        'x'.repeat(5000),
        `${world.inspection.id}x`,
        world.inspection.id.toUpperCase().replace(/[0-9A-F]/, 'G'),
        unstorableText(),
        pick(PROTOTYPE_KEYS),
        '00000000-0000-0000-0000-000000000000;DROP',
      ]);
    const check = async (name: string, run: () => Promise<Response>, allowed: (status: number) => boolean, detail = '') => {
      totalInputs++;
      perTarget.set(name, (perTarget.get(name) ?? 0) + 1);
      try {
        const response = await run();
        await response.body?.cancel().catch(() => {});
        if (!allowed(response.status)) failures.push(`${name} ${detail}: answered ${response.status}`);
      } catch (error) {
        failures.push(`${name} ${detail}: threw ${(error as Error).message?.slice(0, 200)}`);
      }
    };
    const request = (path: string) =>
      new Request(
        `http://localhost:3104${path}${pick(['', `?format=${encodeURIComponent(noiseText())}`, '?format=csv&format=xlsx', `?${pick(PROTOTYPE_KEYS)}=1`])}`,
        { method: 'GET' },
      );
    const isRefusal = (status: number) => status >= 400 && status < 500;

    for (let i = 0; i < 400; i++) {
      context.user = pick([null, outsider(), lead(), admin(), as(world.manager)]);
      // Ill-formed ids: the same not-found as an inspection that does not exist.
      const inspectionId = hostileId();
      const table = chance(0.5) ? pick(['ratings', 'key-questions', 'prompts', 'all']) : noiseText();
      await check(
        'GET exports/[table]',
        () => route(tableRoute, 'GET')(request(`/inspections/x/exports/${table}`), { params: Promise.resolve({ inspectionId, table }) }),
        isRefusal,
      );
      // A real inspection with a table or format that does not exist: 400 or 404.
      const badTable = `x${noiseText()}`;
      await check(
        'GET exports/[table] (real inspection)',
        () =>
          route(tableRoute, 'GET')(request(`/inspections/x/exports/${encodeURIComponent(badTable)}`), {
            params: Promise.resolve({ inspectionId: world.inspection.id, table: badTable }),
          }),
        isRefusal,
      );
      await check(
        'GET exports/interchange',
        () => route(interchangeRoute, 'GET')(request('/inspections/x/exports/interchange'), { params: Promise.resolve({ inspectionId }) }),
        isRefusal,
      );
      await check(
        'GET panel/events',
        () => route(eventsRoute, 'GET')(request('/inspections/x/panel/events'), { params: Promise.resolve({ inspectionId }) }),
        isRefusal,
      );
      await check(
        'GET setup/import/template',
        () => route(templateRoute, 'GET')(request('/inspections/x/setup/import/template'), { params: Promise.resolve({ inspectionId }) }),
        isRefusal,
      );
      await check(
        'GET setup/sample/template',
        () =>
          route(sampleTemplateRoute, 'GET')(request('/inspections/x/setup/sample/template'), { params: Promise.resolve({ inspectionId }) }),
        isRefusal,
      );
      await check(
        'GET exports/annexe',
        () => route(annexeRoute, 'GET')(request('/inspections/x/exports/annexe'), { params: Promise.resolve({ inspectionId }) }),
        isRefusal,
      );
      await check(
        'GET report/docx',
        () => route(reportDocxRoute, 'GET')(request('/inspections/x/report/docx'), { params: Promise.resolve({ inspectionId }) }),
        isRefusal,
      );
      await check(
        'GET exports/breakdowns',
        () => route(breakdownsRoute, 'GET')(request('/inspections/x/exports/breakdowns'), { params: Promise.resolve({ inspectionId }) }),
        isRefusal,
      );
      await check(
        'GET exports/agreement',
        () => route(agreementRoute, 'GET')(request('/inspections/x/exports/agreement'), { params: Promise.resolve({ inspectionId }) }),
        isRefusal,
      );
      // The audit trail of a hostile inspection id: refused (never a 500), whoever asks.
      await check(
        'GET exports/audit',
        () => route(auditRoute, 'GET')(request('/inspections/x/exports/audit'), { params: Promise.resolve({ inspectionId }) }),
        isRefusal,
      );
      // A real inspection with a format that does not exist: 400 (or 401/404 for those who may not see it).
      const badFormat = pick([`x${noiseText()}`, 'CSV', 'xlsx ', 'pdf', ' ', '\u0000']); // blank is the default (CSV), so not here
      await check(
        'GET exports/breakdowns (real inspection)',
        () =>
          route(breakdownsRoute, 'GET')(
            new Request(`http://localhost:3104/inspections/x/exports/breakdowns?format=${encodeURIComponent(badFormat)}`),
            { params: Promise.resolve({ inspectionId: world.inspection.id }) },
          ),
        isRefusal,
      );
      await check(
        'GET exports/agreement (real inspection)',
        () =>
          route(agreementRoute, 'GET')(
            new Request(`http://localhost:3104/inspections/x/exports/agreement?format=${encodeURIComponent(badFormat)}`),
            { params: Promise.resolve({ inspectionId: world.inspection.id }) },
          ),
        isRefusal,
      );
      // The summary export: filters or a format that do not parse are refused, never ignored.
      const summaryQuery = hostileSummaryQuery();
      await check(
        'GET summary/export',
        () => route(summaryExportRoute, 'GET')(new Request(`http://localhost:3104/summary/export?${summaryQuery}`)),
        isRefusal,
        summaryQuery.slice(0, 120),
      );
      // Takes no input at all: signed out 401, otherwise the user's own CSV.
      if (i % 10 === 0)
        await check(
          'GET exports/inspections',
          () => route(allInspectionsRoute, 'GET')(request('/exports/inspections')),
          (s) => (context.user ? s === 200 : s === 401),
        );
    }

    // Health and readiness read nothing from the request: whatever it carries, the same short answer.
    context.user = null;
    for (let i = 0; i < 20; i++) {
      const query = encodeURIComponent(noiseText());
      await check(
        'GET healthz',
        () => route(healthzRoute, 'GET')(new Request(`http://localhost:3104/healthz?${query}`)),
        (s) => s === 200,
      );
      await check(
        'GET readyz',
        () => route(readyzRoute, 'GET')(new Request(`http://localhost:3104/readyz?${query}`)),
        (s) => s === 200 || s === 503,
        query.slice(0, 60),
      );
    }

    // next-auth: bodies that are too large, not JSON, not UTF-8, or not objects; odd routes.
    context.user = null;
    for (let i = 0; i < 800; i++) {
      const nextauth = pick([
        ['callback', 'credentials'],
        ['signin', 'credentials'],
        ['signout'],
        ['session'],
        ['csrf'],
        ['providers'],
        [noiseText()],
        [],
        ['callback', noiseText()],
        ['_log'],
      ]);
      const contentType = pick([
        'application/json',
        'application/x-www-form-urlencoded',
        'text/plain',
        'multipart/form-data; boundary=x',
        '',
        'application/json; charset=utf-8',
      ]);
      const body = pick<() => BodyInit>([
        () => '{ not json',
        () => JSON.stringify(null),
        () => JSON.stringify([1, 2]),
        () => JSON.stringify('x'),
        () => 'x'.repeat(16_385 + int(1_000_000)),
        () => new Uint8Array([0xff, 0xfe, 0xfd]),
        () => `email=${pick(['%00', '%ED%A0%80', 'a%00b%40c.d'])}&password=x&csrfToken=forged`,
        () => JSON.stringify({ email: unstorableText(), password: 'x', csrfToken: 'forged', __proto__: { isAdmin: true } }),
        () => JSON.stringify({ email: 42, password: [], csrfToken: {} }),
        () => `${'['.repeat(100_000)}`,
      ])();
      const method = pick(['POST', 'POST', 'POST', 'GET']);
      const url = `http://localhost:3104/api/auth/${nextauth.map(encodeURIComponent).join('/')}`;
      context.headers = new Headers(contentType ? { 'content-type': contentType } : {});
      const run = () => {
        const req = new NextRequest(url, { method, headers: context.headers, ...(method === 'POST' ? { body } : {}) });
        return route(authRoute, method)(req, { params: Promise.resolve({ nextauth }) });
      };
      // next-auth answers odd routes with 400/404 and sign-in pages with redirects (302) or JSON (200): never 5xx.
      await check(`${method} api/auth`, run, (s) => s < 500, `${nextauth.join('/').slice(0, 40)} ${contentType}`);
    }
    context.headers = new Headers();
    expect(failures.slice(0, 20)).toEqual([]);
    expect(await fingerprint()).toEqual(before);
  }, 120_000);

  it('covers every server action and every route handler (add a target for anything new)', () => {
    const expected = [...discoverActions(), ...discoverRoutes()];
    const missing = expected.filter((key) => !exercised.has(key));
    const message = missing.length
      ? `No hostile-input target for:\n  ${missing.join('\n  ')}\nAdd one to targets() (server actions) or to the route test (route handlers): see the top of ${path.relative(process.cwd(), __filename)}.`
      : '';
    expect(message).toBe('');
    // A sanity check of the scan itself: it finds what this file already knows about.
    expect(expected.length).toBeGreaterThanOrEqual(ACTION_FILES.size + ROUTE_FILES.size);
  });

  it(`ran at least 10,000 inputs`, () => {
    expect(totalInputs).toBeGreaterThanOrEqual(10_000);
  });
});

// ——— Issue 21: the attacks that went around a rule, replayed ———

describe('issue 21: no shortcut around a rule', () => {
  let w: Awaited<ReturnType<typeof seedWorld>>;
  const who = (u: { id: string; isAdmin: boolean; name: string }) => ({ id: u.id, isAdmin: u.isAdmin, name: u.name });

  beforeAll(async () => {
    w = await seedWorld(prisma);
    // The lead lets the team see the panel: the strongest case for hiding figures from a blind marker.
    await prisma.inspection.update({ where: { id: w.inspection.id }, data: { isPanelVisibleToTeam: true } });
  });

  it('a reallocation cannot make a blind second marker read or overwrite the first marking (save, old version, current version)', async () => {
    const [lead, v, f] = [who(w.lead), who(w.otherInspector), who(w.inspector)];
    const caseId = w.cases.othersCase.id; // allocated to V
    const questionId = '2.1.1';
    const answers = () => prisma.answer.findMany({ where: { caseId }, orderBy: { questionId: 'asc' } });
    // V saves once: the save remembers V's access to the case.
    const first = await saveAnswer(prisma, v, { field: 'value', caseId, questionId, value: 'yes', baseVersion: 0 });
    expect(first.status).toBe('saved');
    // The lead reallocates the case to F, who marks it "No" with a note.
    await allocateCase(prisma, lead, { inspectionId: w.inspection.id, caseId, inspectorId: f.id });
    await saveAnswer(prisma, f, { field: 'value', caseId, questionId, value: 'no', baseVersion: 1 });
    await saveAnswer(prisma, f, { field: 'note', caseId, questionId, note: 'F-NOTE-secret', baseVersion: 2 });
    // The lead picks the case for second marking by V, then tries to allocate it back to V: refused.
    await assignSecondMarking(prisma, lead, { caseId, markerId: v.id });
    const marked = await answers();
    await expectRefusedUnchanged(
      answers,
      () => allocateCase(prisma, lead, { inspectionId: w.inspection.id, caseId, inspectorId: v.id }),
      'invalid',
      /second inspector of case C-2/,
    );
    await expectRefusedUnchanged(
      answers,
      () => allocateCases(prisma, lead, { inspectionId: w.inspection.id, caseIds: [caseId], inspectorId: v.id }),
      'invalid',
    );
    expect((await prisma.case.findUniqueOrThrow({ where: { id: caseId } })).inspectorId).toBe(f.id);

    // Even were the case allocated back to V by a path that forgot to ask (here: straight in the
    // database), V's remembered access does not write: the write's own guard applies the blind rule.
    await prisma.case.update({ where: { id: caseId }, data: { inspectorId: v.id } });
    for (const baseVersion of [1, 3]) {
      const outcome = await saveAnswer(prisma, v, { field: 'value', caseId, questionId, value: 'yes', baseVersion }).then(
        (r) => r,
        (e: unknown) => e,
      );
      // Not a conflict carrying F's answer, not a save under V's name: the case is not V's to see.
      expect(outcome).toBeInstanceOf(AppError);
      expect((outcome as AppError).code).toBe('not_found');
      expect(JSON.stringify(outcome)).not.toContain('F-NOTE-secret');
    }
    expect(await answers()).toEqual(marked);
  });

  it('a newly blind marker gets no inspection-wide figures from the very next save, however recently they saved', async () => {
    const [lead, v] = [who(w.lead), who(w.inspector)];
    const own = w.cases.court.id; // V's own case, V keeps marking it
    const saved = await saveAnswer(prisma, v, { field: 'value', caseId: own, questionId: '2.1.1', value: 'yes', baseVersion: 0 });
    expect(saved.status === 'saved' && saved.counts).toBeTruthy();
    await assignSecondMarking(prisma, lead, { caseId: w.cases.ycc.id, markerId: w.otherInspector.id });
    // Someone else is picked: V still sees the figures.
    const still = await saveAnswer(prisma, v, { field: 'value', caseId: own, questionId: '2.1.2', value: 'yes', baseVersion: 0 });
    expect(still.status === 'saved' && still.counts).toBeTruthy();
    // V is picked as a second inspector (of a case allocated to the lead): blind from now on.
    const leadsCase = await prisma.case.create({
      data: { inspectionId: w.inspection.id, reference: 'L-1', type: 'court', disposal: 'referral_order', inspectorId: w.lead.id },
    });
    await assignSecondMarking(prisma, lead, { caseId: leadsCase.id, markerId: v.id });
    const blind = await saveAnswer(prisma, v, { field: 'value', caseId: own, questionId: '2.1.3', value: 'yes', baseVersion: 0 });
    expect(blind.status).toBe('saved');
    expect(blind.status === 'saved' ? blind.counts : 'not saved').toBeNull();
  });

  it('an upload is refused for who is uploading before the file is read: a zip bomb and 100,000 rows from a user on no team', async () => {
    const inspectionId = w.inspection.id;
    const bomb = makeZipBomb(880_000_000);
    const hundredThousand = `reference,type,disposal,disposal_date\n${'x\n'.repeat(100_000)}`;
    const form = (file: File, id: string = inspectionId) => {
      const data = new FormData();
      data.set('inspectionId', id);
      data.set('file', file);
      return data;
    };
    const bombFile = () => new File([bomb], 'caseload.xlsx');
    const rowsFile = () => new File([hundredThousand], 'caseload.csv', { type: 'text/csv' });
    const upload = async (user: Identity, data: FormData) => {
      context.user = user;
      return sampling.uploadPopulationAction(undefined, data);
    };
    const preview = async (user: Identity, data: FormData) => {
      context.user = user;
      return setupImport.previewImportAction(undefined, data);
    };
    const populations = () => prisma.samplePopulation.count();
    const before = await populations();
    const stranger = as(w.outsider);
    // Had the files been read, the answers would be about the files; they are about access.
    for (const answer of [
      await upload(stranger, form(bombFile())),
      await upload(stranger, form(rowsFile())),
      await preview(stranger, form(rowsFile())),
      await upload(stranger, form(rowsFile(), '00000000-0000-4000-8000-000000000001')),
      await preview(as(w.inspector), form(rowsFile())),
    ]) {
      expect(answer).toMatchObject({
        status: 'error',
        message: expect.stringMatching(/does not exist or you do not have access|Only the lead inspector/),
      });
    }
    // The lead is told, in the form's own words, what is wrong with each file.
    expect(await upload(as(w.lead), form(bombFile()))).toMatchObject({
      status: 'error',
      fieldErrors: { file: 'The workbook is too large to read. Save the list of cases alone as CSV and upload that' },
    });
    expect(await upload(as(w.lead), form(rowsFile()))).toMatchObject({
      status: 'error',
      fieldErrors: { file: 'The file has 100,000 rows; the most is 5,000' },
    });
    expect(await preview(as(w.lead), form(new File([hundredThousand], 'cases.csv')))).toMatchObject({
      status: 'done',
      data: { check: { fileErrors: [expect.stringMatching(/^The file has 100,000 rows; the most is 500$/)] } },
    });
    expect(await populations()).toBe(before);
    context.user = null;
  });

  it('a CSV saved by Excel in the UK (Windows-1252) or as UTF-16 keeps its accents; other encodings are refused by name', async () => {
    const inspectionId = w.inspection.id;
    const csv = `reference,type,disposal,sentence_date,case_manager\nZ-1,court,referral_order,2026-03-14,Zoë Brontë\n`;
    const preview = async (bytes: Uint8Array<ArrayBuffer>) => {
      const data = new FormData();
      data.set('inspectionId', inspectionId);
      data.set('file', new File([bytes], 'cases.csv', { type: 'text/csv' }));
      context.user = as(w.lead);
      return setupImport.previewImportAction(undefined, data);
    };
    for (const [encoding, bom] of [
      ['win1252', false],
      ['utf16le', true],
      ['utf8', true],
    ] as const) {
      const answer = await preview(new Uint8Array(iconv.encode(csv, encoding, { addBOM: bom })));
      expect(answer.status === 'done' && answer.data.csv, encoding).toContain('Zoë Brontë');
      expect(answer.status === 'done' && answer.data.csv).not.toContain('\uFFFD');
    }
    const refused = await preview(new Uint8Array(iconv.encode(csv, 'utf16le')));
    expect(refused).toMatchObject({
      status: 'error',
      fieldErrors: { file: expect.stringMatching(/UTF-16 without a byte order mark.*UTF-8/) },
    });
    context.user = null;
  });

  it('an export neutralises a formula after a separator as well as at the start, and drops direction overrides and zero-width characters', async () => {
    const hostile = 'Svc;=HYPERLINK("http://evil.example","x") \u202Egnp.exe\u202C Ca\u200Bse';
    await prisma.service.update({ where: { id: w.inspection.serviceId }, data: { name: hostile } });
    context.user = as(w.admin);
    const csv = await (await allInspectionsRoute.GET()).text();
    context.user = null;
    expect(csv).toContain(`Svc;'=HYPERLINK(""http://evil.example"",""x"") gnp.exe Case`);
    expect(csv).not.toMatch(/[\u202A-\u202E\u200B]/);
  });

  it('a callback URL that does not parse is never a 500: csrf, providers, the credentials callback (the cookie: e2e/security.spec.ts)', async () => {
    const bad = encodeURIComponent('http://a:b/');
    const call = async (method: 'GET' | 'POST', path: string, init: { body?: string; headers?: Record<string, string> } = {}) => {
      const url = `http://localhost:3104/api/auth/${path}`;
      const request = new NextRequest(url, {
        method,
        headers: new Headers(init.headers),
        ...(method === 'POST' ? { body: init.body } : {}),
      });
      const nextauth = new URL(url).pathname.split('/').slice(3);
      return route(authRoute, method)(request, { params: Promise.resolve({ nextauth }) });
    };
    const answers = [
      await call('GET', `csrf?callbackUrl=${bad}`),
      await call('GET', `providers?callbackUrl=${bad}`),
      await call('POST', 'callback/credentials', {
        body: `csrfToken=x&email=a%40b.example&password=x&callbackUrl=${bad}`,
        headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost:3104' },
      }),
    ];
    for (const answer of answers) expect(answer.status).toBeLessThan(500);
  });
});
