// Electron's security checklist (electronjs.org/docs/latest/tutorial/security),
// item by item where it applies to Dari, held against main/'s settings and
// source: context isolation, sandbox, no Node in the page, a strict CSP,
// navigation and new windows blocked, permissions denied, every IPC call
// checking its sender, a preload that exposes only app/ipc.ts, and no
// shell.openExternal anywhere. Every window of main/ (the editor in index.ts,
// the PDF printer in pdf-electron.ts) is held to it. The wiring is checked in
// the source here, and in the built bundle by test/desktop-shell.test.ts.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { WEB_PREFERENCES, PRINT_WEB_PREFERENCES, CONTENT_SECURITY_POLICY, isAppUrl, isTrustedSender, guardNavigation } from "./security";
import { APP_URL } from "./app-scheme";
import { IPC_METHODS } from "../app/ipc";
import { parseCsp, cspProblems } from "../test/csp";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const source = (path: string) => readFileSync(join(ROOT, path), "utf8");
/** Source without comments, so that a comment never satisfies (or fails) a check. */
const code = (path: string) => source(path).replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'`])\/\/.*$/gm, "$1");
const index = code("main/index.ts");
const preload = code("main/preload.ts");

test("the window keeps context isolation and the sandbox, and gives the page no Node", () => {
  assert.equal(WEB_PREFERENCES.contextIsolation, true);
  assert.equal(WEB_PREFERENCES.sandbox, true);
  assert.equal(WEB_PREFERENCES.nodeIntegration, false);
  assert.equal(WEB_PREFERENCES.nodeIntegrationInWorker, false);
  assert.equal(WEB_PREFERENCES.nodeIntegrationInSubFrames, false);
  assert.equal(WEB_PREFERENCES.webSecurity, true);
  assert.equal(WEB_PREFERENCES.allowRunningInsecureContent, false);
  assert.equal(WEB_PREFERENCES.experimentalFeatures, false);
  assert.equal(WEB_PREFERENCES.webviewTag, false);
  assert.equal(WEB_PREFERENCES.spellcheck, false, "Chromium's spellchecker would download dictionaries");
  // The PDF printer: the same settings, and no scripts.
  assert.deepEqual(PRINT_WEB_PREFERENCES, { ...WEB_PREFERENCES, javascript: false });
  // Every window of main/ uses these settings, adds nothing but the editor's preload, and guards its navigation.
  const files = sources("main").filter((f) => /new BrowserWindow\(/.test(code(f)));
  assert.deepEqual(files.sort(), ["main/index.ts", "main/pdf-electron.ts"]);
  for (const f of files) {
    const text = code(f);
    const windows = [...text.matchAll(/(\w+) = new BrowserWindow\(([\s\S]*?)\);/g)];
    assert.ok(windows.length >= 1, f);
    for (const [, name, options] of windows) {
      const prefs = /webPreferences:\s*\{([^}]*)\}/.exec(options)?.[1];
      assert.ok(prefs, `${f}: every window states its webPreferences`);
      const base = f === "main/index.ts" ? "WEB_PREFERENCES" : "PRINT_WEB_PREFERENCES";
      assert.match(prefs, new RegExp(`^\\s*\\.\\.\\.${base}\\b`), f);
      const extra = [...prefs.replace(/"[^"]*"/g, '""').matchAll(/(\w+)\s*:/g)].map((m) => m[1]);
      assert.deepEqual(extra, f === "main/index.ts" ? ["preload"] : [], `${f}: nothing overrides the secure settings`);
      assert.match(text, new RegExp(`guardNavigation\\(${name}\\.webContents,`), `${f}: the window's navigation is guarded`);
    }
    assert.doesNotMatch(text, /app\.commandLine\.appendSwitch\(\s*["']no-sandbox/, f);
  }
  assert.match(index, /session\.defaultSession\.setSpellCheckerEnabled\(false\)/);
});

test("the Content-Security-Policy is strict, sent with every response and in the page itself", () => {
  assert.deepEqual(cspProblems(CONTENT_SECURITY_POLICY), []);
  assert.deepEqual(parseCsp(CONTENT_SECURITY_POLICY).get("frame-ancestors"), ["'none'"]);
  assert.match(index, /onHeadersReceived\([\s\S]*?"Content-Security-Policy":\s*\[CONTENT_SECURITY_POLICY\]/);
  // The page itself comes from app://dari/, whose responses carry the header (main/app-scheme.test.ts).
  assert.match(index, /protocol\.handle\(APP_SCHEME, \(request\) => serveAppRequest\(request, rendererDirBeside\(__dirname\)\)\)/);
  assert.match(index, /protocol\.registerSchemesAsPrivileged\(\[\{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES \}\]\)/);
  assert.match(index, /const rendererUrl = rendererUrlFor\(app\.isPackaged, process\.env\);/);
  const html = source("renderer/index.html");
  const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(html)?.[1];
  assert.ok(meta, "renderer/index.html carries the CSP (the e2e page and file:// loads have no headers)");
  assert.deepEqual(cspProblems(meta), []);
  // The checker itself catches what it must.
  assert.notDeepEqual(cspProblems("default-src 'none'; script-src 'self' 'unsafe-eval'"), []);
  assert.notDeepEqual(cspProblems(CONTENT_SECURITY_POLICY.replace("connect-src 'none'", "connect-src https://cdn.example.com")), []);
  assert.notDeepEqual(cspProblems(CONTENT_SECURITY_POLICY.replace("script-src 'self'", "script-src 'self' *")), []);
});

test("navigation away from the app, new windows and webviews are blocked", () => {
  // The guard itself.
  const listeners: ((e: { preventDefault(): void }, url: string) => void)[] = [];
  let openHandler: ((d: { url: string }) => { action: string }) | null = null;
  guardNavigation({ on: (_event, l) => listeners.push(l), setWindowOpenHandler: (h) => (openHandler = h) }, (url) => isAppUrl(url, APP_URL));
  const navigate = (url: string) => {
    let prevented = false;
    for (const l of listeners) l({ preventDefault: () => (prevented = true) }, url);
    return !prevented;
  };
  assert.equal(navigate("app://dari/index.html"), true);
  assert.equal(navigate("https://example.com/"), false);
  assert.equal(navigate("file:///etc/passwd"), false);
  assert.deepEqual(openHandler!({ url: "https://example.com/" }), { action: "deny" });
  // Every window and every web contents created later use it.
  assert.match(index, /guardNavigation\(win\.webContents, \(url\) => isAppUrl\(url, rendererUrl\)\)/);
  assert.match(index, /on\("web-contents-created", \(_e, contents\) => \{[^}]*guardNavigation\(contents, \(url\) => isAppUrl\(url, rendererUrl\)\)/);
  assert.match(index, /on\("will-attach-webview",\s*\(ev\)\s*=>\s*ev\.preventDefault\(\)\)/);
  assert.match(code("main/pdf-electron.ts"), /guardNavigation\(win\.webContents, \(\) => false\)/, "the PDF printer goes nowhere");
});

test("permission requests and checks are denied", () => {
  assert.match(index, /setPermissionRequestHandler\(\([^)]*,\s*callback\)\s*=>\s*callback\(false\)\)/);
  assert.match(index, /setPermissionCheckHandler\(\(\)\s*=>\s*false\)/);
});

test("every IPC handler checks its sender before doing anything", () => {
  const handles = [...index.matchAll(/ipcMain\.handle\(/g)];
  assert.ok(handles.length >= 1);
  for (const h of handles) {
    const body = index.slice(h.index!, h.index! + 400);
    assert.match(body, /^ipcMain\.handle\([^,]+,\s*\(event,[^)]*\)\s*=>\s*\{\s*if \(!isTrustedSender\(event\.senderFrame, rendererUrl\)\) throw/, "the check is the handler's first statement");
  }
  // No listener bypasses ipcMain.handle's check.
  assert.doesNotMatch(index, /ipcMain\.on\(|ipcMain\.once\(|ipcMain\.handleOnce\(/);
  // Every method of app/ipc.ts (the page's and the preload's own) is registered through that loop, and only those.
  assert.match(index, /for \(const method of \[\.\.\.IPC_METHODS, \.\.\.PRELOAD_METHODS\]\)\s*\{\s*ipcMain\.handle\(IPC_CHANNEL_PREFIX \+ method/);
});

test("the preload exposes exactly app/ipc.ts's methods through contextBridge", () => {
  const exposes = [...preload.matchAll(/contextBridge\.exposeInMainWorld\(\s*"(\w+)",\s*(\w+)/g)];
  assert.deepEqual(exposes.map((m) => [m[1], m[2]]), [["dari", "api"]]);
  // The api object gets one invoke per IPC method, the native-menu flag and the menu, progress and drop listeners; nothing else.
  assert.match(preload, /for \(const method of IPC_METHODS\)\s*\{\s*api\[method\] = \(\.\.\.args: unknown\[\]\) => ipcRenderer\.invoke\(IPC_CHANNEL_PREFIX \+ method, \.\.\.args\);\s*\}/);
  const assigned = [...preload.matchAll(/\bapi\.(\w+)\s*=/g)].map((m) => m[1]);
  assert.deepEqual(assigned, ["onMenuCommand", "onProgress", "onFilesDropped"]);
  // The preload's own method (a drop's paths) is invoked by the preload, never put on the api.
  assert.doesNotMatch(preload, /api\.filesDropped|api\[["']filesDropped/);
  assert.match(preload, /const api: Record<string, unknown> = \{ nativeMenu: true \};/);
  // The raw ipcRenderer, require and process never reach the page.
  assert.doesNotMatch(preload, /exposeInMainWorld\([^)]*ipcRenderer\s*\)/);
  assert.doesNotMatch(preload, /api\.\w+\s*=\s*ipcRenderer\b|:\s*ipcRenderer\b/);
  assert.doesNotMatch(preload, /\brequire\(|process\./);
  // The listeners hand the page only the command or the fraction, never the IPC event.
  assert.match(preload, /ipcRenderer\.on\(MENU_CHANNEL, \(_event, command: MenuCommand\) => listener\(command\)\)/);
  assert.match(preload, /ipcRenderer\.on\(PROGRESS_CHANNEL, \(_event, fraction: number\) => listener\(fraction\)\)/);
  assert.ok(IPC_METHODS.length > 5);
});

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...sources(p));
    else if (/\.(ts|js|mjs|cjs)$/.test(e.name) && !/\.test\.ts$/.test(e.name)) out.push(p);
  }
  return out;
}

test("nothing opens URLs with the OS shell, and files only as main/index.ts opens an export (no shell.openExternal on document content)", () => {
  const files = [...sources("main"), ...sources("renderer"), ...sources("app")];
  assert.ok(files.includes("main/index.ts") && files.some((f) => f.startsWith("renderer/")));
  for (const f of files) {
    const text = code(f);
    assert.doesNotMatch(text, /openExternal/, f);
    // Open and Show in folder after an export (issue 17.11): only main/index.ts's openPath,
    // which handlers.ts calls only for a file this session exported (main/handlers.test.ts).
    if (f === "main/index.ts") assert.equal(text.match(/shell\.(openPath|showItemInFolder)/g)?.length, 2, f);
    else assert.doesNotMatch(text, /shell\.openPath|shell\.showItemInFolder/, f);
    // The renderer cannot open windows or navigate by itself either.
    if (f.startsWith("renderer/")) assert.doesNotMatch(text, /window\.open\(|location\.(href|assign|replace)\s*[=(]/, f);
  }
});

test("isAppUrl accepts only the app's own page", () => {
  const packaged = APP_URL;
  assert.equal(isAppUrl(packaged, packaged), true);
  assert.equal(isAppUrl(packaged + "#passage-3", packaged), true);
  assert.equal(isAppUrl("file:///etc/passwd", packaged), false);
  assert.equal(isAppUrl("file:///opt/Dari/resources/app.asar/out/renderer/index.html", packaged), false, "file:// is no longer the app");
  assert.equal(isAppUrl("app://evil/index.html", packaged), false);
  assert.equal(isAppUrl("https://example.com/index.html", packaged), false);
  const dev = "http://localhost:5173/";
  assert.equal(isAppUrl("http://localhost:5173/index.html", dev), true);
  assert.equal(isAppUrl("http://localhost:5174/", dev), false);
  assert.equal(isAppUrl("http://127.0.0.1:5173/", dev), false, "another origin, even on loopback");
  assert.equal(isAppUrl("https://localhost:5173/", dev), false);
  // A remote dev URL is never trusted, even as its own origin.
  assert.equal(isAppUrl("http://evil.example.com:5173/", "http://evil.example.com:5173/"), false);
  for (const bad of ["javascript:alert(1)", "data:text/html,<script>1</script>", "about:blank", "", "not a url", "devtools://devtools/bundled/inspector.html"]) {
    assert.equal(isAppUrl(bad, packaged), false, bad);
    assert.equal(isAppUrl(bad, dev), false, bad);
  }
  assert.equal(isAppUrl(packaged, "::bad::"), false);
});

test("isTrustedSender accepts only the app's top frame", () => {
  const url = APP_URL;
  assert.equal(isTrustedSender({ url, parent: null }, url), true);
  assert.equal(isTrustedSender({ url, parent: { url } }, url), false, "a subframe, even of our own page");
  assert.equal(isTrustedSender({ url: "https://example.com/", parent: null }, url), false);
  assert.equal(isTrustedSender({ url: "about:blank", parent: null }, url), false);
  assert.equal(isTrustedSender(null, url), false, "a frame that is gone");
  assert.equal(isTrustedSender(undefined, url), false);
});
