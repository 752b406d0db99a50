/**
 * Request bodies sent to route handlers, read with a limit and checked before any library sees
 * them: an over-size body is answered 413 and one that is not what its Content-Type says 400,
 * each with a sentence, rather than a server error from deep inside a parser.
 */

type BodyCheck = { ok: true; text: string } | { ok: false; status: 400 | 413; message: string };

/** Sign-in and sign-out forms are a few hundred bytes. */
export const MAX_AUTH_BODY_BYTES = 16_384;

/** Reads the body as UTF-8 text, refusing it once it passes `maxBytes` (without reading the rest). */
export async function readBodyWithin(request: Request, maxBytes: number): Promise<BodyCheck> {
  const declared = Number(request.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) return tooLarge(maxBytes);
  if (!request.body) return { ok: true, text: '' };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      return tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, status: 400, message: 'The request body is not UTF-8 text.' };
  }
}

function tooLarge(maxBytes: number): BodyCheck {
  return { ok: false, status: 413, message: `The request body is larger than ${Math.round(maxBytes / 1024)} KB.` };
}

/**
 * A body for a handler that reads form data or JSON: within the limit, and when it says it is
 * JSON, a JSON object (next-auth would otherwise throw on anything else).
 */
export async function checkFormOrJsonBody(request: Request, maxBytes: number): Promise<BodyCheck> {
  const read = await readBodyWithin(request, maxBytes);
  if (!read.ok) return read;
  if ((request.headers.get('content-type') ?? '').toLowerCase().includes('application/json')) {
    const parsed = parseJsonObject(read.text);
    if (!parsed.ok) return parsed;
  }
  return read;
}

/** A body's text as a JSON object, or 400 with a sentence when it does not parse or is not one. */
export function parseJsonObject(text: string): { ok: true; fields: Record<string, unknown> } | { ok: false; status: 400; message: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, status: 400, message: 'The request body is not valid JSON.' };
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json))
    return { ok: false, status: 400, message: 'The request body must be a JSON object.' };
  return { ok: true, fields: json as Record<string, unknown> };
}
