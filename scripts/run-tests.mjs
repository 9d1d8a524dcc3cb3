#!/usr/bin/env node
// Runs node:test over the test files of one suite. Node 20's --test takes no
// globs, so the files are found here. Usage: node scripts/run-tests.mjs unit|e2e [filter]
import { readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { spawnSync } from "node:child_process";

const suite = process.argv[2] ?? "unit";
const filter = process.argv[3];
const roots = suite === "e2e" ? ["e2e"] : ["app", "main", "renderer", "test"];
const pattern = suite === "e2e" ? /\.e2e\.ts$/ : /\.test\.ts$/;

function walk(dir, out) {
  let names;
  try { names = readdirSync(dir); } catch { return out; }
  for (const name of names) {
    if (name === "node_modules") continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (pattern.test(name) && (!filter || p.includes(filter))) out.push(relative(process.cwd(), p));
  }
  return out;
}

const files = roots.flatMap((r) => walk(r, [])).sort();
if (files.length === 0) {
  console.error(`run-tests: no ${suite} test files found`);
  process.exit(1);
}
const args = ["--import", "tsx", "--test", "--test-reporter=spec"];
// e2e files share one Chromium each; run them one at a time on our 2 cores.
if (suite === "e2e") args.push("--test-concurrency=1");
const r = spawnSync(process.execPath, [...args, ...files], { stdio: "inherit" });
process.exit(r.status ?? 1);
