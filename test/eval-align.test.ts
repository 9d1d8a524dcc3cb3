// `npm run eval:align <folder>`: a user measures Dari on their own aligned texts.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { useTempDir, corpus } from "./support";

const root = fileURLToPath(new URL("..", import.meta.url));
const tmp = useTempDir("dari-eval-align-");

function evalAlign(...args: string[]): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, ["--import", "tsx", join(root, "scripts/eval-align.ts"), ...args], { cwd: root, encoding: "utf8" });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

test("a folder of .ko.txt, .en.txt and .gold.json is scored: bead F1 and 1-1 recall per set; bad folders are named", () => {
  const mine = join(tmp(), "mine");
  mkdirSync(mine);
  writeFileSync(join(mine, "sample.ko.txt"), corpus("commentary.ko.txt"));
  writeFileSync(join(mine, "sample.en.txt"), corpus("commentary.en.txt"));
  writeFileSync(join(mine, "sample.gold.json"), corpus("commentary.gold.json"));
  const r = evalAlign(mine, "--json");
  assert.equal(r.code, 0, r.err);
  const [set] = JSON.parse(r.out) as { name: string; docs: number; score: { f1: number; oneOne: number; oneOneFound: number; gold: number } }[];
  assert.equal(set.name, "mine");
  assert.equal(set.docs, 1);
  assert.equal(set.score.gold, 49);
  assert.equal(set.score.f1, 1);
  const table = evalAlign(mine);
  assert.match(table.out, /bead-F1/);
  assert.match(table.out, /^mine\s+1\s+49\s+1\.000\s+100\.0%/m);

  const broken = join(tmp(), "broken");
  mkdirSync(broken);
  writeFileSync(join(broken, "a.ko.txt"), "한 문장이다.");
  writeFileSync(join(broken, "a.en.txt"), "One sentence.");
  writeFileSync(join(broken, "a.gold.json"), JSON.stringify({ ko: [["한 문장이다."]], en: [["One sentence."]], beads: [{ ko: [0], en: [3] }] }));
  const bad = evalAlign(broken);
  assert.equal(bad.code, 1);
  assert.match(bad.err, /a\.gold\.json: bead 0 refers to a sentence/);
});
