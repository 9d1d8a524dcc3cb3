// Bytes of an imported file to text, for the import dialog: the renderer
// gets decoded text and reflows it itself (app/text/reflow) with a preview.
import { DariError } from "../app/errors";

export async function decodeForImport(fileName: string, bytes: Uint8Array): Promise<{ text: string; encoding: string }> {
  if (bytes.length === 0) throw new DariError("io.cannotRead", { file: fileName, reason: "empty" });
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    return { text: new TextDecoder("euc-kr").decode(bytes), encoding: "euc-kr" };
  }
}
