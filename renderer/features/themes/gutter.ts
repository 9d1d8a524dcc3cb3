// The gutter widget of a segment: one small chip per theme, Korean column
// then English column, in the theme colours, with the labels as a tooltip;
// and the segment's coding stripes when they are shown (./stripes.ts).
import crelt from "crelt";
import type { EditorState } from "prosemirror-state";
import type { EditorView } from "prosemirror-view";
import type { GutterThemes } from "../../../app/themes/theme-decorations";
import type { StripeBar } from "../../../app/themes/stripes";
import { stripesLayer } from "./stripes";
import { projectData } from "../../../app/project-state";
import type { AppContext } from "../../feature";
import { colorOf, labelOf } from "./shared";
import { paint } from "../themes";

export function gutterWidget(ctx: AppContext) {
  return (themes: GutterThemes, state: EditorState, stripes?: () => StripeBar[]) => (view: EditorView, getPos: () => number | undefined) => {
    const { codebook } = projectData(state);
    const column = (side: "ko" | "en") =>
      crelt(
        "span",
        { class: `dari-theme-chips dari-theme-chips-${side}`, title: ctx.t(`themes:gutter.${side}`, { themes: themes[side].map((c) => labelOf(ctx, c, codebook)).join(", ") }) },
        themes[side].map((c) => crelt("span", { class: "dari-theme-chip", "data-code": c, style: `background:${paint(colorOf(codebook, c))}` })),
      );
    return crelt("span", { class: "dari-theme-gutter", contenteditable: "false", "aria-hidden": "true" }, column("ko"), column("en"), stripes ? stripesLayer(ctx, view, getPos, stripes()) : null);
  };
}
