// The renderer's app://dari/ origin (issue 11, requirement 7): which file a
// URL names, what is refused, and what the response carries.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { APP_URL, appUrlToFile, serveAppRequest, rendererUrlFor, rendererDirBeside } from "./app-scheme";
import { CONTENT_SECURITY_POLICY, isAppUrl } from "./security";
import { cspProblems } from "../test/csp";

function rendererFolder(): { root: string; dir: string } {
  const root = mkdtempSync(join(tmpdir(), "dari-scheme-"));
  const dir = join(root, "renderer");
  mkdirSync(join(dir, "assets"), { recursive: true });
  writeFileSync(join(dir, "index.html"), "<!doctype html><title>Dari</title>");
  writeFileSync(join(dir, "assets", "index-1.js"), "export const x = 1;");
  writeFileSync(join(dir, "assets", "index-1.css"), "body{}");
  writeFileSync(join(root, "secret.txt"), "not for the page");
  symlinkSync(join(root, "secret.txt"), join(dir, "assets", "link.txt"));
  return { root, dir };
}

test("an app:// URL names a file inside the renderer folder, and nothing outside it", () => {
  const dir = "/opt/Dari/resources/app.asar/out/renderer";
  assert.equal(appUrlToFile("app://dari/index.html", dir), join(dir, "index.html"));
  assert.equal(appUrlToFile("app://dari/", dir), join(dir, "index.html"));
  assert.equal(appUrlToFile("app://dari/assets/index-1.js?v=2#x", dir), join(dir, "assets", "index-1.js"));
  assert.equal(appUrlToFile("app://dari/assets/%ED%95%9C.txt", dir), join(dir, "assets", "한.txt"));
  // The URL parser resolves dot segments first, so these stay at the folder's top.
  for (const dots of ["app://dari/../secret.txt", "app://dari/%2e%2e/secret.txt", "app://dari/assets/../../../secret.txt"]) assert.equal(appUrlToFile(dots, dir), join(dir, "secret.txt"), dots);
  for (const bad of [
    "app://dari/assets/%2e%2e%2f%2e%2e%2fsecret.txt",
    "app://dari/assets/..%2f..%2fsecret.txt",
    "app://dari/assets/..%5c..%5csecret.txt",
    "app://dari/..\\secret.txt",
    "app://dari/%00index.html",
    "app://dari/%E0%A4%A.txt",
    "app://other/index.html",
    "app://dari:8080/index.html",
    "app://user@dari/index.html",
    "file:///opt/Dari/resources/app.asar/out/renderer/index.html",
    "https://dari/index.html",
    "not a url",
  ])
    assert.equal(appUrlToFile(bad, dir), null, bad);
});

test("the scheme serves the built renderer with its type and the CSP as a header, and 404 for the rest", async () => {
  const { dir } = rendererFolder();
  const page = await serveAppRequest({ url: "app://dari/index.html", method: "GET" }, dir);
  assert.equal(page.status, 200);
  assert.equal(page.headers.get("content-type"), "text/html; charset=utf-8");
  assert.equal(page.headers.get("content-security-policy"), CONTENT_SECURITY_POLICY);
  assert.deepEqual(cspProblems(page.headers.get("content-security-policy")!), []);
  assert.equal(page.headers.get("x-content-type-options"), "nosniff");
  assert.equal(await page.text(), "<!doctype html><title>Dari</title>");
  const script = await serveAppRequest({ url: "app://dari/assets/index-1.js", method: "GET" }, dir);
  assert.equal(script.status, 200);
  assert.equal(script.headers.get("content-type"), "text/javascript; charset=utf-8", "module scripts need a JavaScript type");
  assert.equal((await serveAppRequest({ url: "app://dari/assets/index-1.css", method: "GET" }, dir)).headers.get("content-type"), "text/css; charset=utf-8");
  for (const url of ["app://dari/../secret.txt", "app://dari/%2e%2e/secret.txt", "app://dari/assets/link.txt", "app://dari/missing.js", "app://dari/assets", "app://evil/index.html"]) {
    const r = await serveAppRequest({ url, method: "GET" }, dir);
    assert.equal(r.status, 404, url);
    assert.doesNotMatch(await r.text(), /not for the page/, url);
  }
  assert.equal((await serveAppRequest({ url: "app://dari/index.html", method: "POST" }, dir)).status, 405);
});

test("the built renderer is found beside the built main entry", () => {
  assert.equal(rendererDirBeside(join("/opt", "Dari", "out", "main")), join("/opt", "Dari", "out", "renderer"));
});

test("the window loads app://dari/, and a dev server URL only when the app is not packaged", () => {
  assert.equal(APP_URL, "app://dari/index.html");
  assert.equal(rendererUrlFor(true, {}), APP_URL);
  assert.equal(rendererUrlFor(true, { ELECTRON_RENDERER_URL: "http://localhost:5173/" }), APP_URL, "a packaged app ignores the environment");
  assert.equal(rendererUrlFor(false, { ELECTRON_RENDERER_URL: "http://localhost:5173/" }), "http://localhost:5173/");
  assert.equal(rendererUrlFor(false, {}), APP_URL);
  assert.equal(rendererUrlFor(false, { ELECTRON_RENDERER_URL: "" }), APP_URL);
});

test("isAppUrl matches the app://dari origin exactly", () => {
  assert.equal(isAppUrl("app://dari/index.html", APP_URL), true);
  assert.equal(isAppUrl("app://dari/index.html#passage-3", APP_URL), true);
  assert.equal(isAppUrl("app://dari/", APP_URL), true);
  for (const bad of ["app://dari.evil/index.html", "app://evil/index.html", "app://dari:1/index.html", "app://x@dari/index.html", "app:///index.html", "file:///index.html", "https://dari/index.html", "http://localhost:5173/", "APP://other/"])
    assert.equal(isAppUrl(bad, APP_URL), false, bad);
});
