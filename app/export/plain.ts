// Plain-text exports: txt (one side, passages separated by a blank line) and
// tsv (one segment a line, ko<TAB>en).
import type { Node as PMNode } from "prosemirror-model";
import { sideText, type Side } from "../schema";
import { formulaSafe } from "./csv";

/** Tabs and line breaks inside a side would break the line format; they become spaces. */
function oneLine(s: string): string {
  return s.replace(/[\t\r\n\u2028\u2029]+/g, " ");
}

export function exportTxt(doc: PMNode, side: Side): string {
  const passages: string[] = [];
  doc.forEach((passage) => {
    const parts: string[] = [];
    passage.forEach((segment) => {
      const t = sideText(segment, side).trim();
      if (t) parts.push(t);
    });
    passages.push(parts.join(" "));
  });
  return passages.join("\n\n") + "\n";
}

export function exportTsv(doc: PMNode): string {
  const lines: string[] = [];
  // Spreadsheets open .tsv files too: a side that would run as a formula is kept as text, as in CSV.
  const cell = (segment: PMNode, side: Side) => formulaSafe(oneLine(sideText(segment, side)));
  doc.forEach((passage) => passage.forEach((segment) => lines.push(`${cell(segment, "ko")}\t${cell(segment, "en")}`)));
  return lines.join("\n") + "\n";
}
