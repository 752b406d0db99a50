import type { Metadata } from 'next';
import Link from 'next/link';
import { requireUser } from '@/lib/auth/session';
import { requireInspection } from '@/lib/data/inspections';
import { loadSetupView, standardOptionsByFramework } from '@/lib/data/setup';
import { getFramework } from '@/lib/framework';
import { formatKeyQuestionPercentages } from '@/lib/setup/previous-results';
import { earlierInspectionLabel, listEarlierInspections } from '@/lib/setup/previous-inspection';
import { prisma } from '@/lib/db/client';
import { datePartsOf } from '@/components/ui/date-input';
import { InspectionDetailsForm } from '@/components/setup/inspection-details-form';

export const metadata: Metadata = { title: 'Change the inspection’s details' };

export default async function SetupDetailsPage({ params }: { params: Promise<{ inspectionId: string }> }) {
  const { inspectionId } = await params;
  const user = await requireUser(`/inspections/${inspectionId}/setup/details`);
  const inspection = await requireInspection(user, inspectionId, 'inspection.manage');
  const view = await loadSetupView(inspection);
  // Published inspections of the same service before this one, to link as the previous one (issue 23).
  const earlier = await listEarlierInspections(prisma, inspection.id, inspection.fieldworkStart.toISOString().slice(0, 10));
  return (
    <>
      <p className="mb-2">
        <Link href={`/inspections/${inspection.id}/setup`}>Back to set-up</Link>
      </p>
      <span className="text-xl text-govuk-secondary">{inspection.serviceName}</span>
      <h1 className="mb-6 text-4xl font-bold">Fieldwork, publication and previous inspection</h1>
      <InspectionDetailsForm
        inspectionId={inspection.id}
        fieldworkStart={datePartsOf(inspection.fieldworkStart)}
        fieldworkEnd={datePartsOf(inspection.fieldworkEnd)}
        publishedOn={datePartsOf(view.publishedOn)}
        isFieldworkMonthOnly={view.fieldworkMonthOnly}
        isReportSerialComma={view.reportSerialComma}
        isPublished={inspection.status === 'published'}
        standards={standardOptionsByFramework()[inspection.framework]}
        previousRatings={view.previousRatings ?? {}}
        previousKeyQuestionPct={formatKeyQuestionPercentages(view.previousKeyQuestionPct, getFramework(inspection.framework))}
        earlier={earlier.map((e) => ({ id: e.id, label: earlierInspectionLabel(e) }))}
        previousInspectionId={view.previousInspectionId ?? ''}
      />
    </>
  );
}
