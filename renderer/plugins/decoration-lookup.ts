// prosemirror-view finds a child's decorations by scanning the set's sorted
// children from the start (DecorationSet.forChild), and the view asks once for
// every child on every update. At the top of a 2,000-passage document that is
// about 2 M steps per keystroke (measured: ~2.5 ms of a 6 ms keystroke). The
// children are sorted by position, so a binary search finds the same entry.
// Sets with inline decorations of their own keep the original code, which
// splits them over the child.
import { DecorationSet } from "prosemirror-view";
import type { Node as PMNode } from "prosemirror-model";

interface SetInternals {
  local: readonly unknown[];
  /** [from, to, set, from, to, set, ...], sorted by from. */
  children: readonly (number | DecorationSet)[];
  forChild(this: SetInternals, offset: number, node: PMNode): unknown;
}

const proto = DecorationSet.prototype as unknown as SetInternals;
const scan = ((proto.forChild as { scan?: SetInternals["forChild"] }).scan ?? proto.forChild) as SetInternals["forChild"];

/** prosemirror-view's own lookup, for the test that compares the two. */
export function scanForChild(set: DecorationSet, offset: number, node: PMNode): unknown {
  return scan.call(set as unknown as SetInternals, offset, node);
}

// Node decorations on passages themselves (the lazy-rendering marks) are
// local to the top set but never handed to a child; only inline ones are.
const inlineLocals = new WeakMap<object, boolean>();
function hasInlineLocal(set: SetInternals): boolean {
  let has = inlineLocals.get(set);
  if (has === undefined) inlineLocals.set(set, (has = set.local.some((d) => (d as { inline: boolean }).inline)));
  return has;
}

if (!(scan as { binary?: boolean }).binary) {
  const forChild = function (this: SetInternals, offset: number, node: PMNode): unknown {
    if ((this.local.length && hasInlineLocal(this)) || node.isLeaf || (this as unknown) === DecorationSet.empty) return scan.call(this, offset, node);
    const children = this.children;
    let lo = 0;
    let hi = children.length / 3;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((children[mid * 3] as number) < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo * 3 < children.length && children[lo * 3] === offset ? children[lo * 3 + 2] : DecorationSet.empty;
  };
  proto.forChild = Object.assign(forChild, { binary: true, scan });
}

// DecorationSet.create hands each child of the document the decorations
// inside it by scanning every decoration for every child: 2,000 passages ×
// 20,000 decorations is 40 M steps for each plugin that numbers or flags
// segments, about a quarter of a second per plugin when a large project
// opens. Sorting once and walking passages and decorations together gives
// the same tree. Only the top level is done here; inside a passage (ten
// segments) and for the decorations on passages themselves the original does
// the work, so its rules (validity, order) still decide.
interface DecorationInternals {
  from: number;
  to: number;
  copy(from: number, to: number): DecorationInternals;
}
type SetConstructor = new (local: readonly unknown[], children: readonly (number | DecorationSet)[]) => DecorationSet;

const originalCreate = ((DecorationSet.create as { original?: typeof DecorationSet.create }).original ?? DecorationSet.create).bind(DecorationSet);

/** prosemirror-view's own DecorationSet.create, for the test that compares the two. */
export const createByScan = originalCreate;

function createFast(doc: PMNode, decorations: readonly unknown[]): DecorationSet {
  if (decorations.length < 256 || doc.childCount < 64) return originalCreate(doc, decorations as Parameters<typeof originalCreate>[1]);
  // A stable sort: decorations with the same start keep their order, as in the original.
  const sorted = (decorations as DecorationInternals[]).slice().sort((a, b) => a.from - b.from);
  const rest: DecorationInternals[] = [];
  const children: (number | DecorationSet)[] = [];
  let i = 0;
  doc.forEach((child, start) => {
    while (i < sorted.length && sorted[i].from <= start) rest.push(sorted[i++]);
    if (child.isLeaf) return;
    const end = start + child.nodeSize;
    const inside: DecorationInternals[] = [];
    while (i < sorted.length && sorted[i].from < end) {
      const d = sorted[i++];
      if (d.to < end) inside.push(d.copy(d.from - start - 1, d.to - start - 1));
      else rest.push(d);
    }
    if (inside.length) {
      const set = originalCreate(child, inside as unknown as Parameters<typeof originalCreate>[1]);
      if (set !== DecorationSet.empty) children.push(start, end, set);
    }
  });
  while (i < sorted.length) rest.push(sorted[i++]);
  const top = rest.length ? originalCreate(doc, rest as unknown as Parameters<typeof originalCreate>[1]) : DecorationSet.empty;
  if (!children.length) return top;
  const local = top === DecorationSet.empty ? [] : (top as unknown as SetInternals).local;
  return new (DecorationSet as unknown as SetConstructor)(local, children);
}

if (!(DecorationSet.create as { original?: unknown }).original) {
  DecorationSet.create = Object.assign(createFast as typeof DecorationSet.create, { original: originalCreate });
}
