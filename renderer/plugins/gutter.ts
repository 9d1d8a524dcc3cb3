// The gutter: each segment's number (its place in the whole document) as a
// node decoration, shown by CSS beside the status bar; and the current
// segment highlighted (a plugin of its own). Numbers are rebuilt only when the structure changes;
// typing maps them, so a keystroke does not touch 20,000 decorations.
import { Plugin, PluginKey, type EditorState } from "prosemirror-state";
import { Decoration, DecorationSet } from "prosemirror-view";
import type { Node as PMNode } from "prosemirror-model";
import { isTextOnly, sideAt } from "../../app/commands/structure";
import "./decoration-lookup";

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

export const gutterKey = new PluginKey<DecorationSet>("dariGutter");

export function gutterPlugin(): Plugin<DecorationSet> {
  return new Plugin<DecorationSet>({
    key: gutterKey,
    state: {
      init: (_, state) => numberSegments(state.doc),
      apply: (tr, set) => (!tr.docChanged ? set : isTextOnly(tr) ? set.map(tr.mapping, tr.doc) : numberSegments(tr.doc)),
    },
    props: {
      decorations: (state) => gutterKey.getState(state)!,
    },
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
