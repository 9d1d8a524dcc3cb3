// Files the analyst must never lose (DESIGN.md "The .dari file"): atomic save
// with a .bak of the previous version, reading a project with clear errors,
// recovery copies written by autosave, and the idle autosave scheduler.
//
// Plain Node, no Electron: the user-data folder is always a parameter.
import { createHash, randomBytes } from "node:crypto";
import { constants as fsc } from "node:fs";
import { copyFile, link, lstat, mkdir, open, readdir, readFile, realpath, rename, stat, unlink } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { DariError } from "../app/errors";

// ---------------------------------------------------------------- atomic save

export interface SaveOptions {
  /** Keep the previous version as `path + ".bak"` (default true). */
  backup?: boolean;
  /**
   * Test hook: runs after the temporary file is written and fsynced, before
   * the rename. The crash tests kill the process here.
   */
  beforeRename?: (tempPath: string) => void | Promise<void>;
}

const TEMP_MARK = ".dari-tmp-";

function reasonOf(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  return err?.code ? `${err.code}: ${err.message}` : String((e as Error)?.message ?? e);
}

function codeOf(e: unknown): string | undefined {
  return (e as NodeJS.ErrnoException)?.code;
}

/** The temporary name of a save of `path`: hidden, in the same folder, with our pid. */
function tempPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}${TEMP_MARK}${process.pid}-${randomBytes(4).toString("hex")}`);
}

function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return codeOf(e) === "EPERM";
  }
}

/** Removes temporary files (of `path` and its .bak) left by saves whose process died mid-save. */
async function removeStaleTemps(path: string): Promise<void> {
  const prefixes = [`.${basename(path)}${TEMP_MARK}`, `.${basename(path)}.bak${TEMP_MARK}`];
  let names: string[];
  try {
    names = await readdir(dirname(path));
  } catch {
    return;
  }
  for (const name of names) {
    const prefix = prefixes.find((p) => name.startsWith(p));
    if (!prefix) continue;
    const pid = Number(name.slice(prefix.length).split("-")[0]);
    if (Number.isInteger(pid) && pid > 0 && !isAlive(pid)) await unlink(join(dirname(path), name)).catch(() => {});
  }
}

/** A save takes moments: a temporary file this old is stale even if its pid now names another live process. */
const STALE_TEMP_MS = 60 * 60 * 1000;

/**
 * At start: removes the temporary files (`.<name>.dari-tmp-<pid>-<hex>`) that
 * saves killed mid-way left in `folders` (the user-data folder, the recovery
 * copies, the folders of the recent files): those of a process that is gone,
 * or older than an hour. Files that are not ours are never touched; a folder
 * that cannot be read is passed over. Returns the paths removed.
 */
export async function removeStaleTempFiles(folders: string[], now: number = Date.now()): Promise<string[]> {
  const removed: string[] = [];
  for (const folder of new Set(folders.map((f) => resolve(f)))) {
    let names: string[];
    try {
      names = await readdir(folder);
    } catch {
      continue;
    }
    for (const name of names) {
      const m = /^\..+\.dari-tmp-(\d+)-[0-9a-f]+$/.exec(name);
      if (!m) continue;
      const path = join(folder, name);
      const info = await lstat(path).catch(() => null);
      if (!info?.isFile()) continue;
      if (isAlive(Number(m[1])) && now - info.mtimeMs < STALE_TEMP_MS) continue;
      try {
        await unlink(path);
        removed.push(path);
      } catch {
        // Gone already, or not ours to remove: nothing to do.
      }
    }
  }
  return removed;
}

async function fsyncDir(dir: string): Promise<void> {
  // Makes the rename durable. Windows cannot open a folder for fsync; there
  // the rename is as durable as the OS makes it.
  let fh;
  try {
    fh = await open(dir, "r");
    await fh.sync();
  } catch (e) {
    if (!["EISDIR", "EPERM", "EACCES", "EINVAL"].includes(codeOf(e) ?? "")) throw e;
  } finally {
    await fh?.close();
  }
}

/** Keeps the current file as `bak` without touching it: a hard link, or a copy where links fail. */
async function keepBackup(path: string, bak: string): Promise<void> {
  // Build the new .bak under a temporary name and rename it over the old one,
  // so there is always a whole .bak or none.
  const tmp = tempPathFor(bak);
  try {
    await link(path, tmp);
  } catch {
    await copyFile(path, tmp);
  }
  try {
    await rename(tmp, bak);
  } finally {
    // rename() does nothing when both names are links to one file (a .bak
    // left by a save that died before its rename), so remove tmp ourselves.
    await unlink(tmp).catch(() => {});
  }
}

/**
 * Writes `data` to `path` so that `path` holds either the old or the new
 * content, whole, whatever happens: write a temporary file in the same
 * folder, fsync it, keep the old file as `.bak`, rename over, fsync the folder.
 * A symbolic link is followed: the file it points to is replaced.
 * Throws DariError("io.cannotWrite", {file, reason}); `path` is then unchanged.
 */
export async function saveAtomic(path: string, data: string | Uint8Array, options: SaveOptions = {}): Promise<void> {
  const { backup = true, beforeRename } = options;
  let target = resolve(path);
  try {
    target = await realpath(target);
  } catch {
    // A new file: nothing to follow.
  }
  let temp: string | null = null;
  try {
    const existing = await lstat(target).catch((e) => {
      if (codeOf(e) === "ENOENT") return null;
      throw e;
    });
    if (existing?.isDirectory()) throw Object.assign(new Error("it is a folder"), { code: "EISDIR" });

    temp = tempPathFor(target);
    const fh = await open(temp, fsc.O_WRONLY | fsc.O_CREAT | fsc.O_EXCL, existing ? existing.mode & 0o777 : 0o666);
    try {
      await fh.writeFile(data);
      await fh.sync();
    } finally {
      await fh.close();
    }
    if (existing && backup) await keepBackup(target, `${target}.bak`);
    await beforeRename?.(temp);
    await rename(temp, target);
    temp = null;
    await fsyncDir(dirname(target));
  } catch (e) {
    if (temp) await unlink(temp).catch(() => {});
    throw new DariError("io.cannotWrite", { file: path, reason: reasonOf(e) });
  }
  await removeStaleTemps(target);
}

// ---------------------------------------------------------------- reading

/** The largest project Dari opens; a large project (1 M characters) is far below. */
export const MAX_PROJECT_BYTES = 200 * 1024 * 1024;

const MB = 1024 * 1024;

/** Megabytes for a message: one decimal, or two significant digits below 1 MB. */
function megabytes(bytes: number): number {
  return bytes >= MB ? Math.round((bytes / MB) * 10) / 10 : Number((bytes / MB).toPrecision(2));
}

/**
 * Reads a file's bytes (a project, an import, a CLI input). Throws DariError
 * io.notFound, io.isDirectory, file.tooLarge or io.cannotRead, naming the file.
 */
export async function readFileBytes(path: string, maxBytes: number = MAX_PROJECT_BYTES): Promise<Uint8Array> {
  let info;
  try {
    info = await stat(path);
  } catch (e) {
    if (codeOf(e) === "ENOENT" || codeOf(e) === "ENOTDIR") throw new DariError("io.notFound", { file: path });
    throw new DariError("io.cannotRead", { file: path, reason: reasonOf(e) });
  }
  if (info.isDirectory()) throw new DariError("io.isDirectory", { file: path });
  if (info.size > maxBytes) {
    throw new DariError("file.tooLarge", {
      file: path,
      size: megabytes(info.size),
      limit: megabytes(maxBytes),
    });
  }
  try {
    return await readFile(path);
  } catch (e) {
    throw new DariError("io.cannotRead", { file: path, reason: reasonOf(e) });
  }
}

/** Reads a .dari (or any UTF-8 text) file, with the errors of readFileBytes. */
export async function readProjectFile(path: string, maxBytes: number = MAX_PROJECT_BYTES): Promise<string> {
  const bytes = await readFileBytes(path, maxBytes);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new DariError("io.cannotRead", { file: path, reason: "not UTF-8 text" });
  }
}

// ---------------------------------------------------------------- recovery copies

/** A recovery copy as autosave wrote it. */
export interface Recovery {
  /** The project file it belongs to; null for an untitled project. */
  path: string | null;
  /** The project text (what a save would have written). */
  text: string;
  /** ISO time of the autosave. */
  savedAt: string;
}

/** The folder of recovery copies inside the user-data folder. */
export function recoveryDir(userData: string): string {
  return join(userData, "recovery");
}

/** One recovery file per project path (hashed, so any path fits a file name), one for untitled. */
export function recoveryPath(userData: string, projectPath: string | null): string {
  const name = projectPath === null ? "untitled" : createHash("sha256").update(resolve(projectPath)).digest("hex").slice(0, 24);
  return join(recoveryDir(userData), `${name}.json`);
}

/** Writes the recovery copy of a project (atomically, so a crash mid-autosave keeps the last one). */
export async function writeRecovery(userData: string, projectPath: string | null, text: string, now: Date = new Date()): Promise<void> {
  const file = recoveryPath(userData, projectPath);
  try {
    await mkdir(dirname(file), { recursive: true });
  } catch (e) {
    throw new DariError("io.cannotWrite", { file, reason: reasonOf(e) });
  }
  const record: Recovery = { path: projectPath === null ? null : resolve(projectPath), text, savedAt: now.toISOString() };
  await saveAtomic(file, JSON.stringify(record), { backup: false });
}

async function loadRecovery(file: string): Promise<Recovery | null> {
  let raw: string;
  try {
    raw = await readFile(file, "utf8");
  } catch {
    return null;
  }
  try {
    const r = JSON.parse(raw) as Partial<Recovery>;
    if (typeof r.text !== "string" || typeof r.savedAt !== "string" || Number.isNaN(Date.parse(r.savedAt))) return null;
    return { path: typeof r.path === "string" ? r.path : null, text: r.text, savedAt: r.savedAt };
  } catch {
    return null;
  }
}

/**
 * The recovery copy to offer back when a project opens: only when it is newer
 * than the file and differs from it (the file missing counts as older).
 * An untitled project's copy is offered whenever it exists.
 */
export async function readRecovery(userData: string, projectPath: string | null): Promise<Recovery | null> {
  const rec = await loadRecovery(recoveryPath(userData, projectPath));
  if (!rec || projectPath === null) return rec;
  if (rec.path !== resolve(projectPath)) return null; // another project's copy: never offer it here
  let fileTime: number;
  try {
    fileTime = (await stat(projectPath)).mtimeMs;
  } catch {
    return rec;
  }
  if (Date.parse(rec.savedAt) <= fileTime) return null;
  const current = await readFile(projectPath, "utf8").catch(() => null);
  return current === rec.text ? null : rec;
}

/** Removes the recovery copy (after a save, or when the user declines it). */
export async function discardRecovery(userData: string, projectPath: string | null): Promise<void> {
  const file = recoveryPath(userData, projectPath);
  try {
    await unlink(file);
  } catch (e) {
    if (codeOf(e) !== "ENOENT") throw new DariError("io.cannotWrite", { file, reason: reasonOf(e) });
  }
}

/** Every readable recovery copy, newest first (e.g. to offer them at start). */
export async function listRecoveries(userData: string): Promise<Recovery[]> {
  let names: string[];
  try {
    names = await readdir(recoveryDir(userData));
  } catch {
    return [];
  }
  const found = await Promise.all(names.filter((n) => n.endsWith(".json")).map((n) => loadRecovery(join(recoveryDir(userData), n))));
  return found.filter((r): r is Recovery => r !== null).sort((a, b) => Date.parse(b.savedAt) - Date.parse(a.savedAt));
}

// ---------------------------------------------------------------- autosave

// The idle scheduler is pure and shared with the renderer, which autosaves.
export { createAutosave, type Autosave, type AutosaveOptions, type Timers } from "../app/autosave";
