// The library window's side of app/ipc.ts (LibraryApi): main asks for the
// library folder itself and keeps it; the renderer names documents only by
// their file inside that library, which main checks against the index before
// opening anything. The search index and the projects stay in main.
import { basename, join } from "node:path";
import type { IpcError, LibraryApi, LibraryOverview, OpenedProject, Result } from "../app/ipc";
import { DariError, isDariError } from "../app/errors";
import type { Library, LibraryUpdate } from "../app/library/library";
import { libraryCodebook } from "../app/library/library";
import { searchLibrary } from "../app/library/search";
import { makeCodebookConsistent, openLibrary } from "./library";

/** The questions the library asks the user. */
export interface LibraryDialogs {
  /** A folder to open as a library (null when cancelled). Optional so that tests that never open a library need not script it. */
  chooseLibraryFolder?(): Promise<string | null>;
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
  };
}
