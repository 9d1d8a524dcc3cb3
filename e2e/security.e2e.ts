// Security as a user's session sees it (issue 7, requirement 3): a whole
// session — open, type Korean and English, paste hostile HTML, save, export,
// switch the UI language, open again — makes not one network request, and
// the page's own Content-Security-Policy is present, strict and enforced
// (remote fetches, injected scripts and handlers, remote images are refused).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { launchBrowser, launchApp, stopServer, typeKoreanIME, focusSide, sideLocator } from "./helpers";
import { parseProject } from "../app/document";
import { cspProblems } from "../test/csp";

let browser: Browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await stopServer();
});

test("a whole editing session makes no network request", async () => {
  const app = await launchApp({ browser, locale: "en-US" });
  const { page } = app;
  // Every request, our own server's included: the app may load only its own files.
  const all: string[] = [];
  page.on("request", (r) => all.push(r.url()));
  try {
    await focusSide(page, 0, "ko");
    const cdp = await app.cdp();
    await typeKoreanIME(cdp, ["ㅎ", "하", "한"], "한");
    await page.keyboard.press("Tab");
    await page.keyboard.type(" Visit https://example.com/track.png now");

    // Pasted HTML with remote images, styles, frames and scripts brings text only.
    await focusSide(page, 1, "en");
    await page.evaluate(() => {
      const data = new DataTransfer();
      data.setData(
        "text/html",
        '<p>pasted <img src="https://example.com/pixel.png"><link rel="stylesheet" href="https://example.com/x.css">' +
          '<span style="background:url(https://example.com/bg.png)">text</span><iframe src="https://example.com/"></iframe>' +
          '<script>fetch("https://example.com/exfil")</script><img src=x onerror="fetch(\'https://example.com/onerror\')"></p>',
      );
      data.setData("text/plain", "pasted text");
      const view = (window as unknown as { dariApp: { view(): { dom: HTMLElement } } }).dariApp.view();
      view.dom.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
    });
    assert.match((await sideLocator(page, 1, "en").textContent()) ?? "", /pasted/);

    const saved = join(app.tmp, "session.dari");
    app.dialogs.saveAnswers.push(saved);
    await page.keyboard.press("Control+s");
    await page.waitForFunction(() => !document.title.includes("•"));
    const project = parseProject(await readFile(saved, "utf8"));
    assert.match(project.doc.firstChild!.firstChild!.textContent, /한.*https:\/\/example\.com\/track\.png/s, "the URL is kept as text");

    // Export, if this build has the export dialog.
    await app.menu("export");
    const dialog = page.locator(".dari-export-dialog");
    if (await dialog.waitFor({ timeout: 3000 }).then(() => true, () => false)) {
      await dialog.locator("select[name=format]").selectOption("html");
      const html = join(app.tmp, "session.html");
      app.dialogs.exportAnswers.push(html);
      await dialog.locator("[data-action=export-run]").click();
      await page.waitForSelector(".dari-export-dialog", { state: "detached" });
      assert.match(await readFile(html, "utf8"), /^<!DOCTYPE html>/);
    }

    await page.locator('.dari-statusbar button[data-action="toolbar.language"]').click();
    await page.waitForFunction(() => document.documentElement.lang === "ko");

    app.dialogs.openProjectAnswers.push(saved);
    await app.menu("open");
    await page.waitForFunction(() => document.title.startsWith("session.dari"));
    await page.waitForTimeout(300);

    assert.deepEqual(app.foreignRequests, [], "no request left the app");
    const origin = new URL(page.url()).origin;
    const notOwn = all.filter((u) => !u.startsWith(origin + "/") && !u.startsWith("data:"));
    assert.deepEqual(notOwn, []);
    assert.ok(all.every((u) => u.startsWith("data:") || /\/(index\.html|assets\/[\w.-]+)$/.test(new URL(u).pathname)), `only the app's own files: ${all.join(", ")}`);
  } finally {
    await app.close();
  }
});

test("the page's CSP is present, strict and enforced", async () => {
  const app = await launchApp({ browser });
  const { page } = app;
  try {
    const metas = await page.locator('meta[http-equiv="Content-Security-Policy"]').evaluateAll((m) => m.map((e) => e.getAttribute("content") ?? ""));
    assert.equal(metas.length, 1);
    assert.deepEqual(cspProblems(metas[0]), []);

    const refused = (await page.evaluate(`(async () => {
      const violations = [];
      document.addEventListener("securitypolicyviolation", (e) => violations.push(e.violatedDirective));
      const out = {};
      out.fetch = await fetch("https://example.com/data.json").then(() => "loaded", (e) => "refused");
      out.local = await fetch("http://127.0.0.1:9/").then(() => "loaded", () => "refused");
      // (eval itself cannot be tested from here: code the test injects is exempt; the policy has no 'unsafe-eval'.)
      window.__injected = false;
      window.__handler = false;
      const div = document.createElement("div");
      div.setAttribute("onclick", "window.__handler = true");
      document.body.append(div);
      div.click();
      const s = document.createElement("script");
      s.textContent = "window.__injected = true";
      document.body.append(s);
      const img = new Image();
      img.src = "https://example.com/beacon.png";
      document.body.append(img);
      await new Promise((r) => setTimeout(r, 300));
      out.inline = window.__injected ? "ran" : "refused";
      out.handler = window.__handler ? "ran" : "refused";
      out.violations = violations;
      return out;
    })()`)) as Record<string, unknown>;
    assert.equal(refused.fetch, "refused");
    assert.equal(refused.local, "refused");
    assert.equal(refused.inline, "refused", "an injected <script> does not run");
    assert.equal(refused.handler, "refused", "an injected event-handler attribute does not run");
    const violated = refused.violations as string[];
    for (const d of ["connect-src", "script-src", "img-src"]) assert.ok(violated.some((v) => v.startsWith(d)), `${d} violation reported: ${violated.join(", ")}`);
    // (The harness also aborts anything foreign; the violations above show the page's own policy refused first.)
  } finally {
    await app.close();
  }
});
