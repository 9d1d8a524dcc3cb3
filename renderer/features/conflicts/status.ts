// The number of conflicts left, in the status bar; hidden when there are
// none, and a click (or Enter) opens the Conflicts panel.
import crelt from "crelt";
import { Plugin, type EditorState } from "prosemirror-state";
import type { AppContext } from "../../feature";
import { conflictCount } from "./plugin";

export function conflictCountPlugin(ctx: AppContext): Plugin {
  return new Plugin({
    view(view) {
      const button = crelt("button", { type: "button", class: "dari-conflict-count", hidden: "", onclick: () => ctx.showPanel("conflicts") }) as HTMLButtonElement;
      const bar = document.querySelector(".dari-statusbar");
      bar?.insertBefore(button, bar.querySelector(".dari-counts"));
      let lastDoc: unknown = null;
      const show = (state: EditorState, force = false) => {
        if (state.doc === lastDoc && !force) return;
        lastDoc = state.doc;
        // Not a walk of every segment: this runs on every keystroke.
        const n = conflictCount(state);
        button.hidden = n === 0;
        button.textContent = ctx.t("library:conflicts.count", { count: n });
      };
      const relabel = () => show(view.state, true);
      ctx.i18n.on("languageChanged", relabel);
      show(view.state);
      return {
        update: (v) => show(v.state),
        destroy: () => {
          ctx.i18n.off("languageChanged", relabel);
          button.remove();
        },
      };
    },
  });
}
