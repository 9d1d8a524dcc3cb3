// `dari new` aligns sentence by sentence when given an English text, and
// `dari align` re-aligns the unconfirmed segments of a project; `dari export
// --format tsv` lists the segments, one a line, ko<TAB>en.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { dari } from "../test/support";
import { buildDoc, parseProject, serializeProject, type Project } from "../app/document";
import { segmentAttrs, sideText } from "../app/schema";
import { exportTmx } from "../app/export/tmx";
import { newProject } from "../app/document/new-project";
import { readTestSet } from "../scripts/eval-align";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const CORPUS = join(ROOT, "../shared/corpus");
const gold = JSON.parse(await readFile(join(CORPUS, "commentary.gold.json"), "utf8")) as {
  ko: string[][];
  en: string[][];
  beads: { ko: number[]; en: number[] }[];
};
let dir: string;

before(async () => {
  dir = await mkdtemp(join(tmpdir(), "dari-cli-align-"));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});


const goldLines = (() => {
  const ko = gold.ko.flat();
  const en = gold.en.flat();
  return gold.beads.map((b) => `${b.ko.map((i) => ko[i]).join(" ")}\t${b.en.map((i) => en[i]).join(" ")}`);
})();

test("dari new --ko --en reflows, splits and aligns; export tsv gives the gold beads", async () => {
  const project = join(dir, "sample.dari");
  const r = await dari("new", "--ko", join(CORPUS, "commentary.ko.pdf.txt"), "--en", join(CORPUS, "commentary.en.txt"), "-o", project);
  assert.equal(r.code, 0, r.err);
  const p = parseProject(await readFile(project, "utf8"));
  let segments = 0;
  p.doc.descendants((n) => {
    if (n.type.name !== "segment") return true;
    segments++;
    const c = segmentAttrs(n).confidence;
    assert.ok(typeof c === "number" && c >= 0 && c <= 1);
    return false;
  });
  assert.equal(segments, 49);
  const tsv = join(dir, "sample.tsv");
  assert.equal((await dari("export", project, "--format", "tsv", "-o", tsv)).code, 0);
  const lines = (await readFile(tsv, "utf8")).trimEnd().split("\n");
  const exact = lines.filter((l) => goldLines.includes(l)).length;
  console.log(`# dari new + export tsv: ${exact}/${goldLines.length} gold beads as tsv lines`);
  assert.ok(exact >= 48);
});

test("dari align re-aligns unconfirmed segments, keeps confirmed ones, writes -o or in place", async () => {
  // Passage 0 confirmed as one segment; the others unaligned paragraph pairs.
  const passages = gold.ko.map((ko, i) => ({
    segments: [{ ko: ko.join(" "), en: gold.en[i].join(" "), confirmed: i === 0, note: i === 1 ? "ask the author" : "" }],
  }));
  const p: Project = { meta: { title: "t", source: "", author: "", date: "", srcLang: "ko", tgtLang: "en", created: "", modified: "" }, codebook: [], glossary: [], doc: buildDoc(passages) };
  const input = join(dir, "unaligned.dari");
  await writeFile(input, serializeProject(p));
  const output = join(dir, "aligned.dari");
  const r = await dari("align", input, "-o", output);
  assert.equal(r.code, 0, r.err);
  const out = parseProject(await readFile(output, "utf8"));
  assert.ok(out.doc.child(0).eq(p.doc.child(0)), "the confirmed passage is untouched");
  assert.equal(out.doc.child(1).childCount, 5);
  assert.equal(segmentAttrs(out.doc.child(1).child(0)).note, "ask the author");
  assert.equal(sideText(out.doc.child(2).child(0), "en"), `${gold.en[2][0]} ${gold.en[2][1]}`);
  // The input is unchanged with -o; without it the file is re-aligned in place.
  assert.ok(parseProject(await readFile(input, "utf8")).doc.eq(p.doc));
  assert.equal((await dari("align", input)).code, 0);
  const inPlace = parseProject(await readFile(input, "utf8"));
  const texts = (d: Project["doc"]) => {
    const t: string[] = [];
    d.descendants((n) => (n.type.name === "segment" ? (t.push(`${sideText(n, "ko")}\t${sideText(n, "en")}`), false) : true));
    return t;
  };
  assert.deepEqual(texts(inPlace.doc), texts(out.doc));
});

test("dari align on a file that is not a project fails with a message and writes nothing", async () => {
  const bad = join(dir, "bad.dari");
  await writeFile(bad, "{ not json");
  const output = join(dir, "never.dari");
  const r = await dari("align", bad, "-o", output);
  assert.notEqual(r.code, 0);
  assert.match(r.err, /bad\.dari/);
  await assert.rejects(readFile(output));
});

test("dari align --memory file.tmx: word pairs learned from a translation memory mend an alignment with omissions and one-block English", async () => {
  // The memory: the translations of the other composed documents and of the sample (over 200 sentences), as a TMX file.
  const sets = join(ROOT, "bench/align-sets");
  const clean = readTestSet(join(sets, "clean"));
  const units = (g: { ko: string[][]; en: string[][]; beads: { ko: number[]; en: number[] }[] }) => {
    const ko = g.ko.flat();
    const en = g.en.flat();
    return g.beads.filter((b) => b.ko.length && b.en.length).map((b) => ({ ko: b.ko.map((i) => ko[i]).join(" "), en: b.en.map((i) => en[i]).join(" ") }));
  };
  const memory = [...clean.filter((d) => d.name !== "grain").flatMap((d) => units(d.gold)), ...units(gold)];
  const tmx = join(dir, "memory.tmx");
  await writeFile(tmx, await exportTmx(newProject("memory", buildDoc([{ segments: memory }]))));
  // The text to align: sentences left out on both sides, two English sentences joined, the English as one block.
  const base = join(sets, "mixed", "grain");
  const project = join(dir, "grain.dari");
  assert.equal((await dari("new", "--ko", `${base}.ko.txt`, "--en", `${base}.en.txt`, "-o", project)).code, 0);
  const g = JSON.parse(await readFile(`${base}.gold.json`, "utf8")) as typeof gold;
  const want = new Set(units(g).map((u) => `${u.ko}\t${u.en}`));
  const exact = async (...args: string[]) => {
    const out = join(dir, "grain-aligned.dari");
    const r = await dari("align", project, ...args, "-o", out);
    assert.equal(r.code, 0, r.err);
    const tsv = join(dir, "grain.tsv");
    assert.equal((await dari("export", out, "--format", "tsv", "-o", tsv)).code, 0);
    return (await readFile(tsv, "utf8")).trimEnd().split("\n").filter((l) => want.has(l)).length;
  };
  const without = await exact();
  const withMemory = await exact("--memory", tmx);
  console.log(`# dari align on a text with omissions: ${without} aligned pairs right without memory, ${withMemory} with --memory (of ${want.size})`);
  assert.ok(withMemory > without);
  // A memory file that cannot be read is an error naming it, and writes nothing.
  const bad = join(dir, "missing.tmx");
  const r = await dari("align", project, "--memory", bad, "-o", join(dir, "never.dari"));
  assert.notEqual(r.code, 0);
  assert.match(r.err, /missing\.tmx/);
});
