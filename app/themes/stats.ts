// Statistics of the coding: per theme and per language, how many annotations
// and how many segments; which themes occur together; where a theme is tagged
// on one side of a segment but not on its translation.
import type { Node as PMNode } from "prosemirror-model";
import type { Side } from "../schema";
import type { Codebook } from "./codebook";
import { forEachSegment, segmentAnnotations, segmentThemes } from "./annotations";

export interface PerLanguage {
  ko: number;
  en: number;
}

export interface ThemeCount {
  code: string;
  /** Distinct annotations with a range on that side; `total` counts each annotation once. */
  annotations: PerLanguage & { total: number };
  /** Segments where the theme is tagged on that side; `any` on either side. */
  segments: PerLanguage & { any: number };
}

/**
 * Counts per theme, in codebook order; codes used in the document but missing
 * from the codebook come last, so nothing tagged goes uncounted.
 */
export function themeStats(doc: PMNode, codebook: Codebook): ThemeCount[] {
  const by = new Map<string, { ids: Record<Side | "total", Set<string>>; seg: PerLanguage & { any: number } }>();
  const entry = (code: string) => {
    let e = by.get(code);
    if (!e) {
      e = { ids: { ko: new Set(), en: new Set(), total: new Set() }, seg: { ko: 0, en: 0, any: 0 } };
      by.set(code, e);
    }
    return e;
  };
  for (const c of codebook) entry(c.id);
  forEachSegment(doc, (seg, pos) => {
    const here = { ko: new Set<string>(), en: new Set<string>() };
    for (const r of segmentAnnotations(seg, pos)) {
      const e = entry(r.code);
      e.ids[r.side].add(r.id);
      e.ids.total.add(r.id);
      here[r.side].add(r.code);
    }
    for (const code of new Set([...here.ko, ...here.en])) {
      const e = entry(code);
      if (here.ko.has(code)) e.seg.ko++;
      if (here.en.has(code)) e.seg.en++;
      e.seg.any++;
    }
  });
  return [...by].map(([code, e]) => ({
    code,
    annotations: { ko: e.ids.ko.size, en: e.ids.en.size, total: e.ids.total.size },
    segments: e.seg,
  }));
}

/**
 * The co-occurrence matrix: m[i][j] is the number of segments where codes i
 * and j both occur (on either side); the diagonal is the segments of code i.
 */
export function cooccurrence(doc: PMNode, codes: string[]): number[][] {
  const index = new Map(codes.map((c, i) => [c, i]));
  const m = codes.map(() => codes.map(() => 0));
  forEachSegment(doc, (seg) => {
    const t = segmentThemes(seg);
    const here = [...new Set([...t.ko, ...t.en])].map((c) => index.get(c)).filter((i): i is number => i !== undefined);
    for (const i of here) for (const j of here) m[i][j]++;
  });
  return m;
}

export interface OneSided {
  segmentId: string;
  segmentPos: number;
  code: string;
  /** The side that carries the theme. */
  side: Side;
}

/** Segments where a theme is tagged on one side but not on the other (optionally one theme only). */
export function oneSidedSegments(doc: PMNode, code?: string): OneSided[] {
  const out: OneSided[] = [];
  forEachSegment(doc, (seg, pos) => {
    const t = segmentThemes(seg);
    for (const side of ["ko", "en"] as const) {
      const other = side === "ko" ? t.en : t.ko;
      for (const c of t[side]) {
        if ((code === undefined || c === code) && !other.has(c)) out.push({ segmentId: seg.attrs.id, segmentPos: pos, code: c, side });
      }
    }
  });
  return out;
}

/** Positions of the segments that carry any of the given themes (on either side). */
export function segmentsWithThemes(doc: PMNode, codes: Iterable<string>): number[] {
  const want = new Set(codes);
  const out: number[] = [];
  forEachSegment(doc, (seg, pos) => {
    const t = segmentThemes(seg);
    for (const c of want) {
      if (t.ko.has(c) || t.en.has(c)) {
        out.push(pos);
        break;
      }
    }
  });
  return out;
}

/** Per-theme counts per language for `dari stats --json`, keyed by code id. */
export function themeStatsJson(doc: PMNode, codebook: Codebook): Record<string, { label: { ko: string; en: string }; annotations: ThemeCount["annotations"]; segments: ThemeCount["segments"] }> {
  const out: Record<string, { label: { ko: string; en: string }; annotations: ThemeCount["annotations"]; segments: ThemeCount["segments"] }> = {};
  for (const s of themeStats(doc, codebook)) {
    const c = codebook.find((x) => x.id === s.code);
    out[s.code] = { label: { ko: c?.label.ko ?? "", en: c?.label.en ?? "" }, annotations: s.annotations, segments: s.segments };
  }
  return out;
}
