// The coding-mode switch in the status bar: shows whether plain digits over a
// selection tag (coding mode) or type (the default), and toggles it. A plugin
// view, so it follows the state; the state itself is app/themes/coding-mode.ts.
import crelt from "crelt";
import { Plugin } from "prosemirror-state";
import type { EditorView } from "prosemirror-view";
import type { AppContext } from "../../feature";
import { isCodingMode, toggleCodingMode } from "../../../app/themes/coding-mode";

class CodingModeSwitch {
  dom = crelt("button", { type: "button", class: "dari-coding-mode", "data-action": "coding-mode" }) as HTMLButtonElement;
  private shown: boolean | null = null;

  constructor(
    private view: EditorView,
    private ctx: AppContext,
  ) {
    this.dom.addEventListener("click", () => {
      toggleCodingMode(this.view.state, this.view.dispatch);
      this.ctx.notify(this.ctx.t(isCodingMode(this.view.state) ? "themes:codingMode.nowOn" : "themes:codingMode.nowOff"));
      this.view.focus();
    });
    const bar = document.querySelector(".dari-statusbar");
    bar?.insertBefore(this.dom, bar.querySelector(".dari-counts"));
    ctx.i18n.on("languageChanged", this.label);
    this.label();
  }

  private label = () => {
    this.shown = null;
    this.update();
  };

  update(): void {
    const on = isCodingMode(this.view.state);
    if (on === this.shown) return;
    this.shown = on;
    const t = this.ctx.t;
    this.dom.textContent = t(on ? "themes:codingMode.on" : "themes:codingMode.off");
    this.dom.title = t("themes:codingMode.title");
    this.dom.setAttribute("aria-pressed", String(on));
    this.dom.classList.toggle("on", on);
  }

  destroy(): void {
    this.ctx.i18n.off("languageChanged", this.label);
    this.dom.remove();
  }
}

export function codingModeSwitch(ctx: AppContext): Plugin {
  return new Plugin({
    view(view) {
      const s = new CodingModeSwitch(view, ctx);
      return { update: () => s.update(), destroy: () => s.destroy() };
    },
  });
}
