// Brings the selection to the middle of the editor, fully visible (issue
// 17.4), as find does: ProseMirror's own scrollIntoView stops at the edge,
// so a jump from a panel would land on the last line, partly cut off.
import type { EditorView } from "prosemirror-view";

export function centreSelection(view: EditorView): void {
  const { node } = view.domAtPos(view.state.selection.from);
  const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
  // The whole segment where there is one, so both sides show.
  (el?.closest(".dari-segment") ?? el)?.scrollIntoView({ block: "center" });
}
