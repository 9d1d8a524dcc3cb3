// The retrieval report: every segment of the library tagged with a theme (or a
// combination of themes), Korean and English side by side with their memos and
// their document's title, date and source, as HTML, Word or CSV.
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType, HeadingLevel } from "docx";
import { csvField } from "../export/csv";
import { escapeText } from "../export/escape";
import { createI18n, type UiLanguage } from "../i18n";
import type { LibraryCodebookEntry, RetrievedSegment, ThemeQuery } from "./library";

export const REPORT_FORMATS = ["html", "docx", "csv"] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

const reportT = (lang: UiLanguage) => createI18n(lang).getFixedT(lang, "library");

export interface ReportInput {
  query: ThemeQuery;
  rows: RetrievedSegment[];
  codebook: LibraryCodebookEntry[];
  lang?: UiLanguage;
}

function themeName(codebook: LibraryCodebookEntry[], code: string, lang: UiLanguage): string {
  const c = codebook.find((e) => e.id === code);
  return c ? c.label[lang] || c.label.ko || c.label.en || code : code;
}

/** "우주 협력 + 무기 거래 − 신냉전": the query as the analyst reads it. */
export function queryTitle(input: ReportInput): string {
  const lang = input.lang ?? "en";
  const all = input.query.all.map((c) => themeName(input.codebook, c, lang)).join(" + ");
  const none = (input.query.none ?? []).map((c) => ` − ${themeName(input.codebook, c, lang)}`).join("");
  return all + none;
}

const memosOf = (r: RetrievedSegment) => [r.segment.note, ...r.segment.memos.map((m) => `${m.text}: ${m.note}`)].filter(Boolean);

export function reportCsv(input: ReportInput): string {
  const head = ["file", "title", "date", "source", "segment", "korean", "english", "themes", "memos"];
  const lines = [head.join(",")];
  for (const r of input.rows)
    lines.push(
      [r.file, r.title, r.date, r.source, String(r.index + 1), r.segment.ko, r.segment.en, [...new Set([...r.segment.koThemes, ...r.segment.enThemes])].join(" "), memosOf(r).join(" | ")]
        .map(csvField)
        .join(","),
    );
  // A BOM so that Excel reads the Korean as UTF-8, as the CSV export does.
  return "\uFEFF" + lines.join("\r\n") + "\r\n";
}

export function reportHtml(input: ReportInput): string {
  const lang = input.lang ?? "en";
  const t = reportT(lang);
  const title = queryTitle(input);
  const rows = input.rows
    .map((r) => {
      const memos = memosOf(r).map((m) => `<li>${escapeText(m)}</li>`).join("");
      return `<tr><td class="src">${escapeText(r.title)}<br><small>${escapeText([r.date, r.source].filter(Boolean).join(" · "))} · ${r.index + 1}</small></td><td lang="ko">${escapeText(r.segment.ko)}</td><td lang="en">${escapeText(r.segment.en)}</td><td>${memos ? `<ul>${memos}</ul>` : ""}</td></tr>`;
    })
    .join("\n");
  return `<!DOCTYPE html>
<html lang="${lang === "ko" ? "ko" : "en"}">
<head>
<meta charset="utf-8">
<title>${escapeText(title)}</title>
<style>
body { font-family: "Noto Sans CJK KR", "Noto Sans KR", sans-serif; margin: 2em; color: #222; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #ccc; padding: .4em .6em; vertical-align: top; text-align: left; }
th { background: #f3f3f3; }
td.src { width: 16%; }
small { color: #555; }
ul { margin: 0; padding-left: 1.2em; }
</style>
</head>
<body>
<h1>${escapeText(title)}</h1>
<p>${escapeText(t("report.count", { count: input.rows.length }))}</p>
<table>
<thead><tr><th>${escapeText(t("report.document"))}</th><th lang="ko">${escapeText(t("report.korean"))}</th><th lang="en">${escapeText(t("report.english"))}</th><th>${escapeText(t("report.memos"))}</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
</body>
</html>
`;
}

export async function reportDocx(input: ReportInput): Promise<Uint8Array> {
  const lang = input.lang ?? "en";
  const t = reportT(lang);
  const cell = (text: string, bold = false) => new TableCell({ children: text.split("\n").map((line) => new Paragraph({ children: [new TextRun({ text: line, bold })] })) });
  const header = new TableRow({ tableHeader: true, children: [t("report.document"), t("report.korean"), t("report.english"), t("report.memos")].map((h) => cell(h, true)) });
  const rows = input.rows.map(
    (r) => new TableRow({ cantSplit: true, children: [cell(`${r.title}\n${[r.date, r.source].filter(Boolean).join(" · ")} · ${r.index + 1}`), cell(r.segment.ko), cell(r.segment.en), cell(memosOf(r).join("\n"))] }),
  );
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(queryTitle(input))] }),
          new Paragraph({ children: [new TextRun(t("report.count", { count: input.rows.length }))] }),
          new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [header, ...rows] }),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toArrayBuffer(doc));
}

export async function libraryReport(format: ReportFormat, input: ReportInput): Promise<string | Uint8Array> {
  if (format === "csv") return reportCsv(input);
  if (format === "html") return reportHtml(input);
  return reportDocx(input);
}
