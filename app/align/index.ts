// Paragraph and sentence alignment, with a confidence per segment.
export { alignDocument, alignDocumentAsync, alignRuns, textLength, type AlignOptions, type Bead, type Run, type SentenceDocument } from "./align";
export { alignProject, alignProjectAsync, realignPassages, realignProject, LOW_CONFIDENCE, type PassageChange, type RealignOptions } from "./project";
export { BUILTIN_LEXICON, type LexiconPair } from "./lexicon";
