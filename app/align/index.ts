// Paragraph and sentence alignment, with a confidence per segment.
export { alignDocument, alignRuns, textLength, type AlignOptions, type Bead, type Run, type SentenceDocument } from "./align";
export { alignProject, realignPassages, realignProject, LOW_CONFIDENCE, type PassageChange, type RealignOptions } from "./project";
export { BUILTIN_LEXICON, type LexiconPair } from "./lexicon";
