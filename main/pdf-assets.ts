// pdfjs's bundled data files (CMaps, standard fonts) read from the installed
// pdfjs-dist package, for app/import/pdf: PDF import never fetches anything.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { PdfAssetReader } from "../app/import/pdf";

let root: string | null = null;

/** The installed pdfjs-dist folder (found through Node's resolution, so a packaged app finds its own copy). */
function packageRoot(): string {
  root ??= dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json"));
  return root;
}

export const readPdfAsset: PdfAssetReader = async (kind, name) => {
  // Only plain file names inside the two folders: pdfjs names them, but a file could try "../".
  if (!/^[\w.-]+$/.test(name) || name.startsWith(".")) throw new Error(`Not a pdfjs data file name: ${name}`);
  return new Uint8Array(await readFile(join(packageRoot(), kind, name)));
};
