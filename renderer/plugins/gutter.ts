// The gutter: each segment's number (its place in the whole document) as a
// node decoration, shown by CSS beside the status bar; and the current
// segment highlighted. Numbers are rebuilt only when the structure changes;
// typing maps them, so a keystroke does not touch 20,000 decorations.
import { Plugin, PluginKey } from "prosemirror-state";
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
      decorations(state) {
        const numbers = gutterKey.getState(state)!;
        const here = sideAt(state.selection.$head);
        if (!here) return numbers;
        const current = Decoration.node(here.segmentPos, here.segmentPos + here.segment.nodeSize, { class: "dari-current" });
        return numbers.add(state.doc, [current]);
      },
    },
  });
}
