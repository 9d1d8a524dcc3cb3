// The import worker: parses one imported file (txt, docx, html, md and every
// format app/import's importText learns), or checks a .dari project before main
// opens it, off main's event loop, under the heap limit main gave it
// (main/import-runner.ts). A hostile or huge file then ends this thread, never
// the window. Errors go back as DariError keys.
import { parentPort } from "node:worker_threads";
import { importText, type LayoutOptions } from "../app/import/index";
import { checkProjectSize } from "../app/import/size";
import type { TextLang } from "../app/text/sentences";
import { DariError, isDariError } from "../app/errors";
import { checkProjectText, parseProject } from "../app/document/parse";
import { translationProgress } from "../app/translate/progress";
import { readPdfAsset } from "./pdf-assets";

export interface ImportJob {
  id: number;
  fileName: string;
  bytes: Uint8Array;
  options: LayoutOptions;
  /** The side it is imported as: the sentence rules of its language judge the project's size. */
  lang: TextLang;
}

/** A .dari file to check: strict UTF-8, then the whole validation of parseProject (the window builds the document). */
export interface ProjectJob {
  id: number;
  kind: "project";
  /** The path, named in errors. */
  fileName: string;
  bytes: Uint8Array;
}

/** A recent project as the start screen lists it: read here, so a book-length project never holds up main. */
export interface SummaryJob {
  id: number;
  kind: "summary";
  fileName: string;
  bytes: Uint8Array;
}

function summarizeProject(job: SummaryJob): { title: string; percent: number } {
  const project = parseProject(new TextDecoder("utf-8", { fatal: true }).decode(job.bytes));
  return { title: project.meta.title, percent: translationProgress(project.doc).percent };
}

function checkProject(job: ProjectJob): string {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(job.bytes);
  } catch {
    throw new DariError("io.cannotRead", { file: job.fileName, reason: "not UTF-8 text" });
  }
  try {
    checkProjectText(text);
  } catch (e) {
    // The place in the file is in the error; the file is named too.
    if (isDariError(e)) throw new DariError(e.key, { ...e.params, inFile: job.fileName });
    throw e;
  }
  return text;
}

/** The reads under way, so that main's cancel reaches them. */
const reading = new Map<number, AbortController>();

parentPort?.on("message", async (job: ImportJob | ProjectJob | SummaryJob | { cancel: number }) => {
  if ("cancel" in job) {
    reading.get(job.cancel)?.abort();
    return;
  }
  const abort = new AbortController();
  reading.set(job.id, abort);
  try {
    if ("kind" in job && job.kind === "project") {
      parentPort!.postMessage({ id: job.id, ok: true, value: checkProject(job) });
      return;
    }
    if ("kind" in job && job.kind === "summary") {
      parentPort!.postMessage({ id: job.id, ok: true, value: summarizeProject(job) });
      return;
    }
    job = job as ImportJob;
    const id = job.id;
    // PDFs read pdfjs's bundled CMaps and fonts here; a long read reports its pages.
    const imported = await importText(job.fileName, job.bytes, {
      ...job.options,
      pdfAssets: readPdfAsset,
      signal: abort.signal,
      onProgress: (progress) => parentPort!.postMessage({ id, progress }),
    });
    checkProjectSize(job.fileName, imported.text, job.lang);
    parentPort!.postMessage({ id: job.id, ok: true, value: imported });
  } catch (e) {
    const error = isDariError(e) ? { key: e.key, params: e.params } : { key: "import:failed", params: { file: job.fileName, reason: String((e as Error)?.message ?? e).slice(0, 500) } };
    parentPort!.postMessage({ id: job.id, ok: false, error });
  } finally {
    reading.delete(job.id);
  }
});
