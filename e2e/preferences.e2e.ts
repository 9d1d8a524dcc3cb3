// Issue 15 req. 6 and 7: light and dark themes (following the OS or chosen),
// text size with Ctrl+= / Ctrl+- / Ctrl+0, line spacing, fonts, tag style,
// suggestions (off by default, counted in the status bar): in a Preferences
// dialog, remembered in main's settings.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, rm, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { useBrowser, withApp } from "./helpers";

const browser = useBrowser();

const bodyBackground = (page: import("playwright-core").Page) => page.evaluate(() => getComputedStyle(document.querySelector(".ProseMirror")!).backgroundColor);
const editorSize = (page: import("playwright-core").Page) => page.evaluate(() => getComputedStyle(document.querySelector(".dari-ko")!).fontSize);

test("the window follows the OS's dark mode until the analyst chooses; the choices are remembered", async () => {
  const dir = await mkdtemp(join(tmpdir(), "dari-e2e-prefs-"));
  const userData = join(dir, "user-data");
  try {
    await withApp(
      browser(),
      async ({ page }) => {
        assert.equal(await bodyBackground(page), "rgb(255, 255, 255)");
        await page.emulateMedia({ colorScheme: "dark" });
        await page.waitForFunction(() => document.documentElement.dataset.theme === "dark");
        assert.equal(await bodyBackground(page), "rgb(27, 31, 36)", "dark with the OS");
        await page.emulateMedia({ colorScheme: "light" });
        await page.waitForFunction(() => document.documentElement.dataset.theme === "light");
        // Suggestions are off at first, and the status bar says so.
        assert.equal(await page.locator(".dari-suggestion-count").textContent(), "Suggestions off");
        assert.equal(await page.locator(".dari-suggestion").count(), 0);

        await page.locator(".ProseMirror").click();
        await page.keyboard.press("Control+,");
        const dialog = page.locator(".dari-preferences");
        await dialog.waitFor();
        await dialog.locator('[data-pref="theme"]').selectOption("dark");
        assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), "dark");
        assert.equal(await bodyBackground(page), "rgb(27, 31, 36)", "dark by choice, though the OS is light");
        await dialog.locator('[data-pref="lineHeight"]').fill("2.4");
        await dialog.locator('[data-pref="lineHeight"]').dispatchEvent("change");
        await dialog.locator('[data-pref="tagStyle"]').selectOption("highlight");
        await dialog.locator('[data-pref="suggestions"]').check();
        await page.waitForFunction(() => /^\d+ suggestions$/.test(document.querySelector(".dari-suggestion-count")!.textContent!));
        const shown = Number((await page.locator(".dari-suggestion-count").textContent())!.split(" ")[0]);
        assert.ok(shown > 0);
        assert.equal(await page.locator(".dari-suggestion").count() > 0, true);
        await page.keyboard.press("Escape");
        assert.ok(await dialog.isHidden());

        // Text size from the keyboard.
        assert.equal(await editorSize(page), "15px");
        await page.keyboard.press("Control+=");
        await page.keyboard.press("Control+=");
        assert.equal(await editorSize(page), "19px");
        await page.keyboard.press("Control+-");
        assert.equal(await editorSize(page), "17px");
        await page.keyboard.press("Control+0");
        assert.equal(await editorSize(page), "15px");
        await page.keyboard.press("Control+=");
        // Kept by main.
        await page.waitForTimeout(200);
        const saved = JSON.parse(await readFile(join(userData, "settings.json"), "utf8"));
        assert.deepEqual([saved.display.theme, saved.display.fontSize, saved.display.lineHeight, saved.display.tagStyle, saved.display.suggestions], ["dark", 17, 2.4, "highlight", true]);
      },
      { userData },
    );
    await withApp(
      browser(),
      async ({ page }) => {
        assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), "dark", "remembered");
        assert.equal(await editorSize(page), "17px");
        assert.ok(await page.evaluate(() => document.documentElement.classList.contains("dari-tags-highlight")));
        assert.ok((await page.locator(".dari-suggestion").count()) > 0, "suggestions stay on as the analyst left them");
        // The Korean UI has it all in Korean.
        await page.locator('.dari-statusbar [data-action="toolbar.language"]').click();
        await page.keyboard.press("Control+,");
        assert.equal(await page.locator(".dari-preferences h2").textContent(), "환경설정");
        await page.keyboard.press("Escape");
      },
      { userData },
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
