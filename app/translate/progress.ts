// Translation progress for the status bar: segments and words translated
// (status translated or reviewed), words counted on the Korean source as CAT
// tools count them (one word per space-separated eojeol). Counts are cached
// per segment node, so after an edit only the edited segment is counted again.
import type { Node as PMNode } from "prosemirror-model";
import { SEGMENT_STATUSES, type SegmentStatus } from "../schema";

export interface Progress {
  segments: number;
  segmentsTotal: number;
  words: number;
  wordsTotal: number;
  /** Translated share of the words, 0–100, rounded down. */
  percent: number;
  byStatus: Record<SegmentStatus, number>;
}

const wordCache = new WeakMap<PMNode, number>();

/** What `\s` matches in a regular expression. */
function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || (c > 127 && (c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff));
}

/**
 * The runs of non-space characters: `text.trim().split(/\s+/).length` for
 * non-blank text, counted without building the pieces (a large project opens
 * with every segment counted for the status bar).
 */
export function countWords(text: string): number {
  return wordsIn(text, { n: 0, inWord: false }).n;
}

function wordsIn(text: string, count: { n: number; inWord: boolean }): { n: number; inWord: boolean } {
  for (let i = 0; i < text.length; i++) {
    const space = isSpace(text.charCodeAt(i));
    if (!space && !count.inWord) count.n++;
    count.inWord = !space;
  }
  return count;
}

/** The words of the Korean side as its text reads (codes add nothing), counted node by node without joining the text. */
function sourceWords(segment: PMNode): number {
  let n = wordCache.get(segment);
  if (n === undefined) {
    const count = { n: 0, inWord: false };
    segment.child(0).forEach((node) => void (node.isText && wordsIn(node.text!, count)));
    n = count.n;
    wordCache.set(segment, n);
  }
  return n;
}

export function isDone(status: SegmentStatus): boolean {
  return status === "translated" || status === "reviewed";
}

/** The statuses still to translate (the status bar's "untranslated" filter): those not done. */
export const UNTRANSLATED_STATUSES: readonly SegmentStatus[] = SEGMENT_STATUSES.filter((s) => !isDone(s));

/** A count per status, every status at zero, in SEGMENT_STATUSES order (reports list them all, even unused ones). */
export function zeroPerStatus(): Record<SegmentStatus, number> {
  return Object.fromEntries(SEGMENT_STATUSES.map((s) => [s, 0])) as Record<SegmentStatus, number>;
}

export function translationProgress(doc: PMNode): Progress {
  const p: Progress = { segments: 0, segmentsTotal: 0, words: 0, wordsTotal: 0, percent: 0, byStatus: zeroPerStatus() };
  doc.forEach((passage) =>
    passage.forEach((segment) => {
      const status = segment.attrs.status as SegmentStatus;
      const words = sourceWords(segment);
      p.segmentsTotal++;
      p.wordsTotal += words;
      p.byStatus[status] = (p.byStatus[status] ?? 0) + 1;
      if (isDone(status)) {
        p.segments++;
        p.words += words;
      }
    }),
  );
  p.percent = p.wordsTotal ? Math.floor((100 * p.words) / p.wordsTotal) : 0;
  return p;
}
