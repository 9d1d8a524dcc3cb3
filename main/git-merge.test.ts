// Two analysts, one project, real git: `dari git-setup` registers the merge
// driver, each branch edits the project through the editor's commands, and
// `git merge` must merge them as Dari does (not as lines of JSON).
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { EditorState } from "prosemirror-state";
import { TextSelection } from "prosemirror-state";
import { parseProject, serializeProject } from "../app/document/index";
import { createProjectState, projectData, projectFromState, updateProjectData } from "../app/project-state";
import { segmentList } from "../app/document/segments";
import { mergeWithNext } from "../app/commands/align";
import { runCommand, tempFolder } from "../test/support";
import { sample, setSide, tag, tagsOf } from "../test/edits";

const BIN = fileURLToPath(new URL("../bin/dari.js", import.meta.url));

function git(repo: string, ...args: string[]): string {
  return execFileSync("git", args, { cwd: repo, encoding: "utf8", env: { ...process.env, GIT_AUTHOR_NAME: "A", GIT_AUTHOR_EMAIL: "a@x", GIT_COMMITTER_NAME: "A", GIT_COMMITTER_EMAIL: "a@x" } });
}

/** A repository holding the sample as c.dari on main, with Dari's driver set up. */
function repository(): { repo: string; base: EditorState } {
  const repo = tempFolder("dari-git-");
  git(repo, "init", "-q", "-b", "main");
  const r = spawnSync(process.execPath, [BIN, "git-setup"], { cwd: repo, encoding: "utf8" });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /merges \.dari projects/);
  assert.match(readFileSync(join(repo, ".gitattributes"), "utf8"), /^\*\.dari merge=dari$/m);
  const base = createProjectState(sample());
  save(repo, base);
  git(repo, "add", ".");
  git(repo, "commit", "-q", "-m", "base");
  return { repo, base };
}

function save(repo: string, s: EditorState): void {
  writeFileSync(join(repo, "c.dari"), serializeProject(projectFromState(s)));
}

/** Commits `ours` on branch a and `theirs` on branch b, then merges b into a. */
function mergeBranches(repo: string, ours: EditorState, theirs: EditorState): { ok: boolean; project: ReturnType<typeof parseProject> } {
  git(repo, "checkout", "-q", "-b", "b");
  save(repo, theirs);
  git(repo, "commit", "-q", "-am", "theirs");
  git(repo, "checkout", "-q", "main");
  git(repo, "checkout", "-q", "-b", "a");
  save(repo, ours);
  git(repo, "commit", "-q", "-am", "ours");
  const r = spawnSync("git", ["merge", "-q", "--no-edit", "b"], { cwd: repo, encoding: "utf8", env: { ...process.env, GIT_AUTHOR_NAME: "A", GIT_AUTHOR_EMAIL: "a@x", GIT_COMMITTER_NAME: "A", GIT_COMMITTER_EMAIL: "a@x" } });
  // Whatever git says, the file in the work tree is a valid project.
  return { ok: r.status === 0, project: parseProject(readFileSync(join(repo, "c.dari"), "utf8")) };
}

const firstWords = (s: EditorState, n: number, side: 0 | 1, len: number) => segmentList(s.doc)[n].node.child(side).textContent.slice(0, len);

test("git merge: concurrent tagging and translating of different segments merge cleanly", () => {
  const { repo, base } = repository();
  const ours = setSide(tag(base, firstWords(base, 0, 0, 4), "space", "tag-a"), 2, "en", "Ours, translated.");
  const theirs = setSide(tag(base, firstWords(base, 5, 1, 12), "arms", "tag-b"), 8, "en", "Theirs, translated.");
  const { ok, project } = mergeBranches(repo, ours, theirs);
  assert.ok(ok, "git merge succeeds");
  const segs = segmentList(project.doc);
  assert.equal(segs[2].node.child(1).textContent, "Ours, translated.");
  assert.equal(segs[8].node.child(1).textContent, "Theirs, translated.");
  assert.deepEqual(tagsOf(project).map((t) => t.id).sort(), ["tag-a", "tag-b"]);
  assert.match(git(repo, "log", "--oneline", "-1"), /Merge branch 'b'/);
});

test("git merge: a re-alignment against a translation, and codebook edits on both sides", () => {
  const { repo, base } = repository();
  const at = segmentList(base.doc)[4].pos + 3;
  let ours = runCommand(base.apply(base.tr.setSelection(TextSelection.create(base.doc, at))), mergeWithNext);
  const cb = projectData(base).codebook;
  ours = ours.apply(updateProjectData(ours, ours.tr, { codebook: cb.map((c, i) => (i === 0 ? { ...c, color: "#112233" } : c)) }));
  let theirs = setSide(base, 10, "en", "A new translation.");
  theirs = theirs.apply(updateProjectData(theirs, theirs.tr, { codebook: cb.map((c, i) => (i === 1 ? { ...c, label: { ...c.label, en: "Renamed" } } : c)) }));
  const { ok, project } = mergeBranches(repo, ours, theirs);
  assert.ok(ok);
  const segs = segmentList(project.doc);
  assert.equal(segs.length, segmentList(base.doc).length - 1);
  assert.equal(segs[9].node.child(1).textContent, "A new translation.");
  assert.equal(project.codebook[0].color, "#112233");
  assert.equal(project.codebook[1].label.en, "Renamed");
});

test("git merge: the same side edited on both branches stops the merge with both versions kept in a valid project", () => {
  const { repo, base } = repository();
  const ours = setSide(base, 3, "en", "Mine.");
  const theirs = setSide(base, 3, "en", "Theirs.");
  const { ok, project } = mergeBranches(repo, ours, theirs);
  assert.equal(ok, false, "git reports the conflict");
  const seg = segmentList(project.doc)[3].node;
  assert.equal(seg.child(1).textContent, "Mine.");
  assert.equal((seg.attrs.conflict as { en: { content: { text: string }[] } }).en.content[0].text, "Theirs.");
  assert.match(git(repo, "status", "--porcelain"), /^UU c\.dari$/m);
});
