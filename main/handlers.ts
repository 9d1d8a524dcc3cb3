// The main-process side of app/ipc.ts as plain async functions: files,
// dialogs (injected), settings, export. main/index.ts registers them with
// ipcMain.handle; the e2e harness calls the very same functions through
// page.exposeBinding. Nothing here touches Electron.
import { basename, extname, resolve } from "node:path";
import type { ContextMenuItem, DariApi, DroppedFile, ExportRequest, PreloadApi, ImportedText, IpcError, OpenedProject, RecentProject, Result, Settings } from "../app/ipc";
import { DariError, isDariError } from "../app/errors";
import { parseProject, serializeProject } from "../app/document";
import { projectFileName } from "../app/document/file-name";
import { importInterchangeBytes, INTERCHANGE_EXTENSIONS } from "../app/import/interchange";
import type { ImportWarning } from "../app/import/languages";
import { importWarnings } from "../app/import/build-project";
import { importQdpx } from "../app/import/qdpx";
import { exporters, type ExportFormat } from "../app/export/index";
import type { Side } from "../app/schema";
import { saveAtomic, readFileBytes, writeRecovery, readRecovery, discardRecovery } from "./files";
import { createSettingsStore } from "./settings";
import { writeOutputFile } from "./output";
import { validateRequest } from "../app/ipc-schema";
import { IPC_METHODS, PRELOAD_METHODS } from "../app/ipc";
import { acceptDropped } from "./drop";
import { createPathGrants, type PathGrants } from "./grants";
import { importInWorker, checkProjectInWorker, summarizeProjectInWorker, type ImportRunnerOptions } from "./import-runner";
import { stat } from "node:fs/promises";
import { newProject } from "../app/document/new-project";
import { createLibraryHandlers, type LibraryDialogs } from "./library-handlers";
import { projectSaved } from "./library";

/** The questions main asks the user. Electron shows native dialogs; tests script them. */
export interface Dialogs extends LibraryDialogs {
  openProject(): Promise<string | null>;
  saveProject(suggestedName: string): Promise<string | null>;
  openText(side: Side): Promise<string | null>;
  exportTo(suggestedName: string, extension: string): Promise<string | null>;
  confirmDiscard(fileName: string): Promise<"save" | "discard" | "cancel">;
}

export interface HandlerDeps {
  userData: string;
  dialogs: Dialogs;
  /** The bundled sample project (Open the sample on the start screen), opened untitled. */
  samplePath: string;
  /** A project opened untitled at start instead of the start screen (the e2e harness's default). */
  startupSample?: string;
  /** Shows a native context menu (Electron); without it the renderer draws its own. */
  showContextMenu?(items: ContextMenuItem[]): Promise<string | null>;
  /** A .dari file given on the command line or by the OS, if any. */
  startupFile(): string | null;
  systemLocale(): string;
  /** Called when the renderer reports its title and unsaved state. */
  onDocumentState?(state: { title: string; dirty: boolean }): void;
  /** Called after the settings changed (main rebuilds the menu). */
  onSettingsChanged?(settings: Settings): void;
  /** Reports the progress (0..1) of a long export to the window. */
  onProgress?(fraction: number): void;
  /** Prints the html export to PDF (Electron: a hidden window; CLI/tests: headless Chromium). */
  printPdf?(html: string, options: { orientation: "portrait" | "landscape"; title?: string }): Promise<Uint8Array>;
  /** Opens a file with its application, or shows it in its folder (Electron: shell). */
  openPath?(path: string, reveal: boolean): Promise<void>;
  /**
   * The files main obtained itself. main/index.ts grants what the command line
   * and the OS give it (second-instance, open-file); the handlers grant what
   * their dialogs return. A path from the renderer is used only when granted
   * or in the recent files. Created here when not given.
   */
  grants?: PathGrants;
  /** Where the import worker is and how much heap it gets (main/import-runner.ts). */
  importWorker?: ImportRunnerOptions;
}

/** A name for a save dialog: no folders, no characters file systems refuse, not too long. */
function fileNameOnly(name: string): string {
  return (name.split(/[\\/]/).pop() ?? "")
    .replace(/[\u0000-\u001f\u007f<>:"|?*]/g, "")
    .replace(/^\.+/, "")
    .trim()
    .slice(0, 200);
}

/** What the start screen last read of a recent file, kept while its time and size stay the same. */
type RecentSummary = { mtimeMs: number; size: number; title: string; percent: number };

/**
 * A recent file as the start screen shows it; a file that is gone or damaged is
 * listed as such, never an error. The file is read in the import worker (a
 * book-length project would hold main for a second) and only when it changed.
 */
async function recentProject(path: string, seen: Map<string, RecentSummary>, runner: ImportRunnerOptions | undefined): Promise<RecentProject> {
  try {
    const st = await stat(path);
    let known = seen.get(path);
    if (!known || known.mtimeMs !== st.mtimeMs || known.size !== st.size) {
      const { title, percent } = await summarizeProjectInWorker(path, await readFileBytes(path), runner);
      seen.set(path, (known = { mtimeMs: st.mtimeMs, size: st.size, title, percent }));
    }
    return { path, title: known.title || basename(path), modified: st.mtime.toISOString(), percent: known.percent, missing: false };
  } catch {
    seen.delete(path);
    return { path, title: basename(path), modified: null, percent: 0, missing: true };
  }
}

function toIpcError(e: unknown): IpcError {
  if (isDariError(e)) return e.toJSON();
  const message = String((e as Error)?.message ?? e);
  return new DariError("unexpected", { reason: message.slice(0, 500) }).toJSON();
}

async function result<T>(f: () => Promise<T>): Promise<Result<T>> {
  try {
    return { ok: true, value: await f() };
  } catch (e) {
    return { ok: false, error: toIpcError(e) };
  }
}

/**
 * The sender-independent handlers. Each returns a Result so errors cross IPC
 * as data. Every request is first checked against its method's schema
 * (app/ipc-schema.ts): a bad one gets an error and has no effect.
 */
export function createHandlers(deps: HandlerDeps): DariApi & PreloadApi {
  const handlers = createUncheckedHandlers(deps);
  const checked: Record<string, (...args: unknown[]) => Promise<Result<unknown>>> = {};
  for (const method of [...IPC_METHODS, ...PRELOAD_METHODS]) {
    const run = handlers[method] as (...args: unknown[]) => Promise<Result<unknown>>;
    checked[method] = async (...args) => {
      let clean: unknown[];
      try {
        clean = validateRequest(method, args);
      } catch (e) {
        return { ok: false, error: toIpcError(e) };
      }
      return run(...clean);
    };
  }
  return checked as unknown as DariApi & PreloadApi;
}

function createUncheckedHandlers(deps: HandlerDeps): DariApi & PreloadApi {
  /** The files exported in this session: the only ones openExported opens. */
  const exported = new Set<string>();
  const recentSeen = new Map<string, RecentSummary>();
  const settings = createSettingsStore(deps.userData);
  const grants = deps.grants ?? createPathGrants();
  /** The import being read, so the window's Stop can cancel it. */
  let importing: AbortController | null = null;
  const remember = async (path: string) => {
    const s = await settings.addRecentFile(path);
    deps.onSettingsChanged?.(s);
  };

  /** What main obtained itself: granted, or in its own recent-files list. */
  const isMine = async (path: string) => grants.has(path) || (await settings.get()).recentFiles.includes(resolve(path));
  /** A path from the renderer, refused unless main obtained it (nothing is read or written then). */
  const mine = async (path: string | null): Promise<string | null> => {
    if (path !== null && !(await isMine(path))) throw new DariError("ipc.notGranted", { file: path });
    return path;
  };
  /** A path a dialog returned: the user chose it, so main may use it again. */
  const chosen = (path: string | null): string | null => {
    if (path) grants.grant(path);
    return path;
  };

  /** The files main's export dialog returned, with the extension it asked for: the only paths exportProject takes from the window. */
  const exportTargets = new Map<string, string>();
  const exporterOf = (format: ExportFormat) => {
    const exporter = format === "pdf" ? exporters.html : exporters[format];
    if (!exporter) throw new DariError("cli.unknownFormat", { format, allowed: Object.keys(exporters).join(", ") });
    return { exporter, extension: format === "pdf" ? "pdf" : exporter.extension };
  };
  /** Main's save dialog for an export: the file chosen is granted for this format's extension only. */
  const askExportTarget = async (format: ExportFormat, base: string): Promise<string | null> => {
    const { extension } = exporterOf(format);
    const target = chosen(await deps.dialogs.exportTo(`${basename(base, extname(base))}.${extension}`, extension));
    if (target) exportTargets.set(resolve(target), extension);
    return target;
  };

  const openAt = async (path: string, untitled = false): Promise<OpenedProject> => {
    // A TMX or XLIFF file opens as a new, untitled project made from it (the file itself is never written).
    if (extname(path).toLowerCase() === ".qdpx") {
      const { project, warnings } = importQdpx(basename(path), await readFileBytes(path));
      return { path: null, text: serializeProject(project), recovery: null, madeFrom: path, warnings: warnings.map((w) => w.toJSON()) };
    }
    if ((INTERCHANGE_EXTENSIONS as readonly string[]).includes(extname(path).slice(1).toLowerCase())) {
      const warnings: ImportWarning[] = [];
      const project = importInterchangeBytes(basename(path), await readFileBytes(path), warnings);
      const all = [...warnings, ...importWarnings(project)].map((w) => new DariError(w.key, w.params).toJSON());
      return { path: null, text: serializeProject(project), recovery: null, madeFrom: path, ...(all.length ? { warnings: all } : {}) };
    }
    // A PDF or Hangul file opens the import dialog with it as the Korean commentary (the window asks for the rest).
    if ([".pdf", ".hwp", ".hwpx"].includes(extname(path).toLowerCase())) return { path: null, text: "", recovery: null, importFile: path };
    // Parsed and validated (in the worker) before anything is returned or remembered: a broken file never enters the recent files.
    const text = await checkProjectInWorker(path, await readFileBytes(path), deps.importWorker);
    if (untitled) return { path: null, text, recovery: await readRecovery(deps.userData, null) };
    grants.grant(path);
    await remember(path);
    return { path, text, recovery: await readRecovery(deps.userData, path) };
  };

  return {
    ...createLibraryHandlers({ dialogs: deps.dialogs, onProgress: deps.onProgress, openProjectAt: (path) => openAt(path) }),
    openProject: (path) =>
      result(async () => {
        const target = path !== null ? await mine(path) : chosen(await deps.dialogs.openProject());
        return target ? openAt(target) : null;
      }),

    startupProject: () =>
      result(async (): Promise<OpenedProject | null> => {
        // Given on the command line or by the OS: main obtained it.
        const file = deps.startupFile();
        if (file) return openAt(file);
        if (deps.startupSample) return openAt(deps.startupSample, true);
        // Unsaved work of an untitled project is offered back before the start screen.
        const recovery = await readRecovery(deps.userData, null);
        return recovery ? { path: null, text: serializeProject(newProject()), recovery } : null;
      }),

    openSample: () => result(async () => ({ ...(await openAt(deps.samplePath, true)), recovery: null })),

    recentProjects: () =>
      result(async () => {
        const list = (await settings.get()).recentFiles;
        return Promise.all(list.map((path) => recentProject(path, recentSeen, deps.importWorker)));
      }),

    showContextMenu: (items) => result(async () => (deps.showContextMenu ? deps.showContextMenu(items) : null)),

    saveProject: ({ path, text, saveAs }) =>
      result(async () => {
        // Never write what would not open again.
        const project = parseProject(text);
        await mine(path);
        // A project never saved is proposed under its title (issue 17.2).
        const target = saveAs || !path ? chosen(await deps.dialogs.saveProject(path ? basename(path) : projectFileName(project.meta.title))) : path;
        if (!target) return null;
        await saveAtomic(target, text);
        // A project inside a library: its record in the library's index follows, without holding up the save.
        void projectSaved(target).catch(() => undefined);
        await discardRecovery(deps.userData, null);
        await discardRecovery(deps.userData, target);
        await remember(target);
        return target;
      }),

    autosave: ({ path, text }) => result(async () => writeRecovery(deps.userData, await mine(path), text)),

    discardRecovery: (path) => result(async () => discardRecovery(deps.userData, await mine(path))),

    readTextForImport: ({ path, side, options = {} }) =>
      result(async (): Promise<ImportedText | null> => {
        // A file chosen in the import dialog may be read again (e.g. with other layout switches); no other path.
        const target = path !== null ? await mine(path) : chosen(await deps.dialogs.openText(side));
        if (!target) return null;
        const bytes = await readFileBytes(target);
        importing?.abort();
        const abort = (importing = new AbortController());
        try {
          // Parsed in a worker with a heap limit: a hostile or huge file cannot freeze or crash the window.
          const r = await importInWorker(basename(target), bytes, side, options, deps.importWorker, { onProgress: deps.onProgress, signal: abort.signal });
          return { path: target, text: r.text, encoding: r.encoding, format: r.format, notes: r.notes, layout: r.layout };
        } catch (e) {
          // The window asks for the password and reads the same file again: it needs the path main chose.
          if (e instanceof DariError && (e.key === "import:pdfPassword" || e.key === "import:pdfWrongPassword")) throw new DariError(e.key, { ...e.params, path: target });
          throw e;
        } finally {
          if (importing === abort) importing = null;
        }
      }),

    cancelImport: () =>
      result(async () => {
        importing?.abort();
      }),

    chooseExportTarget: ({ format, suggestedName }) => result(() => askExportTarget(format, fileNameOnly(suggestedName ?? "") || "dari")),

    exportProject: (req: ExportRequest) =>
      result(async () => {
        const { exporter, extension } = exporterOf(req.format);
        const project = parseProject(req.projectText);
        // A path from the window is written only if main's export dialog returned it for this format (Browse…);
        // otherwise main asks where now (the window may propose a name, never a path of its own).
        if (req.path !== null && exportTargets.get(resolve(req.path)) !== extension) throw new DariError("file.notExportTarget", { file: req.path, extension });
        const target = req.path ?? (await askExportTarget(req.format, fileNameOnly(req.suggestedName ?? "") || fileNameOnly(project.meta.title) || "dari"));
        if (!target) return null;
        const content = await exporter.run(project, {
          side: req.side,
          uiLanguage: req.uiLanguage,
          showStatus: req.showStatus,
          showConfidence: req.showConfidence,
          orientation: req.orientation,
          onProgress: deps.onProgress,
        });
        if (req.format === "pdf") {
          if (!deps.printPdf) throw new DariError("unexpected", { reason: "PDF printing is not available" });
          await writeOutputFile(target, await deps.printPdf(String(content), { orientation: req.orientation ?? "portrait", title: project.meta.title }));
        } else await writeOutputFile(target, content);
        exported.add(target);
        return target;
      }),

    // Only a file this session exported: the renderer cannot have main open anything else.
    openExported: ({ path, reveal }) =>
      result(async () => {
        if (!exported.has(path)) throw new DariError("file.notExported", { file: basename(path) });
        if (!deps.openPath) throw new DariError("unexpected", { reason: "opening files is not available" });
        await deps.openPath(path, reveal);
      }),

    getSettings: () => result(() => settings.get()),

    setSettings: (patch) =>
      result(async () => {
        const s = await settings.update(patch);
        deps.onSettingsChanged?.(s);
        return s;
      }),

    systemLocale: () => result(async () => deps.systemLocale()),

    setDocumentState: (state) => result(async () => deps.onDocumentState?.(state)),

    confirmDiscard: ({ fileName }) => result(() => deps.dialogs.confirmDiscard(fileName)),

    // Only the preload calls this, with the paths of a real drop (the page cannot): each checked, then granted.
    filesDropped: (paths) =>
      result(async () => {
        const files: DroppedFile[] = [];
        const refused: IpcError[] = [];
        for (const path of paths) {
          try {
            const file = await acceptDropped(path);
            grants.grant(file.path);
            files.push(file);
          } catch (e) {
            refused.push(toIpcError(e));
          }
        }
        return { files, refused };
      }),
  };
}
