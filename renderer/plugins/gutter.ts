// The gutter: each segment's number (its place in the whole document) as a
// node decoration, shown by CSS beside the status bar; and the current
// segment highlighted (a plugin of its own). Numbers are rebuilt only when the structure changes;
// typing maps them, so a keystroke does not touch 20,000 decorations.
import { Plugin, PluginKey, type EditorState } from "prosemirror-state";
import { Decoration, DecorationSet } from "prosemirror-view";
import type { Node as PMNode } from "prosemirror-model";
import { isTextOnly, sideAt } from "../../app/commands/structure";
import "./decoration-lookup";
import { batchesLater, buildBatch, FIRST_SEGMENTS, SEGMENT_BATCH, type SegmentBuilder } from "../../app/themes/segment-decorations";
import { afterNextFrame } from "../after-frame";

function numberSegments(doc: PMNode): DecorationSet {
  const decos: Decoration[] = [];
  let n = 0;
  doc.forEach((passage, offset) => {
    passage.forEach((segment, segOffset) => {
      const pos = offset + 1 + segOffset;
      decos.push(Decoration.node(pos, pos + segment.nodeSize, { "data-n": String(++n) }));
    });
  });
  return DecorationSet.create(doc, decos);
}

/** Numbers the segments from position `from` on, counting those before it. */
function numbersFrom(doc: PMNode, from: number): SegmentBuilder {
  let n = 0;
  doc.forEach((passage, offset) => {
    if (offset >= from) return;
    if (offset + passage.nodeSize <= from) n += passage.childCount;
    else passage.forEach((_s, segOffset) => void (offset + 1 + segOffset < from && n++));
  });
  return (segment, pos) => [Decoration.node(pos, pos + segment.nodeSize, { "data-n": String(++n) })];
}

interface GutterState {
  set: DecorationSet;
  /** Where the segments not numbered yet start (a large project just opened), or null. */
  pending: number | null;
}

export const gutterKey = new PluginKey<GutterState>("dariGutter");

/** A large project is numbered near its start when it opens, the rest in batches after the first frame. */
export function gutterPlugin(): Plugin<GutterState> {
  return new Plugin<GutterState>({
    key: gutterKey,
    state: {
      init: (_, state) => buildBatch(state.doc, DecorationSet.empty, numbersFrom(state.doc, 0), 0, FIRST_SEGMENTS),
      apply(tr, value, _old, state) {
        if (tr.getMeta(gutterKey) === "batch" && value.pending !== null) return buildBatch(state.doc, value.set, numbersFrom(state.doc, value.pending), value.pending, SEGMENT_BATCH);
        if (!tr.docChanged) return value;
        if (isTextOnly(tr)) return { set: value.set.map(tr.mapping, tr.doc), pending: value.pending === null ? null : tr.mapping.map(value.pending, -1) };
        return { set: numberSegments(tr.doc), pending: null };
      },
    },
    props: {
      decorations: (state) => gutterKey.getState(state)!.set,
    },
    view: batchesLater(gutterKey, afterNextFrame, "batch"),
  });
}

export const currentSegmentKey = new PluginKey<DecorationSet>("dariCurrentSegment");

function currentSegment(state: EditorState): DecorationSet {
  const here = sideAt(state.selection.$head);
  if (!here) return DecorationSet.empty;
  return DecorationSet.create(state.doc, [Decoration.node(here.segmentPos, here.segmentPos + here.segment.nodeSize, { class: "dari-current" })]);
}

/**
 * The current segment, highlighted. A set of its own, kept while the cursor
 * stays in the segment (typing maps it), so a keystroke does not rebuild the
 * 20,000 numbers with the highlight added.
 */
export function currentSegmentPlugin(): Plugin<DecorationSet> {
  return new Plugin<DecorationSet>({
    key: currentSegmentKey,
    state: {
      init: (_, state) => currentSegment(state),
      apply(tr, set, _old, state) {
        if (!tr.docChanged && !tr.selectionSet) return set;
        const mapped = tr.docChanged ? set.map(tr.mapping, tr.doc) : set;
        const here = sideAt(state.selection.$head);
        const kept = mapped.find()[0];
        if (here && kept && kept.from === here.segmentPos && kept.to === here.segmentPos + here.segment.nodeSize) return mapped;
        return currentSegment(state);
      },
    },
    props: {
      decorations: (state) => currentSegmentKey.getState(state)!,
    },
  });
}
