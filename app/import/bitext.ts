// A new project from the paragraphs of a Korean text and, optionally, of its
// English translation: one passage per Korean paragraph, split into sentences
// and aligned by app/align (one segment per bead, with its confidence). With
// no English, each Korean sentence is a segment waiting for its translation.
// Footnotes a layout-aware importer found become notes of the segments whose
// sentence carries their marker.
import { buildDoc, type PassageInput } from "../document/build";
import type { Project } from "../document/project";
import { newProject } from "../document/new-project";
import { alignProject, alignProjectAsync } from "../align/project";
import type { LexiconPair } from "../align/lexicon";
import type { ImportedNote } from "./index";
import { attachEnglishNotes, attachKoreanNotes } from "./notes";

export interface BitextInput {
  ko: string[];
  /** The English paragraphs, or null when there is no translation yet. */
  en: string[] | null;
  title: string;
  /** Name of the source file, kept in the project's metadata. */
  source?: string;
  /** Word pairs learned from the analyst's memory, as alignment anchors (app/align/learn.ts). */
  learned?: readonly LexiconPair[];
  /** Footnotes of the Korean (English) file, placed by paragraph and offset: they become segment notes. */
  koNotes?: readonly ImportedNote[];
  enNotes?: readonly ImportedNote[];
}

function withNotes(passages: PassageInput[], input: BitextInput): PassageInput[] {
  if (input.koNotes?.length) attachKoreanNotes(passages, input.ko, input.koNotes);
  if (input.enNotes?.length && input.en) attachEnglishNotes(passages, input.en, input.enNotes);
  return passages;
}

export function importBitext(input: BitextInput): Project {
  return newProject(input.title, buildDoc(withNotes(alignProject(input.ko, input.en, { learned: input.learned }), input)), input.source ?? "");
}

/** importBitext in slices, for the window: the alignment of a long text reports progress (0..1) and never freezes it. */
export async function importBitextAsync(input: BitextInput, onProgress?: (fraction: number) => void): Promise<Project> {
  return newProject(input.title, buildDoc(withNotes(await alignProjectAsync(input.ko, input.en, { learned: input.learned }, onProgress), input)), input.source ?? "");
}
