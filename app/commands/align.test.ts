// Alignment editing as the analyst does it: cursor somewhere, a command, and
// the segments change; theme marks, notes and ids survive; undo restores.
import { test } from "node:test";
import assert from "node:assert/strict";
import { EditorState, TextSelection, type Command } from "prosemirror-state";
import { history, undo } from "prosemirror-history";
import type { Node as PMNode } from "prosemirror-model";
import { buildDoc, emptyMeta, type PassageInput } from "../document";
import { createProjectState, projectData, updateProjectData } from "../project-state";
import { checkSegment } from "../translate/qa";
import { IgnoredFindings, ignoredEntry } from "../translate/qa-ignore";
import { schema, segmentAttrs, sideText, type Side } from "../schema";
import { structureGuard } from "./structure";
import { sideStart } from "./structure";
import {
  confirmAbove,
  insertSegment,
  mergeWithNext,
  moveSentence,
  nextLowConfidence,
  nextUnconfirmed,
  realignPassage,
  realignPassageWith,
  splitSegment,
  toggleConfirmed,
} from "./align";
import { corpus } from "../../test/support";
import { learnedLexicon, readLearnedPairs } from "../align/learn";
import { OMISSION_PASSAGE } from "../../test/fixtures/omission-passage";

const gold = JSON.parse(corpus("commentary.gold.json")) as { ko: string[][]; en: string[][] };
const [k0, k1, k2, k3] = gold.ko[0];
const [e0, e1, e2, e3, e4] = gold.en[0];

function stateOf(passages: PassageInput[]): EditorState {
  const doc = buildDoc(passages);
  return createProjectState({ meta: emptyMeta("t"), codebook: [], glossary: [], doc }, [history(), structureGuard()]);
}

function segs(state: EditorState, passage = 0): PMNode[] {
  const out: PMNode[] = [];
  state.doc.child(passage).forEach((s) => out.push(s));
  return out;
}

function segPos(state: EditorState, passage: number, index: number): number {
  let pos = 0;
  for (let p = 0; p < passage; p++) pos += state.doc.child(p).nodeSize;
  pos += 1;
  for (let s = 0; s < index; s++) pos += state.doc.child(passage).child(s).nodeSize;
  return pos;
}

/** The state with the cursor in a side of a segment, `offset` characters in (or at a text). */
function at(state: EditorState, passage: number, index: number, side: Side, offset: number | string = 0): EditorState {
  const pos = segPos(state, passage, index);
  const seg = state.doc.child(passage).child(index);
  const o = typeof offset === "string" ? sideText(seg, side).indexOf(offset) : offset;
  assert.ok(o >= 0);
  return state.apply(state.tr.setSelection(TextSelection.create(state.doc, sideStart(pos, seg, side) + o)));
}

function run(state: EditorState, cmd: Command): EditorState {
  let next = state;
  const ok = cmd(state, (tr) => (next = state.apply(tr)));
  assert.ok(ok, "the command applies");
  assert.notEqual(next, state, "the command changed the state (the structure guard let it through)");
  return next;
}

function undone(state: EditorState): EditorState {
  let next = state;
  undo(state, (tr) => (next = state.apply(tr)));
  return next;
}

/** Tags `text` in a side of a segment with a theme mark. */
function tag(state: EditorState, passage: number, index: number, side: Side, text: string, id: string): EditorState {
  const pos = segPos(state, passage, index);
  const seg = state.doc.child(passage).child(index);
  const from = sideStart(pos, seg, side) + sideText(seg, side).indexOf(text);
  return state.apply(state.tr.addMark(from, from + text.length, schema.marks.theme.create({ code: "space", id, note: "" })));
}

function tagged(state: EditorState, id: string): string[] {
  const out: string[] = [];
  state.doc.descendants((n) => {
    if (n.isText && n.marks.some((m) => m.attrs.id === id)) out.push(n.text!);
    return true;
  });
  return out;
}

test("merge with next joins both sides, keeps the first id, joins notes, keeps marks; undo restores", () => {
  let s = stateOf([{ segments: [{ ko: k0, en: e0, id: "sA", note: "first" }, { ko: k1, en: e1, id: "sB", note: "second" }, { ko: k2, en: `${e2} ${e3}` }] }]);
  s = tag(s, 0, 1, "ko", "기자회견", "t1");
  const before = s.doc;
  s = run(at(s, 0, 0, "ko", 3), mergeWithNext);
  const [m] = segs(s);
  assert.equal(segs(s).length, 2);
  assert.equal(sideText(m, "ko"), `${k0} ${k1}`);
  assert.equal(sideText(m, "en"), `${e0} ${e1}`);
  assert.equal(segmentAttrs(m).id, "sA");
  assert.equal(segmentAttrs(m).note, "first\nsecond");
  assert.equal(segmentAttrs(m).confidence, null);
  assert.deepEqual(tagged(s, "t1"), ["기자회견"]);
  assert.ok(undone(s).doc.eq(before));
  // The last segment of a passage has no next one.
  assert.equal(mergeWithNext(at(s, 0, 1, "ko"), () => {}), false);
});

test("split at the cursor in Korean: the rest moves below, the English is cut at the nearest sentence boundary", () => {
  let s = stateOf([{ segments: [{ ko: `${k0} ${k1}`, en: `${e0} ${e1}`, id: "sA", note: "keep me", confirmed: true }] }]);
  s = tag(s, 0, 0, "en", "press conference", "t2");
  const before = s.doc;
  s = run(at(s, 0, 0, "ko", k1), splitSegment);
  const [a, b] = segs(s);
  assert.equal(segs(s).length, 2);
  assert.deepEqual([sideText(a, "ko"), sideText(a, "en")], [k0, e0]);
  assert.deepEqual([sideText(b, "ko"), sideText(b, "en")], [k1, e1]);
  assert.equal(segmentAttrs(a).id, "sA");
  assert.equal(segmentAttrs(a).note, "keep me");
  assert.ok(segmentAttrs(b).id && segmentAttrs(b).id !== "sA");
  assert.equal(segmentAttrs(a).confirmed, false, "a re-cut segment needs confirming again");
  assert.deepEqual(tagged(s, "t2"), ["press conference"]);
  // The cursor is at the start of the new segment's Korean.
  assert.equal(s.selection.$head.parent.textContent, k1);
  assert.equal(s.selection.$head.parentOffset, 0);
  assert.ok(undone(s).doc.eq(before));
});

test("split in English with a one-sentence Korean side leaves the Korean whole and the new Korean empty", () => {
  let s = stateOf([{ segments: [{ ko: k2, en: `${e2} ${e3}` }] }]);
  s = run(at(s, 0, 0, "en", e3), splitSegment);
  const [a, b] = segs(s);
  assert.deepEqual([sideText(a, "ko"), sideText(a, "en")], [k2, e2]);
  assert.deepEqual([sideText(b, "ko"), sideText(b, "en")], ["", e3]);
});

test("move the first sentence up and the last sentence down, with its marks", () => {
  let s = stateOf([{ segments: [{ ko: k0, en: e0, id: "sA" }, { ko: `${k1} ${k2}`, en: `${e1} ${e2}`, id: "sB" }, { ko: k3, en: e4, id: "sC" }] }]);
  s = tag(s, 0, 1, "ko", "공동성명서", "t3");
  const before = s.doc;
  s = run(at(s, 0, 1, "ko", k2), moveSentence(-1));
  let list = segs(s);
  assert.equal(sideText(list[0], "ko"), `${k0} ${k1}`);
  assert.equal(sideText(list[1], "ko"), k2);
  assert.equal(sideText(list[1], "en"), `${e1} ${e2}`, "the other side does not move");
  assert.deepEqual(list.map((x) => segmentAttrs(x).id), ["sA", "sB", "sC"]);
  assert.deepEqual(tagged(s, "t3"), ["공동성명서"]);
  // English: the last sentence of sB down into sC.
  s = run(at(s, 0, 1, "en", 0), moveSentence(1));
  list = segs(s);
  assert.equal(sideText(list[1], "en"), e1);
  assert.equal(sideText(list[2], "en"), `${e2} ${e4}`);
  assert.ok(undone(undone(s)).doc.eq(before));
});

test("moving the only sentence out of a segment with an empty other side removes it, keeping its note", () => {
  let s = stateOf([{ segments: [{ ko: k0, en: e0, id: "sA" }, { ko: k1, en: "", id: "sB", note: "odd one" }] }]);
  s = run(at(s, 0, 1, "ko", 0), moveSentence(-1));
  const list = segs(s);
  assert.equal(list.length, 1);
  assert.equal(sideText(list[0], "ko"), `${k0} ${k1}`);
  assert.equal(segmentAttrs(list[0]).note, "odd one");
});

test("insert an empty segment below, with a fresh id and the cursor in it", () => {
  let s = stateOf([{ segments: [{ ko: k0, en: e0, id: "sA" }, { ko: k1, en: e1, id: "sB" }] }]);
  s = run(at(s, 0, 0, "en", 2), insertSegment);
  const list = segs(s);
  assert.equal(list.length, 3);
  assert.equal(list[1].textContent, "");
  assert.ok(!["sA", "sB", ""].includes(segmentAttrs(list[1]).id));
  assert.equal(s.selection.$head.parent.type.name, "en");
  assert.equal(s.selection.$head.before(2), segPos(s, 0, 1));
});

test("confirm toggles; confirm above confirms everything up to the cursor; jumps find what is left", () => {
  let s = stateOf([
    { segments: [{ ko: k0, en: e0, confidence: 0.99 }, { ko: k1, en: e1, confidence: 0.3 }] },
    { segments: [{ ko: k2, en: e2, confidence: 0.95 }, { ko: k3, en: e4, confidence: 0.4 }] },
  ]);
  s = run(at(s, 0, 0, "ko"), toggleConfirmed);
  assert.equal(segmentAttrs(segs(s)[0]).confirmed, true);
  s = run(s, toggleConfirmed);
  assert.equal(segmentAttrs(segs(s)[0]).confirmed, false);
  // Next low-confidence from the first segment: 0.3, then 0.4, then round again.
  s = run(s, nextLowConfidence);
  assert.equal(s.selection.$head.before(2), segPos(s, 0, 1));
  s = run(s, nextLowConfidence);
  assert.equal(s.selection.$head.before(2), segPos(s, 1, 1));
  s = run(at(s, 1, 0, "ko"), confirmAbove);
  const flags = [...segs(s, 0), ...segs(s, 1)].map((x) => segmentAttrs(x).confirmed);
  assert.deepEqual(flags, [true, true, true, false]);
  // Confirmed segments are no longer low-confidence work, and the only unconfirmed one is next.
  s = run(at(s, 0, 0, "ko"), nextUnconfirmed);
  assert.equal(s.selection.$head.before(2), segPos(s, 1, 1));
  assert.equal(nextLowConfidence(s), false, "only itself is left: nowhere to go");
});

test("re-align the passage at the cursor: unconfirmed text is re-cut, confirmed segments stay; undo restores", () => {
  let s = stateOf([
    { segments: [{ ko: k0, en: e0, confirmed: true, id: "sA" }, { ko: `${k1} ${k2} ${k3}`, en: `${e1} ${e2} ${e3} ${e4}`, id: "sB", note: "n" }] },
    { segments: [{ ko: gold.ko[1].join(" "), en: gold.en[1].join(" "), id: "sP" }] },
  ]);
  s = tag(s, 0, 1, "en", "Kim Jong Un", "t4");
  const before = s.doc;
  s = run(at(s, 0, 1, "ko", 5), realignPassage);
  const list = segs(s);
  assert.ok(list[0].eq(before.child(0).child(0)), "the confirmed segment is untouched");
  assert.deepEqual(
    list.slice(1).map((x) => [sideText(x, "ko"), sideText(x, "en")]),
    [
      [k1, e1],
      [k2, `${e2} ${e3}`],
      [k3, e4],
    ],
  );
  assert.equal(segmentAttrs(list[1]).id, "sB");
  assert.equal(segmentAttrs(list[1]).note, "n");
  assert.deepEqual(tagged(s, "t4"), ["Kim Jong Un"]);
  assert.ok(s.doc.child(1).eq(before.child(1)), "other passages are left alone");
  assert.ok(undone(s).doc.eq(before));
});

test("re-aligning a passage uses the pairs learned from the analyst's memory: an untranslated sentence is found, not paired with the next one's English", () => {
  const { ko, en } = OMISSION_PASSAGE;
  // As the window keeps them (localStorage "dari.learnedLexicon"), read back through the same validation.
  const stored = JSON.parse(
    JSON.stringify(
      OMISSION_PASSAGE.pairs.map(([k, e]) => ({ ko: k, en: e, dice: 0.9, count: 12 })),
    ),
  );
  const learned = learnedLexicon(readLearnedPairs(stored));
  const s = stateOf([{ segments: [{ ko: ko.join(" "), en: en.join(" "), id: "s1" }] }]);
  const pairs = (state: EditorState) => segs(state).map((x) => [sideText(x, "ko"), sideText(x, "en")]);
  const without = pairs(run(at(s, 0, 0, "ko", 3), realignPassage));
  const withPairs = pairs(run(at(s, 0, 0, "ko", 3), realignPassageWith(() => learned)));
  assert.deepEqual(withPairs, [
    [ko[0], en[0]],
    [ko[1], ""],
    [ko[2], en[1]],
    [ko[3], en[2]],
  ]);
  assert.notDeepEqual(without, withPairs, "without the learned pairs the lengths alone pair the puppy with the grandmother");
  assert.deepEqual(without[1], [ko[1], en[1]]);
});

test("commands refuse what makes no sense, and confirm works on a selection of segments", () => {
  let s = stateOf([{ segments: [{ ko: k0, en: e0 }, { ko: k1, en: e1 }] }, { segments: [{ ko: k2, en: e2 }] }]);
  assert.equal(moveSentence(-1)(at(s, 0, 0, "ko", 3)), false, "the first segment of a passage has no previous one");
  assert.equal(moveSentence(1)(at(s, 0, 1, "ko", 3)), false, "sentences do not cross passages");
  assert.equal(splitSegment(at(s, 0, 0, "ko", 0)), false, "nothing before the cursor");
  assert.equal(splitSegment(at(s, 0, 0, "ko", k0.length)), false, "nothing after the cursor");
  assert.equal(mergeWithNext(at(s, 1, 0, "ko")), false, "segments do not merge across passages");
  // A selection from the first segment into the third confirms all three.
  const from = sideStart(segPos(s, 0, 0), s.doc.child(0).child(0), "ko") + 2;
  const to = sideStart(segPos(s, 1, 0), s.doc.child(1).child(0), "en") + 2;
  s = s.apply(s.tr.setSelection(TextSelection.create(s.doc, from, to)));
  s = run(s, toggleConfirmed);
  const all = [...segs(s, 0), ...segs(s, 1)];
  assert.ok(all.every((x) => segmentAttrs(x).confirmed));
  assert.equal(realignPassage(at(s, 0, 0, "ko")), false, "a passage with every segment confirmed has nothing to re-align");
});

test("a QA finding the analyst ignored stays ignored when its segment is split or merged, and undo puts the list back", () => {
  // The second sentence's year is missing from the English: a finding the analyst chose to ignore.
  const ko = "정상회담이 열렸다. 2019년의 방문과는 달랐다.";
  const en = "The summit took place. It was unlike the earlier visit.";
  let state = stateOf([{ segments: [{ ko, en }] }]);
  const [finding] = checkSegment(ko, en).filter((f) => Object.values(f.params).includes("2019"));
  assert.ok(finding, "the missing year is a finding");
  const id = segmentAttrs(segs(state)[0]).id;
  state = state.apply(updateProjectData(state, state.tr, { qaIgnored: [ignoredEntry(id, finding)] }));
  /** The findings of a segment the analyst has not set aside. */
  const shown = (s: EditorState, seg: PMNode) => checkSegment(sideText(seg, "ko"), sideText(seg, "en")).filter((f) => !new IgnoredFindings(projectData(s).qaIgnored).has(segmentAttrs(seg).id, f));

  // Split before the second sentence: the finding goes with it into a new segment, still ignored.
  const split = run(at(state, 0, 0, "ko", "2019"), splitSegment);
  const [first, second] = segs(split);
  assert.equal(sideText(second, "ko"), "2019년의 방문과는 달랐다.");
  assert.deepEqual(shown(split, second), [], "still ignored after the split");
  assert.notEqual(segmentAttrs(first).id, segmentAttrs(second).id);

  // Merged back: the finding is in the merged segment, still ignored.
  const merged = run(at(split, 0, 0, "ko", 0), mergeWithNext);
  const [whole] = segs(merged);
  assert.deepEqual(shown(merged, whole), [], "still ignored after the merge");

  // Undo takes the list back with the text.
  assert.deepEqual(projectData(undone(undone(merged))).qaIgnored, projectData(state).qaIgnored);
});
