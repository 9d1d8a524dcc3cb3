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
import { useBrowser, withApp, launchApp, sideLocator, focusSide, clearSide, CORPUS, type AppHandle } from "./helpers";
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

async function corpusCopy(app: AppHandle, name: string): Promise<string> {
  const path = join(app.tmp, name);
  await writeFile(path, await readFile(join(CORPUS, name)));
  return path;
}

/** Imports the sample's PDF text with a translation whose third paragraph is about something else: the aligner is unsure there. */
async function importWithStrayParagraph(app: AppHandle, title?: string): Promise<void> {
  const { page } = app;
  const en = (await readFile(join(CORPUS, "commentary.en.txt"), "utf8")).split(/\n\s*\n/);
  en[2] = "The weather in the mountains was mild all week. Hikers reported clear skies and light winds. Nobody mentioned any meeting of leaders.";
  const enPath = join(app.tmp, "commentary.en.txt");
  await writeFile(enPath, en.join("\n\n"));
  app.dialogs.textAnswers = [await corpusCopy(app, "commentary.ko.pdf.txt"), enPath];
  await app.menu("import");
  const dialog = page.locator(".dari-import-dialog");
  await page.click("[data-action=import-choose-ko]");
  await dialog.locator("[data-side=ko] .dari-import-preview").waitFor();
  await page.click("[data-action=import-choose-en]");
  await dialog.locator("[data-side=en] .dari-import-preview").waitFor();
  if (title) await dialog.locator(".dari-import-title").fill(title);
  await page.click("[data-action=import-create]");
  await dialog.waitFor({ state: "detached" });
  await page.waitForFunction(() => /^Imported/.test(document.querySelector(".dari-message")?.textContent ?? ""));
}

test("an import says how many passages, segments and unsure segments it made, goes to the first unsure one, and names the window and the Save after its title", async () => {
  await withApp(browser(), async (app) => {
    const { page } = app;
    await importWithStrayParagraph(app, "North Korea–Russia summit");

    const segments = await page.locator(".dari-segment").count();
    const unsure = await page.locator(".dari-segment.dari-low-confidence").count();
    assert.ok(unsure > 0, "the sample's import has segments the aligner was unsure of");
    const text = (await message(page).textContent()) ?? "";
    assert.match(text, new RegExp(`^Imported 12 passages, ${segments} segments; ${unsure} segments? ha(s|ve) an unsure alignment`));

    // The button goes to the first unsure segment and brings it to the middle of the editor.
    await page.evaluate(() => document.querySelector(".dari-editor-scroll")!.scrollTo(0, 0));
    await message(page).locator("button", { hasText: "Go to the first unsure segment" }).click();
    const first = page.locator(".dari-segment.dari-low-confidence").first();
    assert.equal(await first.evaluate((el) => el.classList.contains("dari-current")), true, "the cursor is in the first unsure segment");
    const [box, scroller] = await Promise.all([first.boundingBox(), page.locator(".dari-editor-scroll").boundingBox()]);
    assert.ok(box && scroller && box.y >= scroller.y && box.y + box.height <= scroller.y + scroller.height, "fully visible");

    // The window and Save go by the title given in the dialog.
    await page.waitForFunction(() => document.title.startsWith("North Korea–Russia summit"));
    assert.match(app.documentState?.title ?? "", /^North Korea–Russia summit/);
    app.dialogs.saveAnswers.push(join(app.tmp, "saved.dari"));
    await page.keyboard.press("Control+s");
    await page.waitForFunction(() => /Saved saved\.dari/.test(document.querySelector(".dari-message")?.textContent ?? ""));
    assert.ok(app.dialogs.asked.includes("saveProject:North Korea–Russia summit.dari"), app.dialogs.asked.join(", "));
  });
});

/** The middle of the editor's visible area, and whether an element is wholly inside it. */
async function placeInEditor(page: Page, selector: string): Promise<{ visible: boolean; offCentre: number }> {
  const [box, scroller] = await Promise.all([page.locator(selector).first().boundingBox(), page.locator(".dari-editor-scroll").boundingBox()]);
  if (!box || !scroller) return { visible: false, offCentre: Infinity };
  return { visible: box.y >= scroller.y && box.y + box.height <= scroller.y + scroller.height, offCentre: Math.abs(box.y + box.height / 2 - (scroller.y + scroller.height / 2)) };
}

test("alignment review: confidence on hover of the gutter number, unsure/unconfirmed filters, next unsure says when it is done, confirmed mark, QA badge unlike the alignment flag", async () => {
  await withApp(browser(), async (app) => {
    const { page } = app;
    await importWithStrayParagraph(app);
    const doc = await docOf(page);
    const attrs: { confidence: number | null; confirmed: boolean }[] = [];
    doc.descendants((n) => (n.type.name === "segment" ? (attrs.push(n.attrs as (typeof attrs)[number]), false) : true));
    const unsure = await page.locator(".dari-segment.dari-low-confidence").count();
    assert.ok(unsure >= 2);

    // Hovering a gutter number shows that segment's confidence.
    const second = page.locator(".dari-segment").nth(1);
    const box = (await second.boundingBox())!;
    await page.mouse.move(box.x + 12, box.y + 8);
    const tip = page.locator(".dari-gutter-tip");
    await tip.waitFor({ state: "visible" });
    assert.equal(await tip.textContent(), `Segment 2: alignment confidence ${Math.round(attrs[1].confidence! * 100)}% · not confirmed yet`);
    // Over the text, no tip.
    await page.mouse.move(box.x + box.width / 2, box.y + 8);
    await tip.waitFor({ state: "hidden" });

    // The filter shows only the unsure segments, or only the unconfirmed ones.
    const filter = page.locator(".dari-status-filter");
    await filter.selectOption("unsure");
    assert.equal(await page.locator(".dari-segment:not(.dari-status-hidden)").count(), unsure);
    await filter.selectOption("unconfirmed");
    assert.equal(await page.locator(".dari-segment:not(.dari-status-hidden)").count(), attrs.length);
    await filter.selectOption("all");

    // Next unsure lands in the middle; at the last one it goes back to the first and says so.
    await page.locator(".dari-segment").first().locator(".dari-ko").click();
    await page.evaluate(() => document.querySelector(".dari-editor-scroll")!.scrollTo(0, 0));
    await page.keyboard.press("Control+Alt+u");
    const current = ".dari-segment.dari-current";
    assert.ok(await page.locator(current).evaluate((el) => el.classList.contains("dari-low-confidence")));
    const place = await placeInEditor(page, current);
    assert.ok(place.visible && place.offCentre < 80, `in the middle, fully visible (${JSON.stringify(place)})`);
    for (let i = 1; i < unsure; i++) await page.keyboard.press("Control+Alt+u");
    await page.keyboard.press("Control+Alt+u");
    assert.equal(await message(page).textContent(), "Back at the first unsure segment");

    // Confirming each: a check mark in the gutter; then there is none left, and it says so.
    for (let i = 0; i < unsure; i++) {
      await page.keyboard.press("Control+Alt+c");
      const mark = await page.locator(current).evaluate((el) => [el.getAttribute("data-confirmed"), getComputedStyle(el, "::before").content]);
      assert.equal(mark[0], "true");
      assert.match(mark[1] ?? "", /^"✓/, "a confirmed segment has its mark in the gutter");
      await page.keyboard.press("Control+Alt+u");
    }
    assert.equal(await page.locator(".dari-segment.dari-low-confidence").count(), 0);
    assert.equal(await message(page).textContent(), "No more unsure segments");

    // The QA badge and the alignment flag differ in colour and shape.
    await page.keyboard.press("Control+z");
    const flag = await page.locator(".dari-segment.dari-low-confidence").first().evaluate((el) => getComputedStyle(el, "::before").backgroundColor);
    const qa = page.locator(".dari-qa-flag").first();
    assert.ok((await page.locator(".dari-qa-flag").count()) > 0, "the import has a QA finding");
    const badge = await qa.evaluate((el) => [getComputedStyle(el).backgroundColor, getComputedStyle(el).borderRadius]);
    assert.notEqual(badge[0], flag, "not the same colour");
    assert.notEqual(badge[0], "rgb(213, 94, 0)", "not orange like an alignment doubt");
    assert.ok(parseFloat(badge[1]) < 7, "a square, not a round dot");
  });
});

test("jumps land in the middle: a theme step, a heat-map cell, a one-sided tag and a QA entry bring the segment to the centre, fully visible", async () => {
  await withApp(browser(), async (app) => {
    const { page } = app;
    await page.locator('button[data-panel="codebook"]').click();
    await page.locator(".dari-code").first().waitFor();
    // Segment 30 tagged on its English side only, with two themes; segment 32 left untranslated (a QA finding).
    const target = 29;
    await selectText(page, target, "en", (await sideLocator(page, target, "en").textContent())!.slice(0, 12));
    await page.keyboard.press("Alt+1");
    await selectText(page, target, "en", (await sideLocator(page, target, "en").textContent())!.slice(0, 12));
    await page.keyboard.press("Alt+2");
    await clearSide(page, target + 2, "en");
    const current = ".dari-segment.dari-current";
    const fromTheTop = async () => {
      await focusSide(page, 0, "ko", "start");
      await page.evaluate(() => document.querySelector(".dari-editor-scroll")!.scrollTo(0, 0));
    };
    const landed = async (what: string, n: number) => {
      assert.equal(await page.locator(".dari-segment").evaluateAll((els) => els.findIndex((e) => e.classList.contains("dari-current"))), n, what);
      const place = await placeInEditor(page, current);
      assert.ok(place.visible && place.offCentre < 60, `${what}: in the middle, fully visible (${JSON.stringify(place)})`);
    };

    await page.locator('button[data-panel="themes"]').click();
    const row = page.locator('.dari-themes-table tr[data-code="space"]');
    await row.waitFor();
    await fromTheTop();
    await row.locator(".dari-step").last().click();
    await landed("theme step", target);

    await fromTheTop();
    await page.locator('.dari-matrix-cell[data-a="space"][data-b="arms"]').click();
    await landed("heat-map cell", target);

    await fromTheTop();
    await page.locator(".dari-one-sided li[data-code=space] button.dari-link, li[data-code=space] button.dari-link").first().click();
    await landed("one-sided tag", target);

    await page.locator('button[data-panel="qa"]').click();
    const entry = page.locator(`.dari-qa-item[data-segment="${target + 2}"]`).first();
    await entry.waitFor();
    await fromTheTop();
    // Anywhere on the entry, not only its heading.
    await entry.locator(".dari-qa-message").click();
    await landed("QA entry", target + 2);
  });
});

test("find: the initial-consonant box says how the query is searched, the counter reads 2/7; the status bar numbers segments as the gutter does", async () => {
  await withApp(browser(), async (app) => {
    const { page } = app;
    await focusSide(page, 0, "ko", "start");
    await page.keyboard.press("Control+f");
    const input = page.locator(".dari-find-input");
    const box = page.locator('.dari-find-option:has([data-label=choseong]) input[type=checkbox]');
    const count = page.locator(".dari-find-count");
    await input.fill("ㅂㄹ ㅈㅅ");
    // Initials only: searched as initials, and the box shows it.
    assert.equal(await box.isChecked(), true);
    await page.waitForFunction(() => document.querySelector(".dari-find-count")?.textContent === "7 matches");
    await input.press("Enter");
    assert.equal(await count.textContent(), "1/7");
    await input.press("Enter");
    assert.equal(await count.textContent(), "2/7");
    // Unticked, the jamo are searched as written: the sample has none.
    await box.uncheck();
    await page.waitForFunction(() => document.querySelector(".dari-find-count")?.textContent === "No matches");
    await input.fill("ㅂㄹ");
    assert.equal(await box.isChecked(), false, "the analyst's choice stays");
    await page.keyboard.press("Escape");

    // The status bar: the passage, and the segment's number as the gutter shows it.
    const seg = page.locator(".dari-passage").nth(2).locator(".dari-segment").nth(1);
    const n = await seg.getAttribute("data-n");
    assert.ok(Number(n) > 2);
    await seg.locator(".dari-en").click();
    await page.waitForFunction((n) => document.querySelector(".dari-position")?.textContent === `Passage 3 · Segment ${n} · English`, n);
  });
});

test("small things: the last status message follows a language switch; file keys work from a panel; Themes headers are words", async () => {
  await withApp(browser(), async (app) => {
    const { page } = app;
    // Ctrl+I from a panel's field opens the import dialog.
    await page.locator('button[data-panel="qa"]').click();
    await page.locator(".dari-qa-kind").focus();
    await page.keyboard.press("Control+i");
    await page.locator(".dari-import-dialog").waitFor();
    await page.keyboard.press("Escape");
    await page.locator(".dari-import-dialog").waitFor({ state: "detached" });
    // Ctrl+S from a toolbar button saves.
    app.dialogs.saveAnswers.push(join(app.tmp, "first.dari"));
    await page.locator('button[data-panel="themes"]').focus();
    await page.keyboard.press("Control+s");
    await page.waitForFunction(() => document.querySelector(".dari-message")?.textContent === "Saved first.dari");
    // The message is said again in Korean after the switch.
    await app.menu("language:ko");
    await page.waitForFunction(() => /first\.dari/.test(document.querySelector(".dari-message")?.textContent ?? "") && !/Saved/.test(document.querySelector(".dari-message")?.textContent ?? ""));
    assert.equal(await message(page).textContent(), "first.dari 저장됨");
    await app.menu("language:en");

    await page.locator('button[data-panel="themes"]').click();
    const headers = await page.locator(".dari-themes-table thead th").allTextContents();
    assert.deepEqual(headers.filter(Boolean), ["Theme", "Korean tags", "Korean segments", "English tags", "English segments"]);
  });
});

test("the side panel can be resized, and opens at that width next time", async () => {
  const first = await launchApp({ browser: browser(), keepStorage: true });
  const userData = first.userData;
  let width = 0;
  try {
    const { page } = first;
    await page.locator('button[data-panel="themes"]').click();
    const sidebar = page.locator(".dari-sidebar");
    const before = (await sidebar.boundingBox())!.width;
    const handle = (await page.locator(".dari-sidebar-resizer").boundingBox())!;
    await page.mouse.move(handle.x + 2, handle.y + 100);
    await page.mouse.down();
    await page.mouse.move(handle.x - 150, handle.y + 100, { steps: 5 });
    await page.mouse.up();
    width = (await sidebar.boundingBox())!.width;
    assert.ok(Math.abs(width - (before + 152)) < 8, `dragged from ${before} to ${width}`);
  } finally {
    await first.page.context().close();
  }
  const second = await launchApp({ browser: browser(), keepStorage: true, userData });
  try {
    await second.page.locator('button[data-panel="themes"]').click();
    assert.ok(Math.abs((await second.page.locator(".dari-sidebar").boundingBox())!.width - width) < 2, "remembered");
  } finally {
    await second.close();
    await first.close().catch(() => {});
  }
});

test("QA in Korean: the particle fits the word (es-hangul's josa), not 은(는)…(으)로", async () => {
  await withApp(
    browser(),
    async (app) => {
      const { page } = app;
      await clearSide(page, 0, "en");
      await page.keyboard.type("The summit was held in Russia.");
      await page.locator('button[data-panel="qa"]').click();
      const item = page.locator('.dari-qa-item[data-segment="0"] .dari-qa-message', { hasText: "보스토치니 우주기지" });
      await item.first().waitFor();
      assert.equal(await item.first().textContent(), "“보스토치니 우주기지”는 “Vostochny Cosmodrome”으로 옮겨야 합니다(용어집).");
      assert.equal(await page.locator(".dari-qa-message", { hasText: "(는)" }).count(), 0);
    },
    { locale: "ko-KR" },
  );
});

test("export dialog: the labels' language is named as such, main's save dialog asks where, and the message offers Open and Show in folder through main", async () => {
  await withApp(browser(), async (app) => {
    const { page } = app;
    await app.menu("export");
    const dialog = page.locator(".dari-export-dialog");
    await dialog.waitFor();
    await dialog.locator("select[name=format]").selectOption("html");
    const labelRow = dialog.locator(".dari-export-row", { has: page.locator("select[name=language]") });
    assert.equal(await labelRow.locator("span").first().textContent(), "Language of headings and labels");
    const target = join(app.tmp, "chosen.html");
    app.dialogs.exportAnswers.push(target);
    await dialog.locator("[data-action=export-run]").click();
    await dialog.waitFor({ state: "detached" });
    assert.equal(app.dialogs.asked.filter((a) => a.startsWith("exportTo")).length, 1, "main's save dialog asked once");
    assert.match(await readFile(target, "utf8"), /^<!DOCTYPE html>/);
    assert.match((await message(page).textContent()) ?? "", /^Exported to .*chosen\.html/);
    await message(page).locator("button", { hasText: "Open" }).click();
    await message(page).locator("button", { hasText: "Show in folder" }).click();
    await page.waitForTimeout(200);
    assert.deepEqual(app.opened, [`open:${target}`, `reveal:${target}`]);
  });
});

test("glossary: the insert list shows a term once even where the segment uses it twice", async () => {
  await withApp(browser(), async (app) => {
    const { page } = app;
    await focusSide(page, 0, "ko", "end");
    await page.keyboard.insertText(" 보스토치니 우주기지에서 다시.");
    await page.locator('button[data-panel="glossary"]').click();
    const hits = page.locator(".dari-glossary-hits li .dari-term-ko");
    await hits.first().waitFor();
    const terms = await hits.allTextContents();
    assert.equal(terms.filter((t) => t === "보스토치니 우주기지").length, 1, terms.join(", "));
    assert.equal(new Set(terms).size, terms.length, "no term listed twice");
  });
});
