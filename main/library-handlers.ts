// The library window's side of app/ipc.ts (LibraryApi): main asks for the
// library folder itself and keeps it; the renderer names documents only by
// their file inside that library, which main checks against the index before
// opening anything. The search index and the projects stay in main.
import { basename, join } from "node:path";
import type { IpcError, LibraryApi, LibraryOverview, OpenedProject, Result } from "../app/ipc";
import { DariError, isDariError } from "../app/errors";
import type { Library, LibraryUpdate } from "../app/library/library";
import { byDate, libraryCodebook, libraryCooccurrence, retrieveSegments, themeHeatmap, themeTimeline, type ThemeQuery } from "../app/library/library";
import { libraryReport, REPORT_FORMATS } from "../app/library/report";
import { isUiLanguage } from "../app/i18n";
import { writeOutputFile } from "./output";
import { readProjectFile } from "./files";
import { parseProject } from "../app/document";
import { searchLibrary } from "../app/library/search";
import { makeCodebookConsistent, openLibrary } from "./library";

/** The questions the library asks the user. */
export interface LibraryDialogs {
  /** A folder to open as a library (null when cancelled). Optional so that tests that never open a library need not script it. */
  chooseLibraryFolder?(): Promise<string | null>;
  /** A .dari file to open (here: another coder's, to compare). */
  openProject(): Promise<string | null>;
  /** Where to write an export (as for a project's export). */
  exportTo(suggestedName: string, extension: string): Promise<string | null>;
}

export interface LibraryHandlerDeps {
  dialogs: LibraryDialogs;
  onProgress?(fraction: number): void;
  /** Opens a project file as File › Open does (recent files, recovery copy). */
  openProjectAt(path: string): Promise<OpenedProject>;
}

function toIpcError(e: unknown): IpcError {
  if (isDariError(e)) return e.toJSON();
  return new DariError("unexpected", { reason: String((e as Error)?.message ?? e).slice(0, 500) }).toJSON();
}

async function result<T>(f: () => Promise<T>): Promise<Result<T>> {
  try {
    return { ok: true, value: await f() };
  } catch (e) {
    return { ok: false, error: toIpcError(e) };
  }
}

function overview(folder: string, update: LibraryUpdate): LibraryOverview {
  const documents = update.library.documents;
  return {
    name: basename(folder),
    documents: documents.map(({ segments: _segments, ...rest }) => rest),
    codebook: libraryCodebook(documents),
    failed: update.failed,
  };
}

export function createLibraryHandlers(deps: LibraryHandlerDeps): LibraryApi {
  let open: { folder: string; library: Library } | null = null;
  const current = () => {
    if (!open) throw new DariError("unexpected", { reason: "no library is open" });
    return open;
  };

  return {
    openLibrary: () =>
      result(async () => {
        const folder = (await deps.dialogs.chooseLibraryFolder?.()) ?? null;
        if (!folder) return null;
        const update = await openLibrary(folder, (done, total) => deps.onProgress?.(total ? done / total : 1));
        open = { folder, library: update.library };
        return overview(folder, update);
      }),

    searchLibrary: ({ query, options }) =>
      result(async () => {
        const { library } = current();
        return searchLibrary(library.documents, library.search, String(query ?? ""), options ?? {});
      }),

    openLibraryDocument: (file) =>
      result(async () => {
        const { folder, library } = current();
        // Only a document of the index, never a path the renderer made up.
        const doc = library.documents.find((d) => d.file === file);
        if (!doc) throw new DariError("io.cannotRead", { file: String(file), reason: "not a document of the open library" });
        return deps.openProjectAt(join(folder, ...doc.file.split("/")));
      }),

    makeLibraryCodebookConsistent: () =>
      result(async () => {
        const { folder, library } = current();
        const { written, update } = await makeCodebookConsistent(folder, libraryCodebook(library.documents));
        open = { folder, library: update.library };
        return { written, overview: overview(folder, update) };
      }),

    retrieveLibrary: (query) => result(async () => retrieveSegments(current().library.documents, themeQuery(query))),

    exportLibraryReport: ({ query, format, uiLanguage }) =>
      result(async () => {
        if (!(REPORT_FORMATS as readonly string[]).includes(format)) throw new DariError("cli.unknownFormat", { format: String(format), allowed: REPORT_FORMATS.join(", ") });
        const { folder, library } = current();
        const q = themeQuery(query);
        const target = await deps.dialogs.exportTo(`${basename(folder)}-${q.all.join("-") || "report"}.${format}`, format);
        if (!target) return null;
        const rows = retrieveSegments(library.documents, q);
        await writeOutputFile(target, await libraryReport(format, { query: q, rows, codebook: libraryCodebook(library.documents), lang: isUiLanguage(uiLanguage) ? uiLanguage : "en" }));
        return target;
      }),

    libraryThemes: ({ by }) =>
      result(async () => {
        const docs = current().library.documents;
        const codes = libraryCodebook(docs).map((c) => c.id);
        const period = by === "quarter" ? "quarter" : "month";
        const timeline = themeTimeline(docs, codes, period);
        return {
          codes,
          documents: byDate(docs).map((d) => ({ file: d.file, title: d.title, date: d.date })),
          heatmap: themeHeatmap(docs, codes).share,
          periods: timeline.periods,
          timeline: timeline.share,
          cooccurrence: libraryCooccurrence(docs, codes),
        };
      }),

    readCodingToCompare: () =>
      result(async () => {
        const path = await deps.dialogs.openProject();
        if (!path) return null;
        const text = await readProjectFile(path);
        try {
          parseProject(text);
        } catch (e) {
          throw isDariError(e) ? new DariError("file.inFile", { file: path, message: e.message }) : e;
        }
        return { path, text };
      }),

    saveLibraryPicture: ({ name, format, data }) =>
      result(async () => {
        if (!["svg", "png", "csv"].includes(format)) throw new DariError("cli.unknownFormat", { format: String(format), allowed: "svg, png, csv" });
        const target = await deps.dialogs.exportTo(`${basename(String(name)).replace(/[^\p{L}\p{N}_-]+/gu, "-")}.${format}`, format);
        if (!target) return null;
        await writeOutputFile(target, format === "png" ? Buffer.from(String(data), "base64") : String(data));
        return target;
      }),
  };
}

/** A theme query as it crossed IPC, checked: lists of theme ids and a side. */
function themeQuery(q: ThemeQuery): ThemeQuery {
  const ids = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);
  const side = q?.side === "ko" || q?.side === "en" ? q.side : undefined;
  return { all: ids(q?.all), none: ids(q?.none), side };
}
