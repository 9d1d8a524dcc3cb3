// Alignment editing in the editor (issue 3): keys and toolbar buttons for the
// commands of app/commands/align, and a flag in the gutter on segments the
// aligner was unsure of. The commands and the threshold live in app/.
// (Ctrl+Alt+L would lock the screen on some Linux desktops: "next unsure" is u.)
import "./align.css";
import { Plugin, PluginKey, type Command, type Transaction } from "prosemirror-state";
import { keymap } from "prosemirror-keymap";
import { Decoration, DecorationSet } from "prosemirror-view";
import type { Node as PMNode } from "prosemirror-model";
import { AttrStep } from "prosemirror-transform";
import { isTextOnly } from "../../app/commands/structure";
import type { Feature, AppContext, ToolbarItem } from "../feature";
import { redrawOnLanguageChange } from "../language-change";
import {
  confirmAbove,
  insertSegment,
  isLowConfidence,
  mergeWithNext,
  moveSentence,
  nextLowConfidence,
  nextUnconfirmed,
  realignPassage,
  splitSegment,
  toggleConfirmed,
} from "../../app/commands/align";
import { segmentAttrs } from "../../app/schema";
import { ALIGN_MENU } from "../../app/menu";

/** The keys of the alignment commands (app/menu.ts lists them for the Segment menu), also shown in the toolbar tooltips. */
export const ALIGN_KEYS = Object.fromEntries(ALIGN_MENU.map(({ name, key }) => [name, key])) as Record<
  "merge" | "split" | "moveUp" | "moveDown" | "insert" | "confirm" | "confirmAbove" | "nextUnconfirmed" | "nextLow" | "realign",
  string
>;

const COMMANDS: Record<keyof typeof ALIGN_KEYS, Command> = {
  merge: mergeWithNext,
  split: splitSegment,
  moveUp: moveSentence(-1),
  moveDown: moveSentence(1),
  insert: insertSegment,
  confirm: toggleConfirmed,
  confirmAbove,
  nextUnconfirmed,
  nextLow: nextLowConfidence,
  realign: realignPassage,
};

const flagKey = new PluginKey<DecorationSet>("dariAlignFlags");

/** Typing only maps the flags; a change of structure or of attributes (confirm) rebuilds them. */
function onlyTyping(tr: Transaction): boolean {
  return isTextOnly(tr) && !tr.steps.some((s) => s instanceof AttrStep);
}

function flags(doc: PMNode, ctx: AppContext): DecorationSet {
  const decos: Decoration[] = [];
  doc.forEach((passage, offset) => {
    passage.forEach((segment, segOffset) => {
      if (!isLowConfidence(segment)) return;
      const pos = offset + 1 + segOffset;
      const percent = Math.round((segmentAttrs(segment).confidence ?? 0) * 100);
      decos.push(Decoration.node(pos, pos + segment.nodeSize, { class: "dari-low-confidence", "data-confidence": String(percent), title: ctx.t("align:flag.low", { percent }) }));
    });
  });
  return DecorationSet.create(doc, decos);
}

function flagPlugin(ctx: AppContext): Plugin<DecorationSet> {
  return new Plugin<DecorationSet>({
    key: flagKey,
    state: {
      init: (_, state) => flags(state.doc, ctx),
      apply: (tr, set) => (!tr.docChanged && !tr.getMeta(flagKey) ? set : tr.docChanged && onlyTyping(tr) && !tr.getMeta(flagKey) ? set.map(tr.mapping, tr.doc) : flags(tr.doc, ctx)),
    },
    props: { decorations: (state) => flagKey.getState(state) },
  });
}

function plugins(ctx: AppContext): Plugin[] {
  // The flags' tooltips are in the UI language.
  redrawOnLanguageChange(ctx, "align", (state) => state.tr.setMeta(flagKey, true));
  const keys: Record<string, Command> = {};
  for (const [name, key] of Object.entries(ALIGN_KEYS)) keys[key] = COMMANDS[name as keyof typeof ALIGN_KEYS];
  return [keymap(keys), flagPlugin(ctx)];
}

const toolbar: ToolbarItem[] = (Object.keys(ALIGN_KEYS) as (keyof typeof ALIGN_KEYS)[]).map((name) => ({
  id: `align-${name}`,
  labelKey: `align:toolbar.${name}`,
  shortcut: ALIGN_KEYS[name],
  command: COMMANDS[name],
}));

/** The Segment menu's commands, run on the editor as their keys would. */
const menu: Feature["menu"] = Object.fromEntries(
  (Object.keys(COMMANDS) as (keyof typeof COMMANDS)[]).map((name) => [
    `align:${name}`,
    (ctx: AppContext) => {
      const view = ctx.view();
      COMMANDS[name](view.state, view.dispatch, view);
      view.focus();
    },
  ]),
);

export const alignFeature: Feature = { id: "align", plugins, toolbar, menu };
