// Coded segments as CSV for spreadsheets and analysis software: one row per
// tagged range (theme, side, quote, Korean segment, English segment, memo).
// UTF-8 with a byte-order mark, CRLF rows and every field quoted (RFC 4180), so
// Excel shows Korean correctly; a cell that a spreadsheet would run as a
// formula (= + - @ first) gets a leading apostrophe.
import type { Project } from "../document/project";
import type { ExportOptions } from "./index";
import { collect } from "./collect";
import { bilingualLabel } from "./labels";

export const CSV_HEADER = ["theme", "side", "quote", "korean_segment", "english_segment", "memo"];

/** A cell a spreadsheet would run as a formula (= + - @, tab or CR first) gets a leading apostrophe; CSV and TSV share it. */
export function formulaSafe(v: string): string {
  return /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
}

export function csvField(v: string): string {
  return `"${formulaSafe(v).replace(/"/g, '""')}"`;
}

export async function exportCsv(project: Project, options: ExportOptions = {}): Promise<string> {
  const data = collect(project);
  const lang = options.uiLanguage ?? "ko";
  const rows = [CSV_HEADER];
  for (const a of data.annotations)
    for (const r of a.ranges) rows.push([bilingualLabel(data.code(a.code), lang), r.side, r.quote, r.segment.text.ko, r.segment.text.en, a.note]);
  return "\uFEFF" + rows.map((row) => row.map(csvField).join(",")).join("\r\n") + "\r\n";
}
