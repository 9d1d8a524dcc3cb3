// `dari import <file.tmx|file.xlf|file.qdpx>`: picks the reader by extension
// (and, for an unknown extension, by the root element).
import type { Project } from "../document/project";
import { DariError } from "../errors";
import { importTmx } from "./tmx";
import { importXliff } from "./xliff";
import { decodeText } from "./decode";
import { importQdpx } from "./qdpx";

export const INTERCHANGE_EXTENSIONS = ["tmx", "xlf", "xliff", "qdpx"] as const;

export function importInterchange(fileName: string, text: string): Project {
  const ext = /\.([^./\\]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? "";
  if (ext === "tmx") return importTmx(text, fileName);
  if (ext === "xlf" || ext === "xliff") return importXliff(text, fileName);
  const head = text.slice(0, 4096);
  if (/<tmx[\s>]/.test(head)) return importTmx(text, fileName);
  if (/<xliff[\s>]/.test(head)) return importXliff(text, fileName);
  throw new DariError("export:interchange.unknownType", { file: fileName });
}

/** The same from the file's bytes: UTF-8, or UTF-16 when a byte-order mark (or the bytes) say so. */
export function importInterchangeBytes(fileName: string, bytes: Uint8Array): Project {
  // A REFI-QDA project is a zip, not a text; its warnings: importQdpx.
  if (/\.qdpx$/i.test(fileName)) return importQdpx(fileName, bytes).project;
  return importInterchange(fileName, decodeText(fileName, bytes).text);
}
