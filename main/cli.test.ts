// The dari CLI as a user scripts it: real files in a temporary folder.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, readFile, rm, writeFile, readdir, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { dari } from "../test/support";
import { parseProject } from "../app/document";
import { splitParagraphs } from "../app/document/build";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const CORPUS = join(ROOT, "../shared/corpus");
let dir: string;

before(async () => {
  dir = await mkdtemp(join(tmpdir(), "dari-cli-"));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});


test("new, stats and export on the sample commentary", async () => {
  const project = join(dir, "sample.dari");
  const r = await dari("new", "--ko", join(CORPUS, "commentary.ko.pdf.txt"), "--en", join(CORPUS, "commentary.en.txt"), "--title", "북러 정상회담", "-o", project);
  assert.equal(r.code, 0, r.err);
  const p = parseProject(await readFile(project, "utf8"));
  assert.equal(p.meta.title, "북러 정상회담");
  assert.equal(p.doc.childCount, 12, "one passage per Korean paragraph");

  const stats = await dari("stats", project, "--json");
  assert.equal(stats.code, 0);
  const figures = JSON.parse(stats.out);
  assert.equal(figures.passages, 12);
  assert.ok(figures.segments >= 12);
  assert.equal(figures.untranslated, 0);

  const text = await dari("stats", project);
  assert.match(text.out, /^passages\s+12$/m);

  // txt: one side, passages separated by a blank line: the reflowed Korean paragraphs again.
  const txt = join(dir, "ko.txt");
  assert.equal((await dari("export", project, "--format", "txt", "--side", "ko", "-o", txt)).code, 0);
  const gold = splitParagraphs(await readFile(join(CORPUS, "commentary.ko.txt"), "utf8"));
  assert.deepEqual((await readFile(txt, "utf8")).trimEnd().split("\n\n"), gold);

  // tsv: one segment a line, ko<TAB>en, every segment once.
  const tsv = join(dir, "all.tsv");
  assert.equal((await dari("export", project, "--format", "tsv", "-o", tsv)).code, 0);
  const lines = (await readFile(tsv, "utf8")).trimEnd().split("\n");
  assert.equal(lines.length, figures.segments);
  for (const line of lines) assert.equal(line.split("\t").length, 2, line);
  assert.match(lines[0], /^2023년 9월 13일 러시아 보스토치니 우주기지에서.*\tThe North Korea–Russia summit/);

  // dari: the project itself, which opens again.
  const copy = join(dir, "copy.dari");
  assert.equal((await dari("export", project, "--format", "dari", "-o", copy)).code, 0);
  assert.ok(parseProject(await readFile(copy, "utf8")).doc.eq(p.doc));
});

test("errors go to stderr with a non-zero exit and never leave an output file", async () => {
  const project = join(dir, "e.dari");
  await dari("new", "--ko", join(CORPUS, "commentary.ko.txt"), "-o", project);

  const missing = await dari("stats", join(dir, "nope.dari"));
  assert.equal(missing.code, 1);
  assert.match(missing.err, /nope\.dari does not exist/);

  const out = join(dir, "never.tsv");
  const badFormat = await dari("export", project, "--format", "rtf", "-o", out);
  assert.equal(badFormat.code, 2);
  assert.match(badFormat.err, /Unknown export format “rtf”/);
  await assert.rejects(stat(out));

  const noOut = await dari("export", project, "--format", "tsv");
  assert.equal(noOut.code, 2);
  assert.match(noOut.err, /Missing -o/);

  // A broken project: the message names the file and the place; an existing output stays as it was.
  const broken = join(dir, "broken.dari");
  const text = JSON.parse(await readFile(project, "utf8"));
  text.doc.content[0].content[0].attrs.status = "finished";
  await writeFile(broken, JSON.stringify(text));
  const existing = join(dir, "existing.tsv");
  await writeFile(existing, "keep me\n");
  const r = await dari("export", broken, "--format", "tsv", "-o", existing);
  assert.equal(r.code, 1);
  assert.match(r.err, /broken\.dari: passage 1 › segment 1 › attrs › status .*“finished” is not a segment status/);
  assert.equal(await readFile(existing, "utf8"), "keep me\n");

  const unknown = await dari("frobnicate");
  assert.equal(unknown.code, 2);
  assert.match(unknown.err, /Unknown command “frobnicate”/);

  const badOption = await dari("stats", project, "--colour");
  assert.equal(badOption.code, 2);

  const files = await readdir(dir);
  assert.deepEqual(files.filter((f) => f.includes("tmp")), [], "no temporary files are left behind");
});

test("an output folder that cannot be written fails cleanly", async () => {
  const project = join(dir, "w.dari");
  await dari("new", "--ko", join(CORPUS, "commentary.ko.txt"), "-o", project);
  const r = await dari("export", project, "--format", "tsv", "-o", join(dir, "no-such-folder", "x.tsv"));
  assert.equal(r.code, 1);
  assert.match(r.err, /x\.tsv cannot be written/);
});

test("--help documents every command, and `npx dari` runs the same CLI", () => {
  const r = spawnSync(process.execPath, [join(ROOT, "bin/dari.js"), "--help"], { encoding: "utf8" });
  assert.equal(r.status, 0, r.stderr);
  for (const cmd of ["new", "align", "import", "export", "stats", "qa"]) assert.match(r.stdout, new RegExp(`^  dari ${cmd} `, "m"), cmd);
  const e = spawnSync(process.execPath, [join(ROOT, "bin/dari.js"), "stats", "/nonexistent/x.dari"], { encoding: "utf8" });
  assert.equal(e.status, 1);
  assert.match(e.stderr, /x\.dari does not exist/);
});
