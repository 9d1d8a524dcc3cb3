// The import worker: parses one imported file (txt, docx, html, md and every
// format app/import's importText learns) off main's event loop, under the heap
// limit main gave it (main/import-runner.ts). A hostile or huge file then ends
// this thread, never the window. Errors go back as DariError keys.
import { parentPort } from "node:worker_threads";
import { importText, type LayoutOptions } from "../app/import/index";
import { checkProjectSize } from "../app/import/size";
import type { TextLang } from "../app/text/sentences";
import { isDariError } from "../app/errors";

export interface ImportJob {
  id: number;
  fileName: string;
  bytes: Uint8Array;
  options: LayoutOptions;
  /** The side it is imported as: the sentence rules of its language judge the project's size. */
  lang: TextLang;
}

parentPort?.on("message", async (job: ImportJob) => {
  try {
    const imported = await importText(job.fileName, job.bytes, job.options);
    checkProjectSize(job.fileName, imported.text, job.lang);
    parentPort!.postMessage({ id: job.id, ok: true, value: imported });
  } catch (e) {
    const error = isDariError(e) ? { key: e.key, params: e.params } : { key: "import:failed", params: { file: job.fileName, reason: String((e as Error)?.message ?? e).slice(0, 500) } };
    parentPort!.postMessage({ id: job.id, ok: false, error });
  }
});
