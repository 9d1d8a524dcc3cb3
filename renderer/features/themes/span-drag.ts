// Dragging a selected span of the text onto a theme (in the Themes or the
// Codebook panel) tags it with that theme, as in MAXQDA. HTML5 drag and drop:
// ProseMirror starts the drag of the selection; we remember which range it
// was and mark the drag with a type of our own, so a theme row knows, while
// the drag passes over it, that it may take it (and shows so). Keyboard users
// keep Alt+1…9 and Alt+<key>.
import { Plugin, TextSelection } from "prosemirror-state";
import type { Node as PMNode } from "prosemirror-model";
import type { EditorView } from "prosemirror-view";
import type { AppContext } from "../../feature";
import { applyTheme } from "../../../app/commands/themes";
import { labelOf } from "./shared";

/** The drag data type that says "a span of Dari's text" (its content is the usual text/html and text/plain). */
export const SPAN_DRAG_TYPE = "application/x-dari-span";

/** The span being dragged out of the text: its range in the document it was taken from. */
let dragged: { view: EditorView; doc: PMNode; from: number; to: number } | null = null;

/** Remembers the selection when a drag of it starts in the text. */
export function spanDragPlugin(): Plugin {
  return new Plugin({
    view(view) {
      // Listened to after ProseMirror's own dragstart (which clears the drag data and puts the slice in it).
      const start = (e: DragEvent) => {
        const { selection, doc } = view.state;
        if (selection.empty || !e.dataTransfer) return void (dragged = null);
        dragged = { view, doc, from: selection.from, to: selection.to };
        e.dataTransfer.setData(SPAN_DRAG_TYPE, `${selection.from}-${selection.to}`);
      };
      // After a drop, or a drag given up: dragend comes after the drop.
      const end = () => void (dragged = null);
      view.dom.addEventListener("dragstart", start);
      view.dom.addEventListener("dragend", end);
      return {
        destroy() {
          view.dom.removeEventListener("dragstart", start);
          view.dom.removeEventListener("dragend", end);
        },
      };
    },
  });
}

function isSpanDrag(e: DragEvent): boolean {
  return !!dragged && !!e.dataTransfer && Array.from(e.dataTransfer.types).includes(SPAN_DRAG_TYPE);
}

/** Makes a theme's row a drop target for a span dragged out of the text, highlighted while the drag is over it. */
export function themeDropTarget(el: HTMLElement, ctx: AppContext, code: string): void {
  const over = (e: DragEvent) => {
    if (!isSpanDrag(e)) return;
    e.preventDefault();
    // Copy, never move: a "move" would have the browser cut the span out of the text.
    e.dataTransfer!.dropEffect = "copy";
    el.classList.add("dari-theme-drop-target");
    el.title = ctx.t("ui:drop.dropSpan", { label: labelOf(ctx, code) });
  };
  el.addEventListener("dragenter", over);
  el.addEventListener("dragover", over);
  el.addEventListener("dragleave", (e) => {
    if (!el.contains(e.relatedTarget as Node | null)) el.classList.remove("dari-theme-drop-target");
  });
  el.addEventListener("drop", (e) => {
    el.classList.remove("dari-theme-drop-target");
    if (!isSpanDrag(e)) return;
    e.preventDefault();
    tagDragged(ctx, code);
  });
}

/** Tags the dragged span with a theme, if the text is still the one it was dragged from. */
function tagDragged(ctx: AppContext, code: string): void {
  const span = dragged;
  dragged = null;
  const view = ctx.view();
  if (!span || span.view !== view || span.doc !== view.state.doc) return;
  view.focus();
  view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, span.from, span.to)));
  if (!applyTheme(code)(view.state, view.dispatch)) return ctx.notify(ctx.t("themes:noSelection"));
  const text = view.state.doc.textBetween(span.from, span.to, " ");
  ctx.notify(ctx.t("ui:drop.tagged", { text: text.length > 40 ? `${text.slice(0, 40)}…` : text, label: labelOf(ctx, code) }));
}
