// Coding stripes (issue 15 req. 7), as MAXQDA draws them: beside each side's
// text, one thin bar per theme along the lines it covers, in the theme's
// colour, side by side where themes share lines. This module says which
// spans a side of a segment has (colour, label, where the span starts); the
// renderer measures which lines they cover, and so which bars stand side by
// side, and draws them (renderer/features/themes/stripes.ts).
import type { Node as PMNode } from "prosemirror-model";
import type { AnnotationRange } from "./annotations";
import type { Codebook } from "./codebook";

/** Characters of the span's text that name it in the tooltip. */
export const STRIPE_START_CHARS = 24;

export interface StripeBar {
  id: string;
  code: string;
  /** The span, as offsets from the segment's position (stay valid while the segment is unchanged). */
  from: number;
  to: number;
  /** The colour drawn (already made readable on the background). */
  color: string;
  /** The theme's label in the UI language. */
  label: string;
  /** The first words of the span. */
  start: string;
}

/** The first words of a span: at most STRIPE_START_CHARS characters, cut at a space when there is one, with "…" when cut. */
export function spanStart(text: string): string {
  const t = text.replace(/\s+/g, " ").trim();
  if (t.length <= STRIPE_START_CHARS) return t;
  const cut = t.slice(0, STRIPE_START_CHARS);
  const space = cut.lastIndexOf(" ");
  return (space > STRIPE_START_CHARS / 2 ? cut.slice(0, space) : cut) + "…";
}

export interface StripeOptions {
  label(code: string, codebook: Codebook): string;
  paint(color: string): string;
}

/** The bars of one side of the segment at `pos`, in codebook order, then by where they start. */
export function stripeBars(segment: PMNode, pos: number, ranges: readonly AnnotationRange[], codebook: Codebook, options: StripeOptions): StripeBar[] {
  const rank = (code: string) => {
    const i = codebook.findIndex((c) => c.id === code);
    return i < 0 ? codebook.length : i;
  };
  const sorted = ranges.slice().sort((a, b) => rank(a.code) - rank(b.code) || a.from - b.from || b.to - a.to);
  return sorted.map((r) => ({
    id: r.id,
    code: r.code,
    from: r.from - pos,
    to: r.to - pos,
    color: options.paint(codebook.find((c) => c.id === r.code)?.color ?? "#888888"),
    label: options.label(r.code, codebook),
    start: spanStart(segment.textBetween(r.from - pos - 1, r.to - pos - 1, " ")),
  }));
}

/** A key that changes whenever the bars would be drawn differently, so the widget is kept only while it is right. */
export function stripeKey(side: string, bars: readonly StripeBar[]): string {
  return `s|${side}|` + bars.map((b) => [b.id, b.code, b.from, b.to, b.color, b.label, b.start].join("\u0001")).join("\u0002");
}
