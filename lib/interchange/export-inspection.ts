/**
 * One inspection as an interchange document (`casemark/inspection@1`, docs/interchange.md):
 * every case with every answer, evidence note and not-applicable reason, the case-level items,
 * inspectors and team by email, statuses, judgements with evidence, the active panel decisions
 * and the previous inspection's figures, and (issue 23) the second markings, reconciliations
 * and queries, read from one snapshot by an actor allowed `export.download`.
 */
import type { Principal } from '@/lib/auth/permissions';
import { requireInspectionAccess } from '@/lib/access/context';
import { withSnapshot, type Db } from '@/lib/db/snapshot';
import { getFramework } from '@/lib/framework';
import { CASEMARK_OWN_RESETTLEMENT_LABEL, type FrameworkVersion, type Rating } from '@/lib/framework/types';
import { INTERCHANGE_FORMAT } from '@/lib/validation/interchange';
import {
  documentJudgementOf,
  documentMapsOf,
  type CasemarkCase,
  type CasemarkDocument,
  type CasemarkQuality,
  type QueriedAnswer,
  type QueryMessageKind,
} from './document';
import { frameworkFromDb } from '@/lib/data/mappers';
import type { SectionContent } from '@/lib/report/draft';

const isoDate = (date: Date) => date.toISOString().slice(0, 10);
const ROLE_ORDER = { lead_inspector: 0, inspector: 1, manager: 2, quality_assurer: 3 } as const;

/** Puts `value` on `target[key]` unless it is null (absent fields read as null on import). */
function setIfPresent<T extends object, K extends keyof T>(target: T, key: K, value: T[K] | null): void {
  if (value !== null && value !== undefined) target[key] = value;
}

export async function exportInspection(db: Db, actor: Principal, inspectionId: string): Promise<CasemarkDocument> {
  // One snapshot: the cases, answers, judgements and decisions of a file always belong together.
  return withSnapshot(
    db,
    async (tx) => {
      const refusal = 'Only the lead inspector, managers and admins can export this inspection.';
      const access = await requireInspectionAccess(tx, actor, inspectionId, 'export.download', refusal, { lock: false });
      return readInspection(tx, access.id);
    },
    { timeout: 60_000 },
  );
}

async function readInspection(db: Db, inspectionId: string): Promise<CasemarkDocument> {
  const [inspection, cases, judgements, decisions, reportSections] = await Promise.all([
    db.inspection.findUniqueOrThrow({
      where: { id: inspectionId },
      select: {
        id: true,
        framework: true,
        fieldworkStart: true,
        fieldworkEnd: true,
        fieldworkMonthOnly: true,
        reportSerialComma: true,
        status: true,
        publishedOn: true,
        isPanelVisibleToTeam: true,
        previousRatings: true,
        previousInspection: { select: { id: true, fieldworkStart: true, service: { select: { name: true } } } },
        previousKeyQuestionPct: true,
        service: { select: { name: true, localAuthority: true, region: true } },
        members: { select: { role: true, user: { select: { email: true } } } },
      },
    }),
    db.case.findMany({
      where: { inspectionId },
      orderBy: { reference: 'asc' },
      select: {
        reference: true,
        type: true,
        disposal: true,
        sentenceDate: true,
        gender: true,
        rosh: true,
        safetyWellbeing: true,
        caseManager: true,
        status: true,
        agreesWithRosh: true,
        agreesWithSafety: true,
        isCaseManagerInterviewed: true,
        isPracticeExample: true,
        practiceExample: true,
        inspector: { select: { email: true } },
        answers: { select: { questionId: true, value: true, note: true, naReason: true } },
      },
    }),
    db.qualitativeJudgement.findMany({
      where: { inspectionId },
      orderBy: { standardId: 'asc' },
      select: { standardId: true, rating: true, evidence: true },
    }),
    db.panelDecision.findMany({
      where: { inspectionId, revokedAt: null },
      orderBy: { standardId: 'asc' },
      select: { standardId: true, rating: true, rationale: true, decidedAt: true, decidedBy: { select: { email: true } } },
    }),
    db.reportSection.findMany({ where: { inspectionId }, orderBy: { sectionKey: 'asc' }, select: { sectionKey: true, content: true } }),
  ]);
  const version: FrameworkVersion = frameworkFromDb(inspection.framework);
  const framework = getFramework(version);
  const aspects = framework.resettlementAspects;

  const document: CasemarkDocument = {
    format: INTERCHANGE_FORMAT,
    source: {
      application: 'Casemark',
      inspectionId: inspection.id,
      exportedAt: new Date().toISOString(),
      // The 4.1.r answer keys are Casemark's own questions, not the inspectorate's.
      ...(aspects.length ? { resettlementAspects: `${aspects[0]?.id}–${aspects.at(-1)?.id}: ${CASEMARK_OWN_RESETTLEMENT_LABEL}` } : {}),
    },
    inspection: {
      service: inspection.service.name,
      localAuthority: inspection.service.localAuthority,
      region: inspection.service.region,
      framework: version,
      fieldworkStart: isoDate(inspection.fieldworkStart),
      fieldworkEnd: isoDate(inspection.fieldworkEnd),
      ...(inspection.fieldworkMonthOnly ? { fieldworkMonthOnly: true as const } : {}),
      ...(inspection.reportSerialComma ? { reportSerialComma: true as const } : {}),
      ...(inspection.publishedOn ? { publishedOn: isoDate(inspection.publishedOn) } : {}),
      status: inspection.status,
      isPanelVisibleToTeam: inspection.isPanelVisibleToTeam,
      team: inspection.members
        .map((m) => ({ email: m.user.email, role: m.role }))
        .sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role] || a.email.localeCompare(b.email)),
    },
    cases: cases.map((c) => {
      const kase: CasemarkCase = {
        ref: c.reference,
        type: c.type,
        disposal: c.disposal,
        status: c.status,
        ...documentMapsOf(framework, c.answers),
      };
      setIfPresent(kase, 'gender', c.gender);
      setIfPresent(kase, 'rosh', c.rosh);
      setIfPresent(kase, 'safetyWellbeing', c.safetyWellbeing);
      setIfPresent(kase, 'inspector', c.inspector?.email ?? null);
      setIfPresent(kase, 'sentenceDate', c.sentenceDate ? isoDate(c.sentenceDate) : null);
      setIfPresent(kase, 'caseManager', c.caseManager);
      setIfPresent(kase, 'agreesWithRosh', c.agreesWithRosh);
      setIfPresent(kase, 'agreesWithSafety', c.agreesWithSafety);
      setIfPresent(kase, 'isCaseManagerInterviewed', c.isCaseManagerInterviewed);
      if (c.isPracticeExample) kase.isPracticeExample = true;
      setIfPresent(kase, 'practiceExample', c.practiceExample);
      return kase;
    }),
    judgements: Object.fromEntries(
      judgements.map((j) => [j.standardId, documentJudgementOf(j.rating, (j.evidence ?? {}) as Record<string, string>)]),
    ),
    panel: decisions.map((d) => ({
      standard: d.standardId,
      rating: d.rating,
      rationale: d.rationale,
      decidedBy: d.decidedBy.email,
      decidedAt: d.decidedAt.toISOString(),
    })),
  };
  // The draft report the panel wrote (issue 22), when there is one.
  if (reportSections.length) {
    document.report = Object.fromEntries(reportSections.map((r) => [r.sectionKey, r.content as unknown as SectionContent]));
  }
  const previousRatings = inspection.previousRatings as Record<string, Rating> | null;
  const previousPct = inspection.previousKeyQuestionPct as Record<string, number> | null;
  const linked = inspection.previousInspection;
  if (previousRatings || previousPct || linked) {
    document.inspection.previous = {};
    if (previousRatings) document.inspection.previous.ratings = previousRatings;
    if (previousPct) document.inspection.previous.keyQuestionPct = previousPct;
    // Linked from Casemark's own list (issue 23): by what identifies it in any Casemark.
    if (linked) {
      document.inspection.previous.inspection = {
        id: linked.id,
        service: linked.service.name,
        fieldworkStart: isoDate(linked.fieldworkStart),
      };
    }
  }
  const quality = await readQuality(db, inspectionId);
  if (quality.secondMarkings.length || quality.queries.length) document.quality = quality;
  return document;
}

/** Second markings (with reconciliations) and queries (with their threads), by case reference and email. */
async function readQuality(db: Db, inspectionId: string): Promise<CasemarkQuality> {
  const [markings, queries] = await Promise.all([
    db.secondMarking.findMany({
      where: { inspectionId },
      orderBy: [{ case: { reference: 'asc' } }],
      select: {
        assignedAt: true,
        submittedAt: true,
        case: { select: { reference: true } },
        marker: { select: { email: true } },
        assignedBy: { select: { email: true } },
        answers: {
          orderBy: { questionId: 'asc' },
          select: { questionId: true, value: true, naReason: true, note: true, firstValue: true, firstNaReason: true },
        },
        reconciliations: {
          orderBy: { reconciledAt: 'asc' },
          select: {
            questionId: true,
            value: true,
            naReason: true,
            reason: true,
            reconciledAt: true,
            reconciledBy: { select: { email: true } },
          },
        },
      },
    }),
    db.answerQuery.findMany({
      where: { inspectionId },
      orderBy: [{ raisedAt: 'asc' }, { id: 'asc' }],
      select: {
        id: true,
        questionId: true,
        status: true,
        raisedAt: true,
        case: { select: { reference: true } },
        raisedBy: { select: { email: true } },
        messages: {
          orderBy: { createdAt: 'asc' },
          select: { kind: true, body: true, createdAt: true, author: { select: { email: true } } },
        },
      },
    }),
  ]);
  const snapshots = await readQueriedAnswers(
    db,
    queries.map((q) => q.id),
  );
  return {
    secondMarkings: markings.map((m) => ({
      case: m.case.reference,
      marker: m.marker.email,
      assignedBy: m.assignedBy.email,
      assignedAt: m.assignedAt.toISOString(),
      submittedAt: m.submittedAt?.toISOString() ?? null,
      answers: Object.fromEntries(
        m.answers.map((a) => [
          a.questionId,
          {
            value: a.value,
            ...(a.naReason ? { naReason: a.naReason } : {}),
            ...(a.note ? { note: a.note } : {}),
            firstValue: a.firstValue,
            ...(a.firstNaReason ? { firstNaReason: a.firstNaReason } : {}),
          },
        ]),
      ),
      reconciliations: m.reconciliations.map((r) => ({
        question: r.questionId,
        value: r.value,
        ...(r.naReason ? { naReason: r.naReason } : {}),
        reason: r.reason,
        by: r.reconciledBy.email,
        at: r.reconciledAt.toISOString(),
      })),
    })),
    queries: queries.map((q) => {
      const seen = { raise: 0, reply: 0 };
      return {
        case: q.case.reference,
        question: q.questionId,
        status: q.status,
        raisedBy: q.raisedBy.email,
        raisedAt: q.raisedAt.toISOString(),
        messages: q.messages.map((m) => {
          const kind = m.kind as QueryMessageKind;
          const answer = kind === 'raise' || kind === 'reply' ? snapshots.get(`${q.id}:query.${kind}`)?.[seen[kind]++] : undefined;
          return { kind, body: m.body, by: m.author.email, at: m.createdAt.toISOString(), ...(answer ? { answer } : {}) };
        }),
      };
    }),
  };
}

const isQueriedAnswer = (value: unknown): value is QueriedAnswer =>
  typeof value === 'object' && value !== null && 'value' in value && 'version' in value;

/**
 * The answer as it stood at each raise and reply of these queries: kept in the step's audit entry
 * (lib/quality/queries.ts), in order, as the case page pairs them (lib/data/quality.ts).
 */
async function readQueriedAnswers(db: Db, queryIds: string[]): Promise<Map<string, (QueriedAnswer | undefined)[]>> {
  const out = new Map<string, (QueriedAnswer | undefined)[]>();
  if (queryIds.length === 0) return out;
  const entries = await db.auditEntry.findMany({
    where: { entity: 'answer_query', entityId: { in: queryIds }, action: { in: ['query.raise', 'query.reply'] } },
    orderBy: [{ at: 'asc' }, { id: 'asc' }],
    select: { entityId: true, action: true, newValue: true },
  });
  for (const e of entries) {
    const answer = (e.newValue as { answer?: unknown } | null)?.answer;
    const key = `${e.entityId}:${e.action}`;
    out.set(key, [
      ...(out.get(key) ?? []),
      isQueriedAnswer(answer) ? { value: answer.value, naReason: answer.naReason, note: answer.note, version: answer.version } : undefined,
    ]);
  }
  return out;
}
