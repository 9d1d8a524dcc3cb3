// Which importer reads a file, by its extension. Kept apart from the importers
// so the renderer can ask without bundling mammoth or iconv-lite.
import type { ReflowMode } from "../text/reflow";

export const IMPORT_FORMATS = ["txt", "docx", "html", "md", "pdf", "hwp", "hwpx"] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

const EXTENSIONS: Record<string, ImportFormat> = {
  txt: "txt", text: "txt", docx: "docx", html: "html", htm: "html", xhtml: "html", md: "md", markdown: "md",
  pdf: "pdf",
  hwp: "hwp", hwpx: "hwpx",
};

/** The last part of a path, on any system ("C:\\a\\b.txt" and "/a/b.txt" give "b.txt"). */
export function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

export function extensionOf(fileName: string): string {
  const base = baseName(fileName);
  const dot = base.lastIndexOf(".");
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : "";
}

/** The importer for a file name; files without an extension are read as text. */
export function importFormatOf(fileName: string): ImportFormat | null {
  const ext = extensionOf(fileName);
  return ext === "" ? "txt" : (EXTENSIONS[ext] ?? null);
}

/** How to reflow a file's text by default: structured formats already know their paragraphs. */
export function modeForFile(fileName: string): ReflowMode | "auto" {
  const format = importFormatOf(fileName);
  return format === "txt" || format === null ? "auto" : "blocks";
}
