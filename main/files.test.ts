import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, utimesSync, writeFileSync, mkdirSync, lstatSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { DariError } from "../app/errors";
import { docFromParagraphs, emptyMeta, parseProject, serializeProject, splitParagraphs, type Project } from "../app/document";
import {
  createAutosave,
  discardRecovery,
  listRecoveries,
  readProjectFile,
  readRecovery,
  removeStaleTempFiles,
  recoveryPath,
  saveAtomic,
  writeRecovery,
  type Timers,
} from "./files";

const corpus = new URL("../../shared/corpus/", import.meta.url);
const here = fileURLToPath(new URL(".", import.meta.url));

/** The sample commentary as a project; `edit` changes its title so versions differ. */
function commentary(title: string): string {
  const ko = splitParagraphs(readFileSync(new URL("commentary.ko.txt", corpus), "utf8"));
  const en = splitParagraphs(readFileSync(new URL("commentary.en.txt", corpus), "utf8"));
  const project: Project = { meta: emptyMeta(title), codebook: [], glossary: [], doc: docFromParagraphs(ko, en) };
  return serializeProject(project);
}

function tempDir(t: { after(fn: () => void): void }): string {
  const dir = mkdtempSync(join(tmpdir(), "dari-files-"));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function rejection(p: Promise<unknown>): Promise<DariError> {
  try {
    await p;
  } catch (e) {
    assert.ok(e instanceof DariError, `expected a DariError, got ${e}`);
    return e;
  }
  assert.fail("expected an error");
}

test("saving writes the file whole and keeps the previous version as .bak", async (t) => {
  const dir = tempDir(t);
  const file = join(dir, "북러 정상회담.dari");
  const v1 = commentary("first");
  const v2 = commentary("second");
  await saveAtomic(file, v1);
  assert.equal(readFileSync(file, "utf8"), v1);
  assert.deepEqual(readdirSync(dir), ["북러 정상회담.dari"], "the first save makes no .bak and leaves no temporary file");

  await saveAtomic(file, v2);
  assert.equal(readFileSync(file, "utf8"), v2);
  assert.equal(readFileSync(file + ".bak", "utf8"), v1);
  assert.equal(parseProject(readFileSync(file, "utf8")).meta.title, "second");
  assert.equal(parseProject(readFileSync(file + ".bak", "utf8")).meta.title, "first");

  await saveAtomic(file, new TextEncoder().encode(v1));
  assert.equal(readFileSync(file, "utf8"), v1, "bytes are written as given");
  assert.equal(readFileSync(file + ".bak", "utf8"), v2, "the .bak is always the version just replaced");
  assert.deepEqual(readdirSync(dir).sort(), ["북러 정상회담.dari", "북러 정상회담.dari.bak"]);
});

test("a crash between write and rename leaves the old file intact, and the next save cleans up", async (t) => {
  const dir = tempDir(t);
  const file = join(dir, "project.dari");
  const old = commentary("old");
  const next = join(dir, "next.txt");
  writeFileSync(next, commentary("new"));
  await saveAtomic(file, old);

  const child = spawnSync(process.execPath, ["--import", "tsx", join(here, "fixtures/crash-before-rename.ts"), file, next], { encoding: "utf8" });
  assert.equal(child.signal, "SIGKILL", `the child should die mid-save: ${child.stderr}`);
  const temp = child.stdout.trim();
  assert.equal(readFileSync(temp, "utf8"), readFileSync(next, "utf8"), "the new version was fully written to the temporary file");

  assert.equal(readFileSync(file, "utf8"), old, "the old file survives byte for byte");
  assert.equal(parseProject(readFileSync(file, "utf8")).meta.title, "old");

  await saveAtomic(file, commentary("after"));
  assert.equal(parseProject(readFileSync(file, "utf8")).meta.title, "after");
  assert.deepEqual(readdirSync(dir).sort(), ["next.txt", "project.dari", "project.dari.bak"], "the dead save's temporary file is gone");
});

test("a save that fails reports the file and leaves the old version as it was", async (t) => {
  const dir = tempDir(t);
  const file = join(dir, "p.dari");
  const old = commentary("old");
  await saveAtomic(file, old);
  const err = await rejection(
    saveAtomic(file, commentary("new"), {
      beforeRename: () => {
        throw new Error("disk pulled out");
      },
    }),
  );
  assert.equal(err.key, "io.cannotWrite");
  assert.equal(err.params.file, file);
  assert.match(err.message, /p\.dari cannot be written: disk pulled out/);
  assert.equal(readFileSync(file, "utf8"), old);
  assert.ok(!readdirSync(dir).some((n) => n.includes("tmp")), "no temporary file is left behind");

  const missingFolder = join(dir, "no such folder", "x.dari");
  const e2 = await rejection(saveAtomic(missingFolder, old));
  assert.equal(e2.key, "io.cannotWrite");
  assert.match(e2.message, /no such folder.*cannot be written: ENOENT/);

  mkdirSync(join(dir, "folder.dari"));
  const e3 = await rejection(saveAtomic(join(dir, "folder.dari"), old));
  assert.equal(e3.key, "io.cannotWrite");
  assert.ok(lstatSync(join(dir, "folder.dari")).isDirectory(), "a folder is never replaced");
});

test("saving through a symbolic link replaces the file it points to", async (t) => {
  const dir = tempDir(t);
  const real = join(dir, "real.dari");
  const link = join(dir, "link.dari");
  await saveAtomic(real, commentary("one"));
  symlinkSync(real, link);
  await saveAtomic(link, commentary("two"));
  assert.ok(lstatSync(link).isSymbolicLink(), "the link stays a link");
  assert.equal(parseProject(readFileSync(real, "utf8")).meta.title, "two");
  assert.equal(parseProject(readFileSync(real + ".bak", "utf8")).meta.title, "one");
});

test("reading a project gives clear errors for missing, folder, too large and non-UTF-8 files", async (t) => {
  const dir = tempDir(t);
  const file = join(dir, "p.dari");
  const text = commentary("read me");
  writeFileSync(file, text);
  assert.equal(await readProjectFile(file), text);

  const missing = await rejection(readProjectFile(join(dir, "gone.dari")));
  assert.equal(missing.key, "io.notFound");
  assert.match(missing.message, /gone\.dari does not exist/);

  const folder = await rejection(readProjectFile(dir));
  assert.equal(folder.key, "io.isDirectory");
  assert.match(folder.message, /is a folder, not a file/);

  const big = await rejection(readProjectFile(file, 1024));
  assert.equal(big.key, "file.tooLarge");
  assert.equal(big.params.file, file);
  assert.match(big.message, /p\.dari is 0\.\d+ MB, larger than the 0\.00098 MB Dari opens/);

  const latin1 = join(dir, "latin1.dari");
  writeFileSync(latin1, Buffer.from([0x7b, 0xe9, 0x7d]));
  const bad = await rejection(readProjectFile(latin1));
  assert.equal(bad.key, "io.cannotRead");
  assert.match(bad.message, /latin1\.dari cannot be read: not UTF-8 text/);
});

test("a recovery copy is offered back only while it is newer than its file and differs from it", async (t) => {
  const dir = tempDir(t);
  const userData = join(dir, "userData");
  const file = join(dir, "p.dari");
  const saved = commentary("saved");
  const edited = commentary("edited, not saved");
  await saveAtomic(file, saved);
  const past = new Date(Date.now() - 60_000);
  utimesSync(file, past, past);

  assert.equal(await readRecovery(userData, file), null, "nothing to offer before any autosave");
  await writeRecovery(userData, file, edited);
  const rec = await readRecovery(userData, file);
  assert.ok(rec);
  assert.equal(rec.text, edited);
  assert.equal(rec.path, file);
  assert.equal(parseProject(rec.text).meta.title, "edited, not saved");
  assert.ok(recoveryPath(userData, file).startsWith(join(userData, "recovery")));

  // The analyst then saved: the file is newer than the copy.
  await saveAtomic(file, edited.replace("edited, not saved", "saved later"));
  const future = new Date(Date.now() + 60_000);
  utimesSync(file, future, future);
  assert.equal(await readRecovery(userData, file), null, "a copy older than its file is not offered");

  // A copy identical to the file offers nothing to recover.
  utimesSync(file, past, past);
  await writeRecovery(userData, file, readFileSync(file, "utf8"));
  assert.equal(await readRecovery(userData, file), null);

  // The file was deleted meanwhile: the copy is all there is.
  await writeRecovery(userData, file, edited);
  rmSync(file);
  assert.equal((await readRecovery(userData, file))?.text, edited);

  await discardRecovery(userData, file);
  assert.equal(await readRecovery(userData, file), null);
  await discardRecovery(userData, file); // discarding twice is fine
});

test("untitled and titled projects keep separate recovery copies", async (t) => {
  const dir = tempDir(t);
  const userData = join(dir, "userData");
  const a = join(dir, "a.dari");
  const b = join(dir, "b.dari");
  await writeRecovery(userData, null, commentary("untitled"), new Date("2026-11-25T21:00:00Z"));
  await writeRecovery(userData, a, commentary("A"), new Date("2026-11-25T21:01:00Z"));
  await writeRecovery(userData, b, commentary("B"), new Date("2026-11-25T21:02:00Z"));
  assert.notEqual(recoveryPath(userData, a), recoveryPath(userData, b));
  assert.equal(parseProject((await readRecovery(userData, null))!.text).meta.title, "untitled");
  assert.equal(parseProject((await readRecovery(userData, a))!.text).meta.title, "A");
  assert.deepEqual(
    (await listRecoveries(userData)).map((r) => [r.path, r.savedAt]),
    [
      [b, "2026-11-25T21:02:00.000Z"],
      [a, "2026-11-25T21:01:00.000Z"],
      [null, "2026-11-25T21:00:00.000Z"],
    ],
  );
  writeFileSync(recoveryPath(userData, join(dir, "c.dari")), readFileSync(recoveryPath(userData, b)));
  assert.equal(await readRecovery(userData, join(dir, "c.dari")), null, "a copy that names another project is not offered");
  rmSync(recoveryPath(userData, join(dir, "c.dari")));
  writeFileSync(recoveryPath(userData, a), "{ garbled");
  assert.equal(await readRecovery(userData, a), null, "an unreadable copy is not offered");
  assert.equal((await listRecoveries(userData)).length, 2);
});

/** Timers the test advances by hand. */
function fakeTimers(): Timers & { advance(ms: number): void; now: number } {
  let now = 0;
  let next = 1;
  const queue = new Map<number, { at: number; fn: () => void }>();
  return {
    get now() {
      return now;
    },
    setTimeout(fn, ms) {
      const id = next++;
      queue.set(id, { at: now + ms, fn });
      return id;
    },
    clearTimeout(id) {
      queue.delete(id as number);
    },
    advance(ms) {
      const end = now + ms;
      for (;;) {
        const due = [...queue.entries()].filter(([, v]) => v.at <= end).sort((x, y) => x[1].at - y[1].at)[0];
        if (!due) break;
        queue.delete(due[0]);
        now = due[1].at;
        due[1].fn();
      }
      now = end;
    },
  };
}

const tick = () => new Promise((r) => setImmediate(r));

test("autosave writes the latest snapshot after 3 s of idle editing", async () => {
  const timers = fakeTimers();
  const written: { text: string; at: number }[] = [];
  const autosave = createAutosave<string>({ timers, write: (text) => void written.push({ text, at: timers.now }) });

  autosave.touch("한");
  timers.advance(2000);
  autosave.touch("한국");
  timers.advance(2000);
  autosave.touch("한국어");
  assert.equal(autosave.pending, true);
  timers.advance(2999);
  await tick();
  assert.deepEqual(written, [], "typing keeps postponing the autosave");
  timers.advance(1);
  await tick();
  assert.deepEqual(written, [{ text: "한국어", at: 7000 }], "one write, of the last snapshot, 3 s after the last edit");
  assert.equal(autosave.pending, false);

  timers.advance(10_000);
  await tick();
  assert.equal(written.length, 1, "no edit, no write");
});

test("autosave flush writes now, cancel forgets, and writes never overlap", async () => {
  const timers = fakeTimers();
  const log: string[] = [];
  let release: () => void = () => {};
  const autosave = createAutosave<string>({
    delayMs: 100,
    timers,
    write: async (s) => {
      log.push(`start ${s}`);
      if (s === "slow") await new Promise<void>((r) => (release = r));
      log.push(`end ${s}`);
    },
  });

  autosave.touch("a");
  await autosave.flush();
  assert.deepEqual(log, ["start a", "end a"]);
  timers.advance(1000);
  await tick();
  assert.equal(log.length, 2, "a flushed snapshot is not written again by the timer");

  autosave.touch("b");
  autosave.cancel();
  timers.advance(1000);
  await autosave.flush();
  assert.equal(log.length, 2, "a cancelled snapshot is never written");

  autosave.touch("slow");
  timers.advance(100);
  await tick();
  autosave.touch("c");
  timers.advance(100);
  await tick();
  assert.deepEqual(log.slice(2), ["start slow"], "the next write waits for the one in progress");
  release();
  await autosave.flush();
  assert.deepEqual(log.slice(2), ["start slow", "end slow", "start c", "end c"]);
});

test("autosave with real timers and a failing write keeps going", async () => {
  const errors: unknown[] = [];
  const written: string[] = [];
  const autosave = createAutosave<string>({
    delayMs: 20,
    onError: (e) => errors.push(e),
    write: (s) => {
      if (s === "bad") throw new Error("disk full");
      written.push(s);
    },
  });
  autosave.touch("bad");
  await new Promise((r) => setTimeout(r, 60));
  autosave.touch("good");
  await new Promise((r) => setTimeout(r, 60));
  assert.equal(errors.length, 1);
  assert.deepEqual(written, ["good"]);
});

test("at the next start, temporary files left by a killed save are removed; live saves and other files are not touched", async (t) => {
  const dir = tempDir(t);
  const file = join(dir, "project.dari");
  const old = commentary("old");
  const next = join(dir, "next.txt");
  writeFileSync(next, commentary("new"));
  await saveAtomic(file, old);
  const child = spawnSync(process.execPath, ["--import", "tsx", join(here, "fixtures/crash-before-rename.ts"), file, next], { encoding: "utf8" });
  assert.equal(child.signal, "SIGKILL", `the child should die mid-save: ${child.stderr}`);
  const dead = child.stdout.trim();
  // A save under way in this (live) process, one of a live pid but a day old (the pid was reused), and a look-alike that is not ours.
  const live = join(dir, `.other.dari.dari-tmp-${process.pid}-0a1b2c3d`);
  const old1 = join(dir, `.older.dari.dari-tmp-${process.pid}-deadbeef`);
  const mine = join(dir, "notes.dari-tmp-123-abc.txt");
  for (const f of [live, old1, mine]) writeFileSync(f, "x");
  const dayAgo = new Date(Date.now() - 24 * 3600 * 1000);
  utimesSync(old1, dayAgo, dayAgo);

  const removed = await removeStaleTempFiles([dir, join(dir, "no-such-folder")]);
  assert.deepEqual(removed.sort(), [dead, old1].sort());
  assert.deepEqual(readdirSync(dir).sort(), [".other.dari.dari-tmp-" + process.pid + "-0a1b2c3d", "next.txt", "notes.dari-tmp-123-abc.txt", "project.dari", "project.dari.bak"].sort());
  assert.equal(readFileSync(file, "utf8"), old, "the project itself is as it was");
});
