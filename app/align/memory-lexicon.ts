// A translation memory file (TMX, or XLIFF) as a source of learned word
// pairs for the aligner: `dari align --memory file.tmx`, and the evaluation
// script's --memory.
import { importInterchangeBytes } from "../import/interchange";
import { unitsFromDoc } from "../translate/tm";
import { learnLexicon, learnedLexicon } from "./learn";
import type { LexiconPair } from "./lexicon";

/** The word pairs learned from the translation units of a TMX (or XLIFF) file. */
export function lexiconFromMemoryFile(fileName: string, bytes: Uint8Array): LexiconPair[] {
  const project = importInterchangeBytes(fileName, bytes);
  return learnedLexicon(learnLexicon(unitsFromDoc(project.doc, fileName)));
}
