// Tagged ranges are read out of the document in one place (sideRanges); the
// editor's annotations and the exports' collected annotations must agree.
import { test } from "node:test";
import assert from "node:assert/strict";
import { schema } from "../schema";
import { collect } from "../export/collect";
import { allAnnotations, sideRanges } from "./annotations";
import { projectOf, segmentNode, type SegmentSpec } from "../../test/fixtures/export-project";

const KO = "우주 협력과 무기 거래"; // 12 UTF-16 units
const EN = "Space cooperation and the arms trade";

/** One segment with every shape of tag: nested, overlapping, split, repeated, on both sides. */
const TAGGED: SegmentSpec = {
  id: "s1",
  ko: KO,
  en: EN,
  spans: [
    { side: "ko", from: 0, to: 5, code: "space", id: "a1" }, // 우주 협력
    { side: "ko", from: 3, to: 12, code: "arms", id: "a2", note: "거래 전체" }, // overlaps a1, cut into four text nodes
    { side: "ko", from: 7, to: 9, code: "space", id: "a3" }, // the same theme again, inside a2
    { side: "en", from: 0, to: 17, code: "space", id: "e1" },
    { side: "en", from: 0, to: 5, code: "coldwar", id: "e2" }, // starts with e1
    { side: "en", from: 26, to: 30, code: "arms", id: "e3" }, // one tag over two pieces that do not touch
    { side: "en", from: 31, to: 36, code: "arms", id: "e3" },
  ],
};

function ranges(side: "ko" | "en", spec: SegmentSpec = TAGGED) {
  const seg = segmentNode(spec);
  const node = seg.child(side === "ko" ? 0 : 1);
  return sideRanges(node).map((r) => ({ ...r, quote: node.textContent.slice(r.from, r.to) }));
}

test("a tag over several text nodes is one range; overlapping and repeated themes are their own ranges", () => {
  assert.ok(segmentNode(TAGGED).child(0).childCount >= 5, "the Korean side is cut into several text nodes");
  assert.deepEqual(ranges("ko"), [
    { id: "a1", code: "space", note: "", from: 0, to: 5, quote: "우주 협력" },
    { id: "a2", code: "arms", note: "거래 전체", from: 3, to: 12, quote: "협력과 무기 거래" },
    { id: "a3", code: "space", note: "", from: 7, to: 9, quote: "무기" },
  ]);
});

test("English ranges: two tags starting together, and one tag in two pieces that do not touch", () => {
  const en = ranges("en");
  assert.deepEqual(
    en.map((r) => [r.id, r.code, r.quote]).sort(),
    [
      ["e1", "space", "Space cooperation"],
      ["e2", "coldwar", "Space"],
      ["e3", "arms", "arms"],
      ["e3", "arms", "trade"],
    ],
  );
  // In the order they start.
  assert.deepEqual(en.map((r) => r.from), [0, 0, 26, 31]);
});

test("an id shared by two themes gives each theme its own ranges", () => {
  // Not made by the editor, but a hand-edited or imported file may hold it; the
  // old per-id reading cut the first theme short and repeated the second.
  const spec: SegmentSpec = {
    id: "s1",
    ko: KO,
    en: EN,
    spans: [
      { side: "en", from: 0, to: 36, code: "coldwar", id: "x" },
      { side: "en", from: 22, to: 36, code: "arms", id: "x" },
      { side: "en", from: 31, to: 36, code: "space", id: "y" },
    ],
  };
  assert.deepEqual(
    ranges("en", spec).map((r) => [r.id, r.code, r.from, r.to]),
    [
      ["x", "coldwar", 0, 36],
      ["x", "arms", 22, 36],
      ["y", "space", 31, 36],
    ],
  );
  const doc = projectOf([[spec]]).doc;
  assert.deepEqual(
    allAnnotations(doc).map((r) => [r.id, r.code, doc.textBetween(r.from, r.to)]),
    [
      ["x", "coldwar", EN],
      ["x", "arms", "the arms trade"],
      ["y", "space", "trade"],
    ],
  );
});

test("the first note found on a range is its note", () => {
  const en = schema.nodes.en.create(null, [
    schema.text("Space ", [schema.marks.theme.create({ code: "space", id: "n1", note: "" })]),
    schema.text("cooperation", [schema.marks.theme.create({ code: "space", id: "n1", note: "memo" }), schema.marks.theme.create({ code: "arms", id: "n2" })]),
  ]);
  assert.deepEqual(sideRanges(en), [
    { id: "n1", code: "space", note: "memo", from: 0, to: 17 },
    { id: "n2", code: "arms", note: "", from: 6, to: 17 },
  ]);
});

test("the editor's annotations and the exports' annotations are the same ranges", () => {
  const next: SegmentSpec = {
    id: "s2",
    ko: "신냉전",
    en: "A new Cold War",
    spans: [
      { side: "ko", from: 0, to: 3, code: "coldwar", id: "k1" },
      { side: "en", from: 0, to: 5, code: "arms", id: "e3" }, // e3 goes on into the next segment
    ],
  };
  const project = projectOf([[TAGGED], [next]]);
  const doc = project.doc;
  const editor = allAnnotations(doc).map((r) => [r.id, r.code, r.segmentId, r.side, doc.textBetween(r.from, r.to)]);
  const data = collect(project);
  const exported = data.annotations.flatMap((a) => a.ranges.map((r) => [a.id, a.code, r.segment.id, r.side, r.quote]));
  assert.deepEqual(exported.slice().sort(), editor.slice().sort());
  assert.equal(editor.length, 9);
  // The exports group the ranges by tag, in document order of the first range.
  assert.deepEqual(data.annotations.map((a) => `${a.id}:${a.ranges.length}`), ["a1:1", "a2:1", "a3:1", "e1:1", "e2:1", "e3:3", "k1:1"]);
  assert.equal(data.annotations.find((a) => a.id === "a2")!.note, "거래 전체");
});
