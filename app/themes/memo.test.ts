import { test } from "node:test";
import assert from "node:assert/strict";
import { TextSelection, type EditorState } from "prosemirror-state";
import { history } from "prosemirror-history";
import { docFromParagraphs, splitParagraphs, emptyMeta } from "../document/index";
import { createProjectState } from "../project-state";
import { defaultCodebook } from "./default-codebook";
import { applyTheme, removeAnnotation, setAnnotationNote } from "../commands/themes";
import { closeMemo, memoEditorPlugin, memoRequest, openMemo, taggedSpans } from "./memo";
import { Decoration } from "prosemirror-view";
import { themeDecorations, themeDecorationKey } from "./theme-decorations";
import { corpus, runCommand, selectPhrase, phraseStart } from "../../test/support";

function corpusState(): EditorState {
  const ko = splitParagraphs(corpus("commentary.ko.txt"));
  const en = splitParagraphs(corpus("commentary.en.txt"));
  return createProjectState({ meta: emptyMeta("북러"), codebook: defaultCodebook(), glossary: [], doc: docFromParagraphs(ko, en) }, [history(), memoEditorPlugin()]);
}

function caret(s: EditorState, phrase: string, offset: number): EditorState {
  const at = phraseStart(s, phrase) + offset;
  return s.apply(s.tr.setSelection(TextSelection.create(s.doc, at)));
}

test("the memo editor opens for the innermost tag at the cursor, follows it through edits and closes when it goes", () => {
  let s = runCommand(selectPhrase(corpusState(), "러시아 보스토치니 우주기지"), applyTheme("space", "outer"));
  s = runCommand(selectPhrase(s, "보스토치니"), applyTheme("diplomacy", "inner"));
  assert.equal(openMemo()(caret(s, "2023년", 1)), false, "no tag at the cursor, nothing to open");
  s = runCommand(caret(s, "보스토치니", 2), openMemo());
  assert.equal(memoRequest(s)?.id, "inner");
  // Text typed before the tag moves it; the request follows.
  s = s.apply(s.tr.insertText("아주 ", phraseStart(s, "2023년")));
  assert.equal(memoRequest(s)?.id, "inner");
  assert.equal(s.doc.textBetween(memoRequest(s)!.near, memoRequest(s)!.near + 5), "보스토치니");
  s = runCommand(s, closeMemo);
  assert.equal(memoRequest(s), null);
  assert.equal(closeMemo(s), false);
  // By id (a click on the memo mark of the outer tag), then the tag removed: the editor closes.
  s = runCommand(s, openMemo(phraseStart(s, "우주기지"), "outer"));
  assert.equal(memoRequest(s)?.id, "outer");
  s = runCommand(s, removeAnnotation("outer", phraseStart(s, "우주기지")));
  assert.equal(memoRequest(s), null);
});

test("the span index lists every tagged span once, with its text, sides, segment number and memo", () => {
  let s = runCommand(selectPhrase(corpusState(), "보스토치니 우주기지"), applyTheme("space", "a1"));
  s = runCommand(s, setAnnotationNote("a1", "발사장 상징\n둘째 줄", phraseStart(s, "우주기지")));
  s = runCommand(selectPhrase(s, "Vostochny Cosmodrome"), applyTheme("space", "a2"));
  s = runCommand(selectPhrase(s, "무기 거래"), applyTheme("arms", "a3"));
  // An empty selection tags both sides of the segment: one span on two sides.
  s = runCommand(caret(s, "6자 회담", 0), applyTheme("sanctions", "a4"));
  const spans = taggedSpans(s.doc);
  assert.deepEqual(spans.map((x) => [x.id, x.code, x.sides.join("+"), x.note]), [
    ["a1", "space", "ko", "발사장 상징\n둘째 줄"],
    ["a2", "space", "en", ""],
    ["a4", "sanctions", "ko+en", ""],
    ["a3", "arms", "ko", ""],
  ]);
  assert.equal(spans[0].text, "보스토치니 우주기지");
  assert.equal(spans[0].segment, 1);
  assert.equal(s.doc.textBetween(spans[1].from, spans[1].to), "Vostochny Cosmodrome");
  assert.ok(spans[2].text.includes(" … "), "both sides' texts");
  assert.ok(spans[3].segment > spans[2].segment);
  assert.deepEqual(taggedSpans(s.doc, "space").map((x) => x.id), ["a1", "a2"]);
});

test("a span with a memo gets a mark at its end, drawn again when the memo changes and gone when it is cleared", () => {
  const marks = (s: EditorState) => themeDecorationKey.getState(s)!.set.find().filter((d) => (d.spec as { memoOf?: string }).memoOf).map((d) => [(d.spec as { memoOf: string }).memoOf, s.doc.textBetween(d.from - 4, d.from)]);
  let s = createProjectState({ meta: emptyMeta("북러"), codebook: defaultCodebook(), glossary: [], doc: corpusState().doc }, [
    memoEditorPlugin(),
    themeDecorations({ label: (c) => c, memo: (r) => Decoration.widget(r.to, () => ({}) as Node, { memoOf: `${r.id}:${r.note}` }) }),
  ]);
  s = runCommand(selectPhrase(s, "보스토치니 우주기지"), applyTheme("space", "a1"));
  s = runCommand(selectPhrase(s, "무기 거래"), applyTheme("arms", "a2"));
  assert.deepEqual(marks(s), [], "no memo, no mark");
  s = runCommand(s, setAnnotationNote("a1", "발사장", phraseStart(s, "우주기지")));
  assert.deepEqual(marks(s), [["a1:발사장", "우주기지"]]);
  s = runCommand(s, setAnnotationNote("a1", "발사장 상징", phraseStart(s, "우주기지")));
  assert.deepEqual(marks(s), [["a1:발사장 상징", "우주기지"]]);
  s = runCommand(s, setAnnotationNote("a1", "", phraseStart(s, "우주기지")));
  assert.deepEqual(marks(s), []);
});
