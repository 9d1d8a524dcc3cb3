// Alignment review you can see and finish (issue 17.3): each segment's
// confidence in a tip on hover of its gutter number (one element for the
// whole editor, not one per segment), and "next unsure / unconfirmed" that
// bring the segment to the middle and say when there is none left or when
// they wrapped round to the first.
import crelt from "crelt";
import { Plugin, type Command } from "prosemirror-state";
import type { EditorView } from "prosemirror-view";
import type { AppContext } from "../feature";
import { schema, segmentAttrs } from "../../app/schema";
import { isLowConfidence } from "../../app/commands/align";
import { centreSelection } from "../centre";

/** The segment whose gutter the pointer is over, if it is over one. */
function gutterSegmentAt(view: EditorView, e: MouseEvent): { el: HTMLElement; pos: number } | null {
  const el = e.target as HTMLElement | null;
  // The gutter number is the segment's ::before: events over it target the segment itself.
  if (!el?.classList?.contains("dari-segment")) return null;
  const ko = el.querySelector(".dari-ko");
  if (!ko || e.clientX >= ko.getBoundingClientRect().left) return null;
  const pos = view.posAtDOM(el, 0) - 1;
  return view.state.doc.nodeAt(pos)?.type === schema.nodes.segment ? { el, pos } : null;
}

export function gutterTip(ctx: AppContext): Plugin {
  return new Plugin({
    view(view) {
      const tip = crelt("div", { class: "dari-gutter-tip", role: "tooltip", hidden: "" });
      document.body.append(tip);
      let shownFor: HTMLElement | null = null;
      const hide = () => {
        tip.hidden = true;
        shownFor = null;
      };
      const move = (e: MouseEvent) => {
        const at = gutterSegmentAt(view, e);
        if (!at) return hide();
        if (shownFor === at.el) return;
        const segment = view.state.doc.nodeAt(at.pos)!;
        const { confidence, confirmed } = segmentAttrs(segment);
        const n = at.el.getAttribute("data-n") ?? "";
        const t = ctx.t;
        const parts = [
          confidence === null ? t("align:tip.byHand", { n }) : t("align:tip.confidence", { n, percent: Math.round(confidence * 100) }),
          confirmed ? t("align:tip.confirmed") : isLowConfidence(segment) ? t("align:tip.unsure") : t("align:tip.unconfirmed"),
        ];
        tip.textContent = parts.join(" · ");
        const box = at.el.getBoundingClientRect();
        tip.style.left = `${Math.round(box.left + 4)}px`;
        tip.style.top = `${Math.round(box.top - 26)}px`;
        tip.hidden = false;
        shownFor = at.el;
      };
      view.dom.addEventListener("mousemove", move);
      view.dom.addEventListener("mouseleave", hide);
      return {
        update: hide,
        destroy: () => {
          view.dom.removeEventListener("mousemove", move);
          view.dom.removeEventListener("mouseleave", hide);
          tip.remove();
        },
      };
    },
  });
}

/**
 * A "next unsure/unconfirmed" command that lands in the middle of the editor
 * and says so when none is left ("No more unsure segments") or when it went
 * back to the first. `notify` is the window's status message.
 */
export function reviewStep(cmd: Command, which: "unsure" | "unconfirmed", ctx: () => AppContext | null): Command {
  return (state, dispatch, view) => {
    if (!dispatch) return true;
    const before = state.selection.head;
    const c = ctx();
    if (!cmd(state, dispatch, view)) {
      c?.notify(c.t(`align:review.none.${which}`));
      return true;
    }
    if (view) {
      centreSelection(view);
      if (view.state.selection.head < before) c?.notify(c.t(`align:review.wrapped.${which}`));
      else c?.notify("");
    }
    return true;
  };
}
