// The co-occurrence matrix as a heat map (SVG): themes × themes, each cell
// the number of segments where both occur, darker for more. A click steps
// through those segments, from the one holding the selection.
import { centreSelection } from "../../centre";
import crelt from "crelt";
import type { EditorState } from "prosemirror-state";
import type { EditorView } from "prosemirror-view";
import { projectData } from "../../../app/project-state";
import { codeTree } from "../../../app/themes/codebook-ops";
import { cooccurrence } from "../../../app/themes/stats";
import { stepToMeeting } from "../../../app/themes/stepping";
import type { AppContext } from "../../feature";
import { labelOf } from "./shared";

const SVG = "http://www.w3.org/2000/svg";
const CELL = 22;

function svg(tag: string, attrs: Record<string, string | number>, ...children: (Node | string)[]): SVGElement {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  for (const c of children) el.append(c);
  return el;
}

export class Matrix {
  readonly dom = crelt("div", { class: "dari-matrix" });

  constructor(
    private ctx: AppContext,
    private view: () => EditorView,
  ) {}

  draw(state: EditorState): void {
    const { codebook } = projectData(state);
    const codes = codeTree(codebook).map((t) => t.code.id);
    const m = cooccurrence(state.doc, codes);
    let max = 0;
    m.forEach((row, i) => row.forEach((v, j) => i !== j && (max = Math.max(max, v))));
    const n = codes.length;
    const label = (c: string) => labelOf(this.ctx, c, codebook);
    const cells: SVGElement[] = [];
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        const v = m[i][j];
        const share = i === j ? 0 : max ? v / max : 0;
        const fill = i === j ? "#e9ecef" : v ? `rgba(11,107,203,${0.15 + 0.85 * share})` : "#ffffff";
        const title = this.ctx.t("themes:matrix.cell", { a: label(codes[i]), b: label(codes[j]), n: v });
        const rect = svg("rect", { x: j * CELL, y: i * CELL, width: CELL - 1, height: CELL - 1, fill, "data-a": codes[i], "data-b": codes[j], "data-n": v, class: "dari-matrix-cell" }, svg("title", {}, title));
        rect.addEventListener("click", () => this.step(codes[i], codes[j]));
        cells.push(rect);
        if (v) cells.push(svg("text", { x: j * CELL + CELL / 2, y: i * CELL + CELL / 2 + 4, "text-anchor": "middle", "font-size": 10, fill: share > 0.6 ? "#fff" : "#1d2733", "pointer-events": "none" }, String(v)));
      }
    }
    const chart = svg("svg", { width: n * CELL, height: n * CELL, role: "img", "aria-label": this.ctx.t("themes:matrix.title") }, ...cells);
    const rowLabels = crelt("div", { class: "dari-matrix-labels" }, codes.map((c, i) => crelt("div", { style: `height:${CELL}px` }, `${i + 1}. ${label(c)}`)));
    const colLabels = crelt("div", { class: "dari-matrix-cols", style: `width:${n * CELL}px` }, codes.map((_, i) => crelt("span", { style: `width:${CELL}px` }, String(i + 1))));
    this.dom.replaceChildren(crelt("div", { class: "dari-matrix-grid" }, crelt("div", colLabels, chart), rowLabels));
  }

  /** Goes to the next segment where both themes occur, after the one holding the selection. */
  private step(a: string, b: string): void {
    const view = this.view();
    const went = stepToMeeting(a, b)(view.state, (tr) => {
      // Focus first: focusing afterwards would let the old DOM selection win.
      view.focus();
      view.dispatch(tr);
    });
    if (went) centreSelection(view);
    else this.ctx.notify(this.ctx.t("themes:matrix.none", { a: labelOf(this.ctx, a), b: labelOf(this.ctx, b) }));
  }
}
