// Keys that apply a theme. Alt+1…9 apply the n-th theme of the codebook (in
// panel order) and Alt+<key> a theme's own shortcut key, always; the plain
// digits 1…9 apply a theme only while text is selected, so typing digits in
// the text (2023년, 5만 톤) still works. Never during IME composition.
import { Plugin } from "prosemirror-state";
import type { EditorView } from "prosemirror-view";
import { projectData } from "../../../app/project-state";
import { codeTree } from "../../../app/themes/codebook-ops";
import { applyTheme } from "../../../app/commands/themes";
import type { AppContext } from "../../feature";
import { labelOf } from "./shared";

function codeForKey(view: EditorView, event: KeyboardEvent): string | null {
  if (event.ctrlKey || event.metaKey) return null;
  const codes = codeTree(projectData(view.state).codebook).map((t) => t.code);
  // event.code: Alt changes event.key on macOS (Alt+1 is ¡).
  const digit = /^Digit([1-9])$/.exec(event.code)?.[1] ?? (/^[1-9]$/.test(event.key) ? event.key : null);
  if (event.altKey) {
    if (digit) return codes[Number(digit) - 1]?.id ?? null;
    const letter = /^Key([A-Z])$/.exec(event.code)?.[1]?.toLowerCase();
    return (letter && codes.find((c) => c.shortcut.toLowerCase() === letter)?.id) || null;
  }
  if (!event.shiftKey && digit && !view.state.selection.empty) return codes[Number(digit) - 1]?.id ?? null;
  return null;
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
