// `dari` starts like a compiled tool (issue 11, requirement 9): bin/dari.js
// runs the CLI built to JavaScript, without tsx, and falls back to the
// TypeScript sources only when they changed since the build. The build is
// made into a sandbox (a copy of bin/ beside links to the real sources), so
// that this test neither races nor replaces the project's own out/cli.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { runCli } from "./cli";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const SAMPLE = join(ROOT, "resources/sample/commentary.dari");
let sandbox = "";
let blockTsx = "";

before(() => {
  sandbox = mkdtempSync(join(tmpdir(), "dari-bin-"));
  for (const name of ["app", "main", "resources", "node_modules", "package.json"]) symlinkSync(join(ROOT, name), join(sandbox, name));
  mkdirSync(join(sandbox, "bin"));
  cpSync(join(ROOT, "bin/dari.js"), join(sandbox, "bin/dari.js"));
  const r = spawnSync(process.execPath, [join(ROOT, "node_modules/vite/bin/vite.js"), "build", "--config", join(ROOT, "scripts/cli.vite.config.ts"), "--outDir", join(sandbox, "out/cli")], { cwd: ROOT, encoding: "utf8" });
  assert.equal(r.status, 0, r.stderr);
  // A loader hook that makes tsx unresolvable, as in an install without dev dependencies.
  blockTsx = join(sandbox, "block-tsx.mjs");
  const hook = `export async function resolve(s, c, next) { if (s === "tsx" || s.startsWith("tsx/")) { const e = new Error("no tsx here: " + s); e.code = "ERR_MODULE_NOT_FOUND"; throw e; } return next(s, c); }`;
  writeFileSync(blockTsx, `import { register } from "node:module";\nregister("data:text/javascript," + encodeURIComponent(${JSON.stringify(hook)}));\n`);
});
after(() => rmSync(sandbox, { recursive: true, force: true }));

function dari(args: string[], withoutTsx: boolean) {
  const env = { ...process.env };
  delete env.NODE_OPTIONS;
  const pre = withoutTsx ? ["--import", blockTsx] : [];
  return spawnSync(process.execPath, [...pre, join(sandbox, "bin/dari.js"), ...args], { encoding: "utf8", env, cwd: sandbox });
}

async function inProcess(args: string[]): Promise<{ code: number; stdout: string }> {
  let stdout = "";
  const code = await runCli(args, { stdout: (t) => (stdout += t), stderr: () => {} });
  return { code, stdout };
}

test("bin/dari.js runs the built JavaScript, with no tsx to be found, and says what the sources say", async () => {
  const built = readFileSync(join(sandbox, "out/cli/dari.mjs"), "utf8");
  assert.doesNotMatch(built, /from "tsx|import\("tsx/, "the bundle needs no TypeScript loader");
  for (const args of [["--help"], ["stats", SAMPLE], ["stats", SAMPLE, "--json"]]) {
    const r = dari(args, true);
    assert.equal(r.status, 0, r.stderr);
    const expected = await inProcess(args);
    assert.equal(r.stdout, expected.stdout, args.join(" "));
  }
  const missing = dari(["stats", join(sandbox, "nope.dari")], true);
  assert.equal(missing.status, 1);
  assert.match(missing.stderr, /nope\.dari does not exist/);
});

test("when a source is newer than the build, bin/dari.js runs the sources through tsx, or says how to rebuild", () => {
  const built = join(sandbox, "out/cli/dari.mjs");
  const old = new Date("2001-01-01T00:00:00Z");
  utimesSync(built, old, old);
  try {
    const r = dari(["--help"], false);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^ {2}dari stats /m);
    const blocked = dari(["--help"], true);
    assert.equal(blocked.status, 1);
    assert.equal(blocked.stdout, "");
    assert.match(blocked.stderr, /^dari: the command is not built for these sources; run `npm run build:cli` in /);
    assert.equal(blocked.stderr.trim().split("\n").length, 1, "one line, no stack trace");
  } finally {
    const now = new Date();
    utimesSync(built, now, now);
  }
  // Fresh again: the built file runs without tsx.
  assert.equal(dari(["--help"], true).status, 0);
});

test("npm install builds the command (prepare), and tsx is only a dev dependency, in package.json and its lock alike", () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { bin: Record<string, string>; scripts: Record<string, string>; dependencies: Record<string, string>; devDependencies: Record<string, string> };
  assert.equal(pkg.bin.dari, "bin/dari.js");
  assert.equal(pkg.scripts.prepare, "npm run build:cli");
  assert.equal(pkg.scripts["build:cli"], "vite build --config scripts/cli.vite.config.ts");
  assert.match(pkg.scripts.build, /npm run build:cli/);
  assert.equal(pkg.dependencies.tsx, undefined);
  assert.ok(pkg.devDependencies.tsx);
  const lock = JSON.parse(readFileSync(join(ROOT, "package-lock.json"), "utf8")) as { packages: Record<string, { dependencies?: Record<string, string>; devDependencies?: Record<string, string>; engines?: unknown; dev?: boolean }> };
  assert.deepEqual(lock.packages[""].engines, (pkg as unknown as { engines: unknown }).engines);
  assert.deepEqual(lock.packages[""].dependencies, pkg.dependencies);
  assert.deepEqual(lock.packages[""].devDependencies, pkg.devDependencies);
  assert.equal(lock.packages["node_modules/tsx"].dev, true);
});
