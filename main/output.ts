// Writing an output file (CLI, export): through saveAtomic, so that an error
// never leaves a partial file. An export is not a project: no .bak is kept.
import { saveAtomic } from "./files";

export function writeOutputFile(path: string, content: string | Uint8Array): Promise<void> {
  return saveAtomic(path, content, { backup: false });
}
