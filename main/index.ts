// Electron entry: single instance, one secure window, the localized menu, the
// IPC handlers (each checking its sender frame), files opened from the
// command line or the OS. Everything that does not need Electron lives in
// handlers.ts and its neighbours, where Node tests reach it.
import { app, BrowserWindow, Menu, dialog, ipcMain, session, type MenuItemConstructorOptions } from "electron";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { createHandlers, type Dialogs } from "./handlers";
import { WEB_PREFERENCES, CONTENT_SECURITY_POLICY, isAppUrl, isTrustedSender } from "./security";
import { printPdfInWindow } from "./pdf-electron";
import { IPC_METHODS, IPC_CHANNEL_PREFIX, MENU_CHANNEL, PROGRESS_CHANNEL, type MenuCommand, type Settings, type ContextMenuItem } from "../app/ipc";
import { menuTemplate, menuLabelKey, type MenuItem } from "../app/menu";
import { createI18n, languageForLocale, isUiLanguage } from "../app/i18n";

let win: BrowserWindow | null = null;
let dirty = false;
let pendingFile: string | null = fileFromArgv(process.argv);

const rendererUrl = process.env.ELECTRON_RENDERER_URL ?? pathToFileURL(join(__dirname, "../renderer/index.html")).href;
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
        { name: i18n().t("dialog.filterInterchange"), extensions: ["tmx", "xlf", "xliff"] },
      ],
    });
    return r.canceled ? null : r.filePaths[0];
  },
  async saveProject(suggestedName) {
    const r = await dialog.showSaveDialog(win!, { defaultPath: suggestedName, filters: [{ name: i18n().t("dialog.filterDari"), extensions: ["dari"] }] });
    return r.canceled || !r.filePath ? null : r.filePath;
  },
  async openText() {
    const r = await dialog.showOpenDialog(win!, { properties: ["openFile"], filters: [{ name: i18n().t("dialog.filterText"), extensions: ["txt", "docx", "html", "htm", "md"] }] });
    return r.canceled ? null : r.filePaths[0];
  },
  async exportTo(suggestedName, extension) {
    const r = await dialog.showSaveDialog(win!, { defaultPath: suggestedName, filters: [{ name: extension.toUpperCase(), extensions: [extension] }] });
    return r.canceled || !r.filePath ? null : r.filePath;
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
  onProgress: (fraction) => win?.webContents.send(PROGRESS_CHANNEL, fraction),
});

function createWindow(): void {
  win = new BrowserWindow({ width: 1280, height: 860, show: false, title: i18n().t("appName"), webPreferences: { ...WEB_PREFERENCES, preload: join(__dirname, "../preload/preload.cjs") } });
  win.once("ready-to-show", () => win?.show());
  win.webContents.on("will-navigate", (e, url) => {
    if (!isAppUrl(url, rendererUrl)) e.preventDefault();
  });
  win.webContents.setWindowOpenHandler(() => ({ action: "deny" }));
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
    if (win) {
      if (win.isMinimized()) win.restore();
      win.focus();
      if (file) sendMenu(`openRecent:${file}`);
    }
  });
  // macOS: a .dari file opened from Finder or the Dock.
  app.on("open-file", (e, path) => {
    e.preventDefault();
    if (win) sendMenu(`openRecent:${path}`);
    else pendingFile = path;
  });
  app.on("web-contents-created", (_e, contents) => {
    contents.on("will-attach-webview", (ev) => ev.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: "deny" }));
  });
  app.whenReady().then(async () => {
    session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
    session.defaultSession.setPermissionCheckHandler(() => false);
    session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
      callback({ responseHeaders: { ...details.responseHeaders, "Content-Security-Policy": [CONTENT_SECURITY_POLICY] } });
    });
    for (const method of IPC_METHODS) {
      ipcMain.handle(IPC_CHANNEL_PREFIX + method, (event, ...args: unknown[]) => {
        if (!isTrustedSender(event.senderFrame, rendererUrl)) throw new Error(`IPC ${method} refused: untrusted sender`);
        return (handlers[method] as (...a: unknown[]) => Promise<unknown>)(...args);
      });
    }
    const s = await handlers.getSettings();
    if (s.ok) settings = s.value;
    buildMenu();
    createWindow();
  });
  app.on("window-all-closed", () => app.quit());
}
