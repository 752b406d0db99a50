/**
 * The text of an uploaded CSV file in the encoding it was saved in, as people have them: UTF-8
 * with or without a byte order mark (Excel's "CSV UTF-8"), UTF-16 with a byte order mark (Excel's
 * "Unicode text"), and Windows-1252 — what Excel in the UK writes for plain "CSV (Comma
 * delimited)", where é, ë and £ are single bytes that UTF-8 would turn into U+FFFD (issue 21).
 * Anything else is refused with a message that names the encoding detected and says how to save
 * the file as UTF-8, rather than guessed at: a wrong guess silently changes names and references.
 * Pure: no I/O.
 */
import chardet from 'chardet';
import iconv from 'iconv-lite';

type DecodeResult = { ok: true; text: string; encoding: string } | { ok: false; message: string };

/** How to save as UTF-8, in the words of Excel's Save As dialog. */
const SAVE_AS_UTF8 =
  'Save it as UTF-8: in Excel choose File, Save As, and the type “CSV UTF-8 (Comma delimited) (*.csv)”; in another program choose the encoding “UTF-8”';

/** The single-byte Western encodings read as Windows-1252 (it is their superset for printable text). */
const WESTERN = new Set(['windows-1252', 'iso-8859-1', 'iso-8859-15']);

function strict(encoding: 'utf-8' | 'utf-16le' | 'utf-16be', bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** True when a quarter or more of the bytes are NUL: text saved two or four bytes a character. */
function isMostlyWide(bytes: Uint8Array): boolean {
  let zeros = 0;
  for (const byte of bytes) if (byte === 0) zeros += 1;
  return zeros > 0 && zeros * 4 >= bytes.length;
}

/** Decodes the bytes of a text file, or says in plain words why it cannot be read. */
export function decodeText(bytes: Uint8Array): DecodeResult {
  const [b0, b1, b2] = bytes;
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) {
    const text = strict('utf-8', bytes.subarray(3));
    return text === null
      ? { ok: false, message: `The file says it is UTF-8 but some of its characters are not. ${SAVE_AS_UTF8}` }
      : { ok: true, text, encoding: 'UTF-8' };
  }
  const utf16 = b0 === 0xff && b1 === 0xfe ? 'utf-16le' : b0 === 0xfe && b1 === 0xff ? 'utf-16be' : null;
  if (utf16) {
    const text = strict(utf16, bytes.subarray(2));
    return text === null
      ? { ok: false, message: `The file says it is UTF-16 but some of its characters are not. ${SAVE_AS_UTF8}` }
      : { ok: true, text, encoding: utf16 === 'utf-16le' ? 'UTF-16LE' : 'UTF-16BE' };
  }
  const utf8 = strict('utf-8', bytes);
  // A stray NUL in UTF-8 text is the file's content, reported by line and column where it stands
  // (lib/setup/check-case-import.ts); UTF-16 or UTF-32 text of Latin letters is a quarter or more NULs.
  if (utf8 !== null && !isMostlyWide(bytes)) return { ok: true, text: utf8, encoding: 'UTF-8' };
  const detected = chardet.detect(bytes) ?? 'an unknown encoding';
  if (isMostlyWide(bytes) || /^utf-(16|32)/i.test(detected)) {
    return {
      ok: false,
      message: `The file seems to be saved as ${/^utf-32/i.test(detected) ? 'UTF-32' : 'UTF-16'} without a byte order mark, which cannot be read reliably. ${SAVE_AS_UTF8}`,
    };
  }
  if (WESTERN.has(detected.toLowerCase())) return { ok: true, text: iconv.decode(Buffer.from(bytes), 'win1252'), encoding: 'Windows-1252' };
  return { ok: false, message: `The file seems to be saved in the ${detected} encoding, which Casemark does not read. ${SAVE_AS_UTF8}` };
}
