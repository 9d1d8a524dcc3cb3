// Coding stripes (issue 15 req. 7), as MAXQDA draws them: beside each side's
// text, one thin bar per theme along the lines it covers, in the theme's
// colour, side by side where themes share lines. This module says which
// spans a segment's sides have (colour, label, in which order); the
// renderer measures which lines they cover, and so which bars stand side by
// side, and draws them (renderer/features/themes/stripes.ts).
import type { Side } from "../schema";
import type { AnnotationRange } from "./annotations";
import type { Codebook } from "./codebook";

/** Characters of the span's text that name it in the tooltip. */
export const STRIPE_START_CHARS = 24;

export interface StripeBar {
  side: Side;
  id: string;
  code: string;
  /** The span, as offsets from the segment's position (stay valid while the segment is unchanged). */
  from: number;
  to: number;
  /** The colour drawn (already made readable on the background). */
  color: string;
  /** The theme's label in the UI language. */
  label: string;
}

/** The first words of a span: at most STRIPE_START_CHARS characters, cut at a space when there is one, with "…" when cut. */
export function spanStart(text: string): string {
  const t = text.replace(/\s+/g, " ").trim();
  if (t.length <= STRIPE_START_CHARS) return t;
  const cut = t.slice(0, STRIPE_START_CHARS);
  const space = cut.lastIndexOf(" ");
  return (space > STRIPE_START_CHARS / 2 ? cut.slice(0, space) : cut) + "…";
}

/** How a theme is drawn: its colour (made readable), its label, its place in the codebook. */
export interface StripeTheme {
  color: string;
  label: string;
  rank: number;
}

/** The bars of the segment at `pos`: Korean side first, each side in codebook order, then by where they start. */
export function stripeBars(pos: number, ranges: readonly AnnotationRange[], theme: (code: string) => StripeTheme): StripeBar[] {
  if (!ranges.length) return [];
  const order = (a: AnnotationRange, b: AnnotationRange) => (a.side === b.side ? 0 : a.side === "ko" ? -1 : 1) || theme(a.code).rank - theme(b.code).rank || a.from - b.from || b.to - a.to;
  const sorted = ranges.length > 1 ? ranges.slice().sort(order) : ranges;
  return sorted.map((r) => {
    const t = theme(r.code);
    return { side: r.side, id: r.id, code: r.code, from: r.from - pos, to: r.to - pos, color: t.color, label: t.label };
  });
}

/** Looks each theme up once: the codebook is searched and its colour made readable for thousands of bars otherwise. */
export function themeLookup(codebook: Codebook, label: (code: string, codebook: Codebook) => string, paint: (color: string) => string): (code: string) => StripeTheme {
  const known = new Map<string, StripeTheme>();
  return (code) => {
    let t = known.get(code);
    if (!t) {
      const rank = codebook.findIndex((c) => c.id === code);
      t = { color: paint(codebook[rank]?.color ?? "#888888"), label: label(code, codebook), rank: rank < 0 ? codebook.length : rank };
      known.set(code, t);
    }
    return t;
  };
}

/**
 * A key that changes whenever the bars would be drawn differently, so that a
 * widget is kept only while it is right: the spans (from the segment), whether
 * they have a memo (its mark in the text moves the words after it) and the
 * full build they were made in (colours and labels change only in a full build).
 */
export function stripeKey(pos: number, ranges: readonly AnnotationRange[], build: number): string {
  let key = `s|${build}`;
  for (const r of ranges) key += `|${r.side}:${r.id}:${r.code}:${r.from - pos}:${r.to - pos}${r.note ? ":m" : ""}`;
  return key;
}
