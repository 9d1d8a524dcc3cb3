import { test } from "node:test";
import assert from "node:assert/strict";
import { EditorState, TextSelection, type Transaction, type Command } from "prosemirror-state";
import { Slice, Fragment } from "prosemirror-model";
import { history, undo } from "prosemirror-history";
import { buildDoc, emptyMeta } from "../document";
import { createProjectState } from "../project-state";
import { schema, sideText } from "../schema";
import { structureGuard, deleteAcrossSides, switchSide, gotoSegment, gotoDocumentEdge, sideAt, sideStart, sideEnd, isTextOnly, markStructural, flattenToInline } from "./structure";
import { segmentList } from "../document/segments";
import { uniqueIds } from "../document/unique-ids";

function state(): EditorState {
  const doc = buildDoc([
    { segments: [{ ko: "첫째 문장.", en: "First." }, { ko: "둘째 문장.", en: "Second." }] },
    { segments: [{ ko: "셋째 문장.", en: "Third." }] },
  ]);
  return createProjectState({ meta: emptyMeta(), codebook: [], glossary: [], doc }, [structureGuard(), uniqueIds(), history()]);
}

function at(s: EditorState, segment: number, side: "ko" | "en", where: "start" | "end"): EditorState {
  const { pos, node } = segmentList(s.doc)[segment];
  const p = where === "start" ? sideStart(pos, node, side) : sideEnd(pos, node, side);
  return s.apply(s.tr.setSelection(TextSelection.create(s.doc, p)));
}

function run(s: EditorState, cmd: Command): EditorState {
  let out = s;
  cmd(s, (tr: Transaction) => (out = s.apply(tr)));
  return out;
}

function texts(s: EditorState): string[] {
  return segmentList(s.doc).map(({ node }) => `${sideText(node, "ko")}|${sideText(node, "en")}`);
}

test("a replace across two sides is refused; typing inside a side passes", () => {
  let s = state();
  const before = texts(s);
  const segs = segmentList(s.doc);
  const from = sideStart(segs[0].pos, segs[0].node, "ko") + 2;
  const to = sideStart(segs[0].pos, segs[0].node, "en") + 2;
  s = s.apply(s.tr.delete(from, to));
  assert.deepEqual(texts(s), before, "deleting from Korean into English changes nothing");
  s = s.apply(s.tr.insertText("새 ", from));
  assert.equal(texts(s)[0], "첫째새  문장.|First.");
});

test("blocks pasted into a side are refused unless flattened; structural commands pass", () => {
  let s = state();
  const before = texts(s);
  const seg = segmentList(s.doc)[0];
  const inside = sideStart(seg.pos, seg.node, "ko") + 1;
  const twoSides = new Slice(Fragment.from([schema.nodes.ko.create(null, schema.text("가")), schema.nodes.en.create(null, schema.text("B"))]), 1, 1);
  s = s.apply(s.tr.replace(inside, inside, twoSides));
  assert.deepEqual(texts(s), before);
  s = s.apply(s.tr.replace(inside, inside, new Slice(flattenToInline(twoSides.content), 0, 0)));
  assert.equal(texts(s)[0], "첫가 B째 문장.|First.");
  // A structural command (here: deleting a whole segment) says so and passes.
  const second = segmentList(s.doc)[1];
  s = s.apply(markStructural(s.tr.delete(second.pos, second.pos + second.node.nodeSize)));
  assert.equal(texts(s).length, 2);
  // Undo replays structural changes too.
  s = run(s, undo);
  assert.equal(texts(s).length, 3);
});

test("deleting a selection across sides deletes side by side", () => {
  let s = state();
  const segs = segmentList(s.doc);
  const from = sideEnd(segs[0].pos, segs[0].node, "ko") - 3;
  const to = sideStart(segs[1].pos, segs[1].node, "ko") + 2;
  s = s.apply(s.tr.setSelection(TextSelection.create(s.doc, from, to)));
  s = run(s, deleteAcrossSides);
  assert.deepEqual(texts(s), ["첫째 |", " 문장.|Second.", "셋째 문장.|Third."]);
});

test("Tab and Alt+arrows move between sides and segments, across passages", () => {
  let s = at(state(), 0, "ko", "end");
  s = run(s, switchSide(1));
  assert.equal(sideAt(s.selection.$head)!.side, "en");
  s = run(s, switchSide(1));
  assert.deepEqual([sideAt(s.selection.$head)!.side, sideAt(s.selection.$head)!.segment.attrs.id], ["ko", segmentList(s.doc)[1].node.attrs.id]);
  s = run(s, gotoSegment(1));
  assert.equal(sideAt(s.selection.$head)!.segment.attrs.id, segmentList(s.doc)[2].node.attrs.id, "into the next passage");
  s = run(s, gotoSegment(-1));
  s = run(s, gotoSegment(-1));
  assert.equal(sideAt(s.selection.$head)!.segment.attrs.id, segmentList(s.doc)[0].node.attrs.id);
  s = run(s, switchSide(-1));
  assert.equal(sideAt(s.selection.$head)!.segment.attrs.id, segmentList(s.doc)[0].node.attrs.id, "nothing before the first segment");
});

test("duplicate ids after a structural change are re-issued; typing is text-only", () => {
  let s = state();
  const first = segmentList(s.doc)[0];
  // Paste a copy of the first segment (same id) after it, as a copy/paste of segments would.
  const tr = markStructural(s.tr.insert(first.pos + first.node.nodeSize, first.node.copy(first.node.content)));
  assert.ok(!isTextOnly(tr));
  s = s.applyTransaction(tr).state;
  const ids = segmentList(s.doc).map(({ node }) => node.attrs.id);
  assert.equal(ids.length, 4);
  assert.equal(new Set(ids).size, 4);
  assert.equal(ids[0], first.node.attrs.id, "the original keeps its id");
  const typing = s.tr.insertText("x", sideEnd(first.pos, first.node, "en"));
  assert.ok(isTextOnly(typing));
});

test("Ctrl+End and Ctrl+Home go to the end of the last side and the start of the first; with Shift they select to there", () => {
  let s = at(state(), 1, "ko", "end");
  const last = segmentList(s.doc).at(-1)!;
  const first = segmentList(s.doc)[0];
  const middle = s.selection.head;
  s = run(s, gotoDocumentEdge(1));
  assert.equal(s.selection.head, sideEnd(last.pos, last.node, "en"));
  assert.ok(s.selection.empty);
  s = run(s, gotoDocumentEdge(-1));
  assert.equal(s.selection.head, sideStart(first.pos, first.node, "ko"));
  s = at(s, 1, "ko", "end");
  s = run(s, gotoDocumentEdge(1, true));
  assert.deepEqual([s.selection.anchor, s.selection.head], [middle, sideEnd(last.pos, last.node, "en")]);
  s = run(at(s, 1, "ko", "end"), gotoDocumentEdge(-1, true));
  assert.deepEqual([s.selection.anchor, s.selection.head], [middle, sideStart(first.pos, first.node, "ko")]);
});
