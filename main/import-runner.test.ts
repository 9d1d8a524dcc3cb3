// The import worker (issue 11, requirement 6): parsing runs off main's event
// loop under a heap limit, so a file that needs too much memory ends the
// worker with a clear error naming the file, and main goes on.
import { test } from "node:test";
import assert from "node:assert/strict";
import { importInWorker } from "./import-runner";
import { isDariError } from "../app/errors";

const enc = (s: string) => new TextEncoder().encode(s);

test("a file is parsed in the worker and comes back as text", async () => {
  const r = await importInWorker("memo.txt", enc("북러 정상회담이 열렸다.\n\n우주 협력이 논의되었다."), "ko");
  assert.equal(r.text, "북러 정상회담이 열렸다.\n\n우주 협력이 논의되었다.");
  assert.equal(r.encoding, "utf-8");
  const bad = await importInWorker("photo.txt", new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]), "ko").catch((e) => e);
  assert.ok(isDariError(bad), "a refusal crosses back as a DariError");
  assert.equal(bad.key, "import:binary");
  assert.match(bad.message, /photo\.txt/);
});

test("a file that needs more memory than the worker's heap ends the worker with a clear error; main and the next import go on", async () => {
  // Six million one-word paragraphs: a 48 MB file whose parsing builds millions of strings, far over a 48 MB heap.
  const big = enc("<p>a</p>".repeat(6_000_000));
  let ticks = 0;
  const timer = setInterval(() => ticks++, 10);
  const e = await importInWorker("huge.html", big, "en", {}, { heapMb: 48 }).catch((err) => err);
  clearInterval(timer);
  assert.ok(isDariError(e), String(e));
  assert.equal(e.key, "import:outOfMemory", e.message);
  assert.match(e.message, /huge\.html needs more than the 48 MB of memory/);
  assert.ok(ticks > 0, "main's timers ran while the worker worked");
  // Main is whole, and a new worker takes the next file.
  const r = await importInWorker("small.txt", enc("Fine."), "en", {}, { heapMb: 48 });
  assert.equal(r.text, "Fine.");
});
