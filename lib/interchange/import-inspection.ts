/**
 * Creates a NEW inspection from an interchange document, in one transaction: the service
 * (found by name, or created), the team, the cases with their answers, notes and
 * not-applicable reasons, the judgements and panel decisions, the quality record (second
 * markings, reconciliations, queries with their threads: issue 23), the publication date and the
 * link to the previous inspection when this Casemark holds it, and an audit entry. Either all
 * of it is written or none of it. Rules (docs/interchange.md, "Importing"):
 *
 * - Only admins import.
 * - Every email in the file (team, case inspectors, panel deciders, second markers, reconcilers,
 *   query authors) must be an existing user; a second marker must be an inspector of the team.
 * - With no lead inspector named in `inspection.team`, the importing admin becomes the lead.
 *   Case inspectors who are not on the team join it as inspectors.
 * - Answers, judgements and the audit entries are recorded as made by the importing admin;
 *   panel decisions keep `decidedBy`/`decidedAt` when the file gives them.
 * - The file meets the limits the forms apply (lib/interchange/document.ts), every person it
 *   names has an active account, and the audit trail gets the entries that doing the same by
 *   hand writes (service, inspection, each member, case, answer, note, judgement and panel
 *   decision), each marked `source: 'import'`, besides one `inspection.import` summary.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { can, type Actor } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors';
import { getFramework } from '@/lib/framework';
import { type AnswerValue, type CaseType, type Disposal } from '@/lib/framework/types';
import { frameworkToDb } from '@/lib/data/mappers';
import {
  answerRowsOf,
  judgementOf,
  parseCasemarkDocument,
  type CasemarkQuality,
  type InspectionStatusValue,
  type PreviousInspectionIdentity,
  type QueriedAnswer,
  type QueryMessageKind,
  type MarkingStatusValue,
  type TeamRoleValue,
} from './document';
import { writeAudit, writeAudits, type AuditAction, type AuditEntry } from '@/lib/audit/write';
import { reportSectionsOfDocument } from '@/lib/report/interchange';
import { must } from '@/lib/must';
import { formatDateRange, formatFieldworkStart } from '@/lib/format/labels';

export type ImportResult =
  | {
      ok: true;
      inspectionId: string;
      serviceName: string;
      isNewService: boolean;
      cases: number;
      answers: number;
      /**
       * The previous inspection the file names from its Casemark (issue 23), and whether it was
       * linked here ('linked', with its fieldwork as this Casemark prints it) or this Casemark does
       * not hold it ('not_found', the month the file gives: the file's previous figures are kept as
       * typed ones are). Null when the file names none.
       */
      previous: { status: 'linked' | 'not_found'; fieldwork: string } | null;
    }
  | { ok: false; errors: string[] };

/** A disposal for a case whose file gives none (the database needs one). */
function defaultDisposal(type: CaseType): Disposal {
  if (type === 'out_of_court') return 'other_out_of_court';
  return type === 'resettlement' ? 'custodial_sentence' : 'other_court';
}

const today = () => new Date().toISOString().slice(0, 10);
const asDate = (isoDate: string) => new Date(`${isoDate}T00:00:00.000Z`);
const ANSWER_BATCH = 5_000;

type Loose = Record<string, unknown>;
type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];
const SOURCE = 'import';

interface ImportAudit {
  inspectionId: string;
  service: { id: string; name: string; localAuthority: string; region: string } | null;
  inspection: Record<string, unknown> & { status: InspectionStatusValue; isPanelVisibleToTeam: boolean };
  members: { userId: string; role: TeamRoleValue; email: string | null }[];
  cases: {
    id: string;
    data: Record<string, unknown> & { status: MarkingStatusValue; sentenceDate: Date | null };
    answers: { questionId: string; value: string | null; note: string | null; naReason: string | null }[];
  }[];
  judgements: { standardId: string; rating: string | null; evidence: Record<string, string> }[];
  decisions: { id: string; standardId: string; rating: string; rationale: string }[];
  quality: QualityRows;
}

/**
 * The audit entries doing the same by hand writes (lib/setup, lib/marking, lib/panel), with the
 * same actions, entities and values, each marked `source: 'import'` so the history shows where
 * it came from.
 */
async function writeImportAudit(tx: Tx, actor: Actor, audit: ImportAudit): Promise<void> {
  const { inspectionId } = audit;
  const entry = (action: AuditAction, entityId: string, newValue: Record<string, unknown>): AuditEntry => ({
    actorId: actor.id,
    inspectionId,
    action,
    entityId,
    newValue: JSON.parse(JSON.stringify({ ...newValue, source: SOURCE })) as object,
  });
  const entries = [];
  if (audit.service)
    entries.push({
      ...entry('service.create', audit.service.id, {
        name: audit.service.name,
        localAuthority: audit.service.localAuthority,
        region: audit.service.region,
      }),
      inspectionId: null,
    });
  const { status, isPanelVisibleToTeam, ...created } = audit.inspection;
  entries.push(entry('inspection.create', inspectionId, { ...created, status: 'set_up' }));
  for (const m of audit.members) entries.push(entry('member.add', `${inspectionId}:${m.userId}`, { email: m.email, role: m.role }));
  for (const c of audit.cases) {
    const {
      status: caseStatus,
      sentenceDate,
      agreesWithRosh,
      agreesWithSafety,
      isCaseManagerInterviewed,
      isPracticeExample,
      practiceExample,
      inspectionId: _i,
      ...fields
    } = c.data;
    entries.push(entry('case.create', c.id, { ...fields, sentenceDate: sentenceDate ? sentenceDate.toISOString().slice(0, 10) : null }));
    const details = { agreesWithRosh, agreesWithSafety, isCaseManagerInterviewed, isPracticeExample, practiceExample };
    if (Object.values(details).some((v) => v !== null && v !== false)) entries.push(entry('case.details', c.id, details));
    for (const a of c.answers) {
      const entityId = `${c.id}:${a.questionId}`;
      if (a.value !== null) entries.push(entry('answer.value', entityId, { value: a.value, naReason: a.naReason }));
      if (a.note !== null) entries.push(entry('answer.note', entityId, { note: a.note }));
    }
    if (caseStatus === 'complete') entries.push(entry('case.complete', c.id, { status: 'complete' }));
  }
  for (const j of audit.judgements) {
    entries.push(entry('judgement.record', `${inspectionId}:${j.standardId}`, { rating: j.rating, evidence: j.evidence }));
  }
  for (const d of audit.decisions)
    entries.push(entry('panel.decide', d.id, { standardId: d.standardId, rating: d.rating, rationale: d.rationale }));
  for (const m of audit.quality.markings) {
    entries.push(entry('second_marking.assign', m.id, { caseId: m.caseId, markerId: m.markerId }));
    const answers = audit.quality.answers.filter((a) => a.secondMarkingId === m.id);
    if (m.submittedAt) {
      const firstMarking = Object.fromEntries(answers.map((a) => [a.questionId, { value: a.firstValue, naReason: a.firstNaReason }]));
      const rows = answers.map((a) => ({ questionId: a.questionId, value: a.value, naReason: a.naReason, note: a.note }));
      entries.push(entry('second_marking.submit', m.id, { answers: rows, firstMarking }));
    }
    for (const r of audit.quality.reconciliations.filter((x) => x.secondMarkingId === m.id)) {
      entries.push(
        entry('second_marking.reconcile', m.id, { questionId: r.questionId, value: r.value, naReason: r.naReason, reason: r.reason }),
      );
    }
  }
  for (const q of audit.quality.queries) {
    for (const step of q.steps) {
      entries.push(
        entry(`query.${step.kind}`, q.id, {
          status: step.status,
          caseId: q.caseId,
          questionId: q.questionId,
          body: step.body,
          ...(step.answer ? { answer: step.answer } : {}),
        }),
      );
    }
  }
  if (isPanelVisibleToTeam) entries.push(entry('panel.visibility', inspectionId, { isPanelVisibleToTeam }));
  if (status !== 'set_up') entries.push(entry('inspection.status', inspectionId, { status }));
  await writeAudits(tx, entries);
}

/** What the quality section writes (issue 23), with ids made here, by case and user id. */
interface QualityRows {
  markings: {
    id: string;
    inspectionId: string;
    caseId: string;
    markerId: string;
    assignedById: string;
    assignedAt: Date;
    submittedAt: Date | null;
  }[];
  answers: {
    secondMarkingId: string;
    questionId: string;
    value: AnswerValue | null;
    naReason: string | null;
    note: string | null;
    firstValue: AnswerValue | null;
    firstNaReason: string | null;
  }[];
  reconciliations: {
    secondMarkingId: string;
    questionId: string;
    value: AnswerValue;
    naReason: string | null;
    reason: string;
    reconciledById: string;
    reconciledAt: Date;
  }[];
  queries: {
    id: string;
    inspectionId: string;
    caseId: string;
    questionId: string;
    status: 'open' | 'answered' | 'resolved';
    raisedById: string;
    raisedAt: Date;
    updatedAt: Date;
    steps: {
      kind: QueryMessageKind;
      body: string;
      authorId: string;
      at: Date;
      status: 'open' | 'answered' | 'resolved';
      answer?: QueriedAnswer;
    }[];
  }[];
}

/** The status a query's step leaves it in (lib/quality/queries.ts). */
const STATUS_AFTER: Record<QueryMessageKind, 'open' | 'answered' | 'resolved'> = {
  raise: 'open',
  reply: 'answered',
  resolve: 'resolved',
  reopen: 'open',
};

/** The quality section (checked by parseCasemarkDocument: its cases, people and questions exist) as rows. */
function qualityRowsOf(
  quality: Pick<CasemarkQuality, 'secondMarkings' | 'queries'>,
  ids: { inspectionId: string; actor: Actor; caseIdOf: Map<string, string>; userId: (email: string) => string },
): QualityRows {
  const rows: QualityRows = { markings: [], answers: [], reconciliations: [], queries: [] };
  for (const m of quality.secondMarkings) {
    const id = randomUUID();
    rows.markings.push({
      id,
      inspectionId: ids.inspectionId,
      caseId: ids.caseIdOf.get(m.case.trim())!,
      markerId: ids.userId(m.marker),
      assignedById: m.assignedBy ? ids.userId(m.assignedBy) : ids.actor.id,
      assignedAt: new Date(m.assignedAt),
      submittedAt: m.submittedAt ? new Date(m.submittedAt) : null,
    });
    for (const [questionId, a] of Object.entries(m.answers)) {
      rows.answers.push({
        secondMarkingId: id,
        questionId,
        value: a.value,
        naReason: a.naReason ?? null,
        note: a.note ?? null,
        firstValue: a.firstValue,
        firstNaReason: a.firstNaReason ?? null,
      });
    }
    for (const r of m.reconciliations) {
      rows.reconciliations.push({
        secondMarkingId: id,
        questionId: r.question,
        value: r.value,
        naReason: r.naReason ?? null,
        reason: r.reason,
        reconciledById: ids.userId(r.by),
        reconciledAt: new Date(r.at),
      });
    }
  }
  for (const q of quality.queries) {
    const steps = q.messages.map((m) => ({
      kind: m.kind,
      body: m.body,
      authorId: ids.userId(m.by),
      at: new Date(m.at),
      status: STATUS_AFTER[m.kind],
      ...(m.answer ? { answer: m.answer } : {}),
    }));
    rows.queries.push({
      id: randomUUID(),
      inspectionId: ids.inspectionId,
      caseId: ids.caseIdOf.get(q.case.trim())!,
      questionId: q.question,
      status: q.status,
      raisedById: ids.userId(q.raisedBy),
      raisedAt: new Date(q.raisedAt),
      updatedAt: steps.at(-1)?.at ?? new Date(q.raisedAt),
      steps,
    });
  }
  return rows;
}

async function createQuality(tx: Tx, rows: QualityRows): Promise<void> {
  if (rows.markings.length) await tx.secondMarking.createMany({ data: rows.markings });
  if (rows.answers.length) await tx.secondMarkingAnswer.createMany({ data: rows.answers });
  if (rows.reconciliations.length) await tx.secondMarkingReconciliation.createMany({ data: rows.reconciliations });
  if (rows.queries.length) {
    await tx.answerQuery.createMany({ data: rows.queries.map(({ steps: _steps, ...query }) => query) });
    await tx.answerQueryMessage.createMany({
      data: rows.queries.flatMap((q) =>
        q.steps.map((s) => ({ queryId: q.id, authorId: s.authorId, kind: s.kind, body: s.body, createdAt: s.at })),
      ),
    });
  }
}

/**
 * The previous inspection the file links (issue 23), when this Casemark holds it: a published
 * inspection of the imported inspection's service, whose fieldwork started before this one's —
 * the one with the file's id, else the one of that service starting on the file's day. Otherwise
 * none: the file's previous ratings and percentages are kept as typed ones are.
 */
async function findPreviousInspection(
  tx: Tx,
  serviceId: string,
  serviceName: string,
  start: string,
  identity: PreviousInspectionIdentity | null,
): Promise<string | null> {
  if (!identity || identity.service.trim().toLowerCase() !== serviceName.trim().toLowerCase()) return null;
  const isId = z.uuid().safeParse(identity.id).success;
  const candidates = await tx.inspection.findMany({
    where: {
      serviceId,
      status: 'published',
      fieldworkStart: { lt: asDate(start) },
      OR: [...(isId ? [{ id: identity.id }] : []), { fieldworkStart: asDate(identity.fieldworkStart) }],
    },
    select: { id: true },
  });
  const byId = candidates.find((c) => c.id === identity.id);
  if (byId) return byId.id;
  return candidates.length === 1 ? must(candidates[0], 'the one candidate').id : null;
}

/** What the import page says of the previous inspection the file names (never a day a report does not give). */
function describePrevious(
  linked: { fieldworkStart: Date; fieldworkEnd: Date; fieldworkMonthOnly: boolean } | null,
  identity: PreviousInspectionIdentity,
): { status: 'linked' | 'not_found'; fieldwork: string } {
  return linked
    ? { status: 'linked', fieldwork: formatDateRange(linked.fieldworkStart, linked.fieldworkEnd, linked.fieldworkMonthOnly) }
    : { status: 'not_found', fieldwork: formatFieldworkStart(asDate(identity.fieldworkStart), true) };
}

export async function importInspection(
  db: PrismaClient,
  actor: Actor,
  json: unknown,
  options: { fileName?: string } = {},
): Promise<ImportResult> {
  if (!can(actor, 'admin.manage')) throw new AppError('forbidden', 'Only an admin can import an inspection.');
  const parsed = parseCasemarkDocument(json);
  if (!parsed.ok) return parsed;
  const doc = parsed.value;
  const extra = doc.inspection as typeof doc.inspection & Loose;
  const framework = getFramework(doc.inspection.framework);

  // Every email in the file must be a user of this Casemark.
  const references: { email: string; path: string }[] = [];
  const team = ((extra.team ?? []) as { email: string; role: TeamRoleValue }[]).map((m) => ({
    email: m.email.trim().toLowerCase(),
    role: m.role,
  }));
  team.forEach((m, i) => references.push({ email: m.email, path: `inspection.team[${i}].email` }));
  doc.cases.forEach((c, i) => {
    if (c.inspector) references.push({ email: c.inspector.toLowerCase(), path: `cases[${i}].inspector` });
  });
  (doc.panel ?? []).forEach((d, i) => {
    const decidedBy = (d as Loose).decidedBy;
    if (typeof decidedBy === 'string') references.push({ email: decidedBy.toLowerCase(), path: `panel[${i}].decidedBy` });
  });
  const quality = (doc as typeof doc & Loose).quality as Partial<CasemarkQuality> | undefined;
  const secondMarkings = quality?.secondMarkings ?? [];
  const queries = quality?.queries ?? [];
  secondMarkings.forEach((m, i) => {
    const at = `quality.secondMarkings[${i}]`;
    references.push({ email: m.marker.toLowerCase(), path: `${at}.marker` });
    if (m.assignedBy) references.push({ email: m.assignedBy.toLowerCase(), path: `${at}.assignedBy` });
    m.reconciliations.forEach((r, j) => references.push({ email: r.by.toLowerCase(), path: `${at}.reconciliations[${j}].by` }));
  });
  queries.forEach((q, i) => {
    references.push({ email: q.raisedBy.toLowerCase(), path: `quality.queries[${i}].raisedBy` });
    q.messages.forEach((m, j) => references.push({ email: m.by.toLowerCase(), path: `quality.queries[${i}].messages[${j}].by` }));
  });
  const emails = [...new Set(references.map((r) => r.email))];
  const users = emails.length
    ? await db.user.findMany({ where: { email: { in: emails } }, select: { id: true, email: true, isActive: true } })
    : [];
  const inactive = new Set(users.filter((u) => !u.isActive).map((u) => u.email));
  // As in set-up: only people with an active account lead, join the team or mark.
  const userIds = new Map(users.filter((u) => u.isActive).map((u) => [u.email, u.id]));
  const missing = references.filter((r) => !userIds.has(r.email));
  if (missing.length) {
    return {
      ok: false,
      errors: missing.map((r) =>
        inactive.has(r.email)
          ? `${r.path}: The account of ${r.email} is deactivated. Reactivate it in Users first, or take the address out of the file`
          : `${r.path}: No user has the email address ${r.email}. Create the user first (npm run user:create), or take the address out of the file`,
      ),
    };
  }

  // The team: as named, plus the importing admin as lead when no lead is named, plus case
  // inspectors who are not on it yet (an inspector marks only as a team member).
  const roles = new Map<string, TeamRoleValue>();
  for (const m of team) roles.set(userIds.get(m.email)!, m.role);
  if (![...roles.values()].includes('lead_inspector')) roles.set(actor.id, 'lead_inspector');
  for (const c of doc.cases) {
    const id = c.inspector ? userIds.get(c.inspector.toLowerCase())! : null;
    if (id && !roles.has(id)) roles.set(id, 'inspector');
  }

  const serviceFields = {
    name: doc.inspection.service,
    localAuthority: typeof extra.localAuthority === 'string' ? extra.localAuthority.trim() : 'Unknown',
    region: typeof extra.region === 'string' ? extra.region.trim() : 'Unknown',
  };
  const emailOf = new Map([...userIds].map(([email, id]) => [id, email]));
  const start = doc.inspection.fieldworkStart ?? doc.inspection.fieldworkEnd ?? today();
  const end = doc.inspection.fieldworkEnd ?? (doc.inspection.fieldworkStart ? start : today());
  const inspectionId = randomUUID();

  const caseRows = doc.cases.map((c) => {
    const loose = c as typeof c & Loose;
    const answers = answerRowsOf(framework, {
      answers: c.answers,
      notes: c.notes,
      naReasons: loose.naReasons as Record<string, string> | undefined,
    });
    const status: MarkingStatusValue =
      (loose.status as MarkingStatusValue | undefined) ?? (answers.some((a) => a.value) ? 'in_progress' : 'not_started');
    return {
      id: randomUUID(),
      data: {
        inspectionId,
        reference: c.ref,
        type: c.type,
        disposal: c.disposal ?? defaultDisposal(c.type),
        sentenceDate: typeof loose.sentenceDate === 'string' ? asDate(loose.sentenceDate) : null,
        gender: c.gender ?? null,
        rosh: c.rosh ?? null,
        safetyWellbeing: c.safetyWellbeing ?? null,
        caseManager: typeof loose.caseManager === 'string' ? loose.caseManager : null,
        inspectorId: c.inspector ? userIds.get(c.inspector.toLowerCase())! : null,
        status,
        agreesWithRosh: (loose.agreesWithRosh as boolean | null | undefined) ?? null,
        agreesWithSafety: (loose.agreesWithSafety as boolean | null | undefined) ?? null,
        isCaseManagerInterviewed: (loose.isCaseManagerInterviewed as boolean | null | undefined) ?? null,
        isPracticeExample: loose.isPracticeExample === true,
        practiceExample: typeof loose.practiceExample === 'string' ? loose.practiceExample : null,
      },
      answers,
    };
  });
  const answerCount = caseRows.reduce((n, c) => n + c.answers.length, 0);
  const caseIdOf = new Map(caseRows.map((c) => [c.data.reference.trim(), c.id]));
  const userId = (email: string) => userIds.get(email.toLowerCase())!;
  const qualityRows = qualityRowsOf({ secondMarkings, queries }, { inspectionId, actor, caseIdOf, userId });
  const publishedOn = typeof extra.publishedOn === 'string' ? extra.publishedOn : null;
  const previousIdentity = (doc.inspection.previous?.inspection ?? null) as PreviousInspectionIdentity | null;

  const created = await db.$transaction(
    async (tx) => {
      // Service names are matched without regard to capitals, as in set-up.
      const existing = await tx.service.findFirst({
        where: { name: { equals: doc.inspection.service, mode: 'insensitive' } },
        select: { id: true },
      });
      const service =
        existing ??
        (await tx.service.create({
          data: {
            name: doc.inspection.service,
            localAuthority: serviceFields.localAuthority,
            region: serviceFields.region,
          },
          select: { id: true },
        }));
      await tx.inspection.create({
        data: {
          id: inspectionId,
          serviceId: service.id,
          framework: frameworkToDb(doc.inspection.framework),
          fieldworkStart: asDate(start),
          fieldworkEnd: asDate(end),
          fieldworkMonthOnly: doc.inspection.fieldworkMonthOnly === true,
          reportSerialComma: doc.inspection.reportSerialComma === true,
          status: (extra.status as InspectionStatusValue | undefined) ?? 'set_up',
          isPanelVisibleToTeam: extra.isPanelVisibleToTeam === true,
          publishedOn: publishedOn ? asDate(publishedOn) : null,
          previousInspectionId: await findPreviousInspection(tx, service.id, doc.inspection.service, start, previousIdentity),
          ...(doc.inspection.previous?.ratings ? { previousRatings: doc.inspection.previous.ratings } : {}),
          ...(doc.inspection.previous?.keyQuestionPct ? { previousKeyQuestionPct: doc.inspection.previous.keyQuestionPct } : {}),
        },
      });
      await tx.inspectionMember.createMany({ data: [...roles].map(([userId, role]) => ({ inspectionId, userId, role })) });
      if (caseRows.length) await tx.case.createMany({ data: caseRows.map((c) => ({ id: c.id, ...c.data })) });
      const answers = caseRows.flatMap((c) =>
        c.answers.map((a) => ({
          caseId: c.id,
          inspectionId,
          questionId: a.questionId,
          value: a.value,
          note: a.note,
          naReason: a.naReason,
          updatedById: actor.id,
        })),
      );
      for (let i = 0; i < answers.length; i += ANSWER_BATCH) await tx.answer.createMany({ data: answers.slice(i, i + ANSWER_BATCH) });
      const judgements = Object.entries(doc.judgements ?? {}).map(([standardId, judgement]) => ({
        inspectionId,
        standardId,
        ...judgementOf(framework, standardId, judgement),
        updatedById: actor.id,
      }));
      if (judgements.length) await tx.qualitativeJudgement.createMany({ data: judgements });
      const decisions = (doc.panel ?? []).map((d) => {
        const loose = d as typeof d & Loose;
        return {
          id: randomUUID(),
          inspectionId,
          standardId: d.standard,
          rating: d.rating,
          rationale: d.rationale,
          decidedById: typeof loose.decidedBy === 'string' ? userIds.get(loose.decidedBy.toLowerCase())! : actor.id,
          ...(typeof loose.decidedAt === 'string' ? { decidedAt: new Date(loose.decidedAt) } : {}),
        };
      });
      if (decisions.length) await tx.panelDecision.createMany({ data: decisions });
      // Quality assurance (issue 23): second markings, reconciliations, queries and their threads.
      await createQuality(tx, qualityRows);
      // The draft report the panel wrote (issue 22): each section at version 1, audited as written.
      const reportSections = reportSectionsOfDocument((doc as typeof doc & Loose).report);
      if (reportSections.length) {
        await tx.reportSection.createMany({
          data: reportSections.map((r) => ({ inspectionId, sectionKey: r.sectionKey, content: r.content, updatedById: actor.id })),
        });
        await writeAudits(
          tx,
          reportSections.map((r) => ({
            actorId: actor.id,
            inspectionId,
            action: 'report.section' as const,
            entityId: `${inspectionId}:${r.sectionKey}`,
            newValue: r.content,
          })),
        );
      }
      const { previousInspectionId, previousInspection } = await tx.inspection.findUniqueOrThrow({
        where: { id: inspectionId },
        select: {
          previousInspectionId: true,
          previousInspection: { select: { fieldworkStart: true, fieldworkEnd: true, fieldworkMonthOnly: true } },
        },
      });
      await writeImportAudit(tx, actor, {
        inspectionId,
        service: existing ? null : { id: service.id, ...serviceFields },
        inspection: {
          serviceId: service.id,
          framework: doc.inspection.framework,
          fieldworkStart: start,
          fieldworkEnd: end,
          ...(doc.inspection.fieldworkMonthOnly ? { fieldworkMonthOnly: true } : {}),
          ...(doc.inspection.reportSerialComma ? { reportSerialComma: true } : {}),
          status: (extra.status as InspectionStatusValue | undefined) ?? 'set_up',
          publishedOn,
          previousInspectionId,
          previousRatings: doc.inspection.previous?.ratings ?? null,
          previousKeyQuestionPct: doc.inspection.previous?.keyQuestionPct ?? null,
          isPanelVisibleToTeam: extra.isPanelVisibleToTeam === true,
        },
        members: [...roles].map(([userId, role]) => ({ userId, role, email: emailOf.get(userId) ?? null })),
        cases: caseRows,
        judgements,
        decisions,
        quality: qualityRows,
      });
      await writeAudit(tx, {
        actorId: actor.id,
        inspectionId,
        action: 'inspection.import',
        entityId: inspectionId,
        newValue: {
          format: doc.format,
          fileName: options.fileName ?? null,
          service: doc.inspection.service,
          isNewService: !existing,
          framework: doc.inspection.framework,
          cases: caseRows.length,
          answers: answerCount,
          judgements: judgements.length,
          panelDecisions: decisions.length,
          secondMarkings: qualityRows.markings.length,
          queries: qualityRows.queries.length,
          previousInspectionId,
        },
      });
      return { isNewService: !existing, previousInspection };
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
  return {
    ok: true,
    inspectionId,
    serviceName: doc.inspection.service,
    isNewService: created.isNewService,
    cases: caseRows.length,
    answers: answerCount,
    previous: previousIdentity ? describePrevious(created.previousInspection, previousIdentity) : null,
  };
}
