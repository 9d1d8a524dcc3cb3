// On every update prosemirror-view walks all the children of the document:
// for each of 2,000 passages it looks up the passage's decorations in every
// plugin's set, compares them with what the passage shows and matches the
// passage's view to it (NodeViewDesc.updateChildren). A keystroke changes one
// passage, so nearly all of that walk finds nothing to do; in a book-length
// project it was about a third of a keystroke (measured: ~1.3 of 4 ms).
//
// This plugin gives the document's own view a shorter way for the common
// case: the same number of passages, and outside a few changed ones the very
// same passage nodes, decoration sets that hold the very same child sets at
// the (shifted) same places, and the same decorations on passages. Then only
// the changed passages are updated, each through its own view's `update`,
// exactly as the full walk would update them. Anything else (passages added
// or removed, widgets or inline decorations at the top level, a passage view
// that cannot update in place) takes prosemirror-view's own path, and so does
// every node below the document. It relies on prosemirror-view internals
// (ViewDesc fields, DecorationSet's `local` and `children`): recheck it, and
// run e2e/doc-update.e2e.ts, when upgrading prosemirror-view.
import { Plugin } from "prosemirror-state";
import type { Decoration, DecorationSource, EditorView } from "prosemirror-view";
import type { Node as PMNode } from "prosemirror-model";

// prosemirror-view's dirty states (NOT_DIRTY, CHILD_DIRTY, CONTENT_DIRTY, NODE_DIRTY).
const NOT_DIRTY = 0;
const CHILD_DIRTY = 1;
const CONTENT_DIRTY = 2;

interface Desc {
  parent: Desc | undefined;
  node: PMNode;
  dom: Node;
  dirty: number;
  children: Desc[];
  outerDeco: readonly Decoration[];
  innerDeco: DecorationSource;
  update(node: PMNode, outerDeco: readonly Decoration[], innerDeco: DecorationSource, view: EditorView): boolean;
  updateInner(node: PMNode, outerDeco: readonly Decoration[], innerDeco: DecorationSource, view: EditorView): void;
  updateOuterDeco(outerDeco: readonly Decoration[]): void;
}

interface SetInternals {
  local: readonly DecoInternals[];
  /** [from, to, set, from, to, set, ...], sorted by from. */
  children: readonly (number | object)[];
}
interface DecoInternals extends Decoration {
  type: { eq(other: unknown): boolean };
  readonly inline: boolean;
  readonly widget: boolean;
}

/** Whether the shortcut is taken (tests compare it with prosemirror-view's own path). */
let enabled = true;
export function setFastDocUpdate(on: boolean): void {
  enabled = on;
}

/** More changed passages than this (a replace-all, a paste of many): the full walk is as good. */
const MAX_CHANGED = 16;

/** How many updates took the shortcut and how many fell back (for tests). */
export const docUpdateStats = { fast: 0, full: 0 };

function membersOf(source: DecorationSource): SetInternals[] | null {
  const members = (source as { members?: SetInternals[] }).members;
  if (members) return members;
  const set = source as unknown as SetInternals;
  return Array.isArray(set.local) && Array.isArray(set.children) ? (set.local.length || set.children.length ? [set] : []) : null;
}

/**
 * Updates the document's view in place when only some passages changed.
 * Returns false, having changed nothing that the full walk would not redo,
 * when the shortcut does not apply.
 */
function fastDocUpdate(desc: Desc, doc: PMNode, outerDeco: readonly Decoration[], innerDeco: DecorationSource, view: EditorView): boolean {
  const old = desc.node;
  const count = doc.childCount;
  const children = desc.children;
  if (desc.dirty > CHILD_DIRTY || old.childCount !== count || children.length !== count || !old.sameMarkup(doc)) return false;
  const oldMembers = membersOf(desc.innerDeco);
  const newMembers = membersOf(innerDeco);
  if (!oldMembers || !newMembers || oldMembers.length !== newMembers.length) return false;
  for (const m of newMembers) for (const d of m.local) if (d.inline || d.widget) return false;
  for (const m of oldMembers) for (const d of m.local) if (d.inline || d.widget) return false;

  // Passages that are not the same node, or whose view is marked dirty.
  const changed: number[] = [];
  const offsets = new Array<number>(count + 1);
  const oldOffsets = new Array<number>(count + 1);
  let pos = 0;
  let oldPos = 0;
  for (let i = 0; i < count; i++) {
    const child = doc.child(i);
    const oldChild = old.child(i);
    const passageView = children[i];
    if (passageView.node !== oldChild) return false;
    offsets[i] = pos;
    oldOffsets[i] = oldPos;
    if (child !== oldChild || passageView.dirty !== NOT_DIRTY) changed.push(i);
    pos += child.nodeSize;
    oldPos += oldChild.nodeSize;
  }
  offsets[count] = pos;
  oldOffsets[count] = oldPos;
  if (changed.length > MAX_CHANGED) return false;

  // Where a passage's decorations may differ: compare each plugin's set, old
  // and new, entry by entry at the passages' old and new offsets. Entries are
  // sorted by position, so one forward cursor per table finds their passages.
  const marked = new Set(changed);
  const mark = (i: number): boolean => {
    marked.add(i);
    return marked.size <= MAX_CHANGED;
  };
  let oCursor = 0;
  let nCursor = 0;
  /** The passage starting at `offset` in the old document, or -1. */
  const oldIndex = (offset: number): number => {
    if (oldOffsets[oCursor] > offset) oCursor = 0;
    while (oldOffsets[oCursor] < offset) oCursor++;
    return oCursor < count && oldOffsets[oCursor] === offset ? oCursor : -1;
  };
  const newIndex = (offset: number): number => {
    if (offsets[nCursor] > offset) nCursor = 0;
    while (offsets[nCursor] < offset) nCursor++;
    return nCursor < count && offsets[nCursor] === offset ? nCursor : -1;
  };
  for (let m = 0; m < newMembers.length; m++) {
    const o = oldMembers[m];
    const n = newMembers[m];
    if (o === n && doc === old) continue;
    oCursor = nCursor = 0;
    // Child sets: the same set object on the same passage.
    const oc = o.children;
    const nc = n.children;
    let i = 0;
    let j = 0;
    while (i < oc.length || j < nc.length) {
      const oi = i < oc.length ? oldIndex(oc[i] as number) : count;
      const ni = j < nc.length ? newIndex(nc[j] as number) : count;
      if (oi < 0 || ni < 0) return false;
      if (oi === ni) {
        if (oc[i + 2] !== nc[j + 2] && !mark(ni)) return false;
        i += 3;
        j += 3;
      } else if (oi < ni) {
        if (!mark(oi)) return false;
        i += 3;
      } else {
        if (!mark(ni)) return false;
        j += 3;
      }
    }
    // Decorations on passages themselves: the same kinds, in the same order, on the same passages.
    oCursor = nCursor = 0;
    const ol = o.local;
    const nl = n.local;
    i = 0;
    j = 0;
    while (i < ol.length || j < nl.length) {
      const oi = i < ol.length ? oldIndex(ol[i].from) : count;
      const ni = j < nl.length ? newIndex(nl[j].from) : count;
      if (oi < 0 || ni < 0) return false;
      const at = Math.min(oi, ni);
      let i2 = i;
      let j2 = j;
      while (i2 < ol.length && ol[i2].from === oldOffsets[at]) i2++;
      while (j2 < nl.length && nl[j2].from === offsets[at]) j2++;
      let same = i2 - i === j2 - j;
      for (let k = 0; same && k < i2 - i; k++) same = ol[i + k].type.eq(nl[j + k].type);
      if (!same && !mark(at)) return false;
      i = i2;
      j = j2;
    }
  }

  // Update the changed passages as the full walk would: their decorations, then their view.
  for (const i of [...marked].sort((a, b) => a - b)) {
    const child = doc.child(i);
    const offset = offsets[i];
    const outer: Decoration[] = [];
    for (const m of newMembers) for (const d of m.local) if (d.from === offset) outer.push(d);
    const inner = innerDeco.forChild(offset, child);
    const passageView = children[i];
    const dom = passageView.dom;
    if (!passageView.update(child, outer, inner, view)) return false;
    // The passage's view was rebuilt in place but its DOM node replaced (a
    // decoration that wraps it): the full walk must put the new node in the
    // document, and it only redraws the children of a view marked so.
    if (passageView.dom !== dom) {
      desc.dirty = CONTENT_DIRTY;
      return false;
    }
  }
  desc.updateOuterDeco(outerDeco);
  desc.node = doc;
  desc.innerDeco = innerDeco;
  desc.dirty = NOT_DIRTY;
  return true;
}

const PATCHED = Symbol("dariFastDocUpdate");

function patch(proto: Desc & { [PATCHED]?: boolean }): void {
  if (proto[PATCHED] || typeof proto.updateInner !== "function") return;
  const updateInner = proto.updateInner;
  proto.updateInner = function (this: Desc, node, outerDeco, innerDeco, view) {
    if (!this.parent && enabled) {
      if (fastDocUpdate(this, node, outerDeco, innerDeco, view)) {
        docUpdateStats.fast++;
        return;
      }
      docUpdateStats.full++;
    }
    updateInner.call(this, node, outerDeco, innerDeco, view);
  };
  proto[PATCHED] = true;
}

/** Installs the shortcut on the view class of the document (once per page). */
export function fastDocUpdatePlugin(): Plugin {
  return new Plugin({
    view(view) {
      const docView = (view as unknown as { docView: Desc }).docView;
      patch(Object.getPrototypeOf(docView) as Desc);
      return {};
    },
  });
}
