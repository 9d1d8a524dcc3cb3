#!/usr/bin/env node
// The `dari` command. Runs the TypeScript sources through tsx so that the CLI
// and the app always share the same app/ modules.
import { register } from "tsx/esm/api";

register();
const { runCli } = await import("../main/cli.ts");
const code = await runCli(process.argv.slice(2), {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
});
process.exitCode = code;
