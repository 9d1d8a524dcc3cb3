// `dari export --format qdpx` and `dari import file.qdpx`: through the real
// command line, files in a temporary folder, the export checked with xmllint.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync, readFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { unzipSync } from "fflate";
import { runCli } from "./cli";
import { parseProject, serializeProject } from "../app/document/index";
import { themedProject } from "../test/fixtures/export-project";
import { ATLAS_SAMPLES, PROJECT_XSD, schemaProblems } from "../test/qda-schemas";

async function dari(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

const dir = mkdtempSync(join(tmpdir(), "dari-cli-qdpx-"));
const project = join(dir, "commentary.dari");
writeFileSync(project, serializeProject(themedProject()));

function content(path: string): string[] {
  const out: string[] = [];
  parseProject(readFileSync(path, "utf8")).doc.forEach((p) =>
    p.forEach((s) => out.push(`${p.attrs.id}|${s.attrs.id}|${s.attrs.status}|${s.attrs.note}|${JSON.stringify(s.child(0).toJSON())}|${JSON.stringify(s.child(1).toJSON())}`)),
  );
  return out;
}

test("dari export --format qdpx writes a valid REFI-QDA project, and dari import brings the project back", async () => {
  const file = join(dir, "commentary.qdpx");
  assert.deepEqual(await dari("export", project, "--format", "qdpx", "-o", file), { code: 0, stdout: "", stderr: "" });
  const qde = join(dir, "project.qde");
  writeFileSync(qde, unzipSync(new Uint8Array(readFileSync(file)))["project.qde"]);
  assert.equal(schemaProblems(PROJECT_XSD, qde), "");
  const back = join(dir, "back.dari");
  assert.deepEqual(await dari("import", file, "-o", back), { code: 0, stdout: "", stderr: "" });
  assert.equal(content(back).length, content(project).length);
  // Same passages, segments, statuses, notes, and the same tags on the same text (marks may come in another order).
  const norm = (rows: string[]) => rows.map((r) => r.replace(/"marks":\[[^\]]*\]/g, (m) => JSON.stringify(JSON.parse(`{${m}}`).marks.map((x: unknown) => JSON.stringify(x)).sort())));
  assert.deepEqual(norm(content(back)), norm(content(project)));
});

test("dari import of an ATLAS.ti project names what it left out on stderr and still writes the project", async () => {
  const out = join(dir, "atlas.dari");
  const sample = join(ATLAS_SAMPLES, "target-atlas-project.qdpx");
  const r = await dari("import", sample, "-o", out);
  assert.equal(r.code, 0);
  assert.equal(r.stderr, `dari import: warning: ${sample}: the project has no text sources; only its codebook was imported\n`);
  assert.equal(parseProject(readFileSync(out, "utf8")).codebook.length, 3);
});

test("dari import refuses a .qdpx that is not a zip with exit 1 and writes nothing", async () => {
  const bad = join(dir, "bad.qdpx");
  writeFileSync(bad, "<Project/>");
  const out = join(dir, "bad.dari");
  const r = await dari("import", bad, "-o", out);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /bad\.qdpx is not a REFI-QDA project/);
  assert.equal(existsSync(out), false);
});
