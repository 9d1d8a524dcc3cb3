// Resolving what a merge of two branches left for the analyst (app/merge): a
// segment whose side both branches edited differently holds our version and
// carries theirs in its `conflict` attribute; one deleted on a branch and
// changed on the other is kept, flagged. The analyst takes mine, takes theirs,
// or edits the text and marks it resolved; each is one undoable step.
import type { Node as PMNode } from "prosemirror-model";
import { TextSelection, type Command, type EditorState, type Transaction } from "prosemirror-state";
import { schema, type SegmentConflict, type Side } from "../schema";
import { forEachSegment } from "../document/segments";

export interface ConflictEntry {
  /** Position of the segment and its number in the document (from 0). */
  pos: number;
  index: number;
  id: string;
  conflict: SegmentConflict;
}

export function conflictList(doc: PMNode): ConflictEntry[] {
  const out: ConflictEntry[] = [];
  forEachSegment(doc, (seg, pos, index) => {
    if (seg.attrs.conflict) out.push({ pos, index, id: seg.attrs.id, conflict: seg.attrs.conflict });
  });
  return out;
}

/** Their version of a side, as a node (null when that side did not conflict or cannot be read). */
export function theirSide(conflict: SegmentConflict, side: Side): PMNode | null {
  const json = conflict[side];
  if (!json) return null;
  try {
    const node = schema.nodeFromJSON(json);
    return node.type.name === side ? node : null;
  } catch {
    return null;
  }
}

function deleteSegment(tr: Transaction, pos: number): void {
  const $pos = tr.doc.resolve(pos);
  const passage = $pos.parent;
  if (passage.childCount > 1) tr.delete(pos, pos + tr.doc.nodeAt(pos)!.nodeSize);
  else if (tr.doc.childCount > 1) tr.delete($pos.before(), $pos.after());
  // The only segment of the only passage stays: a document always has one.
}

/**
 * Resolves the conflict of the segment at `pos`: "mine" keeps the segment as
 * it reads now (also after the analyst edited it), "theirs" puts their sides
 * in its place; a segment one branch deleted goes when that branch's choice is taken.
 */
export function resolveConflict(pos: number, choice: "mine" | "theirs"): Command {
  return (state: EditorState, dispatch) => {
    const seg = state.doc.nodeAt(pos);
    const conflict = seg?.type.name === "segment" ? (seg.attrs.conflict as SegmentConflict | null) : null;
    if (!seg || !conflict) return false;
    if (!dispatch) return true;
    const tr = state.tr;
    const deletedBy = conflict.deleted;
    if ((choice === "mine" && deletedBy === "ours") || (choice === "theirs" && deletedBy === "theirs")) {
      deleteSegment(tr, pos);
      dispatch(tr.scrollIntoView());
      return true;
    }
    if (choice === "theirs") {
      let sidePos = pos + 1;
      seg.forEach((side) => {
        const theirs = theirSide(conflict, side.type.name as Side);
        if (theirs) tr.replaceWith(tr.mapping.map(sidePos), tr.mapping.map(sidePos + side.nodeSize), theirs);
        sidePos += side.nodeSize;
      });
    }
    tr.setNodeAttribute(tr.mapping.map(pos), "conflict", null);
    dispatch(tr);
    return true;
  };
}

/** Moves the cursor to the next segment with a conflict after the selection (wrapping); false when there is none. */
export const nextConflict: Command = (state, dispatch) => {
  const list = conflictList(state.doc);
  if (!list.length) return false;
  const here = state.selection.from;
  const next = list.find((c) => c.pos > here) ?? list[0];
  if (dispatch) {
    // Inside the segment's Korean side (pos + 1 is the ko node, + 2 its content).
    dispatch(state.tr.setSelection(TextSelection.create(state.doc, next.pos + 2)).scrollIntoView());
  }
  return true;
};
