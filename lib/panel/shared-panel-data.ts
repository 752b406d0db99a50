import 'server-only';
import { prisma } from '@/lib/db/client';
import { metrics, timed } from '@/lib/ops/metrics';
import { inspectionChanges } from '@/lib/realtime/listener';
import { createSharedLoader } from './shared-loader';
import { loadPanelData, type PanelData } from './load-panel';
import { systemActor } from '@/lib/auth/permissions';

const PANEL_STREAM = systemActor('live panel stream');

/**
 * At most one recompute of an inspection's panel starts per this many ms. A change waits for the
 * next start (≤ 150 ms) plus the recompute itself, well inside the 250 ms the issue allows from a
 * save to the panel; under many saves a second this caps the panel's share of the database and
 * the app server at ≤ 7 recomputes a second per inspection instead of one after another as fast
 * as they run (issue 11, capacity: docs/performance.md).
 */
const RECOMPUTE_INTERVAL_MS = 150;

const shared = createSharedLoader<PanelData>(
  // Computed once for every viewer on this server, so on the system's account: each stream checks
  // its own viewer before sending anything (app/inspections/[inspectionId]/panel/events/route.ts).
  (inspectionId) => timed(metrics().panelRecomputeSeconds, () => loadPanelData(prisma, PANEL_STREAM, inspectionId)),
  (inspectionId) => inspectionChanges.generationOf(inspectionId),
  { minIntervalMs: RECOMPUTE_INTERVAL_MS },
);

/**
 * The panel's figures for the streams open on this server: every stream of one inspection
 * shares one recompute per change heard, and at most one recompute per inspection runs at a
 * time (changes heard meanwhile are folded into the next one), instead of each stream running
 * its own. A recompute started before the latest change is not reused. Each stream still
 * checks its own permission.
 */
export function loadPanelDataShared(inspectionId: string, options: { isFresh?: boolean } = {}): Promise<PanelData> {
  return shared(inspectionId, options);
}
