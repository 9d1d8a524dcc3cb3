// Turning what an interchange file holds back into a validated Project. The
// pieces become a .dari file's JSON and go through parseProject, so an import
// is checked by the same rules (and reports problems the same way) as a load.
import { parseProject } from "../document/parse";
import { FORMAT_NAME, FORMAT_VERSION, type Project } from "../document/project";
import { newId } from "../ids";
import { DariError } from "../errors";
import type { SegmentStatus, Side } from "../schema";
import type { ThemeSpan } from "../themes/annotations";

export interface ImportedSegment {
  id: string;
  ko: string;
  en: string;
  status: SegmentStatus;
  confirmed: boolean;
  confidence: number | null;
  note: string;
  themes: ThemeSpan[];
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

/** Why a theme span of an imported file was left out. */
export type DroppedSpan = "outOfRange" | "duplicate" | "overlapping";

/**
 * The spans of one side that can become marks. Another tool (or a hand edit)
 * may write spans outside the text, the same span twice, or two ranges of one
 * tag that overlap; each such span is left out (and counted by `drop`) rather
 * than failing the whole import with a message about marks.
 */
function usableSpans(spans: ThemeSpan[], type: Side, length: number, drop: (why: DroppedSpan) => void): ThemeSpan[] {
  const kept: ThemeSpan[] = [];
  for (const s of spans) {
    if (s.side !== type) continue;
    if (!(Number.isInteger(s.from) && Number.isInteger(s.to) && s.from >= 0 && s.from < s.to && s.to <= length)) drop("outOfRange");
    else if (kept.some((k) => k.id === s.id && k.code === s.code && k.from === s.from && k.to === s.to)) drop("duplicate");
    else if (kept.some((k) => k.id === s.id && k.from < s.to && s.from < k.to)) drop("overlapping");
    else kept.push(s);
  }
  return kept;
}

function sideJSON(type: Side, text: string, spans: ThemeSpan[], drop: (why: DroppedSpan) => void): unknown {
  const clean = oneLine(text);
  const mine = usableSpans(spans, type, clean.length, drop);
  const cuts = new Set([0, clean.length]);
  for (const s of mine) cuts.add(s.from).add(s.to);
  const points = [...cuts].sort((a, b) => a - b);
  const content: unknown[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [from, to] = [points[i], points[i + 1]];
    const marks = mine.filter((s) => s.from <= from && s.to >= to).map((s) => ({ type: "theme", attrs: { code: s.code, id: s.id, note: s.note } }));
    content.push(marks.length ? { type: "text", text: clean.slice(from, to), marks } : { type: "text", text: clean.slice(from, to) });
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

/** A warning of an import that went through: the i18n key and its parameters, as DariError carries them. */
export interface ImportWarning {
  key: string;
  params: Record<string, string | number>;
}

const warningsOf = new WeakMap<Project, ImportWarning[]>();

/** What an interchange import left out, for the CLI to print and the window to show. */
export function importWarnings(project: Project): ImportWarning[] {
  return warningsOf.get(project) ?? [];
}

export function buildImportedProject(imp: ImportedProject, file: string): Project {
  const dropped: Record<DroppedSpan, number> = { outOfRange: 0, duplicate: 0, overlapping: 0 };
  const drop = (why: DroppedSpan) => void dropped[why]++;
  const used = new Set<string>();
  const unique = (id: string, prefix: string) => {
    const out = id && !used.has(id) ? id : newId(prefix);
    used.add(out);
    return out;
  };
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
        content: [sideJSON("ko", s.ko, s.themes, drop), sideJSON("en", s.en, s.themes, drop)],
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
    const project = parseProject(JSON.stringify({ format: FORMAT_NAME, version: FORMAT_VERSION, meta, codebook, glossary, doc }));
    const count = dropped.outOfRange + dropped.duplicate + dropped.overlapping;
    if (count) warningsOf.set(project, [{ key: "import:droppedSpans", params: { file, count, ...dropped } }]);
    return project;
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
