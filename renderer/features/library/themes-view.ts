// Themes across documents and time (issue 16, requirement 4): a theme ×
// document heat map in date order, each theme's share of segments per month or
// quarter, and the co-occurrence of themes, drawn as SVG. A cell or point is a
// button that retrieves its segments; each picture is saved as SVG, PNG (the
// SVG drawn on a canvas) or CSV of its numbers through main's save dialog.
import crelt from "crelt";
import type { AppContext } from "../../feature";
import type { LibraryOverview, LibraryThemes } from "../../../app/ipc";
import { csvField } from "../../../app/export/csv";

const NS = "http://www.w3.org/2000/svg";

function svgEl(name: string, attrs: Record<string, string | number>, ...children: (Node | string)[]): SVGElement {
  const el = document.createElementNS(NS, name);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  for (const c of children) el.append(c);
  return el;
}

const pct = (x: number) => `${Math.round(x * 100)}%`;

export interface ThemesViewOptions {
  ctx: AppContext;
  library: LibraryOverview;
  label(code: string): string;
  /** Shows the segments tagged with all of these themes. */
  retrieve(all: string[]): void;
}

export class ThemesView {
  readonly dom = crelt("div", { class: "dari-library-themesview" });
  private by: "month" | "quarter" = "month";

  constructor(private o: ThemesViewOptions) {
    void this.load();
  }

  private color(code: string): string {
    return this.o.library.codebook.find((c) => c.id === code)?.color ?? "#888888";
  }

  private async load(): Promise<void> {
    const r = await this.o.ctx.api.libraryThemes({ by: this.by });
    if (!r.ok) return void this.o.ctx.notify(this.o.ctx.errorText(r.error), "error");
    this.draw(r.value);
  }

  /** A cell or point the keyboard reaches: Enter or a click retrieves its segments. */
  private action(el: SVGElement, label: string, all: string[]): SVGElement {
    el.setAttribute("tabindex", "0");
    el.setAttribute("role", "button");
    el.setAttribute("aria-label", label);
    el.append(svgEl("title", {}, label));
    el.addEventListener("click", () => this.o.retrieve(all));
    el.addEventListener("keydown", (e) => {
      if ((e as KeyboardEvent).key === "Enter" || (e as KeyboardEvent).key === " ") {
        e.preventDefault();
        this.o.retrieve(all);
      }
    });
    return el;
  }

  private draw(d: LibraryThemes): void {
    const t = this.o.ctx.t;
    const codes = d.codes;
    const labelW = 230;
    // Heat map: themes down, documents across in date order.
    const cell = 26;
    // Shades relative to the largest share, so that a theme on 2% of a document still shows.
    const maxShare = Math.max(0.0001, ...d.heatmap.flat());
    const heat = svgEl("svg", { xmlns: NS, class: "dari-library-heatmap", role: "group", "aria-label": t("library:themes.heatmap"), width: labelW + d.documents.length * cell + 140, height: 150 + codes.length * cell, "font-family": "sans-serif", "font-size": 11 });
    heat.append(svgEl("rect", { x: 0, y: 0, width: "100%", height: "100%", fill: "#ffffff" }));
    d.documents.forEach((doc, j) => heat.append(svgEl("text", { x: 0, y: 0, transform: `translate(${labelW + j * cell + 16},140) rotate(-45)` }, `${doc.date} ${doc.title}`.trim())));
    codes.forEach((code, i) => {
      heat.append(svgEl("text", { x: labelW - 6, y: 150 + i * cell + 17, "text-anchor": "end" }, this.o.label(code)));
      d.documents.forEach((doc, j) => {
        const share = d.heatmap[i][j];
        const rect = svgEl("rect", { x: labelW + j * cell, y: 150 + i * cell, width: cell - 2, height: cell - 2, fill: this.color(code), "fill-opacity": share ? 0.2 + (0.8 * share) / maxShare : 0.04, stroke: "#d8dce2", "data-code": code, "data-file": doc.file });
        heat.append(this.action(rect, t("library:themes.heatCell", { theme: this.o.label(code), title: doc.title || doc.file, share: pct(share) }), [code]));
      });
    });
    const heatCsv = [["theme", ...d.documents.map((x) => `${x.date} ${x.title}`.trim())], ...codes.map((c, i) => [c, ...d.heatmap[i].map((x) => x.toFixed(4))])];

    // Timeline: one line per theme over the periods.
    const w = Math.max(320, d.periods.length * 70);
    const h = 200;
    const max = Math.max(0.01, ...d.timeline.flat());
    const x = (k: number) => 50 + (d.periods.length > 1 ? (k * w) / (d.periods.length - 1) : w / 2);
    const y = (v: number) => 20 + h - (v / max) * h;
    const line = svgEl("svg", { xmlns: NS, class: "dari-library-timeline", role: "group", "aria-label": t("library:themes.timeline"), width: w + 300, height: h + 60, "font-family": "sans-serif", "font-size": 11 });
    line.append(svgEl("rect", { x: 0, y: 0, width: "100%", height: "100%", fill: "#ffffff" }));
    line.append(svgEl("line", { x1: 50, y1: 20 + h, x2: 50 + w, y2: 20 + h, stroke: "#888" }), svgEl("text", { x: 4, y: 24 }, pct(max)), svgEl("text", { x: 4, y: 20 + h }, "0%"));
    d.periods.forEach((p, k) => line.append(svgEl("text", { x: x(k), y: h + 40, "text-anchor": "middle" }, p)));
    codes.forEach((code, i) => {
      if (!d.timeline[i].some((v) => v > 0)) return;
      line.append(svgEl("polyline", { points: d.timeline[i].map((v, k) => `${x(k)},${y(v)}`).join(" "), fill: "none", stroke: this.color(code), "stroke-width": 2 }));
      d.timeline[i].forEach((v, k) => line.append(this.action(svgEl("circle", { cx: x(k), cy: y(v), r: 5, fill: this.color(code), "data-code": code }), t("library:themes.timePoint", { theme: this.o.label(code), period: d.periods[k], share: pct(v) }), [code])));
    });
    const legend = codes.filter((_, i) => d.timeline[i].some((v) => v > 0));
    legend.forEach((code, n) => line.append(svgEl("rect", { x: w + 70, y: 20 + n * 16, width: 10, height: 10, fill: this.color(code) }), svgEl("text", { x: w + 86, y: 29 + n * 16 }, this.o.label(code))));
    const timeCsv = [["theme", ...d.periods], ...codes.map((c, i) => [c, ...d.timeline[i].map((v) => v.toFixed(4))])];

    // Co-occurrence: themes × themes, segments where both occur.
    const used = codes.map((_, i) => i).filter((i) => d.cooccurrence[i][i] > 0);
    const cmax = Math.max(1, ...used.flatMap((i) => used.map((j) => (i === j ? 0 : d.cooccurrence[i][j]))));
    const co = svgEl("svg", { xmlns: NS, class: "dari-library-cooccurrence", role: "group", "aria-label": t("library:themes.cooccurrence"), width: labelW + used.length * 34 + 10, height: 30 + used.length * 34, "font-family": "sans-serif", "font-size": 11 });
    co.append(svgEl("rect", { x: 0, y: 0, width: "100%", height: "100%", fill: "#ffffff" }));
    used.forEach((i, a) => {
      co.append(svgEl("text", { x: labelW - 6, y: 30 + a * 34 + 20, "text-anchor": "end" }, this.o.label(codes[i])));
      co.append(svgEl("text", { x: labelW + a * 34 + 16, y: 20, "text-anchor": "middle" }, String(a + 1)));
      used.forEach((j, b) => {
        const n = d.cooccurrence[i][j];
        const g = svgEl("g", { "data-pair": `${codes[i]} ${codes[j]}` });
        g.append(svgEl("rect", { x: labelW + b * 34, y: 30 + a * 34, width: 32, height: 32, fill: i === j ? "#eef0f3" : "#6a3d9a", "fill-opacity": i === j ? 1 : n ? 0.15 + (0.85 * n) / cmax : 0.03, stroke: "#d8dce2" }));
        g.append(svgEl("text", { x: labelW + b * 34 + 16, y: 30 + a * 34 + 20, "text-anchor": "middle" }, String(n)));
        co.append(this.action(g, t("library:themes.coCell", { a: this.o.label(codes[i]), b: this.o.label(codes[j]), count: n }), i === j ? [codes[i]] : [codes[i], codes[j]]));
      });
    });
    const coCsv = [["theme", ...used.map((i) => codes[i])], ...used.map((i) => [codes[i], ...used.map((j) => String(d.cooccurrence[i][j]))])];

    const by = crelt("select", { class: "dari-library-period", "aria-label": t("library:themes.period") }, crelt("option", { value: "month" }, t("library:themes.month")), crelt("option", { value: "quarter" }, t("library:themes.quarter"))) as HTMLSelectElement;
    by.value = this.by;
    by.addEventListener("change", () => {
      this.by = by.value as "month" | "quarter";
      void this.load();
    });
    this.dom.replaceChildren(
      crelt("div", { class: "dari-library-scroll" }, this.figure("heatmap", t("library:themes.heatmap"), heat, heatCsv), this.figure("timeline", t("library:themes.timeline"), line, timeCsv, by), this.figure("cooccurrence", t("library:themes.cooccurrence"), co, coCsv)),
    );
  }

  private figure(name: string, title: string, svg: SVGElement, csv: string[][], extra?: HTMLElement): HTMLElement {
    const t = this.o.ctx.t;
    const save = (format: "svg" | "png" | "csv") =>
      crelt("button", { type: "button", "data-save": format, "aria-label": `${t("library:themes.save", { format: format.toUpperCase() })} — ${title}`, onclick: () => void this.save(name, format, svg, csv) }, t("library:themes.save", { format: format.toUpperCase() }));
    return crelt("figure", { class: `dari-library-figure dari-library-figure-${name}` }, crelt("figcaption", crelt("strong", title), " ", extra ?? "", save("svg"), save("png"), save("csv")), crelt("div", { class: "dari-library-figure-body" }, svg));
  }

  private async save(name: string, format: "svg" | "png" | "csv", svg: SVGElement, csv: string[][]): Promise<void> {
    const text = new XMLSerializer().serializeToString(svg);
    let data: string;
    if (format === "svg") data = text;
    else if (format === "csv") data = "\uFEFF" + csv.map((r) => r.map(csvField).join(",")).join("\r\n") + "\r\n";
    else data = await pngOf(text, Number(svg.getAttribute("width")), Number(svg.getAttribute("height")));
    const r = await this.o.ctx.api.saveLibraryPicture({ name: `${this.o.library.name}-${name}`, format, data });
    if (!r.ok) return void this.o.ctx.notify(this.o.ctx.errorText(r.error), "error");
    if (r.value) this.o.ctx.notify(this.o.ctx.t("library:themes.saved", { file: r.value }));
  }
}

/** The SVG drawn on a canvas at twice its size, as base64 PNG. */
async function pngOf(svgText: string, width: number, height: number): Promise<string> {
  const img = new Image();
  const bytes = new TextEncoder().encode(svgText);
  let bin = "";
  for (const b of bytes) bin += String.fromCharCode(b);
  img.src = `data:image/svg+xml;base64,${btoa(bin)}`;
  await img.decode();
  const canvas = document.createElement("canvas");
  canvas.width = width * 2;
  canvas.height = height * 2;
  const g = canvas.getContext("2d")!;
  g.scale(2, 2);
  g.drawImage(img, 0, 0);
  return canvas.toDataURL("image/png").split(",")[1];
}
