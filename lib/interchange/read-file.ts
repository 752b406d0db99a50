/**
 * An interchange file's text as JSON, for the import page and `npm run inspection -- import`
 * alike. A UTF-8 byte order mark at the start is accepted (Windows tools write one). Pure.
 */
type ReadInterchangeResult = { ok: true; json: unknown } | { ok: false; error: string };

export function readInterchangeText(text: string, fileName: string): ReadInterchangeResult {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  try {
    return { ok: true, json: JSON.parse(body) };
  } catch (error) {
    // A RangeError here is a file nested too deeply for the parser: still not a usable file.
    return { ok: false, error: `${fileName} is not valid JSON: ${(error as Error).message}` };
  }
}
