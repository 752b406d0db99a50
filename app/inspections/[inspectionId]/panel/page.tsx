import type { Metadata } from 'next';
import Link from 'next/link';
import { can } from '@/lib/auth/permissions';
import { requireUser } from '@/lib/auth/session';
import { requireInspection } from '@/lib/data/inspections';
import { prisma } from '@/lib/db/client';
import { getFramework } from '@/lib/framework';
import { loadPanelPage } from '@/lib/panel/load-panel';
import { loadNationalFigures } from '@/lib/summary/national';
import { nationalBasis, nationalOn } from '@/lib/summary/summary';
import { PanelView } from '@/components/panel/panel-view';
import { PanelVisibilityToggle } from '@/components/panel/panel-visibility-toggle';
import { PanelOpenQueries } from '@/components/quality/panel-open-queries';
import { PanelUnreconciled } from '@/components/quality/panel-unreconciled';

export const metadata: Metadata = { title: 'Ratings panel' };
export const dynamic = 'force-dynamic';

export default async function PanelPage({ params }: { params: Promise<{ inspectionId: string }> }) {
  const { inspectionId } = await params;
  const user = await requireUser(`/inspections/${inspectionId}/panel`);
  const inspection = await requireInspection(user, inspectionId, 'panel.view');
  const canDecide = can(user, 'panel.decide', { inspection: inspection.scope }) && inspection.status !== 'published';
  const [{ panel: data, quality }, national] = await Promise.all([
    loadPanelPage(prisma, user, inspection.id),
    loadNationalFigures(prisma).then((all) => nationalOn(all, inspection.framework)),
  ]);
  return (
    <>
      <p className="mb-2">
        <Link href={`/inspections/${inspectionId}`}>Back to {inspection.serviceName}</Link>
      </p>
      <span className="text-xl text-govuk-secondary">{inspection.serviceName}</span>
      <h1 className="mb-4 text-4xl font-bold">Ratings panel</h1>
      {!canDecide ? <p className="mb-4">You can see the ratings panel but not change it.</p> : null}
      {can(user, 'export.download', { inspection: inspection.scope }) ? (
        <p className="mb-4">
          <Link href={`/inspections/${inspectionId}/panel/breakdowns`} data-testid="panel-breakdowns-link">
            Sub-group breakdowns
          </Link>{' '}
          <span className="text-govuk-secondary">
            (each key question by gender, risk of serious harm, safety and wellbeing, and disposal type)
          </span>
        </p>
      ) : null}
      {canDecide ? <PanelVisibilityToggle inspectionId={inspectionId} isVisible={inspection.isPanelVisibleToTeam} /> : null}
      {quality.openQueries ? (
        <PanelOpenQueries inspectionId={inspectionId} framework={getFramework(inspection.framework)} rows={quality.openQueries} />
      ) : null}
      <PanelUnreconciled
        inspectionId={inspectionId}
        framework={getFramework(inspection.framework)}
        canSeeAgreement={can(user, 'agreement.view', { inspection: inspection.scope })}
        quality={quality}
      />
      <p className="mb-4 max-w-3xl text-base" data-testid="panel-national-basis">
        {national.published[inspection.framework] === 0
          ? `No national median and range yet: ${nationalBasis(national, inspection.framework)} in Casemark.`
          : `The national median and range beside each key question are over ${nationalBasis(national, inspection.framework)} in Casemark${inspection.status === 'published' ? ', this one among them' : ''}: every published report, whoever looks, as in the summary.`}
      </p>
      <PanelView
        initial={data}
        framework={getFramework(inspection.framework)}
        canDecide={canDecide}
        canSeeCases={can(user, 'cases.viewAll', { inspection: inspection.scope })}
        national={Object.fromEntries(
          national.keyQuestions.map((k) => [k.keyQuestionId, { n: k.n, median: k.median, min: k.min, max: k.max }]),
        )}
      />
    </>
  );
}
