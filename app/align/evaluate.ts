// Scoring an alignment against a gold one, as `npm run eval:align` reports
// it: a segment counts as right when both of its sides are exactly the text
// of a gold bead (white space aside), so a wrong sentence split costs as
// much as a wrong bead. Bead F1 weighs recall of the gold beads against the
// precision of the segments made; 1-1 exact recall is the share of gold 1-1
// beads found as such (the bread and butter of a translation). The review
// flag is scored too: how many of the flagged segments are wrong, and how
// many wrong segments escape the flag.
import type { PassageInput } from "../document/build";
import { LOW_CONFIDENCE } from "./project";

/** The gold format of ../shared/corpus/commentary.gold.json. */
export interface GoldAlignment {
  ko: string[][];
  en: string[][];
  beads: { paragraph?: number; ko: number[]; en: number[] }[];
}

export interface AlignmentScore {
  gold: number;
  segments: number;
  /** Segments identical to a gold bead. */
  exact: number;
  precision: number;
  recall: number;
  f1: number;
  /** Gold 1-1 beads, and how many were found exactly. */
  oneOne: number;
  oneOneFound: number;
  /** Gold 1-0 and 0-1 beads, and how many were found exactly. */
  orphans: number;
  orphansFound: number;
  /** Segments under the review threshold, and how many of them are wrong. */
  flagged: number;
  flaggedWrong: number;
  /** Wrong segments not flagged. */
  wrongUnflagged: number;
}

const norm = (s: string) => s.replace(/\s+/g, " ").trim();
const key = (ko: string, en: string) => `${norm(ko)}\u0000${norm(en)}`;

/** Scores the segments of aligned passages against a gold alignment. */
export function scoreAlignment(passages: readonly PassageInput[], gold: GoldAlignment): AlignmentScore {
  const ko = gold.ko.flat();
  const en = gold.en.flat();
  const want = new Map<string, number>();
  const oneOne = new Set<string>();
  const orphans = new Set<string>();
  for (const b of gold.beads) {
    const k = key(b.ko.map((i) => ko[i]).join(" "), b.en.map((i) => en[i]).join(" "));
    want.set(k, (want.get(k) ?? 0) + 1);
    if (b.ko.length === 1 && b.en.length === 1) oneOne.add(k);
    if (b.ko.length === 0 || b.en.length === 0) orphans.add(k);
  }
  const s: AlignmentScore = { gold: gold.beads.length, segments: 0, exact: 0, precision: 0, recall: 0, f1: 0, oneOne: 0, oneOneFound: 0, orphans: 0, orphansFound: 0, flagged: 0, flaggedWrong: 0, wrongUnflagged: 0 };
  for (const b of gold.beads) {
    if (b.ko.length === 1 && b.en.length === 1) s.oneOne++;
    if (b.ko.length === 0 || b.en.length === 0) s.orphans++;
  }
  for (const p of passages) {
    for (const seg of p.segments) {
      s.segments++;
      const k = key(seg.ko, seg.en);
      const left = want.get(k) ?? 0;
      const right = left > 0;
      if (right) {
        want.set(k, left - 1);
        s.exact++;
        if (oneOne.has(k)) s.oneOneFound++;
        if (orphans.has(k)) s.orphansFound++;
      }
      const flagged = seg.confidence !== null && seg.confidence !== undefined && seg.confidence < LOW_CONFIDENCE;
      if (flagged) s.flagged++;
      if (flagged && !right) s.flaggedWrong++;
      if (!flagged && !right) s.wrongUnflagged++;
    }
  }
  s.precision = s.segments ? s.exact / s.segments : 0;
  s.recall = s.gold ? s.exact / s.gold : 0;
  s.f1 = s.precision + s.recall > 0 ? (2 * s.precision * s.recall) / (s.precision + s.recall) : 0;
  return s;
}

/** Sums the scores of several documents (a test set), recomputing the ratios. */
export function sumScores(scores: readonly AlignmentScore[]): AlignmentScore {
  const t = scoreAlignment([], { ko: [], en: [], beads: [] });
  for (const s of scores) {
    for (const k of ["gold", "segments", "exact", "oneOne", "oneOneFound", "orphans", "orphansFound", "flagged", "flaggedWrong", "wrongUnflagged"] as const) t[k] += s[k];
  }
  t.precision = t.segments ? t.exact / t.segments : 0;
  t.recall = t.gold ? t.exact / t.gold : 0;
  t.f1 = t.precision + t.recall > 0 ? (2 * t.precision * t.recall) / (t.precision + t.recall) : 0;
  return t;
}

/** Paragraphs of a plain text file: blocks separated by blank lines. */
export function textParagraphs(text: string): string[] {
  return text
    .replace(/\r\n?/g, "\n")
    .split(/\n[ \t\u3000]*\n/)
    .map((p) => p.replace(/\s*\n\s*/g, " ").trim())
    .filter(Boolean);
}
