// Helpers shared by the Node tests.
import { before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { TextSelection, type Command, type EditorState } from "prosemirror-state";
import { DariError } from "../app/errors";
import { runCli } from "../main/cli";

/** The DariError that f throws (fails the test when it throws nothing or something else). */
export function errorOf(f: () => unknown): DariError {
  try {
    f();
  } catch (e) {
    assert.ok(e instanceof DariError, `expected a DariError, got ${e}`);
    return e;
  }
  assert.fail("expected an error");
}

/** Runs the dari CLI in this process, as the shell would, collecting its output. */
export async function dari(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await runCli(args, { stdout: (t) => (out += t), stderr: (t) => (err += t) });
  return { code, out, err };
}

/** A temporary folder for a test file, made before its tests and removed after them. */
export function useTempDir(prefix: string): () => string {
  let dir: string | undefined;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), prefix));
  });
  after(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });
  return () => {
    if (!dir) throw new Error("the temporary folder is not made yet");
    return dir;
  };
}

// --- Files, for the tests of app/ (app/ itself never touches the file system) ---

const CORPUS_DIR = fileURLToPath(new URL("../../shared/corpus/", import.meta.url));

/** A file of the sample corpus (../shared/corpus), as text. */
export function corpus(name: string): string {
  return readFileSync(join(CORPUS_DIR, name), "utf8");
}

export interface GoldAlignment {
  ko: string[][];
  en: string[][];
  beads: { ko: number[]; en: number[]; paragraph?: number }[];
}

/** The gold sentence splits and alignment of the sample (commentary.gold.json). */
export function corpusGold(): GoldAlignment {
  return JSON.parse(corpus("commentary.gold.json")) as GoldAlignment;
}

/** A fresh temporary folder (removed by the OS's temp clean-up; tests keep nothing in it). */
export function tempFolder(prefix = "dari-test-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Writes a file into a fresh temporary folder and returns its path. */
export function tempFile(name: string, content: string | Uint8Array): string {
  const path = join(tempFolder(), name);
  writeFileSync(path, content);
  return path;
}

export function readText(path: string | URL): string {
  return readFileSync(path, "utf8");
}

export function writeTestFile(path: string, content: string | Uint8Array): void {
  writeFileSync(path, content);
}

export function removeFolder(path: string): void {
  rmSync(path, { recursive: true, force: true });
}

export function readBytes(path: string): Uint8Array {
  return new Uint8Array(readFileSync(path));
}

/** The names of the files in a folder. */
export function listFolder(path: string): string[] {
  return readdirSync(path);
}

export function fileExists(path: string): boolean {
  return existsSync(path);
}

/** Runs a command that must apply; returns the state after it. */
export function runCommand(s: EditorState, cmd: Command): EditorState {
  let next = s;
  assert.ok(cmd(s, (tr) => (next = s.apply(tr))), "the command applies");
  return next;
}

/** Where a phrase starts in the first side that holds it. */
export function phraseStart(s: EditorState, phrase: string): number {
  let at = -1;
  s.doc.descendants((n, pos) => {
    if (at < 0 && n.isTextblock && n.textContent.includes(phrase)) at = pos + 1 + n.textContent.indexOf(phrase);
    return at < 0;
  });
  assert.ok(at >= 0, `no side holds “${phrase}”`);
  return at;
}

/** The state with a phrase selected. */
export function selectPhrase(s: EditorState, phrase: string): EditorState {
  const at = phraseStart(s, phrase);
  return s.apply(s.tr.setSelection(TextSelection.create(s.doc, at, at + phrase.length)));
}
