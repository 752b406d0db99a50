import 'server-only';
import { prisma } from '@/lib/db/client';
import { inspectionChanges } from '@/lib/realtime/listener';
import { createSharedLoader } from './shared-loader';
import { loadPanelData, type PanelData } from './load-panel';

const shared = createSharedLoader<PanelData>(
  (inspectionId) => loadPanelData(prisma, inspectionId),
  (inspectionId) => inspectionChanges.generationOf(inspectionId),
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
