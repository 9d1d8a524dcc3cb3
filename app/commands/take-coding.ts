// Merging two codings after an agreement check (app/merge/agree.ts): for one
// disagreement the analyst chooses the other coder's coding of a theme on one
// side of one segment; that side's spans of the theme become the other's
// (ours removed, theirs copied with their ids and memos). One undoable step.
import type { Node as PMNode } from "prosemirror-model";
import type { Command } from "prosemirror-state";
import { schema, type Side } from "../schema";
import { segmentList } from "../document/segments";
import { sideRanges } from "../themes/annotations";
import { themeMark } from "./themes";

/** Their segment for one of ours: the same id, else the same place. */
function counterpart(other: PMNode, id: string, index: number): PMNode | null {
  const list = segmentList(other);
  return list.find((s) => s.node.attrs.id === id)?.node ?? list[index]?.node ?? null;
}

export function takeOtherCoding(other: PMNode, segmentIndex: number, side: Side, code: string): Command {
  return (state, dispatch) => {
    const ours = segmentList(state.doc)[segmentIndex];
    if (!ours) return false;
    const theirs = counterpart(other, ours.node.attrs.id, segmentIndex);
    if (!theirs) return false;
    const i = side === "ko" ? 0 : 1;
    const start = ours.pos + 1 + (i === 0 ? 0 : ours.node.child(0).nodeSize) + 1;
    const size = ours.node.child(i).content.size;
    if (!dispatch) return true;
    const tr = state.tr;
    for (const r of sideRanges(ours.node.child(i))) if (r.code === code) tr.removeMark(start + r.from, start + r.to, schema.marks.theme.create({ code, id: r.id, note: r.note }));
    for (const r of sideRanges(theirs.child(i)))
      if (r.code === code && r.from < size) tr.addMark(start + r.from, start + Math.min(r.to, size), themeMark(code, r.id, r.note));
    dispatch(tr);
    return true;
  };
}
