#!/usr/bin/env node
// The `dari` command. Runs the CLI built to JavaScript (out/cli/dari.mjs, by
// `npm run build:cli`, which `npm install` runs through `prepare`), so a call
// starts like a compiled tool. In a checkout whose sources changed since that
// build, it runs the TypeScript sources through tsx (a dev dependency)
// instead, so that nobody runs yesterday's code by accident.
import { existsSync, readFileSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = new URL("../", import.meta.url);
const built = new URL("out/cli/dari.mjs", root);

/** The build exists and no source it was built from is newer (or gone). */
function buildIsFresh() {
  try {
    const builtAt = statSync(built).mtimeMs;
    // Without the sources (an installed copy of the build), the build is all there is.
    if (!existsSync(new URL("main/cli.ts", root))) return true;
    const inputs = JSON.parse(readFileSync(new URL("out/cli/inputs.json", root), "utf8"));
    return inputs.every((path) => statSync(new URL(path, root)).mtimeMs <= builtAt);
  } catch {
    return false;
  }
}

async function loadCli() {
  if (buildIsFresh()) return import(built.href);
  let tsx;
  try {
    tsx = await import("tsx/esm/api");
  } catch {
    process.stderr.write(`dari: the command is not built for these sources; run \`npm run build:cli\` in ${fileURLToPath(root)}\n`);
    process.exit(1);
  }
  tsx.register();
  return import(new URL("main/cli.ts", root).href);
}

const { runCli } = await loadCli();
process.exitCode = await runCli(process.argv.slice(2), {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
});
