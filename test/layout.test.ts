// The house rules of DESIGN.md's layout, checked on the sources: app/ is the
// pure core (no Electron, no file system, nothing from main/ or renderer/),
// renderer/ never reaches into main/, and Electron appears only where it must.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

function sources(dir: string, withTests = false): string[] {
  const out: string[] = [];
  for (const e of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...sources(p, withTests));
    else if (/\.ts$/.test(e.name) && (withTests || !/\.test\.ts$/.test(e.name))) out.push(p);
  }
  return out;
}

function imports(file: string): string[] {
  const src = readFileSync(join(ROOT, file), "utf8");
  return [...src.matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1] ?? m[2]);
}

test("app/ imports nothing from Electron, Node's file system, main/ or renderer/", () => {
  const bad: string[] = [];
  for (const file of sources("app", true)) {
    for (const spec of imports(file)) {
      if (/^(electron|fs|node:fs|fs\/promises|node:fs\/promises)$/.test(spec) || /(^|\/)(main|renderer)\//.test(spec)) bad.push(`${file}: ${spec}`);
    }
  }
  assert.deepEqual(bad, []);
});

test("renderer/ never imports main/; Electron is used only in main's shell files", () => {
  const bad: string[] = [];
  for (const file of sources("renderer")) for (const spec of imports(file)) if (/(^|\/)main\//.test(spec) || spec === "electron") bad.push(`${file}: ${spec}`);
  const electronUsers = sources("main").filter((f) => imports(f).includes("electron")).map((f) => relative(ROOT, join(ROOT, f)));
  assert.deepEqual(bad, []);
  assert.deepEqual(electronUsers.sort(), ["main/index.ts", "main/pdf-electron.ts", "main/preload.ts"]);
});
