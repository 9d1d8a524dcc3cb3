import { test } from "node:test";
import assert from "node:assert/strict";
import { EditorState, TextSelection, type Command } from "prosemirror-state";
import { history, undo } from "prosemirror-history";
import { buildDoc } from "../document/build";
import { sideText } from "../schema";
import { structureGuard } from "./structure";
import { segments, setStatus, markTranslatedAndNext, insertGlossaryTerm, insertMatch, insertRomanization, insertOnEnglish, autoDraftPlugin, englishEnd } from "./status";
import { GlossaryMatcher } from "../translate/glossary";
import { defaultGlossary } from "../translate/default-glossary";

function state(): EditorState {
  const doc = buildDoc([
    {
      segments: [
        { ko: "신냉전 구도가 펼쳐지고 있다.", en: "A new Cold War is unfolding.", status: "translated" },
        { ko: "북러는 6자 회담에 참여했다.", en: "", status: "new" },
      ],
    },
    {
      segments: [
        { ko: "저자: 강윤희", en: "Author:", status: "draft" },
        { ko: "보스토치니 우주기지에서", en: "At the", status: "reviewed" },
      ],
    },
  ]);
  return EditorState.create({ doc, plugins: [history(), structureGuard(), autoDraftPlugin()] });
}

function run(s: EditorState, cmd: Command): EditorState {
  let next = s;
  assert.ok(cmd(s, (tr) => (next = s.apply(tr))), "command refused");
  return next;
}

const statuses = (s: EditorState) => segments(s.doc).map((x) => x.node.attrs.status);
const inSegment = (s: EditorState, i: number, side: "ko" | "en" = "en") => {
  const seg = segments(s.doc)[i];
  const pos = side === "en" ? englishEnd(seg.node, seg.pos) : seg.pos + 2;
  return s.apply(s.tr.setSelection(TextSelection.create(s.doc, pos)));
};
const segmentIndexOfCursor = (s: EditorState) => segments(s.doc).findIndex((x) => x.pos < s.selection.from && s.selection.from < x.pos + x.node.nodeSize);

test("Mod-Enter marks translated and jumps to the next untranslated segment", () => {
  let s = inSegment(state(), 1);
  s = run(s, insertOnEnglish("North Korea and Russia took part in the Six-Party Talks."));
  assert.equal(statuses(s)[1], "draft", "typing English makes a new segment a draft");
  s = run(s, markTranslatedAndNext);
  assert.deepEqual(statuses(s), ["translated", "translated", "draft", "reviewed"]);
  assert.equal(segmentIndexOfCursor(s), 2);
  assert.equal(s.selection.$from.parent.type.name, "en");
  // Again: segment 2 done, and there is no untranslated segment left: the cursor stays.
  s = run(s, markTranslatedAndNext);
  assert.deepEqual(statuses(s), ["translated", "translated", "translated", "reviewed"]);
  assert.equal(segmentIndexOfCursor(s), 2);
  // A reviewed segment stays reviewed.
  s = run(inSegment(s, 3), markTranslatedAndNext);
  assert.equal(statuses(s)[3], "reviewed");
  // Undo restores the status.
  assert.ok(undo(s, (tr) => (s = s.apply(tr))));
  assert.ok(undo(s, (tr) => (s = s.apply(tr))));
  assert.equal(statuses(s)[2], "draft");
});

test("set status applies to every segment in the selection", () => {
  let s = state();
  const segs = segments(s.doc);
  s = s.apply(s.tr.setSelection(TextSelection.create(s.doc, segs[0].pos + 2, englishEnd(segs[2].node, segs[2].pos))));
  s = run(s, setStatus("reviewed"));
  assert.deepEqual(statuses(s), ["reviewed", "reviewed", "reviewed", "reviewed"]);
  assert.equal(setStatus("reviewed")(s), false);
});

test("glossary insert puts the missing term's English at the cursor on the English side", () => {
  const m = new GlossaryMatcher(defaultGlossary());
  let s = inSegment(state(), 1);
  s = run(s, insertGlossaryTerm(m));
  assert.equal(sideText(segments(s.doc)[1].node, "en"), "North Korea–Russia");
  s = run(s, insertGlossaryTerm(m));
  assert.equal(sideText(segments(s.doc)[1].node, "en"), "North Korea–Russia Six-Party Talks");
  assert.equal(insertGlossaryTerm(m)(s), false, "no term left to insert");
  // From the Korean side the term goes to the end of the English.
  s = run(inSegment(state(), 3, "ko"), insertGlossaryTerm(m, 0));
  assert.equal(sideText(segments(s.doc)[3].node, "en"), "At the Vostochny Cosmodrome");
});

test("memory match insert replaces the English in one undo step", () => {
  let s = inSegment(state(), 2);
  const before = s.doc;
  s = run(s, insertMatch("Author: Kang Yun-hee, Professor"));
  assert.equal(sideText(segments(s.doc)[2].node, "en"), "Author: Kang Yun-hee, Professor");
  assert.ok(undo(s, (tr) => (s = s.apply(tr))));
  assert.ok(s.doc.eq(before));
});

test("romanize: the selected Korean name is inserted on the English side", () => {
  let s = state();
  const seg = segments(s.doc)[2];
  const from = seg.pos + 2 + "저자: ".length;
  s = s.apply(s.tr.setSelection(TextSelection.create(s.doc, from, from + 3)));
  s = run(s, insertRomanization);
  assert.equal(sideText(segments(s.doc)[2].node, "en"), "Author: Gang Yun-hui");
  const place = segments(s.doc)[3];
  s = s.apply(s.tr.setSelection(TextSelection.create(s.doc, place.pos + 2, place.pos + 2 + 5)));
  s = run(s, insertRomanization);
  assert.equal(sideText(segments(s.doc)[3].node, "en"), "At the Boseutochini");
  // Nothing selected: nothing to romanize.
  assert.equal(insertRomanization(inSegment(s, 0)), false);
});
