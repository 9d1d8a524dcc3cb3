// `dari git-setup`: registers Dari's three-way merge driver for *.dari files in
// a git repository, so `git merge` of two analysts' branches merges projects
// by segment and tag instead of by lines of JSON. It writes the repository's
// own config (merge.dari.*) and one line of .gitattributes, nothing else.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { readFile, writeFile } from "node:fs/promises";
import { basename, join, resolve } from "node:path";
import { DariError } from "../app/errors";

const run = promisify(execFile);

/** How git should call this Dari: the same node and script when run as `dari`, else `dari` on the PATH. */
export function driverCommand(argv1 = process.argv[1] ?? ""): string {
  const script = resolve(argv1);
  if (/^dari(\.js|\.cjs|\.mjs)?$/.test(basename(script))) return `"${process.execPath}" "${script}" merge-driver %O %A %B`;
  return "dari merge-driver %O %A %B";
}

const ATTRIBUTE = "*.dari merge=dari";

/** Sets the driver up in the repository at or above `dir`; returns the repository's top folder. */
export async function gitSetup(dir: string, command = driverCommand()): Promise<string> {
  let top: string;
  try {
    top = (await run("git", ["rev-parse", "--show-toplevel"], { cwd: dir })).stdout.trim();
  } catch {
    throw new DariError("io.notGitRepo", { dir });
  }
  await run("git", ["config", "merge.dari.name", "Dari: merge .dari projects by segment, tag and theme"], { cwd: top });
  await run("git", ["config", "merge.dari.driver", command], { cwd: top });
  const path = join(top, ".gitattributes");
  const current = await readFile(path, "utf8").catch(() => "");
  if (!current.split(/\r?\n/).some((l) => l.trim() === ATTRIBUTE))
    await writeFile(path, current + (current && !current.endsWith("\n") ? "\n" : "") + ATTRIBUTE + "\n");
  return top;
}
