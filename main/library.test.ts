// A library as an analyst keeps one: a folder of commentaries (some in
// subfolders) with dates, authors and tags; the index in .dari-library/ only.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, readdirSync, readFileSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { execFileSync } from "node:child_process";
import type { EditorState } from "prosemirror-state";
import { serializeProject } from "../app/document/index";
import { createProjectState, projectData, projectFromState, updateProjectData } from "../app/project-state";
import { segmentList } from "../app/document/segments";
import { dari, tempFolder } from "../test/support";
import { sample, setSide, tag } from "../test/edits";
import { openLibrary, INDEX_DIR, makeCodebookConsistent } from "./library";
import { libraryCodebook, libraryStats, retrieveSegments, themeHeatmap, themeTimeline, libraryCooccurrence } from "../app/library/library";
import { searchLibrary } from "../app/library/search";

const text = (s: EditorState, n: number, side: 0 | 1) => segmentList(s.doc)[n].node.child(side).textContent;

function withMeta(s: EditorState, meta: Partial<{ title: string; author: string; date: string; source: string }>): EditorState {
  return s.apply(updateProjectData(s, s.tr, { meta: { ...projectData(s).meta, ...meta } }));
}

/** Three commentaries: two dated in 2024 by one author (one in a subfolder), one in 2025 by another. */
function makeLibrary(): string {
  const dir = tempFolder("dari-library-");
  const base = createProjectState(sample());
  const a = withMeta(tag(tag(base, text(base, 0, 0).slice(0, 5), "space", "a1"), text(base, 0, 1).slice(0, 12), "space", "a2"), { title: "첫째 논평", author: "김", date: "2024-01-15", source: "연구원" });
  let b = withMeta(tag(base, text(base, 2, 0).slice(0, 5), "arms", "b1"), { title: "둘째 논평", author: "김", date: "2024-05-02" });
  b = tag(b, text(b, 2, 0).slice(0, 5), "space", "b2");
  const c = withMeta(setSide(base, 4, "en", "A distinctive translation about sanctions."), { title: "셋째 논평", author: "Lee", date: "2025-02-10" });
  mkdirSync(join(dir, "2024"));
  writeFileSync(join(dir, "a.dari"), serializeProject(projectFromState(a)));
  writeFileSync(join(dir, "2024", "b.dari"), serializeProject(projectFromState(b)));
  writeFileSync(join(dir, "c.dari"), serializeProject(projectFromState(c)));
  writeFileSync(join(dir, "notes.txt"), "not a project");
  return dir;
}

test("a library indexes its projects into .dari-library only, and re-reads only what changed", async () => {
  const dir = makeLibrary();
  const before = readdirSync(dir).sort();
  const first = await openLibrary(dir);
  assert.deepEqual(first.added.sort(), ["2024/b.dari", "a.dari", "c.dari"]);
  assert.deepEqual(readdirSync(dir).sort(), [...before, INDEX_DIR].sort());
  assert.deepEqual(readdirSync(join(dir, INDEX_DIR)), ["index.json"]);

  const again = await openLibrary(dir);
  assert.deepEqual([again.added, again.updated, again.removed], [[], [], []]);
  assert.equal(again.changed, false);

  // Changed outside Dari: read again, and only that one.
  const path = join(dir, "c.dari");
  writeFileSync(path, readFileSync(path, "utf8").replace("셋째 논평", "셋째 논평 (개정)"));
  utimesSync(path, new Date(), new Date(Date.now() + 5000));
  const later = await openLibrary(dir);
  assert.deepEqual(later.updated, ["c.dari"]);
  assert.equal(later.library.documents.find((d) => d.file === "c.dari")?.title, "셋째 논평 (개정)");

  // A damaged project is named and left out, the others stay.
  writeFileSync(join(dir, "broken.dari"), "{ not json");
  const damaged = await openLibrary(dir);
  assert.equal(damaged.failed.length, 1);
  assert.match(damaged.failed[0].reason, /broken\.dari/);
  assert.equal(damaged.library.documents.length, 3);
});

test("library search: Korean stems with particles, initial consonants, English, and filters", async () => {
  const dir = makeLibrary();
  const { library } = await openLibrary(dir);
  const base = createProjectState(sample());
  const ko0 = text(base, 0, 0);
  const word = ko0.split(/\s+/).find((w) => /^[가-힣]{4,}$/.test(w))!;
  const stem = word.slice(0, 2);
  const hits = searchLibrary(library.documents, library.search, `${stem}에서는`);
  assert.ok(hits.length >= 3, `the stem ${stem} is found in every document`);
  assert.ok(hits.every((h) => (h.kwic.ko?.match ?? "").startsWith(stem)));

  const distinctive = searchLibrary(library.documents, library.search, "distinctive translation");
  assert.deepEqual(distinctive.map((h) => [h.file, h.index]), [["c.dari", 4]]);
  assert.match(distinctive[0].kwic.en!.match, /distinctive translation/i);

  const tagged = searchLibrary(library.documents, library.search, stem, { theme: "space", side: "ko" });
  assert.ok(tagged.length > 0 && tagged.every((h) => h.themes.includes("space")));
  const byAuthor = searchLibrary(library.documents, library.search, stem, { author: "Lee" });
  assert.ok(byAuthor.length > 0 && byAuthor.every((h) => h.file === "c.dari"));
  const in2024 = searchLibrary(library.documents, library.search, stem, { from: "2024", to: "2024" });
  assert.deepEqual([...new Set(in2024.map((h) => h.file))].sort(), ["2024/b.dari", "a.dari"]);

  const initials = [...word.slice(0, 2)].map((ch) => "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"[Math.floor((ch.charCodeAt(0) - 0xac00) / 588)]).join("");
  const cho = searchLibrary(library.documents, library.search, initials);
  assert.ok(cho.length > 0 && cho.every((h) => h.kwic.ko));
});

test("themes across documents and time, retrieval by combinations, and the library codebook", async () => {
  const dir = makeLibrary();
  const { library } = await openLibrary(dir);
  const stats = libraryStats(library.documents, "quarter");
  assert.deepEqual(stats.byPeriod.map((p) => [p.period, p.documents]), [["2024-Q1", 1], ["2024-Q2", 1], ["2025-Q1", 1]]);
  assert.equal(stats.themes.space, 2);
  const heat = themeHeatmap(library.documents, ["space", "arms"]);
  assert.deepEqual(heat.documents.map((d) => d.title), ["첫째 논평", "둘째 논평", "셋째 논평"]);
  assert.ok(heat.share[0][0] > 0 && heat.share[1][1] > 0 && heat.share[1][0] === 0);
  assert.deepEqual(themeTimeline(library.documents, ["space"], "month").periods, ["2024-01", "2024-05", "2025-02"]);
  assert.equal(libraryCooccurrence(library.documents, ["space", "arms"])[0][1], 1);

  assert.equal(retrieveSegments(library.documents, { all: ["space"] }).length, 2);
  assert.deepEqual(retrieveSegments(library.documents, { all: ["space", "arms"] }).map((r) => r.file), ["2024/b.dari"]);
  assert.deepEqual(retrieveSegments(library.documents, { all: ["space"], none: ["arms"] }).map((r) => r.file), ["a.dari"]);

  const codebook = libraryCodebook(library.documents);
  assert.ok(codebook.some((c) => c.id === "space" && c.documents.length === 3 && c.variants.length === 0));
});

test("dari library stats, search and export keep their contract", async () => {
  const dir = makeLibrary();
  const stats = await dari("library", "stats", dir, "--json");
  assert.equal(stats.code, 0, stats.err);
  const s = JSON.parse(stats.out);
  assert.deepEqual([s.documents, Object.keys(s).sort()], [3, ["byPeriod", "documents", "perDocument", "segments", "themes"]]);
  const search = await dari("library", "search", dir, "distinctive", "--side", "en", "--json");
  assert.equal(search.code, 0, search.err);
  const hits = JSON.parse(search.out);
  assert.deepEqual(Object.keys(hits[0]), ["file", "segment", "ko", "en", "themes"]);
  assert.equal(hits[0].file, "c.dari");
  for (const format of ["csv", "html", "docx"]) {
    const out = join(dir, `report.${format}`);
    const r = await dari("library", "export", dir, "--theme", "space", "--format", format, "-o", out);
    assert.equal(r.code, 0, r.err);
    const bytes = readFileSync(out);
    if (format === "csv") assert.equal(bytes.toString("utf8").trim().split("\r\n").length, 3);
    if (format === "html") {
      assert.match(bytes.toString("utf8"), /<h1>Space cooperation<\/h1>/);
      assert.match(bytes.toString("utf8"), /첫째 논평/);
    }
    if (format === "docx") {
      const xml = execFileSync("unzip", ["-p", out, "word/document.xml"], { encoding: "utf8" });
      assert.match(xml, /둘째 논평/);
    }
  }
  const bad = await dari("library", "export", dir, "--format", "pdf", "--theme", "space", "-o", join(dir, "x.pdf"));
  assert.equal(bad.code, 2);
});

test("making the library codebook consistent rewrites only the projects that differ, each with its .bak", async () => {
  const dir = makeLibrary();
  const cPath = join(dir, "c.dari");
  const before = readFileSync(cPath, "utf8");
  const c = JSON.parse(before);
  const space = c.codebook.find((x: { id: string }) => x.id === "space");
  space.label.en = "Space (other wording)";
  space.color = "#123456";
  writeFileSync(cPath, JSON.stringify(c, null, 1));
  const changedText = readFileSync(cPath, "utf8");
  const { library } = await openLibrary(dir);
  const entry = libraryCodebook(library.documents).find((e) => e.id === "space")!;
  assert.deepEqual(entry.variants.map((v) => [v.file, v.color]), [["c.dari", "#123456"]]);

  const aBefore = readFileSync(join(dir, "a.dari"), "utf8");
  const { written, update } = await makeCodebookConsistent(dir, libraryCodebook(library.documents));
  assert.deepEqual(written, ["c.dari"]);
  assert.equal(readFileSync(join(dir, "a.dari"), "utf8"), aBefore, "a project that agreed is not touched");
  assert.equal(readFileSync(`${cPath}.bak`, "utf8"), changedText, "the .bak holds the project as it was");
  const fixed = JSON.parse(readFileSync(cPath, "utf8")).codebook.find((x: { id: string }) => x.id === "space");
  assert.deepEqual([fixed.label.en, fixed.color], [entry.label.en, entry.color]);
  // The text of the project is untouched, and the library now agrees.
  assert.deepEqual(JSON.parse(readFileSync(cPath, "utf8")).doc, c.doc);
  assert.ok(libraryCodebook(update.library.documents).every((e) => e.variants.length === 0));
});
