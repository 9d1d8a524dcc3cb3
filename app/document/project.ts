// A project in memory: the bitext document plus what the .dari file keeps
// beside it (metadata, codebook, glossary).
import type { Node as PMNode } from "prosemirror-model";
import type { Codebook, CodeSet } from "../themes/codebook";
import type { GlossaryEntry } from "../translate/glossary-entry";
import type { QaIgnored } from "../translate/qa-ignore";

export const FORMAT_NAME = "dari";
/** The version this build writes. Bump it with a step in migrate.ts. */
export const FORMAT_VERSION = 3;

export interface ProjectMeta {
  title: string;
  source: string;
  author: string;
  /** ISO date of the commentary, or "". */
  date: string;
  /**
   * The language codes exactly as an imported TMX or XLIFF wrote them ("ko",
   * "ko-KR", "en-US"…), source first: one is Korean and the other English, and
   * the Korean one is always the document's ko side. "en-US" → "ko-KR" says the
   * translation went from English into Korean; exports write it back that way.
   */
  srcLang: string;
  tgtLang: string;
  /**
   * What an imported interchange file held that the bitext has no place for
   * (JSON of app/import/origin.ts: original unit and segment ids, file and
   * group notes, the tools' own attributes), written back on export; "" for
   * projects made in Dari.
   */
  origin?: string;
  created: string;
  modified: string;
}

export interface Project {
  meta: ProjectMeta;
  codebook: Codebook;
  /** Groups of codes from a REFI-QDA codebook or project (kept for the round trip); absent when there are none. */
  codeSets?: CodeSet[];
  glossary: GlossaryEntry[];
  /** QA findings the analyst set aside (issue 17.9); absent when there are none. */
  qaIgnored?: QaIgnored[];
  doc: PMNode;
}

export function emptyMeta(title = "", now = new Date().toISOString()): ProjectMeta {
  return { title, source: "", author: "", date: "", srcLang: "ko", tgtLang: "en", origin: "", created: now, modified: now };
}
