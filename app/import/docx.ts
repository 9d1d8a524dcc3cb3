// Paragraph text of a Word (.docx) document through mammoth, which reads the
// document's XML the way Word lays it out (paragraphs, tables, lists, footnotes
// left out). Runs in Node (main process, CLI) and in the browser build.
import mammoth from "mammoth";
import { DariError } from "../errors";

/** The paragraphs of a .docx file, in order; `fileName` names it in errors. */
export async function docxParagraphs(fileName: string, bytes: Uint8Array): Promise<string[]> {
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
