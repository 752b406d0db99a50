import Link from 'next/link';
import { can } from '@/lib/auth/permissions';
import type { AccessOnInspection } from '@/lib/access/context';
import { listSecondMarkings } from '@/lib/quality/second-marking-views';

/**
 * Second marking on the inspection page (issue 13): the lead's (and quality readers') links, and
 * for a second inspector the cases they are to second mark (their first marking is never here).
 */
export async function SecondMarkingLinks({ access }: { access: AccessOnInspection }) {
  const { actor, inspectionId, scope } = access;
  const base = `/inspections/${inspectionId}`;
  if (can(actor, 'agreement.view', { inspection: scope })) {
    return (
      <p className="mb-6 flex flex-wrap gap-x-6" data-testid="second-marking-links">
        <Link href={`${base}/second-marking`}>Second marking</Link>
        <Link href={`${base}/agreement`}>Agreement between markings</Link>
      </p>
    );
  }
  if (scope.role !== 'inspector') return null;
  const mine = await listSecondMarkings(access, { own: true });
  if (mine.length === 0) return null;
  const pending = mine.filter((m) => !m.submittedAt).length;
  return (
    <p className="mb-6" data-testid="second-marking-links">
      <Link href={`${base}/second-marking`}>Cases to second mark</Link>: {pending} of {mine.length} still to submit.
    </p>
  );
}
