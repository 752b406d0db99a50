import 'server-only';
import { prisma } from '@/lib/db/client';
import { inspectionChanges } from '@/lib/realtime/listener';
import { loadPanelData, type PanelData } from './load-panel';

const inFlight = new Map<string, { generation: number; promise: Promise<PanelData> }>();

/**
 * The panel's figures for the streams open on this server: every stream of one inspection
 * shares one recompute per change heard, instead of each running its own. A recompute started
 * before the latest change is not reused. Each stream still checks its own permission.
 */
export function loadPanelDataShared(inspectionId: string, options: { isFresh?: boolean } = {}): Promise<PanelData> {
  const generation = inspectionChanges.generationOf(inspectionId);
  const current = inFlight.get(inspectionId);
  // A stream's first message is always read afresh (set-up changes, say, send no notification).
  if (!options.isFresh && current && current.generation === generation) return current.promise;
  const promise = loadPanelData(prisma, inspectionId);
  const entry = { generation, promise };
  inFlight.set(inspectionId, entry);
  // Kept until the next change; dropped on failure so the next push tries again.
  promise.catch(() => {
    if (inFlight.get(inspectionId) === entry) inFlight.delete(inspectionId);
  });
  return promise;
}
