// The one typed contract between the renderer and main (DESIGN.md).
//
// main/handlers.ts implements DariApi as plain async functions; main/index.ts
// registers each method of IPC_METHODS with ipcMain.handle on the channel
// `dari:<method>`; main/preload.ts exposes exactly these methods as
// window.dari. The e2e harness bridges the same list to the same handlers.
// Adding a call = add it to DariApi and to IPC_METHODS, implement it in
// handlers.ts. Everything that crosses is plain JSON data.
import type { DariFileJSON } from "./document/serialize";
import type { ExportFormat } from "./export/index";
import type { UiLanguage } from "./i18n";
import type { Side } from "./schema";
import type { LibraryDocument } from "./library/record";
import type { LibraryCodebookEntry, RetrievedSegment, ThemeQuery } from "./library/library";
import type { ReportFormat } from "./library/report";
import type { LibraryHit, LibrarySearchOptions } from "./library/search";
import type { ImportedNote, LayoutOptions, LayoutReport } from "./import/index";
import type { DisplayPrefs } from "./display-prefs";
import type { DropKind } from "./drop";

/** An error as it crosses IPC: an i18n key of the "errors" namespace with its parameters. */
export interface IpcError {
  key: string;
  params: Record<string, string | number>;
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: IpcError };

export interface OpenedProject {
  path: string | null;
  /** The validated file content (the renderer parses it into its state). */
  text: string;
  /** A recovery copy newer than the file, offered back to the user. */
  recovery: { text: string; savedAt: string } | null;
  /** Set when the project was made from another file (TMX, XLIFF): new, so unsaved. */
  madeFrom?: string;
  /** A commentary (a PDF, HWP or HWPX) chosen in File › Open: the window starts a new project from it in the import dialog. */
  importFile?: string;
  /** What the import left out (a .qdpx's pictures, PDFs, variables…; a memory's other languages), one message each. */
  warnings?: IpcError[];
}

export interface Settings {
  uiLanguage: UiLanguage | null;
  recentFiles: string[];
  layout: "side-by-side" | "stacked";
  /** Theme, text size, fonts, tag display (app/display-prefs.ts); main always fills it in. */
  display?: DisplayPrefs;
}

/** A recent project as the start screen lists it. */
export interface RecentProject {
  path: string;
  title: string;
  /** The file's last change (ISO time); null when the file is gone. */
  modified: string | null;
  /** Translated or reviewed segments, in percent. */
  percent: number;
  missing: boolean;
}

/** One entry of a context menu the renderer asks main to show natively. */
export interface ContextMenuItem {
  /** What the renderer runs when it is chosen (null for a separator or a heading). */
  id: string | null;
  /** Already translated text. */
  label: string;
  enabled?: boolean;
  checked?: boolean;
  /** Electron accelerator shown beside the label. */
  accelerator?: string;
  /** An edit action the platform carries out (the native menu uses Electron's role). */
  role?: "cut" | "copy" | "paste";
  submenu?: ContextMenuItem[];
}

export interface ImportRequest {
  /** Path of the Korean file; null asks the user. */
  koPath: string | null;
  /** Path of the English file; null means none (or ask when askEnglish). */
  enPath: string | null;
  askEnglish?: boolean;
}

export interface ImportedText {
  path: string;
  text: string;
  /** The detected encoding, e.g. "utf-8", "utf-16le", "euc-kr". */
  encoding: string;
  /** The importer that read it ("txt", "pdf", ...). */
  format?: string;
  /** Footnotes of a layout-aware import (pdf, hwp, hwpx), by paragraph of `text`. */
  notes?: ImportedNote[];
  /** What a layout-aware import detected, for the preview's summary and switches. */
  layout?: LayoutReport;
}

export interface ExportRequest {
  format: ExportFormat;
  /** The project as a .dari file's text (what the renderer would save). */
  projectText: string;
  side?: Side;
  uiLanguage?: UiLanguage;
  showStatus?: boolean;
  showConfidence?: boolean;
  orientation?: "portrait" | "landscape";
  /**
   * null: main asks where with its save dialog. A path: one chooseExportTarget
   * returned, with this format's extension (main refuses any other).
   */
  path: string | null;
  /** The file name to propose in that dialog. */
  suggestedName?: string;
}

export type MenuCommand =
  | "new"
  | "open"
  | "save"
  | "saveAs"
  | "import"
  | "export"
  | "find"
  | "undo"
  | "redo"
  | "close"
  | "about"
  | "shortcuts"
  | "openLibrary"
  | "compareCodings"
  | `openRecent:${string}`
  | `align:${string}`
  | `panel:${string}`
  | `language:${UiLanguage}`
  | `layout:${Settings["layout"]}`;

export interface DariApi extends LibraryApi {
  /** Opens a .dari file: the given path, or asks with a dialog (null when cancelled). */
  openProject(path: string | null): Promise<Result<OpenedProject | null>>;
  /** The project to show at start: a file from the command line / OS; null shows the start screen. */
  startupProject(): Promise<Result<OpenedProject | null>>;
  /** The bundled sample (a worked example), opened untitled. */
  openSample(): Promise<Result<OpenedProject>>;
  /** The recent projects with their title, last change and progress, for the start screen. */
  recentProjects(): Promise<Result<RecentProject[]>>;
  /** Shows a native context menu of these items at the pointer; resolves the chosen id, null when dismissed. */
  showContextMenu(items: ContextMenuItem[]): Promise<Result<string | null>>;
  /** Saves atomically; a null path (or saveAs) asks where. Returns the path written, null when cancelled. */
  saveProject(req: { path: string | null; text: string; saveAs: boolean }): Promise<Result<string | null>>;
  /** Writes the recovery copy of an unsaved project (autosave after idle editing). */
  autosave(req: { path: string | null; text: string }): Promise<Result<void>>;
  /** Removes the recovery copy once the user has saved or declined it. */
  discardRecovery(path: string | null): Promise<Result<void>>;
  /** Reads a text file for import, decoding UTF-8/UTF-16/EUC-KR; asks with a dialog when path is null. */
  readTextForImport(req: { path: string | null; side: Side; options?: LayoutOptions }): Promise<Result<ImportedText | null>>;
  /** Stops the import being read (a long PDF); its readTextForImport fails with import:cancelled. */
  cancelImport(): Promise<Result<void>>;
  /** Exports the project; returns the path written, null when cancelled. */
  exportProject(req: ExportRequest): Promise<Result<string | null>>;
  /** Shows main's save dialog for an export in this format and returns the file chosen (null when cancelled); exportProject may then write there. */
  chooseExportTarget(req: { format: ExportFormat; suggestedName?: string }): Promise<Result<string | null>>;
  /** Opens a file exported in this session (reveal: shows it in its folder instead). Main opens no other path. */
  openExported(req: { path: string; reveal: boolean }): Promise<Result<void>>;
  getSettings(): Promise<Result<Settings>>;
  setSettings(patch: Partial<Settings>): Promise<Result<Settings>>;
  /** The OS locale, for the first-run UI language. */
  systemLocale(): Promise<Result<string>>;
  /** Tells main the window title and whether there are unsaved changes (it asks before closing). */
  setDocumentState(state: { title: string; dirty: boolean }): Promise<Result<void>>;
  /** Asks the user whether to discard unsaved changes: "save" | "discard" | "cancel". */
  confirmDiscard(req: { fileName: string }): Promise<Result<"save" | "discard" | "cancel">>;
}

/** An open library as the library window shows it: the documents' records without their segments. */
export interface LibraryOverview {
  /** The folder's name (main keeps its path). */
  name: string;
  documents: Omit<LibraryDocument, "segments">[];
  codebook: LibraryCodebookEntry[];
  failed: { file: string; reason: string }[];
}

/** The pictures of themes across the library (app/library/library.ts), for the themes in `codes`. */
export interface LibraryThemes {
  codes: string[];
  documents: { file: string; title: string; date: string }[];
  /** [theme][document]: share of the document's segments tagged with the theme. */
  heatmap: number[][];
  periods: string[];
  /** [theme][period]: share of the period's segments tagged with the theme. */
  timeline: number[][];
  /** [theme][theme]: segments where both occur. */
  cooccurrence: number[][];
}

/** The library window's calls (main/library-handlers.ts). */
export interface LibraryApi {
  /** Asks for a library folder, indexes it (progress on the progress channel) and keeps it open. Null when cancelled. */
  openLibrary(): Promise<Result<LibraryOverview | null>>;
  /** Searches the open library. */
  searchLibrary(req: { query: string; options: LibrarySearchOptions }): Promise<Result<LibraryHit[]>>;
  /** Opens a document of the open library by its file inside it. */
  openLibraryDocument(file: string): Promise<Result<OpenedProject>>;
  /** Gives every project of the open library the library codebook's labels and colours (each written with its .bak). */
  makeLibraryCodebookConsistent(): Promise<Result<{ written: string[]; overview: LibraryOverview }>>;
  /** The segments of the open library tagged with every theme of `all` and none of `none`. */
  retrieveLibrary(query: ThemeQuery): Promise<Result<RetrievedSegment[]>>;
  /** Writes the retrieval report where the user chooses; the path written, null when cancelled. */
  exportLibraryReport(req: { query: ThemeQuery; format: ReportFormat; uiLanguage: UiLanguage }): Promise<Result<string | null>>;
  /** Heat map, timeline (by month or quarter) and co-occurrence of the open library's themes. */
  libraryThemes(req: { by: "month" | "quarter" }): Promise<Result<LibraryThemes>>;
  /** Saves a picture (SVG text, PNG as base64) or its numbers (CSV) where the user chooses; the path, null when cancelled. */
  saveLibraryPicture(req: { name: string; format: "svg" | "png" | "csv"; data: string }): Promise<Result<string | null>>;
  /** Asks for another coder's .dari file and returns it validated, to compare codings (null when cancelled). */
  readCodingToCompare(): Promise<Result<{ path: string; text: string } | null>>;
}

export const IPC_METHODS = [
  "openProject",
  "startupProject",
  "saveProject",
  "autosave",
  "discardRecovery",
  "readTextForImport",
  "cancelImport",
  "exportProject",
  "getSettings",
  "setSettings",
  "systemLocale",
  "setDocumentState",
  "confirmDiscard",
  "openSample",
  "recentProjects",
  "showContextMenu",
  "openLibrary",
  "searchLibrary",
  "openLibraryDocument",
  "makeLibraryCodebookConsistent",
  "retrieveLibrary",
  "exportLibraryReport",
  "libraryThemes",
  "saveLibraryPicture",
  "readCodingToCompare",
  "openExported",
  "chooseExportTarget",
] as const satisfies readonly (keyof DariApi)[];

// Every method of DariApi is listed: this fails to compile when one is missing.
type Missing = Exclude<keyof DariApi, (typeof IPC_METHODS)[number]>;
const _allListed: Missing extends never ? true : never = true;
void _allListed;

/** A file dropped onto the window, as main accepted it (app/drop.ts). */
export interface DroppedFile {
  /** The path the preload resolved from the drop; main has granted it, so openProject and readTextForImport take it. */
  path: string;
  name: string;
  kind: DropKind;
  /** A codebook's or glossary's text (main read it), which the window merges into the project. */
  text?: string;
}

/** What main made of one drop: the files it accepted, and why it refused each other one (named in the error). */
export interface DropResult {
  files: DroppedFile[];
  refused: IpcError[];
}

/**
 * Calls only the preload makes, never exposed to the page (main/preload.ts):
 * the page's world cannot name a path for main to grant. The preload hears the
 * drop itself, resolves the dropped files' paths (webUtils.getPathForFile) and
 * hands main's answer to the page through onFilesDropped.
 */
export interface PreloadApi {
  /** The paths of files the user dropped onto the window: main checks and grants each. */
  filesDropped(paths: string[]): Promise<Result<DropResult>>;
}

export const PRELOAD_METHODS = ["filesDropped"] as const satisfies readonly (keyof PreloadApi)[];
type MissingPreload = Exclude<keyof PreloadApi, (typeof PRELOAD_METHODS)[number]>;
const _allPreloadListed: MissingPreload extends never ? true : never = true;
void _allPreloadListed;

export const IPC_CHANNEL_PREFIX = "dari:";
/** Channel main uses to send menu commands to the renderer. */
export const MENU_CHANNEL = "dari-menu";
/** Channel main uses to report the progress (0..1) of a long export. */
export const PROGRESS_CHANNEL = "dari-progress";

/** window.dari as the preload exposes it: the API plus menu events from main. */
export interface DariBridge extends DariApi {
  onMenuCommand(listener: (command: MenuCommand) => void): void;
  /** Progress (0..1) of the export under way in main. */
  onProgress(listener: (fraction: number) => void): void;
  /** Files the user dropped onto the window, as main accepted them (the preload sends their paths). */
  onFilesDropped(listener: (drop: Result<DropResult>) => void): void;
  /** True in Electron, whose native menu bar shows the menu; false in plain Chromium. */
  readonly nativeMenu: boolean;
}
