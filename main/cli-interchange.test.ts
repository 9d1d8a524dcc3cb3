import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync, readFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "./cli";
import { parseProject, serializeProject } from "../app/document/index";
import { themedProject } from "../test/fixtures/export-project";

async function dari(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

const dir = mkdtempSync(join(tmpdir(), "dari-cli-x-"));
const project = join(dir, "commentary.dari");
writeFileSync(project, serializeProject(themedProject()));

function segments(path: string): string[] {
  const out: string[] = [];
  parseProject(readFileSync(path, "utf8")).doc.forEach((p, _o, i) => p.forEach((s) => out.push(`${i}|${s.attrs.status}|${s.child(0).textContent}|${s.child(1).textContent}`)));
  return out;
}

for (const [format, ext] of [["tmx", "tmx"], ["xliff", "xlf"], ["xliff12", "xlf"]]) {
  test(`dari export --format ${format}, then dari import, gives the project back`, async () => {
    const file = join(dir, `out.${ext}`);
    assert.deepEqual(await dari("export", project, "--format", format, "-o", file), { code: 0, stdout: "", stderr: "" });
    const back = join(dir, `back-${format}.dari`);
    assert.equal((await dari("import", file, "-o", back)).code, 0);
    assert.deepEqual(segments(back), segments(project));
  });
}

test("dari import refuses an entity bomb with exit 1 and writes nothing", async () => {
  const bomb = join(dir, "bomb.tmx");
  writeFileSync(bomb, `<?xml version="1.0"?><!DOCTYPE t [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><tmx version="1.4"><body><tu><tuv xml:lang="ko"><seg>&b;</seg></tuv></tu></body></tmx>`);
  const out = join(dir, "bomb.dari");
  const r = await dari("import", bomb, "-o", out);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /^dari import: .*bomb\.tmx: the file declares entities in its DOCTYPE/);
  assert.equal(existsSync(out), false);
});

test("dari export writes html, docx, annotations, csv and pdf", async () => {
  for (const [format, check] of [
    ["html", (b: Buffer) => b.toString("utf8").startsWith("<!DOCTYPE html>")],
    ["docx", (b: Buffer) => b.subarray(0, 2).toString() === "PK"],
    ["annotations", (b: Buffer) => JSON.parse(b.toString("utf8")).type === "AnnotationCollection"],
    ["csv", (b: Buffer) => b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf],
    ["pdf", (b: Buffer) => b.subarray(0, 5).toString() === "%PDF-"],
  ] as const) {
    const file = join(dir, `out.${format}`);
    const r = await dari("export", project, "--format", format, "-o", file);
    assert.equal(r.code, 0, `${format}: ${r.stderr}`);
    assert.ok(check(readFileSync(file)), format);
  }
});

test("dari export --format pdf without a Chromium: a clear error, no file", async () => {
  const saved = process.env.CHROMIUM_PATH;
  process.env.CHROMIUM_PATH = join(dir, "no-such-chromium");
  try {
    const out = join(dir, "none.pdf");
    const r = await dari("export", project, "--format", "pdf", "-o", out);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /No Chromium or Chrome was found to print the PDF.*no-such-chromium/);
    assert.equal(existsSync(out), false);
  } finally {
    if (saved === undefined) delete process.env.CHROMIUM_PATH;
    else process.env.CHROMIUM_PATH = saved;
  }
});
