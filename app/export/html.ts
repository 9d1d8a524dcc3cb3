// The annotated bilingual document as one self-contained HTML file: inline CSS,
// no script, a Content-Security-Policy that forbids every request, so it opens
// offline anywhere and prints the same (A4, repeating headers). It is also what
// the PDF export prints.
import type { Project } from "../document/project";
import { isUiLanguage, type UiLanguage } from "../i18n";
import type { Side } from "../schema";
import type { ExportOptions } from "./index";
import { collect, type Annotation, type Collected, type SegmentView } from "./collect";
import { underlineStyle } from "../themes/theme-decorations";
import { escapeAttr, escapeText } from "./escape";
import { bilingualLabel, exportT, numbered, safeColor, statusLabels } from "./labels";
import { assignLanes } from "../themes/lanes";

// Fonts present on Windows, macOS and Linux (Noto CJK / Nanum), then the generic family.
const KO_FONTS = `"Malgun Gothic", "맑은 고딕", "Apple SD Gothic Neo", "Noto Sans CJK KR", "Noto Sans KR", "Source Han Sans KR", "NanumGothic", "Nanum Gothic", sans-serif`;
const EN_FONTS = `"Segoe UI", "Helvetica Neue", Arial, "Liberation Sans", "DejaVu Sans", ${KO_FONTS}`;

function css(data: Collected, orientation: "portrait" | "landscape"): string {
  const themes = data.usedCodes
    .map((c, i) => `.k${i}{background:${safeColor(c.color)}}`)
    .join("\n");
  return `
*{box-sizing:border-box;-webkit-print-color-adjust:exact;print-color-adjust:exact}
body{margin:2em auto;max-width:72em;padding:0 1em;font:15px/1.6 ${EN_FONTS};color:#1d1d1f;background:#fff}
:lang(ko){font-family:${KO_FONTS};word-break:keep-all;overflow-wrap:anywhere}
h1{font-size:1.6em;margin:0 0 .3em}h2{font-size:1.2em;margin:1.6em 0 .5em;break-after:avoid}h3{font-size:1em;margin:1em 0 .3em;break-after:avoid}
.title-block{border-bottom:2px solid #333;margin-bottom:1.2em;padding-bottom:.6em}
.title-block dl{display:grid;grid-template-columns:max-content 1fr;gap:.1em 1em;margin:0}
.title-block dt{color:#555}.title-block dd{margin:0}
table.bitext{width:100%;border-collapse:collapse;table-layout:fixed}
.bitext th,.bitext td{border:1px solid #ccc;padding:.35em .5em;vertical-align:top;text-align:left;white-space:pre-wrap;overflow-wrap:anywhere}
.bitext thead th{background:#f0f0f0}
.bitext col.num{width:3.2em}.bitext col.status{width:7em}.bitext col.conf{width:5.5em}
.bitext .passage-head th{background:#fafafa;font-weight:600;color:#444}
.bitext td.num{color:#777;font-size:.85em}
.bitext td.conf{font-variant-numeric:tabular-nums}
span.th{box-decoration-break:clone;-webkit-box-decoration-break:clone}
${themes}
.swatch{display:inline-block;width:.9em;height:.9em;border-radius:2px;vertical-align:-.1em;margin-right:.4em}
sup.nref{font-size:.7em;line-height:0}sup.nref a{text-decoration:none}
ul.legend{list-style:none;padding:0;columns:2}.legend li{break-inside:avoid}
.count{color:#666;font-size:.9em}
.index-entry{break-inside:avoid}.index-entry .segs a{margin-right:.4em}
.index-entry blockquote{margin:.2em 0 .2em 1.2em;padding-left:.6em;border-left:3px solid #ddd}
ol.notes li{margin:.2em 0;white-space:pre-wrap}.notes .where{color:#666}
@page{size:A4 ${orientation};margin:14mm 12mm}
@media print{
 body{margin:0;max-width:none;padding:0;font-size:9.5pt}
 thead{display:table-header-group}
 tr{break-inside:avoid;page-break-inside:avoid}
 .passage-head{break-after:avoid;page-break-after:avoid}
 a{color:inherit;text-decoration:none}
 section.index,section.notes{break-before:page}
}`;
}

interface Ctx {
  data: Collected;
  t: ReturnType<typeof exportT>;
  lang: UiLanguage;
  /** Class index of each used code. */
  codeIndex: Map<string, number>;
  annIndex: Map<Annotation, number>;
  /** The theme ranges of each segment. */
  ranges: Map<SegmentView, SideRange[]>;
  /** Codebook order of each code (ties between lanes). */
  rank: Map<string, number>;
  /** Opening tags of theme spans by lanes and codes. */
  spanCache: Map<string, string>;
  notes: string[];
  noteOf: Map<Annotation, number>;
}

function rangesBySegment(data: Collected): Map<SegmentView, SideRange[]> {
  const out = new Map<SegmentView, SideRange[]>();
  for (const ann of data.annotations)
    ann.ranges.forEach((r, index) => {
      let list = out.get(r.segment);
      if (!list) out.set(r.segment, (list = []));
      list.push({ ann, index, from: r.from, to: r.to });
    });
  return out;
}

interface SideRange {
  ann: Annotation;
  /** Index of this range in its annotation. */
  index: number;
  from: number;
  to: number;
}

/** One side of a segment with its themes drawn as in the editor: an underline per annotation, stacked in lanes. */
function renderSide(ctx: Ctx, seg: SegmentView, side: Side): string {
  const text = seg.text[side];
  const ranges = (ctx.ranges.get(seg) ?? []).filter((r) => r.ann.ranges[r.index].side === side);
  if (!ranges.length) return escapeText(text);
  const lanes = assignLanes(ranges, (x) => ({ from: x.from, to: x.to, code: x.ann.code, id: x.ann.id }), (code) => ctx.rank.get(code) ?? -1);
  const cuts = [...new Set([0, text.length, ...ranges.flatMap((r) => [r.from, r.to])])].sort((a, b) => a - b);
  let out = "";
  for (let i = 0; i + 1 < cuts.length; i++) {
    const [from, to] = [cuts[i], cuts[i + 1]];
    for (const r of ranges) if (r.index === 0 && r.from === from) out += `<a class="anchor" id="a${ctx.annIndex.get(r.ann)}"></a>`;
    const active = ranges.filter((r) => r.from <= from && r.to >= to).sort((a, b) => lanes.get(a)! - lanes.get(b)!);
    const piece = escapeText(text.slice(from, to));
    if (active.length) {
      // The same stack of themes recurs all through a document: build its opening tag once.
      const key = active.map((r) => `${lanes.get(r)}:${r.ann.code}`).join("|");
      let open = ctx.spanCache.get(key);
      if (!open) {
        const style = underlineStyle(active.map((r) => ({ lane: lanes.get(r)!, color: safeColor(ctx.data.code(r.ann.code).color) })));
        const title = active.map((r) => bilingualLabel(ctx.data.code(r.ann.code), ctx.lang)).join("\n");
        const codes = [...new Set(active.map((r) => `c${ctx.codeIndex.get(r.ann.code)}`))].join(" ");
        ctx.spanCache.set(key, (open = `<span class="th ${codes}" style="${style}" title="${escapeAttr(title)}">`));
      }
      out += `${open}${piece}</span>`;
    } else out += piece;
    for (const r of ranges) if (r.to === to && r.index === r.ann.ranges.length - 1 && r.ann.note) out += noteRef(ctx, r.ann, seg);
  }
  return out;
}

function noteRef(ctx: Ctx, ann: Annotation | null, seg: SegmentView): string {
  const n = ctx.notes.length + 1;
  const where = ann
    ? ctx.t("doc.themeNote", { theme: bilingualLabel(ctx.data.code(ann.code), ctx.lang), n: seg.number })
    : ctx.t("doc.segmentNote", { n: seg.number });
  const back = ann ? `#a${ctx.annIndex.get(ann)}` : `#s${seg.number}`;
  const text = ann ? ann.note : seg.note;
  ctx.notes.push(`<li id="n${n}"><a class="where" href="${back}">${escapeText(where)}</a>: ${escapeText(text)}</li>`);
  if (ann) ctx.noteOf.set(ann, n);
  return `<sup class="nref"><a href="#n${n}">${n}</a></sup>`;
}

function titleBlock(project: Project, t: Ctx["t"]): string {
  const m = project.meta;
  const rows: [string, string][] = [
    [t("doc.source"), m.source],
    [t("doc.author"), m.author],
    [t("doc.date"), m.date],
    [t("doc.languages"), t("doc.languagePair")],
  ];
  const dl = rows
    .filter(([, v]) => v)
    .map(([k, v]) => `<dt>${escapeText(k)}</dt><dd>${escapeText(v)}</dd>`)
    .join("");
  return `<header class="title-block"><h1>${escapeText(m.title || t("doc.untitled"))}</h1><dl>${dl}</dl></header>`;
}

function legend(ctx: Ctx): string {
  const { data, t } = ctx;
  if (!data.usedCodes.length) return `<section class="legend"><h2>${escapeText(t("doc.legend"))}</h2><p>${escapeText(t("doc.noThemes"))}</p></section>`;
  const items = data.usedCodes.map((c, i) => {
    const anns = data.annotations.filter((a) => a.code === c.id);
    const segs = new Set(anns.flatMap((a) => a.ranges.map((r) => r.segment)));
    const count = t("doc.legendCount", { count: anns.length, segments: segs.size });
    return `<li><span class="swatch k${i}"></span>${escapeText(bilingualLabel(c, ctx.lang))} <span class="count">${escapeText(count)}</span></li>`;
  });
  return `<section class="legend"><h2>${escapeText(t("doc.legend"))}</h2><ul class="legend">${items.join("")}</ul></section>`;
}

function themeIndex(ctx: Ctx): string {
  const { data, t } = ctx;
  if (!data.usedCodes.length) return "";
  const entries = data.usedCodes.map((c, i) => {
    const anns = data.annotations.filter((a) => a.code === c.id);
    const segs = [...new Set(anns.flatMap((a) => a.ranges.map((r) => r.segment)))].sort((a, b) => a.number - b.number);
    const segLinks = segs.map((s) => `<a href="#s${s.number}">${s.number}</a>`).join(" ");
    const quotes = anns
      .map((a) => {
        const r0 = a.ranges[0];
        const quote = a.ranges.map((r) => r.quote).join(" … ");
        const lang = a.ranges.every((r) => r.side === r0.side) ? r0.side : "";
        const where = `${t(`doc.${r0.side}`)}, ${t("doc.segmentRef", { n: r0.segment.number })}`;
        return `<blockquote${lang ? ` lang="${lang}"` : ""}><a href="#a${ctx.annIndex.get(a)}">${escapeText(quote)}</a> <span class="count">(${escapeText(where)})</span></blockquote>`;
      })
      .join("");
    return `<div class="index-entry"><h3><span class="swatch k${i}"></span>${escapeText(bilingualLabel(c, ctx.lang))}</h3><p class="segs">${escapeText(t("doc.segments"))}: ${segLinks}</p><p>${escapeText(t("doc.quotes"))}:</p>${quotes}</div>`;
  });
  return `<section class="index"><h2>${escapeText(t("doc.index"))}</h2>${entries.join("")}</section>`;
}

export async function exportHtml(project: Project, options: ExportOptions = {}): Promise<string> {
  // From the fixed list only: the value is written into <html lang> and picks the labels.
  const lang: UiLanguage = isUiLanguage(options.uiLanguage) ? options.uiLanguage : "ko";
  const t = exportT(lang);
  const data = collect(project);
  const ctx: Ctx = {
    data,
    t,
    lang,
    codeIndex: new Map(data.usedCodes.map((c, i) => [c.id, i])),
    annIndex: new Map(data.annotations.map((a, i) => [a, i + 1])),
    ranges: rangesBySegment(data),
    rank: new Map(project.codebook.map((c, i) => [c.id, i])),
    spanCache: new Map(),
    notes: [],
    noteOf: new Map(),
  };
  const status = !!options.showStatus;
  const conf = !!options.showConfidence;
  const cols = 3 + (status ? 1 : 0) + (conf ? 1 : 0);
  const head =
    `<colgroup><col class="num"><col><col>${status ? '<col class="status">' : ""}${conf ? '<col class="conf">' : ""}</colgroup>` +
    `<thead><tr><th>${escapeText(t("doc.number"))}</th><th lang="ko">${escapeText(t("doc.korean"))}</th><th>${escapeText(t("doc.english"))}</th>` +
    `${status ? `<th>${escapeText(t("doc.status"))}</th>` : ""}${conf ? `<th>${escapeText(t("doc.confidence"))}</th>` : ""}</tr></thead>`;
  const body: string[] = [];
  const passageLabel = numbered(t, "doc.passage");
  const statusLabel = statusLabels(t);
  const total = data.segments.length;
  const step = Math.max(1, Math.floor(total / 20));
  for (const p of data.passages) {
    body.push(`<tbody class="passage" id="p${p.number}"><tr class="passage-head"><th colspan="${cols}">${escapeText(passageLabel(p.number))}</th></tr>`);
    for (const s of p.segments) {
      const ref = s.note ? noteRef(ctx, null, s) : "";
      const ko = renderSide(ctx, s, "ko");
      const en = renderSide(ctx, s, "en");
      let extra = "";
      if (status) extra += `<td class="status">${escapeText(statusLabel[s.status])}${s.confirmed ? ` ✓` : ""}</td>`;
      if (conf) extra += `<td class="conf">${s.confidence === null ? "—" : `${Math.round(s.confidence * 100)}%`}</td>`;
      body.push(`<tr id="s${s.number}"><td class="num">${s.number}${ref}</td><td lang="ko">${ko}</td><td lang="en">${en}</td>${extra}</tr>`);
      if (options.onProgress && s.number % step === 0) options.onProgress(s.number / total);
    }
    body.push("</tbody>");
  }
  const notes = ctx.notes.length ? `<section class="notes"><h2>${escapeText(t("doc.notes"))}</h2><ol class="notes">${ctx.notes.join("")}</ol></section>` : "";
  const title = escapeText(project.meta.title || t("doc.untitled"));
  options.onProgress?.(1);
  return [
    `<!DOCTYPE html>\n<html lang="${escapeAttr(lang)}">\n<head>\n<meta charset="utf-8">`,
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    `<meta name="viewport" content="width=device-width, initial-scale=1">\n<meta name="generator" content="Dari">`,
    `<title>${title}</title>\n<style>${css(data, options.orientation === "landscape" ? "landscape" : "portrait")}</style>\n</head>\n<body>`,
    titleBlock(project, t),
    legend(ctx),
    `<table class="bitext">${head}`,
    body.join("\n"),
    `</table>`,
    themeIndex(ctx),
    notes,
    `</body>\n</html>\n`,
  ].join("\n");
}
