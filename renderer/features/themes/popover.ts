// The small popover under the cursor: with the cursor in tagged text it lists
// the tags there, each with its memo, a button that opens the memo editor
// (memo-editor.ts) and a remove button;
// after a click on a suggested word it offers to accept or dismiss the
// suggestion. It never takes focus by itself, so typing goes on in the text.
import crelt from "crelt";
import { Plugin, PluginKey, type EditorState } from "prosemirror-state";
import type { EditorView } from "prosemirror-view";
import { projectData } from "../../../app/project-state";
import { annotationsAt, removeAnnotation } from "../../../app/commands/themes";
import { memoRequest, openMemo } from "../../../app/themes/memo";
import { acceptSuggestion, dismissSuggestion, suggestionsAt } from "../../../app/themes/suggestion-decorations";
import type { Suggestion } from "../../../app/themes/suggest";
import type { AnnotationRange } from "../../../app/themes/annotations";
import type { AppContext } from "../../feature";
import { colorOf, labelOf } from "./shared";

const popoverKey = new PluginKey<{ suggestionAt: number | null }>("dariThemePopover");

class PopoverView {
  dom = crelt("div", { class: "dari-theme-popover", role: "dialog", hidden: "" });
  private signature = "";

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
    // The memo editor, when open, stands where the popover would.
    if (memoRequest(state)) return this.hide();
    const at = popoverKey.getState(state)?.suggestionAt ?? null;
    const suggestions = at !== null ? suggestionsAt(state, at) : [];
    const tags = state.selection.empty ? dedupe(annotationsAt(state, state.selection.from)) : [];
    if (!suggestions.length && !tags.length) return this.hide();
    const full = JSON.stringify([suggestions.map((s) => [s.code, s.from, s.to]), tags.map((t) => [t.id, t.code, t.note]), this.ctx.i18n.language, projectData(state).codebook]);
    // Rebuild only when what is shown changed.
    if (full !== this.signature || this.dom.hidden) {
      this.dom.replaceChildren(...(suggestions.length ? this.suggestionItems(state, suggestions) : this.tagItems(state, tags)));
    }
    this.signature = full;
    this.dom.setAttribute("aria-label", this.ctx.t("themes:memo.title"));
    this.dom.hidden = false;
    this.place(suggestions.length ? suggestions[0].from : state.selection.from);
  }

  /** The tags at the cursor: each with its memo (read only) and buttons to write the memo and to remove the tag. */
  private tagItems(state: EditorState, tags: AnnotationRange[]): HTMLElement[] {
    const { codebook } = projectData(state);
    return [
      crelt("div", { class: "dari-popover-title" }, this.ctx.t("themes:memo.title")),
      ...tags.map((r) => {
        const label = labelOf(this.ctx, r.code, codebook);
        return crelt(
          "div",
          { class: "dari-popover-item", "data-annotation": r.id },
          crelt("span", { class: "dari-theme-chip", style: `background:${colorOf(codebook, r.code)}` }),
          crelt("span", { class: "dari-popover-label" }, label),
          crelt("button", { type: "button", class: "dari-popover-remove", title: this.ctx.t("themes:memo.remove"), "aria-label": `${this.ctx.t("themes:memo.remove")}: ${label}`, onclick: () => {
            removeAnnotation(r.id, r.from)(this.view.state, this.view.dispatch);
            this.view.focus();
          } }, "×"),
          ...(r.note ? [crelt("div", { class: "dari-popover-memo" }, r.note)] : []),
          crelt("button", { type: "button", class: "dari-popover-edit-memo", "aria-label": `${this.ctx.t("themes:memo.edit")}: ${label}`, onclick: () => {
            openMemo(r.from, r.id)(this.view.state, this.view.dispatch);
          } }, this.ctx.t("themes:memo.edit")),
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
