// A first day without friction (issue 17): what a new analyst tripped over,
// tried as they would. Typing over a selection replaces it (digits tag only
// in an explicit coding mode); an import says what it did and names the
// window; the alignment review shows confidence and says when it is done.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { Node as PMNode } from "prosemirror-model";
import { useBrowser, withApp, sideLocator, CORPUS, type AppHandle } from "./helpers";
import { schema } from "../app/schema";
import { allAnnotations } from "../app/themes/annotations";

const browser = useBrowser();

/** Selects a phrase in one side of the n-th segment, as a drag over it would. */
async function selectText(page: Page, n: number, side: "ko" | "en", phrase: string): Promise<void> {
  await sideLocator(page, n, side).scrollIntoViewIfNeeded();
  // A string, not a function: tsx adds helpers to a function's source that the page lacks.
  await page.evaluate(`(() => {
    const [n, side, phrase] = ${JSON.stringify([n, side, phrase])};
    const el = document.querySelectorAll(".dari-segment")[n].querySelector(".dari-" + side);
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    const nodes = [];
    for (let t = walker.nextNode(); t; t = walker.nextNode()) if (!t.parentElement.closest("[contenteditable=false]")) nodes.push(t);
    const full = nodes.map((t) => t.data).join("");
    const start = full.indexOf(phrase);
    if (start < 0) throw new Error("not found: " + phrase);
    const at = (offset) => {
      let acc = 0;
      for (const t of nodes) {
        if (offset <= acc + t.data.length) return [t, offset - acc];
        acc += t.data.length;
      }
    };
    const range = document.createRange();
    range.setStart(...at(start));
    range.setEnd(...at(start + phrase.length));
    el.closest(".ProseMirror").focus();
    const sel = window.getSelection();
    sel.removeAllRanges();
    sel.addRange(range);
  })()`);
  await page.waitForTimeout(40);
}

async function docOf(page: Page): Promise<PMNode> {
  const json = await page.evaluate(() => (window as unknown as { dariApp: { editor: { state: { doc: { toJSON(): unknown } } } } }).dariApp.editor.state.doc.toJSON());
  return PMNode.fromJSON(schema, json);
}

const message = (page: Page) => page.locator(".dari-statusbar .dari-message");

test("typing digits over a selection replaces it; Alt+digit tags; plain digits tag only in coding mode, shown in the status bar", async () => {
  await withApp(browser(), async (app) => {
    const { page } = app;
    await page.locator('button[data-panel="codebook"]').click();
    await page.locator(".dari-code").first().waitFor();
    const ko = sideLocator(page, 0, "ko");
    const before = (await ko.textContent())!;
    const year = /\d{4}/.exec(before)?.[0];
    assert.ok(year, "the sample's first segment has a year in it");
    const toggle = page.locator(".dari-statusbar .dari-coding-mode");
    assert.equal(await toggle.textContent(), "Coding mode: off");
    assert.equal(await toggle.getAttribute("aria-pressed"), "false");

    await selectText(page, 0, "ko", year);
    await page.keyboard.type("2020");
    assert.equal(await ko.textContent(), before.replace(year, "2020"), "the selection is replaced by what was typed");
    assert.equal(allAnnotations(await docOf(page)).length, 0, "no digit tagged anything");
    // One undo brings the year back.
    await page.keyboard.press("Control+z");
    assert.equal(await ko.textContent(), before);

    // Alt+digit still tags the selection.
    await selectText(page, 0, "ko", year);
    await page.keyboard.press("Alt+1");
    assert.deepEqual(allAnnotations(await docOf(page)).map((a) => [a.code, a.to - a.from]), [["space", year.length]]);
    // Coding mode, switched on in the status bar: a plain digit over a selection tags.
    await toggle.click();
    assert.equal(await toggle.textContent(), "Coding mode: on");
    assert.equal(await toggle.getAttribute("aria-pressed"), "true");
    assert.match((await message(page).textContent()) ?? "", /Coding mode on/);
    await selectText(page, 1, "ko", (await sideLocator(page, 1, "ko").textContent())!.slice(0, 4));
    await page.keyboard.press("2");
    assert.equal(allAnnotations(await docOf(page)).length, 2, "the digit tagged the selection in coding mode");
    // The switch follows the UI language.
    await app.menu("language:ko");
    await page.waitForFunction(() => document.querySelector(".dari-coding-mode")?.textContent === "코딩 모드: 켬");
  });
});
