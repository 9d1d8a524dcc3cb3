// Alignment at the level of a project: a new bitext from paragraphs (one
// passage per Korean paragraph, one segment per bead), and re-alignment of the
// unconfirmed segments of existing passages, which keeps confirmed segments
// exactly as they are and carries theme marks, notes and ids along.
import { Fragment, type Node as PMNode } from "prosemirror-model";
import type { PassageInput, SegmentInput } from "../document/build";
import type { Project } from "../document/project";
import { newId } from "../ids";
import { schema, segmentAttrs, sideText, type SegmentAttrs, type Side } from "../schema";
import { sentenceSpans, splitSentences, type SentenceSpan } from "../text/sentences";
import { alignDocument, alignDocumentAsync, alignRuns, type AlignOptions, type Bead, type Run, type RunContext } from "./align";

/** Below this confidence an unconfirmed segment is flagged for the analyst. */
export const LOW_CONFIDENCE = 0.6;

/** Confidence as stored in the document: three decimals are plenty. */
function roundConfidence(c: number): number {
  return Math.round(c * 1000) / 1000;
}

/**
 * Splits, aligns and groups: one passage per (non-empty) Korean paragraph,
 * one segment per bead, the sentences of a side joined by a space. Without an
 * English text, each Korean sentence is a segment of its own.
 */
export function alignProject(koParagraphs: readonly string[], enParagraphs: readonly string[] | null, opts: AlignOptions = {}): PassageInput[] {
  const split = splitBoth(koParagraphs, enParagraphs);
  return passages(split, needsAlignment(split) ? alignDocument(split, opts) : []);
}

/** The same, in slices on a UI thread, with progress (0..1) for a long import. */
export async function alignProjectAsync(
  koParagraphs: readonly string[],
  enParagraphs: readonly string[] | null,
  opts: AlignOptions = {},
  onProgress?: (fraction: number) => void,
): Promise<PassageInput[]> {
  const split = splitBoth(koParagraphs, enParagraphs);
  return passages(split, needsAlignment(split) ? await alignDocumentAsync(split, opts, onProgress) : []);
}

function splitBoth(koParagraphs: readonly string[], enParagraphs: readonly string[] | null): { ko: string[][]; en: string[][] } {
  return {
    ko: koParagraphs.map((p) => splitSentences(p, "ko").sentences).filter((s) => s.length > 0),
    en: (enParagraphs ?? []).map((p) => splitSentences(p, "en").sentences).filter((s) => s.length > 0),
  };
}

const needsAlignment = (d: { ko: string[][]; en: string[][] }) => d.ko.length > 0 && d.en.length > 0;

function passages({ ko, en }: { ko: string[][]; en: string[][] }, beads: Bead[]): PassageInput[] {
  if (en.length === 0) {
    return ko.map((sentences) => ({ segments: sentences.map((s) => ({ ko: s, en: "" })) }));
  }
  if (ko.length === 0) return [{ segments: [{ ko: "", en: en.map((p) => p.join(" ")).join(" ") }] }];
  const koFlat = ko.flat();
  const enFlat = en.flat();
  const koPara = ko.flatMap((p, i) => p.map(() => i));
  const enPara = en.flatMap((p, i) => p.map(() => i));
  const out: SegmentInput[][] = ko.map(() => []);
  let previous: Bead | null = null;
  for (const b of beads) {
    const segment: SegmentInput = {
      ko: koFlat.slice(b.koStart, b.koEnd).join(" "),
      en: enFlat.slice(b.enStart, b.enEnd).join(" "),
      confidence: roundConfidence(b.confidence),
    };
    out[passageOf(b, previous, koPara, enPara)].push(segment);
    previous = b;
  }
  return out.map((segments) => ({ segments }));
}

/**
 * The passage of a bead: that of its Korean sentences; an English sentence
 * with no Korean counterpart between two paragraphs goes with the paragraph
 * its English paragraph belongs to.
 */
function passageOf(b: Bead, previous: Bead | null, koPara: number[], enPara: number[]): number {
  if (b.koEnd > b.koStart) return koPara[b.koStart];
  const before = b.koStart > 0 ? koPara[b.koStart - 1] : 0;
  const after = b.koStart < koPara.length ? koPara[b.koStart] : before;
  if (before === after || !previous || previous.enEnd === previous.enStart) return before;
  return enPara[previous.enEnd - 1] === enPara[b.enStart] ? before : after;
}

// ---------------------------------------------------------------------------
// Re-alignment of existing passages.

/** Whether a segment holds an inline code of an imported file. */
function hasCodes(seg: PMNode): boolean {
  let found = false;
  seg.descendants((n) => {
    if (n.type.name === "code") found = true;
    return !found;
  });
  return found;
}

/** A stretch of consecutive unconfirmed segments of one passage. */
interface RunSource {
  passage: number;
  /** Index of the first segment of the run in its passage. */
  first: number;
  segments: PMNode[];
  side: Record<Side, RunSide>;
}

interface RunSide {
  content: Fragment;
  text: string;
  /** Sentences, as offsets into text (never across an old segment boundary). */
  spans: SentenceSpan[];
  /** Start offset of each old segment's text. */
  starts: number[];
}

function runSide(segments: PMNode[], side: Side): RunSide {
  const nodes: PMNode[] = [];
  let text = "";
  const spans: SentenceSpan[] = [];
  const starts: number[] = [];
  for (const seg of segments) {
    const content = seg.child(side === "ko" ? 0 : 1).content;
    const piece = content.size ? content.textBetween(0, content.size) : "";
    if (piece && text && !/\s$/.test(text) && !/^\s/.test(piece)) {
      nodes.push(schema.text(" "));
      text += " ";
    }
    starts.push(text.length);
    for (const s of sentenceSpans(piece, side)) spans.push({ start: s.start + text.length, end: s.end + text.length });
    content.forEach((n) => nodes.push(n));
    text += piece;
  }
  return { content: Fragment.from(nodes), text, spans, starts };
}

function collectRuns(doc: PMNode, passages: (index: number) => boolean): RunSource[] {
  const runs: RunSource[] = [];
  doc.forEach((passage, _o, p) => {
    if (!passages(p)) return;
    let current: PMNode[] = [];
    let first = 0;
    const flush = () => {
      if (current.length) {
        runs.push({ passage: p, first, segments: current, side: { ko: runSide(current, "ko"), en: runSide(current, "en") } });
      }
      current = [];
    };
    passage.forEach((seg, _so, s) => {
      // A segment with inline codes (from a TMX or XLIFF) stays as it is: re-alignment works on text and would lose them.
      if (segmentAttrs(seg).confirmed || hasCodes(seg)) flush();
      else {
        if (!current.length) first = s;
        current.push(seg);
      }
    });
    flush();
  });
  return runs;
}

/** Index of the old segment a text offset falls in. */
function ownerAt(starts: number[], offset: number): number {
  let k = 0;
  while (k + 1 < starts.length && starts[k + 1] <= offset) k++;
  return k;
}

function statusFor(old: SegmentAttrs["status"], en: string): SegmentAttrs["status"] {
  if (old === "new" && en.trim()) return "draft";
  if (old === "draft" && !en.trim()) return "new";
  return old;
}

/** New segments for a run from its beads, or null when nothing changes. */
function rebuildRun(run: RunSource, beads: Bead[]): PMNode[] | null {
  const { ko, en } = run.side;
  const pieces = beads.map((b) => {
    const koFrom = b.koEnd > b.koStart ? ko.spans[b.koStart].start : -1;
    const koTo = b.koEnd > b.koStart ? ko.spans[b.koEnd - 1].end : -1;
    const enFrom = b.enEnd > b.enStart ? en.spans[b.enStart].start : -1;
    const enTo = b.enEnd > b.enStart ? en.spans[b.enEnd - 1].end : -1;
    const owner = koFrom >= 0 ? ownerAt(ko.starts, koFrom) : ownerAt(en.starts, enFrom);
    return { b, koFrom, koTo, enFrom, enTo, owner };
  });
  // Unchanged when each bead is exactly one old segment's content.
  if (
    pieces.length === run.segments.length &&
    pieces.every((p, k) => {
      const seg = run.segments[k];
      return (
        (p.koFrom < 0 ? "" : ko.text.slice(p.koFrom, p.koTo)) === seg.child(0).textContent &&
        (p.enFrom < 0 ? "" : en.text.slice(p.enFrom, p.enTo)) === seg.child(1).textContent
      );
    })
  ) {
    return null;
  }
  // Ids: a new segment keeps the id of the old segment its text begins in, once.
  const taken = new Set<number>();
  const notes: string[][] = pieces.map(() => []);
  const ids = pieces.map((p) => {
    if (taken.has(p.owner)) return newId("s");
    taken.add(p.owner);
    return segmentAttrs(run.segments[p.owner]).id;
  });
  // Notes: every old note goes to the new segment its text begins in.
  run.segments.forEach((seg, k) => {
    const note = segmentAttrs(seg).note;
    if (!note) return;
    let target = pieces.findIndex((p) => p.owner === k);
    if (target < 0) target = Math.max(0, pieces.findIndex((p) => p.owner > k) - 1);
    if (target < 0) target = pieces.length - 1;
    notes[target].push(note);
  });
  return pieces.map((p, k) => {
    const koContent = p.koFrom < 0 ? Fragment.empty : ko.content.cut(p.koFrom, p.koTo);
    const enContent = p.enFrom < 0 ? Fragment.empty : en.content.cut(p.enFrom, p.enTo);
    const old = segmentAttrs(run.segments[p.owner]);
    const attrs: SegmentAttrs = {
      id: ids[k],
      status: statusFor(old.status, enContent.size ? "x" : ""),
      confirmed: false,
      note: notes[k].join("\n"),
      confidence: roundConfidence(p.b.confidence),
    };
    return schema.nodes.segment.create(attrs, [schema.nodes.ko.create(null, koContent), schema.nodes.en.create(null, enContent)]);
  });
}

/** Enough of a document to weigh anchors and calibrate lengths; more only costs time. */
const CONTEXT_SEGMENTS = 2000;

/** The segments of the passages around the chosen ones, nearest first, up to CONTEXT_SEGMENTS. */
function contextPairs(doc: PMNode, chosen: (index: number) => boolean): [string, string][] {
  const picked: number[] = [];
  for (let p = 0; p < doc.childCount; p++) if (chosen(p)) picked.push(p);
  const distance = (p: number) => Math.min(...picked.map((q) => Math.abs(p - q)));
  const others = Array.from({ length: doc.childCount }, (_, p) => p)
    .filter((p) => !chosen(p))
    .sort((a, b) => distance(a) - distance(b));
  const pairs: [string, string][] = [];
  for (const p of others) {
    if (pairs.length >= CONTEXT_SEGMENTS) break;
    doc.child(p).forEach((seg) => pairs.push([sideText(seg, "ko"), sideText(seg, "en")]));
  }
  return pairs;
}

export interface RealignOptions extends AlignOptions {
  /** Which passages (by index) to re-align; all by default. */
  passages?: (index: number) => boolean;
}

/** One replaced passage: its index and its new segments. */
export interface PassageChange {
  passage: number;
  node: PMNode;
}

/**
 * Re-aligns the unconfirmed segments of the chosen passages; confirmed
 * segments stay exactly as they are and bound the stretches around them.
 * Returns the passages that change.
 */
export function realignPassages(doc: PMNode, opts: RealignOptions = {}): PassageChange[] {
  const runs = collectRuns(doc, opts.passages ?? (() => true)).filter((r) => r.side.ko.spans.length + r.side.en.spans.length > 0);
  if (!runs.length) return [];
  const input: Run[] = runs.map((r) => ({
    ko: r.side.ko.spans.map((s) => r.side.ko.text.slice(s.start, s.end)),
    en: r.side.en.spans.map((s) => r.side.en.text.slice(s.start, s.end)),
  }));
  // Re-aligning some passages of a project: the others are the context that
  // weighs anchors and calibrates the length model.
  let context: RunContext | undefined;
  if (opts.passages) context = { pairs: contextPairs(doc, opts.passages) };
  const beads = alignRuns(input, opts, context);
  const byPassage = new Map<number, { run: RunSource; segments: PMNode[] }[]>();
  runs.forEach((run, r) => {
    const segments = rebuildRun(run, beads[r]);
    if (!segments) return;
    const list = byPassage.get(run.passage) ?? [];
    list.push({ run, segments });
    byPassage.set(run.passage, list);
  });
  const changes: PassageChange[] = [];
  for (const [p, list] of byPassage) {
    const passage = doc.child(p);
    const out: PMNode[] = [];
    let s = 0;
    for (const { run, segments } of list) {
      while (s < run.first) out.push(passage.child(s++));
      out.push(...segments);
      s += run.segments.length;
    }
    while (s < passage.childCount) out.push(passage.child(s++));
    changes.push({ passage: p, node: passage.copy(Fragment.from(out)) });
  }
  return changes.sort((a, b) => a.passage - b.passage);
}

/** The project with the unconfirmed segments of every passage re-aligned. */
export function realignProject(project: Project, opts: AlignOptions = {}): Project {
  const changes = realignPassages(project.doc, { glossary: project.glossary, ...opts });
  if (!changes.length) return project;
  const passages: PMNode[] = [];
  project.doc.forEach((p) => passages.push(p));
  for (const c of changes) passages[c.passage] = c.node;
  return { ...project, doc: project.doc.copy(Fragment.from(passages)) };
}
