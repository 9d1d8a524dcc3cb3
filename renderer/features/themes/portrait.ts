// The document portrait: a strip along the document, one row per segment,
// the Korean side on the left and the English side on the right, each cell
// split into the colours of the themes tagged there. Drawn on a canvas (a
// 20,000-segment document would be 40,000 SVG nodes); a click goes to the segment.
import crelt from "crelt";
import type { EditorState } from "prosemirror-state";
import type { EditorView } from "prosemirror-view";
import { projectData } from "../../../app/project-state";
import { forEachSegment, segmentThemes } from "../../../app/themes/annotations";
import type { AppContext } from "../../feature";
import { colorOf, goTo } from "./shared";

const WIDTH = 64;
const MAX_HEIGHT = 480;

export class Portrait {
  readonly canvas = crelt("canvas", { class: "dari-portrait", width: String(WIDTH), height: "10", role: "img" }) as HTMLCanvasElement;
  private positions: number[] = [];

  constructor(
    private ctx: AppContext,
    private view: () => EditorView,
  ) {
    this.canvas.addEventListener("click", (e) => {
      if (!this.positions.length) return;
      const rect = this.canvas.getBoundingClientRect();
      const i = Math.min(this.positions.length - 1, Math.max(0, Math.floor(((e.clientY - rect.top) / rect.height) * this.positions.length)));
      goTo(this.view(), this.positions[i] + 2);
    });
  }

  draw(state: EditorState): void {
    const { codebook } = projectData(state);
    const rows: { ko: string[]; en: string[] }[] = [];
    this.positions = [];
    forEachSegment(state.doc, (seg, pos) => {
      const t = segmentThemes(seg);
      rows.push({ ko: [...t.ko], en: [...t.en] });
      this.positions.push(pos);
    });
    const n = rows.length;
    const rowH = Math.max(1, Math.min(8, Math.floor(MAX_HEIGHT / Math.max(1, n))));
    const height = Math.min(MAX_HEIGHT, Math.max(rowH * n, 1));
    this.canvas.height = height;
    this.canvas.setAttribute("aria-label", this.ctx.t("themes:portrait.label"));
    const g = this.canvas.getContext("2d");
    if (!g) return;
    g.fillStyle = "#f4f5f7";
    g.fillRect(0, 0, WIDTH, height);
    const half = WIDTH / 2 - 1;
    rows.forEach((r, i) => {
      const y = Math.floor((i * height) / n);
      const h = Math.max(1, Math.floor(((i + 1) * height) / n) - y);
      (["ko", "en"] as const).forEach((side, k) => {
        const codes = r[side];
        const x0 = k * (half + 2);
        codes.forEach((c, j) => {
          g.fillStyle = colorOf(codebook, c);
          const w = half / codes.length;
          g.fillRect(x0 + j * w, y, Math.ceil(w), h);
        });
      });
    });
  }
}
