// Small helpers shared by the theme panels and plugins.
import { centreSelection } from "../../centre";
import { TextSelection, type EditorState } from "prosemirror-state";
import type { EditorView } from "prosemirror-view";
import type { AppContext } from "../../feature";
import type { Codebook } from "../../../app/themes/codebook";
import { codeLabel } from "../../../app/themes/codebook-ops";
import { projectData } from "../../../app/project-state";
import { forEachSegment } from "../../../app/themes/annotations";

export function uiLang(ctx: AppContext): "ko" | "en" {
  return ctx.i18n.language === "ko" ? "ko" : "en";
}

/** A code's label in the UI language. */
export function labelOf(ctx: AppContext, code: string, codebook?: Codebook): string {
  const cb = codebook ?? projectData(ctx.view().state).codebook;
  return codeLabel(cb.find((c) => c.id === code), uiLang(ctx), code);
}

export function colorOf(codebook: Codebook, code: string): string {
  return codebook.find((c) => c.id === code)?.color ?? "#888888";
}

/** Selects a range (or puts the cursor in a segment) and scrolls it into view. */
export function goTo(view: EditorView, from: number, to = from): void {
  // Focus first: focusing afterwards would let the old DOM selection win.
  view.focus();
  const doc = view.state.doc;
  const sel = TextSelection.between(doc.resolve(from), doc.resolve(to));
  view.dispatch(view.state.tr.setSelection(sel).scrollIntoView());
  // In the middle, fully visible, as find does (issue 17.4).
  centreSelection(view);
}

/** Segment positions in document order (index i = segment number i + 1). */
export function segmentPositions(state: EditorState): number[] {
  const out: number[] = [];
  forEachSegment(state.doc, (_s, pos) => out.push(pos));
  return out;
}

/**
 * Runs `f` once the analyst pauses (no call for `ms`): the panels' counts and
 * pictures walk the whole document, which must not happen on every keystroke.
 */
export function whenQuiet(f: () => void, ms = 250): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  return () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      f();
    }, ms);
  };
}
