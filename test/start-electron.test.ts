// `npm start` finds Electron through the `electron` package (issue 11,
// requirement 1), and where the binary cannot be had says so in one
// sentence. A sandbox holds a copy of the electron package with no binary,
// so that its download really runs (against a mirror that refuses, so it
// fails the same way on any machine) without touching node_modules.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { resolveElectron, nodeAtLeast, downloadReason, electronNeedsDownload, DOWNLOAD_NODE } from "../scripts/start.mjs";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const REAL_ELECTRON = join(ROOT, "node_modules", "electron");

/** A project with the electron package (its scripts, not its binary) and the real downloader beside it. */
function sandbox(): string {
  const dir = mkdtempSync(join(tmpdir(), "dari-start-"));
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "sandbox", private: true, main: "out/main/index.cjs" }));
  const electron = join(dir, "node_modules", "electron");
  mkdirSync(electron, { recursive: true });
  for (const f of ["index.js", "install.js", "package.json", "checksums.json", "cli.js"]) cpSync(join(REAL_ELECTRON, f), join(electron, f));
  for (const scope of ["@electron", "@electron-internal"]) symlinkSync(join(ROOT, "node_modules", scope), join(dir, "node_modules", scope));
  mkdirSync(join(dir, "scripts"));
  cpSync(join(ROOT, "scripts", "start.mjs"), join(dir, "scripts", "start.mjs"));
  return dir;
}

/** An environment whose download cannot succeed anywhere: a mirror on a closed port and an empty cache. */
function offline(dir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ELECTRON_MIRROR: "http://127.0.0.1:9/", electron_config_cache: join(dir, "cache") };
  for (const k of ["ELECTRON_OVERRIDE_DIST_PATH", "ELECTRON_EXEC_PATH", "NODE_OPTIONS"]) delete env[k];
  return env;
}

const VERSION = (JSON.parse(readFileSync(join(REAL_ELECTRON, "package.json"), "utf8")) as { version: string }).version;

test("the binary is whatever the electron package names (ELECTRON_OVERRIDE_DIST_PATH included), and a download is needed only without one", () => {
  const dir = sandbox();
  const env = offline(dir);
  assert.equal(electronNeedsDownload(join(dir, "node_modules", "electron"), env), true);
  const dist = join(dir, "standin");
  mkdirSync(dist);
  writeFileSync(join(dist, "electron"), "#!/bin/sh\n", { mode: 0o755 });
  const withOverride = { ...env, ELECTRON_OVERRIDE_DIST_PATH: dist };
  assert.equal(electronNeedsDownload(join(dir, "node_modules", "electron"), withOverride), false);
  // Even on a Node too old to download: nothing has to be downloaded.
  assert.deepEqual(resolveElectron({ root: dir, env: withOverride, nodeVersion: "20.19.0" }), { path: join(dist, "electron") });
  assert.deepEqual(resolveElectron({ root: dir, env: { ...env, ELECTRON_EXEC_PATH: "/opt/electron/electron" }, nodeVersion: "20.19.0" }), { path: "/opt/electron/electron" });
  assert.deepEqual(resolveElectron({ root: dir, env: { ...env, ELECTRON_OVERRIDE_DIST_PATH: join(dir, "nowhere") }, nodeVersion: "20.19.0" }), {
    problem: `ELECTRON_OVERRIDE_DIST_PATH leads to ${join(dir, "nowhere", "electron")}, which does not exist: point it at an Electron build or unset it, then run \`npm start\` again.`,
  });
});

test("on a Node too old for Electron's downloader, start stops with one sentence naming the Node it needs", () => {
  const dir = sandbox();
  let downloads = 0;
  const r = resolveElectron({ root: dir, env: offline(dir), nodeVersion: "20.19.0", onDownload: () => downloads++ });
  assert.ok("problem" in r);
  assert.equal(r.problem, `Electron ${VERSION} has to be downloaded once, and its downloader needs Node 22.12.0 or newer while this is Node 20.19.0: install Node 22.12+ and run \`npm start\` again (the dari command line and the tests also run on Node 20.19+).`);
  assert.equal(downloads, 0);
  assert.equal(existsSync(join(dir, "node_modules", "electron", "dist")), false);
});

test("when the download fails, start says why and what to do (network, proxy, ELECTRON_MIRROR), with no stack trace", () => {
  const dir = sandbox();
  let announced = "";
  const r = resolveElectron({ root: dir, env: offline(dir), nodeVersion: DOWNLOAD_NODE, onDownload: (v) => (announced = v) });
  assert.equal(announced, VERSION, "the user is told a download starts");
  assert.ok("problem" in r, JSON.stringify(r));
  assert.match(r.problem, new RegExp(`^Electron ${VERSION.replace(/\./g, "\\.")} could not be downloaded \\((.+)\\): connect to the network, set HTTPS_PROXY if you are behind a proxy or ELECTRON_MIRROR to download from a mirror, then run \`npm start\` again\\.$`));
  assert.doesNotMatch(r.problem, /\n|\bat .*:\d+:\d+/);
  // The reason is the downloader's error line (here: the mirror refuses, or a proxy answers for it).
  const reason = /could not be downloaded \((.+)\): /.exec(r.problem)![1];
  assert.match(reason, /fetch failed|ECONNREFUSED|HTTPError|Response code|status code/);
});

test("the start script itself exits non-zero with that one sentence on stderr", () => {
  const dir = sandbox();
  const r = spawnSync(process.execPath, [join(dir, "scripts", "start.mjs")], { cwd: dir, env: offline(dir), encoding: "utf8" });
  assert.equal(r.status, 1);
  const lines = r.stderr.trim().split("\n");
  assert.equal(lines.length, 1, r.stderr);
  const sentence = nodeAtLeast(process.versions.node, DOWNLOAD_NODE) ? /^npm start: Electron \S+ could not be downloaded \(.+\): connect to the network/ : /^npm start: Electron \S+ has to be downloaded once, and its downloader needs Node 22\.12\.0 or newer/;
  assert.match(lines[0], sentence);
});

test("the reason of a failed download is its error line, not its stack", () => {
  const stderr = [
    "TypeError: fetch failed",
    "    at node:internal/deps/undici/undici:14976:13",
    "    at async FetchDownloader.download (file:///x/node_modules/@electron/get/dist/FetchDownloader.js:46:30)",
    "/x/node_modules/electron/index.js:43",
    "Error: Electron failed to install correctly.",
    "Node.js v22.12.0",
  ].join("\n");
  assert.equal(downloadReason(stderr), "TypeError: fetch failed");
  assert.equal(downloadReason("HTTPError: Response code 404 (Not Found) for http://m/v45.5.0/electron.zip\n    at x (y.js:1:1)"), "HTTPError: Response code 404 (Not Found) for http://m/v45.5.0/electron.zip");
  assert.equal(downloadReason(""), "no output");
  assert.equal(nodeAtLeast("22.12.0", "22.12.0"), true);
  assert.equal(nodeAtLeast("v24.1.0", "22.12.0"), true);
  assert.equal(nodeAtLeast("22.11.9", "22.12.0"), false);
  assert.equal(nodeAtLeast("20.19.5", "22.12.0"), false);
});
