// A new project from the paragraphs of a Korean text and, optionally, of its
// English translation: one passage per Korean paragraph. The alignment of
// sentences inside passages is app/align's job; until it is wired in here,
// each passage holds one segment with the paragraph pair.
import { docFromParagraphs } from "../document/build";
import { emptyMeta, type Project } from "../document/project";

export interface BitextInput {
  ko: string[];
  /** The English paragraphs, or null when there is no translation yet. */
  en: string[] | null;
  title: string;
  /** Name of the source file, kept in the project's metadata. */
  source?: string;
}

export function importBitext(input: BitextInput): Project {
  const meta = { ...emptyMeta(input.title), source: input.source ?? "" };
  return { meta, codebook: [], glossary: [], doc: docFromParagraphs(input.ko, input.en ?? []) };
}
