// The desktop shell as built (issue 11, requirements 2 and 3). The Electron
// binary cannot be downloaded here, so:
// - the real `npm start` runs with ELECTRON_OVERRIDE_DIST_PATH naming a
//   stand-in executable that records how it was started: the script must
//   build out/, find the binary through the `electron` package and start it
//   on the built main entry;
// - the bundle it built, out/main/index.cjs, is then loaded in Node with a
//   recording stand-in for the `electron` module, and its wiring checked:
//   one secure window, a sender check on every IPC method, the permission,
//   navigation and window-open guards, the app:// scheme, second-instance and
//   open-file, and the PDF printer's window.
// This is not a substitute for Electron: it catches the bundle that dies at
// start and the guard that was dropped.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { EventEmitter } from "node:events";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import Module from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { IPC_METHODS, PRELOAD_METHODS, IPC_CHANNEL_PREFIX, MENU_CHANNEL } from "../app/ipc";
import { WEB_PREFERENCES, PRINT_WEB_PREFERENCES, CONTENT_SECURITY_POLICY } from "../main/security";
import { APP_URL } from "../main/app-scheme";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const require = createRequire(import.meta.url);
const work = mkdtempSync(join(tmpdir(), "dari-shell-"));
after(() => rmSync(work, { recursive: true, force: true }));

// ------------------------------------------------------------ npm start

interface StartRecord {
  argv: string[];
  cwd: string;
  execPath: string | undefined;
}
let started: { status: number | null; stdout: string; stderr: string; at: number; record: StartRecord | null; standIn: string };

before(() => {
  const dist = join(work, "electron-dist");
  const recordFile = join(work, "record.json");
  // Where the electron package looks under ELECTRON_OVERRIDE_DIST_PATH: the name in its path.txt, "electron" without one.
  const pathTxt = join(ROOT, "node_modules/electron/path.txt");
  const standIn = join(dist, existsSync(pathTxt) ? readFileSync(pathTxt, "utf8") : "electron");
  const recorder = join(work, "record.cjs");
  writeFileSync(
    recorder,
    `require("node:fs").writeFileSync(process.env.DARI_STANDIN_RECORD, JSON.stringify({ argv: process.argv.slice(2), cwd: process.cwd(), execPath: process.env.ELECTRON_EXEC_PATH }));\n`,
  );
  mkdirSync(join(standIn, ".."), { recursive: true });
  writeFileSync(standIn, `#!/bin/sh\nexec "${process.execPath}" "${recorder}" "$@"\n`, { mode: 0o755 });
  const env: NodeJS.ProcessEnv = { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: dist, DARI_STANDIN_RECORD: recordFile };
  for (const k of ["ELECTRON_EXEC_PATH", "ELECTRON_RENDERER_URL", "ELECTRON_CLI_ARGS", "NODE_OPTIONS"]) delete env[k];
  const at = Date.now() - 1000;
  const r = spawnSync("npm", ["start"], { cwd: ROOT, env, encoding: "utf8", timeout: 600_000 });
  started = { status: r.status, stdout: r.stdout, stderr: r.stderr, at, standIn, record: existsSync(recordFile) ? (JSON.parse(readFileSync(recordFile, "utf8")) as StartRecord) : null };
});

test("npm start builds out/, finds Electron through the electron package and starts it on the built main entry", () => {
  assert.equal(started.status, 0, started.stderr + started.stdout);
  const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { main: string };
  assert.equal(pkg.main, "out/main/index.cjs");
  for (const built of [pkg.main, "out/preload/preload.cjs", "out/renderer/index.html"]) {
    assert.ok(existsSync(join(ROOT, built)), built);
    assert.ok(statSync(join(ROOT, built)).mtimeMs >= started.at, `${built} was built by this npm start`);
  }
  const record = started.record;
  assert.ok(record, "the Electron stand-in was started");
  // electron-vite alone reads only path.txt and would have stopped with "Electron uninstall":
  // the binary came from the electron package, which honours ELECTRON_OVERRIDE_DIST_PATH.
  assert.equal(record.execPath, started.standIn);
  assert.deepEqual(record.argv, ["."], "Electron starts the app folder, whose package.json names the built main");
  assert.equal(realpathSync(record.cwd), realpathSync(ROOT));
});

// ------------------------------------------------------------ the built main bundle

class FakeContents extends EventEmitter {
  openHandler: ((d: { url: string }) => { action: string }) | null = null;
  sent: [string, unknown][] = [];
  send(channel: string, value: unknown): void {
    this.sent.push([channel, value]);
  }
  setWindowOpenHandler(h: (d: { url: string }) => { action: string }): void {
    this.openHandler = h;
  }
  async printToPDF(): Promise<Buffer> {
    return Buffer.from("%PDF-1.4 stand-in");
  }
}

class FakeWindow extends EventEmitter {
  static all: FakeWindow[] = [];
  webContents = new FakeContents();
  loaded: string | null = null;
  focused = false;
  destroyed = false;
  constructor(readonly options: { webPreferences?: Record<string, unknown> }) {
    super();
    FakeWindow.all.push(this);
  }
  async loadURL(url: string): Promise<void> {
    this.loaded = url;
  }
  async loadFile(file: string): Promise<void> {
    this.loaded = file;
  }
  show(): void {}
  setTitle(): void {}
  setDocumentEdited(): void {}
  isMinimized(): boolean {
    return false;
  }
  restore(): void {}
  focus(): void {
    this.focused = true;
  }
  destroy(): void {
    this.destroyed = true;
  }
}

type Handler = (event: unknown, ...args: unknown[]) => unknown;
const calls: string[] = [];
const ipc = new Map<string, Handler>();
let permissionRequest: ((wc: unknown, permission: string, callback: (ok: boolean) => void) => void) | null = null;
let permissionCheck: ((...a: unknown[]) => boolean) | null = null;
let spellChecker: boolean | null = null;
const schemes = new Map<string, (request: Request) => Promise<Response>>();
let privileged: { scheme: string; privileges: Record<string, boolean> }[] = [];
const userData = join(work, "userData");
const saveAs = join(work, "export.pdf");
let ready: () => void = () => {};
const whenReady = new Promise<void>((resolve) => (ready = resolve));

const app = Object.assign(new EventEmitter(), {
  isPackaged: false,
  getPath: (name: string) => (name === "userData" ? userData : work),
  getLocale: () => "en-US",
  requestSingleInstanceLock: () => true,
  quit: () => calls.push("app.quit"),
  whenReady: () => whenReady,
});

const standIn: Record<string, unknown> = {
  app,
  BrowserWindow: FakeWindow,
  Menu: { buildFromTemplate: (t: unknown) => t, setApplicationMenu: () => calls.push("menu") },
  dialog: {
    showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
    showSaveDialog: async () => ({ canceled: false, filePath: saveAs }),
    showMessageBox: async () => ({ response: 2 }),
  },
  ipcMain: {
    handle: (channel: string, h: Handler) => ipc.set(channel, h),
    on: (channel: string) => calls.push(`ipcMain.on ${channel}`),
    once: (channel: string) => calls.push(`ipcMain.once ${channel}`),
    handleOnce: (channel: string) => calls.push(`ipcMain.handleOnce ${channel}`),
  },
  protocol: {
    registerSchemesAsPrivileged: (list: typeof privileged) => {
      calls.push("registerSchemesAsPrivileged");
      privileged = list;
    },
    handle: (scheme: string, h: (r: Request) => Promise<Response>) => schemes.set(scheme, h),
  },
  session: {
    defaultSession: {
      setPermissionRequestHandler: (h: typeof permissionRequest) => (permissionRequest = h),
      setPermissionCheckHandler: (h: typeof permissionCheck) => (permissionCheck = h),
      setSpellCheckerEnabled: (on: boolean) => (spellChecker = on),
      webRequest: { onHeadersReceived: () => calls.push("onHeadersReceived") },
    },
  },
};
// An Electron API the bundle uses that the stand-in lacks fails loudly, by name.
const electron = new Proxy(standIn, {
  get(target, name) {
    if (typeof name === "string" && !(name in target) && name !== "__esModule" && name !== "default" && name !== "then") throw new Error(`the electron stand-in has no ${name}: add it to test/desktop-shell.test.ts`);
    return Reflect.get(target, name);
  },
});

let loadError: unknown = null;
const mainWindow = () => FakeWindow.all[0];

before(async () => {
  if (started.status !== 0) {
    loadError = new Error("npm start did not build the app (see the first test)");
    return;
  }
  delete process.env.ELECTRON_RENDERER_URL;
  const moduleApi = Module as unknown as { _load: (request: string, parent: unknown, isMain: boolean) => unknown };
  const load = moduleApi._load;
  moduleApi._load = function (request, parent, isMain) {
    return request === "electron" ? electron : load.call(this, request, parent, isMain);
  };
  try {
    require(join(ROOT, "out/main/index.cjs"));
    calls.push("loaded");
    ready();
    // Main's ready handler is async (it reads the settings); wait for its window.
    for (let i = 0; i < 200 && FakeWindow.all.length === 0; i++) await new Promise((r) => setTimeout(r, 25));
  } catch (e) {
    loadError = e;
  } finally {
    moduleApi._load = load;
  }
});

test("the built main bundle loads, registers the app:// scheme before ready, and opens exactly one secure window on it", () => {
  assert.equal(loadError, null, String((loadError as Error)?.stack ?? loadError));
  assert.ok(calls.indexOf("registerSchemesAsPrivileged") < calls.indexOf("loaded"), "privileges are fixed before the app is ready");
  assert.deepEqual(privileged.map((p) => p.scheme), ["app"]);
  assert.equal(privileged[0].privileges.standard, true);
  assert.equal(privileged[0].privileges.secure, true);
  assert.equal(FakeWindow.all.length, 1, "exactly one window");
  const prefs = mainWindow().options.webPreferences!;
  const { preload, ...rest } = prefs;
  assert.deepEqual(rest, { ...WEB_PREFERENCES });
  assert.equal(typeof preload, "string");
  assert.ok(existsSync(preload as string), `the preload ${preload} exists`);
  assert.equal(mainWindow().loaded, APP_URL, "the page comes from app://dari/, not file://");
  assert.equal(spellChecker, false, "Chromium's spellchecker (which downloads dictionaries) is off");
  assert.deepEqual(calls.filter((c) => c.startsWith("ipcMain.")), [], "no IPC listener bypasses ipcMain.handle");
});

test("the app:// scheme serves the built renderer with the CSP, and nothing outside it", async () => {
  const serve = schemes.get("app");
  assert.ok(serve, "protocol.handle('app', …)");
  const page = await serve(new Request(APP_URL));
  assert.equal(page.status, 200);
  assert.equal(page.headers.get("content-security-policy"), CONTENT_SECURITY_POLICY);
  assert.equal(await page.text(), readFileSync(join(ROOT, "out/renderer/index.html"), "utf8"));
  const script = /src="\.?\/?(assets\/[^"]+\.js)"/.exec(readFileSync(join(ROOT, "out/renderer/index.html"), "utf8"))?.[1];
  assert.ok(script);
  assert.equal((await serve(new Request(`app://dari/${script}`))).status, 200);
  for (const url of ["app://dari/%2e%2e%2fmain%2findex.cjs", "app://dari/..%2fmain/index.cjs", "app://other/index.html"]) assert.equal((await serve(new Request(url))).status, 404, url);
});

test("every IPC method has a handler, and each refuses a sender that is not the app's top frame", async () => {
  // The page's methods and the preload's own (a drop's paths), each behind the same check.
  assert.deepEqual([...ipc.keys()].sort(), [...IPC_METHODS, ...PRELOAD_METHODS].map((m) => IPC_CHANNEL_PREFIX + m).sort());
  const untrusted = [
    { senderFrame: { url: "https://evil.example/", parent: null } },
    { senderFrame: { url: APP_URL, parent: { url: APP_URL } } },
    { senderFrame: { url: "file:///tmp/page.html", parent: null } },
    { senderFrame: null },
  ];
  for (const method of [...IPC_METHODS, ...PRELOAD_METHODS]) {
    for (const event of untrusted) {
      await assert.rejects(async () => ipc.get(IPC_CHANNEL_PREFIX + method)!(event, {}), /untrusted sender/, `${method} from ${JSON.stringify(event)}`);
    }
  }
  // The app's own page is served.
  const settings = (await ipc.get(IPC_CHANNEL_PREFIX + "getSettings")!({ senderFrame: { url: APP_URL, parent: null } })) as { ok: boolean };
  assert.equal(settings.ok, true);
});

test("permissions are denied, and the window navigates only within the app and opens no other window", () => {
  assert.ok(permissionRequest && permissionCheck);
  for (const permission of ["media", "geolocation", "notifications", "clipboard-read"]) {
    let granted: boolean | null = null;
    permissionRequest(null, permission, (ok) => (granted = ok));
    assert.equal(granted, false, permission);
    assert.equal(permissionCheck(null, permission), false, permission);
  }
  const contents = mainWindow().webContents;
  const navigate = (target: FakeContents, url: string) => {
    let prevented = false;
    target.emit("will-navigate", { preventDefault: () => (prevented = true) }, url);
    return !prevented;
  };
  assert.equal(navigate(contents, APP_URL), true);
  for (const url of ["https://example.com/", "file:///etc/passwd", "app://evil/index.html", "javascript:alert(1)"]) assert.equal(navigate(contents, url), false, url);
  assert.deepEqual(contents.openHandler?.({ url: "https://example.com/" }), { action: "deny" });
  // Any web contents created later gets the same guards, and no webview.
  const later = new FakeContents();
  app.emit("web-contents-created", {}, later);
  assert.equal(navigate(later, "https://example.com/"), false);
  assert.deepEqual(later.openHandler?.({ url: "https://example.com/" }), { action: "deny" });
  let webview = false;
  later.emit("will-attach-webview", { preventDefault: () => (webview = true) });
  assert.equal(webview, true, "webviews are refused");
});

test("a second instance and a file opened by the OS bring the project to the window", () => {
  const win = mainWindow();
  const file = join(work, "from-argv.dari");
  assert.ok(app.listenerCount("second-instance") > 0 && app.listenerCount("open-file") > 0);
  app.emit("second-instance", {}, ["/opt/Dari/dari", "--flag", file], work);
  assert.equal(win.focused, true);
  assert.ok(win.webContents.sent.some(([channel, value]) => channel === MENU_CHANNEL && String(value).includes(file)), JSON.stringify(win.webContents.sent));
  const fromFinder = join(work, "from-finder.dari");
  let prevented = false;
  app.emit("open-file", { preventDefault: () => (prevented = true) }, fromFinder);
  assert.equal(prevented, true);
  assert.ok(win.webContents.sent.some(([channel, value]) => channel === MENU_CHANNEL && String(value).includes(fromFinder)));
});

test("a PDF export prints in a hidden window with the same secure settings (scripts off) and a navigation guard, then closes it", async () => {
  const before = FakeWindow.all.length;
  const projectText = readFileSync(join(ROOT, "resources/sample/commentary.dari"), "utf8");
  const r = (await ipc.get(IPC_CHANNEL_PREFIX + "exportProject")!({ senderFrame: { url: APP_URL, parent: null } }, { format: "pdf", projectText, path: null, suggestedName: "commentary.pdf", orientation: "portrait" })) as { ok: boolean; value?: string; error?: unknown };
  assert.equal(r.ok, true, JSON.stringify(r));
  assert.equal(FakeWindow.all.length, before + 1);
  const printer = FakeWindow.all[before];
  assert.deepEqual(printer.options.webPreferences, { ...PRINT_WEB_PREFERENCES });
  let prevented = false;
  printer.webContents.emit("will-navigate", { preventDefault: () => (prevented = true) }, "https://example.com/");
  assert.equal(prevented, true, "links in the export go nowhere");
  assert.deepEqual(printer.webContents.openHandler?.({ url: "https://example.com/" }), { action: "deny" });
  assert.equal(printer.destroyed, true);
  assert.equal(readFileSync(saveAs, "utf8"), "%PDF-1.4 stand-in");
});

test("a file dropped onto the window: the preload sends its path (never the page), main grants it and then opens it; a path not dropped is refused", async () => {
  assert.equal(loadError, null);
  // The built preload, with stand-ins for its Electron modules and for the window it listens on.
  const exposed = new Map<string, Record<string, unknown>>();
  const invoked: [string, unknown[]][] = [];
  const windowListeners: { type: string; listener: (e: unknown) => void; capture: unknown }[] = [];
  const preloadElectron = {
    contextBridge: { exposeInMainWorld: (key: string, api: Record<string, unknown>) => exposed.set(key, api) },
    ipcRenderer: {
      on: () => undefined,
      // Main's own handler answers, as Electron's IPC would carry it (the preload runs in the app's top frame).
      invoke: async (channel: string, ...args: unknown[]) => {
        invoked.push([channel, args]);
        return ipc.get(channel)!({ senderFrame: { url: APP_URL, parent: null } }, ...args);
      },
    },
    webUtils: { getPathForFile: (f: { path: string }) => f.path },
  };
  const g = globalThis as unknown as { window?: unknown };
  const hadWindow = "window" in g;
  g.window = { addEventListener: (type: string, listener: (e: unknown) => void, capture: unknown) => windowListeners.push({ type, listener, capture }) };
  const moduleApi = Module as unknown as { _load: (request: string, parent: unknown, isMain: boolean) => unknown };
  const load = moduleApi._load;
  moduleApi._load = function (request, parent, isMain) {
    return request === "electron" ? preloadElectron : load.call(this, request, parent, isMain);
  };
  try {
    require(join(ROOT, "out/preload/preload.cjs"));
  } finally {
    moduleApi._load = load;
    if (!hadWindow) delete g.window;
  }
  const api = exposed.get("dari")!;
  assert.ok(api, "window.dari is exposed");
  assert.ok(!("filesDropped" in api), "the page cannot name paths for main to grant");
  for (const m of IPC_METHODS) assert.equal(typeof api[m], "function", m);
  const drop = windowListeners.find((l) => l.type === "drop");
  assert.ok(drop, "the preload listens for drops");
  assert.equal(drop.capture, true, "in the capture phase, before the page's handlers");
  const delivered: unknown[] = [];
  (api.onFilesDropped as (l: (r: unknown) => void) => void)((r) => delivered.push(r));

  const dropped = join(work, "dropped.dari");
  const beside = join(work, "beside.dari");
  const text = readFileSync(join(ROOT, "resources/sample/commentary.dari"), "utf8");
  writeFileSync(dropped, text);
  writeFileSync(beside, text);
  const openProject = (path: string) => ipc.get(`${IPC_CHANNEL_PREFIX}openProject`)!({ senderFrame: { url: APP_URL, parent: null } }, path) as Promise<{ ok: boolean; error?: { key: string } }>;
  assert.equal((await openProject(dropped)).error?.key, "ipc.notGranted", "before the drop");

  // A page script's drop event is not the user's: nothing is sent.
  drop.listener({ isTrusted: false, dataTransfer: { files: [{ path: beside }] } });
  drop.listener({ isTrusted: true, dataTransfer: { files: [{ path: dropped }] } });
  for (let i = 0; i < 100 && delivered.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
  assert.deepEqual(invoked.map(([channel, args]) => [channel, args]), [[`${IPC_CHANNEL_PREFIX}filesDropped`, [[dropped]]]]);
  assert.deepEqual(delivered, [{ ok: true, value: { files: [{ path: dropped, name: "dropped.dari", kind: "project" }], refused: [] } }]);
  const opened = await openProject(dropped);
  assert.equal(opened.ok, true, JSON.stringify(opened));
  assert.equal((await openProject(beside)).error?.key, "ipc.notGranted", "the file beside it was not dropped");
});
