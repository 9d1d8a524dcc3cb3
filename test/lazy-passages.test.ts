// Which passages a large document renders (renderer/plugins/lazy-passages.ts):
// the first ones, the ones holding the selection, those the viewport reports,
// and new ones made by structural edits; small documents render whole. (The
// rendering itself is held by e2e/large.e2e.ts.)
import { test } from "node:test";
import assert from "node:assert/strict";
import { EditorState, TextSelection } from "prosemirror-state";
import { Fragment } from "prosemirror-model";
import { lazyPassages, lazyPassagesKey, LAZY_MIN_PASSAGES, estimatedHeight } from "../renderer/plugins/lazy-passages";
import { buildLargeProject } from "../bench/build-large";
import { schema } from "../app/schema";

const stateOf = (passages: number) => EditorState.create({ doc: buildLargeProject({ passages }).doc, plugins: [lazyPassages()] });
const live = (s: EditorState) => lazyPassagesKey.getState(s)!;
const liveIds = (s: EditorState) => new Set(live(s).decos.find(undefined, undefined, (spec) => !!spec.dariLive).map((d) => s.doc.nodeAt(d.from)!.attrs.id as string));
/** A position inside the first side of the n-th passage. */
function inside(s: EditorState, n: number): number {
  let pos = 0;
  s.doc.forEach((_, offset, i) => void (i === n && (pos = offset + 3)));
  return pos;
}

test("a small document is rendered whole", () => {
  const s = stateOf(LAZY_MIN_PASSAGES - 1);
  assert.equal(live(s).lazy, false);
  assert.equal(live(s).decos.find().length, 0);
});

test("a large document starts with its first passages live and the rest waiting", () => {
  const s = stateOf(500);
  assert.equal(live(s).lazy, true);
  const ids = liveIds(s);
  assert.ok(ids.has("p0") && ids.size > 5 && ids.size < 30, `${ids.size} live`);
  assert.ok(!ids.has("p250"));
  // Every mark sits exactly on a passage.
  for (const d of live(s).decos.find()) assert.equal(s.doc.nodeAt(d.from)!.type, schema.nodes.passage);
});

test("the selection's passages, and the ones the viewport reports, become live and stay live", () => {
  let s = stateOf(500);
  s = s.apply(s.tr.setSelection(TextSelection.create(s.doc, inside(s, 300), inside(s, 400))));
  assert.ok(liveIds(s).has("p300") && liveIds(s).has("p400"));
  assert.ok(!liveIds(s).has("p350"), "a long selection renders its ends, not everything between");
  s = s.apply(s.tr.setMeta(lazyPassagesKey, { live: ["p120", "p121"] }));
  assert.ok(liveIds(s).has("p120") && liveIds(s).has("p121"));
  s = s.apply(s.tr.setSelection(TextSelection.create(s.doc, inside(s, 1))));
  assert.ok(liveIds(s).has("p300"), "passages never go back to waiting");
});

test("typing keeps the marks on their passages; new passages from a structural edit are live", () => {
  let s = stateOf(500);
  s = s.apply(s.tr.setSelection(TextSelection.create(s.doc, inside(s, 200))));
  s = s.apply(s.tr.insertText("다리"));
  for (const d of live(s).decos.find()) assert.equal(s.doc.nodeAt(d.from)!.nodeSize, d.to - d.from);
  // A passage pasted far from anything live (as the paste-as-passages command does).
  const copy = s.doc.child(450).copy(s.doc.child(450).content);
  const fresh = schema.nodes.passage.create({ id: "pNew" }, copy.content);
  let at = 0;
  s.doc.forEach((p, offset, i) => void (i === 451 && (at = offset)));
  s = s.apply(s.tr.insert(at, Fragment.from(fresh)));
  assert.ok(liveIds(s).has("pNew"));
  assert.ok(!liveIds(s).has("p451"));
});

test("each run of waiting passages is drawn by its first passage, as tall as the run is estimated", () => {
  let s = stateOf(500);
  s = s.apply(s.tr.setMeta(lazyPassagesKey, { live: ["p200", "p201", "p300"] }));
  const heads = live(s).decos.find(undefined, undefined, (spec) => !!spec.dariRun);
  const headIds = heads.map((d) => s.doc.nodeAt(d.from)!.attrs.id as string);
  // Waiting: after the first live passages up to p199, p202..p299, p301..p499.
  assert.equal(headIds.length, 3, headIds.join(","));
  assert.deepEqual(headIds.slice(1), ["p202", "p301"]);
  const heightOf = (d: (typeof heads)[number]) => Number(/height: (\d+)px/.exec((d as unknown as { type: { attrs: { style: string } } }).type.attrs.style)![1]);
  let expected = 0;
  for (let i = 202; i < 300; i++) expected += estimatedHeight(s.doc.child(i));
  assert.equal(heightOf(heads[1]), expected);
  assert.ok(expected > 98 * 100, `${expected}px for 98 passages of ten segments`);
  // A passage coming into view splits its run.
  s = s.apply(s.tr.setMeta(lazyPassagesKey, { live: ["p250"] }));
  const split = live(s).decos.find(undefined, undefined, (spec) => !!spec.dariRun).map((d) => s.doc.nodeAt(d.from)!.attrs.id as string);
  assert.deepEqual(split.slice(1), ["p202", "p251", "p301"]);
});
