// The main-process side of app/ipc.ts as plain async functions: files,
// dialogs (injected), settings, export. main/index.ts registers them with
// ipcMain.handle; the e2e harness calls the very same functions through
// page.exposeBinding. Nothing here touches Electron.
import { readPdfAsset } from "./pdf-assets";
import { basename, extname } from "node:path";
import type { DariApi, ExportRequest, ImportedText, IpcError, OpenedProject, Result, Settings } from "../app/ipc";
import { DariError, isDariError } from "../app/errors";
import { parseProject, serializeProject } from "../app/document";
import { importInterchangeBytes, INTERCHANGE_EXTENSIONS } from "../app/import/interchange";
import type { ImportWarning } from "../app/import/languages";
import { importQdpx } from "../app/import/qdpx";
import { exporters } from "../app/export/index";
import type { Side } from "../app/schema";
import { saveAtomic, readProjectFile, readFileBytes, writeRecovery, readRecovery, discardRecovery } from "./files";
import { createSettingsStore } from "./settings";
import { writeOutputFile } from "./output";
import { importText, type LayoutOptions } from "../app/import/index";
import { createLibraryHandlers, type LibraryDialogs } from "./library-handlers";

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
  printPdf?(html: string, options: { orientation: "portrait" | "landscape" }): Promise<Uint8Array>;
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
/** The analyst's import switches as they came over IPC: only known fields of the right type pass. */
function layoutOptions(o: unknown): LayoutOptions {
  const v = (o && typeof o === "object" ? o : {}) as Record<string, unknown>;
  const out: LayoutOptions = {};
  for (const k of ["removeHeaders", "columns", "footnotes"] as const) if (typeof v[k] === "boolean") out[k] = v[k];
  if (v.tables === "passages" || v.tables === "skip") out.tables = v.tables;
  if (typeof v.password === "string" && v.password.length <= 1024) out.password = v.password;
  return out;
}

export function createHandlers(deps: HandlerDeps): DariApi {
  const settings = createSettingsStore(deps.userData);
  /** The import being read, so the window's Stop can cancel it. */
  let importing: AbortController | null = null;
  const remember = async (path: string) => {
    const s = await settings.addRecentFile(path);
    deps.onSettingsChanged?.(s);
  };

  const openAt = async (path: string, untitled = false): Promise<OpenedProject> => {
    // A TMX or XLIFF file opens as a new, untitled project made from it (the file itself is never written).
    if (extname(path).toLowerCase() === ".qdpx") {
      const { project, warnings } = importQdpx(basename(path), await readFileBytes(path));
      return { path: null, text: serializeProject(project), recovery: null, madeFrom: path, warnings: warnings.map((w) => w.toJSON()) };
    }
    if ((INTERCHANGE_EXTENSIONS as readonly string[]).includes(extname(path).slice(1).toLowerCase())) {
      const warnings: ImportWarning[] = [];
      const text = serializeProject(importInterchangeBytes(basename(path), await readFileBytes(path), warnings));
      return { path: null, text, recovery: null, madeFrom: path, warnings: warnings.map((w) => new DariError(w.key, w.params).toJSON()) };
    }
    // A PDF or Hangul file opens the import dialog with it as the Korean commentary (the window asks for the rest).
    if ([".pdf", ".hwp", ".hwpx"].includes(extname(path).toLowerCase())) return { path: null, text: "", recovery: null, importFile: path };
    const text = await readProjectFile(path);
    if (untitled) return { path: null, text, recovery: await readRecovery(deps.userData, null) };
    await remember(path);
    return { path, text, recovery: await readRecovery(deps.userData, path) };
  };

  return {
    ...createLibraryHandlers({ dialogs: deps.dialogs, onProgress: deps.onProgress, openProjectAt: (path) => openAt(path) }),
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
        parseProject(text);
        const target = saveAs || !path ? await deps.dialogs.saveProject(path ? basename(path) : "untitled.dari") : path;
        if (!target) return null;
        await saveAtomic(target, text);
        await discardRecovery(deps.userData, null);
        await discardRecovery(deps.userData, target);
        await remember(target);
        return target;
      }),

    autosave: ({ path, text }) => result(() => writeRecovery(deps.userData, path, text)),

    discardRecovery: (path) => result(() => discardRecovery(deps.userData, path)),

    readTextForImport: ({ path, side, options }) =>
      result(async (): Promise<ImportedText | null> => {
        const target = path ?? (await deps.dialogs.openText(side));
        if (!target) return null;
        const bytes = await readFileBytes(target);
        importing?.abort();
        const abort = (importing = new AbortController());
        try {
          const r = await importText(basename(target), bytes, { ...layoutOptions(options), pdfAssets: readPdfAsset, onProgress: deps.onProgress, signal: abort.signal });
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
          await writeOutputFile(target, await deps.printPdf(String(content), { orientation: req.orientation ?? "portrait" }));
        } else await writeOutputFile(target, content);
        return target;
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
