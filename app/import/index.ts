// Importing one side of a bitext from a file: .txt (any of its encodings, PDF
// extractions included), .docx, .html and .md, chosen by extension. Every
// importer yields text whose paragraphs are separated by blank lines, so one
// reflow step (app/text/reflow) gives the paragraphs, with the layout detected
// or forced, the same way for a file, a preview and the command line.
import { DariError } from "../errors";
import { decodeText, type TextEncoding } from "./decode";
import { docxParagraphs } from "./docx";
import { htmlParagraphs } from "./html";
import { markdownParagraphs } from "./md";
import { reflow, type ReflowMode, type ReflowOptions } from "../text/reflow";
import { hangulRatio } from "../text/normalize";
import type { TextLang } from "../text/sentences";
import { importFormatOf, extensionOf, modeForFile, type ImportFormat } from "./formats";

export { importBitext, type BitextInput } from "./bitext";
export { importFormatOf, modeForFile, IMPORT_FORMATS, type ImportFormat } from "./formats";

export interface ImportedFileText {
  /** Paragraphs separated by blank lines (structured formats), or the text as it is (txt). */
  text: string;
  encoding: TextEncoding | "docx";
  format: ImportFormat;
}

/** Reads a file to text for import. Throws DariError naming the file on bad input. */
export async function importText(fileName: string, bytes: Uint8Array): Promise<ImportedFileText> {
  const format = importFormatOf(fileName);
  if (!format) throw new DariError("import:unsupported", { file: fileName, ext: `.${extensionOf(fileName)}` });
  if (bytes.length === 0) throw new DariError("import:empty", { file: fileName });
  if (format === "docx") {
    const paragraphs = await docxParagraphs(fileName, bytes);
    if (!paragraphs.length) throw new DariError("import:noParagraphs", { file: fileName });
    return { text: paragraphs.join("\n\n"), encoding: "docx", format };
  }
  const { text, encoding } = decodeText(fileName, bytes);
  if (format === "txt") return { text, encoding, format };
  const paragraphs = format === "html" ? htmlParagraphs(text) : markdownParagraphs(text);
  if (!paragraphs.length) throw new DariError("import:noParagraphs", { file: fileName });
  return { text: paragraphs.join("\n\n"), encoding, format };
}

export interface ImportedParagraphs {
  paragraphs: string[];
  mode: ReflowMode;
  lang: TextLang;
  encoding: TextEncoding | "docx";
  format: ImportFormat;
}

/** Reads a file and rebuilds its paragraphs. `options.mode` forces a layout ("auto" detects it). */
export async function importParagraphs(fileName: string, bytes: Uint8Array, options: ReflowOptions = {}): Promise<ImportedParagraphs> {
  const { text, encoding, format } = await importText(fileName, bytes);
  const mode = options.mode && options.mode !== "auto" ? options.mode : modeForFile(fileName);
  const r = reflow(text, { ...options, mode });
  if (!r.paragraphs.length) throw new DariError("import:empty", { file: fileName });
  return { ...r, encoding, format };
}

/** Below this share of Hangul, a "Korean" text is not Korean; above the other, an "English" one is not English. */
const KO_MIN_HANGUL = 0.2;
const EN_MAX_HANGUL = 0.5;

/**
 * Refuses sides that look swapped or wrong: a Korean side with almost no
 * Hangul, or an English side that is mostly Hangul. `names` name the files.
 */
export function checkSides(ko: readonly string[], en: readonly string[] | null, names: { ko: string; en: string }): void {
  const koRatio = hangulRatio(ko.join("\n"));
  const enRatio = en && en.length ? hangulRatio(en.join("\n")) : 0;
  const params = {
    ko: names.ko,
    en: names.en,
    koPercent: Math.round(koRatio * 100),
    enPercent: Math.round(enRatio * 100),
  };
  const koBad = ko.length > 0 && koRatio < KO_MIN_HANGUL;
  const enBad = en !== null && en.length > 0 && enRatio > EN_MAX_HANGUL;
  if (koBad && enBad) throw new DariError("import:swapped", params);
  if (koBad) throw new DariError("import:koNotKorean", params);
  if (enBad) throw new DariError("import:enIsKorean", params);
}
