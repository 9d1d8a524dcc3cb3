// Which font families are on this machine (issue 15 req. 6). The browser
// keeps its list to itself (queryLocalFonts asks the user for permission,
// and document.fonts.check says yes to any family it has no web font for),
// so a family is tried the way font-detection has always been done: text
// drawn in "<family>, <generic>" is measured against the generic alone; a
// different width under any of three generics means the family was found.
// Families the system answers with the same look-alike (Arial drawn with
// Liberation Sans on Linux) measure the same: only the first is kept.

import { FONT_PROBE_TEXT as SAMPLE } from "../app/display-prefs";

const GENERICS = ["monospace", "serif", "sans-serif"] as const;
const SIZE = "40px";

let context: CanvasRenderingContext2D | null = null;
const measured = new Map<string, string>();

function width(font: string): number {
  context ??= document.createElement("canvas").getContext("2d");
  if (!context) return 0;
  context.font = font;
  return context.measureText(SAMPLE).width;
}

/** The family's widths over the three generics, or null when it is not found. */
function signature(family: string): string | null {
  const known = measured.get(family);
  if (known !== undefined) return known || null;
  const widths = GENERICS.map((g) => width(`${SIZE} "${family}", ${g}`));
  const found = GENERICS.some((g, i) => widths[i] !== width(`${SIZE} ${g}`));
  const sig = found ? widths.map((w) => w.toFixed(2)).join("|") : "";
  measured.set(family, sig);
  return sig || null;
}

/** Whether text in this family is drawn with it (not with a fallback). */
export function fontInstalled(family: string): boolean {
  return !!family.trim() && signature(family.trim()) !== null;
}

/** The families of `candidates` found on the machine, in their order, one of each look-alike. */
export function installedFonts(candidates: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const family of candidates) {
    const sig = signature(family);
    if (!sig || seen.has(sig)) continue;
    seen.add(sig);
    out.push(family);
  }
  return out;
}
