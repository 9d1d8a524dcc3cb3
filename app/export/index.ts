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
import { exportXliff12 } from "./xliff12";
import { exportAnnotations } from "./annotations";
import { exportCsv } from "./csv";
import { exportDocx } from "./docx";
import { qdcExporter } from "./qdc";
import { exportQdpx } from "./qdpx";

export const EXPORT_FORMATS = ["html", "pdf", "docx", "tmx", "xliff", "xliff12", "tsv", "txt", "annotations", "csv", "qdc", "qdpx", "dari"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Which format takes which of these: each exporter's `options` below. */
export interface ExportOptions {
  /** Which side to write. */
  side?: Side;
  /** Language of labels and headings. */
  uiLanguage?: UiLanguage;
  /** Show each segment's status and alignment confidence. */
  showStatus?: boolean;
  showConfidence?: boolean;
  /** Page orientation for print. */
  orientation?: "portrait" | "landscape";
  /** Called with a fraction 0..1 on long exports. */
  onProgress?: (fraction: number) => void;
}

/** The options the analyst chooses (in the Export dialog); onProgress is main's, not a choice. */
export type ExportChoices = Pick<ExportOptions, "side" | "uiLanguage" | "showStatus" | "showConfidence" | "orientation">;
export type ExportChoice = keyof ExportChoices;

/** Each choice's value when the analyst leaves it: what the exporters do without it. */
export const CHOICE_DEFAULTS: Required<ExportChoices> = { side: "ko", uiLanguage: "ko", showStatus: false, showConfidence: false, orientation: "portrait" };

/** A format's declaration: the choices it takes, each with its default. */
function takes(...choices: ExportChoice[]): ExportChoices {
  return Object.fromEntries(choices.map((c) => [c, CHOICE_DEFAULTS[c]]));
}

export interface Exporter {
  /** File extension without the dot. */
  extension: string;
  mime: string;
  /**
   * The choices this format takes, each with the value it gets when left out.
   * The Export dialog shows a row for each; a choice not listed changes nothing
   * (index.test.ts holds both to what run does).
   */
  options: ExportChoices;
  /** Produces the file's content; pdf is produced by main from the html export. */
  run(project: Project, options: ExportOptions): Promise<string | Uint8Array>;
}

/** What the documents meant for reading (html, pdf, docx) let the analyst choose. */
const READING = takes("uiLanguage", "showStatus", "showConfidence", "orientation");

export const exporters: Partial<Record<ExportFormat, Exporter>> = {
  dari: { extension: "dari", mime: "application/json", options: takes(), run: async (p) => serializeProject(p) },
  txt: { extension: "txt", mime: "text/plain", options: takes("side"), run: async (p, o) => exportTxt(p.doc, o.side ?? CHOICE_DEFAULTS.side) },
  tsv: { extension: "tsv", mime: "text/tab-separated-values", options: takes(), run: async (p) => exportTsv(p.doc) },
  html: { extension: "html", mime: "text/html", options: READING, run: exportHtml },
  tmx: { extension: "tmx", mime: "application/x-tmx+xml", options: takes(), run: (p, o) => exportTmx(p, o) },
  xliff: { extension: "xlf", mime: "application/xliff+xml", options: takes(), run: exportXliff },
  xliff12: { extension: "xlf", mime: "application/xliff+xml", options: takes(), run: exportXliff12 },
  annotations: { extension: "jsonld", mime: "application/ld+json", options: takes(), run: exportAnnotations },
  csv: { extension: "csv", mime: "text/csv", options: takes("uiLanguage"), run: exportCsv },
  docx: { extension: "docx", mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", options: READING, run: exportDocx },
  qdc: qdcExporter,
  qdpx: { extension: "qdpx", mime: "application/zip", options: takes(), run: exportQdpx },
};

/** The choices a format takes, with their defaults; pdf takes the html export's, which main prints. */
export function formatOptions(format: ExportFormat): ExportChoices {
  return (format === "pdf" ? exporters.html : exporters[format])?.options ?? {};
}

export function isExportFormat(v: unknown): v is ExportFormat {
  return typeof v === "string" && (EXPORT_FORMATS as readonly string[]).includes(v);
}

/** The formats this build can write (pdf needs the html export and a printer in main). */
export function availableFormats(): ExportFormat[] {
  return EXPORT_FORMATS.filter((f) => (f === "pdf" ? !!exporters.html : !!exporters[f]));
}
