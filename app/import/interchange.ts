// `dari import <file.tmx|file.xlf|file.qdpx>`: picks the reader by extension
// (and, for an unknown extension, by the root element).
import type { Project } from "../document/project";
import { DariError } from "../errors";
import { importTmx } from "./tmx";
import { importXliff } from "./xliff";
import { decodeText } from "./decode";
import type { ImportWarning } from "./languages";
import { importQdpx } from "./qdpx";

export const INTERCHANGE_EXTENSIONS = ["tmx", "xlf", "xliff", "sdlxliff", "mqxliff", "qdpx"] as const;
/** Trados (.sdlxliff) and memoQ (.mqxliff) write XLIFF 1.2 under their own extensions. */
const XLIFF_EXTENSIONS = ["xlf", "xliff", "sdlxliff", "mqxliff"];

/** `warnings` collects what the analyst should be told about an import that succeeded (languages left out). */
export function importInterchange(fileName: string, text: string, warnings?: ImportWarning[]): Project {
  const ext = /\.([^./\\]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? "";
  if (ext === "tmx") return importTmx(text, fileName, warnings);
  if (XLIFF_EXTENSIONS.includes(ext)) return importXliff(text, fileName, warnings);
  const head = text.slice(0, 4096);
  if (/<tmx[\s>]/.test(head)) return importTmx(text, fileName, warnings);
  if (/<xliff[\s>]/.test(head)) return importXliff(text, fileName, warnings);
  throw new DariError("export:interchange.unknownType", { file: fileName });
}

/** The same from the file's bytes: UTF-8, or UTF-16 when a byte-order mark (or the bytes) say so. */
export function importInterchangeBytes(fileName: string, bytes: Uint8Array, warnings?: ImportWarning[]): Project {
  // A REFI-QDA project is a zip, not a text; its warnings: importQdpx.
  if (/\.qdpx$/i.test(fileName)) return importQdpx(fileName, bytes).project;
  return importInterchange(fileName, decodeText(fileName, bytes).text, warnings);
}
