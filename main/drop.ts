// Files dropped onto the window, as main takes them (issue 15.4). The preload
// resolved their paths from the drop itself (main/preload.ts); main still
// trusts nothing: each path must be absolute, exist, be a regular file and
// have an extension Dari takes (app/drop.ts), or it is refused with the
// reason, naming the file. What passes is granted (the user chose it by
// dropping it), so the window may then open or import it by its path.
import { basename, isAbsolute } from "node:path";
import { stat } from "node:fs/promises";
import { DariError } from "../app/errors";
import { dropKind, acceptedExtensions } from "../app/drop";
import type { DroppedFile } from "../app/ipc";
import { decodeText } from "../app/import/decode";
import { readFileBytes } from "./files";

/** A codebook or a glossary is small; a larger one is not what the analyst meant to drop. */
export const MAX_DROPPED_DATA_BYTES = 32 * 1024 * 1024;

/** Checks one dropped path; throws a DariError naming the file when Dari does not take it. */
export async function acceptDropped(path: string): Promise<DroppedFile> {
  const name = basename(path);
  if (!isAbsolute(path)) throw new DariError("drop.notAFile", { file: path });
  const kind = dropKind(name);
  if (!kind) throw new DariError("drop.unsupported", { file: name, accepted: acceptedExtensions().map((e) => `.${e}`).join(" ") });
  let info;
  try {
    info = await stat(path);
  } catch {
    throw new DariError("io.notFound", { file: path });
  }
  if (info.isDirectory()) throw new DariError("io.isDirectory", { file: path });
  if (!info.isFile()) throw new DariError("drop.notAFile", { file: path });
  // The window merges a codebook or a glossary itself: main reads its text (any encoding Dari reads) for it.
  if (kind === "codebook" || kind === "glossary") return { path, name, kind, text: decodeText(name, await readFileBytes(path, MAX_DROPPED_DATA_BYTES)).text };
  return { path, name, kind };
}
