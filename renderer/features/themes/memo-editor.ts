// Memos on tags (issue 17.5): a tagged span with a memo carries a small memo
// mark at its end (its name is "Memo: …" in the UI language); clicking it, the
// key (MEMO_KEY), the tag popover's button, the context menu or the palette
// opens the memo editor. The editor takes several lines (Enter adds a line),
// saves with Ctrl+Enter (⌘↩ on macOS) and says so in the status bar, and
// closes with Escape. Which memo is open lives in the editor state
// (app/themes/memo.ts); this module draws it.
import crelt from "crelt";
import { Plugin, type EditorState } from "prosemirror-state";
import { Decoration, type EditorView } from "prosemirror-view";
import { keydownHandler } from "prosemirror-keymap";
import { projectData } from "../../../app/project-state";
import { setAnnotationNote } from "../../../app/commands/themes";
import { findAnnotation, type AnnotationRange } from "../../../app/themes/annotations";
import { closeMemo, memoEditorPlugin, memoRequest, openMemo, type MemoRequest } from "../../../app/themes/memo";
import { MEMO_KEY } from "../../../app/themes/theme-keys";
import { iconElement } from "../../icons";
import { shownKey } from "../../key-label";
import type { AppContext } from "../../feature";
import { paint } from "../themes";
import { colorOf, labelOf, segmentPositions } from "./shared";

/** A memo as the mark's name shows it: one line, not too long. */
function memoLine(note: string): string {
  const line = note.replace(/\s+/g, " ").trim();
  return line.length > 120 ? `${line.slice(0, 119)}…` : line;
}

/** The memo mark at the end of a tagged range with a memo (a widget of the theme decorations). */
export function memoMark(ctx: AppContext) {
  return (r: AnnotationRange, state: EditorState): Decoration => {
    const label = labelOf(ctx, r.code, projectData(state).codebook);
    const name = ctx.t("themes:memo.mark", { note: memoLine(r.note) });
    return Decoration.widget(
      r.to,
      (view, getPos) => {
        const mark = crelt("button", { type: "button", class: "dari-memo-mark", contenteditable: "false", tabindex: "-1", "aria-label": name, title: ctx.t("themes:memo.mark", { note: r.note }), "data-annotation": r.id }, iconElement("themes-memo") ?? "");
        mark.addEventListener("mousedown", (e) => e.preventDefault());
        mark.addEventListener("click", (e) => {
          e.preventDefault();
          const v = view as EditorView;
          openMemo(getPos() ?? r.to, r.id)(v.state, v.dispatch);
        });
        return mark;
      },
      // The key holds what the mark shows, so a new memo or UI language draws it again.
      { key: `memo|${r.id}|${r.side}|${ctx.i18n.language}|${label}|${r.note}`, side: -1, ignoreSelection: true, stopEvent: () => true },
    );
  };
}

class MemoEditorView {
  dom = crelt("div", { class: "dari-memo-editor", role: "dialog", hidden: "" });
  private text = crelt("textarea", { class: "dari-memo-text", rows: "4" }) as HTMLTextAreaElement;
  private open: MemoRequest | null = null;
  private label = "";
  /** The memo as it was when the editor opened. */
  private original = "";

  constructor(
    private view: EditorView,
    private ctx: AppContext,
  ) {
    document.body.appendChild(this.dom);
    this.text.addEventListener("keydown", (e) => {
      if (e.isComposing) return;
      if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
        e.preventDefault();
        e.stopPropagation();
        this.save();
      } else if (e.key === "Escape") {
        e.preventDefault();
        e.stopPropagation();
        this.close();
      }
      // Enter alone adds a line, as in any text box.
    });
    // Back to the text with nothing written: the editor goes away. A memo being
    // written stays until it is saved or dropped with Escape.
    this.dom.addEventListener("focusout", (e) => {
      const to = e.relatedTarget as Node | null;
      if (this.open && to && !this.dom.contains(to) && this.text.value === this.original) {
        closeMemo(this.view.state, this.view.dispatch);
        this.hide();
      }
    });
    this.update(view);
  }

  update(view: EditorView): void {
    this.view = view;
    const req = memoRequest(view.state);
    if (!req) return this.hide();
    const same = this.open?.id === req.id;
    this.open = req;
    // Never rebuilt under the analyst's typing; only moved with the text.
    if (same && !this.dom.hidden) return this.place();
    this.show(req);
  }

  private show(req: MemoRequest): void {
    const state = this.view.state;
    const ranges = findAnnotation(state.doc, req.id, req.near);
    if (!ranges.length) return this.hide();
    const { codebook } = projectData(state);
    const r = ranges[0];
    const t = this.ctx.t;
    this.label = labelOf(this.ctx, r.code, codebook);
    const number = segmentPositions(state).indexOf(r.segmentPos) + 1;
    const quote = ranges.map((x) => state.doc.textBetween(x.from, x.to, " ", " ")).join(" … ");
    this.dom.setAttribute("aria-label", t("themes:memo.editor", { label: this.label }));
    this.text.setAttribute("aria-label", t("themes:memo.label"));
    this.text.placeholder = t("themes:memo.placeholder");
    this.text.value = r.note;
    this.original = r.note;
    this.dom.replaceChildren(
      crelt(
        "div",
        { class: "dari-memo-editor-title" },
        crelt("span", { class: "dari-theme-chip", style: `background:${paint(colorOf(codebook, r.code))}` }),
        " ",
        crelt("strong", this.label),
        ` · ${t("themes:spans.item", { n: number, side: t(`side.${r.side}`) })}`,
      ),
      crelt("blockquote", { class: "dari-memo-quote", lang: r.side }, quote.length > 160 ? `${quote.slice(0, 159)}…` : quote),
      this.text,
      crelt("div", { class: "dari-help" }, t("themes:memo.hint", { save: shownKey("Mod-Enter") })),
      crelt(
        "div",
        { class: "dari-memo-buttons" },
        crelt("button", { type: "button", class: "dari-memo-save", onclick: () => this.save() }, t("themes:memo.save")),
        crelt("button", { type: "button", class: "dari-memo-cancel", onclick: () => this.close() }, t("themes:memo.cancel")),
      ),
    );
    this.dom.hidden = false;
    this.place();
    this.text.focus();
    this.text.setSelectionRange(this.text.value.length, this.text.value.length);
  }

  private save(): void {
    const req = this.open;
    if (!req) return;
    const note = this.text.value.replace(/\s+$/, "");
    const before = findAnnotation(this.view.state.doc, req.id, req.near)[0]?.note ?? "";
    const changed = setAnnotationNote(req.id, note, req.near)(this.view.state, this.view.dispatch);
    const label = this.label;
    this.close();
    this.ctx.notify(this.ctx.t(!changed ? "themes:memo.unchanged" : note || !before ? "themes:memo.saved" : "themes:memo.cleared", { label }));
  }

  private close(): void {
    closeMemo(this.view.state, this.view.dispatch);
    this.hide();
    this.view.focus();
  }

  /** Under the end of the tag's first range, inside the window. */
  private place(): void {
    const req = this.open;
    if (!req) return;
    try {
      const r = findAnnotation(this.view.state.doc, req.id, req.near)[0];
      const c = this.view.coordsAtPos(r ? r.to : req.near);
      const width = this.dom.offsetWidth || 340;
      const height = this.dom.offsetHeight || 220;
      this.dom.style.left = `${Math.max(4, Math.min(c.left, window.innerWidth - width - 8))}px`;
      this.dom.style.top = `${c.bottom + 6 + height > window.innerHeight ? Math.max(4, c.top - height - 6) : c.bottom + 6}px`;
    } catch {
      // A position not drawn (a folded passage): the editor stays where it was.
    }
  }

  private hide(): void {
    this.open = null;
    this.dom.hidden = true;
  }

  destroy(): void {
    this.dom.remove();
  }
}

/** The memo editor's state, its view, and its key. */
export function memoEditor(ctx: AppContext): Plugin[] {
  const keys = keydownHandler({
    [MEMO_KEY]: (state, dispatch) => {
      if (!openMemo()(state, dispatch)) ctx.notify(ctx.t("themes:memo.none"));
      return true;
    },
  });
  return [
    memoEditorPlugin(),
    new Plugin({
      view: (view) => new MemoEditorView(view, ctx),
      props: { handleKeyDown: (view, event) => keys(view, event) },
    }),
  ];
}
