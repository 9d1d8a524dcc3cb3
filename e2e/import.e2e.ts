// Importing a commentary as an analyst does: the import dialog with the PDF
// text and the translation, previews and a forced layout, sides that look
// swapped and a binary file refused in the dialog, a long text imported with
// progress and without freezing the window, and pasting a PDF's text into a
// new project.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { useBrowser, withApp, focusSide, CORPUS, type AppHandle } from "./helpers";
import { reflow } from "../app/text/reflow";

const browser = useBrowser();


async function corpusCopy(app: AppHandle, name: string, content?: string | Uint8Array): Promise<string> {
  const path = join(app.tmp, name);
  await writeFile(path, content ?? (await readFile(join(CORPUS, name))));
  return path;
}

const dialog = (page: Page) => page.locator(".dari-import-dialog");
const preview = (page: Page, side: "ko" | "en") => dialog(page).locator(`[data-side=${side}] .dari-import-preview`);
const koParagraphs = async () => (await readFile(join(CORPUS, "commentary.ko.txt"), "utf8")).split(/\n\s*\n/).map((s) => s.trim()).filter(Boolean);

test("import dialog: PDF text and translation, preview with the detected layout, a forced one, then a project", async () => {
  await withApp(browser(), async (app) => {
    const { page } = app;
    app.dialogs.textAnswers = [await corpusCopy(app, "commentary.ko.pdf.txt"), await corpusCopy(app, "commentary.en.txt")];
    await app.menu("import");
    await dialog(page).waitFor();
    assert.ok(await dialog(page).locator("[data-action=import-create]").isDisabled(), "nothing to create before a Korean file");
    await page.click("[data-action=import-choose-ko]");
    await preview(page, "ko").waitFor();
    assert.equal(await preview(page, "ko").getAttribute("data-paragraphs"), "12");
    assert.match((await dialog(page).locator("[data-side=ko] .dari-import-file-name").textContent()) ?? "", /commentary\.ko\.pdf\.txt · UTF-8/);
    const koMode = dialog(page).locator("[data-action=import-mode-ko]");
    assert.match((await koMode.locator("option:checked").textContent()) ?? "", /Detect automatically \(PDF extraction/);
    const paragraphs = await koParagraphs();
    assert.equal(await preview(page, "ko").locator("li").first().textContent(), paragraphs[0].slice(0, 180) + "…");

    // Forcing one paragraph a line shows the PDF's lines; back to automatic gives 12 again.
    await koMode.selectOption("lines");
    await page.waitForFunction(() => document.querySelector("[data-side=ko] .dari-import-preview")?.getAttribute("data-paragraphs") !== "12");
    assert.ok(Number(await preview(page, "ko").getAttribute("data-paragraphs")) > 60);
    await dialog(page).locator("[data-action=import-mode-ko]").selectOption("auto");
    await page.waitForFunction(() => document.querySelector("[data-side=ko] .dari-import-preview")?.getAttribute("data-paragraphs") === "12");

    await page.click("[data-action=import-choose-en]");
    await preview(page, "en").waitFor();
    assert.equal(await preview(page, "en").getAttribute("data-paragraphs"), "12");
    assert.equal(await dialog(page).locator(".dari-import-title").inputValue(), "commentary");
    assert.deepEqual(app.dialogs.asked, ["openText:ko", "openText:en"]);

    await page.click("[data-action=import-create]");
    await dialog(page).waitFor({ state: "detached" });
    await page.waitForFunction(() => document.querySelectorAll(".dari-passage").length === 12);
    // The passage holds the paragraph, aligned sentence by sentence with its translation.
    const first = page.locator(".dari-passage").first();
    assert.equal((await first.locator(".dari-ko").allTextContents()).join(" "), paragraphs[0]);
    assert.match((await first.locator(".dari-en").first().textContent()) ?? "", /^The North Korea–Russia summit/);
  });
});

test("import dialog: swapped sides and a binary file are refused with a message, nothing is created", async () => {
  await withApp(browser(), async (app) => {
    const { page } = app;
    const before = await page.locator(".dari-passage").count();
    app.dialogs.textAnswers = [
      await corpusCopy(app, "fake.txt", new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x34, 0x0a])),
      await corpusCopy(app, "commentary.en.txt"),
      await corpusCopy(app, "commentary.ko.txt"),
    ];
    await app.menu("import");
    await page.click("[data-action=import-choose-ko]");
    await page.waitForFunction(() => /fake\.txt is not a text file \(PDF data\)/.test(document.querySelector(".dari-import-error")?.textContent ?? ""));
    // The English translation chosen as Korean, the Korean text as English.
    await page.click("[data-action=import-choose-ko]");
    await preview(page, "ko").waitFor();
    await page.click("[data-action=import-choose-en]");
    await preview(page, "en").waitFor();
    await page.click("[data-action=import-create]");
    const error = dialog(page).locator(".dari-import-error");
    await page.waitForFunction(() => /swapped/.test(document.querySelector(".dari-import-error")?.textContent ?? ""));
    assert.match((await error.textContent()) ?? "", /commentary\.en\.txt is 0% Hangul/);
    assert.ok(await dialog(page).isVisible(), "the dialog stays open to fix the choice");
    await page.keyboard.press("Escape");
    await dialog(page).waitFor({ state: "detached" });
    assert.equal(await page.locator(".dari-passage").count(), before, "the open project is untouched");
  });
});

test("a long import shows progress and keeps the window responsive", async () => {
  await withApp(browser(), async (app) => {
    const { page } = app;
    const pdf = await readFile(join(CORPUS, "commentary.ko.pdf.txt"), "utf8");
    const long = Array.from({ length: 150 }, () => pdf).join("\n");
    app.dialogs.textAnswers = [await corpusCopy(app, "long.txt", long)];
    await app.menu("import");
    await dialog(page).waitFor();
    // Record the progress bar's values and the longest gap between animation frames.
    // A string, not a function: tsx would add helpers to a function's source that the page lacks.
    await page.evaluate(`(() => {
      window.__progress = [];
      window.__gap = 0;
      window.__frames = true;
      const bar = document.querySelector(".dari-import-progress");
      const label = document.querySelector(".dari-import-progress-label");
      new MutationObserver(() => window.__progress.push(bar.value)).observe(label, { childList: true, characterData: true, subtree: true });
      let last = performance.now();
      const frame = (now) => {
        window.__gap = Math.max(window.__gap, now - last);
        last = now;
        if (window.__frames) requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
    })()`);
    await page.click("[data-action=import-choose-ko]");
    await preview(page, "ko").waitFor({ timeout: 20000 });
    const { progress, gap } = await page.evaluate(() => {
      const w = window as unknown as { __progress: number[]; __gap: number; __frames: boolean };
      w.__frames = false;
      return { progress: w.__progress, gap: w.__gap };
    });
    assert.equal(await preview(page, "ko").getAttribute("data-paragraphs"), String(12 * 150));
    assert.ok(progress.some((v) => v > 0 && v < 1), `progress shown between 0 and 1: ${progress.slice(0, 10)}`);
    console.log(`long import: ${long.length} characters, longest frame gap ${gap.toFixed(0)} ms, ${progress.length} progress updates`);
    assert.ok(gap < 500, `the window kept painting (longest gap ${gap.toFixed(0)} ms)`);
  });
});

test("pasting a PDF's text into the Korean side of a new project makes passages", async () => {
  await withApp(browser(), async (app) => {
    const { page } = app;
    await app.menu("new");
    await page.waitForFunction(() => document.querySelectorAll(".dari-passage").length === 1);
    await focusSide(page, 0, "ko");
    const pdf = await readFile(join(CORPUS, "commentary.ko.pdf.txt"), "utf8");
    await page.evaluate((text) => {
      const data = new DataTransfer();
      data.setData("text/plain", text);
      const target = document.querySelector(".dari-segment .dari-ko")!;
      target.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
    }, pdf);
    await page.waitForFunction(() => document.querySelectorAll(".dari-passage").length === 12);
    const texts = await page.locator(".dari-passage .dari-ko").allTextContents();
    assert.deepEqual(texts, reflow(pdf).paragraphs);
    assert.deepEqual(texts, await koParagraphs());
    assert.match((await page.locator(".dari-message").textContent()) ?? "", /Pasted 12 paragraphs as passages/);
    // One undo takes the whole paste back.
    await page.keyboard.press("Control+z");
    await page.waitForFunction(() => document.querySelectorAll(".dari-passage").length === 1);
  });
});
