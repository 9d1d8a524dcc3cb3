// Issue 15 req. 3: the context menu of the text. Drawn in the window in the
// browser harness; in Electron the same items go to main (showContextMenu)
// and the chosen id comes back.
import { test } from "node:test";
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { useBrowser, withApp, sideLocator, selectPhrase } from "./helpers";

const browser = useBrowser();

/** Right-clicks the middle of the current selection. */
async function rightClickSelection(page: Page): Promise<void> {
  const box = await page.evaluate(() => {
    const r = window.getSelection()!.getRangeAt(0).getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  });
  await page.mouse.click(box.x, box.y, { button: "right" });
}

test("right-click: tag with a theme, remove the tag, set the status, look up in the memory", async () => {
  await withApp(browser(), async ({ page }) => {
    await selectPhrase(page, 0, "ko", "보스토치니 우주기지");
    await rightClickSelection(page);
    const menu = page.locator(".dari-context-menu");
    await menu.waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.closest(".dari-context-menu") !== null), true, "the menu takes the keyboard");
    // The codebook's themes with their colours and keys.
    const space = menu.locator('[data-command="tag:space"]');
    assert.equal(await space.locator(".dari-context-label").textContent(), "Space cooperation");
    assert.equal(await space.locator(".dari-accel").textContent(), "Alt+1");
    assert.match((await space.locator(".dari-context-swatch").getAttribute("style"))!, /background:\s*#CC6677/i);
    assert.equal(await menu.locator('[data-command^="tag:"]').count(), 9);
    for (const id of ["memo", "glossary", "concordance", "cut", "copy", "paste", "merge", "split", "status:reviewed"]) assert.equal(await menu.locator(`[data-command="${id}"]`).count(), 1, id);
    await space.click();
    assert.ok(await menu.isHidden());
    const tagged = sideLocator(page, 0, "ko").locator(".dari-themed");
    assert.equal(await tagged.textContent(), "보스토치니 우주기지");

    // In the tag: remove it, named by its theme.
    await selectPhrase(page, 0, "ko", "우주기지");
    await rightClickSelection(page);
    const untag = page.locator('.dari-context-menu [data-command^="untag:"]');
    assert.equal(await untag.textContent(), "Remove tag “Space cooperation”");
    await untag.click();
    assert.equal(await tagged.count(), 0);

    // The status of the segment, from the keyboard (Shift+F10, arrows, Enter).
    await selectPhrase(page, 1, "en", "press conference");
    await page.keyboard.press("Shift+F10");
    await menu.waitFor();
    const reviewed = menu.locator('[data-command="status:reviewed"]');
    await reviewed.focus();
    await page.keyboard.press("Enter");
    assert.equal(await page.locator(".dari-segment").nth(1).getAttribute("data-status"), "reviewed");
    await page.keyboard.press("Shift+F10");
    assert.equal(await menu.locator('[data-command="status:reviewed"]').getAttribute("aria-checked"), "true");
    await page.keyboard.press("Escape");
    assert.ok(await menu.isHidden());
    assert.equal(await page.evaluate(() => document.activeElement?.classList.contains("ProseMirror")), true, "Escape goes back to the text");

    // Look the selection up in the memory: the concordance search of the memory panel.
    await selectPhrase(page, 1, "ko", "기자회견");
    await rightClickSelection(page);
    await menu.locator('[data-command="concordance"]').click();
    assert.equal(await page.locator(".dari-sidebar .dari-concordance-input").inputValue(), "기자회견");
  });
});

test("in Electron the items go to main and the chosen one runs (the native menu's path)", async () => {
  await withApp(browser(), async ({ page }) => {
    // As the preload would: a native menu bar, and main answering with the id of the chosen item.
    await page.evaluate(`(() => {
      window.__sentMenus = [];
      Object.defineProperty(window.dari, "nativeMenu", { value: true });
      window.dari.showContextMenu = async (items) => { window.__sentMenus.push(items); return { ok: true, value: "status:translated" }; };
    })()`);
    await selectPhrase(page, 2, "ko", "정상회담");
    await rightClickSelection(page);
    await page.waitForFunction(() => document.querySelectorAll(".dari-segment")[2].getAttribute("data-status") === "translated");
    assert.equal(await page.locator(".dari-context-menu").count(), 0, "nothing drawn in the window");
    const items = (await page.evaluate("window.__sentMenus[0]")) as { id: string | null; label: string; role?: string; accelerator?: string; submenu?: { id: string; label: string; accelerator?: string }[] }[];
    const tag = items.find((i) => i.label === "Tag with")!;
    assert.equal(tag.submenu!.length, 9);
    assert.deepEqual({ id: tag.submenu![0].id, accelerator: tag.submenu![0].accelerator }, { id: "tag:space", accelerator: "Alt+1" });
    assert.equal(items.find((i) => i.id === "copy")?.role, "copy", "copy is the platform's own");
    assert.ok(items.find((i) => i.label === "Set status")!.submenu!.some((s) => s.id === "status:translated"));
  });
});
