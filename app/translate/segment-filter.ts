// Which segments the status bar's filter shows: by translation status, or by
// alignment review (issue 17.3): the segments the aligner was unsure of, or
// those the analyst has not confirmed yet. null shows every segment.
import type { Node as PMNode } from "prosemirror-model";
import { segmentAttrs, type SegmentStatus } from "../schema";
import { isLowConfidence } from "../commands/align";

export type AlignmentFilter = "unsure" | "unconfirmed";
export type SegmentFilter = readonly SegmentStatus[] | AlignmentFilter | null;

export function shownByFilter(filter: SegmentFilter, segment: PMNode): boolean {
  if (filter === null) return true;
  if (filter === "unsure") return isLowConfidence(segment);
  if (filter === "unconfirmed") return !segmentAttrs(segment).confirmed;
  return filter.includes(segmentAttrs(segment).status);
}
