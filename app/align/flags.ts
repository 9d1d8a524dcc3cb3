// The gutter's flag on segments the aligner was unsure of (below the
// confidence threshold of app/commands/align.ts), kept until the analyst
// confirms them. Typing only maps the flags; a change of attributes
// (confirming) redraws the segments it touched; a change of structure
// (re-aligning, splitting) rebuilds them, and so does a transaction carrying
// the plugin's key (the UI language changed).
import { Plugin, PluginKey } from "prosemirror-state";
import { Decoration, DecorationSet } from "prosemirror-view";
import type { Node as PMNode } from "prosemirror-model";
import { isTextOnly, isTypingOnly } from "../commands/structure";
import { isLowConfidence } from "../commands/align";
import { segmentAttrs } from "../schema";
import { buildAll, buildBatch, FIRST_SEGMENTS, SEGMENT_BATCH, updateBySegment, batchesLater, type SegmentBuilder } from "../themes/segment-decorations";
import { nextTask, type Later } from "../later";

/** The flags, and where the segments not yet flagged start (a large project just opened), or null when all are. */
export interface AlignFlagsState {
  set: DecorationSet;
  pending: number | null;
}

export const alignFlagsKey = new PluginKey<AlignFlagsState>("dariAlignFlags");

/** The flag's tooltip for a confidence in percent (in the UI language). */
export type FlagTitle = (percent: number) => string;

/** The flag of one segment (at `pos`), if the aligner was unsure of it. A tooltip per percentage, not per
 *  segment: a book has thousands of flags and a hundred texts. */
function segmentFlag(title: FlagTitle): SegmentBuilder {
  const titles = new Map<number, string>();
  return (segment, pos) => {
    if (!isLowConfidence(segment)) return [];
    const percent = Math.round((segmentAttrs(segment).confidence ?? 0) * 100);
    let text = titles.get(percent);
    if (text === undefined) titles.set(percent, (text = title(percent)));
    return [Decoration.node(pos, pos + segment.nodeSize, { class: "dari-low-confidence", "data-confidence": String(percent), title: text })];
  };
}

/** Flags on the low-confidence segments of a document. */
export function lowConfidenceFlags(doc: PMNode, title: FlagTitle): DecorationSet {
  return buildAll(doc, segmentFlag(title));
}

/** The meta that asks for the next batch of flags (any other value of the key redraws them all). */
const BATCH = "batch";

/**
 * The flags plugin. A large project is flagged near its start when it opens
 * and in batches after (a book has thousands of flags: building them all held
 * up its first frame); `later` runs a batch (the window: after the next frame).
 */
export function alignFlags(title: FlagTitle, later: Later = nextTask): Plugin<AlignFlagsState> {
  return new Plugin<AlignFlagsState>({
    key: alignFlagsKey,
    state: {
      init: (_, state) => buildBatch(state.doc, DecorationSet.empty, segmentFlag(title), 0, FIRST_SEGMENTS),
      apply(tr, value, _old, state) {
        const meta = tr.getMeta(alignFlagsKey);
        if (meta === BATCH) return value.pending === null ? value : buildBatch(state.doc, value.set, segmentFlag(title), value.pending, SEGMENT_BATCH);
        const redraw = !!meta;
        if (!tr.docChanged && !redraw) return value;
        const pending = value.pending === null ? null : tr.mapping.map(value.pending, -1);
        if (tr.docChanged && isTypingOnly(tr) && !redraw) return { set: value.set.map(tr.mapping, tr.doc), pending };
        // Confirming a segment (Ctrl+Enter) in a book: one flag, not thousands (20–100 ms each time).
        if (tr.docChanged && isTextOnly(tr) && !redraw) return { set: updateBySegment(value.set, tr, segmentFlag(title)), pending };
        return { set: lowConfidenceFlags(tr.doc, title), pending: null };
      },
    },
    props: { decorations: (state) => alignFlagsKey.getState(state)?.set },
    view: batchesLater(alignFlagsKey, later, BATCH),
  });
}
