// Stepping through the document from theme to theme: the ‹ › buttons of the
// Themes panel (each tagged range of one theme) and the heat map (each
// segment where two themes meet). Every step starts from the selection, so a
// step continues from wherever the analyst is now, not from where the last
// step happened to leave off; a step's own selection leads on to the next.
import { TextSelection, type Command, type EditorState, type Transaction } from "prosemirror-state";
import type { Side } from "../schema";
import { forEachSegment, segmentAnnotations, segmentAt, segmentThemes } from "./annotations";

export type Direction = 1 | -1;

/** A tagged range of one theme on one side of a segment. */
export interface ThemeRange {
  from: number;
  to: number;
  side: Side;
  segmentPos: number;
}

/** One stop of a step: the range it goes to, and which of how many stops it is (from 0). */
export interface ThemeStop extends ThemeRange {
  index: number;
  total: number;
}

/** Meta of a step's transaction: the stop it went to (for the caller's "n of total"). */
export const THEME_STEP_META = "dariThemeStep";

/**
 * The tagged ranges of a theme in document order, both languages (in a
 * segment the Korean side comes first). Ranges of several tags that cover
 * exactly the same text are one stop: the analyst sees one place.
 */
export function themeRanges(state: EditorState, code: string): ThemeRange[] {
  const out: ThemeRange[] = [];
  const seen = new Set<string>();
  forEachSegment(state.doc, (seg, pos) => {
    for (const r of segmentAnnotations(seg, pos)) {
      const key = `${r.from}-${r.to}`;
      if (r.code !== code || seen.has(key)) continue;
      seen.add(key);
      out.push({ from: r.from, to: r.to, side: r.side, segmentPos: r.segmentPos });
    }
  });
  return out.sort((a, b) => a.from - b.from || a.to - b.to);
}

/**
 * The next (dir 1) or previous (dir -1) tagged range of a theme from the
 * selection, wrapping at either end; null when the theme tags nothing.
 * Ranges and the selection are ordered by start, then end: a cursor at the
 * start of a range steps onto it, a cursor inside one steps back onto it, and
 * a selected range steps to its neighbour.
 */
export function nextThemeRange(state: EditorState, code: string, dir: Direction): ThemeStop | null {
  const ranges = themeRanges(state, code);
  if (!ranges.length) return null;
  const { from, to } = state.selection;
  const cmp = (r: { from: number; to: number }) => r.from - from || r.to - to;
  let index = dir === 1 ? ranges.findIndex((r) => cmp(r) > 0) : ranges.findLastIndex((r) => cmp(r) < 0);
  if (index < 0) index = dir === 1 ? 0 : ranges.length - 1;
  return { ...ranges[index], index, total: ranges.length };
}

/** The segments (positions, in order) where both themes are tagged, on either side; with a === b, where one is. */
export function meetingSegments(state: EditorState, a: string, b: string): number[] {
  const out: number[] = [];
  forEachSegment(state.doc, (seg, pos) => {
    const t = segmentThemes(seg);
    const has = (c: string) => t.ko.has(c) || t.en.has(c);
    if (has(a) && has(b)) out.push(pos);
  });
  return out;
}

/** One stop of the heat map: a segment where two themes meet. */
export interface MeetingStop {
  segmentPos: number;
  index: number;
  total: number;
}

/**
 * The next (or previous) segment after the one holding the selection where
 * both themes are tagged, wrapping; null when they never meet.
 */
export function nextMeeting(state: EditorState, a: string, b: string, dir: Direction = 1): MeetingStop | null {
  const hits = meetingSegments(state, a, b);
  if (!hits.length) return null;
  const { from } = state.selection;
  // Outside any segment (e.g. everything selected), the selection's start is the reference.
  const here = segmentAt(state.doc, from)?.pos;
  const after = (p: number) => (here === undefined ? p >= from : p > here);
  const before = (p: number) => (here === undefined ? p < from : p < here);
  let index = dir === 1 ? hits.findIndex(after) : hits.findLastIndex(before);
  if (index < 0) index = dir === 1 ? 0 : hits.length - 1;
  return { segmentPos: hits[index], index, total: hits.length };
}

function select(state: EditorState, from: number, to: number): Transaction {
  return state.tr.setSelection(TextSelection.create(state.doc, from, to)).scrollIntoView();
}

/** Selects the next (or previous) tagged range of a theme and scrolls to it; the stop rides along as THEME_STEP_META. */
export function stepThemeRange(code: string, dir: Direction): Command {
  return (state, dispatch) => {
    const stop = nextThemeRange(state, code, dir);
    if (!stop) return false;
    if (dispatch) dispatch(select(state, stop.from, stop.to).setMeta(THEME_STEP_META, stop));
    return true;
  };
}

/** Puts the cursor at the start of the Korean side of the next segment where both themes meet, and scrolls there. */
export function stepToMeeting(a: string, b: string, dir: Direction = 1): Command {
  return (state, dispatch) => {
    const stop = nextMeeting(state, a, b, dir);
    if (!stop) return false;
    const start = stop.segmentPos + 2;
    if (dispatch) dispatch(select(state, start, start).setMeta(THEME_STEP_META, stop));
    return true;
  };
}
