// Reading theme annotations out of the document. An annotation is every range
// carrying a theme mark with one id; it may cover several text nodes, both
// sides of a segment, or several segments.
import type { Mark, Node as PMNode } from "prosemirror-model";
import type { Side } from "../schema";
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

/** The annotation ranges of one segment (at `pos`), adjacent text nodes merged. */
export function segmentAnnotations(segment: PMNode, pos: number): AnnotationRange[] {
  const out: AnnotationRange[] = [];
  let sidePos = pos + 1;
  segment.forEach((sideNode) => {
    const side = sideNode.type.name as Side;
    const open = new Map<string, AnnotationRange>();
    let at = sidePos + 1;
    sideNode.forEach((text) => {
      const end = at + text.nodeSize;
      for (const m of text.marks) {
        if (!isTheme(m)) continue;
        const cur = open.get(m.attrs.id);
        if (cur && cur.to === at) cur.to = end;
        else {
          const r: AnnotationRange = { id: m.attrs.id, code: m.attrs.code, note: m.attrs.note, side, segmentPos: pos, segmentId: segment.attrs.id, from: at, to: end };
          open.set(m.attrs.id, r);
          out.push(r);
        }
      }
      at = end;
    });
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
