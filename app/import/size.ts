// How large the project made from an imported text would be, judged before
// any splitting or aligning. Every sentence becomes a segment, and a segment
// costs a few hundred bytes of structure in the .dari file besides its text:
// a 60 MB line of short sentences would make a project of about 700 MB, far
// past the 200 MB Dari opens, after minutes of work or with a raw RangeError.
// Such an input is refused at once, saying why.
import { DariError } from "../errors";
import { buildDoc, serializeProject, emptyMeta } from "../document/index";
import { sentenceSpans, type TextLang } from "../text/sentences";

/** The largest project Dari opens (main/files.ts reads no larger file). */
export const MAX_PROJECT_MB = 200;

let segmentBytes: number | null = null;

/** The bytes one more segment adds to a .dari file besides its text, measured on the real serializer. */
export function bytesPerSegment(): number {
  if (segmentBytes !== null) return segmentBytes;
  const size = (n: number) => serializeProject({ meta: emptyMeta(""), codebook: [], glossary: [], doc: buildDoc([{ segments: Array.from({ length: n }, () => ({ ko: "가", en: "" })) }]) }).length;
  segmentBytes = size(2) - size(1) - 1;
  return segmentBytes;
}

/** Text is judged on this many evenly spread slices of this size: the same rules as splitting, at a fraction of the cost. */
const SLICE = 32 * 1024;
const SLICES = 8;

/** About how many sentences `text` has, by the splitter's own rules on evenly spread slices of it. */
function countSentences(text: string, lang: TextLang): number {
  if (text.length <= SLICE * SLICES) return sentenceSpans(text, lang).length;
  let found = 0;
  for (let i = 0; i < SLICES; i++) {
    const start = Math.floor((i * (text.length - SLICE)) / (SLICES - 1));
    found += sentenceSpans(text.slice(start, start + SLICE), lang).length;
  }
  return Math.round((found / (SLICE * SLICES)) * text.length);
}

/** UTF-8 bytes of a string, without building them. */
function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c < 0xdc00 ? 4 + (i++, 0) : 3;
  }
  return n;
}

export interface ProjectEstimate {
  segments: number;
  bytes: number;
}

/** About how large a project made from `text` would be: its sentences as segments, and its text. */
export function estimateProject(text: string, lang: TextLang = "ko"): ProjectEstimate {
  const segments = Math.max(1, countSentences(text, lang));
  return { segments, bytes: utf8Length(text) + segments * bytesPerSegment() };
}

/** Refuses (DariError import:tooLargeResult, naming the file) a text whose project would exceed what Dari opens. */
export function checkProjectSize(fileName: string, text: string, lang: TextLang = "ko", limitMb: number = MAX_PROJECT_MB): void {
  const { segments, bytes } = estimateProject(text, lang);
  if (bytes > limitMb * 1024 * 1024) throw new DariError("import:tooLargeResult", { file: fileName, size: Math.round(bytes / (1024 * 1024)), segments, limit: limitMb });
}
