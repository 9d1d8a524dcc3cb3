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
}

export interface Settings {
  uiLanguage: UiLanguage | null;
  recentFiles: string[];
  layout: "side-by-side" | "stacked";
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
  /** Where to write; null asks the user. */
  path: string | null;
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
  | `openRecent:${string}`
  | `align:${string}`
  | `panel:${string}`
  | `language:${UiLanguage}`
  | `layout:${Settings["layout"]}`;

export interface DariApi {
  /** Opens a .dari file: the given path, or asks with a dialog (null when cancelled). */
  openProject(path: string | null): Promise<Result<OpenedProject | null>>;
  /** The project to show at start: a file from the command line / OS, else the bundled sample. */
  startupProject(): Promise<Result<OpenedProject>>;
  /** Saves atomically; a null path (or saveAs) asks where. Returns the path written, null when cancelled. */
  saveProject(req: { path: string | null; text: string; saveAs: boolean }): Promise<Result<string | null>>;
  /** Writes the recovery copy of an unsaved project (autosave after idle editing). */
  autosave(req: { path: string | null; text: string }): Promise<Result<void>>;
  /** Removes the recovery copy once the user has saved or declined it. */
  discardRecovery(path: string | null): Promise<Result<void>>;
  /** Reads a text file for import, decoding UTF-8/UTF-16/EUC-KR; asks with a dialog when path is null. */
  readTextForImport(req: { path: string | null; side: Side }): Promise<Result<ImportedText | null>>;
  /** Exports the project; returns the path written, null when cancelled. */
  exportProject(req: ExportRequest): Promise<Result<string | null>>;
  /** The export dialog's Browse button: asks where to write (main's save dialog); null when cancelled. */
  chooseExportPath(req: { format: ExportFormat; suggestedName?: string }): Promise<Result<string | null>>;
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

export const IPC_METHODS = [
  "openProject",
  "startupProject",
  "saveProject",
  "autosave",
  "discardRecovery",
  "readTextForImport",
  "exportProject",
  "getSettings",
  "setSettings",
  "systemLocale",
  "setDocumentState",
  "confirmDiscard",
  "chooseExportPath",
  "openExported",
] as const satisfies readonly (keyof DariApi)[];

// Every method of DariApi is listed: this fails to compile when one is missing.
type Missing = Exclude<keyof DariApi, (typeof IPC_METHODS)[number]>;
const _allListed: Missing extends never ? true : never = true;
void _allListed;

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
  /** True in Electron, whose native menu bar shows the menu; false in plain Chromium. */
  readonly nativeMenu: boolean;
}
