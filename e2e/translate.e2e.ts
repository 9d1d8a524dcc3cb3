// The translation desk as a translator uses it: Ctrl+Enter marks a segment
// translated and moves on (gutter colour and progress bar follow); the find
// bar finds 북러 정상 from its initial consonants ㅂㄹ ㅈㅅ; glossary terms
// are underlined with their English; QA flags show in the gutter and panel.
import { test } from "node:test";
import assert from "node:assert/strict";
import type { Browser, Page } from "playwright-core";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { useBrowser, withApp, focusSide, clearSide, sideLocator } from "./helpers";

const browser = useBrowser();


interface EditorProbe {
  dariApp: { editor: { state: { selection: { from: number; to: number; $from: { parent: { type: { name: string } } } }; doc: { textBetween(a: number, b: number): string } } } };
}

/** The selected text, and the index of the segment holding the cursor. */
function where(page: Page) {
  return page.evaluate(() => {
    const s = (window as unknown as EditorProbe).dariApp.editor.state;
    const segs = Array.from(document.querySelectorAll(".dari-segment"));
    const current = segs.findIndex((el) => el.classList.contains("dari-current"));
    return { text: s.doc.textBetween(s.selection.from, s.selection.to), side: s.selection.$from.parent.type.name, current };
  });
}

const statuses = (page: Page) => page.$$eval(".dari-segment", (els) => els.map((e) => e.getAttribute("data-status")));

test("Ctrl+Enter marks the segment translated and jumps to the next untranslated one", async () => {
  await withApp(browser(), async ({ page }) => {
    const before = await statuses(page);
    const progress = page.locator(".dari-progress-text");
    assert.match((await progress.textContent()) ?? "", new RegExp(`^0/${before.length} segments`));
    await focusSide(page, 0, "en");
    await page.keyboard.press("Control+Enter");
    const after = await statuses(page);
    assert.equal(after[0], "translated");
    assert.deepEqual(after.slice(1), before.slice(1), "only the current segment changed");
    const next = before.findIndex((s, i) => i > 0 && (s === "new" || s === "draft"));
    const at = await where(page);
    assert.equal(at.current, next);
    assert.equal(at.side, "en", "the cursor waits on the English side");
    // The progress bar catches up within a moment (it is counted off the keystroke).
    await page.waitForFunction((n) => document.querySelector(".dari-progress-text")?.textContent?.startsWith(`1/${n} segments`), before.length, { timeout: 2000 });
    // The gutter shows the new status in its colour.
    const colour = await page.locator(".dari-segment").first().evaluate((el) => getComputedStyle(el, "::before").borderRightColor);
    assert.equal(colour, "rgb(0, 114, 178)");
    // Undo puts the status back.
    await page.keyboard.press("Control+z");
    assert.equal((await statuses(page))[0], before[0]);
  });
});

test("find ㅂㄹ ㅈㅅ finds 북러 정상; replace all is one undo step", async () => {
  await withApp(browser(), async (app) => {
    const { page } = app;
    await focusSide(page, 0, "ko", "start");
    await page.keyboard.press("Control+f");
    const input = page.locator(".dari-find-input");
    assert.ok(await input.isVisible());
    await input.fill("ㅂㄹ ㅈㅅ");
    await page.waitForFunction(() => /\d/.test(document.querySelector(".dari-find-count")?.textContent ?? ""));
    const count = Number(/\d+/.exec((await page.locator(".dari-find-count").textContent())!)![0]);
    assert.equal(count, 7, "the sample has 북러 정상회담 seven times");
    await input.press("Enter");
    assert.equal((await where(page)).text, "북러 정상");
    const inView = () =>
      page.evaluate(() => {
        const view = (window as unknown as { dariApp: { editor: { state: { selection: { from: number } }; coordsAtPos(p: number): { top: number; bottom: number } } } }).dariApp.editor;
        const c = view.coordsAtPos(view.state.selection.from);
        const r = document.querySelector(".dari-editor-scroll")!.getBoundingClientRect();
        return c.top >= r.top && c.bottom <= r.bottom;
      });
    assert.ok(await inView(), "the match is scrolled into view");
    await input.press("Enter");
    assert.equal((await where(page)).text, "북러 정상");
    assert.ok((await page.locator(".ProseMirror-search-match").count()) > 0, "matches are highlighted");

    // Replace all in the Korean only, then one undo brings every one back.
    await input.fill("정상회담");
    await page.selectOption(".dari-find-scope", "ko");
    await page.locator(".dari-replace-input").fill("회담");
    await page.locator('[data-find="replaceAll"]').click();
    const koText = () => page.$$eval(".dari-ko", (els) => els.map((e) => e.textContent).join("\n"));
    assert.ok(!(await koText()).includes("정상회담"));
    await page.keyboard.press("Escape");
    await page.locator(".dari-find").evaluate((el) => (el as HTMLElement).hidden);
    await app.menu("undo");
    assert.ok((await koText()).includes("정상회담"));
    // Edit › Find opens the same bar.
    await app.menu("find");
    assert.ok(await input.isVisible());
  });
});

test("glossary terms are underlined with their English, and QA flags show in the gutter and panel", async () => {
  await withApp(browser(), async ({ page }) => {
    // The sample starts with the default glossary; its panel lists the terms.
    await page.locator('[data-panel="glossary"]').click();
    await page.locator('.dari-glossary-table td:text-is("Vostochny Cosmodrome")').waitFor();
    // A segment whose translation is still to be written: the first one with a term.
    const withTerm = await page.$$eval(".dari-segment", (els) => els.findIndex((e) => e.querySelector(".dari-ko .dari-term")));
    await clearSide(page, withTerm, "en");
    const term = page.locator(".dari-ko .dari-term").first();
    await term.waitFor();
    assert.ok((await page.locator('.dari-term[title="Vostochny Cosmodrome"]').count()) > 0);
    assert.ok((await page.locator(".dari-qa-flag").count()) > 0, "untranslated segments are flagged");
    await page.locator('[data-panel="qa"]').click();
    await page.locator(".dari-qa-item").first().waitFor();
    assert.match((await page.locator(".dari-qa-summary").textContent()) ?? "", /\d+ problems/);
    // Glossary insert: in an empty English side, Mod-Shift-g inserts the first missing term.
    const empty = await page.$$eval(".dari-segment", (els) => els.findIndex((e) => (e.querySelector(".dari-en")?.textContent ?? "") === "" && e.querySelector(".dari-term")));
    assert.ok(empty >= 0);
    await focusSide(page, empty, "en");
    await page.keyboard.press("Control+Shift+g");
    const en = await page.locator(".dari-segment").nth(empty).locator(".dari-en").textContent();
    const firstTerm = await page.locator(".dari-segment").nth(empty).locator(".dari-term").first().getAttribute("title");
    assert.equal(en, firstTerm);

    // The QA panel speaks the UI language.
    await page.locator('[data-action="toolbar.language"]').click();
    await page.waitForFunction(() => /문제 \d+건/.test(document.querySelector(".dari-qa-summary")?.textContent ?? ""), null, { timeout: 3000 });
    assert.match((await page.locator(".dari-qa-message").first().textContent()) ?? "", /[가-힣]/);
  });
});

test("concordance: a Korean phrase shows the English it was translated with", async () => {
  await withApp(browser(), async ({ page }) => {
    await page.locator('[data-panel="translate"]').click();
    await page.locator(".dari-tm-size").waitFor();
    await page.locator(".dari-concordance-input").fill("보스토치니");
    const hit = page.locator(".dari-concordance li").first();
    await hit.waitFor();
    assert.equal(await hit.locator("mark").textContent(), "보스토치니");
    assert.match((await hit.locator(".dari-tm-en").textContent()) ?? "", /Vostochny/);
  });
});

test("a TMX file joins the memory and a CSV glossary joins the project", async () => {
  await withApp(browser(), async (app) => {
    const { page, tmp } = app;
    const tmx = join(tmp, "talks.tmx");
    await writeFile(
      tmx,
      `<?xml version="1.0" encoding="UTF-8"?><tmx version="1.4"><header srclang="ko" datatype="plaintext" segtype="sentence" adminlang="en" o-tmf="x" creationtool="x" creationtoolversion="1"/><body>` +
        `<tu><tuv xml:lang="ko"><seg>러시아는 6자 회담에도 참여했다.</seg></tuv><tuv xml:lang="en"><seg>Russia took part in the Six-Party Talks.</seg></tuv></tu></body></tmx>`,
    );
    await page.locator('[data-panel="translate"]').click();
    await page.locator(".dari-tm-size").waitFor();
    await page.locator(".dari-tm-panel input[type=file]").setInputFiles(tmx);
    await page.waitForFunction(() => /talks\.tmx/.test(document.querySelector(".dari-message")?.textContent ?? ""));
    await page.locator(".dari-concordance-input").fill("6자 회담");
    await page.locator(".dari-concordance li .dari-tm-en").first().waitFor();
    assert.match((await page.locator(".dari-concordance li .dari-tm-en").first().textContent()) ?? "", /Six-Party Talks/);

    const csv = join(tmp, "terms.csv");
    await writeFile(csv, "ko,en,note,forbidden\n기자회견,press conference,,press meeting\n");
    await page.locator('[data-panel="glossary"]').click();
    await page.locator(".dari-glossary-panel input[type=file]").setInputFiles(csv);
    await page.locator('.dari-glossary-table td:text-is("press conference")').waitFor();
    assert.ok((await page.locator('.dari-term[title="press conference"]').count()) > 0, "the imported term is underlined in the text");
  });
});

test("the memory offers fuzzy matches for the current segment with their differences, and Ctrl+Alt+1 inserts the best", async () => {
  await withApp(browser(), async (app) => {
    const { page, tmp } = app;
    const ko = (await page.locator(".dari-segment").nth(1).locator(".dari-ko").textContent())!;
    // An earlier translation of almost the same sentence: one word differs.
    const near = ko.replace("기자회견", "기자간담회");
    assert.notEqual(near, ko);
    const tmx = join(tmp, "earlier.tmx");
    await writeFile(
      tmx,
      `<?xml version="1.0" encoding="UTF-8"?><tmx version="1.4"><header srclang="ko" datatype="plaintext" segtype="sentence" adminlang="en" o-tmf="x" creationtool="x" creationtoolversion="1"/><body>` +
        `<tu><tuv xml:lang="ko"><seg>${near}</seg></tuv><tuv xml:lang="en"><seg>EARLIER RENDERING.</seg></tuv></tu></body></tmx>`,
    );
    await page.keyboard.press("Control+Shift+3");
    await page.locator(".dari-tm-size").waitFor();
    await page.locator(".dari-tm-panel input[type=file]").setInputFiles(tmx);
    await page.waitForFunction(() => /earlier\.tmx/.test(document.querySelector(".dari-message")?.textContent ?? ""));
    await clearSide(page, 1, "en");
    const match = page.locator(".dari-tm-match", { hasText: "EARLIER RENDERING." });
    await match.waitFor();
    const score = Number(await match.getAttribute("data-score"));
    assert.ok(score >= 70 && score < 100, `a fuzzy match: ${score}%`);
    assert.ok((await match.locator("ins, del").count()) > 0, "the differences are marked");
    // The best match is the earlier one only if nothing in the project scores higher; insert by its place.
    const place = await page.locator(".dari-tm-match").evaluateAll((els, text) => els.findIndex((e) => e.textContent!.includes(text as string)), "EARLIER RENDERING.");
    assert.ok(place >= 0 && place < 3);
    await page.keyboard.press(`Control+Alt+${place + 1}`);
    assert.equal(await sideLocator(page, 1, "en").textContent(), "EARLIER RENDERING.");
  });
});
