import { test } from "node:test";
import assert from "node:assert/strict";
import { AllSelection, EditorState, TextSelection, type Transaction } from "prosemirror-state";
import { buildDoc, emptyMeta } from "../document/index";
import { createProjectState } from "../project-state";
import { segmentAt } from "../document/segments";
import { applyTheme } from "../commands/themes";
import { defaultCodebook } from "./default-codebook";
import { runCommand, phraseStart, selectPhrase } from "../../test/support";
import { nextMeeting, nextThemeRange, stepThemeRange, stepToMeeting, themeRanges, THEME_STEP_META, type ThemeStop } from "./stepping";

// Four segments over three passages. Themes: space on both sides of 0 and 2,
// arms on the whole of 1 and on 정상회담 in 2, diplomacy on 러시아 in 0,
// summit in 2 and the whole of 3. Space and diplomacy meet in 0 and 2.
const SEGMENTS = [
  { ko: "러시아 우주기지를 방문했다.", en: "He visited the Russian cosmodrome." },
  { ko: "무기 거래가 논의되었다.", en: "An arms deal was discussed." },
  { ko: "정상회담에서 위성 협력이 합의되었다.", en: "Satellite cooperation was agreed at the summit." },
  { ko: "외교 관계", en: "Diplomatic ties" },
];

/** The cursor `offset` characters into a phrase. */
function cursor(s: EditorState, phrase: string, offset = 0): EditorState {
  const at = phraseStart(s, phrase) + offset;
  return s.apply(s.tr.setSelection(TextSelection.create(s.doc, at)));
}

function tagged(): EditorState {
  const doc = buildDoc([{ segments: SEGMENTS.slice(0, 2) }, { segments: [SEGMENTS[2]] }, { segments: [SEGMENTS[3]] }]);
  let s = createProjectState({ meta: emptyMeta(), codebook: defaultCodebook(), glossary: [], doc });
  const tag = (code: string, phrase: string | null, inSegment?: string) => {
    s = phrase ? selectPhrase(s, phrase) : cursor(s, inSegment!);
    s = runCommand(s, applyTheme(code));
  };
  tag("space", "우주기지");
  tag("space", "cosmodrome");
  tag("space", "위성 협력");
  tag("space", "Satellite cooperation");
  tag("arms", null, "무기 거래");
  tag("arms", "정상회담");
  tag("diplomacy", "러시아");
  tag("diplomacy", "summit");
  tag("diplomacy", null, "외교 관계");
  return cursor(s, "러시아");
}

const text = (s: EditorState, r: { from: number; to: number }) => s.doc.textBetween(r.from, r.to);
const segmentIndex = (s: EditorState, pos: number) => SEGMENTS.findIndex((g) => g.ko === segmentAt(s.doc, pos)!.node.child(0).textContent);

test("a theme's ranges are its stops in document order, the Korean side of a segment before the English", () => {
  const s = tagged();
  assert.deepEqual(themeRanges(s, "space").map((r) => [text(s, r), r.side]), [
    ["우주기지", "ko"], ["cosmodrome", "en"], ["위성 협력", "ko"], ["Satellite cooperation", "en"],
  ]);
  assert.deepEqual(themeRanges(s, "arms").map((r) => text(s, r)), ["무기 거래가 논의되었다.", "An arms deal was discussed.", "정상회담"]);
});

test("stepping forward from the cursor goes through every range of a theme in both languages and wraps to the first", () => {
  let s = cursor(tagged(), "러시아");
  const seen: string[] = [];
  for (let i = 0; i < 5; i++) {
    s = runCommand(s, stepThemeRange("space", 1));
    seen.push(text(s, s.selection));
  }
  assert.deepEqual(seen, ["우주기지", "cosmodrome", "위성 협력", "Satellite cooperation", "우주기지"]);
});

test("stepping back from the top wraps to the last range, then walks back through the English and Korean sides", () => {
  let s = cursor(tagged(), "러시아");
  const seen: string[] = [];
  for (let i = 0; i < 4; i++) {
    s = runCommand(s, stepThemeRange("space", -1));
    seen.push(text(s, s.selection));
  }
  assert.deepEqual(seen, ["Satellite cooperation", "위성 협력", "cosmodrome", "우주기지"]);
});

test("a step starts from where the analyst put the cursor, not from the last step", () => {
  let s = runCommand(cursor(tagged(), "러시아"), stepThemeRange("space", 1));
  assert.equal(text(s, s.selection), "우주기지");
  // The analyst clicks into segment 2's English side, after "Satellite cooperation".
  s = cursor(s, "was agreed");
  assert.equal(text(s, nextThemeRange(s, "space", -1)!), "Satellite cooperation");
  assert.equal(text(s, nextThemeRange(s, "space", 1)!), "우주기지", "past the last range it wraps");
  // In the untagged segment 1: back to the English of segment 0, on to the Korean of segment 2.
  s = cursor(s, "무기 거래");
  assert.equal(text(s, nextThemeRange(s, "space", -1)!), "cosmodrome");
  assert.equal(text(s, nextThemeRange(s, "space", 1)!), "위성 협력");
});

test("a cursor at the start of a range steps onto it, and a cursor inside one steps back onto it", () => {
  const s = tagged();
  assert.equal(text(s, nextThemeRange(cursor(s, "cosmodrome"), "space", 1)!), "cosmodrome");
  assert.equal(text(s, nextThemeRange(cursor(s, "cosmodrome", 4), "space", -1)!), "cosmodrome");
  assert.equal(text(s, nextThemeRange(cursor(s, "cosmodrome", 4), "space", 1)!), "위성 협력");
  // A selection that is not a range steps from its start.
  assert.equal(text(s, nextThemeRange(selectPhrase(s, "visited the Russian"), "space", 1)!), "cosmodrome");
});

test("a step tells which stop it is of how many, selects the range and scrolls to it", () => {
  const s = cursor(tagged(), "무기 거래");
  let tr: Transaction | undefined;
  assert.ok(stepThemeRange("space", 1)(s, (t) => (tr = t)));
  const stop = tr!.getMeta(THEME_STEP_META) as ThemeStop;
  assert.deepEqual([stop.index, stop.total, stop.side], [2, 4, "ko"]);
  assert.deepEqual([tr!.selection.from, tr!.selection.to], [stop.from, stop.to]);
  assert.ok(tr!.scrolledIntoView);
  assert.equal(tr!.docChanged, false);
});

test("the same text tagged twice with one theme is one stop", () => {
  let s = selectPhrase(tagged(), "cosmodrome");
  s = runCommand(s, applyTheme("space"));
  assert.equal(themeRanges(s, "space").length, 4);
  s = runCommand(cursor(s, "visited"), stepThemeRange("space", 1));
  s = runCommand(s, stepThemeRange("space", 1));
  assert.equal(text(s, s.selection), "위성 협력", "the second tag on cosmodrome is not a stop of its own");
});

test("a theme that tags nothing has no stop, and its step does nothing", () => {
  const s = tagged();
  assert.equal(nextThemeRange(s, "economy", 1), null);
  let called = false;
  assert.equal(stepThemeRange("economy", 1)(s, () => (called = true)), false);
  assert.equal(called, false);
});

test("the heat map steps to the next segment where two themes meet, from the segment of the selection, wrapping", () => {
  const s = tagged();
  const meetingOf = (st: EditorState, a: string, b: string, dir: 1 | -1 = 1) => segmentIndex(st, nextMeeting(st, a, b, dir)!.segmentPos + 2);
  const meeting = (st: EditorState, dir: 1 | -1 = 1) => meetingOf(st, "space", "diplomacy", dir);
  assert.equal(meeting(cursor(s, "러시아")), 2, "the segment of the cursor is where we are, not the next stop");
  assert.equal(meeting(cursor(s, "무기 거래")), 2);
  assert.equal(meeting(cursor(s, "외교 관계")), 0, "wraps");
  assert.equal(meeting(cursor(s, "Diplomatic ties"), -1), 2);
  assert.equal(meeting(cursor(s, "무기 거래"), -1), 0);
  assert.equal(meeting(cursor(s, "러시아"), -1), 2, "wraps back");
  // Everything selected: from the top.
  assert.equal(segmentIndex(s, nextMeeting(s.apply(s.tr.setSelection(new AllSelection(s.doc))), "space", "diplomacy")!.segmentPos + 2), 0);
  // A theme with itself: the segments where it is tagged; a single meeting is every stop; themes that never meet: none.
  assert.equal(nextMeeting(cursor(s, "러시아"), "arms", "arms")!.total, 2);
  assert.equal(meetingOf(cursor(s, "정상회담"), "arms", "diplomacy"), 2);
  assert.equal(nextMeeting(s, "space", "economy"), null);
  assert.equal(stepToMeeting("space", "economy")(s, () => assert.fail("nothing to step to")), false);
});

test("stepping through the heat map continues from its own last stop until the analyst moves, then from the new place", () => {
  let s = cursor(tagged(), "러시아");
  const step = () => {
    s = runCommand(s, stepToMeeting("space", "diplomacy"));
    assert.ok(s.selection.empty);
    assert.equal(s.selection.$from.parent.type.name, "ko");
    assert.equal(s.selection.$from.parentOffset, 0, "at the start of the Korean side");
    return segmentIndex(s, s.selection.from);
  };
  assert.deepEqual([step(), step(), step()], [2, 0, 2]);
  s = cursor(s, "무기 거래");
  assert.equal(step(), 2);
  s = cursor(s, "외교 관계");
  assert.equal(step(), 0);
});
