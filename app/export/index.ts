// The export formats, one module each, behind one registry used by the CLI,
// the Export dialog and main's export handler. A format that is not listed
// here is not available yet.
import type { Project } from "../document/project";
import type { Side } from "../schema";
import type { UiLanguage } from "../i18n";
import { serializeProject } from "../document/serialize";
import { exportTsv, exportTxt } from "./plain";
import { exportHtml } from "./html";
import { exportTmx } from "./tmx";
import { exportXliff } from "./xliff";
import { exportAnnotations } from "./annotations";
import { exportCsv } from "./csv";
import { exportDocx } from "./docx";
import { qdcExporter } from "./qdc";

export const EXPORT_FORMATS = ["html", "pdf", "docx", "tmx", "xliff", "tsv", "txt", "annotations", "csv", "qdc", "dari"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportOptions {
  /** txt: which side to write. */
  side?: Side;
  /** Language of labels in documents meant for reading (html, docx). */
  uiLanguage?: UiLanguage;
  /** html/docx: show each segment's status and alignment confidence. */
  showStatus?: boolean;
  showConfidence?: boolean;
  /** html/pdf: page orientation for print. */
  orientation?: "portrait" | "landscape";
  /** Called with a fraction 0..1 on long exports. */
  onProgress?: (fraction: number) => void;
}

export interface Exporter {
  /** File extension without the dot. */
  extension: string;
  mime: string;
  /** Produces the file's content; pdf is produced by main from the html export. */
  run(project: Project, options: ExportOptions): Promise<string | Uint8Array>;
}

export const exporters: Partial<Record<ExportFormat, Exporter>> = {
  dari: { extension: "dari", mime: "application/json", run: async (p) => serializeProject(p) },
  txt: { extension: "txt", mime: "text/plain", run: async (p, o) => exportTxt(p.doc, o.side ?? "ko") },
  tsv: { extension: "tsv", mime: "text/tab-separated-values", run: async (p) => exportTsv(p.doc) },
  html: { extension: "html", mime: "text/html", run: exportHtml },
  tmx: { extension: "tmx", mime: "application/x-tmx+xml", run: (p, o) => exportTmx(p, o) },
  xliff: { extension: "xlf", mime: "application/xliff+xml", run: exportXliff },
  annotations: { extension: "jsonld", mime: "application/ld+json", run: exportAnnotations },
  csv: { extension: "csv", mime: "text/csv", run: exportCsv },
  docx: { extension: "docx", mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", run: exportDocx },
  qdc: qdcExporter,
};

export function isExportFormat(v: unknown): v is ExportFormat {
  return typeof v === "string" && (EXPORT_FORMATS as readonly string[]).includes(v);
}

/** The formats this build can write (pdf needs the html export and a printer in main). */
export function availableFormats(): ExportFormat[] {
  return EXPORT_FORMATS.filter((f) => (f === "pdf" ? !!exporters.html : !!exporters[f]));
}
