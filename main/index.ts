// Electron entry: single instance, one secure window, the localized menu, the
// IPC handlers (each checking its sender frame), files opened from the
// command line or the OS. Everything that does not need Electron lives in
// handlers.ts and its neighbours, where Node tests reach it.
import { app, BrowserWindow, Menu, dialog, ipcMain, protocol, session, shell, type MenuItemConstructorOptions } from "electron";
import { dirname, join } from "node:path";
import { createHandlers, type Dialogs } from "./handlers";
import { createPathGrants } from "./grants";
import { removeStaleTempFiles, recoveryDir } from "./files";
import { WEB_PREFERENCES, CONTENT_SECURITY_POLICY, isAppUrl, isTrustedSender, guardNavigation } from "./security";
import { APP_SCHEME, APP_SCHEME_PRIVILEGES, rendererUrlFor, rendererDirBeside, serveAppRequest } from "./app-scheme";
import { printPdfInWindow } from "./pdf-electron";
import { IPC_METHODS, PRELOAD_METHODS, IPC_CHANNEL_PREFIX, MENU_CHANNEL, PROGRESS_CHANNEL, type MenuCommand, type Settings, type ContextMenuItem } from "../app/ipc";
import { menuTemplate, menuLabelKey, type MenuItem } from "../app/menu";
import { createI18n, languageForLocale, isUiLanguage } from "../app/i18n";

let win: BrowserWindow | null = null;
let dirty = false;
let pendingFile: string | null = fileFromArgv(process.argv);

// The page: app://dari/ (out/renderer through our scheme), or electron-vite's dev server when not packaged.
const rendererUrl = rendererUrlFor(app.isPackaged, process.env);
// Before the app is ready: Chromium fixes the schemes' privileges at start.
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);
const resourcesDir = app.isPackaged ? process.resourcesPath : join(__dirname, "../../resources");

function fileFromArgv(argv: string[]): string | null {
  return argv.slice(1).find((a) => a.toLowerCase().endsWith(".dari") && !a.startsWith("-")) ?? null;
}

function sendMenu(command: MenuCommand): void {
  win?.webContents.send(MENU_CHANNEL, command);
}

const dialogs: Dialogs = {
  async openProject() {
    const r = await dialog.showOpenDialog(win!, {
      properties: ["openFile"],
      filters: [
        { name: i18n().t("dialog.filterDari"), extensions: ["dari"] },
        { name: i18n().t("dialog.filterInterchange"), extensions: ["tmx", "xlf", "xliff", "sdlxliff", "mqxliff", "qdpx"] },
        { name: "PDF, HWP", extensions: ["pdf", "hwp", "hwpx"] },
      ],
    });
    return r.canceled ? null : r.filePaths[0];
  },
  async saveProject(suggestedName) {
    const r = await dialog.showSaveDialog(win!, { defaultPath: suggestedName, filters: [{ name: i18n().t("dialog.filterDari"), extensions: ["dari"] }] });
    return r.canceled || !r.filePath ? null : r.filePath;
  },
  async openText() {
    const r = await dialog.showOpenDialog(win!, { properties: ["openFile"], filters: [{ name: i18n().t("dialog.filterText"), extensions: ["txt", "docx", "html", "htm", "md", "pdf", "hwp", "hwpx"] }] });
    return r.canceled ? null : r.filePaths[0];
  },
  async exportTo(suggestedName, extension) {
    const r = await dialog.showSaveDialog(win!, { defaultPath: suggestedName, filters: [{ name: extension.toUpperCase(), extensions: [extension] }] });
    return r.canceled || !r.filePath ? null : r.filePath;
  },
  async chooseLibraryFolder() {
    const r = await dialog.showOpenDialog(win!, { properties: ["openDirectory"], title: i18n().t("library:window.chooseFolder") });
    return r.canceled ? null : r.filePaths[0];
  },
  async confirmDiscard(fileName) {
    const t = i18n().t;
    const r = await dialog.showMessageBox(win!, {
      type: "question",
      buttons: [t("dialog.save"), t("dialog.discard"), t("dialog.cancel")],
      defaultId: 0,
      cancelId: 2,
      message: t("dialog.unsavedTitle"),
      detail: t("dialog.unsavedMessage", { file: fileName }),
    });
    return (["save", "discard", "cancel"] as const)[r.response];
  },
};

let settings: Settings = { uiLanguage: null, recentFiles: [], layout: "side-by-side" };
const i18n = () => createI18n(isUiLanguage(settings.uiLanguage) ? settings.uiLanguage : languageForLocale(app.getLocale()));

function buildMenu(): void {
  const t = i18n().t;
  const convert = (item: MenuItem): MenuItemConstructorOptions => {
    if (item.separator) return { type: "separator" };
    const label = item.command?.startsWith("openRecent:") ? item.label : t(menuLabelKey(item.label));
    if (item.submenu) return { label, submenu: item.submenu.map(convert) };
    const base: MenuItemConstructorOptions = { label, accelerator: item.accelerator, enabled: !!(item.command || item.role) };
    if (item.checked !== undefined) Object.assign(base, { type: "radio", checked: item.checked });
    if (item.role) return { ...base, role: item.role };
    return { ...base, click: () => sendMenu(item.command!) };
  };
  const template = menuTemplate({ uiLanguage: i18n().language as "ko" | "en", layout: settings.layout, recentFiles: settings.recentFiles, platform: process.platform });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template.map(convert)));
}

// Files the command line or the OS gave main: the only paths besides dialog choices and recent files it acts on.
const grants = createPathGrants();
if (pendingFile) grants.grant(pendingFile);
/** The renderer's context menu as a native one; resolves the chosen item's id (null when dismissed). */
function showNativeContextMenu(items: ContextMenuItem[]): Promise<string | null> {
  return new Promise((resolve) => {
    const convert = (item: ContextMenuItem): MenuItemConstructorOptions => {
      if (item.submenu) return { label: item.label, submenu: item.submenu.map(convert) };
      if (!item.label) return { type: "separator" };
      const base: MenuItemConstructorOptions = { label: item.label, enabled: item.enabled !== false && item.id !== null, accelerator: item.accelerator, registerAccelerator: false };
      if (item.checked !== undefined) Object.assign(base, { type: "checkbox", checked: item.checked });
      // Cut, copy and paste by the platform (the clipboard is not open to the page).
      if (item.role) return { ...base, role: item.role, click: undefined };
      return { ...base, click: () => resolve(item.id) };
    };
    // The click comes before or after the close depending on the platform: the first answer wins.
    Menu.buildFromTemplate(items.map(convert)).popup({ window: win ?? undefined, callback: () => setTimeout(() => resolve(null), 100) });
  });
}

const handlers = createHandlers({
  grants,
  importWorker: { workerFile: join(__dirname, "import-worker.cjs") },
  userData: app.getPath("userData"),
  dialogs,
  samplePath: join(resourcesDir, "sample", "commentary.dari"),
  startupFile: () => {
    const f = pendingFile;
    pendingFile = null;
    return f;
  },
  systemLocale: () => app.getLocale(),
  onDocumentState: (s) => {
    dirty = s.dirty;
    win?.setTitle(s.title);
    win?.setDocumentEdited(s.dirty);
  },
  onSettingsChanged: (s) => {
    settings = s;
    buildMenu();
  },
  printPdf: (html, options) => printPdfInWindow(html, options),
  showContextMenu: (items) => showNativeContextMenu(items),
  openPath: async (path, reveal) => {
    if (reveal) return shell.showItemInFolder(path);
    const failed = await shell.openPath(path);
    if (failed) throw new Error(failed);
  },
  onProgress: (fraction) => win?.webContents.send(PROGRESS_CHANNEL, fraction),
});

function createWindow(): void {
  win = new BrowserWindow({ width: 1280, height: 860, show: false, title: i18n().t("appName"), webPreferences: { ...WEB_PREFERENCES, preload: join(__dirname, "../preload/preload.cjs") } });
  win.once("ready-to-show", () => win?.show());
  guardNavigation(win.webContents, (url) => isAppUrl(url, rendererUrl));
  win.on("close", (e) => {
    if (!dirty) return;
    // The renderer asks (save / discard / cancel) and closes the window itself.
    e.preventDefault();
    sendMenu("close");
  });
  win.on("closed", () => (win = null));
  void win.loadURL(rendererUrl);
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on("second-instance", (_e, argv) => {
    const file = fileFromArgv(argv);
    if (file) grants.grant(file);
    if (win) {
      if (win.isMinimized()) win.restore();
      win.focus();
      if (file) sendMenu(`openRecent:${file}`);
    }
  });
  // macOS: a .dari file opened from Finder or the Dock.
  app.on("open-file", (e, path) => {
    e.preventDefault();
    grants.grant(path);
    if (win) sendMenu(`openRecent:${path}`);
    else pendingFile = path;
  });
  app.on("web-contents-created", (_e, contents) => {
    contents.on("will-attach-webview", (ev) => ev.preventDefault());
    guardNavigation(contents, (url) => isAppUrl(url, rendererUrl));
  });
  app.whenReady().then(async () => {
    session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
    session.defaultSession.setPermissionCheckHandler(() => false);
    session.defaultSession.setSpellCheckerEnabled(false);
    protocol.handle(APP_SCHEME, (request) => serveAppRequest(request, rendererDirBeside(__dirname)));
    session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
      callback({ responseHeaders: { ...details.responseHeaders, "Content-Security-Policy": [CONTENT_SECURITY_POLICY] } });
    });
    // The preload's own calls (a drop's paths) get the same sender check.
    for (const method of [...IPC_METHODS, ...PRELOAD_METHODS]) {
      ipcMain.handle(IPC_CHANNEL_PREFIX + method, (event, ...args: unknown[]) => {
        if (!isTrustedSender(event.senderFrame, rendererUrl)) throw new Error(`IPC ${method} refused: untrusted sender`);
        return (handlers[method] as (...a: unknown[]) => Promise<unknown>)(...args);
      });
    }
    const s = await handlers.getSettings();
    if (s.ok) settings = s.value;
    // Temporary files of saves killed mid-way (the app or the CLI) are removed at start.
    void removeStaleTempFiles([app.getPath("userData"), recoveryDir(app.getPath("userData")), ...settings.recentFiles.map((f) => dirname(f)), ...(pendingFile ? [dirname(pendingFile)] : [])]);
    buildMenu();
    createWindow();
  });
  app.on("window-all-closed", () => app.quit());
}
