// The gutter flags of unsure segments (app/align/flags.ts): on exactly the
// low-confidence, unconfirmed segments, with their percentage; kept through
// typing, gone when the segment is confirmed, redrawn on request.
import { test } from "node:test";
import assert from "node:assert/strict";
import { EditorState, TextSelection } from "prosemirror-state";
import { alignFlags, alignFlagsKey, lowConfidenceFlags } from "./flags";
import { isLowConfidence, toggleConfirmed, LOW_CONFIDENCE } from "../commands/align";
import { segmentAttrs } from "../schema";
import { forEachSegment } from "../document/segments";
import { buildDoc } from "../document";
import { FIRST_SEGMENTS } from "../themes/segment-decorations";

// Thirty passages of ten segments; confidences run 0.00, 0.07, … through the
// percentages, a few of the unsure ones confirmed, some not aligned by Dari (null).
const doc = buildDoc(
  Array.from({ length: 30 }, (_, p) => ({
    segments: Array.from({ length: 10 }, (_, s) => {
      const n = p * 10 + s;
      return { ko: `문장 ${n}.`, en: `Sentence ${n}.`, confidence: n % 13 === 12 ? null : ((n * 7) % 100) / 100, confirmed: n % 9 === 0 };
    }),
  })),
);

/** The batches a view would ask for, until every segment is flagged. */
function flagAll(state: EditorState): EditorState {
  while (alignFlagsKey.getState(state)!.pending !== null) state = state.apply(state.tr.setMeta(alignFlagsKey, "batch"));
  return state;
}

function unsure(d = doc): number[] {
  const out: number[] = [];
  forEachSegment(d, (seg, pos) => {
    const { confidence, confirmed } = segmentAttrs(seg);
    if (!confirmed && confidence !== null && confidence < LOW_CONFIDENCE) out.push(pos);
  });
  return out;
}

test("flags sit on exactly the unconfirmed segments below the threshold, with their percentage", () => {
  const asked: number[] = [];
  const set = lowConfidenceFlags(doc, (p) => (asked.push(p), `${p}% sure`));
  const flags = set.find();
  const expected = unsure();
  assert.ok(expected.length > 20 && expected.length < 300, `${expected.length} unsure segments`);
  assert.deepEqual(flags.map((f) => f.from), expected);
  for (const f of flags) {
    const seg = doc.nodeAt(f.from)!;
    assert.ok(isLowConfidence(seg));
    const percent = Math.round(segmentAttrs(seg).confidence! * 100);
    const attrs = (f as unknown as { type: { attrs: Record<string, string> } }).type.attrs;
    assert.equal(attrs["data-confidence"], String(percent));
    assert.equal(attrs.title, `${percent}% sure`);
  }
  // One tooltip per percentage, not one per segment.
  assert.equal(asked.length, new Set(asked).size);
  assert.ok(asked.length < flags.length);
});

test("typing keeps the flags on their segments; confirming removes one; a redraw asks for the tooltips again", () => {
  let language = "en";
  let state = EditorState.create({ doc, plugins: [alignFlags((p) => (language === "en" ? `${p}% sure` : `확신도 ${p}%`))] });
  state = flagAll(state);
  const first = unsure()[0];
  const inside = first + 3; // in the segment's Korean side
  state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, inside)));
  state = state.apply(state.tr.insertText("다리"));
  const flags = () => alignFlagsKey.getState(state)!.set.find();
  assert.deepEqual(flags().map((f) => f.from), unsure(state.doc));
  for (const f of flags()) assert.equal(state.doc.nodeAt(f.from)!.nodeSize, f.to - f.from);

  const others = flags().filter((f) => f.from !== first);
  toggleConfirmed(state, (tr) => (state = state.apply(tr)));
  assert.ok(!flags().some((f) => f.from === first), "the confirmed segment lost its flag");
  assert.deepEqual(flags().map((f) => f.from), unsure(state.doc));
  // Only that segment was redrawn: the other flags are the same objects (a book has thousands).
  // (A decoration's type holds its attributes; mapping makes new decorations around the same type.)
  const typeOf = (f: object) => (f as { type?: unknown }).type;
  const kept = new Set(flags().map(typeOf));
  assert.ok(others.every((f) => kept.has(typeOf(f))), "the other flags were rebuilt");
  // Unconfirming brings its flag back, with the rest still kept.
  toggleConfirmed(state, (tr) => (state = state.apply(tr)));
  assert.ok(flags().some((f) => f.from === first));
  assert.deepEqual(flags().map((f) => f.from), unsure(state.doc));

  language = "ko";
  state = state.apply(state.tr.setMeta(alignFlagsKey, true));
  assert.match((flags()[0] as unknown as { type: { attrs: { title: string } } }).type.attrs.title, /^확신도 \d+%$/);
});

test("a large project is flagged near its start when it opens and in batches after, the same flags in the end", () => {
  let state = EditorState.create({ doc, plugins: [alignFlags((p) => `${p}% sure`)] });
  const flags = () => alignFlagsKey.getState(state)!.set.find().map((f) => f.from);
  // The first FIRST_SEGMENTS segments (20 passages of ten) are flagged at once, no later one.
  const boundary = (() => {
    let pos = 0;
    for (let i = 0; i < FIRST_SEGMENTS / 10; i++) pos += doc.child(i).nodeSize;
    return pos;
  })();
  assert.deepEqual(flags(), unsure().filter((pos) => pos < boundary));
  assert.notEqual(alignFlagsKey.getState(state)!.pending, null);
  state = flagAll(state);
  assert.deepEqual(flags(), unsure());
  assert.deepEqual(flags(), lowConfidenceFlags(doc, (p) => `${p}%`).find().map((f) => f.from));
});
