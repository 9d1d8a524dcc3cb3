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
import { ALIGN_COMMANDS, realignPassageWith } from "../../app/commands/align";
import { learnedLexicon } from "../../app/align/learn";
import { loadLearnedLexicon } from "./translate/user-data";
import { ALIGN_MENU, type AlignCommandName } from "../../app/menu";
import { gutterTip, reviewStep } from "./align-review";

// The window's context, for the review steps' messages (one window, one app).
let appContext: AppContext | null = null;

/** The commands as the keys, toolbar and menu run them: the review steps centre and speak. */
const COMMANDS: Record<AlignCommandName, Command> = {
  ...ALIGN_COMMANDS,
  nextLow: reviewStep(ALIGN_COMMANDS.nextLow, "unsure", () => appContext),
  nextUnconfirmed: reviewStep(ALIGN_COMMANDS.nextUnconfirmed, "unconfirmed", () => appContext),
  // Re-aligning a passage uses the pairs learned from the user memory, as an import does.
  realign: realignPassageWith(() => learnedLexicon(loadLearnedLexicon())),
};

function plugins(ctx: AppContext): Plugin[] {
  appContext = ctx;
  // The flags' tooltips are in the UI language.
  redrawOnLanguageChange(ctx, "align", (state) => state.tr.setMeta(alignFlagsKey, true));
  const keys = Object.fromEntries(ALIGN_MENU.map(({ name, key }) => [key, COMMANDS[name]]));
  return [keymap(keys), alignFlags((percent) => ctx.t("align:flag.low", { percent })), gutterTip(ctx)];
}

const toolbar: ToolbarItem[] = ALIGN_MENU.map(({ name, key }) => ({
  id: `align-${name}`,
  labelKey: `align:toolbar.${name}`,
  shortcut: key,
  command: COMMANDS[name],
}));

/** The Segment menu's commands, run on the editor as their keys would. */
const menu: Feature["menu"] = Object.fromEntries(
  ALIGN_MENU.map(({ name }) => [
    `align:${name}`,
    (ctx: AppContext) => {
      const view = ctx.view();
      COMMANDS[name](view.state, view.dispatch, view);
      view.focus();
    },
  ]),
);

export const alignFeature: Feature = { id: "align", plugins, toolbar, menu };
