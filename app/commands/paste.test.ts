import { test } from "node:test";
import assert from "node:assert/strict";
import { EditorState, TextSelection } from "prosemirror-state";
import { history, undo } from "prosemirror-history";
import { pasteParagraphs } from "./paste";
import { structureGuard, sideStart } from "./structure";
import { buildDoc } from "../document/build";
import { schema } from "../schema";
import { reflow } from "../text/reflow";
import { corpus } from "../../test/support";

const read = corpus;

function stateWith(doc = buildDoc([])): EditorState {
  return EditorState.create({ doc, plugins: [structureGuard(), history()] });
}

/** Applies through the plugins, so the structure guard can refuse it. */
function apply(state: EditorState, tr: ReturnType<typeof pasteParagraphs>): EditorState {
  assert.ok(tr, "paste handled");
  const { state: next, transactions } = state.applyTransaction(tr);
  assert.equal(transactions.length > 0, true, "the structure guard let the paste through");
  return next;
}

const sides = (state: EditorState) =>
  state.doc.content.content.map((p) => p.content.content.map((s) => [s.child(0).textContent, s.child(1).textContent]));

test("pasting the reflowed commentary into a new project makes one passage per paragraph", () => {
  const paragraphs = reflow(read("commentary.ko.pdf.txt")).paragraphs;
  let state = stateWith();
  state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, 3)));
  state = apply(state, pasteParagraphs(state, paragraphs));
  assert.equal(state.doc.childCount, 12);
  assert.deepEqual(sides(state), paragraphs.map((p) => [[p, ""]]));
  // The cursor ends after the last paragraph.
  assert.equal(state.selection.$head.parent.textContent, paragraphs[11]);
  assert.equal(state.selection.$head.parentOffset, paragraphs[11].length);
  const ids = new Set<string>();
  state.doc.descendants((n) => {
    if (n.type === schema.nodes.passage || n.type === schema.nodes.segment) ids.add(n.attrs.id);
  });
  assert.equal(ids.size, 24, "fresh, unique ids");
});

test("pasting mid-text moves the rest of the side and the later segments after the last paragraph; undo restores", () => {
  const doc = buildDoc([
    { id: "p1", segments: [{ id: "s1", ko: "가나다라", en: "abc" }, { id: "s2", ko: "마바", en: "de" }] },
    { id: "p2", segments: [{ id: "s3", ko: "사아", en: "fg" }] },
  ]);
  // A theme on 다라 must survive the move.
  const theme = schema.marks.theme.create({ code: "space", id: "t1", note: "" });
  let state = stateWith(doc);
  const koStart = sideStart(1, state.doc.child(0).child(0), "ko");
  state = state.apply(state.tr.addMark(koStart + 2, koStart + 4, theme));
  state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, koStart + 2)));
  const before = state.doc;
  state = apply(state, pasteParagraphs(state, ["X", "Y", "Z"]));
  assert.deepEqual(sides(state), [[["가나X", "abc"]], [["Y", ""]], [["Z다라", ""], ["마바", "de"]], [["사아", "fg"]]]);
  assert.equal(state.doc.child(0).attrs.id, "p1");
  assert.equal(state.doc.child(0).child(0).attrs.id, "s1");
  assert.equal(state.doc.child(2).child(1).attrs.id, "s2");
  assert.equal(state.doc.child(3).attrs.id, "p2");
  let marked = "";
  state.doc.child(2).child(0).child(0).forEach((n) => {
    if (theme.isInSet(n.marks)) marked += n.text;
  });
  assert.equal(marked, "다라");
  assert.equal(state.selection.$head.parent.textContent.slice(0, state.selection.$head.parentOffset), "Z");
  let undone: EditorState = state;
  undo(state, (tr) => (undone = state.apply(tr)));
  assert.ok(undone.doc.eq(before), "one undo brings the document back");
});

test("in the English side, or for one paragraph, the text goes in as one run", () => {
  const doc = buildDoc([{ segments: [{ ko: "가나", en: "ab" }] }]);
  let state = stateWith(doc);
  const seg = state.doc.child(0).child(0);
  const enStart = sideStart(1, seg, "en");
  state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, enStart + 1)));
  state = apply(state, pasteParagraphs(state, ["First para.", "Second para."]));
  assert.deepEqual(sides(state), [[["가나", "aFirst para. Second para.b"]]]);
  const koStart = sideStart(1, state.doc.child(0).child(0), "ko");
  state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, koStart, koStart + 2)));
  state = apply(state, pasteParagraphs(state, ["한 단락."]));
  assert.deepEqual(sides(state), [[["한 단락.", "aFirst para. Second para.b"]]]);
});

test("a selection across sides is left to the default paste", () => {
  const state = stateWith(buildDoc([{ segments: [{ ko: "가나", en: "ab" }] }]));
  const sel = state.apply(state.tr.setSelection(TextSelection.create(state.doc, 3, 8)));
  assert.equal(pasteParagraphs(sel, ["x", "y"]), null);
});
