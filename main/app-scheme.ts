// The renderer's own origin, app://dari/: the built renderer (out/renderer)
// served by main through a privileged custom scheme instead of file://, so
// the page has a real origin for its CSP ('self' is app://dari and nothing
// else on disk), and the CSP travels as a response header. Plain Node (a
// Request in, a Response out) so that a Node test reaches every path;
// main/index.ts only registers it with Electron's protocol module.
import { readFile, realpath } from "node:fs/promises";
import { extname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { CONTENT_SECURITY_POLICY } from "./security";

export const APP_SCHEME = "app";
export const APP_HOST = "dari";
/** The page the window loads. */
export const APP_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** What Chromium must grant the scheme: a standard, secure origin that loads module scripts and has a code cache. */
export const APP_SCHEME_PRIVILEGES = { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, codeCache: true } as const;

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".woff2": "font/woff2",
  ".woff": "font/woff",
  ".ttf": "font/ttf",
  ".wasm": "application/wasm",
  ".map": "application/json; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".dic": "text/plain; charset=utf-8",
  ".aff": "text/plain; charset=utf-8",
};

/**
 * The file under `rendererDir` that an app:// URL names, or null when the URL
 * is not ours or would leave the folder (`..`, encoded slashes or
 * backslashes, NUL, another host).
 */
export function appUrlToFile(url: string, rendererDir: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== `${APP_SCHEME}:` || u.host !== APP_HOST || u.username || u.password || u.port) return null;
  let path: string;
  try {
    path = decodeURIComponent(u.pathname);
  } catch {
    return null;
  }
  if (/[\\\0]/.test(path) || /%2f|%5c/i.test(u.pathname)) return null;
  if (path === "/" || path === "") path = "/index.html";
  const segments = path.split("/").filter((s) => s !== "");
  if (segments.some((s) => s === "." || s === "..")) return null;
  const root = resolve(rendererDir);
  const file = resolve(root, ...segments);
  const rel = relative(root, file);
  if (rel === "" || rel.startsWith("..") || isAbsolute(rel)) return null;
  return file;
}

/** Answers one request of the app:// scheme: the file with its type and the CSP, or 404 (never a file outside the folder). */
export async function serveAppRequest(request: { url: string; method: string }, rendererDir: string): Promise<Response> {
  const notFound = () => new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  if (request.method !== "GET" && request.method !== "HEAD") return new Response("Method not allowed", { status: 405 });
  const file = appUrlToFile(request.url, rendererDir);
  if (!file) return notFound();
  try {
    // A link inside the folder that points out of it is refused as well.
    const [real, root] = await Promise.all([realpath(file), realpath(rendererDir)]);
    if (real !== root && !real.startsWith(root + sep)) return notFound();
    const body = await readFile(real);
    return new Response(request.method === "HEAD" ? null : body, {
      status: 200,
      headers: {
        "Content-Type": TYPES[extname(real).toLowerCase()] ?? "application/octet-stream",
        "Content-Security-Policy": CONTENT_SECURITY_POLICY,
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": "no-cache",
      },
    });
  } catch {
    return notFound();
  }
}

/** The folder of the built renderer, beside the built main entry (out/main/index.cjs -> out/renderer). */
export function rendererDirBeside(mainDir: string): string {
  return join(mainDir, "..", "renderer");
}

/**
 * The page the window loads: the app:// origin, or the dev server that
 * electron-vite names in ELECTRON_RENDERER_URL, honoured only in an unpackaged
 * app (a packaged app never takes its page from the environment).
 */
export function rendererUrlFor(isPackaged: boolean, env: Record<string, string | undefined>): string {
  return !isPackaged && env.ELECTRON_RENDERER_URL ? env.ELECTRON_RENDERER_URL : APP_URL;
}
