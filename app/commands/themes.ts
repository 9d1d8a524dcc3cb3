// Theme coding as ProseMirror commands over a project state (see
// app/project-state.ts). Each application of a theme is an annotation with its
// own id; an annotation may cover several ranges (both sides of a segment, or
// several segments) that share that id.
import { PluginKey, type Command, type EditorState, type Transaction } from "prosemirror-state";
import type { Mark, Node as PMNode } from "prosemirror-model";
import { schema, sidePositionText, type Side } from "../schema";
import { counterpartFinder } from "../align/counterpart";
import type { LexiconPair } from "../align/lexicon";
import { newId } from "../ids";
import { projectData } from "../project-state";
import { setCodebook } from "../themes/codebook-history";
import type { Code } from "../themes/codebook";
import { addCode, moveCode, nestCode, removeCode, updateCode, findCode } from "../themes/codebook-ops";
import { findAnnotation, forEachSegment, segmentAt, segmentAnnotations, type AnnotationRange } from "../themes/annotations";

export function themeMark(code: string, id: string, note = ""): Mark {
  return schema.marks.theme.create({ code, id, note });
}

/** Content range of one side of the segment at `segPos`. */
function sideRange(segment: PMNode, segPos: number, side: Side): { from: number; to: number } {
  const ko = segment.child(0);
  const start = side === "ko" ? segPos + 2 : segPos + 1 + ko.nodeSize + 1;
  const node = side === "ko" ? ko : segment.child(1);
  return { from: start, to: start + node.content.size };
}

/**
 * Applies a theme: to the selection, or with an empty selection to the whole
 * current segment on both sides (one annotation id for all its ranges).
 * `id` lets the caller know the new annotation's id (for a memo popover).
 */
export function applyTheme(code: string, id: string = newId("a")): Command {
  return (state, dispatch) => {
    if (!findCode(projectData(state).codebook, code)) return false;
    const mark = themeMark(code, id);
    const { from, to, empty } = state.selection;
    let ranges: { from: number; to: number }[];
    if (!empty) {
      ranges = [{ from, to }];
      let hasText = false;
      state.doc.nodesBetween(from, to, (n) => {
        if (n.isText) hasText = true;
        return !hasText;
      });
      if (!hasText) return false;
    } else {
      const seg = segmentAt(state.doc, from);
      if (!seg) return false;
      ranges = (["ko", "en"] as const).map((s) => sideRange(seg.node, seg.pos, s)).filter((r) => r.to > r.from);
      if (!ranges.length) return false;
    }
    if (dispatch) {
      const tr = state.tr;
      for (const r of ranges) tr.addMark(r.from, r.to, mark);
      dispatch(tr.setMeta("dariTheme", { applied: id }).scrollIntoView());
    }
    return true;
  };
}

function removeRanges(tr: Transaction, ranges: AnnotationRange[]): void {
  for (const r of ranges) {
    // Remove the exact mark instance (same id), leaving other themes alone.
    tr.doc.nodesBetween(r.from, r.to, (n) => {
      if (!n.isText) return true;
      const m = n.marks.find((x) => x.type === schema.marks.theme && x.attrs.id === r.id);
      if (m) tr.removeMark(r.from, r.to, m);
      return false;
    });
  }
}

/** Removes one annotation (all its ranges) and nothing else. `near` is a position inside it, to keep the search local. */
export function removeAnnotation(id: string, near?: number): Command {
  return (state, dispatch) => {
    const ranges = findAnnotation(state.doc, id, near);
    if (!ranges.length) return false;
    if (dispatch) {
      const tr = state.tr;
      removeRanges(tr, ranges);
      dispatch(tr);
    }
    return true;
  };
}

/** Sets the memo of an annotation (on all its ranges). */
export function setAnnotationNote(id: string, note: string, near?: number): Command {
  return (state, dispatch) => {
    const ranges = findAnnotation(state.doc, id, near);
    if (!ranges.length) return false;
    if (ranges.every((r) => r.note === note)) return false;
    if (dispatch) {
      const tr = state.tr;
      removeRanges(tr, ranges);
      for (const r of ranges) tr.addMark(r.from, r.to, themeMark(r.code, r.id, note));
      dispatch(tr);
    }
    return true;
  };
}

/** The annotations covering a position (innermost first by length). */
export function annotationsAt(state: EditorState, pos: number): AnnotationRange[] {
  const seg = segmentAt(state.doc, pos);
  if (!seg) return [];
  return segmentAnnotations(seg.node, seg.pos)
    .filter((r) => r.from <= pos && pos <= r.to)
    .sort((a, b) => a.to - a.from - (b.to - b.from));
}

/** Segments touched by the selection, or the segment of the cursor. */
function selectedSegments(state: EditorState): { node: PMNode; pos: number }[] {
  const { from, to } = state.selection;
  const out: { node: PMNode; pos: number }[] = [];
  state.doc.nodesBetween(from, Math.max(to, from + 1), (n, pos) => {
    if (n.type.name === "segment") {
      out.push({ node: n, pos });
      return false;
    }
    return n.type.name !== "ko" && n.type.name !== "en";
  });
  if (!out.length) {
    const seg = segmentAt(state.doc, from);
    if (seg) out.push(seg);
  }
  return out;
}

/** What a copy of tags did: how many went to the aligned phrase, how many to the whole other side for want of one. */
export interface CopyTagsReport {
  phrases: number;
  wholeSides: number;
}

/** The transaction of a copy carries its report, for the status bar (renderer/features/themes/copy-notice.ts). */
export const copyTagsKey = new PluginKey<CopyTagsReport>("dariCopyTags");

export interface CopyTagsOptions {
  /** Word pairs learned from the analyst's memory (app/align/learn.ts), read when the command runs. */
  learned?: () => readonly LexiconPair[];
}

/**
 * Copies the themes tagged on one side of the selected segments to what the
 * other side says for them (issue 17.6): each tagged phrase goes to its
 * aligned phrase, found through the aligner's anchors (app/align/counterpart.ts);
 * where none is found, to the whole other side, and the report says so. Each
 * copy is a new annotation, so it can be removed alone; themes already on the
 * other side are left as they are.
 */
export function copyTagsToCounterpart(from: Side, options: CopyTagsOptions = {}): Command {
  const to: Side = from === "ko" ? "en" : "ko";
  return (state, dispatch) => {
    const adds: { from: number; to: number; mark: Mark }[] = [];
    const report: CopyTagsReport = { phrases: 0, wholeSides: 0 };
    const { glossary } = projectData(state);
    let find: ReturnType<typeof counterpartFinder> | undefined;
    for (const seg of selectedSegments(state)) {
      const anns = segmentAnnotations(seg.node, seg.pos);
      const there = new Set(anns.filter((r) => r.side === to).map((r) => r.code));
      const target = sideRange(seg.node, seg.pos, to);
      if (target.to === target.from) continue;
      const source = sideRange(seg.node, seg.pos, from);
      const sourceText = sidePositionText(seg.node.child(from === "ko" ? 0 : 1));
      const targetText = sidePositionText(seg.node.child(to === "ko" ? 0 : 1));
      const done = new Set<string>();
      for (const r of anns) {
        if (r.side !== from || there.has(r.code)) continue;
        find ??= counterpartFinder({ glossary, learned: options.learned?.() ?? [] });
        const phrase = find({ lang: from, text: sourceText, from: r.from - source.from, to: r.to - source.from }, targetText);
        const range = phrase ? { from: target.from + phrase.from, to: target.from + phrase.to } : target;
        const key = `${r.code} ${range.from} ${range.to}`;
        if (done.has(key)) continue;
        done.add(key);
        if (phrase) report.phrases++;
        else report.wholeSides++;
        adds.push({ ...range, mark: themeMark(r.code, newId("a"), r.note) });
      }
    }
    if (!adds.length) return false;
    if (dispatch) {
      const tr = state.tr;
      for (const a of adds) tr.addMark(a.from, a.to, a.mark);
      dispatch(tr.setMeta(copyTagsKey, report));
    }
    return true;
  };
}

// Codebook edits: transactions carrying the project data's undoable step
// (setCodebook), so undo restores them.

function codebookCommand(f: (codebook: Code[]) => Code[]): Command {
  return (state, dispatch) => {
    const before = projectData(state).codebook;
    const after = f(before);
    if (after === before) return false;
    if (dispatch) dispatch(setCodebook(state.tr, before, after));
    return true;
  };
}

export const addCodeCommand = (code: Code, index?: number): Command => codebookCommand((cb) => addCode(cb, code, index));
export const updateCodeCommand = (id: string, patch: Parameters<typeof updateCode>[2]): Command => codebookCommand((cb) => updateCode(cb, id, patch));
export const nestCodeCommand = (id: string, parent: string | null): Command => codebookCommand((cb) => nestCode(cb, id, parent));
export const moveCodeCommand = (id: string, toIndex: number): Command => codebookCommand((cb) => moveCode(cb, id, toIndex));

/** What becomes of the spans tagged with a deleted code. */
export type OnDelete = { action: "remove" } | { action: "move"; to: string };

/** The number of annotations of a code, to ask the analyst before deleting it. */
export function countAnnotations(doc: PMNode, code: string): number {
  const ids = new Set<string>();
  forEachSegment(doc, (seg, pos) => {
    for (const r of segmentAnnotations(seg, pos)) if (r.code === code) ids.add(r.id);
  });
  return ids.size;
}

/** Deletes a code and, in the same undoable transaction, removes its tags or moves them to another code. */
export function deleteCodeCommand(id: string, onDelete: OnDelete): Command {
  return (state, dispatch) => {
    const codebook = projectData(state).codebook;
    if (!findCode(codebook, id)) return false;
    if (onDelete.action === "move" && (onDelete.to === id || !findCode(codebook, onDelete.to))) return false;
    if (dispatch) {
      const tr = state.tr;
      forEachSegment(state.doc, (seg, pos) => {
        for (const r of segmentAnnotations(seg, pos)) {
          if (r.code !== id) continue;
          tr.removeMark(r.from, r.to, themeMark(r.code, r.id, r.note));
          if (onDelete.action === "move") tr.addMark(r.from, r.to, themeMark(onDelete.to, r.id, r.note));
        }
      });
      dispatch(setCodebook(tr, codebook, removeCode(codebook, id)));
    }
    return true;
  };
}
