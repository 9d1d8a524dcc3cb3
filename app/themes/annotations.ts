// Reading theme annotations out of the document. An annotation is every range
// carrying a theme mark with one id; it may cover several text nodes, both
// sides of a segment, or several segments.
import type { Mark, Node as PMNode } from "prosemirror-model";
import type { Side } from "../schema";

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

/** Calls f for every segment with its position, in document order. */
export function forEachSegment(doc: PMNode, f: (segment: PMNode, pos: number, index: number) => void): void {
  let i = 0;
  doc.forEach((passage, pOff) => {
    passage.forEach((segment, sOff) => f(segment, pOff + 1 + sOff, i++));
  });
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

/** The segment around a position: its node and position, or null outside segments. */
export function segmentAt(doc: PMNode, pos: number): { node: PMNode; pos: number } | null {
  const $pos = doc.resolve(Math.max(0, Math.min(pos, doc.content.size)));
  for (let d = $pos.depth; d > 0; d--) {
    if ($pos.node(d).type.name === "segment") return { node: $pos.node(d), pos: $pos.before(d) };
  }
  // Between segments: the one right after.
  const after = $pos.nodeAfter;
  if (after?.type.name === "segment") return { node: after, pos: $pos.pos };
  return null;
}

/** The segment after (dir 1) or before (dir -1) the segment at `pos`, across passage boundaries. */
export function neighbourSegment(doc: PMNode, pos: number, dir: 1 | -1): { node: PMNode; pos: number } | null {
  const seg = doc.nodeAt(pos);
  if (!seg) return null;
  const $pos = doc.resolve(pos);
  const passage = $pos.parent;
  const index = $pos.index();
  if (dir === 1) {
    if (index + 1 < passage.childCount) return { node: passage.child(index + 1), pos: pos + seg.nodeSize };
    const passageEnd = $pos.after(); // after the passage
    const next = doc.nodeAt(passageEnd);
    return next ? { node: next.firstChild!, pos: passageEnd + 1 } : null;
  }
  if (index > 0) {
    const prev = passage.child(index - 1);
    return { node: prev, pos: pos - prev.nodeSize };
  }
  const passageStart = $pos.before();
  if (passageStart === 0) return null;
  const prevPassage = doc.resolve(passageStart).nodeBefore!;
  return { node: prevPassage.lastChild!, pos: passageStart - 1 - prevPassage.lastChild!.nodeSize };
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
