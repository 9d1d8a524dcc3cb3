// The CLI contract for themes: `dari stats --json` counts per theme per
// language; `dari export --format qdc` writes the codebook. Runs the real bin.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { EditorState, TextSelection } from "prosemirror-state";
import { docFromParagraphs, splitParagraphs, emptyMeta, serializeProject } from "../document/index";
import { createProjectState, projectFromState } from "../project-state";
import { defaultCodebook } from "./default-codebook";
import { applyTheme } from "../commands/themes";
import { importQdc } from "./qdc";
import { corpus, fileExists, readText, tempFolder, writeTestFile } from "../../test/support";

const bin = fileURLToPath(new URL("../../bin/dari.js", import.meta.url));

function taggedProject(): string {
  const ko = splitParagraphs(corpus("commentary.ko.txt"));
  const en = splitParagraphs(corpus("commentary.en.txt"));
  let s: EditorState = createProjectState({ meta: emptyMeta("북러 정상회담"), codebook: defaultCodebook(), glossary: [], doc: docFromParagraphs(ko, en) });
  const tag = (phrase: string, code: string) => {
    let at = -1;
    s.doc.descendants((n, pos) => {
      if (at < 0 && n.isTextblock && n.textContent.includes(phrase)) at = pos + 1 + n.textContent.indexOf(phrase);
      return at < 0;
    });
    s = s.apply(s.tr.setSelection(TextSelection.create(s.doc, at, at + phrase.length)));
    applyTheme(code)(s, (tr) => (s = s.apply(tr)));
  };
  tag("우주 분야의 협력", "space");
  tag("우주개발", "space");
  tag("cooperation in space", "space");
  tag("무기 거래", "arms");
  return serializeProject(projectFromState(s));
}

test("dari stats --json gives per-theme counts per language; dari export --format qdc writes the codebook", () => {
  const dir = tempFolder("dari-themes-cli-");
  const project = join(dir, "x.dari");
  writeTestFile(project, taggedProject());
  const stats = JSON.parse(execFileSync(process.execPath, [bin, "stats", project, "--json"], { encoding: "utf8" }));
  assert.deepEqual(stats.themes.space.annotations, { ko: 2, en: 1, total: 3 });
  assert.deepEqual(stats.themes.space.segments, { ko: 1, en: 1, any: 1 });
  assert.deepEqual(stats.themes.arms.annotations, { ko: 1, en: 0, total: 1 });
  assert.equal(stats.themes.space.label.ko, "우주 협력");
  assert.deepEqual(stats.themes.diplomacy.segments, { ko: 0, en: 0, any: 0 });
  // Without --json, the tagged themes are listed too; untagged ones are left out.
  const text = execFileSync(process.execPath, [bin, "stats", project], { encoding: "utf8" });
  assert.match(text, /^theme\s+Space cooperation: 3 tags \(ko 2, en 1\)$/m);
  assert.match(text, /^theme\s+Arms trade: 1 tag \(ko 1, en 0\)$/m);
  assert.doesNotMatch(text, /Diplomacy/);

  const qdc = join(dir, "codes.qdc");
  execFileSync(process.execPath, [bin, "export", project, "--format", "qdc", "-o", qdc], { encoding: "utf8" });
  assert.ok(fileExists(qdc));
  assert.deepEqual(importQdc(readText(qdc), qdc), defaultCodebook());
});
