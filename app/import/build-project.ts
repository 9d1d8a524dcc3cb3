// Turning what an interchange file holds back into a validated Project. The
// pieces become a .dari file's JSON and go through parseProject, so an import
// is checked by the same rules (and reports problems the same way) as a load.
import { parseProject } from "../document/parse";
import { FORMAT_NAME, FORMAT_VERSION, type Project } from "../document/project";
import { newId } from "../ids";
import { DariError } from "../errors";
import type { SegmentStatus, Side } from "../schema";
import type { ThemeSpan } from "../themes/annotations";
import { piecesText, type Piece } from "./inline";

export interface ImportedSegment {
  id: string;
  ko: string;
  en: string;
  status: SegmentStatus;
  confirmed: boolean;
  confidence: number | null;
  note: string;
  themes: ThemeSpan[];
  /** Each side's text with its inline codes (app/import/inline.ts), when the file had any. */
  pieces?: { ko: Piece[]; en: Piece[] };
}

export interface ImportedPassage {
  id: string;
  segments: ImportedSegment[];
}

export interface ImportedProject {
  meta: Record<string, string>;
  /** The codebook and glossary as JSON text, when the file came from Dari. */
  codebook: unknown;
  glossary?: unknown;
  passages: ImportedPassage[];
}

/** Line breaks inside a side are layout, not content (as in buildSegment). */
const oneLine = (s: string) => s.replace(/\r\n?|\n/g, " ");

/**
 * A side as document JSON: its text (or its pieces, text and inline codes)
 * with the theme spans, whose offsets count text only, as marks.
 */
function sideJSON(type: Side, text: string, spans: ThemeSpan[], pieces?: Piece[]): unknown {
  const parts: Piece[] = pieces && pieces.some((p) => typeof p !== "string") ? pieces : [text];
  const clean = oneLine(piecesText(parts));
  const mine = spans.filter((s) => s.side === type && s.from < s.to && s.to <= clean.length);
  const content: unknown[] = [];
  let at = 0;
  for (const part of parts) {
    if (typeof part !== "string") {
      content.push({ type: "code", attrs: { kind: part.kind, id: part.id, xml: part.xml, label: part.label } });
      continue;
    }
    const piece = oneLine(part);
    const start = at;
    const end = at + piece.length;
    at = end;
    const cuts = new Set([start, end]);
    for (const s of mine) for (const x of [s.from, s.to]) if (x > start && x < end) cuts.add(x);
    const points = [...cuts].sort((a, b) => a - b);
    for (let i = 0; i + 1 < points.length; i++) {
      const [from, to] = [points[i], points[i + 1]];
      const marks = mine.filter((s) => s.from <= from && s.to >= to).map((s) => ({ type: "theme", attrs: { code: s.code, id: s.id, note: s.note } }));
      const t = clean.slice(from, to);
      if (t) content.push(marks.length ? { type: "text", text: t, marks } : { type: "text", text: t });
    }
  }
  return content.length ? { type, content } : { type };
}

/** Theme spans from a JSON prop written by Dari; anything malformed is ignored (the text matters more). */
export function parseSpans(json: string | undefined): ThemeSpan[] {
  if (!json) return [];
  try {
    const v = JSON.parse(json);
    if (!Array.isArray(v)) return [];
    return v.filter(
      (s): s is ThemeSpan =>
        s && (s.side === "ko" || s.side === "en") && Number.isInteger(s.from) && Number.isInteger(s.to) && typeof s.code === "string" && typeof s.id === "string",
    ).map((s) => ({ ...s, note: typeof s.note === "string" ? s.note : "" }));
  } catch {
    return [];
  }
}

/**
 * Ids unique in the document (passages and segments together), as the file's
 * own where they can be: an importer takes them first, so what it records
 * about an id (app/import/origin.ts) is about the id the project keeps.
 */
export class IdPool {
  private readonly used = new Set<string>();
  take(id: string, prefix: string): string {
    const out = id && !this.used.has(id) ? id : newId(prefix);
    this.used.add(out);
    return out;
  }
}

export function buildImportedProject(imp: ImportedProject, file: string): Project {
  const pool = new IdPool();
  const unique = (id: string, prefix: string) => pool.take(id, prefix);
  const passages = imp.passages.filter((p) => p.segments.length);
  if (!passages.length) throw new DariError("export:interchange.noSegments", { file });
  const doc = {
    type: "doc",
    content: passages.map((p) => ({
      type: "passage",
      attrs: { id: unique(p.id, "p") },
      content: p.segments.map((s) => ({
        type: "segment",
        attrs: { id: unique(s.id, "s"), status: s.status, confirmed: s.confirmed, note: s.note, confidence: s.confidence },
        content: [sideJSON("ko", s.ko, s.themes, s.pieces?.ko), sideJSON("en", s.en, s.themes, s.pieces?.en)],
      })),
    })),
  };
  const now = new Date().toISOString();
  const json = (v: unknown) => {
    if (typeof v !== "string") return [];
    try {
      return JSON.parse(v);
    } catch {
      return [];
    }
  };
  const codebook = json(imp.codebook);
  const glossary = json(imp.glossary);
  const meta = { title: "", source: "", author: "", date: "", created: now, modified: now, ...imp.meta };
  try {
    return parseProject(JSON.stringify({ format: FORMAT_NAME, version: FORMAT_VERSION, meta, codebook, glossary, doc }));
  } catch (e) {
    if (e instanceof DariError) throw new DariError("file.inFile", { file, message: e.message });
    throw e;
  }
}

/** Status of a segment written by another tool: draft when it has a translation, else new. */
export function defaultStatus(en: string): SegmentStatus {
  return en.trim() ? "draft" : "new";
}

export function parseConfidence(v: string | undefined): number | null {
  if (v === undefined || v === "") return null;
  const n = Number(v);
  return n >= 0 && n <= 1 ? n : null;
}
