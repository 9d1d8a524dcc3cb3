// Glossary as CSV (RFC 4180, every field quoted), the format every spreadsheet and CAT tool reads:
//   ko,en,note,forbidden
// `forbidden` holds the renderings not to use, separated by "; ". On import the
// header may name the columns in any order, in English or Korean (korean/한국어,
// english/영어, note/메모, forbidden/금지어); ko and en are required.
import type { GlossaryEntry } from "./glossary-entry";
import { DariError } from "../errors";
import { newId } from "../ids";
import { csvField } from "../export/csv";

const COLUMNS = ["ko", "en", "note", "forbidden"] as const;
type Column = (typeof COLUMNS)[number];

const ALIASES: Record<string, Column> = {
  ko: "ko", korean: "ko", source: "ko", 한국어: "ko", 원문: "ko", 용어: "ko",
  en: "en", english: "en", target: "en", 영어: "en", 번역: "en", 번역어: "en",
  note: "note", notes: "note", comment: "note", 메모: "note", 비고: "note",
  forbidden: "forbidden", "forbidden renderings": "forbidden", 금지어: "forbidden", 금지: "forbidden",
};

/** Undoes csvField's guard: a leading apostrophe before = + - @ was added so spreadsheets show the cell as text. */
function unguard(field: string): string {
  return /^'[=+\-@\t\r]/.test(field) ? field.slice(1) : field;
}

export function glossaryToCsv(entries: readonly GlossaryEntry[]): string {
  const rows = [COLUMNS.join(",")];
  // Quoted as the coded-segment CSV is, formula guard included: a glossary goes to spreadsheets too.
  for (const e of entries) rows.push([e.ko, e.en, e.note, e.forbidden.join("; ")].map(csvField).join(","));
  return rows.join("\r\n") + "\r\n";
}

/** Rows of fields; `line` is the 1-based line where each row starts. */
function parseRows(text: string, file: string): { fields: string[]; line: number }[] {
  const rows: { fields: string[]; line: number }[] = [];
  let fields: string[] = [];
  let field = "";
  let line = 1;
  let rowLine = 1;
  let i = 0;
  let quoted = false;
  let quoteLine = 0;
  const endRow = () => {
    fields.push(field);
    if (fields.length > 1 || fields[0].trim() !== "") rows.push({ fields, line: rowLine });
    fields = [];
    field = "";
  };
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else {
        if (c === "\n") line++;
        field += c;
      }
      i++;
      continue;
    }
    if (c === '"' && field.trim() === "") {
      quoted = true;
      quoteLine = line;
      field = "";
    } else if (c === ",") {
      fields.push(field);
      field = "";
    } else if (c === "\r" || c === "\n") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      endRow();
      line++;
      rowLine = line;
    } else field += c;
    i++;
  }
  if (quoted) throw new DariError("translate:errors.csvQuote", { file, line: quoteLine });
  if (field !== "" || fields.length) endRow();
  return rows;
}

/** Reads a glossary CSV; throws a DariError naming the file and line on bad input. */
export function glossaryFromCsv(text: string, file = "glossary.csv"): GlossaryEntry[] {
  const rows = parseRows(text.replace(/^\uFEFF/, ""), file);
  if (rows.length === 0) throw new DariError("translate:errors.csvEmpty", { file });
  const header = rows[0].fields.map((h) => ALIASES[h.trim().toLowerCase()]);
  for (const need of ["ko", "en"] as const) {
    if (!header.includes(need)) throw new DariError("translate:errors.csvColumn", { file, column: need });
  }
  const out: GlossaryEntry[] = [];
  for (const { fields, line } of rows.slice(1)) {
    const get = (col: Column) => {
      const k = header.indexOf(col);
      return k >= 0 ? unguard((fields[k] ?? "").trim()) : "";
    };
    const ko = get("ko");
    const en = get("en");
    if (!ko || !en) throw new DariError("translate:errors.csvRow", { file, line, column: ko ? "en" : "ko" });
    const forbidden = get("forbidden").split(/\s*[;|]\s*/).filter(Boolean);
    out.push({ id: newId("g"), ko, en, note: get("note"), forbidden });
  }
  return out;
}
