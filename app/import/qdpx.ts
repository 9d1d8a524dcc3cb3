// A REFI-QDA project (.qdpx: a zip with project.qde and sources/) as a Dari
// project: its codebook (codes, isCodable, sets) and the codings of its text
// sources as theme tags, with their memos as tag notes.
//
// - A project Dari wrote carries its alignment in the "Dari alignment"
//   variable (app/export/qdpx.ts): passages and segments come back exactly,
//   with their ids, status and notes, and each tag with its Dari id, wherever
//   the other tool moved, added or removed codings. A library export
//   (app/export/qdpx-library.ts) carries one such value per document: the
//   documents come back one after another in one project.
// - A project from another tool has no alignment. Each text source is read as
//   paragraphs (blocks separated by blank lines) of its language (Hangul
//   makes it Korean, otherwise English); when the project holds exactly one
//   Korean and one English text, the two are aligned as `dari new` aligns
//   them; otherwise each source becomes passages of its own side.
// - Codings are placed by code points (REFI-QDA positions count characters,
//   not UTF-16 units) on the segments made from the source, ignoring the white
//   space Dari normalises, and are cut at segment boundaries (a tag spanning
//   several segments is several ranges with one id).
// - What Dari cannot use (pictures, PDFs, audio and video, text outside the
//   zip, variables, cases, links, graphs) is named in the warnings, one line
//   each, never silently dropped. The XML goes through app/import/xml.ts, which
//   refuses DOCTYPE and entity declarations.
import { unzipSync } from "fflate";
import { Fragment, Mark, type Node as PMNode } from "prosemirror-model";
import { DariError } from "../errors";
import type { Project } from "../document/project";
import { newProject } from "../document/new-project";
import { buildDoc, splitParagraphs, type PassageInput, type SegmentInput } from "../document/build";
import { alignProject } from "../align/project";
import { sentenceSpans } from "../text/sentences";
import { schema, isSegmentStatus, type Side } from "../schema";
import { child, elements, parseXml, textOf, type XElement } from "./xml";
import { decodeText } from "./decode";
import { guidForId, isGuid, plainGuid, readCodes } from "../themes/qdc";
import type { CodeSet } from "../themes/codebook";
import { ALIGNMENT_FORMAT, ALIGNMENT_VARIABLE, QDPX_NAMESPACE, type AlignmentValue } from "../export/qdpx";

export interface QdpxImport {
  project: Project;
  /** What was left out, one message each (for the CLI's stderr and the window's message line). */
  warnings: DariError[];
}

/** What the entries Dari reads may unpack to, in all: more is a zip bomb, not a commentary. */
const MAX_UNPACKED = 512 * 1024 * 1024;

interface Selection {
  guid: string;
  start: number;
  end: number;
  codes: string[];
  notes: string[];
}

interface TextSource {
  guid: string;
  name: string;
  text: string;
  selections: Selection[];
}

/** Where a segment side's text came from: its source and, per UTF-16 unit, the source's code point (-1: not from the source). */
interface SideOrigin {
  source: string;
  passage: number;
  segment: number;
  side: Side;
  /** The side's text as it stands in the document. */
  text: string;
  cps: Int32Array;
  min: number;
  max: number;
}

const HANGUL = /[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]/g;
const LATIN = /[A-Za-z]/g;

function languageOf(text: string): Side {
  const hangul = text.match(HANGUL)?.length ?? 0;
  const latin = text.match(LATIN)?.length ?? 0;
  return hangul > 0 && hangul * 3 >= latin ? "ko" : "en";
}

function unzip(file: string, bytes: Uint8Array): Record<string, Uint8Array> {
  const wanted = (name: string) => /^project\.qde$/i.test(name) || /^sources\//i.test(name);
  let total = 0;
  try {
    // The sizes the zip declares are checked before anything is unpacked.
    unzipSync(bytes, { filter: (f) => ((total += wanted(f.name) ? f.originalSize : 0), false) });
  } catch (e) {
    throw new DariError("import:qdpx.notZip", { file, reason: e instanceof Error ? e.message : String(e) });
  }
  if (total > MAX_UNPACKED) throw new DariError("import:qdpx.tooLarge", { file, limit: MAX_UNPACKED / 1024 / 1024 });
  try {
    return unzipSync(bytes, { filter: (f) => wanted(f.name) });
  } catch (e) {
    throw new DariError("import:qdpx.notZip", { file, reason: e instanceof Error ? e.message : String(e) });
  }
}

function entry(files: Record<string, Uint8Array>, path: string): Uint8Array | undefined {
  if (files[path]) return files[path];
  const lower = path.toLowerCase();
  const key = Object.keys(files).find((k) => k.toLowerCase() === lower);
  return key ? files[key] : undefined;
}

/** A source's plain text: UTF-8 (or what decodeText recognises); an empty file is an empty text. */
function textOfBytes(name: string, bytes: Uint8Array): string {
  try {
    return decodeText(name, bytes).text;
  } catch (e) {
    if (e instanceof DariError && e.key === "import:empty") return "";
    throw e;
  }
}

const int = (s: string | undefined) => (s !== undefined && /^\s*-?\d+\s*$/.test(s) ? Number(s) : NaN);

/** Code points of a text, and the UTF-16 index where each starts. */
function codePoints(text: string): { cps: number[]; at: number[] } {
  const cps: number[] = [];
  const at: number[] = [];
  for (let i = 0; i < text.length; ) {
    const c = text.codePointAt(i)!;
    cps.push(c);
    at.push(i);
    i += c > 0xffff ? 2 : 1;
  }
  return { cps, at };
}

const isSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0xa0 || c === 0x3000 || c === 0xfeff || (c >= 0x2000 && c <= 0x200b);

/**
 * Follows a source's text through the segment sides made from it, in order:
 * each character of a side is matched to the next equal character of the
 * source, white space on either side aside (Dari joins lines and trims).
 */
class SourceCursor {
  private readonly cps: number[];
  private at = 0;
  constructor(text: string) {
    this.cps = codePoints(text).cps;
  }
  origin(sideText: string): Int32Array {
    const out = new Int32Array(sideText.length).fill(-1);
    for (let i = 0; i < sideText.length; ) {
      const c = sideText.codePointAt(i)!;
      if (!isSpace(c)) {
        while (this.at < this.cps.length && isSpace(this.cps[this.at])) this.at++;
        let found = this.cps[this.at] === c ? this.at : -1;
        // A character Dari changed: look a little further before giving up on it.
        for (let k = this.at + 1; found < 0 && k < Math.min(this.cps.length, this.at + 64); k++) if (this.cps[k] === c) found = k;
        if (found >= 0) {
          out[i] = found;
          this.at = found + 1;
        }
      }
      i += c > 0xffff ? 2 : 1;
    }
    return out;
  }
}

function readSelections(src: XElement, codeIdOf: (guid: string) => string | undefined, missing: Set<string>): Selection[] {
  return elements(src, "PlainTextSelection").map((s) => {
    const codes: string[] = [];
    const notes = elements(s, "NoteRef").map((n) => plainGuid(n.attrs.targetGUID ?? ""));
    for (const c of elements(s, "Coding")) {
      const target = plainGuid(child(c, "CodeRef")?.attrs.targetGUID ?? "");
      const id = codeIdOf(target);
      if (id) codes.push(id);
      else missing.add(target);
      notes.push(...elements(c, "NoteRef").map((n) => plainGuid(n.attrs.targetGUID ?? "")));
    }
    const desc = child(s, "Description");
    if (desc && textOf(desc).trim()) notes.unshift(`text:${textOf(desc).trim()}`);
    return { guid: plainGuid(s.attrs.guid ?? ""), start: int(s.attrs.startPosition), end: int(s.attrs.endPosition), codes, notes };
  });
}

/**
 * The alignments Dari wrote, when the project has them and they fit the
 * sources: one for a project, one per document for a library (each on its
 * document's Korean source), in the order of the sources.
 */
function readAlignments(root: XElement, sources: Map<string, TextSource>): AlignmentValue[] {
  const variables = child(root, "Variables");
  const variable = variables && elements(variables, "Variable").find((v) => plainGuid(v.attrs.guid ?? "") === ALIGNMENT_VARIABLE.guid || v.attrs.name === ALIGNMENT_VARIABLE.name);
  if (!variable) return [];
  const vGuid = plainGuid(variable.attrs.guid ?? "");
  const all = elements(child(root, "Sources") ?? { name: "", local: "", attrs: {}, children: [] }, "TextSource");
  const out: AlignmentValue[] = [];
  const used = new Set<string>();
  for (const s of all)
    for (const vv of elements(s, "VariableValue")) {
      if (plainGuid(child(vv, "VariableRef")?.attrs.targetGUID ?? "") !== vGuid) continue;
      const value = child(vv, "TextValue");
      try {
        const a = JSON.parse(value ? textOf(value) : "") as AlignmentValue;
        const fits = a && a.format === ALIGNMENT_FORMAT && a.version === 1 && sources.has(plainGuid(a.ko)) && sources.has(plainGuid(a.en)) && Array.isArray(a.passages);
        // Two values over the same source would put its text in twice.
        if (fits && !used.has(plainGuid(a.ko)) && !used.has(plainGuid(a.en))) {
          used.add(plainGuid(a.ko)).add(plainGuid(a.en));
          out.push(a);
        }
      } catch {
        // Edited beyond reading: the project is read as one from another tool.
      }
    }
  return out;
}

type Built = { passages: PassageInput[]; origins: SideOrigin[] };

/** Passages and segments exactly as Dari wrote them, added to `built`; `seen` holds the ids taken (a library's projects may share some). */
function fromAlignment(a: AlignmentValue, sources: Map<string, TextSource>, notes: Map<string, string>, built: Built, seen: Set<string>): void {
  const ko = sources.get(plainGuid(a.ko))!;
  const en = sources.get(plainGuid(a.en))!;
  const cp = { ko: codePoints(ko.text), en: codePoints(en.text) };
  const text = { ko: ko.text, en: en.text };
  const { origins } = built;
  const first = built.passages.length;
  // The value may have been edited by hand: what does not fit is left to Dari's defaults, never trusted.
  const isObj = (v: unknown): v is Record<string, unknown> => !!v && typeof v === "object" && !Array.isArray(v);
  const unique = (id: unknown) => (typeof id === "string" && id && !seen.has(id) ? (seen.add(id), id) : undefined);
  const passages = a.passages.filter(isObj).map((p, i): PassageInput => ({
    id: unique(p.id),
    segments: (Array.isArray(p.segments) ? (p.segments as unknown[]).filter(isObj) : []).map((s, si): SegmentInput => {
      const side = (lang: Side): string => {
        const r = s[lang];
        if (!Array.isArray(r) || r.length !== 2 || !Number.isInteger(r[0]) || !Number.isInteger(r[1])) return "";
        const [start, end] = [Math.max(0, Math.min(r[0], cp[lang].cps.length)), Math.max(0, Math.min(r[1], cp[lang].cps.length))];
        if (!(end > start)) return "";
        const from = cp[lang].at[start];
        const to = end < cp[lang].at.length ? cp[lang].at[end] : text[lang].length;
        const t = text[lang].slice(from, to);
        const cps = new Int32Array(t.length).fill(-1);
        for (let k = start; k < end; k++) cps[cp[lang].at[k] - from] = k;
        origins.push({ source: lang === "ko" ? ko.guid : en.guid, passage: first + i, segment: si, side: lang, text: t, cps, min: start, max: end });
        return t;
      };
      const note = typeof s.note === "string" ? notes.get(plainGuid(s.note)) : undefined;
      return {
        id: unique(s.id),
        ko: side("ko"),
        en: side("en"),
        status: isSegmentStatus(s.status) ? s.status : undefined,
        confirmed: s.confirmed === true,
        confidence: typeof s.confidence === "number" && s.confidence >= 0 && s.confidence <= 1 ? s.confidence : null,
        note: note ?? "",
      };
    }),
  }));
  built.passages.push(...passages);
}

/** Where each segment side of `passages` (from `first` on) came from in `source`. */
function traceSide(built: Built, first: number, source: TextSource, side: Side): void {
  const cursor = new SourceCursor(source.text);
  for (let pi = first; pi < built.passages.length; pi++)
    built.passages[pi].segments.forEach((s, si) => {
      // buildSegment turns line breaks into spaces; trace the text as it will stand.
      const t = s[side].replace(/\r\n?|\n/g, " ");
      if (!t) return;
      const cps = cursor.origin(t);
      let min = Infinity;
      let max = -Infinity;
      for (const c of cps) if (c >= 0) (min = Math.min(min, c)), (max = Math.max(max, c + 1));
      built.origins.push({ source: source.guid, passage: pi, segment: si, side, text: t, cps, min, max });
    });
}

/** Passages from the text sources of another tool (see the header). */
function fromSources(list: TextSource[]): Built {
  const built: Built = { passages: [], origins: [] };
  const lang = new Map(list.map((s) => [s, languageOf(s.text)]));
  const ko = list.filter((s) => lang.get(s) === "ko");
  const en = list.filter((s) => lang.get(s) === "en");
  if (ko.length === 1 && en.length === 1) {
    built.passages = alignProject(splitParagraphs(ko[0].text), splitParagraphs(en[0].text));
    traceSide(built, 0, ko[0], "ko");
    traceSide(built, 0, en[0], "en");
    return built;
  }
  for (const s of list) {
    const first = built.passages.length;
    const side = lang.get(s)!;
    if (side === "ko") built.passages.push(...alignProject(splitParagraphs(s.text), null));
    else
      for (const para of splitParagraphs(s.text))
        built.passages.push({ segments: sentenceSpans(para, "en").map((sp) => ({ ko: "", en: para.slice(sp.start, sp.end) })) });
    traceSide(built, first, s, side);
  }
  return built;
}

/**
 * The segment sides of one source that overlap [start, end). They follow the
 * source in order (each side is traced from where the previous one ended), so
 * a binary search finds the first.
 */
function overlapping(origins: SideOrigin[], start: number, end: number): SideOrigin[] {
  let lo = 0;
  let hi = origins.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (origins[mid].max <= start) lo = mid + 1;
    else hi = mid;
  }
  const out: SideOrigin[] = [];
  for (let i = lo; i < origins.length && origins[i].min < end; i++) if (origins[i].max > start) out.push(origins[i]);
  return out;
}

interface MarkRange {
  from: number;
  to: number;
  mark: Mark;
}

/** The placed codings: theme ranges per segment side ("passage/segment/side"), and memos of uncoded text per segment ("passage/segment"). */
interface Placed {
  marks: Map<string, MarkRange[]>;
  segmentNotes: Map<string, string[]>;
  unplaced: number;
}

/** Finds where each coding goes on the segment sides its selection covers. */
function placeCodings(built: Built, sources: TextSource[], tags: Record<string, string>, notes: Map<string, string>): Placed {
  const bySource = new Map<string, SideOrigin[]>();
  for (const o of built.origins) if (o.max > o.min) (bySource.get(o.source) ?? bySource.set(o.source, []).get(o.source)!).push(o);
  for (const list of bySource.values()) list.sort((a, b) => a.min - b.min);
  const marks = new Map<string, MarkRange[]>();
  const segmentNotes = new Map<string, string[]>();
  let unplaced = 0;
  const noteText = (n: string) => (n.startsWith("text:") ? n.slice(5) : (notes.get(n) ?? ""));
  for (const src of sources)
    for (const sel of src.selections) {
      if (!(sel.end > sel.start)) {
        if (sel.codes.length) unplaced++;
        continue;
      }
      const sides = overlapping(bySource.get(src.guid) ?? [], sel.start, sel.end);
      const memo = sel.notes.map(noteText).filter((t) => t.trim()).join("\n\n");
      if (!sel.codes.length) {
        // A memo on a passage of text with no code: the note of the segment where it starts.
        if (memo && sides[0]) {
          const key = `${sides[0].passage}/${sides[0].segment}`;
          segmentNotes.set(key, [...(segmentNotes.get(key) ?? []), memo]);
        }
        continue;
      }
      let placed = false;
      sel.codes.forEach((code, k) => {
        const id = (typeof tags[sel.guid] === "string" && tags[sel.guid] ? tags[sel.guid] : sel.guid) + (k > 0 ? `-${k + 1}` : "");
        const mark = schema.marks.theme.create({ code, id, note: memo });
        for (const o of sides) {
          let from = -1;
          let to = -1;
          for (let i = 0; i < o.cps.length; i++) {
            const c = o.cps[i];
            if (c < sel.start || c >= sel.end) continue;
            if (from < 0) from = i;
            to = i + 1;
          }
          if (from < 0) continue;
          // A code point outside the BMP is two UTF-16 units; only the first has an origin.
          if ((o.text.charCodeAt(to - 1) & 0xfc00) === 0xd800) to++;
          const key = `${o.passage}/${o.segment}/${o.side}`;
          (marks.get(key) ?? marks.set(key, []).get(key)!).push({ from, to, mark });
          placed = true;
        }
      });
      if (!placed) unplaced++;
    }
  return { marks, segmentNotes, unplaced };
}

/** A side with its theme ranges as marks on its text. */
function markedSide(side: PMNode, ranges: MarkRange[]): PMNode {
  const text = side.textContent;
  const cuts = [...new Set([0, text.length, ...ranges.flatMap((r) => [r.from, r.to])])].sort((a, b) => a - b);
  const nodes: PMNode[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    if (cuts[i + 1] <= cuts[i]) continue;
    let set = Mark.none;
    for (const r of ranges) if (r.from <= cuts[i] && r.to >= cuts[i + 1]) set = r.mark.addToSet(set);
    nodes.push(schema.text(text.slice(cuts[i], cuts[i + 1]), set));
  }
  return side.copy(Fragment.from(nodes));
}

/** The document with the placed codings and notes, built in one pass (a step per tag would copy the document each time). */
function applyPlaced(doc: PMNode, placed: Placed): PMNode {
  const passages: PMNode[] = [];
  doc.forEach((p, _o, pi) => {
    const segments: PMNode[] = [];
    p.forEach((seg, _s, si) => {
      const ko = placed.marks.get(`${pi}/${si}/ko`);
      const en = placed.marks.get(`${pi}/${si}/en`);
      const extra = placed.segmentNotes.get(`${pi}/${si}`);
      if (!ko && !en && !extra) return void segments.push(seg);
      const attrs = extra ? { ...seg.attrs, note: [seg.attrs.note, ...extra].filter(Boolean).join("\n\n") } : seg.attrs;
      segments.push(seg.type.create(attrs, [ko ? markedSide(seg.child(0), ko) : seg.child(0), en ? markedSide(seg.child(1), en) : seg.child(1)]));
    });
    passages.push(p.copy(Fragment.from(segments)));
  });
  return doc.copy(Fragment.from(passages));
}

/**
 * The Dari tag id of each selection. A library's documents may use the same
 * tag ids (copies of one project, the sample's): a later document's tag gets a
 * suffix, so that two documents' tags never read as one tag.
 */
function alignedTags(alignments: readonly AlignmentValue[]): Record<string, string> {
  const out: Record<string, string> = {};
  const earlier = new Set<string>();
  alignments.forEach((a, k) => {
    const tags = a.tags && typeof a.tags === "object" ? a.tags : {};
    const mine = new Set<string>();
    for (const [guid, id] of Object.entries(tags)) {
      if (typeof id !== "string") continue;
      out[plainGuid(guid)] = earlier.has(id) ? `${id}-${k + 1}` : id;
      mine.add(id);
    }
    for (const id of mine) earlier.add(id);
  });
  return out;
}

/** Reads a .qdpx file. `file` names it in messages. */
export function importQdpx(file: string, bytes: Uint8Array): QdpxImport {
  const files = unzip(file, bytes);
  const qde = entry(files, "project.qde");
  if (!qde) throw new DariError("import:qdpx.noProject", { file });
  const root = parseXml(textOfBytes(`${file} › project.qde`, qde), `${file} › project.qde`);
  if (root.local !== "Project" || (root.attrs.xmlns !== undefined && root.attrs.xmlns !== QDPX_NAMESPACE))
    throw new DariError("import:qdpx.notProject", { file, found: root.local });
  const warnings: DariError[] = [];
  const where = `${file} › project.qde`;
  const { codebook, idOfGuid } = readCodes(child(child(root, "CodeBook") ?? root, "Codes"), where, "CodeBook › Codes");

  // Notes: their text inline or in a file of the zip.
  const notes = new Map<string, string>();
  const notesEl = child(root, "Notes");
  for (const n of notesEl ? elements(notesEl, "Note") : []) {
    const content = child(n, "PlainTextContent");
    const path = n.attrs.plainTextPath ?? "";
    const inZip = /^internal:\/\//i.test(path) ? entry(files, `sources/${path.replace(/^internal:\/\//i, "")}`) : undefined;
    notes.set(plainGuid(n.attrs.guid ?? ""), content ? textOf(content) : inZip ? textOfBytes(path, inZip) : "");
  }

  // Text sources, and what else the project holds.
  const missingCodes = new Set<string>();
  const sources: TextSource[] = [];
  const left: Record<string, number> = {};
  const leave = (what: string, n = 1) => (left[what] = (left[what] ?? 0) + n);
  const sourcesEl = child(root, "Sources");
  for (const s of sourcesEl ? elements(sourcesEl) : []) {
    if (s.local !== "TextSource") {
      leave(s.local);
      continue;
    }
    const name = s.attrs.name ?? s.attrs.guid ?? "";
    const content = child(s, "PlainTextContent");
    const path = s.attrs.plainTextPath ?? "";
    let text: string | null = content ? textOf(content) : null;
    if (text === null && /^internal:\/\//i.test(path)) {
      const b = entry(files, `sources/${path.replace(/^internal:\/\//i, "")}`);
      if (b) text = textOfBytes(`${file} › sources/${path.slice(11)}`, b);
    }
    if (text === null) {
      warnings.push(new DariError("import:qdpx.sourceOutside", { file, source: name, path }));
      continue;
    }
    if (elements(s, "Coding").length) leave("Coding", elements(s, "Coding").length);
    sources.push({ guid: plainGuid(s.attrs.guid ?? ""), name, text: text.replace(/^\uFEFF/, ""), selections: readSelections(s, (g) => idOfGuid.get(g), missingCodes) });
  }
  for (const part of ["Cases", "Links", "Graphs"]) {
    const el = child(root, part);
    if (el && elements(el).length) leave(part, elements(el).length);
  }

  const byGuid = new Map(sources.map((s) => [s.guid, s]));
  const alignments = readAlignments(root, byGuid);
  const alignment = alignments[0] as AlignmentValue | undefined;
  const variables = child(root, "Variables");
  const otherVariables = variables ? elements(variables, "Variable").filter((v) => plainGuid(v.attrs.guid ?? "") !== ALIGNMENT_VARIABLE.guid && v.attrs.name !== ALIGNMENT_VARIABLE.name) : [];
  if (otherVariables.length) leave("Variable", otherVariables.length);

  let built: Built = { passages: [], origins: [] };
  const seenIds = new Set<string>();
  if (alignment) for (const a of alignments) fromAlignment(a, byGuid, notes, built, seenIds);
  else built = fromSources(sources);
  const alignedNotes = new Set(
    alignments.flatMap((a) => a.passages.flatMap((p) => (Array.isArray(p?.segments) ? p.segments : []).map((s) => (typeof s?.note === "string" ? plainGuid(s.note) : "")))).filter(Boolean),
  );
  // Selections that only carry a segment's note (Dari wrote them so other tools show the note) are read from the alignment.
  if (alignment) for (const s of sources) s.selections = s.selections.filter((sel) => sel.codes.length || !sel.notes.every((n) => alignedNotes.has(n)));
  const placed = placeCodings(built, sources, alignedTags(alignments), notes);
  const doc = applyPlaced(buildDoc(built.passages), placed);

  // Project-level sets; their sources and notes have no place in Dari.
  const codeSets: CodeSet[] = [];
  const setsEl = child(root, "Sets");
  for (const s of setsEl ? elements(setsEl, "Set") : []) {
    const desc = child(s, "Description");
    const members = elements(s, "MemberCode")
      .map((m) => idOfGuid.get(plainGuid(m.attrs.targetGUID ?? m.attrs.guid ?? "")))
      .filter((id): id is string => id !== undefined);
    const others = elements(s, "MemberSource").length + elements(s, "MemberNote").length;
    if (others) leave("SetMember", others);
    // A set of documents only (a library export's sets per document and month) is no group of codes.
    if (others && !elements(s, "MemberCode").length) continue;
    // A set without a valid guid gets one, so the project goes out again valid.
    const guid = (s.attrs.guid ?? "").trim();
    const name = (s.attrs.name ?? "").trim();
    codeSets.push({ guid: isGuid(guid) ? guid : guidForId(`set:${name}:${codeSets.length}`), name, description: desc ? textOf(desc).trim() : "", codes: [...new Set(members)] });
  }

  if (!sources.length) warnings.push(new DariError("import:qdpx.noText", { file }));
  for (const [what, n] of Object.entries(left)) warnings.push(new DariError(`import:qdpx.left.${what}`, { file, count: n }));
  if (missingCodes.size) warnings.push(new DariError("import:qdpx.unknownCodes", { file, count: missingCodes.size }));
  if (placed.unplaced) warnings.push(new DariError("import:qdpx.unplaced", { file, count: placed.unplaced }));

  // A library's documents come back as one project named as the library; its metadata is no one document's.
  const meta = alignments.length === 1 ? alignment?.meta : undefined;
  const title = (meta?.title || root.attrs.name || file.replace(/\.qdpx$/i, "")).trim();
  const project = newProject(title, doc, meta?.source || file);
  project.meta = {
    ...project.meta,
    author: meta?.author ?? "",
    date: meta?.date ?? "",
    ...(meta?.created || root.attrs.creationDateTime ? { created: meta?.created || root.attrs.creationDateTime! } : {}),
  };
  project.codebook = codebook;
  if (codeSets.length) project.codeSets = codeSets;
  return { project, warnings };
}
