// Helpers shared by the Node tests.
import { before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
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
