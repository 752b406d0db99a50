/**
 * Everything the report page, its print view and the .docx read: the saved sections, the
 * figures the generated sentences come from (the ratings panel's, lib/panel/load-panel.ts), the
 * sample per domain, and the evidence at hand — inspectors' notes per question and the cases
 * flagged as examples of practice. All in one snapshot, the actor's access included. A note
 * goes out with its answer's id and value only: never the inspector's name or the case
 * reference (a quote is attributed "One inspector noted:").
 */
import type { Principal } from '@/lib/auth/permissions';
import { can } from '@/lib/auth/permissions';
import { withSnapshot, type Db } from '@/lib/db/snapshot';
import type { CaseType, Disposal, FrameworkVersion } from '@/lib/framework/types';
import { readPanelData } from '@/lib/panel/load-panel';
import type { ReportFigures } from './draft';
import { readReportSectionsIn, type ReportSectionView } from './sections';
import type { SampleFigures } from './sentences';

/** An inspector's evidence note on one answer: no name, no case reference. */
export interface EvidenceNote {
  answerId: string;
  questionId: string;
  value: 'yes' | 'no' | 'na';
  note: string;
}

/** A case flagged "example of practice", for the practice boxes: its type and the inspector's text only. */
interface PracticeExample {
  caseType: CaseType;
  text: string;
}

export interface ReportDraft {
  inspectionId: string;
  framework: FrameworkVersion;
  serviceName: string;
  status: string;
  fieldworkStart: string;
  fieldworkEnd: string;
  /** The report gives only the month of its fieldwork (issue 22): its days are placeholders. */
  fieldworkMonthOnly: boolean;
  canEdit: boolean;
  /** Whether the actor may choose who writes the report (the lead). */
  canChooseWriters: boolean;
  sections: Record<string, ReportSectionView>;
  figures: ReportFigures;
  evidence: EvidenceNote[];
  practiceExamples: PracticeExample[];
  /** The team (lead only): who may write beside the lead. */
  writers: { userId: string; name: string; role: string; isAllowed: boolean }[];
}

const EMPTY: SampleFigures = { byDisposal: {}, interviewed: 0 };

export async function loadReportDraft(db: Db, actor: Principal, inspectionId: string): Promise<ReportDraft> {
  return withSnapshot(db, async (tx) => {
    const { access, sections, canEdit } = await readReportSectionsIn(tx, actor, inspectionId);
    // readReportSectionsIn refused anyone who may not see the panel.
    const panel = await readPanelData(tx, access);
    const canSeeCases = can(actor, 'cases.viewAll', { inspection: access.scope });
    const canChooseWriters = can(actor, 'panel.decide', { inspection: access.scope });
    const [style, sampleRows, notes, practice, members, editors] = await Promise.all([
      tx.inspection.findUniqueOrThrow({ where: { id: inspectionId }, select: { fieldworkMonthOnly: true, reportSerialComma: true } }),
      tx.case.groupBy({
        by: ['type', 'disposal', 'isCaseManagerInterviewed'],
        where: { inspectionId },
        _count: { _all: true },
      }),
      canSeeCases
        ? tx.answer.findMany({
            where: { inspectionId, note: { not: null }, value: { not: null } },
            select: { id: true, questionId: true, value: true, note: true },
            orderBy: [{ questionId: 'asc' }, { id: 'asc' }],
          })
        : Promise.resolve([]),
      canSeeCases
        ? tx.case.findMany({
            where: { inspectionId, isPracticeExample: true },
            select: { type: true, practiceExample: true },
            orderBy: { id: 'asc' },
          })
        : Promise.resolve([]),
      canChooseWriters
        ? tx.inspectionMember.findMany({
            where: { inspectionId, role: { not: 'lead_inspector' } },
            select: { userId: true, role: true, user: { select: { name: true } } },
            orderBy: { user: { name: 'asc' } },
          })
        : Promise.resolve([]),
      tx.reportEditor.findMany({ where: { inspectionId }, select: { userId: true } }),
    ]);
    const samples: Record<CaseType, SampleFigures> = {
      court: { byDisposal: {}, interviewed: 0 },
      out_of_court: { byDisposal: {}, interviewed: 0 },
      resettlement: { ...EMPTY, byDisposal: {} },
    };
    for (const row of sampleRows) {
      const sample = samples[row.type];
      const disposal: Disposal = row.disposal;
      sample.byDisposal[disposal] = (sample.byDisposal[disposal] ?? 0) + row._count._all;
      if (row.isCaseManagerInterviewed) sample.interviewed += row._count._all;
    }
    const allowed = new Set(editors.map((e) => e.userId));
    return {
      inspectionId,
      framework: access.framework,
      serviceName: access.serviceName,
      status: access.status,
      fieldworkStart: access.fieldworkStart.toISOString().slice(0, 10),
      fieldworkEnd: access.fieldworkEnd.toISOString().slice(0, 10),
      fieldworkMonthOnly: style.fieldworkMonthOnly,
      canEdit,
      canChooseWriters,
      sections,
      figures: {
        framework: access.framework,
        serviceName: access.serviceName,
        result: panel.result,
        samples,
        serialComma: style.reportSerialComma,
      },
      evidence: notes.flatMap((n) =>
        n.note && n.value ? [{ answerId: n.id, questionId: n.questionId, value: n.value, note: n.note }] : [],
      ),
      practiceExamples: practice.flatMap((p) => (p.practiceExample ? [{ caseType: p.type, text: p.practiceExample }] : [])),
      writers: members.map((m) => ({ userId: m.userId, name: m.user.name, role: m.role, isAllowed: allowed.has(m.userId) })),
    };
  });
}
