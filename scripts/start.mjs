#!/usr/bin/env node
// `npm start`: build the app and open it in Electron.
//
// Electron 45 no longer downloads its binary at install time; the `electron`
// package fetches it the first time it is required. electron-vite only reads
// node_modules/electron/path.txt and never triggers that download, so here the
// binary is resolved through the package itself first (in a child Node, whose
// output is kept, so a failure is one sentence and not a stack trace) and its
// path handed to `electron-vite preview` as ELECTRON_EXEC_PATH.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

/** The oldest Node that Electron's downloader (@electron/get) declares it runs on. */
export const DOWNLOAD_NODE = "22.12.0";

/** Whether `version` (e.g. "20.19.1") is at least `min`. */
export function nodeAtLeast(version, min) {
  const a = version.replace(/^v/, "").split(".").map(Number);
  const b = min.split(".").map(Number);
  for (let i = 0; i < 3; i++) if ((a[i] ?? 0) !== b[i]) return (a[i] ?? 0) > b[i];
  return true;
}

/** Whether requiring `electron` will download the binary first (the test node_modules/electron/index.js makes). */
export function electronNeedsDownload(electronDir, env) {
  if (env.ELECTRON_OVERRIDE_DIST_PATH) return false;
  try {
    return !existsSync(join(electronDir, "dist", readFileSync(join(electronDir, "path.txt"), "utf8")));
  } catch {
    return true;
  }
}

/** The first line of a failed download's output that says what went wrong (not the stack). */
export function downloadReason(stderr) {
  const lines = stderr.split("\n").map((l) => l.trim()).filter((l) => l && !l.startsWith("at ") && !/^Node\.js v/.test(l));
  const cause = lines.find((l) => /\b(ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPROTO|CERT|certificate|HTTPError|status code|Response code|fetch failed|checksum)\b/i.test(l));
  return (cause ?? lines[0] ?? "no output").replace(/\.$/, "");
}

/**
 * Resolves the Electron binary through the `electron` package of the project
 * at `root`. Returns { path } or { problem }: one sentence saying why the app
 * cannot start and what to do.
 */
export function resolveElectron({ root, env, nodeVersion, onDownload = () => {} }) {
  if (env.ELECTRON_EXEC_PATH) return { path: env.ELECTRON_EXEC_PATH };
  const require = createRequire(join(root, "package.json"));
  let electronDir;
  try {
    electronDir = dirname(require.resolve("electron/package.json"));
  } catch {
    return { problem: "The electron package is not installed: run `npm install`, then `npm start` again." };
  }
  const version = JSON.parse(readFileSync(join(electronDir, "package.json"), "utf8")).version;
  const download = electronNeedsDownload(electronDir, env);
  if (download && !nodeAtLeast(nodeVersion, DOWNLOAD_NODE)) {
    return {
      problem: `Electron ${version} has to be downloaded once, and its downloader needs Node ${DOWNLOAD_NODE} or newer while this is Node ${nodeVersion.replace(/^v/, "")}: install Node 22.12+ and run \`npm start\` again (the dari command line and the tests also run on Node 20.19+).`,
    };
  }
  if (download) onDownload(version);
  const r = spawnSync(process.execPath, ["-e", "process.stdout.write('\\n' + require(process.argv[1]))", electronDir], {
    cwd: root,
    env,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
  const path = r.status === 0 ? r.stdout.split("\n").pop() : "";
  if (path && existsSync(path)) return { path };
  if (r.status === 0 && env.ELECTRON_OVERRIDE_DIST_PATH) return { problem: `ELECTRON_OVERRIDE_DIST_PATH leads to ${path}, which does not exist: point it at an Electron build or unset it, then run \`npm start\` again.` };
  if (r.status === 0) return { problem: `The electron package names its binary as ${path || "nothing"}, which does not exist: delete node_modules/electron, run \`npm install\`, then \`npm start\` again.` };
  return {
    problem: `Electron ${version} could not be downloaded (${downloadReason(r.stderr)}): connect to the network, set HTTPS_PROXY if you are behind a proxy or ELECTRON_MIRROR to download from a mirror, then run \`npm start\` again.`,
  };
}

function main() {
  const root = fileURLToPath(new URL("..", import.meta.url));
  const electron = resolveElectron({
    root,
    env: process.env,
    nodeVersion: process.versions.node,
    onDownload: (version) => process.stdout.write(`Downloading Electron ${version} (once, about 100 MB)…\n`),
  });
  if ("problem" in electron) {
    process.stderr.write(`npm start: ${electron.problem}\n`);
    process.exit(1);
  }
  const cli = join(dirname(createRequire(join(root, "package.json")).resolve("electron-vite/package.json")), "bin", "electron-vite.js");
  // `--dev` (npm run dev): electron-vite's dev server with hot reload instead of a production build.
  const dev = process.argv[2] === "--dev";
  // Other arguments (after `npm start --`) go to the app, e.g. a .dari file to open.
  const args = process.argv.slice(dev ? 3 : 2);
  const env = { ...process.env, ELECTRON_EXEC_PATH: electron.path };
  if (args.length > 0) env.ELECTRON_CLI_ARGS = JSON.stringify(args);
  const child = spawn(process.execPath, [cli, dev ? "dev" : "preview"], { cwd: root, env, stdio: "inherit" });
  child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

if (process.argv[1] && pathToFileURL(process.argv[1]).href === import.meta.url) main();
