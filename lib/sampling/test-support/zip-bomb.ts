/**
 * A real zip bomb shaped as an .xlsx, for tests (issue 21): one worksheet entry that inflates to
 * `inflatedBytes` of XML while the zip declares `declaredBytes` (1,000 by default). Built by
 * repeating one deflated megabyte, so making it costs little time or memory; its zip structure is written by hand
 * so the lie in the declared sizes is exact.
 */
import { constants, deflateRawSync } from 'node:zlib';

function u16(value: number) {
  return [value & 0xff, (value >>> 8) & 0xff];
}
function u32(value: number) {
  return [value & 0xff, (value >>> 8) & 0xff, (value >>> 16) & 0xff, (value >>> 24) & 0xff];
}

export function makeZipBomb(inflatedBytes: number, declaredBytes = 1_000): Uint8Array<ArrayBuffer> {
  // One megabyte of spaces deflated as a block that neither ends the stream nor refers back
  // (a full flush), so it can be repeated: the deflate of N megabytes is N copies and an end.
  const megabyte = deflateRawSync(Buffer.alloc(1 << 20, 0x20), { level: 9, finishFlush: constants.Z_FULL_FLUSH });
  const head = deflateRawSync(Buffer.from('<?xml version="1.0"?><worksheet><sheetData>'), { finishFlush: constants.Z_FULL_FLUSH });
  const tail = deflateRawSync(Buffer.from('</sheetData></worksheet>'));
  const copies = Math.ceil(inflatedBytes / (1 << 20));
  const data = Buffer.concat([head, ...Array.from({ length: copies }, () => megabyte), tail]);
  const name = new TextEncoder().encode('xl/worksheets/sheet1.xml');
  const common = [...u16(20), ...u16(0), ...u16(8), ...u16(0), ...u16(0x21), ...u32(0), ...u32(data.byteLength), ...u32(declaredBytes)];
  const local = new Uint8Array([...u32(0x04034b50), ...common, ...u16(name.byteLength), ...u16(0)]);
  const central = new Uint8Array([
    ...u32(0x02014b50),
    ...u16(20),
    ...common,
    ...u16(name.byteLength),
    ...u16(0),
    ...u16(0),
    ...u16(0),
    ...u16(0),
    ...u32(0),
    ...u32(0),
  ]);
  const centralAt = local.byteLength + name.byteLength + data.byteLength;
  const centralSize = central.byteLength + name.byteLength;
  const end = new Uint8Array([
    ...u32(0x06054b50),
    ...u16(0),
    ...u16(0),
    ...u16(1),
    ...u16(1),
    ...u32(centralSize),
    ...u32(centralAt),
    ...u16(0),
  ]);
  const zip = new Uint8Array(centralAt + centralSize + end.byteLength);
  let at = 0;
  for (const piece of [local, name, data, central, name, end]) {
    zip.set(piece, at);
    at += piece.byteLength;
  }
  return zip;
}
