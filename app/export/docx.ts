// The annotated bilingual document as Word (.docx), through the docx library:
// title block, a legend of the themes used, a two-column table (Korean |
// English, optional status and confidence) whose header row repeats and whose
// rows do not split across pages, theme highlights as run shading in the theme
// colours (a light tint; overlapping themes blend), memos as real Word
// comments anchored to their spans (and segment memos to the segment), and a
// theme index linking back to the segments. docx builds the package (styles,
// comments, the title, legend, table header and index); the segment rows are
// written as text (see sideXml) because at 20,000 segments docx's object
// model alone takes longer than the 5 s budget.
import {
  AlignmentType,
  Document,
  HeadingLevel,
  InternalHyperlink,
  Packer,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ICommentOptions,
  type ParagraphChild,
} from "docx";
import type { Project } from "../document/project";
import type { Side } from "../schema";
import type { ExportOptions } from "./index";
import { collect, type Annotation, type Collected, type SegmentView } from "./collect";
import { XML_INVALID, controlPicture, escapeText } from "./escape";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { bilingualLabel, exportT, numbered, safeColor, statusLabels } from "./labels";

const FONT = { ascii: "Calibri", hAnsi: "Calibri", eastAsia: "Malgun Gothic", cs: "Calibri" };
const KO_FONT = { ascii: "Malgun Gothic", hAnsi: "Malgun Gothic", eastAsia: "Malgun Gothic", cs: "Malgun Gothic" };

/** Word's XML cannot hold C0 controls either: they become visible control pictures. */
const clean = (s: string) => s.replace(XML_INVALID, controlPicture);

type Rgb = [number, number, number];
const rgb = (hex: string): Rgb => {
  const n = parseInt(safeColor(hex).slice(1), 16);
  return [n >> 16, (n >> 8) & 255, n & 255];
};
const hex = (c: Rgb) => c.map((v) => Math.round(v).toString(16).padStart(2, "0")).join("").toUpperCase();
/** A light tint of the colour (as the app's translucent highlight), overlaps multiplied. */
function shade(colors: string[]): string {
  let out: Rgb = [255, 255, 255];
  for (const c of colors) {
    const tint = rgb(c).map((v) => 255 - (255 - v) * 0.38) as Rgb;
    out = out.map((v, i) => (v * tint[i]) / 255) as Rgb;
  }
  return hex(out);
}

interface Ctx {
  data: Collected;
  t: ReturnType<typeof exportT>;
  lang: NonNullable<ExportOptions["uiLanguage"]>;
  comments: ICommentOptions[];
  /** Comment ids of each annotation range, by annotation and range index. */
  rangeComment: Map<Annotation, number[]>;
  ann: Map<string, Annotation>;
}

const key = (id: string, code: string) => `${id}\u0000${code}`;

function comment(ctx: Ctx, text: string, heading: string): number {
  const id = ctx.comments.length;
  ctx.comments.push({
    id,
    author: "Dari",
    initials: "D",
    children: [new Paragraph({ children: [new TextRun({ text: clean(heading), bold: true })] }), ...clean(text).split(/\r\n?|\n/).map((l) => new Paragraph(l))],
  });
  return id;
}

// The segment rows are most of a large document, and the docx object model
// costs several objects per run; they are written as WordprocessingML text
// here (the same markup docx writes) and spliced into the package docx built.
const wt = (text: string) => `<w:t xml:space="preserve">${escapeText(text)}</w:t>`;
const shd = (fill: string) => `<w:shd w:val="clear" w:color="auto" w:fill="${fill}"/>`;
const commentStart = (id: number) => `<w:commentRangeStart w:id="${id}"/>`;
const commentEnd = (id: number) => `<w:commentRangeEnd w:id="${id}"/><w:r><w:commentReference w:id="${id}"/></w:r>`;

function sideXml(ctx: Ctx, seg: SegmentView, side: Side): string {
  let out = "";
  const segmentComment = seg.note && (side === "ko" || !seg.text.ko) ? comment(ctx, seg.note, ctx.t("doc.segmentNote", { n: seg.number })) : null;
  if (segmentComment !== null) out += commentStart(segmentComment);
  let pos = 0;
  for (const run of seg.runs[side]) {
    const end = pos + run.text.length;
    let starts = "";
    let ends = "";
    for (const th of run.themes) {
      const ann = ctx.ann.get(key(th.id, th.code))!;
      if (!ann.note) continue;
      ann.ranges.forEach((r, i) => {
        if (r.segment !== seg || r.side !== side) return;
        const id = ctx.rangeComment.get(ann)?.[i];
        if (id === undefined) return;
        if (r.from === pos) starts += commentStart(id);
        if (r.to === end) ends += commentEnd(id);
      });
    }
    const colors = run.themes.map((th) => ctx.data.code(th.code).color);
    out += `${starts}<w:r>${colors.length ? `<w:rPr>${shd(shade(colors))}</w:rPr>` : ""}${wt(run.text)}</w:r>${ends}`;
    pos = end;
  }
  if (segmentComment !== null) out += commentEnd(segmentComment);
  return out;
}

const para = (content: string, style?: string, keepNext = false) =>
  `<w:p>${style || keepNext ? `<w:pPr>${style ? `<w:pStyle w:val="${style}"/>` : ""}${keepNext ? "<w:keepNext/>" : ""}</w:pPr>` : ""}${content}</w:p>`;
const tc = (content: string, props = "") => `<w:tc>${props ? `<w:tcPr>${props}</w:tcPr>` : ""}${content}</w:tc>`;
const ROW_START = "<w:tr><w:trPr><w:cantSplit/></w:trPr>";

/** Allocates the comments of tagged memos: one per range, so each sits in its own cell. */
function allocateComments(ctx: Ctx): void {
  for (const ann of ctx.data.annotations) {
    if (!ann.note) continue;
    const label = bilingualLabel(ctx.data.code(ann.code), ctx.lang);
    const n = ann.ranges.length;
    ctx.rangeComment.set(
      ann,
      ann.ranges.map((_, i) => comment(ctx, ann.note, n > 1 ? `${label} (${i + 1}/${n})` : label)),
    );
  }
}

const cellText = (text: string, opts: { bold?: boolean; color?: string; size?: number } = {}) =>
  new Paragraph({ children: [new TextRun({ text: clean(text), font: FONT, ...opts })] });

function swatch(color: string): TextRun {
  return new TextRun({ text: "\u2003", shading: { type: ShadingType.CLEAR, color: "auto", fill: safeColor(color).slice(1).toUpperCase() } });
}

export async function exportDocx(project: Project, options: ExportOptions = {}): Promise<Uint8Array> {
  const lang = options.uiLanguage ?? "ko";
  const t = exportT(lang);
  const data = collect(project);
  const ctx: Ctx = { data, t, lang, comments: [], rangeComment: new Map(), ann: new Map(data.annotations.map((a) => [key(a.id, a.code), a])) };
  allocateComments(ctx);
  const landscape = options.orientation === "landscape";
  const status = !!options.showStatus;
  const conf = !!options.showConfidence;
  // A4 in twips, 2 cm margins.
  const usable = (landscape ? 16838 : 11906) - 2 * 1134;
  const fixed = 700 + (status ? 1300 : 0) + (conf ? 900 : 0);
  const half = Math.floor((usable - fixed) / 2);
  const widths = [700, half, half, ...(status ? [1300] : []), ...(conf ? [900] : [])];
  const cols = widths.length;

  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: [t("doc.number"), t("doc.korean"), t("doc.english"), ...(status ? [t("doc.status")] : []), ...(conf ? [t("doc.confidence")] : [])].map((h) =>
      new TableCell({ children: [cellText(h, { bold: true })], shading: { type: ShadingType.CLEAR, color: "auto", fill: "EEEEEE" } }),
    ),
  });
  // Only segments the theme index links to get a bookmark.
  const indexed = new Set(data.annotations.flatMap((a) => a.ranges.map((r) => r.segment)));
  let bookmark = 1000;
  const rows: string[] = [];
  const passageLabel = numbered(t, "doc.passage");
  const statusLabel = statusLabels(t);
  const total = data.segments.length;
  const step = Math.max(1, Math.floor(total / 20));
  for (const p of data.passages) {
    rows.push(`${ROW_START}${tc(para(`<w:r><w:rPr><w:b/><w:bCs/></w:rPr>${wt(passageLabel(p.number))}</w:r>`, undefined, true), `<w:gridSpan w:val="${cols}"/>${shd("F6F6F6")}`)}</w:tr>`);
    for (const s of p.segments) {
      const num = `<w:r>${wt(String(s.number))}</w:r>`;
      const id = bookmark++;
      let row = ROW_START + tc(para(indexed.has(s) ? `<w:bookmarkStart w:id="${id}" w:name="s${s.number}"/>${num}<w:bookmarkEnd w:id="${id}"/>` : num, "DariNumber"));
      row += tc(para(sideXml(ctx, s, "ko"), "DariKo")) + tc(para(sideXml(ctx, s, "en")));
      if (status) row += tc(para(`<w:r>${wt(statusLabel[s.status] + (s.confirmed ? " ✓" : ""))}</w:r>`));
      if (conf) row += tc(para(`<w:r>${wt(s.confidence === null ? "—" : `${Math.round(s.confidence * 100)}%`)}</w:r>`));
      rows.push(row + "</w:tr>");
      if (options.onProgress && s.number % step === 0) options.onProgress((0.5 * s.number) / total);
    }
  }
  // docx writes the table with its header row and a placeholder row that the segment rows replace;
  // the token is fresh each time, so no text of the document can look like it.
  const ROWS_TOKEN = `DARI-ROWS-${Math.random().toString(36).slice(2)}-${Date.now().toString(36)}`;
  const placeholder = new TableRow({ children: [new TableCell({ columnSpan: cols, children: [new Paragraph(ROWS_TOKEN)] })] });

  const m = project.meta;
  const titleBlock: Paragraph[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun({ text: clean(m.title || t("doc.untitled")), font: KO_FONT })] }),
    ...([
      [t("doc.source"), m.source],
      [t("doc.author"), m.author],
      [t("doc.date"), m.date],
      [t("doc.languages"), t("doc.languagePair")],
    ] as const)
      .filter(([, v]) => v)
      .map(([k, v]) => new Paragraph({ children: [new TextRun({ text: `${k}: `, color: "555555", font: FONT }), new TextRun({ text: clean(v), font: KO_FONT })] })),
  ];
  const legend: Paragraph[] = [new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun({ text: t("doc.legend"), font: KO_FONT })] })];
  if (!data.usedCodes.length) legend.push(cellText(t("doc.noThemes")));
  for (const c of data.usedCodes) {
    const anns = data.annotations.filter((a) => a.code === c.id);
    const segs = new Set(anns.flatMap((a) => a.ranges.map((r) => r.segment)));
    legend.push(
      new Paragraph({
        children: [
          swatch(c.color),
          new TextRun({ text: ` ${clean(bilingualLabel(c, lang))}  `, font: KO_FONT }),
          new TextRun({ text: t("doc.legendCount", { count: anns.length, segments: segs.size }), color: "666666", font: KO_FONT }),
        ],
      }),
    );
  }
  const index: Paragraph[] = [];
  if (data.usedCodes.length) {
    index.push(new Paragraph({ heading: HeadingLevel.HEADING_1, pageBreakBefore: true, children: [new TextRun({ text: t("doc.index"), font: KO_FONT })] }));
    for (const c of data.usedCodes) {
      const anns = data.annotations.filter((a) => a.code === c.id);
      const segs = [...new Set(anns.flatMap((a) => a.ranges.map((r) => r.segment)))].sort((a, b) => a.number - b.number);
      index.push(new Paragraph({ heading: HeadingLevel.HEADING_2, keepNext: true, children: [swatch(c.color), new TextRun({ text: ` ${clean(bilingualLabel(c, lang))}`, font: KO_FONT })] }));
      const links: ParagraphChild[] = [new TextRun({ text: `${t("doc.segments")}: `, font: KO_FONT })];
      segs.forEach((s, i) => {
        if (i) links.push(new TextRun(", "));
        links.push(new InternalHyperlink({ anchor: `s${s.number}`, children: [new TextRun({ text: String(s.number), style: "Hyperlink" })] }));
      });
      index.push(new Paragraph({ keepNext: true, children: links }));
      for (const a of anns) {
        const r0 = a.ranges[0];
        index.push(
          new Paragraph({
            bullet: { level: 0 },
            children: [
              new TextRun({ text: `“${clean(a.ranges.map((r) => r.quote).join(" … "))}” `, font: r0.side === "ko" ? KO_FONT : FONT, shading: { type: ShadingType.CLEAR, color: "auto", fill: shade([c.color]) } }),
              new InternalHyperlink({
                anchor: `s${r0.segment.number}`,
                children: [new TextRun({ text: `(${t(`doc.${r0.side}`)}, ${t("doc.segmentRef", { n: r0.segment.number })})`, style: "Hyperlink", font: KO_FONT })],
              }),
            ],
          }),
        );
      }
    }
  }

  const doc = new Document({
    creator: "Dari",
    title: clean(m.title),
    styles: {
      default: { document: { run: { font: FONT, size: 20 } } },
      paragraphStyles: [
        { id: "DariKo", name: "Dari Korean", basedOn: "Normal", run: { font: KO_FONT } },
        { id: "DariNumber", name: "Dari Segment Number", basedOn: "Normal", run: { color: "777777", size: 16 } },
      ],
    },
    comments: { children: ctx.comments },
    sections: [
      {
        properties: {
          page: {
            size: { width: 11906, height: 16838, orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
            margin: { top: 1134, bottom: 1134, left: 1134, right: 1134 },
          },
        },
        children: [
          ...titleBlock,
          ...legend,
          new Paragraph({ alignment: AlignmentType.LEFT, children: [] }),
          new Table({ rows: [header, placeholder], width: { size: usable, type: WidthType.DXA }, columnWidths: widths }),
          ...index,
        ],
      },
    ],
  });
  options.onProgress?.(0.6);
  const files = unzipSync(new Uint8Array(await Packer.toArrayBuffer(doc)));
  options.onProgress?.(0.8);
  const main = strFromU8(files["word/document.xml"]);
  const at = main.indexOf(ROWS_TOKEN);
  const from = main.lastIndexOf("<w:tr>", at);
  const to = main.indexOf("</w:tr>", at) + "</w:tr>".length;
  if (at < 0 || from < 0) throw new Error("docx: the table placeholder is missing");
  files["word/document.xml"] = strToU8(main.slice(0, from) + rows.join("") + main.slice(to));
  const out = zipSync(files, { level: 6 });
  options.onProgress?.(1);
  return out;
}
