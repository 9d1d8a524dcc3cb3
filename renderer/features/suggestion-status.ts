// Keyword suggestions in the status bar (issue 15 req. 7): how many there
// are, or that they are off; a click switches them. Counted off the
// keystroke, at most every 300 ms, and only when the suggestions changed.
import crelt from "crelt";
import { Plugin, type EditorState } from "prosemirror-state";
import type { EditorView } from "prosemirror-view";
import type { AppContext, Feature } from "../feature";
import { suggestionKeyPlugin, toggleSuggestions } from "../../app/themes/suggestion-decorations";

class SuggestionStatus {
  dom = crelt("button", { type: "button", class: "dari-status-button dari-suggestion-count", "data-action": "suggestion-count" }) as HTMLButtonElement;
  private lastSet: unknown = null;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private view: EditorView,
    private ctx: AppContext,
  ) {
    this.dom.addEventListener("click", () => {
      toggleSuggestions()(this.view.state, this.view.dispatch);
      this.view.focus();
    });
    const bar = document.querySelector(".dari-statusbar");
    bar?.insertBefore(this.dom, bar.querySelector(".dari-counts"));
    ctx.i18n.on("languageChanged", this.relabel);
    this.count(view.state);
  }

  private relabel = () => {
    this.lastSet = null;
    this.count(this.view.state);
  };

  update(state: EditorState): void {
    const s = suggestionKeyPlugin.getState(state);
    if (!s || s.set === this.lastSet || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.count(this.view.state);
    }, 300);
  }

  private count(state: EditorState): void {
    const s = suggestionKeyPlugin.getState(state);
    this.lastSet = s?.set ?? null;
    const t = this.ctx.t;
    const text = s?.on ? t("ui:status.suggestions", { count: s.set.find().length }) : t("ui:status.suggestionsOff");
    if (this.dom.textContent !== text) this.dom.textContent = text;
    this.dom.title = t("ui:status.suggestionsTitle");
    this.dom.setAttribute("aria-pressed", String(!!s?.on));
  }

  destroy(): void {
    if (this.timer) clearTimeout(this.timer);
    this.ctx.i18n.off("languageChanged", this.relabel);
    this.dom.remove();
  }
}

export const suggestionStatusFeature: Feature = {
  id: "suggestion-status",
  plugins: (ctx) => [
    new Plugin({
      view(view) {
        const s = new SuggestionStatus(view, ctx);
        return { update: (v) => s.update(v.state), destroy: () => s.destroy() };
      },
    }),
  ],
};
