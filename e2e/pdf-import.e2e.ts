// Importing a PDF as an analyst does, in the real renderer against the real
// handlers: the sample commentary printed by LibreOffice (header, page
// numbers, two footnotes, a two-column page) through the import dialog with
// its detection summary and switches; an encrypted PDF and its password; a
// long PDF stopped while its pages are read; and File › Open of a PDF.
import { test } from "node:test";
import assert from "node:assert/strict";
import { copyFile, readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { useBrowser, withApp, CORPUS, type AppHandle } from "./helpers";
import { FOOTNOTES, hundredPagePdf, libreOfficePdf } from "../test/pdf-samples";
import { parseProject } from "../app/document";

const browser = useBrowser();
const SOURCES = join(CORPUS, "../sources");

async function copy(app: AppHandle, from: string, name: string): Promise<string> {
  const path = join(app.tmp, name);
  await copyFile(from, path);
  return path;
}

const dialog = (page: Page) => page.locator(".dari-import-dialog");
const koPreview = (page: Page) => dialog(page).locator("[data-side=ko] .dari-import-preview");
const figure = (page: Page, name: string) => dialog(page).locator(`.dari-import-layout [data-figure=${name}]`);

test("import dialog: a PDF's layout is summarised with switches, its footnotes become segment notes", async () => {
  const pdf = await libreOfficePdf();
  await withApp(browser(), async (app) => {
    const { page } = app;
    app.dialogs.textAnswers = [await copy(app, pdf, "commentary.pdf"), await copy(app, join(CORPUS, "commentary.en.txt"), "commentary.en.txt")];
    await app.menu("import");
    await page.click("[data-action=import-choose-ko]");
    await koPreview(page).waitFor();
    assert.equal(await koPreview(page).getAttribute("data-paragraphs"), "12");
    assert.equal(await figure(page, "pages").textContent(), "4 pages");
    assert.equal(await figure(page, "footnotes").textContent(), "2 footnotes");
    assert.equal(await figure(page, "columnPages").textContent(), "1 page in two columns");
    assert.match((await figure(page, "headersRemoved").textContent()) ?? "", /^\d+ running headers, footers and page numbers$/);
    assert.ok(!(await koPreview(page).textContent())?.includes("한국국제정치연구소"), "the running header is not in the preview");

    // Keeping the running headers puts them back into the text (more paragraphs); switching back removes them.
    await page.click("[data-action=import-layout-ko-removeHeaders]");
    await page.waitForFunction(() => Number(document.querySelector("[data-side=ko] .dari-import-preview")?.getAttribute("data-paragraphs")) > 12);
    assert.equal(await dialog(page).locator("[data-action=import-layout-ko-removeHeaders]").isChecked(), false);
    await page.click("[data-action=import-layout-ko-removeHeaders]");
    await page.waitForFunction(() => document.querySelector("[data-side=ko] .dari-import-preview")?.getAttribute("data-paragraphs") === "12");

    await page.click("[data-action=import-choose-en]");
    await dialog(page).locator("[data-side=en] .dari-import-preview").waitFor();
    await page.click("[data-action=import-create]");
    await dialog(page).waitFor({ state: "detached" });
    await page.waitForFunction(() => document.querySelectorAll(".dari-passage").length === 12);

    // Saved, the project carries the two footnotes as notes of the segments whose sentence has the marker.
    const saved = join(app.tmp, "commentary.dari");
    app.dialogs.saveAnswers = [saved];
    await app.menu("save");
    // Saving is atomic (a renamed temporary file): wait until it is there.
    const deadline = Date.now() + 10_000;
    let text = "";
    while (!text && Date.now() < deadline) text = await readFile(saved, "utf8").catch(() => "");
    const notes: { ko: string; note: string }[] = [];
    parseProject(text).doc.descendants((n) => {
      if (n.type.name === "segment" && n.attrs.note) notes.push({ ko: n.child(0).textContent, note: n.attrs.note });
      return n.type.name !== "segment";
    });
    assert.equal(notes.length, 2);
    notes.forEach((n, k) => {
      assert.ok(n.ko.includes(FOOTNOTES[k].after), n.ko);
      assert.equal(n.note, `${k + 1} ${FOOTNOTES[k].text}`);
    });
  });
});

test("import dialog: an encrypted PDF asks for its password, says when it is wrong, then opens", async () => {
  await withApp(browser(), async (app) => {
    const { page } = app;
    app.dialogs.textAnswers = [await copy(app, join(SOURCES, "special02_encrypted-pdf_pw-test_english.pdf"), "locked.pdf")];
    await app.menu("import");
    await page.click("[data-action=import-choose-ko]");
    const password = dialog(page).locator("[data-action=import-password-ko]");
    await password.waitFor();
    assert.match((await dialog(page).locator(".dari-import-error").textContent()) ?? "", /locked\.pdf is protected by a password/);
    await password.fill("wrong");
    await page.click("[data-action=import-password-open-ko]");
    await page.waitForFunction(() => /is wrong/.test(document.querySelector(".dari-import-error")?.textContent ?? ""));
    assert.deepEqual(app.dialogs.asked, ["openText:ko"], "the same file is read again, without asking for it");
    await dialog(page).locator("[data-action=import-password-ko]").fill("test");
    await dialog(page).locator("[data-action=import-password-ko]").press("Enter");
    await koPreview(page).waitFor();
    assert.match((await koPreview(page).textContent()) ?? "", /Lorem ipsum dolor sit amet/);
    assert.equal(await dialog(page).locator("[data-action=import-password-ko]").count(), 0);
  });
});

test("import dialog: a long PDF shows the pages being read and can be stopped", async () => {
  const long = await hundredPagePdf();
  await withApp(browser(), async (app) => {
    const { page } = app;
    app.dialogs.textAnswers = [await copy(app, long, "long.pdf")];
    await app.menu("import");
    await page.click("[data-action=import-choose-ko]");
    const stop = dialog(page).locator("[data-action=import-stop]");
    await stop.waitFor({ state: "visible" });
    assert.match((await dialog(page).locator(".dari-import-progress-label").textContent()) ?? "", /Reading pages… \d+%/);
    await stop.click();
    await page.waitForFunction(() => /long\.pdf was cancelled/.test(document.querySelector(".dari-import-error")?.textContent ?? ""));
    assert.equal(await koPreview(page).count(), 0, "nothing was imported");
    assert.ok(await dialog(page).locator("[data-action=import-create]").isDisabled());
  });
});

test("File › Open of a PDF starts a new project from it in the import dialog", async () => {
  const pdf = await libreOfficePdf();
  await withApp(browser(), async (app) => {
    const { page } = app;
    app.dialogs.openProjectAnswers = [await copy(app, pdf, "opened.pdf")];
    await app.menu("open");
    await koPreview(page).waitFor();
    assert.equal(await koPreview(page).getAttribute("data-paragraphs"), "12");
    assert.equal(await dialog(page).locator(".dari-import-title").inputValue(), "opened");
  });
});
