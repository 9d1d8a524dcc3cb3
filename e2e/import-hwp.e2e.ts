// Importing a Hangul document in the window (issue 12, requirements 3-5): an
// HWPX chosen in the import dialog previews its body paragraphs and becomes a
// project; a distribution-protected HWP is refused in the dialog with its
// reason, and Hancom's notice never reaches the preview or the project.
import { test } from "node:test";
import assert from "node:assert/strict";
import { copyFile } from "node:fs/promises";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { useBrowser, withApp, type AppHandle } from "./helpers";
import { hwpxText } from "../app/import/hwpx";
import { SOURCES, source } from "../test/sources";

const browser = useBrowser();
const dialog = (page: Page) => page.locator(".dari-import-dialog");
const preview = (page: Page) => dialog(page).locator("[data-side=ko] .dari-import-preview");

/** A copy in the app's temporary folder, so nothing the test does can touch ../shared. */
async function copyOf(app: AppHandle, name: string): Promise<string> {
  const path = join(app.tmp, name);
  await copyFile(join(SOURCES, name), path);
  return path;
}

test("import dialog: an HWPX previews its paragraphs and becomes a project; a distribution-protected HWP is refused", async () => {
  const name = "hwpx03_footnote-01-3dprinting.hwpx";
  const expected = hwpxText(name, source(name)).paragraphs;
  await withApp(browser(), async (app) => {
    const { page } = app;
    app.dialogs.textAnswers = [await copyOf(app, "special03_distribution-protected_kwater-bonghwa-press.hwp"), await copyOf(app, name)];
    await app.menu("import");
    await dialog(page).waitFor();

    await page.click("[data-action=import-choose-ko]");
    await page.waitForFunction(() => /is a distribution document/.test(document.querySelector(".dari-import-error")?.textContent ?? ""));
    assert.match((await dialog(page).locator(".dari-import-error").textContent()) ?? "", /special03_distribution-protected_kwater-bonghwa-press\.hwp/);
    assert.equal(await preview(page).count(), 0, "no preview of a refused file");
    assert.doesNotMatch((await dialog(page).textContent()) ?? "", /상위 버전의 배포용 문서입니다/);

    await page.click("[data-action=import-choose-ko]");
    await preview(page).waitFor();
    assert.equal(await preview(page).getAttribute("data-paragraphs"), String(expected.length));
    assert.match((await dialog(page).locator("[data-side=ko] .dari-import-file-name").textContent()) ?? "", /hwpx03_footnote-01-3dprinting\.hwpx · HWPX/);
    await page.click("[data-action=import-create]");
    await dialog(page).waitFor({ state: "detached" });
    await page.waitForFunction((n) => document.querySelectorAll(".dari-passage").length === n, expected.length);
    const texts = await page.locator(".dari-passage").evaluateAll((els) => els.map((el) => [...el.querySelectorAll(".dari-ko")].map((s) => s.textContent).join(" ")));
    assert.deepEqual(texts, expected);
  });
});
