// import_pdf_100p_ms: a 100-page text PDF (the sample commentary printed again
// and again by Chromium, made once and kept in a temporary folder) read to
// paragraphs, footnotes and layout as main's import does. pdfjs's module is
// loaded by a first, untimed run, as the app loads it once per session.
import { readFile } from "node:fs/promises";
import { importText } from "../app/import/index";
import { readPdfAsset } from "../main/pdf-assets";
import { hundredPagePdf } from "../test/pdf-samples";

export async function pdfImports(runs = 4): Promise<{ pages: number; times: number[] }> {
  const bytes = new Uint8Array(await readFile(await hundredPagePdf()));
  const times: number[] = [];
  let pages = 0;
  for (let i = 0; i <= runs; i++) {
    const t0 = performance.now();
    const r = await importText("commentary-100p.pdf", bytes, { pdfAssets: readPdfAsset });
    if (i > 0) times.push(performance.now() - t0);
    pages = r.layout?.pages ?? 0;
  }
  if (pages < 100) throw new Error(`the bench PDF has ${pages} pages, not 100`);
  return { pages, times };
}
