/**
 * The prologue and the file response that an inspection's download routes share (the exports,
 * the CSV templates): who is asking, whether they may have the inspection, and the attachment.
 */
import 'server-only';
import type { Action } from '@/lib/auth/permissions';
import { getSessionUser, type SessionUser } from '@/lib/auth/session';
import { formatCsv } from '@/lib/csv/parse-csv';
import { authoriseInspection, isRefusal, type InspectionAccess } from '@/lib/access/context';
import { prisma } from '@/lib/db/client';
import { attachmentHeader } from '@/lib/export/files';

/** The 401 answer of the export routes to someone not signed in. */
export const SIGN_IN_TO_DOWNLOAD = 'Sign in to download exports.';

/**
 * The route handlers' door: the signed-in user and the inspection, when they may do every one of `actions` on it.
 * Otherwise the Response to send: 401 with `signInMessage` to someone not signed in (404 when
 * there is no message), and to anyone else the same 404 as for an inspection that does not
 * exist, so that the answer does not tell them it does.
 */
export async function authoriseInspectionRequest(
  inspectionId: string,
  actions: readonly Action[],
  signInMessage?: string,
): Promise<{ user: SessionUser; inspection: InspectionAccess } | Response> {
  const user = await getSessionUser();
  if (!user && signInMessage) return new Response(signInMessage, { status: 401 });
  if (!user) return new Response('Not found', { status: 404 });
  const inspection = await authoriseInspection(prisma, user, inspectionId, actions);
  if (isRefusal(inspection)) return new Response('Not found', { status: 404 });
  return { user, inspection };
}

/** A file to download, never kept by a cache shared between users. */
export function downloadResponse(body: BodyInit, contentType: string, fileName: string, cacheControl = 'private, no-store'): Response {
  return new Response(body, {
    headers: { 'Content-Type': contentType, 'Content-Disposition': attachmentHeader(fileName), 'Cache-Control': cacheControl },
  });
}

/** A CSV template: with a UTF-8 byte order mark so that Excel opens the file as UTF-8. */
export function csvTemplateResponse(rows: string[][], fileName: string): Response {
  return downloadResponse('\uFEFF' + formatCsv(rows), 'text/csv; charset=utf-8', fileName, 'no-store');
}
