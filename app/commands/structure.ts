// Keeping the bitext's structure whole while the analyst edits, and moving
// around it from the keyboard.
//
// A segment is exactly a Korean side and an English side. Plain editing must
// never move text from one side into the other, delete a side, or split a
// side into blocks: only the alignment commands change structure, and they
// say so with the STRUCTURAL meta.
import { Plugin, Selection, TextSelection, type Command, type EditorState, type Transaction } from "prosemirror-state";
import { AttrStep, ReplaceStep, ReplaceAroundStep, type Step } from "prosemirror-transform";
import { Fragment, Slice, type Node as PMNode, type ResolvedPos } from "prosemirror-model";
import { schema, type Side } from "../schema";
import { neighbourSegment } from "../document/segments";

/** Set this meta on a transaction that changes the bitext structure on purpose. */
export const STRUCTURAL = "dariStructural";

export function markStructural(tr: Transaction): Transaction {
  return tr.setMeta(STRUCTURAL, true);
}

function isSide(node: PMNode): boolean {
  return node.type === schema.nodes.ko || node.type === schema.nodes.en;
}

/** Whether a step only changes inline content inside one side (ordinary typing). */
export function isInlineStep(step: Step, doc: PMNode): boolean {
  if (!(step instanceof ReplaceStep)) return false;
  const { from, to, slice } = step as unknown as { from: number; to: number; slice: Slice };
  if (slice.openStart > 0 || slice.openEnd > 0) return false;
  const $from = doc.resolve(from);
  if (!isSide($from.parent)) return false;
  if (to !== from && doc.resolve(to).parent !== $from.parent) return false;
  let inline = true;
  slice.content.forEach((n) => {
    if (!n.isInline) inline = false;
  });
  return inline;
}

/** Whether a transaction changed only text inside sides, leaving passages and segments as they were. */
export function isTextOnly(tr: Transaction): boolean {
  for (let i = 0; i < tr.steps.length; i++) {
    const step = tr.steps[i];
    // Mark and attribute steps keep the structure; replace steps must stay inside one side.
    if ((step instanceof ReplaceStep || step instanceof ReplaceAroundStep) && !isInlineStep(step, tr.docs[i])) return false;
  }
  return true;
}

/** Typing only: text-only, and no attribute changed (a confirm or a choice taken is not typing). */
export function isTypingOnly(tr: Transaction): boolean {
  return isTextOnly(tr) && !tr.steps.some((s) => s instanceof AttrStep);
}

/**
 * The guard: rejects ordinary edits that would cross or break a side.
 * Steps from structural commands, and whole-node replacements between
 * blocks (such as deleting selected segments), pass.
 */
export function structureGuard(): Plugin {
  return new Plugin({
    filterTransaction(tr) {
      // Undo and redo replay (inverses of) steps that were accepted before.
      if (!tr.docChanged || tr.getMeta(STRUCTURAL) || tr.getMeta("history$")) return true;
      for (let i = 0; i < tr.steps.length; i++) {
        const step = tr.steps[i];
        if (!(step instanceof ReplaceStep) && !(step instanceof ReplaceAroundStep)) continue;
        const doc = tr.docs[i];
        const { from, to, slice } = step as unknown as { from: number; to: number; slice: Slice };
        const $from = doc.resolve(from);
        const $to = doc.resolve(to);
        const touchesSide = isSide($from.parent) || isSide($to.parent);
        if (!touchesSide) continue;
        if ($from.parent !== $to.parent) return false;
        if (slice.openStart > 0 || slice.openEnd > 0) return false;
        let blocks = false;
        slice.content.forEach((n) => {
          if (!n.isInline) blocks = true;
        });
        if (blocks) return false;
      }
      return true;
    },
    props: {
      // Pasting blocks into a side pastes their text: one side stays one block.
      transformPasted(slice, view) {
        if (!isSide(view.state.selection.$from.parent)) return slice;
        let hasBlocks = false;
        slice.content.forEach((n) => {
          if (!n.isInline) hasBlocks = true;
        });
        if (!hasBlocks) return slice;
        return new Slice(flattenToInline(slice.content), 0, 0);
      },
    },
  });
}

/** The inline content of a fragment's textblocks, joined by spaces. */
export function flattenToInline(content: Fragment): Fragment {
  const out: PMNode[] = [];
  content.descendants((node) => {
    if (node.isTextblock) {
      if (node.content.size === 0) return false;
      if (out.length) out.push(schema.text(" "));
      node.content.forEach((n) => out.push(n));
      return false;
    }
    return true;
  });
  return Fragment.fromArray(out);
}

/** Deletes the selected text side by side, when a selection spans several sides. */
export const deleteAcrossSides: Command = (state, dispatch) => {
  const { $from, $to, empty } = state.selection;
  if (empty || $from.parent === $to.parent) return false;
  if (dispatch) {
    const tr = state.tr;
    const ranges: [number, number][] = [];
    state.doc.nodesBetween($from.pos, $to.pos, (node, pos) => {
      if (!isSide(node)) return true;
      const start = Math.max(pos + 1, $from.pos);
      const end = Math.min(pos + 1 + node.content.size, $to.pos);
      if (end > start) ranges.push([start, end]);
      return false;
    });
    for (let i = ranges.length - 1; i >= 0; i--) tr.delete(ranges[i][0], ranges[i][1]);
    tr.setSelection(TextSelection.create(tr.doc, tr.mapping.map($from.pos)));
    dispatch(tr.scrollIntoView());
  }
  return true;
};

/** Enter inside a side: sides are single blocks, so it does nothing (and says it handled the key). */
export const swallowEnter: Command = (state) => isSide(state.selection.$from.parent);

// --- Navigation -----------------------------------------------------------

export interface SidePos {
  /** Position of the segment node. */
  segmentPos: number;
  segment: PMNode;
  side: Side;
}

/** The segment and side around a resolved position, if any. */
export function sideAt($pos: ResolvedPos): SidePos | null {
  for (let d = $pos.depth; d > 0; d--) {
    const node = $pos.node(d);
    if (node.type === schema.nodes.segment) {
      const child = $pos.depth > d ? $pos.node(d + 1) : null;
      const side: Side = child?.type === schema.nodes.en ? "en" : "ko";
      return { segmentPos: $pos.before(d), segment: node, side };
    }
  }
  return null;
}

/** Start of the text of one side of the segment at segmentPos. */
export function sideStart(segmentPos: number, segment: PMNode, side: Side): number {
  return side === "ko" ? segmentPos + 2 : segmentPos + 1 + segment.child(0).nodeSize + 1;
}

/** End of the text of one side. */
export function sideEnd(segmentPos: number, segment: PMNode, side: Side): number {
  return sideStart(segmentPos, segment, side) + segment.child(side === "ko" ? 0 : 1).content.size;
}

function moveTo(state: EditorState, dispatch: ((tr: Transaction) => void) | undefined, pos: number): boolean {
  if (dispatch) dispatch(state.tr.setSelection(TextSelection.create(state.doc, pos)).scrollIntoView());
  return true;
}

/**
 * Ctrl+Home / Ctrl+End: the start of the first side or the end of the last
 * one, extending the selection with `extend`. The browser's own keys stop at
 * what is rendered, and a long document renders only the passages near the
 * viewport (renderer/plugins/lazy-passages.ts).
 */
export function gotoDocumentEdge(dir: 1 | -1, extend = false): Command {
  return (state, dispatch) => {
    const target = dir === 1 ? Selection.atEnd(state.doc).head : Selection.atStart(state.doc).head;
    if (dispatch) dispatch(state.tr.setSelection(TextSelection.create(state.doc, extend ? state.selection.anchor : target, target)).scrollIntoView());
    return true;
  };
}

/** Tab: from the Korean side to the English side of the same segment, from English to the next segment's Korean. */
export function switchSide(dir: 1 | -1): Command {
  return (state, dispatch) => {
    const here = sideAt(state.selection.$head);
    if (!here) return false;
    if (dir === 1 && here.side === "ko") return moveTo(state, dispatch, sideEnd(here.segmentPos, here.segment, "en"));
    if (dir === -1 && here.side === "en") return moveTo(state, dispatch, sideEnd(here.segmentPos, here.segment, "ko"));
    const next = neighbourSegment(state.doc, here.segmentPos, dir);
    if (!next) return true; // at the edge: keep focus in the editor
    return moveTo(state, dispatch, sideEnd(next.pos, next.node, dir === 1 ? "ko" : "en"));
  };
}

/** Alt-Up/Down: the same side of the previous or next segment. */
export function gotoSegment(dir: 1 | -1): Command {
  return (state, dispatch) => {
    const here = sideAt(state.selection.$head);
    if (!here) return false;
    const next = neighbourSegment(state.doc, here.segmentPos, dir);
    if (!next) return true;
    return moveTo(state, dispatch, sideEnd(next.pos, next.node, here.side));
  };
}
