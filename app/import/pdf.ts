// Reading a PDF's text layer with pdfjs-dist, offline: its bundled CMaps
// (Korean PDFs use Adobe-Korea1 CID fonts) and standard fonts come from a
// reader that main or the CLI injects (they read the installed package's
// folder), the worker code runs in-process (pdfjs's "fake worker"), eval is
// off and nothing is fetched. The layout (lines, columns, headers, footnotes,
// paragraphs) is ./pdf-layout.ts; this module only turns pages into
// positioned items and pdfjs's failures into DariErrors the user can act on.
import { DariError } from "../errors";
import type { ImportedFileText, LayoutOptions } from "./index";
import { layoutPdf, type PdfItem, type PdfPageText } from "./pdf-layout";

/** Reads one of pdfjs's bundled data files: a CMap (`cmaps/<name>`) or a standard font (`standard_fonts/<name>`). */
export type PdfAssetReader = (kind: "cmaps" | "standard_fonts", name: string) => Promise<Uint8Array>;

export interface PdfReadOptions extends LayoutOptions {
  assets: PdfAssetReader;
  /** Pages read so far (0..1), for the window's progress bar. */
  onProgress?: (fraction: number) => void;
  /** Stops a long read between pages (the window's Cancel). */
  signal?: AbortSignal;
}

/** Fewer visible characters than this in the whole file: an image of text (a scan or outlines), not text. */
const MIN_TEXT_CHARS = 20;

// pdfjs's module and its worker code, loaded once on first use (a large module the other importers never need).
let pdfjsPromise: Promise<PdfJs> | null = null;
interface PdfJs {
  getDocument(src: Record<string, unknown>): { promise: Promise<PdfDocument>; destroy(): Promise<void> };
}
interface PdfDocument {
  numPages: number;
  getPage(n: number): Promise<{
    getViewport(o: { scale: number }): { width: number; height: number; viewBox: number[] };
    getTextContent(): Promise<{ items: Array<{ str?: string; transform?: number[]; width?: number; height?: number }> }>;
    cleanup(): void;
  }>;
  destroy(): Promise<void>;
}

function loadPdfJs(): Promise<PdfJs> {
  pdfjsPromise ??= (async () => {
    // The worker's code in this thread: pdfjs looks for it on globalThis before trying to load a worker file.
    const g = globalThis as { pdfjsWorker?: unknown };
    // (pdfjs-dist ships no types for it; its name in a variable keeps the compiler from asking.)
    const workerModule: string = "pdfjs-dist/legacy/build/pdf.worker.mjs";
    g.pdfjsWorker ??= await import(workerModule);
    return (await import("pdfjs-dist/legacy/build/pdf.mjs")) as unknown as PdfJs;
  })();
  return pdfjsPromise;
}

/** pdfjs asks its "binary data factory" for CMaps and fonts; this one answers from the injected reader only. */
function assetFactory(assets: PdfAssetReader) {
  return class {
    async fetch({ kind, filename }: { kind: string; filename: string }): Promise<Uint8Array> {
      if (kind === "cMapUrl") return assets("cmaps", filename);
      if (kind === "standardFontDataUrl") return assets("standard_fonts", filename);
      throw new Error(`pdfjs asked for ${kind} data, which Dari does not provide`);
    }
  };
}

function pdfError(fileName: string, e: unknown, password: string | undefined): DariError {
  const err = e as { name?: string; code?: number; message?: string };
  if (err?.name === "PasswordException") {
    // pdfjs: code 1 = a password is needed, 2 = the one given is wrong.
    return password && err.code === 2 ? new DariError("import:pdfWrongPassword", { file: fileName }) : new DariError("import:pdfPassword", { file: fileName });
  }
  return new DariError("import:pdfDamaged", { file: fileName, reason: String(err?.message ?? e) });
}

/** The positioned text items of every page of a PDF. Throws DariError for a locked or damaged file. */
export async function readPdfPages(fileName: string, bytes: Uint8Array, options: PdfReadOptions): Promise<PdfPageText[]> {
  const pdfjs = await loadPdfJs();
  const cancelled = () => new DariError("import:cancelled", { file: fileName });
  if (options.signal?.aborted) throw cancelled();
  const task = pdfjs.getDocument({
    // pdfjs takes the buffer over and refuses a Node Buffer: give it a plain copy, the caller's bytes stay usable.
    data: new Uint8Array(bytes),
    password: options.password || undefined,
    isEvalSupported: false,
    useWasm: false,
    useSystemFonts: false,
    disableFontFace: true,
    useWorkerFetch: false,
    // Names only: every file is read by BinaryDataFactory, never fetched.
    cMapUrl: "cmaps/",
    cMapPacked: true,
    standardFontDataUrl: "standard_fonts/",
    BinaryDataFactory: assetFactory(options.assets),
    verbosity: 0,
  });
  let doc: PdfDocument;
  try {
    doc = await task.promise;
  } catch (e) {
    await task.destroy().catch(() => undefined);
    throw pdfError(fileName, e, options.password);
  }
  try {
    const pages: PdfPageText[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      if (options.signal?.aborted) throw cancelled();
      const page = await doc.getPage(n);
      const view = page.getViewport({ scale: 1 });
      // Items in the page's user space; the viewBox's origin may not be 0,0.
      const [vx, vy] = [view.viewBox[0] ?? 0, view.viewBox[1] ?? 0];
      const content = await page.getTextContent();
      const items: PdfItem[] = [];
      for (const it of content.items) {
        if (typeof it.str !== "string" || !it.transform) continue;
        const [a, b, c, d, e, f] = it.transform;
        // Rotated or vertical text (stamps, margin notes) is not part of the running text.
        if (Math.abs(b) > 0.01 * Math.abs(a) + 0.01 || Math.abs(c) > 0.01 * Math.abs(d) + 0.01) continue;
        items.push({ str: it.str, x: e - vx, y: f - vy, width: it.width ?? 0, size: Math.abs(d) || it.height || Math.abs(a) });
      }
      pages.push({ width: view.width, height: view.height, items });
      page.cleanup();
      options.onProgress?.(n / doc.numPages);
    }
    return pages;
  } catch (e) {
    if (e instanceof DariError) throw e;
    throw pdfError(fileName, e, options.password);
  } finally {
    await doc.destroy().catch(() => undefined);
  }
}

/** A PDF's paragraphs (separated by blank lines), its footnotes and what was detected. */
export async function readPdf(fileName: string, bytes: Uint8Array, options: PdfReadOptions): Promise<ImportedFileText> {
  const pages = await readPdfPages(fileName, bytes, options);
  let chars = 0;
  for (const p of pages) for (const it of p.items) chars += it.str.replace(/\s/g, "").length;
  if (chars < MIN_TEXT_CHARS) throw new DariError("import:pdfNoText", { file: fileName, pages: pages.length });
  const { paragraphs, notes, report } = layoutPdf(pages, options);
  if (!paragraphs.length) throw new DariError("import:noParagraphs", { file: fileName });
  return { text: paragraphs.join("\n\n"), encoding: "pdf", format: "pdf", notes, layout: report };
}
