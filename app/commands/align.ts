// Alignment editing: the commands that change which Korean and English text
// form a segment. Each is one structural transaction (undoable, passing the
// structure guard), works on the segment around the cursor, and moves text
// as ProseMirror content, so theme marks go with their words. Notes are never
// dropped: when two segments become one, their notes are joined. A segment
// keeps its id; a new one gets a fresh id. Hand-edited segments lose their
// aligner confidence (null) and their confirmation: the analyst re-confirms.
import { TextSelection, type Command, type EditorState, type Transaction } from "prosemirror-state";
import { Fragment, type Node as PMNode } from "prosemirror-model";
import { schema, segmentAttrs, type SegmentAttrs, type Side } from "../schema";
import { newId } from "../ids";
import { sentenceSpans } from "../text/sentences";
import { projectKey, updateProjectData } from "../project-state";
import { ignoredAfterMerge, ignoredAfterSplit, type QaIgnored } from "../translate/qa-ignore";
import { LOW_CONFIDENCE, realignPassages } from "../align/project";
import type { LexiconPair } from "../align/lexicon";

export { LOW_CONFIDENCE };
import { closeHistory } from "prosemirror-history";
import type { AlignCommandName } from "../menu";
import { markStructural as markStructuralOnly, sideAt, sideStart } from "./structure";

/** A structural edit, and one undo step of its own (never grouped with typing or another move). */
function markStructural(tr: Transaction): Transaction {
  return closeHistory(markStructuralOnly(tr));
}

type Dispatch = ((tr: Transaction) => void) | undefined;

interface Here {
  side: Side;
  segment: PMNode;
  segmentPos: number;
  /** The passage and the segment's index in it. */
  passage: PMNode;
  passagePos: number;
  index: number;
  /** Cursor offset inside the side's text. */
  offset: number;
}

function here(state: EditorState): Here | null {
  const $head = state.selection.$head;
  const at = sideAt($head);
  if (!at) return null;
  const $seg = state.doc.resolve(at.segmentPos);
  const inSide = $head.parent.type === schema.nodes.ko || $head.parent.type === schema.nodes.en;
  return {
    side: at.side,
    segment: at.segment,
    segmentPos: at.segmentPos,
    passage: $seg.parent,
    passagePos: $seg.before(),
    index: $seg.index(),
    offset: inSide ? $head.parentOffset : 0,
  };
}

const sideIndex = (side: Side) => (side === "ko" ? 0 : 1);
const content = (segment: PMNode, side: Side) => segment.child(sideIndex(side)).content;
const textOf = (f: Fragment) => f.textBetween(0, f.size);

/** Two runs of inline content as one, with a space between them when neither has one. */
function joinContent(a: Fragment, b: Fragment): Fragment {
  if (!a.size) return b;
  if (!b.size) return a;
  const left = textOf(a);
  const right = textOf(b);
  if (/\s$/.test(left) || /^\s/.test(right)) return a.append(b);
  return a.append(Fragment.from(schema.text(" "))).append(b);
}

/** Content without the white space at its edges (the separators of the sentences cut away). */
function trimContent(f: Fragment): Fragment {
  const text = textOf(f);
  const start = text.length - text.trimStart().length;
  const end = text.trimEnd().length;
  return end <= start ? Fragment.empty : f.cut(start, end);
}

function makeSegment(attrs: SegmentAttrs, ko: Fragment, en: Fragment): PMNode {
  return schema.nodes.segment.create(attrs, [schema.nodes.ko.create(null, ko), schema.nodes.en.create(null, en)]);
}

function statusFor(status: SegmentAttrs["status"], en: Fragment): SegmentAttrs["status"] {
  if (status === "new" && textOf(en).trim()) return "draft";
  if (status === "draft" && !textOf(en).trim()) return "new";
  return status;
}

/** Attributes of a segment the analyst has re-cut: unconfirmed, no aligner confidence. */
function edited(attrs: SegmentAttrs, en: Fragment, patch: Partial<SegmentAttrs> = {}): SegmentAttrs {
  return { ...attrs, confirmed: false, confidence: null, status: statusFor(attrs.status, en), ...patch };
}

function joinNotes(...notes: string[]): string {
  return notes.filter((n) => n.trim()).join("\n");
}

/** Offset in a side's text where the sentence nearest to `target` begins (not 0 or the end), or -1. */
export function nearestSentenceStart(text: string, lang: Side, target: number): number {
  const spans = sentenceSpans(text, lang);
  let best = -1;
  for (let k = 1; k < spans.length; k++) {
    if (best < 0 || Math.abs(spans[k].start - target) < Math.abs(best - target)) best = spans[k].start;
  }
  return best;
}

function place(tr: Transaction, pos: number): Transaction {
  return tr.setSelection(TextSelection.create(tr.doc, Math.max(0, Math.min(pos, tr.doc.content.size)))).scrollIntoView();
}

/** QA findings the analyst ignored follow their text through a split or merge (in the same undo step). */
function keepIgnored(state: EditorState, tr: Transaction, next: (list: QaIgnored[] | undefined) => QaIgnored[] | null): void {
  const data = projectKey.getState(state);
  const list = data && next(data.qaIgnored);
  if (list) updateProjectData(state, tr, { qaIgnored: list });
}

/** Merges the segment at the cursor with the next one of its passage. */
export const mergeWithNext: Command = (state, dispatch) => {
  const h = here(state);
  if (!h || h.index + 1 >= h.passage.childCount) return false;
  if (!dispatch) return true;
  const a = h.segment;
  const b = h.passage.child(h.index + 1);
  const ko = joinContent(content(a, "ko"), content(b, "ko"));
  const en = joinContent(content(a, "en"), content(b, "en"));
  const attrs = edited(segmentAttrs(a), en, { note: joinNotes(segmentAttrs(a).note, segmentAttrs(b).note) });
  const merged = makeSegment(attrs, ko, en);
  const tr = state.tr.replaceWith(h.segmentPos, h.segmentPos + a.nodeSize + b.nodeSize, merged);
  keepIgnored(state, tr, (list) => ignoredAfterMerge(list, segmentAttrs(a).id, segmentAttrs(b).id));
  dispatch(markStructural(place(tr, sideStart(h.segmentPos, merged, h.side) + h.offset)));
  return true;
};

/**
 * Splits the segment at the cursor: the rest of the cursor's side moves into
 * a new segment below, and the other side is cut at the sentence boundary
 * nearest to the same share of its text (or stays whole when it has none).
 */
export const splitSegment: Command = (state, dispatch) => {
  const h = here(state);
  if (!h) return false;
  const mine = content(h.segment, h.side);
  const other: Side = h.side === "ko" ? "en" : "ko";
  const theirs = content(h.segment, other);
  if (h.offset <= 0 || h.offset >= mine.size) return false;
  if (!dispatch) return true;
  const share = h.offset / mine.size;
  const cut = nearestSentenceStart(textOf(theirs), other, share * theirs.size);
  const mine1 = trimContent(mine.cut(0, h.offset));
  const mine2 = trimContent(mine.cut(h.offset));
  const theirs1 = cut < 0 ? theirs : trimContent(theirs.cut(0, cut));
  const theirs2 = cut < 0 ? Fragment.empty : trimContent(theirs.cut(cut));
  const [ko1, en1, ko2, en2] = h.side === "ko" ? [mine1, theirs1, mine2, theirs2] : [theirs1, mine1, theirs2, mine2];
  const attrs = segmentAttrs(h.segment);
  const first = makeSegment(edited(attrs, en1), ko1, en1);
  const second = makeSegment(edited(attrs, en2, { id: newId("s"), note: "" }), ko2, en2);
  const tr = state.tr.replaceWith(h.segmentPos, h.segmentPos + h.segment.nodeSize, [first, second]);
  keepIgnored(state, tr, (list) => ignoredAfterSplit(list, attrs.id, segmentAttrs(second).id));
  const secondPos = h.segmentPos + first.nodeSize;
  dispatch(markStructural(place(tr, sideStart(secondPos, second, h.side))));
  return true;
};

/**
 * Moves a sentence of the cursor's side to the neighbouring segment of the
 * passage: dir -1 moves the first sentence up to the end of the previous
 * segment, dir 1 the last sentence down to the start of the next. A segment
 * left with nothing on either side is removed (its note goes with the text).
 */
export function moveSentence(dir: -1 | 1): Command {
  return (state, dispatch) => {
    const h = here(state);
    if (!h) return false;
    const nIndex = h.index + dir;
    if (nIndex < 0 || nIndex >= h.passage.childCount) return false;
    const mine = content(h.segment, h.side);
    const spans = sentenceSpans(textOf(mine), h.side);
    if (!spans.length) return false;
    if (!dispatch) return true;
    const span = dir === -1 ? spans[0] : spans[spans.length - 1];
    const moving = mine.cut(span.start, span.end);
    const staying = trimContent(dir === -1 ? mine.cut(span.end) : mine.cut(0, span.start));
    const neighbour = h.passage.child(nIndex);
    const theirs = content(neighbour, h.side);
    const received = dir === -1 ? joinContent(theirs, moving) : joinContent(moving, theirs);

    const withSide = (seg: PMNode, side: Side, f: Fragment): { ko: Fragment; en: Fragment } =>
      side === "ko" ? { ko: f, en: content(seg, "en") } : { ko: content(seg, "ko"), en: f };
    const meParts = withSide(h.segment, h.side, staying);
    const nbParts = withSide(neighbour, h.side, received);
    const meEmpty = !meParts.ko.size && !meParts.en.size;
    const meAttrs = segmentAttrs(h.segment);
    const nbAttrs = segmentAttrs(neighbour);
    const nbNode = makeSegment(edited(nbAttrs, nbParts.en, meEmpty ? { note: joinNotes(nbAttrs.note, meAttrs.note) } : {}), nbParts.ko, nbParts.en);
    const nodes = meEmpty ? [nbNode] : dir === -1 ? [nbNode, makeSegment(edited(meAttrs, meParts.en), meParts.ko, meParts.en)] : [makeSegment(edited(meAttrs, meParts.en), meParts.ko, meParts.en), nbNode];
    const from = dir === -1 ? h.segmentPos - neighbour.nodeSize : h.segmentPos;
    const to = dir === -1 ? h.segmentPos + h.segment.nodeSize : h.segmentPos + h.segment.nodeSize + neighbour.nodeSize;
    const tr = state.tr.replaceWith(from, to, nodes);
    // The cursor follows the moved sentence.
    const nbPos = dir === -1 || meEmpty ? from : from + nodes[0].nodeSize;
    const at = dir === -1 ? sideStart(nbPos, nbNode, h.side) + received.size - moving.size : sideStart(nbPos, nbNode, h.side);
    dispatch(markStructural(place(tr, at)));
    return true;
  };
}

/** Inserts an empty segment below the one at the cursor and puts the cursor in it. */
export const insertSegment: Command = (state, dispatch) => {
  const h = here(state);
  if (!h) return false;
  if (!dispatch) return true;
  const seg = makeSegment({ id: newId("s"), status: "new", confirmed: false, note: "", confidence: null }, Fragment.empty, Fragment.empty);
  const pos = h.segmentPos + h.segment.nodeSize;
  const tr = state.tr.insert(pos, seg);
  dispatch(markStructural(place(tr, sideStart(pos, seg, h.side))));
  return true;
};

/** Segments the selection touches (at least the one at the cursor). */
function selectedSegments(state: EditorState): { node: PMNode; pos: number }[] {
  const out: { node: PMNode; pos: number }[] = [];
  state.doc.nodesBetween(state.selection.from, state.selection.to, (node, pos) => {
    if (node.type !== schema.nodes.segment) return true;
    out.push({ node, pos });
    return false;
  });
  return out;
}

/** Confirms the segments of the selection, or un-confirms them when all are confirmed already. */
export const toggleConfirmed: Command = (state, dispatch) => {
  const segs = selectedSegments(state);
  if (!segs.length) return false;
  if (!dispatch) return true;
  const value = !segs.every((s) => segmentAttrs(s.node).confirmed);
  const tr = state.tr;
  for (const s of segs) tr.setNodeAttribute(s.pos, "confirmed", value);
  dispatch(tr);
  return true;
};

/** Confirms every segment from the start of the document to the one at the cursor. */
export const confirmAbove: Command = (state, dispatch) => {
  const h = here(state);
  if (!h) return false;
  if (!dispatch) return true;
  const tr = state.tr;
  state.doc.nodesBetween(0, h.segmentPos + 1, (node, pos) => {
    if (node.type !== schema.nodes.segment) return true;
    if (!segmentAttrs(node).confirmed) tr.setNodeAttribute(pos, "confirmed", true);
    return false;
  });
  dispatch(tr);
  return true;
};

export function isLowConfidence(segment: PMNode): boolean {
  const { confidence, confirmed } = segmentAttrs(segment);
  return !confirmed && confidence !== null && confidence < LOW_CONFIDENCE;
}

/** Moves the cursor to the next segment after the cursor that matches, wrapping around. */
function nextMatching(test: (segment: PMNode) => boolean): Command {
  return (state, dispatch) => {
    const found: { pos: number; node: PMNode }[] = [];
    state.doc.descendants((node, pos) => {
      if (node.type !== schema.nodes.segment) return true;
      if (test(node)) found.push({ pos, node });
      return false;
    });
    const h = here(state);
    const from = h ? h.segmentPos : -1;
    const target = found.find((s) => s.pos > from) ?? found[0];
    if (!target || target.pos === from) return false;
    if (dispatch) dispatch(place(state.tr, sideStart(target.pos, target.node, h?.side ?? "ko")));
    return true;
  };
}

export const nextUnconfirmed: Command = nextMatching((s) => !segmentAttrs(s).confirmed);
export const nextLowConfidence: Command = nextMatching(isLowConfidence);

/**
 * Re-aligns the unconfirmed segments of the passage at the cursor; confirmed
 * ones stay fixed. `learned` gives the word pairs learned from the analyst's
 * memory (user data, kept by the window), read when the command runs, so
 * that a passage re-aligns with the same anchors as an import.
 */
export function realignPassageWith(learned: () => readonly LexiconPair[]): Command {
  return (state, dispatch) => realign(state, dispatch, learned);
}

/** Re-aligns the passage at the cursor with the project's glossary and the built-in lexicon only. */
export const realignPassage: Command = realignPassageWith(() => []);

function realign(state: EditorState, dispatch: Dispatch, learned: () => readonly LexiconPair[]): boolean {
  const h = here(state);
  if (!h) return false;
  let unconfirmed = false;
  h.passage.forEach((s) => (unconfirmed ||= !segmentAttrs(s).confirmed));
  if (!unconfirmed) return false;
  // Asking is cheap; the alignment runs only when the command is carried out.
  if (!dispatch) return true;
  const passageIndex = state.doc.resolve(h.passagePos).index();
  const glossary = projectKey.getState(state)?.glossary ?? [];
  const changes = realignPassages(state.doc, { passages: (i) => i === passageIndex, glossary, learned: learned() });
  if (!changes.length) return true; // already aligned as the model would
  const node = changes[0].node;
  const tr = state.tr.replaceWith(h.passagePos + 1, h.passagePos + 1 + h.passage.content.size, node.content);
  // Back to the segment that now holds the cursor's text, as near as can be.
  const $pos = tr.doc.resolve(Math.min(state.selection.head, h.passagePos + node.nodeSize - 2));
  dispatch(markStructural(tr.setSelection(TextSelection.near($pos)).scrollIntoView()));
  return true;
}

/** The alignment commands by the names the Segment menu, the toolbar and the keys use (ALIGN_MENU). */
export const ALIGN_COMMANDS: Record<AlignCommandName, Command> = {
  merge: mergeWithNext,
  split: splitSegment,
  moveUp: moveSentence(-1),
  moveDown: moveSentence(1),
  insert: insertSegment,
  confirm: toggleConfirmed,
  confirmAbove,
  nextUnconfirmed,
  nextLow: nextLowConfidence,
  realign: realignPassage,
};
