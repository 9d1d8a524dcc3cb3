// What an import made (issue 17.2): the passages and segments, how many the
// aligner was unsure of, and where the first of them is, so the window can
// say so and offer to go there instead of leaving the analyst to guess.
import type { Node as PMNode } from "prosemirror-model";
import { forEachSegment } from "../document/segments";
import { isLowConfidence } from "../commands/align";

export interface ImportSummary {
  passages: number;
  segments: number;
  /** Segments below the aligner's confidence threshold (and not confirmed). */
  unsure: number;
  /** Position of the first unsure segment, null when there is none. */
  firstUnsure: number | null;
}

export function importSummary(doc: PMNode): ImportSummary {
  let segments = 0;
  let unsure = 0;
  let firstUnsure: number | null = null;
  forEachSegment(doc, (segment, pos) => {
    segments++;
    if (!isLowConfidence(segment)) return;
    unsure++;
    firstUnsure ??= pos;
  });
  return { passages: doc.childCount, segments, unsure, firstUnsure };
}
