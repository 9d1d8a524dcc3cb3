// Importing one side of a bitext from a file: .txt (any of its encodings, PDF
// extractions included), .docx, .html, .md and .pdf (app/import/pdf, with its layout), chosen by extension. Every
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
import type { PdfAssetReader } from "./pdf";

export { importBitext, type BitextInput } from "./bitext";
export { checkSides } from "./sides";
export { importFormatOf, modeForFile, IMPORT_FORMATS, type ImportFormat } from "./formats";

export interface ImportedFileText {
  /** Paragraphs separated by blank lines (structured formats), or the text as it is (txt). */
  text: string;
  encoding: TextEncoding | "docx" | "pdf" | "hwp" | "hwpx";
  format: ImportFormat;
  /** Footnotes and endnotes found by a layout-aware importer (pdf, hwp, hwpx). */
  notes?: ImportedNote[];
  /** What a layout-aware importer detected, for the import preview. */
  layout?: LayoutReport;
}

/**
 * A footnote or endnote. Its marker stays in the body text; the note becomes the
 * note of the segment whose sentence carries the marker.
 */
export interface ImportedNote {
  /** The paragraph (0-based, in the order of `text`'s blank-line separated paragraphs) that carries the marker. */
  paragraph: number;
  /** Offset in that paragraph just after the marker. */
  offset: number;
  marker: string;
  text: string;
  kind: "footnote" | "endnote";
}

/** What a layout-aware importer found, so the preview can say so and the analyst can switch it. */
export interface LayoutReport {
  pages?: number;
  /** Pages read as two (or more) columns. */
  columnPages?: number;
  /** Running headers, footers and page numbers left out (lines). */
  headersRemoved?: number;
  footnotes?: number;
  /** Tables found, and whether their text was kept as passages. */
  tables?: number;
  tablesKept?: boolean;
}

/** The analyst's switches for a layout-aware import (the preview's check boxes, the CLI's flags). */
export interface LayoutOptions {
  /** Leave out running headers, footers and page numbers (default true). */
  removeHeaders?: boolean;
  /** Read multi-column pages column by column (default true). */
  columns?: boolean;
  /** Keep footnotes apart as notes (default true); false leaves them out. */
  footnotes?: boolean;
  /** Table cell text as its own passages after the body (default), or left out. */
  tables?: "passages" | "skip";
  /** The password of an encrypted PDF. */
  password?: string;
}

/** How to read a file: the analyst's layout switches, and what a PDF needs from the host. */
export interface ImportOptions extends LayoutOptions {
  /** Reads pdfjs's bundled CMaps and fonts (main and the CLI pass main/pdf-assets' reader). */
  pdfAssets?: PdfAssetReader;
  /** Progress (0..1) of a long read (a PDF's pages). */
  onProgress?: (fraction: number) => void;
  /** Cancels a long read. */
  signal?: AbortSignal;
}

/** Reads a file to text for import. Throws DariError naming the file on bad input. */
export async function importText(fileName: string, bytes: Uint8Array, options: ImportOptions = {}): Promise<ImportedFileText> {
  const format = importFormatOf(fileName);
  if (!format) throw new DariError("import:unsupported", { file: fileName, ext: `.${extensionOf(fileName)}` });
  if (bytes.length === 0) throw new DariError("import:empty", { file: fileName });
  if (format === "pdf") {
    if (!options.pdfAssets) throw new DariError("unexpected", { reason: "PDF import needs pdfjs's CMaps and fonts (pdfAssets)" });
    const { readPdf } = await import("./pdf");
    return readPdf(fileName, bytes, { ...options, assets: options.pdfAssets });
  }
  if (format === "docx") {
    const paragraphs = await docxParagraphs(fileName, bytes);
    if (!paragraphs.length) throw new DariError("import:noParagraphs", { file: fileName });
    return { text: paragraphs.join("\n\n"), encoding: "docx", format };
  }
  if (format === "hwp" || format === "hwpx") {
    // Loaded when needed, so that starting the CLI or main does not load cfb and saxes.
    const r = format === "hwp" ? (await import("./hwp")).hwpText(fileName, bytes, options) : (await import("./hwpx")).hwpxText(fileName, bytes, options);
    if (!r.paragraphs.length) throw new DariError("import:noParagraphs", { file: fileName });
    return { text: r.paragraphs.join("\n\n"), encoding: format, format, notes: r.notes, layout: r.layout };
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
  encoding: TextEncoding | "docx" | "pdf" | "hwp" | "hwpx";
  format: ImportFormat;
  notes?: ImportedNote[];
  layout?: LayoutReport;
}

/** Reads a file and rebuilds its paragraphs. `options.mode` forces a layout ("auto" detects it). */
export async function importParagraphs(fileName: string, bytes: Uint8Array, options: ReflowOptions & ImportOptions = {}): Promise<ImportedParagraphs> {
  const { text, encoding, format, notes, layout } = await importText(fileName, bytes, options);
  const mode = options.mode && options.mode !== "auto" ? options.mode : modeForFile(fileName);
  const r = reflow(text, { lang: options.lang, mode });
  if (!r.paragraphs.length) throw new DariError("import:empty", { file: fileName });
  return { ...r, encoding, format, notes, layout };
}
