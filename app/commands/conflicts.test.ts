import { test } from "node:test";
import assert from "node:assert/strict";
import { createProjectState, projectFromState } from "../project-state";
import { parseProject, serializeProject } from "../document/index";
import { segmentList } from "../document/segments";
import { undo, history } from "prosemirror-history";
import { mergeProjectTexts } from "../merge/merge3";
import { sample, file, setSide } from "../../test/edits";
import { runCommand } from "../../test/support";
import { conflictList, nextConflict, resolveConflict } from "./conflicts";
import { EditorState } from "prosemirror-state";

/** The sample after a merge in which segment 3's English was edited on both branches. */
function merged(): EditorState {
  const s0 = createProjectState(sample());
  const r = mergeProjectTexts(file(s0, "base"), file(setSide(s0, 3, "en", "Mine."), "ours"), file(setSide(s0, 3, "en", "Theirs."), "theirs"));
  const s = createProjectState(parseProject(r.text));
  return EditorState.create({ doc: s.doc, plugins: [...s.plugins, history()] });
}

test("the conflicts list names the segment; take mine keeps it, take theirs puts theirs in, undo brings the conflict back", () => {
  const s = merged();
  const list = conflictList(s.doc);
  assert.deepEqual(list.map((c) => c.index), [3]);
  const mine = runCommand(s, resolveConflict(list[0].pos, "mine"));
  assert.equal(segmentList(mine.doc)[3].node.child(1).textContent, "Mine.");
  assert.deepEqual(conflictList(mine.doc), []);
  const theirs = runCommand(s, resolveConflict(list[0].pos, "theirs"));
  assert.equal(segmentList(theirs.doc)[3].node.child(1).textContent, "Theirs.");
  assert.equal(segmentList(theirs.doc)[3].node.child(0).textContent, segmentList(s.doc)[3].node.child(0).textContent);
  assert.deepEqual(conflictList(theirs.doc), []);
  let back = theirs;
  undo(theirs, (tr) => (back = theirs.apply(tr)));
  assert.equal(conflictList(back.doc).length, 1);
  // A resolved project saves without a trace of the conflict.
  assert.doesNotMatch(serializeProject(projectFromState(createProjectState({ ...projectFromState(s), doc: theirs.doc }))), /conflict/);
});

test("next conflict moves into the flagged segment, and says no when there is none", () => {
  const s = merged();
  const moved = runCommand(s, nextConflict);
  assert.equal(segmentList(moved.doc).findIndex((x) => x.pos < moved.selection.from && moved.selection.from < x.pos + x.node.nodeSize), 3);
  const clean = createProjectState(sample());
  assert.equal(nextConflict(clean), false);
});
