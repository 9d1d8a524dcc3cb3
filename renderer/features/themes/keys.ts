// Keys that apply a theme: app/themes/theme-keys.ts decides which (Alt+1…9,
// Alt+<a theme's own key>, and 1…9 over a selection in coding mode); this plugin looks
// the theme up in the codebook and applies it. Never during IME composition.
import { Plugin } from "prosemirror-state";
import type { EditorView } from "prosemirror-view";
import { projectData } from "../../../app/project-state";
import { codeTree } from "../../../app/themes/codebook-ops";
import { applyTheme } from "../../../app/commands/themes";
import { themeKeyOf } from "../../../app/themes/theme-keys";
import { isCodingMode } from "../../../app/themes/coding-mode";
import type { AppContext } from "../../feature";
import { labelOf } from "./shared";

function codeForKey(view: EditorView, event: KeyboardEvent): string | null {
  const key = themeKeyOf(event, !view.state.selection.empty, isCodingMode(view.state));
  if (!key) return null;
  const codes = codeTree(projectData(view.state).codebook).map((t) => t.code);
  if ("nth" in key) return codes[key.nth - 1]?.id ?? null;
  return codes.find((c) => c.shortcut.toLowerCase() === key.letter)?.id || null;
}

export function themeKeys(ctx: AppContext): Plugin {
  return new Plugin({
    props: {
      handleKeyDown(view, event) {
        if (view.composing || event.isComposing) return false;
        const code = codeForKey(view, event);
        if (!code) return false;
        if (!applyTheme(code)(view.state, view.dispatch)) {
          ctx.notify(ctx.t("themes:noSelection"));
          return true;
        }
        ctx.notify(ctx.t("themes:applied", { label: labelOf(ctx, code) }));
        return true;
      },
    },
  });
}
