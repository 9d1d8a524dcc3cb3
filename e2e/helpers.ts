// The e2e harness (DESIGN.md "Testing"): the built renderer (out/renderer)
// served from 127.0.0.1 to Debian's Chromium through playwright-core, with
// window.dari bridged through page.exposeBinding to the real main/handlers.ts,
// a temporary user-data folder and scripted dialogs. Only Electron's
// transport is left out.
import { before, after } from "node:test";
import assert from "node:assert/strict";
import { chromium, type Browser, type Page, type CDPSession } from "playwright-core";
import { createServer, type Server } from "node:http";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, extname, normalize, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createHandlers, type Dialogs } from "../main/handlers";
import { printPdfWithChromium, findChromium as findBrowser } from "../main/pdf";
import { IPC_METHODS, type MenuCommand } from "../app/ipc";
import type { Side } from "../app/schema";
import { serializeProject } from "../app/document";
import { plainSample as buildPlainSample } from "../scripts/sample-project";

export const ROOT = fileURLToPath(new URL("..", import.meta.url));
export const CORPUS = resolve(ROOT, "../shared/corpus");
const RENDERER = join(ROOT, "out/renderer");

/** Finds a Chromium to drive (as the CLI's PDF export does); fails with a clear message when there is none, never skips. */
export function findChromium(): string {
  try {
    return findBrowser();
  } catch (e) {
    throw new Error(`No Chromium for the e2e tests: ${(e as Error).message}. Install Debian's chromium (apt-get install -y chromium fonts-noto-cjk) or set CHROMIUM_PATH.`);
  }
}

export const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic", "--disable-features=Translate,MediaRouter,OptimizationHints"];

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: findChromium(), headless: true, args: CHROMIUM_ARGS });
}

const MIME: Record<string, string> = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".css": "text/css", ".json": "application/json", ".map": "application/json", ".svg": "image/svg+xml", ".png": "image/png", ".woff2": "font/woff2" };

/** Serves the built renderer on 127.0.0.1 (module scripts do not load from file://). */
export async function serveRenderer(dir = RENDERER): Promise<{ url: string; server: Server }> {
  if (!existsSync(join(dir, "index.html"))) throw new Error(`The renderer is not built (${dir}/index.html is missing): run "npm run build:renderer" first (npm run test:e2e does).`);
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname)).replace(/^([/\\])+/, "");
    const file = join(dir, path || "index.html");
    if (!file.startsWith(dir)) return void res.writeHead(403).end();
    try {
      const body = await readFile(file);
      res.writeHead(200, { "content-type": MIME[extname(file)] ?? "application/octet-stream" });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const addr = server.address();
  const port = typeof addr === "object" && addr ? addr.port : 0;
  return { url: `http://127.0.0.1:${port}/index.html`, server };
}

/** Answers the dialogs main would show, in the order the test expects them. */
export class ScriptedDialogs implements Dialogs {
  openProjectAnswers: (string | null)[] = [];
  saveAnswers: (string | null)[] = [];
  textAnswers: (string | null)[] = [];
  exportAnswers: (string | null)[] = [];
  discardAnswers: ("save" | "discard" | "cancel")[] = [];
  folderAnswers: (string | null)[] = [];
  asked: string[] = [];
  async openProject() {
    this.asked.push("openProject");
    return this.openProjectAnswers.shift() ?? null;
  }
  async saveProject(name: string) {
    this.asked.push(`saveProject:${name}`);
    return this.saveAnswers.shift() ?? null;
  }
  async openText(side: Side) {
    this.asked.push(`openText:${side}`);
    return this.textAnswers.shift() ?? null;
  }
  async exportTo(name: string) {
    this.asked.push(`exportTo:${name}`);
    return this.exportAnswers.shift() ?? null;
  }
  async chooseLibraryFolder() {
    this.asked.push("chooseLibraryFolder");
    return this.folderAnswers.shift() ?? null;
  }
  async confirmDiscard(fileName: string) {
    this.asked.push(`confirmDiscard:${fileName}`);
    return this.discardAnswers.shift() ?? "cancel";
  }
}

export interface AppHandle {
  page: Page;
  dialogs: ScriptedDialogs;
  userData: string;
  tmp: string;
  /** Every request the page made to anything but the app's own server. */
  foreignRequests: string[];
  /** Files main was asked to open ("open:<path>") or show in their folder ("reveal:<path>"). */
  opened: string[];
  /** The window state main was told about (title, unsaved). */
  documentState: { title: string; dirty: boolean } | null;
  /**
   * Where a File dropped in the page is on disk, by its name (what Electron's
   * webUtils.getPathForFile tells the preload); a name not listed is looked
   * for in `tmp`.
   */
  dropPaths: Map<string, string>;
  menu(command: MenuCommand): Promise<void>;
  cdp(): Promise<CDPSession>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  browser: Browser;
  locale?: string;
  startupFile?: string;
  userData?: string;
  samplePath?: string;
  viewport?: { width: number; height: number };
  /** What to wait for: the app ready on its project (default), or a dialog it asks at start (recovery). */
  until?: "ready" | "dialog";
  /**
   * Start as the app does without a file, on the start screen. By default the
   * harness opens the sample commentary instead (as a plain project: every
   * segment a draft, nothing tagged), which most tests work on.
   */
  startScreen?: boolean;
  /**
   * Keep the page's storage (localStorage, IndexedDB) on disk in the user-data
   * folder, as Electron keeps it in its own, so that a later launch with the
   * same `userData` finds what the renderer stored there. Without it (the
   * default) every launch starts with empty storage. The page then runs in a
   * Chromium of its own on the profile `<userData>/chromium-profile` (a
   * persistent context; `browser` is not used). Storage belongs to the
   * origin, and the renderer's server keeps its port for the whole test file.
   */
  keepStorage?: boolean;
}

let served: { url: string; server: Server } | null = null;

let plainSample: Promise<{ dir: string; file: string }> | null = null;
/** The sample commentary as a plain project (scripts/sample-project.ts), written once per test file. */
async function plainSampleFile(): Promise<string> {
  plainSample ??= (async () => {
    const dir = await mkdtemp(join(tmpdir(), "dari-e2e-sample-"));
    const file = join(dir, "commentary.dari");
    await writeFile(file, serializeProject(await buildPlainSample()));
    return { dir, file };
  })();
  return (await plainSample).file;
}

/** Opens the app in a fresh page with its own user-data folder. */
export async function launchApp(opts: LaunchOptions): Promise<AppHandle> {
  served ??= await serveRenderer();
  const origin = new URL(served.url).origin;
  const tmp = await mkdtemp(join(tmpdir(), "dari-e2e-"));
  const userData = opts.userData ?? join(tmp, "user-data");
  const dialogs = new ScriptedDialogs();
  const contextOptions = { locale: opts.locale ?? "en-US", viewport: opts.viewport ?? { width: 1280, height: 860 } };
  const context = opts.keepStorage
    ? await chromium.launchPersistentContext(join(userData, "chromium-profile"), { executablePath: findChromium(), headless: true, args: CHROMIUM_ARGS, ...contextOptions })
    : await opts.browser.newContext(contextOptions);
  const page = context.pages()[0] ?? (await context.newPage());
  const foreignRequests: string[] = [];
  page.on("request", (req) => {
    if (!req.url().startsWith(origin) && !req.url().startsWith("data:")) foreignRequests.push(req.url());
  });
  // Anything not from our own server is refused, and recorded above.
  await context.route((url) => url.origin !== origin && url.protocol !== "data:", (route) => route.abort());
  const handle: AppHandle = {
    page,
    dialogs,
    userData,
    tmp,
    foreignRequests,
    opened: [],
    documentState: null,
    dropPaths: new Map(),
    menu: (command) => page.evaluate((c) => (window as unknown as { __dariMenu(c: string): void }).__dariMenu(c), command),
    cdp: () => context.newCDPSession(page),
    close: async () => {
      await context.close();
      // Main's handlers may still be finishing a write into user-data (settings, a recent-projects
      // summary): retry while the folder fills behind rm (ENOTEMPTY), as seen once in CI.
      await rm(tmp, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
    },
  };
  const handlers = createHandlers({
    userData,
    dialogs,
    samplePath: opts.samplePath ?? join(ROOT, "resources/sample/commentary.dari"),
    startupSample: opts.startScreen ? undefined : (opts.samplePath ?? (await plainSampleFile())),
    startupFile: () => opts.startupFile ?? null,
    systemLocale: () => opts.locale ?? "en-US",
    onDocumentState: (s) => (handle.documentState = s),
    // Where Electron prints in a hidden window, the harness prints with the same headless Chromium.
    printPdf: (html, o) => printPdfWithChromium(html, o),
    // Where Electron opens a file with the OS, the harness records it.
    openPath: async (path, reveal) => void handle.opened.push(`${reveal ? "reveal" : "open"}:${path}`),
    // Like webContents.send on the progress channel.
    onProgress: (fraction) => void page.evaluate((f) => (window as unknown as { __dariProgress(f: number): void }).__dariProgress(f), fraction).catch(() => {}),
  });
  // Like ipcMain.handle with the sender check of main/index.ts: only the top frame may call.
  await page.exposeBinding("__dariInvoke", async (source, method: string, args: unknown[]) => {
    if (source.frame !== page.mainFrame()) throw new Error(`IPC ${method} refused: untrusted sender`);
    if (!(IPC_METHODS as readonly string[]).includes(method)) throw new Error(`unknown IPC method ${method}`);
    return (handlers as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>)[method](...args);
  });
  // The preload's drop (main/preload.ts): the dropped files' paths, resolved by name, go to main's filesDropped.
  await page.exposeBinding("__dariDrop", async (source, names: string[]) => {
    if (source.frame !== page.mainFrame()) throw new Error("drop refused: untrusted sender");
    return handlers.filesDropped(names.map((name) => handle.dropPaths.get(name) ?? join(tmp, name)));
  });
  // A string, not a function: tsx would add helpers to a function's source
  // that do not exist in the page.
  await page.addInitScript(`(() => {
    const methods = ${JSON.stringify(IPC_METHODS)};
    const listeners = [];
    const progress = [];
    const dropped = [];
    const api = { nativeMenu: false, onMenuCommand: (l) => listeners.push(l), onProgress: (l) => progress.push(l), onFilesDropped: (l) => dropped.push(l) };
    for (const m of methods) api[m] = (...args) => window.__dariInvoke(m, args);
    window.dari = api;
    window.__dariMenu = (c) => listeners.forEach((l) => l(c));
    window.__dariProgress = (f) => progress.forEach((l) => l(f));
    // As the preload does, in the capture phase; a test's DragEvent is not trusted, which the preload would refuse.
    window.addEventListener("drop", (e) => {
      const files = e.dataTransfer ? Array.from(e.dataTransfer.files) : [];
      if (!files.length) return;
      window.__dariDrop(files.map((f) => f.name)).then((r) => dropped.forEach((l) => l(r)));
    }, true);
  })();`);
  if (process.env.DARI_E2E_DEBUG) {
    page.on("console", (m) => console.log("console:", m.text()));
    page.on("pageerror", (e) => console.log("pageerror:", e.message));
  }
  await page.goto(served.url);
  if (opts.until === "dialog") await page.locator(".dari-dialog").waitFor();
  else if (opts.startScreen) await page.locator(".dari-start:not([hidden]) .dari-start-action").first().waitFor();
  else await page.waitForFunction(() => !!(window as unknown as { dariApp?: unknown }).dariApp && document.querySelectorAll(".dari-segment").length > 0);
  return handle;
}

/** One Chromium for a test file: started before its tests, closed (with the server) after them. */
export function useBrowser(): () => Browser {
  let browser: Browser | undefined;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await stopServer();
  });
  return () => {
    if (!browser) throw new Error("the browser has not started");
    return browser;
  };
}

/** Runs a test in a fresh app window, checks that it made no network request, and closes it. */
export async function withApp(browser: Browser, f: (app: AppHandle) => Promise<void>, opts: Omit<LaunchOptions, "browser"> = {}): Promise<void> {
  const app = await launchApp({ browser, ...opts });
  try {
    await f(app);
    assert.deepEqual(app.foreignRequests, [], "the page made no network request");
  } finally {
    await app.close();
  }
}

export async function stopServer(): Promise<void> {
  if (served) await new Promise((r) => served!.server.close(r));
  served = null;
  if (plainSample) await rm((await plainSample).dir, { recursive: true, force: true });
  plainSample = null;
}

/** Types Korean the way an IME does: composition steps, then the committed text. */
export async function typeKoreanIME(cdp: CDPSession, steps: string[], commit: string): Promise<void> {
  for (const text of steps) await cdp.send("Input.imeSetComposition", { text, selectionStart: text.length, selectionEnd: text.length });
  await cdp.send("Input.insertText", { text: commit });
}

/** Places the cursor at the start or end of one side of the n-th segment (0-based), as a click there would. */
export async function focusSide(page: Page, n: number, side: Side, where: "start" | "end" = "end"): Promise<void> {
  const el = page.locator(".dari-segment").nth(n).locator(`.dari-${side}`);
  await el.scrollIntoViewIfNeeded();
  await el.click();
  await el.evaluate((node, atEnd) => {
    const range = document.createRange();
    range.selectNodeContents(node);
    range.collapse(!atEnd);
    const sel = window.getSelection()!;
    sel.removeAllRanges();
    sel.addRange(range);
  }, where === "end");
  // ProseMirror reads the DOM selection on selectionchange.
  await page.waitForTimeout(30);
}

export function sideLocator(page: Page, n: number, side: Side) {
  return page.locator(".dari-segment").nth(n).locator(`.dari-${side}`);
}

/** Empties one side of the n-th segment as a user would: select its text, press Delete. */
export async function clearSide(page: Page, n: number, side: Side): Promise<void> {
  const el = sideLocator(page, n, side);
  await el.scrollIntoViewIfNeeded();
  await el.click();
  await el.evaluate((node) => {
    const range = document.createRange();
    range.selectNodeContents(node);
    const sel = window.getSelection()!;
    sel.removeAllRanges();
    sel.addRange(range);
  });
  await page.waitForTimeout(30);
  await page.keyboard.press("Delete");
}

/** Selects a phrase of one side of the n-th segment (a text node of the plain sample). */
export async function selectPhrase(page: Page, n: number, side: "ko" | "en", phrase: string): Promise<void> {
  await sideLocator(page, n, side).scrollIntoViewIfNeeded();
  await page.evaluate(`(() => {
    const [n, side, phrase] = ${JSON.stringify([n, side, phrase])};
    const el = document.querySelectorAll(".dari-segment")[n].querySelector(".dari-" + side);
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let t = walker.nextNode(); t; t = walker.nextNode()) {
      const at = t.data.indexOf(phrase);
      if (at < 0) continue;
      el.closest(".ProseMirror").focus();
      const range = document.createRange();
      range.setStart(t, at);
      range.setEnd(t, at + phrase.length);
      const sel = window.getSelection();
      sel.removeAllRanges();
      sel.addRange(range);
      return;
    }
    throw new Error("not found: " + phrase);
  })()`);
  await page.waitForTimeout(40);
}
