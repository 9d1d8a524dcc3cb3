// The document as the exporters read it: passages of segments, each side as
// runs of text with their themes, and the theme annotations gathered by id
// (one annotation may span several ranges and segments). Built once per export
// so every format agrees on numbering, ranges and quotes.
import type { Node as PMNode } from "prosemirror-model";
import type { Project } from "../document/project";
import type { Code } from "../themes/codebook";
import { sideRanges, type ThemeSpan } from "../themes/annotations";
import { SIDES, type SegmentStatus, type Side, type ThemeAttrs } from "../schema";
import type { InlineCode, Piece } from "../import/inline";

export interface Run {
  text: string;
  /** Themes on this run, outermost first (in mark order). */
  themes: ThemeAttrs[];
}

export interface SegmentView {
  /** 1-based number of the segment in the document. */
  number: number;
  id: string;
  passage: PassageView;
  status: SegmentStatus;
  confirmed: boolean;
  note: string;
  confidence: number | null;
  runs: Record<Side, Run[]>;
  text: Record<Side, string>;
  /** Each side's text with its inline codes in place (what TMX and XLIFF write). */
  pieces: Record<Side, Piece[]>;
}

export interface PassageView {
  /** 1-based number of the passage. */
  number: number;
  id: string;
  segments: SegmentView[];
}

export interface ThemeRange {
  segment: SegmentView;
  side: Side;
  /** UTF-16 offsets in the side's text. */
  from: number;
  to: number;
  quote: string;
}

export interface Annotation {
  id: string;
  code: string;
  note: string;
  ranges: ThemeRange[];
}

export interface Collected {
  passages: PassageView[];
  segments: SegmentView[];
  /** In document order of their first range. */
  annotations: Annotation[];
  /** The codes used, in codebook order; codes missing from the codebook come last. */
  usedCodes: Code[];
  code(id: string): Code;
}

/** A stand-in for a code that a document uses but the codebook lacks. */
export function unknownCode(id: string): Code {
  return { id, label: { ko: id, en: id }, description: { ko: "", en: "" }, color: "#888888", parent: null, shortcut: "", keywords: { ko: [], en: [] } };
}

function sideRuns(node: PMNode): Run[] {
  const runs: Run[] = [];
  node.forEach((child) => {
    if (child.isText) runs.push({ text: child.text!, themes: child.marks.filter((m) => m.type.name === "theme").map((m) => m.attrs as ThemeAttrs) });
  });
  return runs;
}

/** The offset in a side's text of a position in the side (inline codes have no text). */
function textOffset(side: PMNode, pos: number): number {
  let at = 0;
  let text = 0;
  side.forEach((child) => {
    if (at >= pos) return;
    const size = Math.min(child.nodeSize, pos - at);
    if (child.isText) text += size;
    at += child.nodeSize;
  });
  return text;
}

/** A side's text and inline codes in order (adjacent text joined). */
function sidePieces(node: PMNode): Piece[] {
  const out: Piece[] = [];
  node.forEach((child) => {
    if (child.isText) {
      const last = out.length - 1;
      if (last >= 0 && typeof out[last] === "string") out[last] = (out[last] as string) + child.text!;
      else out.push(child.text!);
    } else if (child.type.name === "code") out.push(child.attrs as InlineCode);
  });
  return out;
}

export function collect(project: Project): Collected {
  const passages: PassageView[] = [];
  const segments: SegmentView[] = [];
  const byId = new Map<string, Annotation>();
  project.doc.forEach((pNode, _o, pi) => {
    const passage: PassageView = { number: pi + 1, id: pNode.attrs.id, segments: [] };
    passages.push(passage);
    pNode.forEach((sNode) => {
      const a = sNode.attrs;
      const sides = { ko: sNode.child(0), en: sNode.child(1) };
      const runs = { ko: sideRuns(sides.ko), en: sideRuns(sides.en) };
      const seg: SegmentView = {
        number: segments.length + 1,
        id: a.id,
        passage,
        status: a.status,
        confirmed: a.confirmed,
        note: a.note ?? "",
        confidence: a.confidence,
        runs,
        text: { ko: sides.ko.textContent, en: sides.en.textContent },
        pieces: { ko: sidePieces(sides.ko), en: sidePieces(sides.en) },
      };
      passage.segments.push(seg);
      segments.push(seg);
      for (const side of SIDES)
        for (const r0 of sideRanges(sides[side])) {
          // Ranges count inline codes as one position each; exports count text only.
          const r = { ...r0, from: textOffset(sides[side], r0.from), to: textOffset(sides[side], r0.to) };
          // One annotation per tag: its id and theme together.
          const key = `${r.id}\u0000${r.code}`;
          let ann = byId.get(key);
          if (!ann) byId.set(key, (ann = { id: r.id, code: r.code, note: r.note, ranges: [] }));
          if (!ann.note && r.note) ann.note = r.note;
          ann.ranges.push({ segment: seg, side, from: r.from, to: r.to, quote: seg.text[side].slice(r.from, r.to) });
        }
    });
  });
  const annotations = [...byId.values()];
  const codes = new Map(project.codebook.map((c) => [c.id, c]));
  const used = new Set(annotations.map((a) => a.code));
  const usedCodes = [...project.codebook.filter((c) => used.has(c.id)), ...[...used].filter((id) => !codes.has(id)).map(unknownCode)];
  const all = new Map(usedCodes.map((c) => [c.id, c]));
  return { passages, segments, annotations, usedCodes, code: (id) => all.get(id) ?? codes.get(id) ?? unknownCode(id) };
}

/** The theme ranges of each segment (adjacent text nodes with the same mark merged). */
export function segmentThemeSpans(data: Collected): Map<SegmentView, ThemeSpan[]> {
  const out = new Map<SegmentView, ThemeSpan[]>();
  for (const a of data.annotations)
    for (const r of a.ranges) {
      let list = out.get(r.segment);
      if (!list) out.set(r.segment, (list = []));
      list.push({ side: r.side, from: r.from, to: r.to, code: a.code, id: a.id, note: a.note });
    }
  return out;
}
