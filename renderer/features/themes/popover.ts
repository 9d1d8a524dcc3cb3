// The small popover under the cursor: with the cursor in tagged text it lists
// the tags there, each with its memo (edited in place) and a remove button;
// after a click on a suggested word it offers to accept or dismiss the
// suggestion. It never takes focus by itself, so typing goes on in the text.
import crelt from "crelt";
import { Plugin, PluginKey, type EditorState } from "prosemirror-state";
import type { EditorView } from "prosemirror-view";
import { projectData } from "../../../app/project-state";
import { annotationsAt, removeAnnotation, setAnnotationNote } from "../../../app/commands/themes";
import { acceptSuggestion, dismissSuggestion, suggestionsAt } from "../../../app/themes/suggestion-decorations";
import type { Suggestion } from "../../../app/themes/suggest";
import type { AnnotationRange } from "../../../app/themes/annotations";
import type { AppContext } from "../../feature";
import { colorOf, labelOf } from "./shared";

const popoverKey = new PluginKey<{ suggestionAt: number | null }>("dariThemePopover");

class PopoverView {
  dom = crelt("div", { class: "dari-theme-popover", role: "dialog", hidden: "" });
  private signature = "";
  private shown = "";

  constructor(
    private view: EditorView,
    private ctx: AppContext,
  ) {
    document.body.appendChild(this.dom);
    this.update(view);
  }

  update(view: EditorView): void {
    this.view = view;
    const state = view.state;
    const at = popoverKey.getState(state)?.suggestionAt ?? null;
    const suggestions = at !== null ? suggestionsAt(state, at) : [];
    const tags = state.selection.empty ? dedupe(annotationsAt(state, state.selection.from)) : [];
    if (!suggestions.length && !tags.length) return this.hide();
    const shown = JSON.stringify([suggestions.map((s) => [s.code, s.from, s.to]), tags.map((t) => [t.id, t.code]), this.ctx.i18n.language, projectData(state).codebook]);
    const full = shown + JSON.stringify(tags.map((t) => t.note));
    // Rebuild only when what is shown changed, and never under a memo being typed.
    const typing = !this.dom.hidden && this.dom.contains(document.activeElement) && shown === this.shown;
    if (!typing && (full !== this.signature || this.dom.hidden)) {
      this.dom.replaceChildren(...(suggestions.length ? this.suggestionItems(state, suggestions) : this.tagItems(state, tags)));
    }
    this.signature = full;
    this.shown = shown;
    this.dom.setAttribute("aria-label", this.ctx.t("themes:memo.title"));
    this.dom.hidden = false;
    this.place(suggestions.length ? suggestions[0].from : state.selection.from);
  }

  private tagItems(state: EditorState, tags: AnnotationRange[]): HTMLElement[] {
    const { codebook } = projectData(state);
    return [
      crelt("div", { class: "dari-popover-title" }, this.ctx.t("themes:memo.title")),
      ...tags.map((r) => {
        const memo = crelt("textarea", { class: "dari-memo", rows: "2", placeholder: this.ctx.t("themes:memo.placeholder"), "aria-label": `${this.ctx.t("themes:memo.label")}: ${labelOf(this.ctx, r.code, codebook)}` }) as HTMLTextAreaElement;
        memo.value = r.note;
        const save = () => {
          if (memo.value !== r.note) setAnnotationNote(r.id, memo.value, r.from)(this.view.state, this.view.dispatch);
        };
        memo.addEventListener("change", save);
        memo.addEventListener("keydown", (e) => {
          if (e.key === "Enter" && !e.shiftKey && !e.isComposing) {
            e.preventDefault();
            save();
            this.view.focus();
          } else if (e.key === "Escape") this.view.focus();
        });
        return crelt(
          "div",
          { class: "dari-popover-item", "data-annotation": r.id },
          crelt("span", { class: "dari-theme-chip", style: `background:${colorOf(codebook, r.code)}` }),
          crelt("span", { class: "dari-popover-label" }, labelOf(this.ctx, r.code, codebook)),
          crelt("button", { type: "button", class: "dari-popover-remove", title: this.ctx.t("themes:memo.remove"), onclick: () => {
            removeAnnotation(r.id, r.from)(this.view.state, this.view.dispatch);
            this.view.focus();
          } }, "×"),
          memo,
        );
      }),
    ];
  }

  private suggestionItems(state: EditorState, list: Suggestion[]): HTMLElement[] {
    const { codebook } = projectData(state);
    return list.map((s) =>
      crelt(
        "div",
        { class: "dari-popover-item", title: this.ctx.t("themes:suggest.title", { label: labelOf(this.ctx, s.code, codebook), keyword: s.keyword }) },
        crelt("span", { class: "dari-theme-chip", style: `background:${colorOf(codebook, s.code)}` }),
        crelt("button", { type: "button", class: "dari-suggest-accept", onclick: () => {
          acceptSuggestion(s)(this.view.state, this.view.dispatch);
          this.view.focus();
        } }, this.ctx.t("themes:suggest.accept", { label: labelOf(this.ctx, s.code, codebook) })),
        crelt("button", { type: "button", class: "dari-suggest-dismiss", onclick: () => {
          dismissSuggestion(s)(this.view.state, this.view.dispatch);
          this.view.focus();
        } }, this.ctx.t("themes:suggest.dismiss")),
      ),
    );
  }

  private place(pos: number): void {
    try {
      const c = this.view.coordsAtPos(pos);
      const width = this.dom.offsetWidth || 260;
      this.dom.style.left = `${Math.max(4, Math.min(c.left, window.innerWidth - width - 8))}px`;
      this.dom.style.top = `${c.bottom + 6}px`;
    } catch {
      this.hide();
    }
  }

  private hide(): void {
    this.dom.hidden = true;
    this.signature = "";
  }

  destroy(): void {
    this.dom.remove();
  }
}

/** One entry per annotation (an annotation may have a range on each side). */
function dedupe(list: AnnotationRange[]): AnnotationRange[] {
  const seen = new Set<string>();
  return list.filter((r) => !seen.has(r.id) && !!seen.add(r.id));
}

export function themePopover(ctx: AppContext): Plugin {
  return new Plugin<{ suggestionAt: number | null }>({
    key: popoverKey,
    state: {
      init: () => ({ suggestionAt: null }),
      apply(tr, value) {
        const meta = tr.getMeta(popoverKey) as { suggestionAt: number | null } | undefined;
        if (meta) return meta;
        if (value.suggestionAt === null) return value;
        // Any other edit or cursor move closes the suggestion popover.
        return tr.docChanged || tr.selectionSet ? { suggestionAt: null } : value;
      },
    },
    view: (view) => new PopoverView(view, ctx),
    props: {
      handleClick(view, pos, event) {
        const onSuggestion = (event.target as HTMLElement | null)?.closest?.(".dari-suggestion");
        const want = onSuggestion && suggestionsAt(view.state, pos).length ? pos : null;
        if (want !== null || popoverKey.getState(view.state)?.suggestionAt !== null) {
          // Let the click place the cursor first, then open (or close) the popover.
          setTimeout(() => view.dispatch(view.state.tr.setMeta(popoverKey, { suggestionAt: want })));
        }
        return false;
      },
    },
  });
}
