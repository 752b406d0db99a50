import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { decodeText } from './decode-text';

const TEXT = 'reference,case_manager\nYJS-1,Zoë Brontë\nYJS-2,José Muñoz — £5\n';
const bytesOf = (encoding: string, bom = false) => new Uint8Array(iconv.encode(TEXT, encoding, { addBOM: bom }));

describe('decodeText', () => {
  it('reads UTF-8 with and without a byte order mark', () => {
    expect(decodeText(bytesOf('utf8'))).toEqual({ ok: true, text: TEXT, encoding: 'UTF-8' });
    expect(decodeText(bytesOf('utf8', true))).toEqual({ ok: true, text: TEXT, encoding: 'UTF-8' });
  });

  it('reads UTF-16 little- and big-endian with a byte order mark (Excel’s “Unicode text”)', () => {
    expect(decodeText(bytesOf('utf16le', true))).toEqual({ ok: true, text: TEXT, encoding: 'UTF-16LE' });
    expect(decodeText(bytesOf('utf16be', true))).toEqual({ ok: true, text: TEXT, encoding: 'UTF-16BE' });
  });

  it('reads Windows-1252 (Excel’s plain “CSV” in the UK) as the accented letters it holds, not U+FFFD', () => {
    const read = decodeText(bytesOf('win1252'));
    expect(read).toEqual({ ok: true, text: TEXT, encoding: 'Windows-1252' });
  });

  it('reads a UTF-8 file with a stray NUL as UTF-8, so the NUL is reported where it stands', () => {
    const bytes = new TextEncoder().encode('reference,gender\r\nNS-1,Ma\u0000le\r\n');
    expect(decodeText(bytes)).toEqual({ ok: true, text: 'reference,gender\r\nNS-1,Ma\u0000le\r\n', encoding: 'UTF-8' });
  });

  it('refuses UTF-16 without a byte order mark and other encodings, naming them and saying how to save as UTF-8', () => {
    expect(decodeText(bytesOf('utf16le'))).toEqual({
      ok: false,
      message: expect.stringMatching(/UTF-16 without a byte order mark.*CSV UTF-8/),
    });
    const japanese = new Uint8Array(iconv.encode('参照,担当者\n日本語のテキスト、かなり長い文章です。これはテストです。\n', 'shift_jis'));
    expect(decodeText(japanese)).toEqual({ ok: false, message: expect.stringMatching(/Shift_JIS encoding.*Save it as UTF-8/) });
    const broken = new Uint8Array([0xef, 0xbb, 0xbf, 0x61, 0xff]);
    expect(decodeText(broken)).toEqual({ ok: false, message: expect.stringMatching(/says it is UTF-8/) });
  });
});
