// Memos on tags (issue 17.5): which tag's memo editor is open, kept in the
// editor state as @codemirror/search keeps its panel (STYLE.md advice 2), and
// the index of every tagged span with its memo that the Themes panel lists,
// as the HTML export's theme index does. The editor itself is drawn by
// renderer/features/themes/memo-editor.ts.
import { Plugin, PluginKey, type Command, type EditorState } from "prosemirror-state";
import type { Node as PMNode } from "prosemirror-model";
import type { Side } from "../schema";
import { annotationsAt } from "../commands/themes";
import { findAnnotation, forEachSegment, segmentAnnotations } from "./annotations";

/** The annotation whose memo is being written, and a position inside it. */
export interface MemoRequest {
  id: string;
  near: number;
}

export const memoEditorKey = new PluginKey<MemoRequest | null>("dariMemoEditor");

/** The memo being written, or null. */
export function memoRequest(state: EditorState): MemoRequest | null {
  return memoEditorKey.getState(state) ?? null;
}

/** Keeps the open memo with its tag through edits, and closes it when the tag is gone. */
export function memoEditorPlugin(): Plugin<MemoRequest | null> {
  return new Plugin<MemoRequest | null>({
    key: memoEditorKey,
    state: {
      init: () => null,
      apply(tr, value, _old, state) {
        const meta = tr.getMeta(memoEditorKey) as MemoRequest | null | undefined;
        if (meta !== undefined) return meta;
        if (!value || !tr.docChanged) return value;
        const near = tr.mapping.map(value.near);
        const ranges = findAnnotation(state.doc, value.id, Math.min(near, state.doc.content.size));
        return ranges.length ? { id: value.id, near: ranges[0].from } : null;
      },
    },
  });
}

/**
 * Opens the memo of a tag: the one with `id` around `pos`, or the innermost
 * tag at `pos` (the cursor by default). False where there is no tag.
 */
export function openMemo(pos?: number, id?: string): Command {
  return (state, dispatch) => {
    const at = pos ?? state.selection.from;
    const tag = id ? findAnnotation(state.doc, id, at)[0] : annotationsAt(state, at)[0];
    if (!tag) return false;
    if (dispatch) dispatch(state.tr.setMeta(memoEditorKey, { id: tag.id, near: tag.from } satisfies MemoRequest));
    return true;
  };
}

/** Closes the memo editor. */
export const closeMemo: Command = (state, dispatch) => {
  if (!memoRequest(state)) return false;
  if (dispatch) dispatch(state.tr.setMeta(memoEditorKey, null));
  return true;
};

/** One tagged span of the document with its memo: one entry per annotation. */
export interface TaggedSpan {
  id: string;
  code: string;
  note: string;
  /** The sides it is on, Korean first. */
  sides: Side[];
  /** 1-based number of the segment of its first range (as the gutter numbers segments). */
  segment: number;
  /** Document positions of its first range, to go to it. */
  from: number;
  to: number;
  /** Its text: the ranges' texts joined by " … ". */
  text: string;
}

/** Every tagged span in document order of its first range; with `code`, those of one theme. */
export function taggedSpans(doc: PMNode, code?: string): TaggedSpan[] {
  const byId = new Map<string, TaggedSpan>();
  forEachSegment(doc, (seg, pos, index) => {
    for (const r of segmentAnnotations(seg, pos)) {
      if (code !== undefined && r.code !== code) continue;
      const text = doc.textBetween(r.from, r.to, " ", " ");
      const span = byId.get(r.id);
      if (!span) {
        byId.set(r.id, { id: r.id, code: r.code, note: r.note, sides: [r.side], segment: index + 1, from: r.from, to: r.to, text });
        continue;
      }
      if (!span.sides.includes(r.side)) span.sides = (["ko", "en"] as const).filter((s) => s === r.side || span.sides.includes(s));
      if (!span.note && r.note) span.note = r.note;
      span.text += ` … ${text}`;
    }
  });
  return [...byId.values()].sort((a, b) => a.from - b.from);
}
