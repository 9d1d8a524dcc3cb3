// Segment status (new → draft → translated → reviewed) and the translation
// desk's insert commands: a glossary term, a memory match or a romanized name
// into the English side. Status changes are attribute steps, so they pass the
// structure guard and undo like any edit.
import { Plugin, TextSelection, type Command, type EditorState, type Transaction } from "prosemirror-state";
import type { Node as PMNode } from "prosemirror-model";
import { schema, sideText, type SegmentStatus } from "../schema";
import type { GlossaryMatcher } from "../translate/glossary";
import { englishHas } from "../translate/glossary";
import { romanizeName } from "../translate/romanize";
import { segmentList, type SegmentAt } from "../document/segments";
import { sideAt } from "./structure";

// Segment lookups are the document's (app/document/segments.ts); re-exported for the desk's panels.
export { segmentList as segments, type SegmentAt } from "../document/segments";

/** The segment around a document position, or null (e.g. a node selection of a passage). */
export function segmentAround(doc: PMNode, pos: number): { node: PMNode; pos: number } | null {
  const here = sideAt(doc.resolve(pos));
  return here ? { node: here.segment, pos: here.segmentPos } : null;
}

/** Segments the selection touches. */
function selectedSegments(state: EditorState): { node: PMNode; pos: number }[] {
  const { from, to } = state.selection;
  const out: { node: PMNode; pos: number }[] = [];
  state.doc.nodesBetween(from, to, (node, pos) => {
    if (node.type === schema.nodes.segment) {
      out.push({ node, pos });
      return false;
    }
    return true;
  });
  if (out.length === 0) {
    const s = segmentAround(state.doc, from);
    if (s) out.push(s);
  }
  return out;
}

/** Sets the status of the segments in the selection. */
export function setStatus(status: SegmentStatus): Command {
  return (state, dispatch) => {
    const targets = selectedSegments(state).filter((s) => s.node.attrs.status !== status);
    if (targets.length === 0) return false;
    if (dispatch) {
      const tr = state.tr;
      for (const s of targets) tr.setNodeAttribute(s.pos, "status", status);
      dispatch(tr.scrollIntoView());
    }
    return true;
  };
}

export function isUntranslated(node: PMNode): boolean {
  const s = node.attrs.status as SegmentStatus;
  return s === "new" || s === "draft";
}

/** The first untranslated segment after `pos`, wrapping around to the start. */
export function nextUntranslated(doc: PMNode, pos: number): SegmentAt | null {
  const all = segmentList(doc);
  const after = all.filter((s) => s.pos > pos);
  return after.find((s) => isUntranslated(s.node)) ?? all.find((s) => s.pos <= pos && isUntranslated(s.node)) ?? null;
}

/** Position at the end of a segment's English text. */
export function englishEnd(segment: PMNode, pos: number): number {
  // segment( ko(...) en(...) ): the en node starts after ko.
  return pos + 1 + segment.child(0).nodeSize + 1 + segment.child(1).content.size;
}

function englishStart(segment: PMNode, pos: number): number {
  return pos + 1 + segment.child(0).nodeSize + 1;
}

/**
 * Mod-Enter: marks the current segment translated (a reviewed one stays
 * reviewed) and moves the cursor to the end of the English of the next
 * untranslated segment.
 */
export const markTranslatedAndNext: Command = (state, dispatch) => {
  const current = segmentAround(state.doc, state.selection.from);
  if (!current) return false;
  if (dispatch) {
    const tr = state.tr;
    if (current.node.attrs.status !== "reviewed") tr.setNodeAttribute(current.pos, "status", "translated");
    const next = nextUntranslated(tr.doc, current.pos);
    if (next) tr.setSelection(TextSelection.create(tr.doc, englishEnd(next.node, next.pos)));
    dispatch(tr.scrollIntoView());
  }
  return true;
};

/** Inserts text on the English side: at the cursor when it is there, else at
 *  the end of the current segment's English (with a space before it). */
export function insertOnEnglish(text: string): Command {
  return (state, dispatch) => {
    if (!text) return false;
    const { $from, $to } = state.selection;
    const inEnglish = $from.parent.type === schema.nodes.en && $to.parent === $from.parent;
    if (dispatch) {
      let tr: Transaction;
      if (inEnglish) {
        const before = $from.parent.textBetween(0, $from.parentOffset);
        const spaced = before && !/\s$/.test(before) && /^[\p{L}\p{N}]/u.test(text) && /[\p{L}\p{N}]$/u.test(before) ? ` ${text}` : text;
        tr = state.tr.insertText(spaced, $from.pos, $to.pos);
      } else {
        const seg = segmentAround(state.doc, $from.pos);
        if (!seg) return false;
        const end = englishEnd(seg.node, seg.pos);
        const existing = sideText(seg.node, "en");
        const spaced = existing && !/\s$/.test(existing) ? ` ${text}` : text;
        tr = state.tr.insertText(spaced, end);
        tr.setSelection(TextSelection.create(tr.doc, end + spaced.length));
      }
      dispatch(tr.scrollIntoView());
    } else if (!inEnglish && !segmentAround(state.doc, $from.pos)) return false;
    return true;
  };
}

/**
 * Inserts a glossary term of the current segment on the English side: the
 * `n`th term of the Korean (from 0), or by default the first whose English is
 * not in the translation yet.
 */
export function insertGlossaryTerm(matcher: GlossaryMatcher, n?: number): Command {
  return (state, dispatch) => {
    const seg = segmentAround(state.doc, state.selection.from);
    if (!seg) return false;
    const hits = matcher.find(sideText(seg.node, "ko"));
    const en = sideText(seg.node, "en");
    const hit = n === undefined ? hits.find((h) => !englishHas(en, h.entry.en)) : hits[n];
    if (!hit) return false;
    return insertOnEnglish(hit.entry.en)(state, dispatch);
  };
}

/** Replaces the English of the current segment with a memory match's English; the segment becomes a draft. */
export function insertMatch(english: string): Command {
  return (state, dispatch) => {
    const seg = segmentAround(state.doc, state.selection.from);
    if (!seg || !english) return false;
    if (dispatch) {
      const from = englishStart(seg.node, seg.pos);
      const to = englishEnd(seg.node, seg.pos);
      const tr = state.tr.replaceWith(from, to, schema.text(english));
      if (seg.node.attrs.status === "new") tr.setNodeAttribute(seg.pos, "status", "draft");
      tr.setSelection(TextSelection.create(tr.doc, from + english.length));
      dispatch(tr.scrollIntoView());
    }
    return true;
  };
}

/**
 * Romanizes the selected Korean (a name) onto the English side: when the
 * selection is on the Korean side, at the end of the segment's English; when
 * it is Hangul on the English side, in its place.
 */
export const insertRomanization: Command = (state, dispatch) => {
  const { from, to, $from } = state.selection;
  const selected = state.doc.textBetween(from, to, " ").trim();
  if (!selected || !/[\uac00-\ud7a3]/.test(selected)) return false;
  const roman = romanizeName(selected);
  if ($from.parent.type === schema.nodes.en) {
    if (dispatch) dispatch(state.tr.insertText(roman, from, to).scrollIntoView());
    return true;
  }
  if ($from.parent.type !== schema.nodes.ko) return false;
  return insertOnEnglish(roman)(state, dispatch);
};

/** A new segment becomes a draft as soon as its English gets text. Only the
 *  ranges the transactions touched are looked at, so typing stays cheap. */
export function autoDraftPlugin(): Plugin {
  return new Plugin({
    appendTransaction(trs, _old, state) {
      const ranges: [number, number][] = [];
      for (const t of trs) {
        if (!t.docChanged) continue;
        ranges.forEach((r, i) => (ranges[i] = [t.mapping.map(r[0], -1), t.mapping.map(r[1], 1)]));
        t.mapping.maps.forEach((map, i) => {
          map.forEach((_a, _b, start, end) => {
            const rest = t.mapping.slice(i + 1);
            ranges.push([rest.map(start, -1), rest.map(end, 1)]);
          });
        });
      }
      let tr: Transaction | null = null;
      const size = state.doc.content.size;
      for (const [from, to] of ranges) {
        state.doc.nodesBetween(Math.max(0, Math.min(from, size)), Math.max(0, Math.min(to, size)), (node, pos) => {
          if (node.type !== schema.nodes.segment) return true;
          if (node.attrs.status === "new" && sideText(node, "en").trim()) {
            tr ??= state.tr;
            tr.setNodeAttribute(pos, "status", "draft");
          }
          return false;
        });
      }
      return tr;
    },
  });
}
