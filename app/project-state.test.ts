import { test } from "node:test";
import assert from "node:assert/strict";
import { history, undo, redo } from "prosemirror-history";
import type { EditorState, Command } from "prosemirror-state";
import { createProjectState, projectData, projectFromState, updateProjectData, setProjectData } from "./project-state";
import { newProject } from "./document/new-project";
import { serializeProject, parseProject } from "./document";

function run(s: EditorState, cmd: Command): EditorState {
  let out = s;
  cmd(s, (tr) => (out = s.apply(tr)));
  return out;
}

test("glossary and metadata edits are undone and redone with the text", () => {
  let s = createProjectState(newProject("제목"), [history()]);
  const glossary = [...projectData(s).glossary, { id: "g-x", ko: "기자회견", en: "press conference", note: "", forbidden: [] }];
  s = s.apply(updateProjectData(s, s.tr, { glossary }));
  s = s.apply(updateProjectData(s, s.tr, { meta: { ...projectData(s).meta, title: "새 제목" } }));
  assert.equal(projectData(s).meta.title, "새 제목");
  s = run(s, undo);
  assert.equal(projectData(s).meta.title, "제목");
  assert.ok(projectData(s).glossary.some((e) => e.ko === "기자회견"), "the glossary edit is a step of its own");
  s = run(s, undo);
  assert.ok(!projectData(s).glossary.some((e) => e.ko === "기자회견"));
  s = run(s, redo);
  assert.ok(projectData(s).glossary.some((e) => e.ko === "기자회견"));
  // What is saved is what is shown.
  assert.equal(parseProject(serializeProject(projectFromState(s))).glossary.length, glossary.length);
});

test("a change without an undo step stays when the text is undone", () => {
  let s = createProjectState(newProject("제목"), [history()]);
  s = s.apply(s.tr.insertText("가", 3));
  s = s.apply(setProjectData(s.tr, { meta: { ...projectData(s).meta, author: "강윤희" } }));
  s = run(s, undo);
  assert.equal(projectData(s).meta.author, "강윤희");
  assert.equal(s.doc.textContent, "");
});
