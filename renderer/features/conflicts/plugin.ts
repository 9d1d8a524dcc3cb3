// The editor's side of merge conflicts (app/merge, app/commands/conflicts):
// a flag in the gutter of every segment a merge left with a conflict, and
// their version shown under ours, so the analyst reads both before choosing.
// Typing only maps the decorations; a choice taken (or a segment confirmed)
// redraws the segments it touched; a structural edit or the UI language
// changing rebuilds them.
import crelt from "crelt";
import { Plugin, PluginKey, type EditorState } from "prosemirror-state";
import { Decoration, DecorationSet } from "prosemirror-view";
import type { Node as PMNode } from "prosemirror-model";
import { isTextOnly, isTypingOnly } from "../../../app/commands/structure";
import { theirSide } from "../../../app/commands/conflicts";
import { buildAll, updateBySegment, type SegmentBuilder } from "../../../app/themes/segment-decorations";
import type { SegmentConflict, Side } from "../../../app/schema";
import type { AppContext } from "../../feature";

export const conflictFlagsKey = new PluginKey<DecorationSet>("dariConflictFlags");

const SIDES: Side[] = ["ko", "en"];

/** Their version of a conflicting segment, laid out under the two sides of ours. */
function theirsWidget(ctx: AppContext, conflict: SegmentConflict): HTMLElement {
  const t = ctx.t;
  const box = crelt("div", { class: "dari-conflict-theirs", contenteditable: "false", role: "note", "aria-label": t("library:conflicts.theirsLabel") });
  if (conflict.deleted) {
    box.append(crelt("div", { class: "dari-conflict-deleted" }, t(conflict.deleted === "theirs" ? "library:conflicts.deletedTheirs" : "library:conflicts.deletedOurs")));
    return box;
  }
  for (const side of SIDES) {
    const theirs = theirSide(conflict, side);
    box.append(
      crelt(
        "div",
        { class: `dari-conflict-side dari-conflict-${side}` },
        theirs ? [crelt("span", { class: "dari-conflict-tag" }, t("library:conflicts.theirs")), " ", crelt("span", { lang: side }, theirs.textContent)] : [],
      ),
    );
  }
  return box;
}

const CONFLICT_SPEC = { dariConflict: true };

/** The conflicts left, read off the flags (kept up to date with the document) instead of walking every segment. */
export function conflictCount(state: EditorState): number {
  return conflictFlagsKey.getState(state)?.find(undefined, undefined, (spec) => spec === CONFLICT_SPEC).length ?? 0;
}

/** The flag and their version of one segment, if a merge left it with a conflict. */
function segmentConflict(ctx: AppContext): SegmentBuilder {
  const title = ctx.t("library:conflicts.flag");
  return (seg, pos) => {
    const conflict = seg.attrs.conflict as SegmentConflict | null;
    if (!conflict) return [];
    return [
      Decoration.node(pos, pos + seg.nodeSize, { class: "dari-conflict", title }, CONFLICT_SPEC),
      Decoration.widget(pos + seg.nodeSize - 1, () => theirsWidget(ctx, conflict), {
        side: 1,
        ignoreSelection: true,
        key: `conflict-${seg.attrs.id}-${ctx.i18n.language}-${JSON.stringify(conflict).length}`,
      }),
    ];
  };
}

export function conflictDecorations(ctx: AppContext, doc: PMNode): DecorationSet {
  return buildAll(doc, segmentConflict(ctx));
}

export function conflictFlags(ctx: AppContext): Plugin<DecorationSet> {
  return new Plugin<DecorationSet>({
    key: conflictFlagsKey,
    state: {
      init: (_, state) => conflictDecorations(ctx, state.doc),
      apply(tr, set) {
        const redraw = !!tr.getMeta(conflictFlagsKey);
        if (!tr.docChanged && !redraw) return set;
        if (tr.docChanged && isTypingOnly(tr) && !redraw) return set.map(tr.mapping, tr.doc);
        // A choice taken, a segment confirmed: only the segments it touched are drawn again.
        if (tr.docChanged && isTextOnly(tr) && !redraw) return updateBySegment(set, tr, segmentConflict(ctx));
        return conflictDecorations(ctx, tr.doc);
      },
    },
    props: { decorations: (state) => conflictFlagsKey.getState(state) },
  });
}
