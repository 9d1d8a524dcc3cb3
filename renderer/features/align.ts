// Alignment editing in the editor (issue 3): keys and toolbar buttons for the
// commands of app/commands/align, and a flag in the gutter on segments the
// aligner was unsure of. The commands and the threshold live in app/.
// (Ctrl+Alt+L would lock the screen on some Linux desktops: "next unsure" is u.)
import "./align.css";
import type { Plugin } from "prosemirror-state";
import { keymap } from "prosemirror-keymap";
import { alignFlags, alignFlagsKey } from "../../app/align/flags";
import type { Feature, AppContext, ToolbarItem } from "../feature";
import { redrawOnLanguageChange } from "../language-change";
import { ALIGN_COMMANDS } from "../../app/commands/align";
import { ALIGN_MENU } from "../../app/menu";

function plugins(ctx: AppContext): Plugin[] {
  // The flags' tooltips are in the UI language.
  redrawOnLanguageChange(ctx, "align", (state) => state.tr.setMeta(alignFlagsKey, true));
  const keys = Object.fromEntries(ALIGN_MENU.map(({ name, key }) => [key, ALIGN_COMMANDS[name]]));
  return [keymap(keys), alignFlags((percent) => ctx.t("align:flag.low", { percent }))];
}

const toolbar: ToolbarItem[] = ALIGN_MENU.map(({ name, key }) => ({
  id: `align-${name}`,
  labelKey: `align:toolbar.${name}`,
  shortcut: key,
  command: ALIGN_COMMANDS[name],
}));

/** The Segment menu's commands, run on the editor as their keys would. */
const menu: Feature["menu"] = Object.fromEntries(
  ALIGN_MENU.map(({ name }) => [
    `align:${name}`,
    (ctx: AppContext) => {
      const view = ctx.view();
      ALIGN_COMMANDS[name](view.state, view.dispatch, view);
      view.focus();
    },
  ]),
);

export const alignFeature: Feature = { id: "align", plugins, toolbar, menu };
