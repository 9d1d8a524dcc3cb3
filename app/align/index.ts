// Paragraph and sentence alignment, with a confidence per segment.
export { alignDocument, alignRuns, textLength, type AlignOptions, type Bead, type Run, type SentenceDocument } from "./align";
export { alignProject, realignPassages, realignProject, type PassageChange, type RealignOptions } from "./project";
export { BUILTIN_LEXICON, type LexiconPair } from "./lexicon";
/** Below this confidence a segment is flagged for the analyst. */
export const LOW_CONFIDENCE = 0.6;
