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
import type { Code, CodeSet } from "../themes/codebook";
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

function setsXml(sets: readonly CodeSet[] | undefined, codes: Set<string>): string {
  if (!sets?.length) return "";
  const set = (s: CodeSet) =>
    `    <Set guid="${escapeAttr(s.guid)}" name="${escapeAttr(s.name)}">\n` +
    (s.description ? `      <Description>${escapeText(s.description)}</Description>\n` : "") +
    s.codes
      .filter((id) => codes.has(id))
      .map((id) => `      <MemberCode targetGUID="${guidForId(id)}"/>\n`)
      .join("") +
    "    </Set>\n";
  return `  <Sets>\n${sets.map(set).join("")}  </Sets>\n`;
}

export interface QdpxFiles {
  /** project.qde */
  project: string;
  /** Path in the zip → text. */
  sources: Record<string, string>;
}

/** The project.qde and source texts of a project (exportQdpx zips them). */
export function qdpxFiles(project: Project): QdpxFiles {
  const data = collect(project);
  const byPassage = data.passages.map((p) => p.segments);
  const seed = `${project.meta.created}\u0000${data.segments[0]?.id ?? ""}`;
  const guid = (...parts: string[]) => guidForId(`dari-qdpx\u0000${seed}\u0000${parts.join("\u0000")}`);
  const src: Record<Side, SourceText> = { ko: sourceText(byPassage, "ko"), en: sourceText(byPassage, "en") };
  const sourceGuid: Record<Side, string> = { ko: guid("source", "ko"), en: guid("source", "en") };
  const selections: Record<Side, Selection[]> = { ko: [], en: [] };
  const notes: { guid: string; text: string }[] = [];
  const tags: Record<string, string> = {};

  for (const a of data.annotations)
    for (const side of SIDES)
      tagSpans(a, side, src[side]).forEach(([start, end], k) => {
        const sel: Selection = { guid: guid("tag", a.id, a.code, side, String(k)), start, end, code: a.code, notes: [] };
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

  // Codes a tag uses but the codebook lacks still need a Code for the CodeRef to point at.
  const codebook: Code[] = [...project.codebook, ...data.usedCodes.filter((c) => !project.codebook.some((k) => k.id === c.id))];
  const codeIds = new Set(codebook.map((c) => c.id));
  const name = title || "Dari";
  const selectionXml = (s: Selection) =>
    `      <PlainTextSelection guid="${s.guid}" startPosition="${s.start}" endPosition="${s.end}">\n` +
    (s.code ? `        <Coding guid="${guidForId(`${s.guid}:coding`)}"><CodeRef targetGUID="${guidForId(s.code)}"/></Coding>\n` : "") +
    s.notes.map((n) => `        <NoteRef targetGUID="${n}"/>\n`).join("") +
    "      </PlainTextSelection>\n";
  const textSource = (side: Side) =>
    `    <TextSource guid="${sourceGuid[side]}" name="${escapeAttr(`${name} (${side === "ko" ? "한국어" : "English"})`)}" plainTextPath="internal://${sourceGuid[side]}.txt">\n` +
    [...selections[side]]
      .sort((a, b) => a.start - b.start || a.end - b.end)
      .map(selectionXml)
      .join("") +
    (side === "ko"
      ? `      <VariableValue><VariableRef targetGUID="${ALIGNMENT_VARIABLE.guid}"/><TextValue>${escapeText(JSON.stringify(alignment))}</TextValue></VariableValue>\n`
      : "") +
    "    </TextSource>\n";
  const created_ = isoDateTime(project.meta.created);
  const modified = isoDateTime(project.meta.modified);
  const xml =
    '<?xml version="1.0" encoding="utf-8"?>\n' +
    `<Project xmlns="${QDPX_NAMESPACE}" name="${escapeAttr(name)}" origin="Dari"${created_ ? ` creationDateTime="${created_}"` : ""}${modified ? ` modifiedDateTime="${modified}"` : ""}>\n` +
    (codebook.length ? `  <CodeBook>\n    <Codes>\n${codeElements(codebook, "      ")}    </Codes>\n  </CodeBook>\n` : "") +
    `  <Variables>\n    <Variable guid="${ALIGNMENT_VARIABLE.guid}" name="${ALIGNMENT_VARIABLE.name}" typeOfVariable="Text">\n      <Description>${escapeText(ALIGNMENT_DESCRIPTION)}</Description>\n    </Variable>\n  </Variables>\n` +
    `  <Sources>\n${textSource("ko")}${textSource("en")}  </Sources>\n` +
    (notes.length
      ? `  <Notes>\n${notes.map((n) => `    <Note guid="${n.guid}">\n      <PlainTextContent>${escapeText(n.text)}</PlainTextContent>\n    </Note>\n`).join("")}  </Notes>\n`
      : "") +
    setsXml(project.codeSets, codeIds) +
    "</Project>\n";
  return { project: xml, sources: { [`sources/${sourceGuid.ko}.txt`]: src.ko.text, [`sources/${sourceGuid.en}.txt`]: src.en.text } };
}

/** The .qdpx file: project.qde and sources/ in a zip. */
export async function exportQdpx(project: Project): Promise<Uint8Array> {
  const files = qdpxFiles(project);
  const modified = new Date(project.meta.modified);
  // The zip's dates are the project's, so the same project exports to the same bytes.
  const mtime = Number.isNaN(modified.getTime()) || modified.getUTCFullYear() < 1980 ? new Date() : modified;
  const entries: Record<string, [Uint8Array, { mtime: Date }]> = { "project.qde": [strToU8(files.project), { mtime }] };
  for (const [path, text] of Object.entries(files.sources)) entries[path] = [strToU8(text), { mtime }];
  return zipSync(entries, { level: 6 });
}
