// Building a bitext document from plain data: passages of segments.
import type { Node as PMNode } from "prosemirror-model";
import { schema, type SegmentStatus } from "../schema";
import { newId } from "../ids";

export interface SegmentInput {
  ko: string;
  en: string;
  status?: SegmentStatus;
  confirmed?: boolean;
  note?: string;
  confidence?: number | null;
  id?: string;
}

export interface PassageInput {
  id?: string;
  segments: SegmentInput[];
}

function side(type: "ko" | "en", text: string): PMNode {
  // Line breaks inside a side are layout, not content (DESIGN: a side is inline text).
  const clean = text.replace(/\r\n?|\n/g, " ");
  return schema.nodes[type].create(null, clean ? schema.text(clean) : null);
}

export function buildSegment(s: SegmentInput): PMNode {
  const status: SegmentStatus = s.status ?? (s.en.trim() ? "draft" : "new");
  return schema.nodes.segment.create(
    { id: s.id ?? newId("s"), status, confirmed: s.confirmed ?? false, note: s.note ?? "", confidence: s.confidence ?? null },
    [side("ko", s.ko), side("en", s.en)],
  );
}

export function buildPassage(p: PassageInput): PMNode {
  const segments = p.segments.length ? p.segments : [{ ko: "", en: "" }];
  return schema.nodes.passage.create({ id: p.id ?? newId("p") }, segments.map(buildSegment));
}

export function buildDoc(passages: PassageInput[]): PMNode {
  const list = passages.length ? passages : [{ segments: [] }];
  return schema.nodes.doc.create(null, list.map(buildPassage));
}

/** Pairs paragraphs one to one, one segment per paragraph (no sentence alignment). */
export function docFromParagraphs(ko: string[], en: string[]): PMNode {
  const n = Math.max(ko.length, en.length, 1);
  const passages: PassageInput[] = [];
  for (let i = 0; i < n; i++) passages.push({ segments: [{ ko: ko[i] ?? "", en: en[i] ?? "" }] });
  return buildDoc(passages);
}

/** Plain paragraphs of a text: blocks separated by blank lines, inner line breaks joined. */
export function splitParagraphs(text: string): string[] {
  return text
    .replace(/^\uFEFF/, "")
    .replace(/\r\n?/g, "\n")
    .split(/\n[ \t\u00a0\u3000]*\n+/)
    .map((p) => p.replace(/\s*\n\s*/g, " ").trim())
    .filter((p) => p.length > 0);
}
