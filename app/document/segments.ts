// Finding segments in a bitext document: every segment in order, the one
// around a position, its neighbours across passages. One place for the
// position arithmetic of doc > passage > segment.
import type { Node as PMNode } from "prosemirror-model";

export interface SegmentAt {
  node: PMNode;
  pos: number;
  /** Index of the segment in the document, from 0. */
  index: number;
}

/** Calls f for every segment with its position, in document order. */
export function forEachSegment(doc: PMNode, f: (segment: PMNode, pos: number, index: number) => void): void {
  let i = 0;
  doc.forEach((passage, pOff) => {
    passage.forEach((segment, sOff) => f(segment, pOff + 1 + sOff, i++));
  });
}

/** Every segment with its position and index, in document order. */
export function segmentList(doc: PMNode): SegmentAt[] {
  const out: SegmentAt[] = [];
  forEachSegment(doc, (node, pos, index) => out.push({ node, pos, index }));
  return out;
}

/** How many segments the document has. */
export function segmentCount(doc: PMNode): number {
  let n = 0;
  doc.forEach((passage) => (n += passage.childCount));
  return n;
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
