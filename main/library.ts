// A library on disk: a folder of .dari projects (subfolders included) and its
// index, the one file `.dari-library/index.json` inside it. Nothing else is
// written into the analyst's folder. The index is brought up to date when the
// library opens (files changed outside Dari are read again, with progress) and
// when a project inside it is saved.
import { readdir, stat, mkdir } from "node:fs/promises";
import { join, relative, sep, dirname, resolve } from "node:path";
import { parseProject } from "../app/document/parse";
import type { Project } from "../app/document/project";
import { serializeProject } from "../app/document";
import { DariError, isDariError } from "../app/errors";
import { libraryFromText, libraryToText, updateLibrary, type Library, type LibraryFileStat, type LibraryUpdate } from "../app/library/library";
import { readProjectFile, saveAtomic, readFileBytes } from "./files";

export const INDEX_DIR = ".dari-library";
export const INDEX_FILE = "index.json";
/** The index of 1,000 commentaries is tens of megabytes; this leaves room while refusing anything absurd. */
const MAX_INDEX_BYTES = 1024 * 1024 * 1024;

export const indexPath = (folder: string) => join(folder, INDEX_DIR, INDEX_FILE);

/** The .dari files below a folder, with "/" paths relative to it; hidden folders and the index are skipped. */
export async function listProjects(folder: string): Promise<LibraryFileStat[]> {
  const out: LibraryFileStat[] = [];
  async function walk(dir: string): Promise<void> {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (e) {
      if (dir === folder) throw new DariError("io.cannotRead", { file: folder, reason: (e as Error).message });
      return;
    }
    for (const e of entries) {
      if (e.name.startsWith(".")) continue;
      const path = join(dir, e.name);
      if (e.isDirectory()) await walk(path);
      else if (e.isFile() && e.name.toLowerCase().endsWith(".dari")) {
        const s = await stat(path);
        out.push({ file: relative(folder, path).split(sep).join("/"), mtimeMs: s.mtimeMs, size: s.size });
      }
    }
  }
  await walk(folder);
  return out.sort((a, b) => a.file.localeCompare(b.file));
}

async function readIndex(folder: string): Promise<Library | null> {
  try {
    const bytes = await readFileBytes(indexPath(folder), MAX_INDEX_BYTES);
    return libraryFromText(new TextDecoder().decode(bytes));
  } catch {
    // A missing or damaged index is rebuilt: it holds nothing that is not in the projects.
    return null;
  }
}

async function writeIndex(folder: string, library: Library): Promise<void> {
  await mkdir(join(folder, INDEX_DIR), { recursive: true });
  await saveAtomic(indexPath(folder), libraryToText(library), { backup: false });
}

async function readProjectAt(folder: string, file: string) {
  const path = join(folder, ...file.split("/"));
  try {
    return parseProject(await readProjectFile(path));
  } catch (e) {
    throw isDariError(e) ? new DariError("file.inFile", { file: path, message: e.message }) : e;
  }
}

/**
 * Opens a library folder: reads its index, reads again the projects that
 * changed since (all of them the first time), and writes the index back when
 * anything changed. `onProgress` counts the projects read.
 */
export async function openLibrary(folder: string, onProgress?: (done: number, total: number) => void): Promise<LibraryUpdate> {
  const root = resolve(folder);
  const files = await listProjects(root);
  const update = await updateLibrary(await readIndex(root), files, (file) => readProjectAt(root, file), onProgress);
  if (update.changed) await writeIndex(root, update.library);
  return update;
}

/** The library folder a project belongs to: the nearest folder above it that has an index. */
export async function libraryOf(projectPath: string): Promise<string | null> {
  let dir = dirname(resolve(projectPath));
  for (;;) {
    try {
      if ((await stat(indexPath(dir))).isFile()) return dir;
    } catch {
      /* not here */
    }
    const up = dirname(dir);
    if (up === dir) return null;
    dir = up;
  }
}

/** After a project is saved: if it lies in a library, its record in the index is brought up to date. */
export async function projectSaved(projectPath: string): Promise<void> {
  const folder = await libraryOf(projectPath);
  if (folder) await openLibrary(folder);
}

/**
 * Makes the library's codebook consistent: every project whose entry for a
 * theme (matched by id, else by label) differs in label or colour from the
 * library's gets the library's, written atomically with its `.bak`. Only the
 * codebook changes; the index is brought up to date after. Returns the files
 * written.
 */
export async function makeCodebookConsistent(folder: string, entries: { id: string; label: { ko: string; en: string }; color: string }[]): Promise<{ written: string[]; update: LibraryUpdate }> {
  const root = resolve(folder);
  const { library } = await openLibrary(root);
  const written: string[] = [];
  const labelKey = (l: { ko: string; en: string }) => `${l.ko.trim()}\u0000${l.en.trim().toLowerCase()}`;
  for (const doc of library.documents) {
    const project = await readProjectAt(root, doc.file);
    let changed = false;
    const codebook = project.codebook.map((code) => {
      const entry = entries.find((e) => e.id === code.id) ?? entries.find((e) => labelKey(e.label) === labelKey(code.label));
      if (!entry) return code;
      if (code.label.ko === entry.label.ko && code.label.en === entry.label.en && code.color.toLowerCase() === entry.color.toLowerCase()) return code;
      changed = true;
      return { ...code, label: { ...code.label, ko: entry.label.ko, en: entry.label.en }, color: entry.color };
    });
    if (!changed) continue;
    await saveAtomic(join(root, ...doc.file.split("/")), serializeProject({ ...project, codebook }));
    written.push(doc.file);
  }
  return { written, update: await openLibrary(root) };
}

/**
 * Every project of a library, parsed, in file order (for the .qdpx export,
 * which needs the tags' places that the index does not keep). A file that
 * cannot be read is left out and named in `failed`, as opening the library
 * leaves it out of the index.
 */
export async function readLibraryProjects(folder: string): Promise<{ projects: { file: string; project: Project }[]; failed: { file: string; reason: string }[] }> {
  const root = resolve(folder);
  const projects: { file: string; project: Project }[] = [];
  const failed: { file: string; reason: string }[] = [];
  for (const { file } of await listProjects(root)) {
    try {
      projects.push({ file, project: await readProjectAt(root, file) });
    } catch (e) {
      if (!isDariError(e)) throw e;
      failed.push({ file, reason: e.message });
    }
  }
  return { projects, failed };
}
