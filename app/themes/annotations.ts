// Reading theme annotations out of the document. An annotation is every range
// carrying a theme mark with one id; it may cover several text nodes, both
// sides of a segment, or several segments. `sideRanges` is the one place that
// turns marks into ranges: the editor's commands, decorations and statistics
// and every export read tags through it.
import type { Mark, Node as PMNode } from "prosemirror-model";
import type { Side, ThemeAttrs } from "../schema";
import { forEachSegment, segmentAt, neighbourSegment } from "../document/segments";
// Segment lookups live with the document; re-exported for the theme modules that use them.
export { forEachSegment, segmentAt, neighbourSegment } from "../document/segments";

export interface AnnotationRange {
  id: string;
  code: string;
  note: string;
  side: Side;
  /** Position of the segment node and its id. */
  segmentPos: number;
  segmentId: string;
  from: number;
  to: number;
}

function isTheme(m: Mark): boolean {
  return m.type.name === "theme";
}

/** A tagged range on one side of a segment, in UTF-16 offsets into that side's text. */
export interface SideRange {
  id: string;
  code: string;
  note: string;
  from: number;
  to: number;
}

/** A tagged range with its side, as plain data: what the interchange formats
 *  (TMX, XLIFF) carry beside the text and what their import reads back. */
export interface ThemeSpan {
  side: Side;
  from: number;
  to: number;
  code: string;
  id: string;
  note: string;
}

/**
 * The tagged ranges of one side (a ko or en node), in the order they start.
 * Touching text nodes that carry the same tag are one range. A tag is its id
 * and code together, so a (malformed) id shared by two themes still gives
 * each theme its own ranges. The note is the first one found on the range.
 */
export function sideRanges(side: PMNode): SideRange[] {
  const out: SideRange[] = [];
  const open = new Map<string, SideRange>();
  let at = 0;
  side.forEach((text) => {
    const end = at + text.nodeSize;
    for (const m of text.marks) {
      if (!isTheme(m)) continue;
      const { id, code, note } = m.attrs as ThemeAttrs;
      const key = `${id}\u0000${code}`;
      const cur = open.get(key);
      if (cur && cur.to === at) {
        cur.to = end;
        if (!cur.note && note) cur.note = note;
      } else {
        const r: SideRange = { id, code, note: note ?? "", from: at, to: end };
        open.set(key, r);
        out.push(r);
      }
    }
    at = end;
  });
  return out;
}

/** The annotation ranges of one segment (at `pos`), adjacent text nodes merged. */
export function segmentAnnotations(segment: PMNode, pos: number): AnnotationRange[] {
  const out: AnnotationRange[] = [];
  let sidePos = pos + 1;
  segment.forEach((sideNode) => {
    const side = sideNode.type.name as Side;
    const start = sidePos + 1;
    for (const r of sideRanges(sideNode))
      out.push({ id: r.id, code: r.code, note: r.note, side, segmentPos: pos, segmentId: segment.attrs.id, from: start + r.from, to: start + r.to });
    sidePos += sideNode.nodeSize;
  });
  return out;
}

/** All annotation ranges of the document, in document order. */
export function allAnnotations(doc: PMNode): AnnotationRange[] {
  const out: AnnotationRange[] = [];
  forEachSegment(doc, (seg, pos) => {
    for (const r of segmentAnnotations(seg, pos)) out.push(r);
  });
  return out;
}

/** The theme codes on each side of a segment. */
export function segmentThemes(segment: PMNode): { ko: Set<string>; en: Set<string> } {
  const res = { ko: new Set<string>(), en: new Set<string>() };
  segment.forEach((sideNode) => {
    const set = res[sideNode.type.name as Side];
    sideNode.forEach((text) => {
      for (const m of text.marks) if (isTheme(m)) set.add(m.attrs.code);
    });
  });
  return res;
}

/**
 * The ranges of one annotation. With `near` (a position inside it), only the
 * segments around it are read, so removing a tag in a large document stays
 * local; without it, or if it is not found there, the whole document is read.
 */
export function findAnnotation(doc: PMNode, id: string, near?: number): AnnotationRange[] {
  if (near !== undefined) {
    const start = segmentAt(doc, near);
    if (start) {
      const own = segmentAnnotations(start.node, start.pos).filter((r) => r.id === id);
      if (own.length) {
        const out = own;
        for (const dir of [-1, 1] as const) {
          let cur: { node: PMNode; pos: number } | null = start;
          for (;;) {
            cur = neighbourSegment(doc, cur.pos, dir);
            if (!cur) break;
            const rs = segmentAnnotations(cur.node, cur.pos).filter((r) => r.id === id);
            if (!rs.length) break;
            out.push(...rs);
          }
        }
        return out.sort((a, b) => a.from - b.from);
      }
    }
  }
  return allAnnotations(doc).filter((r) => r.id === id);
}
