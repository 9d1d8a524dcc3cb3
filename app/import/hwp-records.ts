// The record layer of HWP 5.0 (Hancom, "한글 문서 파일 형식 5.0", §4.1 and
// §4.3): a DocInfo or BodyText stream is a run of records, each a 32-bit
// header (tag id 10 bits, level 10 bits, size 12 bits; a size of 0xFFF means
// the real size follows as 32 bits) and its data. The level makes them a
// tree: a paragraph's text and controls are one level below its header, and a
// control's own paragraphs (a table's cells, a footnote) one level below the
// control. Kept apart from hwp.ts so the walk can be tested on made-up bytes.

const HWPTAG_BEGIN = 16;
export const TAG = {
  PARA_HEADER: HWPTAG_BEGIN + 50,
  PARA_TEXT: HWPTAG_BEGIN + 51,
  CTRL_HEADER: HWPTAG_BEGIN + 55,
  LIST_HEADER: HWPTAG_BEGIN + 56,
  PAGE_DEF: HWPTAG_BEGIN + 57,
  FOOTNOTE_SHAPE: HWPTAG_BEGIN + 58,
  SHAPE_COMPONENT: HWPTAG_BEGIN + 60,
  TABLE: HWPTAG_BEGIN + 61,
} as const;

export interface HwpRecord {
  tag: number;
  level: number;
  data: Uint8Array;
  /** Where the record's header starts in its stream, for error messages. */
  offset: number;
  children: HwpRecord[];
}

/** A stream that does not hold well-formed records: what is wrong, and where. */
export class RecordError extends Error {
  constructor(
    readonly reason: string,
    readonly offset: number,
  ) {
    super(reason);
  }
}

/** The records of a (decompressed) stream, as a tree by level: the top-level records. */
export function readRecords(bytes: Uint8Array): HwpRecord[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const roots: HwpRecord[] = [];
  // The open records by level: a record's parent is the nearest one before it a level up.
  const open: HwpRecord[] = [];
  let at = 0;
  while (at < bytes.length) {
    const start = at;
    if (at + 4 > bytes.length) throw new RecordError("a record header is cut off", start);
    const header = view.getUint32(at, true);
    at += 4;
    const tag = header & 0x3ff;
    const level = (header >>> 10) & 0x3ff;
    let size = header >>> 20;
    if (size === 0xfff) {
      if (at + 4 > bytes.length) throw new RecordError("a record's size is cut off", start);
      size = view.getUint32(at, true);
      at += 4;
    }
    if (at + size > bytes.length) throw new RecordError(`record ${tag} claims ${size} bytes but the stream ends ${bytes.length - at} bytes later`, start);
    if (level > open.length) throw new RecordError(`record ${tag} is at level ${level} with no parent at level ${level - 1}`, start);
    const record: HwpRecord = { tag, level, data: bytes.subarray(at, at + size), offset: start, children: [] };
    at += size;
    open.length = level;
    if (level === 0) roots.push(record);
    else open[level - 1].children.push(record);
    open.push(record);
  }
  return roots;
}

/** A control's four-letter id ("tbl ", "fn  ", "head"…), written as a little-endian 32-bit number of its big-endian letters. */
export function ctrlIdAt(data: Uint8Array, at: number): string {
  if (at + 4 > data.length) return "";
  return String.fromCharCode(data[at + 3], data[at + 2], data[at + 1], data[at]);
}

/** A piece of a paragraph's text: characters, or an extended control (its id) in its place. */
export type TextPiece = { text: string } | { control: string };

// Control characters of HWPTAG_PARA_TEXT (§4.3.1, 표 6): a "char" control is
// one code unit; "inline" and "extended" controls take eight (the code, six
// units of data, the code again). Only an extended control has a CTRL_HEADER
// record of its own, whose id is the first four bytes of the data.
const CHAR_CONTROLS = new Set([0, 10, 13, 24, 25, 26, 27, 28, 29, 30, 31]);
const EXTENDED_CONTROLS = new Set([1, 2, 3, 11, 12, 14, 15, 16, 17, 18, 21, 22, 23]);

/** What a char or inline control stands for in the imported text. */
function controlText(code: number): string {
  switch (code) {
    case 9: // tab
    case 10: // line break
    case 30: // non-breaking space ("묶음 빈칸")
    case 31: // fixed-width space ("고정폭 빈칸")
      return " ";
    case 24: // hyphen
      return "-";
    default:
      return "";
  }
}

/** The text of a HWPTAG_PARA_TEXT record, with each extended control's id where it stands. */
export function paraTextPieces(data: Uint8Array): TextPiece[] {
  const pieces: TextPiece[] = [];
  let text = "";
  const units = data.length >> 1;
  const unit = (i: number) => data[2 * i] | (data[2 * i + 1] << 8);
  let run: number[] = [];
  const flushRun = () => {
    if (run.length) text += String.fromCharCode(...run);
    run = [];
  };
  for (let i = 0; i < units; ) {
    const code = unit(i);
    if (code >= 32) {
      run.push(code);
      // Long paragraphs: String.fromCharCode takes its arguments on the stack.
      if (run.length >= 4096) flushRun();
      i++;
      continue;
    }
    flushRun();
    if (CHAR_CONTROLS.has(code)) {
      text += controlText(code);
      i++;
      continue;
    }
    if (EXTENDED_CONTROLS.has(code)) {
      if (text) pieces.push({ text });
      text = "";
      pieces.push({ control: ctrlIdAt(data, 2 * (i + 1)) });
    } else text += controlText(code);
    i += 8;
  }
  flushRun();
  if (text) pieces.push({ text });
  return pieces;
}
