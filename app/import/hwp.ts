// Hangul Word Processor 5.0 (.hwp): an OLE compound file (read with cfb)
// whose FileHeader says whether the streams are compressed and whether the
// document is protected, and whose BodyText/Section0, Section1… streams hold
// the paragraphs as records (hwp-records.ts), raw-deflated when compressed.
// A protected document is refused before anything is read from BodyText: a
// distribution document (배포용 문서) keeps its real text encrypted in
// ViewText and leaves in BodyText only Hancom's notice "이 문서는 상위 버전의
// 배포용 문서입니다…", which must never be imported as the commentary.
import CFB from "cfb";
import { Inflate } from "fflate";
import { DariError } from "../errors";
import { ctrlIdAt, paraTextPieces, readRecords, RecordError, TAG, type HwpRecord } from "./hwp-records";
import { DEFAULT_NUMBERING, layOut, type DocParagraph, type HangulDocument, type LaidOutText, type NoteKind, type NoteNumbering } from "./hwp-layout";
import type { LayoutOptions } from "./index";

const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const HWP5_SIGNATURE = "HWP Document File";
const HWP3_SIGNATURE = "HWP Document File V3";

/** FileHeader properties (the 32-bit flags after the version), Hancom's format §3.2.1. */
const FLAG = {
  compressed: 1 << 0,
  password: 1 << 1,
  distribution: 1 << 2,
  drm: 1 << 4,
  certificateEncryption: 1 << 8,
  certificateDrm: 1 << 10,
} as const;

/**
 * More than this unpacked from one file's streams is refused: a commentary's
 * sections hold a few MB, and a forged stream could inflate until memory ends.
 */
export const MAX_HWP_UNPACKED_MB = 256;

const startsWith = (bytes: Uint8Array, sig: number[]) => sig.every((b, i) => bytes[i] === b);
const latin1 = (bytes: Uint8Array) => String.fromCharCode(...bytes);

/** Inflates a raw-deflate stream, stopping at `budget` bytes instead of exhausting memory. */
function inflateRaw(data: Uint8Array, budget: { left: number }, onTooLarge: () => never): Uint8Array {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let over = false;
  const inflate = new Inflate((chunk) => {
    total += chunk.length;
    if (total > budget.left) over = true;
    else chunks.push(chunk);
  });
  // In slices, so that a bomb stops within one slice of the limit.
  for (let i = 0; i < data.length && !over; i += 65536) inflate.push(data.subarray(i, i + 65536), i + 65536 >= data.length);
  if (over) onTooLarge();
  budget.left -= total;
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** The streams Dari reads, by path inside the file ("FileHeader", "BodyText/Section0"…). */
function streamsOf(fileName: string, bytes: Uint8Array): Map<string, Uint8Array> {
  let container: CFB.CFB$Container;
  try {
    container = CFB.read(bytes, { type: "array" });
  } catch {
    throw new DariError("import:hwpNotOle", { file: fileName });
  }
  const streams = new Map<string, Uint8Array>();
  container.FileIndex.forEach((entry, i) => {
    // Type 2 is a stream; paths start with the root storage's name, whatever it is.
    if (entry.type !== 2) return;
    const path = container.FullPaths[i].split("/").slice(1).join("/");
    // Only the header and the text; pictures (BinData) and previews are left where they are.
    if (path === "FileHeader" || path.startsWith("BodyText/")) streams.set(path, Uint8Array.from(entry.content as ArrayLike<number>));
  });
  return streams;
}

/** Refuses what cannot or must not be read: not HWP 5.0, protected. */
function checkHeader(fileName: string, header: Uint8Array | undefined): number {
  if (!header || header.length < 40) throw new DariError("import:hwpMissing", { file: fileName, where: "FileHeader" });
  if (!latin1(header.subarray(0, HWP5_SIGNATURE.length)).startsWith(HWP5_SIGNATURE)) throw new DariError("import:hwpNotOle", { file: fileName });
  const flags = new DataView(header.buffer, header.byteOffset, header.byteLength).getUint32(36, true);
  if (flags & FLAG.password) throw new DariError("import:hwpPassword", { file: fileName });
  if (flags & FLAG.distribution) throw new DariError("import:hwpDistribution", { file: fileName });
  if (flags & (FLAG.drm | FLAG.certificateDrm | FLAG.certificateEncryption)) throw new DariError("import:hwpDrm", { file: fileName });
  return flags;
}

/** The sections' streams in their order (Section10 after Section9). */
function sectionNames(streams: Map<string, Uint8Array>): string[] {
  return [...streams.keys()]
    .filter((p) => /^BodyText\/Section\d+$/.test(p))
    .sort((a, b) => Number(a.slice(16)) - Number(b.slice(16)));
}

/** A FOOTNOTE_SHAPE record: attributes (4 bytes), user symbol, prefix, suffix (2 each), start number (2). */
function numberingOf(record: HwpRecord): NoteNumbering {
  const d = record.data;
  if (d.length < 12) return DEFAULT_NUMBERING;
  const view = new DataView(d.buffer, d.byteOffset, d.byteLength);
  const ch = (at: number) => {
    const c = view.getUint16(at, true);
    return c ? String.fromCharCode(c) : "";
  };
  return { prefix: ch(6), suffix: ch(8), start: view.getUint16(10, true) || 1 };
}

/** Builds the document model from the sections' record trees. */
class DocumentReader {
  readonly numbering: Record<NoteKind, NoteNumbering> = { footnote: DEFAULT_NUMBERING, endnote: DEFAULT_NUMBERING };
  private numberingRead = false;

  /** A PARA_HEADER record and its children: text, and the controls in the order the text names them. */
  paragraph(header: HwpRecord): DocParagraph {
    const text = header.children.find((r) => r.tag === TAG.PARA_TEXT);
    const controls = header.children.filter((r) => r.tag === TAG.CTRL_HEADER);
    const parts: DocParagraph = [];
    if (!text) return parts;
    let next = 0;
    for (const piece of paraTextPieces(text.data)) {
      if ("text" in piece) {
        parts.push({ text: piece.text });
        continue;
      }
      // Each extended control in the text has its CTRL_HEADER, in the same order.
      let control = controls[next];
      if (control && ctrlIdAt(control.data, 0) === piece.control) next++;
      else control = controls.find((c, i) => i >= next && ctrlIdAt(c.data, 0) === piece.control) ?? control;
      if (control) this.control(piece.control, control, parts);
    }
    return parts;
  }

  private control(id: string, control: HwpRecord, parts: DocParagraph): void {
    switch (id) {
      case "secd":
        this.sectionDefinition(control);
        return;
      case "fn  ":
      case "en  ":
        parts.push({ note: id === "fn  " ? "footnote" : "endnote", paragraphs: this.paragraphsIn(control) });
        return;
      case "tbl ":
        parts.push({ table: this.cells(control) });
        return;
      case "head":
      case "foot":
        parts.push({ margin: this.paragraphsIn(control) });
        return;
      case "gso ": {
        // Drawing objects: a text box's paragraphs sit somewhere below the shape's records.
        const paragraphs = this.paragraphsBelow(control);
        if (paragraphs.length) parts.push({ box: paragraphs });
        return;
      }
      default:
        // Column and page settings, numbers, fields, bookmarks, equations, hidden comments: no running text.
        return;
    }
  }

  /** The first section's definition carries how footnotes and endnotes are numbered. */
  private sectionDefinition(control: HwpRecord): void {
    if (this.numberingRead) return;
    const shapes = control.children.filter((r) => r.tag === TAG.FOOTNOTE_SHAPE);
    if (shapes[0]) this.numbering.footnote = numberingOf(shapes[0]);
    if (shapes[1]) this.numbering.endnote = numberingOf(shapes[1]);
    this.numberingRead = true;
  }

  /** The paragraphs directly under a control (a footnote's or a header's list). */
  private paragraphsIn(control: HwpRecord): DocParagraph[] {
    return control.children.filter((r) => r.tag === TAG.PARA_HEADER).map((p) => this.paragraph(p));
  }

  /** A table's cells: each LIST_HEADER starts a cell whose paragraphs follow it. */
  private cells(control: HwpRecord): DocParagraph[][] {
    const cells: DocParagraph[][] = [];
    for (const r of control.children) {
      if (r.tag === TAG.LIST_HEADER) cells.push([]);
      else if (r.tag === TAG.PARA_HEADER && cells.length) cells[cells.length - 1].push(this.paragraph(r));
    }
    return cells;
  }

  /** Paragraphs anywhere below a record, without entering the paragraphs themselves (their controls are theirs). */
  private paragraphsBelow(record: HwpRecord): DocParagraph[] {
    const out: DocParagraph[] = [];
    for (const r of record.children) {
      if (r.tag === TAG.PARA_HEADER) out.push(this.paragraph(r));
      else out.push(...this.paragraphsBelow(r));
    }
    return out;
  }
}

/** Reads a .hwp file into Hangul's document model; throws DariError naming the file and what is wrong. */
export function readHwp(fileName: string, bytes: Uint8Array): HangulDocument {
  if (latin1(bytes.subarray(0, HWP3_SIGNATURE.length)) === HWP3_SIGNATURE) throw new DariError("import:hwp3", { file: fileName });
  if (!startsWith(bytes, OLE_SIGNATURE)) throw new DariError("import:hwpNotOle", { file: fileName });
  const streams = streamsOf(fileName, bytes);
  const flags = checkHeader(fileName, streams.get("FileHeader"));
  const sections = sectionNames(streams);
  if (!sections.length) throw new DariError("import:hwpMissing", { file: fileName, where: "BodyText/Section0" });
  const budget = { left: MAX_HWP_UNPACKED_MB * 1024 * 1024 };
  const reader = new DocumentReader();
  const paragraphs: DocParagraph[] = [];
  for (const where of sections) {
    let data = streams.get(where)!;
    if (flags & FLAG.compressed) {
      try {
        data = inflateRaw(data, budget, () => {
          throw new DariError("import:hwpTooLarge", { file: fileName, limit: MAX_HWP_UNPACKED_MB });
        });
      } catch (e) {
        if (e instanceof DariError) throw e;
        throw new DariError("import:hwpInflate", { file: fileName, where });
      }
    }
    let records: HwpRecord[];
    try {
      records = readRecords(data);
    } catch (e) {
      if (!(e instanceof RecordError)) throw e;
      throw new DariError("import:hwpRecords", { file: fileName, where, offset: e.offset, reason: e.reason });
    }
    for (const r of records) if (r.tag === TAG.PARA_HEADER) paragraphs.push(reader.paragraph(r));
  }
  return { paragraphs, numbering: reader.numbering };
}

/** The paragraphs, notes and layout report of a .hwp file. */
export function hwpText(fileName: string, bytes: Uint8Array, options: LayoutOptions = {}): LaidOutText {
  return layOut(readHwp(fileName, bytes), options);
}
