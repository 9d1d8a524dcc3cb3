// Issue 15 req. 8: offline spell checking of the English side. Misspellings
// get a wavy underline; the context menu offers the dictionary's suggestions,
// "Add to dictionary" (kept in the analyst's storage) and "Ignore"; the
// Korean side is not checked; Preferences switches it off and on.
import { test } from "node:test";
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { useBrowser, withApp, focusSide, sideLocator } from "./helpers";

const browser = useBrowser();

const flagged = (page: Page, side = "en") => page.locator(`.dari-${side} .dari-misspelled`);
const flaggedWords = (page: Page) => page.$$eval(".dari-en .dari-misspelled", (els) => els.map((e) => e.textContent));

/** Right-clicks the middle of an element and waits for the menu drawn in the window. */
async function rightClick(page: Page, el: ReturnType<Page["locator"]>) {
  await el.scrollIntoViewIfNeeded();
  const box = (await el.boundingBox())!;
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2, { button: "right" });
  const menu = page.locator(".dari-context-menu");
  await menu.waitFor();
  return menu;
}

test("a misspelled word typed on the English side is underlined; a suggestion from the context menu replaces it", async () => {
  await withApp(browser(), async ({ page }) => {
    // The sample's names the glossary fixes are never flagged; names it does not know are.
    await page.locator(".dari-en .dari-misspelled", { hasText: "Shaposhnikov" }).waitFor();
    const before = await flaggedWords(page);
    for (const name of ["Kim", "Jong", "Shoigu", "Vostochny", "Defence"]) assert.ok(!before.includes(name), `${name} is in the glossary`);

    await focusSide(page, 0, "en");
    await page.keyboard.type(" They recieve ");
    const word = sideLocator(page, 0, "en").locator(".dari-misspelled", { hasText: "recieve" });
    await word.waitFor();
    assert.match(await word.evaluate((e) => getComputedStyle(e).textDecorationStyle), /wavy/);

    const menu = await rightClick(page, word);
    const first = menu.locator('[data-command="spell:suggest:0"]');
    assert.equal(await first.textContent(), "receive");
    assert.ok((await menu.locator('[data-command="spell:add"]').textContent())!.includes("recieve"));
    await first.click();
    assert.ok(await menu.isHidden());
    assert.match((await sideLocator(page, 0, "en").textContent())!, /They receive $/);
    await page.waitForTimeout(600);
    assert.equal(await sideLocator(page, 0, "en").locator(".dari-misspelled", { hasText: "recieve" }).count(), 0);
    assert.equal(await sideLocator(page, 0, "en").locator(".dari-misspelled", { hasText: "receive" }).count(), 0);
    // Undo gives the typed word back, underlined again.
    await page.keyboard.press("Control+z");
    await word.waitFor();
  });
});

test("the word being typed is not flagged until the cursor leaves it; the Korean side is never checked", async () => {
  await withApp(browser(), async ({ page }) => {
    await page.locator(".dari-en .dari-misspelled").first().waitFor();
    await focusSide(page, 1, "en");
    await page.keyboard.type(" wrnog");
    await page.waitForTimeout(900);
    assert.equal(await sideLocator(page, 1, "en").locator(".dari-misspelled", { hasText: "wrnog" }).count(), 0, "still being typed");
    await page.keyboard.press("Home");
    await sideLocator(page, 1, "en").locator(".dari-misspelled", { hasText: "wrnog" }).waitFor();

    // Latin misspellings typed on the Korean side stay unmarked.
    await focusSide(page, 1, "ko");
    await page.keyboard.type(" teh wrnog ");
    await page.waitForTimeout(900);
    assert.equal(await flagged(page, "ko").count(), 0);
    assert.ok((await sideLocator(page, 1, "ko").textContent())!.includes("teh wrnog"));
  });
});

test("Add to dictionary removes the underline and is remembered after a reload; Ignore lasts the session", async () => {
  await withApp(browser(), async ({ page }) => {
    const kalibr = page.locator(".dari-en .dari-misspelled", { hasText: /^Kalibr$/ });
    await kalibr.waitFor();
    let menu = await rightClick(page, kalibr);
    await menu.locator('[data-command="spell:add"]').click();
    assert.equal(await kalibr.count(), 0, "gone at once");

    const uran = page.locator(".dari-en .dari-misspelled", { hasText: /^Uran$/ });
    menu = await rightClick(page, uran);
    await menu.locator('[data-command="spell:ignore"]').click();
    assert.equal(await uran.count(), 0);

    await page.reload();
    await page.waitForFunction(() => document.querySelectorAll(".dari-segment").length > 0);
    // Checked again after the reload: other names are flagged, the added word is not; the ignored one is back.
    await page.locator(".dari-en .dari-misspelled", { hasText: "Shaposhnikov" }).waitFor();
    await uran.waitFor();
    assert.equal(await kalibr.count(), 0);
    assert.ok((await page.locator(".dari-en", { hasText: "Kalibr" }).count()) > 0, "the word is still in the text");
  });
});

test("Preferences switch spell checking off and on", async () => {
  await withApp(browser(), async ({ page }) => {
    await flagged(page).first().waitFor();
    await page.locator(".ProseMirror").click();
    await page.keyboard.press("Control+,");
    const box = page.locator('.dari-preferences [data-pref="spelling"]');
    assert.equal(await box.isChecked(), true, "on by default");
    assert.equal(await page.locator(".dari-preferences label", { hasText: "Check the spelling of the English side" }).count(), 1);
    await box.uncheck();
    assert.equal(await flagged(page).count(), 0);
    await page.keyboard.press("Escape");

    // Off: typing a misspelling draws nothing, and the menu offers no spelling.
    await focusSide(page, 2, "en");
    await page.keyboard.type(" teh end ");
    await page.waitForTimeout(900);
    assert.equal(await flagged(page).count(), 0);

    await page.keyboard.press("Control+,");
    await box.check();
    await page.keyboard.press("Escape");
    await sideLocator(page, 2, "en").locator(".dari-misspelled", { hasText: "teh" }).waitFor();
  });
});

test("English spelling: American, British or Oxford, chosen in Preferences, each with its own dictionary", async () => {
  await withApp(browser(), async ({ page }) => {
    // The sample is written in Oxford spelling: "signalling", but "realizing" (and "militarization", a glossary term, never checked).
    const word = (w: string) => page.locator(".dari-en .dari-misspelled", { hasText: new RegExp(`^${w}$`) });
    await word("signalling").waitFor();
    assert.equal(await word("realizing").count(), 0, "American: -ize is right");
    await focusSide(page, 2, "en");
    await page.keyboard.type(" The colour of the organisation, the color of the organization. ");
    await word("colour").waitFor();
    assert.equal(await word("organization").count(), 0);

    const choose = async (variant: string) => {
      await page.keyboard.press("Control+,");
      const select = page.locator('.dari-preferences select[data-pref="spellingVariant"]');
      await select.selectOption(variant);
      await page.keyboard.press("Escape");
    };
    await choose("en-GB-oxendict");
    await word("color").waitFor();
    for (const w of ["signalling", "realizing", "colour", "organization"]) assert.equal(await word(w).count(), 0, `${w} is Oxford spelling`);
    // The suggestion for an American spelling is the Oxford one.
    let menu = await rightClick(page, word("color"));
    assert.equal(await menu.locator('[data-command="spell:suggest:0"]').textContent(), "colour");
    await page.keyboard.press("Escape");

    await choose("en-GB");
    await word("organization").waitFor();
    await word("realizing").waitFor();
    for (const w of ["signalling", "colour", "organisation"]) assert.equal(await word(w).count(), 0, `${w} is British spelling`);

    await choose("en-US");
    await word("signalling").waitFor();
    assert.equal(await word("organization").count(), 0);
    menu = await rightClick(page, word("colour"));
    assert.equal(await menu.locator('[data-command="spell:suggest:0"]').textContent(), "color");
    await page.keyboard.press("Escape");
  });
});

test("in Korean: the spelling entries of the context menu and the preference", async () => {
  await withApp(
    browser(),
    async ({ page }) => {
      const word = page.locator(".dari-en .dari-misspelled", { hasText: /^Kalibr$/ });
      await word.waitFor();
      const menu = await rightClick(page, word);
      assert.equal(await menu.locator('[data-command="spell:add"]').textContent(), "“Kalibr”를 사전에 추가");
      assert.equal(await menu.locator('[data-command="spell:ignore"]').textContent(), "무시");
      await page.keyboard.press("Escape");
    },
    { locale: "ko-KR" },
  );
});

test("when the dictionary's worker cannot start, the status bar says spell checking is unavailable and the editor works on", async () => {
  await withApp(browser(), async ({ page }) => {
    await page.route(/\/assets\/worker-[^/]*\.js$/, (route) => route.abort());
    await page.reload();
    await page.waitForFunction(() => document.querySelectorAll(".dari-segment").length > 0);
    await page.waitForFunction(() => /Spell checking is not available/.test(document.querySelector(".dari-message")?.textContent ?? ""));
    assert.equal(await flagged(page).count(), 0);
    await focusSide(page, 0, "en");
    await page.keyboard.type(" still typing");
    assert.match((await sideLocator(page, 0, "en").textContent())!, /still typing$/);
  });
});
