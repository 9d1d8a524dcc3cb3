// Alignment editing in the editor (issue 3): keys and toolbar buttons for the
// commands of app/commands/align, and a flag in the gutter on segments the
// aligner was unsure of. The commands and the threshold live in app/.
// (Ctrl+Alt+L would lock the screen on some Linux desktops: "next unsure" is u.)
import "./align.css";
import type { Plugin, Command } from "prosemirror-state";
import { keymap } from "prosemirror-keymap";
import { alignFlags, alignFlagsKey } from "../../app/align/flags";
import type { Feature, AppContext, ToolbarItem } from "../feature";
import { redrawOnLanguageChange } from "../language-change";
import {
  confirmAbove,
  insertSegment,
  mergeWithNext,
  moveSentence,
  nextLowConfidence,
  nextUnconfirmed,
  realignPassage,
  splitSegment,
  toggleConfirmed,
} from "../../app/commands/align";
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

function plugins(ctx: AppContext): Plugin[] {
  // The flags' tooltips are in the UI language.
  redrawOnLanguageChange(ctx, "align", (state) => state.tr.setMeta(alignFlagsKey, true));
  const keys: Record<string, Command> = {};
  for (const [name, key] of Object.entries(ALIGN_KEYS)) keys[key] = COMMANDS[name as keyof typeof ALIGN_KEYS];
  return [keymap(keys), alignFlags((percent) => ctx.t("align:flag.low", { percent }))];
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
