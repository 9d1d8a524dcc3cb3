// Crash safety (issue 7, requirement 5): a process saving in a loop is killed
// with SIGKILL at random moments; the file must always be the old or the new
// version, whole, and parse. And autosave must bring back the edits made
// before a crash.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { buildDoc, emptyMeta, parseProject, serializeProject, splitParagraphs, type Project } from "../app/document";
import { sideText } from "../app/schema";
import { readRecovery, saveAtomic } from "./files";

const corpus = new URL("../../shared/corpus/", import.meta.url);
const fixtures = fileURLToPath(new URL("fixtures/", import.meta.url));

const KILLS = 100;
const LANES = 2; // children killed in parallel, each over its own file (2 cores here)

/** The sample commentary aligned as in the gold file: one segment per gold bead. */
function goldProject(title: string, edit: (en: string, i: number) => string = (en) => en): Project {
  const gold = JSON.parse(readFileSync(new URL("commentary.gold.json", corpus), "utf8")) as {
    ko: string[][];
    en: string[][];
    beads: { ko: number[]; en: number[]; paragraph: number }[];
  };
  const ko = gold.ko.flat();
  const en = gold.en.flat();
  const passages: { segments: { ko: string; en: string }[] }[] = gold.ko.map(() => ({ segments: [] }));
  gold.beads.forEach((b, i) => {
    passages[b.paragraph].segments.push({ ko: b.ko.map((k) => ko[k]).join(" "), en: edit(b.en.map((e) => en[e]).join(" "), i) });
  });
  return { meta: emptyMeta(title), codebook: [], glossary: [], doc: buildDoc(passages.filter((p) => p.segments.length)) };
}

function tempDir(t: { after(fn: () => void): void }): string {
  const dir = mkdtempSync(join(tmpdir(), "dari-crash-"));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function start(script: string, args: string[]): ChildProcess {
  return spawn(process.execPath, ["--import", "tsx", join(fixtures, script), ...args], { stdio: ["ignore", "pipe", "pipe"] });
}

/** Resolves when the child prints `line`. */
function waitForLine(child: ChildProcess, line: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let out = "";
    let err = "";
    child.stderr!.on("data", (d) => (err += d));
    child.stdout!.on("data", (d) => {
      out += d;
      if (out.split("\n").includes(line)) resolve();
    });
    child.on("exit", (code, signal) => reject(new Error(`child exited (${code ?? signal}) before "${line}": ${err}`)));
  });
}

function killed(child: ChildProcess): Promise<NodeJS.Signals | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve(child.signalCode);
    else child.on("exit", (_code, signal) => resolve(signal));
  });
}

test(`a project saved in a loop and killed ${KILLS} times is always the old or the new version, whole`, async (t) => {
  const dir = tempDir(t);
  const a = serializeProject(goldProject("version A"));
  const b = serializeProject(goldProject("version B", (en, i) => (i % 3 === 0 ? `${en} [revised]` : en)));
  assert.notEqual(a, b);
  writeFileSync(join(dir, "a.txt"), a);
  writeFileSync(join(dir, "b.txt"), b);

  const seen = { A: 0, B: 0, midSave: 0 };
  const lane = async (n: number) => {
    const file = join(dir, `lane${n}`, "북러 정상회담.dari");
    mkdirSync(join(dir, `lane${n}`), { recursive: true });
    await saveAtomic(file, a);
    for (let k = 0; k < KILLS / LANES; k++) {
      const child = start("save-loop.ts", [file, join(dir, "a.txt"), join(dir, "b.txt")]);
      await waitForLine(child, "saving");
      const delay = Math.random() * 30;
      await new Promise((r) => setTimeout(r, delay));
      child.kill("SIGKILL");
      assert.equal(await killed(child), "SIGKILL");

      const where = `lane ${n}, kill ${k + 1}, ${delay.toFixed(1)} ms after start`;
      const text = readFileSync(file, "utf8");
      assert.ok(text === a || text === b, `${where}: the file is neither the old nor the new version (${text.length} chars)`);
      const title = parseProject(text).meta.title;
      assert.equal(title, text === a ? "version A" : "version B", where);
      seen[text === a ? "A" : "B"]++;
      if (existsSync(file + ".bak")) {
        const bak = readFileSync(file + ".bak", "utf8");
        assert.ok(bak === a || bak === b, `${where}: the .bak is not a whole version`);
        parseProject(bak);
      }
      if (readdirSync(join(dir, `lane${n}`)).some((f) => f.includes("dari-tmp"))) seen.midSave++;
    }
    // A later save cleans what the killed saves left behind.
    await saveAtomic(file, b);
    assert.deepEqual(readdirSync(join(dir, `lane${n}`)).sort(), ["북러 정상회담.dari", "북러 정상회담.dari.bak"]);
  };
  await Promise.all(Array.from({ length: LANES }, (_, n) => lane(n)));

  t.diagnostic(`final version A ${seen.A} times, B ${seen.B} times; killed mid-save (temporary file left) ${seen.midSave} times`);
  assert.equal(seen.A + seen.B, KILLS);
  assert.ok(seen.A > 0 && seen.B > 0, "the loop really saved between kills");
  assert.ok(seen.midSave > 0, "some kills landed in the middle of a save");
});

test("autosave recovery brings back the edits made before a crash", async (t) => {
  const dir = tempDir(t);
  const userData = join(dir, "userData");
  const file = join(dir, "회담 해설.dari");
  const original = serializeProject(goldProject("회담 해설"));
  await saveAtomic(file, original);

  const child = start("edit-and-crash.ts", [file, userData, "300"]);
  await waitForLine(child, "autosaved");
  child.kill("SIGKILL");
  assert.equal(await killed(child), "SIGKILL");

  assert.equal(readFileSync(file, "utf8"), original, "the unsaved edits never touched the file");
  const rec = await readRecovery(userData, file);
  assert.ok(rec, "the recovery copy is offered on the next start");
  const recovered = parseProject(rec.text);
  const before = parseProject(original);
  assert.equal(recovered.meta.title, "회담 해설 (recovered)");

  const segs = (p: Project) => {
    const out: { ko: string; en: string; status: string; confirmed: boolean }[] = [];
    p.doc.descendants((n) => {
      if (n.type.name !== "segment") return true;
      out.push({ ko: sideText(n, "ko"), en: sideText(n, "en"), status: n.attrs.status, confirmed: n.attrs.confirmed });
      return false;
    });
    return out;
  };
  const [was, now] = [segs(before), segs(recovered)];
  assert.equal(now.length, was.length);
  assert.equal(now[0].en, `${was[0].en} (edited after the summit)`, "every keystroke before the autosave is back");
  assert.equal(now[0].status, "reviewed");
  assert.equal(now[0].confirmed, true);
  assert.equal(now[2].ko, `${was[2].ko} 【검토】`);
  assert.deepEqual(now.slice(3), was.slice(3), "nothing else changed");
});
