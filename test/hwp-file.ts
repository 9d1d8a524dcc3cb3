// Small HWP 5.0 files made to Hancom's published layout, for tests that need
// one rule on its own (a header, an endnote, an uncompressed file) that no
// real document of ../shared/sources shows.
import CFB from "cfb";
import { deflateSync } from "fflate";
import { TAG } from "../app/import/hwp-records";

/** A record and the records one level below it. */
export interface RecordSpec {
  tag: number;
  data: Uint8Array;
  children?: RecordSpec[];
}

export function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** One record's bytes: header (tag, level, size; 0xFFF and a 32-bit size for large ones) and data. */
export function recordBytes(tag: number, level: number, data: Uint8Array, forceLong = false): Uint8Array {
  const long = forceLong || data.length >= 0xfff;
  const out = new Uint8Array(4 + (long ? 4 : 0) + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, (tag | (level << 10) | ((long ? 0xfff : data.length) << 20)) >>> 0, true);
  if (long) view.setUint32(4, data.length, true);
  out.set(data, long ? 8 : 4);
  return out;
}

/** A tree of records as a stream, levels from the nesting. */
export function streamOf(records: RecordSpec[], level = 0): Uint8Array {
  return concat(...records.flatMap((r) => [recordBytes(r.tag, level, r.data), streamOf(r.children ?? [], level + 1)]));
}

/** UTF-16LE code units. */
export function units(...codes: number[]): Uint8Array {
  const out = new Uint8Array(codes.length * 2);
  codes.forEach((c, i) => {
    out[2 * i] = c & 0xff;
    out[2 * i + 1] = c >> 8;
  });
  return out;
}

export const utf16 = (s: string) => units(...[...s].map((c) => c.charCodeAt(0)));

/** A control id as Hancom stores it: the four letters as a big-endian number, written little-endian ("fn  " as "  nf"). */
export const idBytes = (id: string) => new Uint8Array([id.charCodeAt(3), id.charCodeAt(2), id.charCodeAt(1), id.charCodeAt(0)]);

/** An extended or inline control in paragraph text: the code, the id, 8 more bytes, the code again. */
export function controlChar(code: number, id = "    "): Uint8Array {
  return concat(units(code), idBytes(id), new Uint8Array(8), units(code));
}

const INLINE = new Set([4, 5, 6, 7, 8, 9, 19, 20]);

/** What a paragraph holds: text, a char control (a number), or an extended control with its records. */
export type Piece = string | number | { code: number; id: string; body?: RecordSpec[] };

/** A paragraph: PARA_HEADER, its PARA_TEXT (ended by 13) and one CTRL_HEADER for each extended control. */
export function paragraph(...pieces: Piece[]): RecordSpec {
  const text = concat(...pieces.map((p) => (typeof p === "string" ? utf16(p) : typeof p === "number" ? units(p) : controlChar(p.code, p.id))), units(13));
  // Inline controls (a tab, a field's end) take eight units too but have no record of their own.
  const controls = pieces.filter((p): p is { code: number; id: string; body?: RecordSpec[] } => typeof p === "object" && !INLINE.has(p.code));
  return {
    tag: TAG.PARA_HEADER,
    data: new Uint8Array(22),
    children: [{ tag: TAG.PARA_TEXT, data: text }, ...controls.map((c) => ({ tag: TAG.CTRL_HEADER, data: concat(idBytes(c.id), new Uint8Array(12)), children: c.body ?? [] }))],
  };
}

/** A list (a footnote's, a header's, a cell's): LIST_HEADER and its paragraphs, as siblings under the control. */
export const list = (...paragraphs: RecordSpec[]): RecordSpec[] => [{ tag: TAG.LIST_HEADER, data: new Uint8Array(16) }, ...paragraphs];

/** An .hwp file: FileHeader with `flags`, and the sections' record streams (deflated when flags say so). */
export function hwpFile(sections: RecordSpec[][], flags = 0x1): Uint8Array {
  const container = CFB.utils.cfb_new();
  const header = new Uint8Array(256);
  header.set(new TextEncoder().encode("HWP Document File"));
  new DataView(header.buffer).setUint32(32, 0x05000300, true);
  new DataView(header.buffer).setUint32(36, flags, true);
  CFB.utils.cfb_add(container, "FileHeader", header);
  sections.forEach((records, i) => {
    const stream = streamOf(records);
    CFB.utils.cfb_add(container, `BodyText/Section${i}`, flags & 1 ? deflateSync(stream) : stream);
  });
  return new Uint8Array(CFB.write(container, { type: "array" }) as number[]);
}
