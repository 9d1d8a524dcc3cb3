// The coded bitext as a REFI-QDA project (.qdpx), the exchange format of
// MAXQDA, ATLAS.ti, NVivo and QualCoder: a zip with `project.qde` (valid
// against Project-mrt2019.xsd) and the texts in `sources/`.
//
// - The Korean and the English are two TextSources, each a UTF-8 file
//   `sources/<guid>.txt` (plainTextPath="internal://<guid>.txt"): passages
//   separated by a blank line, the segments of a passage by a space.
// - The codebook is the project's (codes as in a .qdc, app/themes/qdc.ts), its
//   code sets are the project's <Sets>.
// - Each tag is a PlainTextSelection of its side's source with one Coding; a
//   tag that runs over several segments is one selection when its ranges
//   follow each other in the text. startPosition/endPosition count Unicode
//   code points, as REFI-QDA counts characters, not UTF-16 units.
// - A tag's memo and a segment's note are Notes: the tag's selection refers to
//   its memo (NoteRef); a segment's note hangs on a selection of the segment's
//   Korean (or, when that is empty, English) text with no coding.
// - The alignment is a documented variable rather than linked selections: a
//   Text variable "Dari alignment" whose value, on the Korean source, lists each
//   passage and segment with its code-point range in each source, its status,
//   confirmation, confidence and the guid of its note, and which selections
//   are one tag (their Dari id). Linked selections would have put a quotation
//   and a link per sentence into the other tool's project (tens of thousands
//   for a long commentary) to carry what one variable carries; the variable's
//   Description says what the value is, and the other tool keeps it as one
//   document variable. app/import/qdpx.ts reads it back; a project without it
//   (from another tool) is aligned afresh.
import { strToU8, zipSync } from "fflate";
import type { Project } from "../document/project";
import type { Code } from "../themes/codebook";
import { codeElements, escapeAttr, guidForId } from "../themes/qdc";
import { escapeText } from "./escape";
import { collect, type Annotation, type SegmentView } from "./collect";
import { SIDES, type Side } from "../schema";

export const QDPX_NAMESPACE = "urn:QDA-XML:project:1.0";
/** The variable that carries the alignment; its guid is fixed so a reader can find it by guid or by name. */
export const ALIGNMENT_VARIABLE = { name: "Dari alignment", guid: guidForId("dari:alignment-variable") };
export const ALIGNMENT_FORMAT = "dari-alignment";

const ALIGNMENT_DESCRIPTION =
  "Written by Dari (Korean–English bitext editor). JSON: {format, version, ko, en (the guids of the Korean and English sources), meta, " +
  "passages: [{id, segments: [{id, ko: [start, end] | null, en: [start, end] | null, status, confirmed, confidence, note (guid of its Note)}]}], " +
  "tags: {selection guid: Dari tag id}}. Positions count Unicode code points in the source's plain text, as startPosition and endPosition do.";

/** One segment as the alignment variable lists it. */
export interface AlignedSegment {
  id: string;
  ko: [number, number] | null;
  en: [number, number] | null;
  status: string;
  confirmed: boolean;
  confidence: number | null;
  note?: string;
}

export interface AlignmentValue {
  format: typeof ALIGNMENT_FORMAT;
  version: 1;
  ko: string;
  en: string;
  meta: { title: string; source: string; author: string; date: string; created: string };
  passages: { id: string; segments: AlignedSegment[] }[];
  tags: Record<string, string>;
}

/** Length in Unicode code points (a surrogate pair is one). */
export function cpLength(s: string): number {
  let n = s.length;
  for (let i = 0; i + 1 < s.length; i++) {
    if ((s.charCodeAt(i) & 0xfc00) === 0xd800 && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n--;
      i++;
    }
  }
  return n;
}

interface SourceText {
  text: string;
  /** Code-point start of each segment's text in the source, for segments whose side is not empty. */
  start: Map<SegmentView, number>;
  /** Place of each of those segments in the source (0, 1, 2…). */
  order: Map<SegmentView, number>;
}

/** A side's plain text: passages split by a blank line, segments by a space; where each segment starts. */
function sourceText(segmentsByPassage: SegmentView[][], side: Side): SourceText {
  const parts: string[] = [];
  const start = new Map<SegmentView, number>();
  const order = new Map<SegmentView, number>();
  let cp = 0;
  const put = (s: string) => {
    parts.push(s);
    cp += cpLength(s);
  };
  segmentsByPassage.forEach((segments, i) => {
    if (i > 0) put("\n\n");
    let first = true;
    for (const seg of segments) {
      const t = seg.text[side];
      if (!t) continue;
      if (!first) put(" ");
      first = false;
      start.set(seg, cp);
      order.set(seg, order.size);
      put(t);
    }
  });
  return { text: parts.join(""), start, order };
}

interface Selection {
  guid: string;
  start: number;
  end: number;
  code?: string;
  notes: string[];
}

/**
 * A tag's ranges on one side as code-point spans of the source. A range that
 * ends its segment and one that starts the next segment of the source are one
 * span: only the space (or blank line) between segments parts them.
 */
function tagSpans(a: Annotation, side: Side, src: SourceText): [number, number][] {
  const spans: [number, number][] = [];
  let last: { span: [number, number]; order: number; atEnd: boolean } | null = null;
  for (const r of a.ranges) {
    if (r.side !== side) continue;
    const text = r.segment.text[side];
    const s = src.start.get(r.segment)! + cpLength(text.slice(0, r.from));
    const e = s + cpLength(text.slice(r.from, r.to));
    const order = src.order.get(r.segment)!;
    if (last && last.atEnd && r.from === 0 && last.order + 1 === order) last.span[1] = e;
    else spans.push((last = { span: [s, e], order, atEnd: false }).span);
    last.order = order;
    last.atEnd = r.to === text.length;
  }
  return spans;
}

function isoDateTime(s: string): string | null {
  const d = new Date(s);
  return s && !Number.isNaN(d.getTime()) ? d.toISOString() : null;
}

/** A <Set>: codes (by Dari id) and sources (by guid) grouped under a name. */
export interface QdpxSet {
  guid: string;
  name: string;
  description?: string;
  codes: string[];
  sources?: string[];
}

function setsXml(sets: readonly QdpxSet[] | undefined, codes: Set<string>): string {
  if (!sets?.length) return "";
  const set = (s: QdpxSet) =>
    `    <Set guid="${escapeAttr(s.guid)}" name="${escapeAttr(s.name)}">\n` +
    (s.description ? `      <Description>${escapeText(s.description)}</Description>\n` : "") +
    s.codes
      .filter((id) => codes.has(id))
      .map((id) => `      <MemberCode targetGUID="${guidForId(id)}"/>\n`)
      .join("") +
    (s.sources ?? []).map((g) => `      <MemberSource targetGUID="${g}"/>\n`).join("") +
    "    </Set>\n";
  return `  <Sets>\n${sets.map(set).join("")}  </Sets>\n`;
}

export interface QdpxFiles {
  /** project.qde */
  project: string;
  /** Path in the zip → text. */
  sources: Record<string, string>;
}

export interface QdpxNote {
  guid: string;
  text: string;
}

/** One project's share of a project.qde: its two TextSources, its notes, its source files. */
export interface QdpxDocument {
  sourceGuid: Record<Side, string>;
  /** The two <TextSource> elements, Korean first. */
  xml: string;
  notes: QdpxNote[];
  /** Path in the zip → text. */
  files: Record<string, string>;
  /** Codes (by the id written) that the tags use and the codebook lacks, for a CodeRef to point at. */
  missingCodes: Code[];
  /** Selections with a coding, per side. */
  codings: Record<Side, number>;
}

export interface QdpxDocumentOptions {
  /** Guids of this document's sources, selections and notes, from parts that are unique within it. */
  guid: (...parts: string[]) => string;
  /** The sources' names start with it. */
  name: string;
  /** The code id a tag's code is written as (a library merges codes across projects). */
  codeId?: (id: string) => string;
  /** Guid of the User who writes the export, as the sources' creatingUser. */
  user?: string;
}

/** A project as two TextSources with a PlainTextSelection per tag and its memos as Notes (see the header). */
export function qdpxDocument(project: Project, options: QdpxDocumentOptions): QdpxDocument {
  const { guid, name } = options;
  const codeId = options.codeId ?? ((id: string) => id);
  const data = collect(project);
  const byPassage = data.passages.map((p) => p.segments);
  const src: Record<Side, SourceText> = { ko: sourceText(byPassage, "ko"), en: sourceText(byPassage, "en") };
  const sourceGuid: Record<Side, string> = { ko: guid("source", "ko"), en: guid("source", "en") };
  const selections: Record<Side, Selection[]> = { ko: [], en: [] };
  const notes: QdpxNote[] = [];
  const tags: Record<string, string> = {};

  for (const a of data.annotations)
    for (const side of SIDES)
      tagSpans(a, side, src[side]).forEach(([start, end], k) => {
        const sel: Selection = { guid: guid("tag", a.id, a.code, side, String(k)), start, end, code: codeId(a.code), notes: [] };
        if (a.note) {
          const note = { guid: guid("tag-note", a.id, a.code, side, String(k)), text: a.note };
          notes.push(note);
          sel.notes.push(note.guid);
        }
        tags[sel.guid] = a.id;
        selections[side].push(sel);
      });

  const range = (seg: SegmentView, side: Side): [number, number] | null => {
    const s = src[side].start.get(seg);
    return s === undefined ? null : [s, s + cpLength(seg.text[side])];
  };
  const passages = data.passages.map((p) => ({
    id: p.id,
    segments: p.segments.map((seg): AlignedSegment => {
      const out: AlignedSegment = { id: seg.id, ko: range(seg, "ko"), en: range(seg, "en"), status: seg.status, confirmed: seg.confirmed, confidence: seg.confidence };
      if (seg.note) {
        const note = { guid: guid("segment-note", seg.id), text: seg.note };
        notes.push(note);
        out.note = note.guid;
        const side: Side = out.ko ? "ko" : "en";
        const [start, end] = out[side] ?? [0, 0];
        selections[side].push({ guid: guid("segment-note-selection", seg.id), start, end, notes: [note.guid] });
      }
      return out;
    }),
  }));
  const { title, source, author, date, created } = project.meta;
  const alignment: AlignmentValue = { format: ALIGNMENT_FORMAT, version: 1, ko: sourceGuid.ko, en: sourceGuid.en, meta: { title, source, author, date, created }, passages, tags };

  const known = new Set(project.codebook.map((c) => c.id));
  const missingCodes = data.usedCodes.filter((c) => !known.has(c.id)).map((c) => ({ ...c, id: codeId(c.id) }));
  const selectionXml = (s: Selection) =>
    `      <PlainTextSelection guid="${s.guid}" startPosition="${s.start}" endPosition="${s.end}">\n` +
    (s.code ? `        <Coding guid="${guidForId(`${s.guid}:coding`)}"><CodeRef targetGUID="${guidForId(s.code)}"/></Coding>\n` : "") +
    s.notes.map((n) => `        <NoteRef targetGUID="${n}"/>\n`).join("") +
    "      </PlainTextSelection>\n";
  const user = options.user ? ` creatingUser="${options.user}"` : "";
  const textSource = (side: Side) =>
    `    <TextSource guid="${sourceGuid[side]}" name="${escapeAttr(`${name} (${side === "ko" ? "한국어" : "English"})`)}" plainTextPath="internal://${sourceGuid[side]}.txt"${user}>\n` +
    [...selections[side]]
      .sort((a, b) => a.start - b.start || a.end - b.end)
      .map(selectionXml)
      .join("") +
    (side === "ko"
      ? `      <VariableValue><VariableRef targetGUID="${ALIGNMENT_VARIABLE.guid}"/><TextValue>${escapeText(JSON.stringify(alignment))}</TextValue></VariableValue>\n`
      : "") +
    "    </TextSource>\n";
  const codings = { ko: selections.ko.filter((s) => s.code).length, en: selections.en.filter((s) => s.code).length };
  return {
    sourceGuid,
    xml: textSource("ko") + textSource("en"),
    notes,
    files: { [`sources/${sourceGuid.ko}.txt`]: src.ko.text, [`sources/${sourceGuid.en}.txt`]: src.en.text },
    missingCodes,
    codings,
  };
}

export interface QdeInput {
  name: string;
  created?: string;
  modified?: string;
  codebook: Code[];
  documents: QdpxDocument[];
  sets?: readonly QdpxSet[];
  /** The User who writes the export. */
  user?: { guid: string; name: string };
}

/** The project.qde around the documents' sources: users, codebook, the alignment variable, notes and sets, in the schema's order. */
export function projectQde(input: QdeInput): string {
  const codeIds = new Set(input.codebook.map((c) => c.id));
  const notes = input.documents.flatMap((d) => d.notes);
  const created = isoDateTime(input.created ?? "");
  const modified = isoDateTime(input.modified ?? "");
  const user = input.user;
  return (
    '<?xml version="1.0" encoding="utf-8"?>\n' +
    `<Project xmlns="${QDPX_NAMESPACE}" name="${escapeAttr(input.name)}" origin="Dari"${user ? ` creatingUserGUID="${user.guid}"` : ""}${created ? ` creationDateTime="${created}"` : ""}${modified ? ` modifiedDateTime="${modified}"` : ""}>\n` +
    (user ? `  <Users>\n    <User guid="${user.guid}" name="${escapeAttr(user.name)}"/>\n  </Users>\n` : "") +
    (input.codebook.length ? `  <CodeBook>\n    <Codes>\n${codeElements(input.codebook, "      ")}    </Codes>\n  </CodeBook>\n` : "") +
    `  <Variables>\n    <Variable guid="${ALIGNMENT_VARIABLE.guid}" name="${ALIGNMENT_VARIABLE.name}" typeOfVariable="Text">\n      <Description>${escapeText(ALIGNMENT_DESCRIPTION)}</Description>\n    </Variable>\n  </Variables>\n` +
    `  <Sources>\n${input.documents.map((d) => d.xml).join("")}  </Sources>\n` +
    (notes.length
      ? `  <Notes>\n${notes.map((n) => `    <Note guid="${n.guid}">\n      <PlainTextContent>${escapeText(n.text)}</PlainTextContent>\n    </Note>\n`).join("")}  </Notes>\n`
      : "") +
    setsXml(input.sets, codeIds) +
    "</Project>\n"
  );
}

/** The project.qde and source texts of a project (exportQdpx zips them). */
export function qdpxFiles(project: Project): QdpxFiles {
  const data = collect(project);
  const seed = `${project.meta.created}\u0000${data.segments[0]?.id ?? ""}`;
  const guid = (...parts: string[]) => guidForId(`dari-qdpx\u0000${seed}\u0000${parts.join("\u0000")}`);
  const name = project.meta.title || "Dari";
  const doc = qdpxDocument(project, { guid, name });
  // Codes a tag uses but the codebook lacks still need a Code for the CodeRef to point at.
  const codebook: Code[] = [...project.codebook, ...doc.missingCodes];
  const xml = projectQde({ name, created: project.meta.created, modified: project.meta.modified, codebook, documents: [doc], sets: project.codeSets });
  return { project: xml, sources: doc.files };
}

/** project.qde and its sources as a .qdpx zip, dated `modified` so the same input gives the same bytes. */
export function zipQdpx(files: QdpxFiles, modified: string): Uint8Array {
  const date = new Date(modified);
  const mtime = Number.isNaN(date.getTime()) || date.getUTCFullYear() < 1980 ? new Date() : date;
  const entries: Record<string, [Uint8Array, { mtime: Date }]> = { "project.qde": [strToU8(files.project), { mtime }] };
  for (const [path, text] of Object.entries(files.sources)) entries[path] = [strToU8(text), { mtime }];
  return zipSync(entries, { level: 6 });
}

/** The .qdpx file: project.qde and sources/ in a zip. */
export async function exportQdpx(project: Project): Promise<Uint8Array> {
  // The zip's dates are the project's, so the same project exports to the same bytes.
  return zipQdpx(qdpxFiles(project), project.meta.modified);
}
