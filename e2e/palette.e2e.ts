// Issue 15 req. 2: the command palette (Ctrl+Shift+P): every command and menu
// item by name in the UI language (the other language matches too), with its
// key; Korean by initial consonants; Enter runs; the recently used first.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useBrowser, withApp } from "./helpers";

const browser = useBrowser();

test("Ctrl+Shift+P finds a command by name in either language, shows its key, runs it on Enter, and lists it first next time", async () => {
  await withApp(browser(), async ({ page }) => {
    await page.locator(".ProseMirror").click();
    await page.keyboard.press("Control+Shift+P");
    const palette = page.locator(".dari-palette");
    await palette.waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.classList.contains("dari-palette-input")), true);
    const items = palette.locator(".dari-palette-item");
    // Every command of the registry and of the menus (cut, copy, paste, quit, …).
    const all = await items.evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.command));
    for (const id of ["save", "open", "align-merge", "themes-suggestions", "panel:qa", "language:ko", "role:copy", "close", "preferences", "shortcuts"]) assert.ok(all.includes(id), `${id} is in the palette`);
    await page.keyboard.type("glossary");
    const first = items.first();
    assert.equal(await first.locator(".dari-palette-label").textContent(), "Glossary");
    assert.equal(await first.locator(".dari-palette-key").textContent(), "Ctrl+Shift+4");
    await page.keyboard.press("Enter");
    assert.ok(await palette.isHidden());
    assert.ok(await page.locator(".dari-sidebar.open").isVisible(), "the glossary panel opened");
    // The other language's name finds it too.
    await page.keyboard.press("Control+Shift+P");
    await page.keyboard.type("용어집");
    assert.equal(await items.first().locator(".dari-palette-label").textContent(), "Glossary");
    await page.keyboard.press("Escape");
    assert.ok(await palette.isHidden());
    // The recently used first.
    await page.keyboard.press("Control+Shift+P");
    assert.equal(await items.first().getAttribute("data-command"), "panel:glossary");
    assert.match((await items.first().textContent())!, /recently used/);
    await page.keyboard.press("Escape");
  });
});

test("in Korean, initial consonants find a command: ㅈㄹ finds 재정렬; arrows choose, Enter runs", async () => {
  await withApp(
    browser(),
    async ({ page }) => {
      await page.locator(".ProseMirror").click();
      await page.keyboard.press("Control+Shift+P");
      await page.locator(".dari-palette-input").fill("ㅈㄹ");
      const labels = await page.locator(".dari-palette-item .dari-palette-label").allTextContents();
      assert.ok(labels.includes("단락 재정렬"), labels.join(", "));
      await page.locator(".dari-palette-input").fill("ㅅㅎ ㅈ");
      assert.deepEqual(await page.locator(".dari-palette-item .dari-palette-label").allTextContents(), [], "ㅅㅎ ㅈ finds nothing here");
      assert.ok(await page.locator(".dari-palette-none").isVisible());
      await page.locator(".dari-palette-input").fill("QA");
      await page.keyboard.press("ArrowDown");
      await page.keyboard.press("ArrowUp");
      await page.keyboard.press("Enter");
      await page.locator(".dari-qa-panel").waitFor();
    },
    { locale: "ko-KR" },
  );
});
