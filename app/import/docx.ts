// Paragraph text of a Word (.docx) document through mammoth, which reads the
// document's XML the way Word lays it out (paragraphs, tables, lists, footnotes
// left out). Runs in Node (main process, CLI) and in the browser build.
import mammoth from "mammoth";
import { Unzip, UnzipInflate, unzipSync } from "fflate";
import { DariError } from "../errors";

/**
 * A commentary's .docx holds a few MB of XML; more than this, unpacked, is
 * refused, as a zip bomb would exhaust memory. Every entry counts, whatever
 * its name: the main part is whatever _rels/.rels names (a bomb called
 * word/document.dat once passed a check of *.xml parts only).
 */
export const MAX_DOCX_UNPACKED_MB = 128;

/**
 * Refuses a .docx whose entries would unpack to more than `limitMb`, before
 * mammoth inflates anything: first by the sizes its directory declares
 * (instant), then by inflating and counting, which stops at the limit (sizes
 * in the directory can lie). A file that is not a zip passes through, for
 * mammoth to report.
 */
export function checkDocxSize(fileName: string, bytes: Uint8Array, limitMb = MAX_DOCX_UNPACKED_MB): void {
  const limit = limitMb * 1024 * 1024;
  const refuse = () => new DariError("import:docxTooLarge", { file: fileName, limit: limitMb });
  let declared = 0;
  try {
    // The filter sees every entry's declared size and keeps none, so nothing is inflated here.
    unzipSync(bytes, { filter: (f) => ((declared += f.originalSize), false) });
  } catch {
    return;
  }
  if (declared > limit) throw refuse();
  let total = 0;
  let over = false;
  const unzip = new Unzip((file) => {
    file.ondata = (err, chunk) => {
      if (err || over) return;
      total += chunk.length;
      if (total > limit) {
        over = true;
        file.terminate();
      }
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  try {
    // In slices, so that a bomb stops within one slice of the limit.
    for (let i = 0; i < bytes.length && !over; i += 65536) unzip.push(bytes.subarray(i, Math.min(bytes.length, i + 65536)), i + 65536 >= bytes.length);
  } catch {
    return;
  }
  if (over) throw refuse();
}

/** The paragraphs of a .docx file, in order; `fileName` names it in errors. */
export async function docxParagraphs(fileName: string, bytes: Uint8Array): Promise<string[]> {
  checkDocxSize(fileName, bytes);
  let text: string;
  try {
    // Node's mammoth reads `buffer`, its browser build `arrayBuffer`; both take the bytes.
    const input = { buffer: bytes, arrayBuffer: bytes } as unknown as Parameters<typeof mammoth.extractRawText>[0];
    text = (await mammoth.extractRawText(input)).value;
  } catch (e) {
    throw new DariError("import:badDocx", { file: fileName, reason: e instanceof Error ? e.message : String(e) });
  }
  // mammoth ends every paragraph with a blank line; a line break inside one is a single newline.
  return text
    .split(/\n\n/)
    .map((p) => p.replace(/[\s\u00a0\u3000]+/g, " ").trim())
    .filter((p) => p.length > 0);
}
