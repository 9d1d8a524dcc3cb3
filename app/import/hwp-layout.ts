// From the paragraphs of a Hangul document (HWP 5.0 or HWPX, read by hwp.ts
// and hwpx.ts into the same small model) to what Dari imports: the body's
// paragraphs in order, footnotes and endnotes as notes whose marker stays in
// the body, and table cells (and text boxes) as passages of their own after
// the body, or left out; never mixed into the running text. Both formats go
// through this one step so that the HWP and the HWPX of one document import
// to the same paragraphs.
import type { ImportedNote, LayoutOptions, LayoutReport } from "./index";

export type NoteKind = "footnote" | "endnote";

export type DocPart =
  | { text: string }
  | { note: NoteKind; paragraphs: DocParagraph[] }
  /** A table's cells in document order, each cell its paragraphs. */
  | { table: DocParagraph[][] }
  /** Text placed in a drawing object (a text box), outside the running text. */
  | { box: DocParagraph[] }
  /** A running header or footer: left out unless the analyst keeps them. */
  | { margin: DocParagraph[] };

export type DocParagraph = DocPart[];

/** How a document numbers its notes (Hancom writes "1)" by default). */
export interface NoteNumbering {
  prefix: string;
  suffix: string;
  start: number;
}

export interface HangulDocument {
  paragraphs: DocParagraph[];
  numbering: Record<NoteKind, NoteNumbering>;
}

export interface LaidOutText {
  paragraphs: string[];
  notes: ImportedNote[];
  layout: LayoutReport;
}

export const DEFAULT_NUMBERING: NoteNumbering = { prefix: "", suffix: ")", start: 1 };

const SPACE = /[\s\u00a0\u2000-\u200b\u3000]/;

/** Collapses runs of white space to one space and trims, moving each offset with its text. */
function normalize(raw: string, offsets: number[]): { text: string; offsets: number[] } {
  let text = "";
  const map: number[] = [];
  let pendingSpace = false;
  for (let i = 0; i < raw.length; i++) {
    map[i] = text.length + (pendingSpace && text ? 1 : 0);
    if (SPACE.test(raw[i])) pendingSpace = true;
    else {
      if (pendingSpace && text) text += " ";
      pendingSpace = false;
      text += raw[i];
    }
  }
  map[raw.length] = text.length;
  return { text, offsets: offsets.map((o) => Math.min(map[o], text.length)) };
}

interface PendingNote {
  rawOffset: number;
  marker: string;
  text: string;
  kind: NoteKind;
}

/** Lays a document out as Dari's paragraphs, notes and the report the import preview shows. */
export function layOut(doc: HangulDocument, options: LayoutOptions = {}): LaidOutText {
  const keepNotes = options.footnotes !== false;
  const keepTables = options.tables !== "skip";
  const keepMargins = options.removeHeaders === false;
  const counters: Record<NoteKind, number> = { footnote: doc.numbering.footnote.start, endnote: doc.numbering.endnote.start };
  const body: string[] = [];
  const bodyNotes: ImportedNote[] = [];
  const passages: string[] = [];
  const passageNotes: ImportedNote[] = [];
  let tables = 0;
  let notesFound = 0;
  let marginsRemoved = 0;

  /** The plain text of note paragraphs (notes inside notes are not numbered by Hancom either). */
  const plain = (paragraphs: DocParagraph[]): string =>
    paragraphs
      .map((p) => p.map((part) => ("text" in part ? part.text : "")).join(""))
      .join(" ");

  // Notes are numbered in document order, a table's notes where the table stands, before the cells move after the body.
  const markers = new Map<DocPart, string>();
  const number = (paragraphs: DocParagraph[]) => {
    for (const paragraph of paragraphs)
      for (const part of paragraph) {
        if ("note" in part) {
          const n = doc.numbering[part.note];
          markers.set(part, `${n.prefix}${counters[part.note]++}${n.suffix}`);
          notesFound++;
        } else if ("table" in part) {
          tables++;
          part.table.forEach(number);
        } else if ("box" in part) number(part.box);
        else if ("margin" in part) number(part.margin);
      }
  };
  number(doc.paragraphs);

  /** Emits one paragraph into `out`; the tables and boxes inside it go to the passages. */
  const emit = (paragraph: DocParagraph, out: string[], outNotes: ImportedNote[]) => {
    let raw = "";
    const pending: PendingNote[] = [];
    // What goes after the body: table cells and text boxes, and headers and footers when kept.
    const inner: DocParagraph[] = [];
    for (const part of paragraph) {
      if ("text" in part) raw += part.text;
      else if ("note" in part) {
        if (!keepNotes) continue;
        const marker = markers.get(part)!;
        raw += marker;
        pending.push({ rawOffset: raw.length, marker, text: normalize(plain(part.paragraphs), []).text, kind: part.note });
      } else if ("table" in part) {
        if (keepTables) for (const cell of part.table) inner.push(...cell);
      } else if ("box" in part) {
        if (keepTables) inner.push(...part.box);
      } else if (keepMargins) inner.push(...part.margin);
      else marginsRemoved += part.margin.filter((p) => p.some((x) => "text" in x && x.text.trim())).length;
    }
    const { text, offsets } = normalize(
      raw,
      pending.map((n) => n.rawOffset),
    );
    if (text) {
      const index = out.length;
      out.push(text);
      pending.forEach((n, i) => outNotes.push({ paragraph: index, offset: offsets[i], marker: n.marker, text: n.text, kind: n.kind }));
    }
    for (const p of inner) emit(p, passages, passageNotes);
  };

  for (const p of doc.paragraphs) emit(p, body, bodyNotes);
  const notes = [...bodyNotes, ...passageNotes.map((n) => ({ ...n, paragraph: n.paragraph + body.length }))];
  return {
    paragraphs: [...body, ...passages],
    notes,
    layout: { footnotes: notesFound, tables, tablesKept: keepTables, headersRemoved: marginsRemoved },
  };
}
