// Issue 15 req. 1: one row of grouped icon buttons with tooltips naming the
// action and its key in the UI language; groups that do not fit go into the
// More menu; the UI language lives in View › UI Language and the status bar.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useBrowser, withApp } from "./helpers";

const browser = useBrowser();

test("the toolbar is one row of grouped icon buttons at 1280 px, each named with its key", async () => {
  await withApp(browser(), async ({ page }) => {
    const toolbar = page.locator(".dari-toolbar");
    const groups = await toolbar.locator(".dari-tool-group").evaluateAll((gs) => gs.map((g) => ({ group: (g as HTMLElement).dataset.group, label: g.getAttribute("aria-label"), hidden: (g as HTMLElement).hidden })));
    assert.deepEqual(groups.map((g) => g.group), ["file", "history", "align", "tagging", "translation", "panels", "window"]);
    assert.ok(groups.every((g) => !g.hidden && g.label), "every group is shown and named");
    assert.ok(await page.locator(".dari-more").isHidden(), "no overflow at 1280 px");
    // One row: every button sits on the same line, and the toolbar is one button high.
    const tops = await toolbar.locator("button.dari-tool:visible").evaluateAll((bs) => [...new Set(bs.map((b) => Math.round(b.getBoundingClientRect().top)))]);
    assert.equal(tops.length, 1, `one row, found rows at ${tops}`);
    assert.ok((await toolbar.boundingBox())!.height < 48);
    // Icons, not words; the name and key in the tooltip and accessible name.
    const save = toolbar.locator('[data-action="save"]');
    assert.equal((await save.textContent())!.trim(), "");
    assert.equal(await save.locator("svg").count(), 1);
    const bare = await toolbar.locator("button.dari-tool:visible").evaluateAll((bs) => bs.filter((b) => b.querySelectorAll("svg").length !== 1).map((b) => b.getAttribute("aria-label")));
    assert.deepEqual(bare, [], "every button shows one icon");
    assert.equal(await save.getAttribute("aria-label"), "Save");
    assert.equal(await save.getAttribute("title"), "Save (Ctrl+S)");
    assert.equal(await toolbar.locator('[data-action="language"], [data-action="toolbar.language"]').count(), 0, "the UI language is not among the editing commands");
    // The language switch in the status bar; tooltips follow it.
    await page.locator('.dari-statusbar [data-action="toolbar.language"]').click();
    await page.waitForFunction(() => document.documentElement.lang === "ko");
    assert.equal(await save.getAttribute("title"), "저장 (Ctrl+S)");
    assert.match((await toolbar.locator('[data-action="align-merge"]').getAttribute("title"))!, /병합.*Ctrl\+Alt\+J/);
    // A panel button opens its panel and shows it pressed.
    await toolbar.locator('[data-panel="themes"]').click();
    assert.equal(await toolbar.locator('[data-panel="themes"]').getAttribute("aria-pressed"), "true");
    assert.ok(await page.locator(".dari-sidebar.open").isVisible());
    // With the sidebar open, the status bar still holds its items on one line (English, its longer labels).
    await page.locator('.dari-statusbar [data-action="toolbar.language"]').click();
    await page.waitForFunction(() => document.documentElement.lang === "en");
    const statusItems = await page.locator(".dari-statusbar button:visible").evaluateAll((bs) => bs.filter((b) => b.getBoundingClientRect().height > 24).map((b) => b.textContent));
    assert.deepEqual(statusItems, [], "no status bar button wraps its words");
  });
});

test("at a narrow width the last groups move into the More menu, which runs them", async () => {
  await withApp(
    browser(),
    async ({ page }) => {
      const toolbar = page.locator(".dari-toolbar");
      await page.waitForFunction(() => !(document.querySelector(".dari-more") as HTMLElement).hidden);
      const hidden = await toolbar.locator(".dari-tool-group").evaluateAll((gs) => gs.filter((g) => (g as HTMLElement).hidden).map((g) => (g as HTMLElement).dataset.group));
      assert.ok(hidden.includes("panels"), `the panels group overflows: ${hidden}`);
      assert.ok(!hidden.includes("file"), "the file group stays");
      const tops = await toolbar.locator("button:visible").evaluateAll((bs) => [...new Set(bs.map((b) => Math.round(b.getBoundingClientRect().top)))]);
      assert.equal(tops.length, 1, "still one row");
      await page.locator(".dari-more").click();
      const item = page.locator('.dari-more-menu [data-action="panel:glossary"]');
      assert.match((await item.textContent())!, /Glossary/);
      await item.click();
      assert.ok(await page.locator(".dari-sidebar.open").isVisible(), "the glossary panel opened from the More menu");
      assert.ok(await page.locator(".dari-more-menu").isHidden());
      // Wider again: everything back in the row.
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.waitForFunction(() => (document.querySelector(".dari-more") as HTMLElement).hidden);
    },
    { viewport: { width: 640, height: 800 } },
  );
});

test("View › UI Language switches the language", async () => {
  await withApp(browser(), async ({ page }) => {
    await page.locator(".dari-menu-title", { hasText: "View" }).click();
    await page.locator(".dari-menu-item", { hasText: "UI Language" }).click();
    await page.locator('.dari-menu-item[data-command="language:ko"]').click();
    await page.waitForFunction(() => document.documentElement.lang === "ko");
    assert.equal(await page.locator('.dari-statusbar [data-action="toolbar.language"]').textContent(), "English");
  });
});
