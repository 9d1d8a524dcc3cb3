// The bundled sample is a worked example (issue 15 req. 5): themes tagged in
// both languages with overlaps, memos, segments translated and reviewed; and
// it is what scripts/build-sample.ts makes from the data beside it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseProject, type Project } from "../app/document";
import { themeStats, cooccurrence } from "../app/themes/stats";
import { translationProgress } from "../app/translate/progress";
import { plainSample, readWorkedExample, applyWorkedExample } from "../scripts/sample-project";

const shipped = parseProject(readFileSync(fileURLToPath(new URL("../resources/sample/commentary.dari", import.meta.url)), "utf8"));

/** Each tagged run as code, side and text, in document order (ids aside). */
function tagged(p: Project): string[] {
  const out: string[] = [];
  p.doc.descendants((node) => {
    if (node.type.name !== "ko" && node.type.name !== "en") return true;
    node.forEach((t) => t.marks.forEach((m) => m.type.name === "theme" && out.push(`${m.attrs.code}/${node.type.name}/${t.text}/${m.attrs.note}`)));
    return false;
  });
  return out;
}

test("the shipped sample tags several themes in both languages, with overlaps and memos", () => {
  const stats = themeStats(shipped.doc, shipped.codebook);
  const both = stats.filter((s) => s.annotations.ko > 0 && s.annotations.en > 0);
  assert.ok(both.length >= 6, `themes tagged in both languages: ${both.map((s) => s.code)}`);
  const codes = shipped.codebook.map((c) => c.id);
  const m = cooccurrence(shipped.doc, codes);
  assert.ok(m.some((row, i) => row.some((n, j) => i !== j && n > 0)), "some themes overlap");
  const memos = new Set(tagged(shipped).map((t) => t.split("/")[3]).filter(Boolean));
  assert.ok(memos.size >= 3, "a few memos");
});

test("the shipped sample has segments reviewed, translated and still draft", () => {
  const p = translationProgress(shipped.doc);
  assert.ok(p.byStatus.reviewed > 0 && p.byStatus.translated > 0 && p.byStatus.draft > 0, JSON.stringify(p.byStatus));
  assert.ok(p.percent > 0 && p.percent < 100);
});

test("the shipped sample is what scripts/build-sample.ts builds from resources/sample/", async () => {
  const built = applyWorkedExample(await plainSample(), await readWorkedExample());
  assert.deepEqual(tagged(built), tagged(shipped));
  assert.equal(built.doc.textContent, shipped.doc.textContent);
  const statuses = (p: Project) => { const s: string[] = []; p.doc.descendants((n) => (n.type.name === "segment" ? (s.push(`${n.attrs.status}:${n.attrs.confirmed}`), false) : true)); return s; };
  assert.deepEqual(statuses(built), statuses(shipped));
});

test("a worked-example tag whose words are not in the segment stops the build, naming the entry", async () => {
  const worked = { tags: [{ segment: 3, side: "en" as const, text: "not in this sentence", code: "space" }], status: [] };
  assert.throws(() => applyWorkedExample(shipped, worked), /tags\[0\] \(segment 3, en, “not in this sentence”\): the words are not on that side/);
});
