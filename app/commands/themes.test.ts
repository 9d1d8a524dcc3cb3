import { test } from "node:test";
import assert from "node:assert/strict";
import { EditorState, TextSelection, type Command } from "prosemirror-state";
import { history, undo } from "prosemirror-history";
import { docFromParagraphs, splitParagraphs, emptyMeta, parseProject, serializeProject } from "../document/index";
import { createProjectState, projectData, projectFromState } from "../project-state";
import { defaultCodebook } from "../themes/default-codebook";
import { allAnnotations, forEachSegment } from "../themes/annotations";
import { themeStats, cooccurrence, oneSidedSegments, segmentsWithThemes } from "../themes/stats";
import { sideText } from "../schema";
import {
  applyTheme, removeAnnotation, setAnnotationNote, copyTagsToCounterpart, copyTagsKey, annotationsAt, type CopyTagsReport,
  addCodeCommand, updateCodeCommand, deleteCodeCommand, nestCodeCommand, moveCodeCommand, countAnnotations,
} from "./themes";
import { makeCode } from "../themes/codebook-ops";
import { corpus } from "../../test/support";


function corpusState(): EditorState {
  const ko = splitParagraphs(corpus("commentary.ko.txt"));
  const en = splitParagraphs(corpus("commentary.en.txt"));
  return createProjectState({ meta: emptyMeta("북러"), codebook: defaultCodebook(), glossary: [], doc: docFromParagraphs(ko, en) }, [history()]);
}

function run(state: EditorState, cmd: Command): EditorState {
  let next = state;
  assert.ok(cmd(state, (tr) => (next = state.apply(tr))), "command applies");
  return next;
}

/** Selects the n-th occurrence of a phrase in the document. */
function select(state: EditorState, phrase: string, nth = 0): EditorState {
  let found = -1;
  let seen = 0;
  state.doc.descendants((n, pos) => {
    if (found >= 0) return false;
    if (!n.isTextblock) return true;
    const text = n.textContent;
    for (let i = text.indexOf(phrase); i >= 0; i = text.indexOf(phrase, i + 1)) {
      if (seen++ === nth) {
        found = pos + 1 + i;
        break;
      }
    }
    return false;
  });
  assert.ok(found >= 0, `phrase ${phrase}`);
  return state.apply(state.tr.setSelection(TextSelection.create(state.doc, found, found + phrase.length)));
}

function textOf(state: EditorState, id: string): string[] {
  return allAnnotations(state.doc).filter((r) => r.id === id).map((r) => state.doc.textBetween(r.from, r.to));
}

test("a selection is tagged; overlapping themes are separate annotations with their own ids", () => {
  let s = select(corpusState(), "보스토치니 우주기지");
  s = run(s, applyTheme("space", "a1"));
  s = select(s, "러시아 보스토치니");
  s = run(s, applyTheme("diplomacy", "a2"));
  s = run(s, applyTheme("space", "a3")); // the same theme twice is two annotations
  assert.deepEqual(textOf(s, "a1"), ["보스토치니 우주기지"]);
  assert.deepEqual(textOf(s, "a2"), ["러시아 보스토치니"]);
  const overlap = annotationsAt(s, s.selection.to - 1).map((r) => r.id).sort();
  assert.deepEqual(overlap, ["a1", "a2", "a3"]);
  // Removing one annotation leaves the others, even of the same theme.
  s = run(s, removeAnnotation("a3", s.selection.from));
  assert.deepEqual(textOf(s, "a1"), ["보스토치니 우주기지"]);
  assert.deepEqual(textOf(s, "a2"), ["러시아 보스토치니"]);
  assert.deepEqual(textOf(s, "a3"), []);
  // Unknown themes are refused.
  assert.equal(applyTheme("nope")(s), false);
});

test("with an empty selection the theme tags the whole segment on both sides under one id", () => {
  let s = corpusState();
  const second = s.doc.child(1).firstChild!;
  const pos = 1 + s.doc.child(0).nodeSize + 1 + 5; // inside the Korean side of paragraph 2
  s = s.apply(s.tr.setSelection(TextSelection.create(s.doc, pos)));
  s = run(s, applyTheme("space", "whole"));
  const ranges = allAnnotations(s.doc).filter((r) => r.id === "whole");
  assert.deepEqual(ranges.map((r) => r.side), ["ko", "en"]);
  assert.deepEqual(ranges.map((r) => s.doc.textBetween(r.from, r.to)), [sideText(second, "ko"), sideText(second, "en")]);
  // One annotation: removing it removes both ranges.
  s = run(s, removeAnnotation("whole"));
  assert.equal(allAnnotations(s.doc).length, 0);
});

test("a memo is set on an annotation, saved in the file, and undone", () => {
  let s = select(corpusState(), "군사기술 협력");
  s = run(s, applyTheme("mil-tech", "m1"));
  s = run(s, setAnnotationNote("m1", "푸틴 발언과 연결", s.selection.from));
  assert.equal(allAnnotations(s.doc).find((r) => r.id === "m1")!.note, "푸틴 발언과 연결");
  const back = parseProject(serializeProject(projectFromState(s)));
  assert.equal(allAnnotations(back.doc).find((r) => r.id === "m1")!.note, "푸틴 발언과 연결");
  s = run(s, undo);
  assert.equal(allAnnotations(s.doc).find((r) => r.id === "m1")!.note, "");
});

test("copying the tags of one side tags the aligned phrases, a new annotation per theme, and the one-sided filter empties", () => {
  let s = select(corpusState(), "우주개발, 특히");
  s = run(s, applyTheme("space", "k1"));
  s = select(s, "우주군사화");
  s = run(s, applyTheme("mil-tech", "k2"));
  let one = oneSidedSegments(s.doc);
  assert.deepEqual(one.map((o) => [o.code, o.side]), [["space", "ko"], ["mil-tech", "ko"]]);
  assert.deepEqual(oneSidedSegments(s.doc, "mil-tech").length, 1);
  let report: CopyTagsReport | undefined;
  assert.ok(copyTagsToCounterpart("ko")(s, (tr) => {
    report = tr.getMeta(copyTagsKey);
    s = s.apply(tr);
  }));
  assert.deepEqual(report, { phrases: 2, wholeSides: 0 });
  const en = allAnnotations(s.doc).filter((r) => r.side === "en");
  assert.deepEqual(en.map((r) => [r.code, s.doc.textBetween(r.from, r.to)]), [["space", "space development"], ["mil-tech", "militarization of space"]]);
  for (const r of en) assert.ok(!["k1", "k2"].includes(r.id));
  one = oneSidedSegments(s.doc);
  assert.equal(one.length, 0);
  // Nothing left to copy.
  assert.equal(copyTagsToCounterpart("ko")(s), false);
});

test("where no anchor finds the phrase, the copy tags the whole other side and its report says so; the learned lexicon is asked", () => {
  let s = select(corpusState(), "전 세계의 이목");
  s = run(s, applyTheme("diplomacy", "w1"));
  let report: CopyTagsReport | undefined;
  assert.ok(copyTagsToCounterpart("ko")(s, (tr) => {
    report = tr.getMeta(copyTagsKey);
    s = s.apply(tr);
  }));
  assert.deepEqual(report, { phrases: 0, wholeSides: 1 });
  const en = allAnnotations(s.doc).find((r) => r.side === "en")!;
  assert.equal(s.doc.textBetween(en.from, en.to), sideText(s.doc.nodeAt(en.segmentPos)!, "en"));

  // The same phrase with a learned pair for 이목 ~ attention.
  s = select(corpusState(), "전 세계의 이목");
  s = run(s, applyTheme("diplomacy", "w2"));
  s = run(s, copyTagsToCounterpart("ko", { learned: () => [{ id: "attention", ko: ["이목"], en: ["attention"] }] }));
  const learned = allAnnotations(s.doc).find((r) => r.side === "en")!;
  assert.equal(s.doc.textBetween(learned.from, learned.to), "attention");
});

test("per-theme statistics count annotations and segments per language; co-occurrence counts shared segments", () => {
  let s = select(corpusState(), "우주 분야의 협력");
  s = run(s, applyTheme("space", "x1"));
  s = select(s, "cooperation in space");
  s = run(s, applyTheme("space", "x2"));
  s = select(s, "북한이 우주개발");
  s = run(s, applyTheme("space", "x3"));
  s = select(s, "안보 위협");
  s = run(s, applyTheme("sanctions", "x4"));
  s = select(s, "무기 거래");
  s = run(s, applyTheme("arms", "x5"));
  const stats = themeStats(s.doc, projectData(s).codebook);
  const space = stats.find((t) => t.code === "space")!;
  assert.deepEqual(space.annotations, { ko: 2, en: 1, total: 3 });
  assert.deepEqual(space.segments, { ko: 1, en: 1, any: 1 });
  assert.deepEqual(stats.find((t) => t.code === "arms")!.segments, { ko: 1, en: 0, any: 1 });
  assert.deepEqual(stats.find((t) => t.code === "diplomacy")!.annotations, { ko: 0, en: 0, total: 0 });
  const codes = ["space", "sanctions", "arms"];
  assert.deepEqual(cooccurrence(s.doc, codes), [
    [1, 1, 0],
    [1, 1, 0],
    [0, 0, 1],
  ]);
  const withArms = segmentsWithThemes(s.doc, ["arms"]);
  assert.equal(withArms.length, 1);
  assert.match(sideText(s.doc.nodeAt(withArms[0])!, "ko"), /조용히 무기 거래를/);
});

test("codebook edits are undoable transactions; deleting a code removes its tags or moves them", () => {
  let s = corpusState();
  const energy = makeCode(projectData(s).codebook, { ko: "에너지", en: "Energy" });
  s = run(s, addCodeCommand(energy));
  s = run(s, updateCodeCommand(energy.id, { label: { ko: "에너지 협력" }, color: "#123456" }));
  s = run(s, nestCodeCommand(energy.id, "economy"));
  s = run(s, moveCodeCommand(energy.id, 0));
  assert.deepEqual(projectData(s).codebook[0], { ...energy, label: { ko: "에너지 협력", en: "Energy" }, color: "#123456", parent: "economy" });
  s = run(s, undo);
  s = run(s, undo);
  assert.equal(projectData(s).codebook.find((c) => c.id === energy.id)!.parent, null);

  s = select(s, "무기 거래");
  s = run(s, applyTheme("arms", "d1"));
  s = select(s, "무기거래", 1);
  s = run(s, applyTheme("arms", "d2"));
  assert.equal(countAnnotations(s.doc, "arms"), 2);
  // Moving the tags keeps each annotation's id and memo.
  const moved = run(s, deleteCodeCommand("arms", { action: "move", to: "mil-tech" }));
  assert.ok(!projectData(moved).codebook.some((c) => c.id === "arms"));
  assert.deepEqual(allAnnotations(moved.doc).map((r) => [r.id, r.code]), [["d1", "mil-tech"], ["d2", "mil-tech"]]);
  const removed = run(s, deleteCodeCommand("arms", { action: "remove" }));
  assert.equal(allAnnotations(removed.doc).length, 0);
  // Undo brings back the code and its tags together.
  const restored = run(removed, undo);
  assert.ok(projectData(restored).codebook.some((c) => c.id === "arms"));
  assert.equal(countAnnotations(restored.doc, "arms"), 2);
  let n = 0;
  forEachSegment(restored.doc, () => n++);
  assert.equal(n, 12);
});
