import type { Prisma } from '@/lib/generated/prisma/client';

/** The PostgreSQL NOTIFY channel on which a changed inspection's id is published. */
export const INSPECTION_CHANNEL = 'casemark_inspection_changed';

/** Tells every app server's ratings panels that this inspection changed (delivered on commit). */
export function notifyInspectionChanged(tx: Pick<Prisma.TransactionClient, '$executeRaw'>, inspectionId: string) {
  return tx.$executeRaw`SELECT pg_notify(${INSPECTION_CHANNEL}, ${inspectionId})`;
}

/** The NOTIFY channel on which the id of a user whose sessions ended (or one of them) is published. */
export const SESSION_CHANNEL = 'casemark_session_ended';
