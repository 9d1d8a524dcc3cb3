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
import type { TextLang } from "../text/sentences";
import { importFormatOf, extensionOf, modeForFile, type ImportFormat } from "./formats";

export { importBitext, type BitextInput } from "./bitext";
export { checkSides } from "./sides";
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
