// Translation progress for the status bar: segments and words translated
// (status translated or reviewed), words counted on the Korean source as CAT
// tools count them (one word per space-separated eojeol). Counts are cached
// per segment node, so after an edit only the edited segment is counted again.
import type { Node as PMNode } from "prosemirror-model";
import { SEGMENT_STATUSES, sideText, type SegmentStatus } from "../schema";

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

function sourceWords(segment: PMNode): number {
  let n = wordCache.get(segment);
  if (n === undefined) {
    const text = sideText(segment, "ko").trim();
    n = text ? text.split(/\s+/).length : 0;
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
