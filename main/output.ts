// Writing an output file (CLI, export) so that an error never leaves a
// partial file: the content goes to a temporary file beside the target,
// which is renamed over it only once complete.
import { open, rename, unlink } from "node:fs/promises";
import { dirname, basename, join } from "node:path";
import { DariError } from "../app/errors";

export async function writeOutputFile(path: string, content: string | Uint8Array): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  try {
    const fh = await open(tmp, "wx");
    try {
      await fh.writeFile(content);
      await fh.sync();
    } finally {
      await fh.close();
    }
    await rename(tmp, path);
  } catch (e) {
    await unlink(tmp).catch(() => {});
    throw new DariError("io.cannotWrite", { file: path, reason: (e as Error).message });
  }
}
