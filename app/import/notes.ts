// Footnotes found by a layout-aware importer (pdf, hwp, hwpx) become notes of
// the segments whose sentence carries their marker; the marker stays in the text.
import type { PassageInput } from "../document/build";
import type { ImportedNote } from "./index";

const bare = (s: string) => s.replace(/\s+/g, "");

/** The note as it reads in a segment's note field. */
export function noteLine(n: ImportedNote): string {
  return `${n.marker} ${n.text}`.trim();
}

function addNote(segment: { note?: string }, n: ImportedNote): void {
  segment.note = segment.note ? `${segment.note}\n${noteLine(n)}` : noteLine(n);
}

/**
 * Puts each Korean note on the segment of its passage whose Korean text holds
 * the marker: found by counting the characters (white space aside) before it,
 * since sentence splitting and joining change only white space.
 */
export function attachKoreanNotes(passages: PassageInput[], paragraphs: readonly string[], notes: readonly ImportedNote[]): void {
  // Passages are made from the paragraphs that hold text, in order.
  const passageOf: number[] = [];
  let k = 0;
  for (const p of paragraphs) passageOf.push(p.trim() ? k++ : -1);
  for (const n of notes) {
    const passage = passages[passageOf[n.paragraph] ?? -1];
    if (!passage || !passage.segments.length) continue;
    const before = bare((paragraphs[n.paragraph] ?? "").slice(0, n.offset)).length;
    let seen = 0;
    const segment = passage.segments.find((s) => (seen += bare(s.ko).length) >= before && bare(s.ko).length > 0) ?? passage.segments[passage.segments.length - 1];
    addNote(segment, n);
  }
}

/** Puts each English note on the first segment whose English text holds the words just before its marker. */
export function attachEnglishNotes(passages: PassageInput[], paragraphs: readonly string[], notes: readonly ImportedNote[]): void {
  const segments = passages.flatMap((p) => p.segments);
  for (const n of notes) {
    const lead = bare((paragraphs[n.paragraph] ?? "").slice(0, n.offset)).slice(-24);
    const segment = segments.find((s) => bare(s.en).includes(lead)) ?? segments.find((s) => bare(s.en).length > 0);
    if (segment) addNote(segment, n);
  }
}
