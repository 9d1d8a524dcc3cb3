// The gutter's flag on segments the aligner was unsure of (below the
// confidence threshold of app/commands/align.ts), kept until the analyst
// confirms them. Typing only maps the flags; a change of structure or of
// attributes (confirming, re-aligning) rebuilds them, and so does a
// transaction carrying the plugin's key (the UI language changed).
import { Plugin, PluginKey, type Transaction } from "prosemirror-state";
import { Decoration, DecorationSet } from "prosemirror-view";
import type { Node as PMNode } from "prosemirror-model";
import { AttrStep } from "prosemirror-transform";
import { isTextOnly } from "../commands/structure";
import { isLowConfidence } from "../commands/align";
import { segmentAttrs } from "../schema";

export const alignFlagsKey = new PluginKey<DecorationSet>("dariAlignFlags");

/** The flag's tooltip for a confidence in percent (in the UI language). */
export type FlagTitle = (percent: number) => string;

/** Flags on the low-confidence segments of a document. */
export function lowConfidenceFlags(doc: PMNode, title: FlagTitle): DecorationSet {
  const decos: Decoration[] = [];
  // A tooltip per percentage, not per segment: a book has thousands of flags and a hundred texts.
  const titles = new Map<number, string>();
  doc.forEach((passage, offset) => {
    passage.forEach((segment, segOffset) => {
      if (!isLowConfidence(segment)) return;
      const pos = offset + 1 + segOffset;
      const percent = Math.round((segmentAttrs(segment).confidence ?? 0) * 100);
      let text = titles.get(percent);
      if (text === undefined) titles.set(percent, (text = title(percent)));
      decos.push(Decoration.node(pos, pos + segment.nodeSize, { class: "dari-low-confidence", "data-confidence": String(percent), title: text }));
    });
  });
  return DecorationSet.create(doc, decos);
}

/** Typing only maps the flags; a change of structure or of attributes (confirm) rebuilds them. */
function onlyTyping(tr: Transaction): boolean {
  return isTextOnly(tr) && !tr.steps.some((s) => s instanceof AttrStep);
}

export function alignFlags(title: FlagTitle): Plugin<DecorationSet> {
  return new Plugin<DecorationSet>({
    key: alignFlagsKey,
    state: {
      init: (_, state) => lowConfidenceFlags(state.doc, title),
      apply(tr, set) {
        const redraw = !!tr.getMeta(alignFlagsKey);
        if (!tr.docChanged && !redraw) return set;
        return tr.docChanged && onlyTyping(tr) && !redraw ? set.map(tr.mapping, tr.doc) : lowConfidenceFlags(tr.doc, title);
      },
    },
    props: { decorations: (state) => alignFlagsKey.getState(state) },
  });
}
