// A project in memory: the bitext document plus what the .dari file keeps
// beside it (metadata, codebook, glossary).
import type { Node as PMNode } from "prosemirror-model";
import type { Codebook, CodeSet } from "../themes/codebook";
import type { GlossaryEntry } from "../translate/glossary-entry";

export const FORMAT_NAME = "dari";
/** The version this build writes. Bump it with a step in migrate.ts. */
export const FORMAT_VERSION = 2;

export interface ProjectMeta {
  title: string;
  source: string;
  author: string;
  /** ISO date of the commentary, or "". */
  date: string;
  srcLang: "ko";
  tgtLang: "en";
  created: string;
  modified: string;
}

export interface Project {
  meta: ProjectMeta;
  codebook: Codebook;
  /** Groups of codes from a REFI-QDA codebook or project (kept for the round trip); absent when there are none. */
  codeSets?: CodeSet[];
  glossary: GlossaryEntry[];
  doc: PMNode;
}

export function emptyMeta(title = "", now = new Date().toISOString()): ProjectMeta {
  return { title, source: "", author: "", date: "", srcLang: "ko", tgtLang: "en", created: now, modified: now };
}
