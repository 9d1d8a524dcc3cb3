// The main-process side of app/ipc.ts as plain async functions: files,
// dialogs (injected), settings, export. main/index.ts registers them with
// ipcMain.handle; the e2e harness calls the very same functions through
// page.exposeBinding. Nothing here touches Electron.
import { basename, extname } from "node:path";
import type { DariApi, ExportRequest, ImportedText, IpcError, OpenedProject, Result, Settings } from "../app/ipc";
import { DariError, isDariError } from "../app/errors";
import { parseProject, serializeProject } from "../app/document";
import { projectFileName } from "../app/document/file-name";
import { importInterchangeBytes, INTERCHANGE_EXTENSIONS } from "../app/import/interchange";
import { exporters } from "../app/export/index";
import type { Side } from "../app/schema";
import { saveAtomic, readProjectFile, readFileBytes, writeRecovery, readRecovery, discardRecovery } from "./files";
import { createSettingsStore } from "./settings";
import { writeOutputFile } from "./output";
import { importText } from "../app/import/index";

/** The questions main asks the user. Electron shows native dialogs; tests script them. */
export interface Dialogs {
  openProject(): Promise<string | null>;
  saveProject(suggestedName: string): Promise<string | null>;
  openText(side: Side): Promise<string | null>;
  exportTo(suggestedName: string, extension: string): Promise<string | null>;
  confirmDiscard(fileName: string): Promise<"save" | "discard" | "cancel">;
}

export interface HandlerDeps {
  userData: string;
  dialogs: Dialogs;
  /** The bundled sample project, opened (untitled) when the app starts without a file. */
  samplePath: string;
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

/** The sender-independent handlers. Each returns a Result so errors cross IPC as data. */
export function createHandlers(deps: HandlerDeps): DariApi {
  /** The files exported in this session: the only ones openExported opens. */
  const exported = new Set<string>();
  const settings = createSettingsStore(deps.userData);
  const remember = async (path: string) => {
    const s = await settings.addRecentFile(path);
    deps.onSettingsChanged?.(s);
  };

  const openAt = async (path: string, untitled = false): Promise<OpenedProject> => {
    // A TMX or XLIFF file opens as a new, untitled project made from it (the file itself is never written).
    if ((INTERCHANGE_EXTENSIONS as readonly string[]).includes(extname(path).slice(1).toLowerCase()))
      return { path: null, text: serializeProject(importInterchangeBytes(basename(path), await readFileBytes(path))), recovery: null, madeFrom: path };
    const text = await readProjectFile(path);
    if (untitled) return { path: null, text, recovery: await readRecovery(deps.userData, null) };
    await remember(path);
    return { path, text, recovery: await readRecovery(deps.userData, path) };
  };

  return {
    openProject: (path) =>
      result(async () => {
        const target = path ?? (await deps.dialogs.openProject());
        return target ? openAt(target) : null;
      }),

    startupProject: () =>
      result(async () => {
        const file = deps.startupFile();
        return file ? openAt(file) : openAt(deps.samplePath, true);
      }),

    saveProject: ({ path, text, saveAs }) =>
      result(async () => {
        // Never write what would not open again.
        const project = parseProject(text);
        // A project never saved is proposed under its title (issue 17.2).
        const target = saveAs || !path ? await deps.dialogs.saveProject(path ? basename(path) : projectFileName(project.meta.title)) : path;
        if (!target) return null;
        await saveAtomic(target, text);
        await discardRecovery(deps.userData, null);
        await discardRecovery(deps.userData, target);
        await remember(target);
        return target;
      }),

    autosave: ({ path, text }) => result(() => writeRecovery(deps.userData, path, text)),

    discardRecovery: (path) => result(() => discardRecovery(deps.userData, path)),

    readTextForImport: ({ path, side }) =>
      result(async (): Promise<ImportedText | null> => {
        const target = path ?? (await deps.dialogs.openText(side));
        if (!target) return null;
        const bytes = await readFileBytes(target);
        const { text, encoding } = await importText(basename(target), bytes);
        return { path: target, text, encoding };
      }),

    exportProject: (req: ExportRequest) =>
      result(async () => {
        const exporter = req.format === "pdf" ? exporters.html : exporters[req.format];
        if (!exporter) throw new DariError("cli.unknownFormat", { format: req.format, allowed: Object.keys(exporters).join(", ") });
        const project = parseProject(req.projectText);
        const extension = req.format === "pdf" ? "pdf" : exporter.extension;
        const base = (req.suggestedName ?? project.meta.title) || "dari";
        const target = req.path ?? (await deps.dialogs.exportTo(`${basename(base, extname(base))}.${extension}`, extension));
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

    chooseExportPath: ({ format, suggestedName }) =>
      result(async () => {
        const extension = format === "pdf" ? "pdf" : exporters[format]?.extension;
        if (!extension) throw new DariError("cli.unknownFormat", { format, allowed: Object.keys(exporters).join(", ") });
        const base = suggestedName || "dari";
        return deps.dialogs.exportTo(`${basename(base, extname(base))}.${extension}`, extension);
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
  };
}
