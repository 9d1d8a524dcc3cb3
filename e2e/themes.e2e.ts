// Theme coding as an analyst does it: add the default codebook, tag a span by
// keyboard and see the underline in the theme's colour, overlap a second theme,
// write a memo, and type Korean through an IME inside a tagged span and at its
// edges without losing the tag or a syllable (issue 4, requirements 3 and 9).
import { test } from "node:test";
import assert from "node:assert/strict";
import type { Browser, Page } from "playwright-core";
import { Node as PMNode } from "prosemirror-model";
import { useBrowser, launchApp, typeKoreanIME, sideLocator, focusSide, type AppHandle } from "./helpers";
import { schema, sideText } from "../app/schema";
import { allAnnotations } from "../app/themes/annotations";
import { importQdc } from "../app/themes/qdc";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const browser = useBrowser();

/** Selects a phrase in one side of the n-th segment (or puts the cursor at an offset within it). */
async function selectText(page: Page, n: number, side: "ko" | "en", phrase: string, caret?: number): Promise<void> {
  await sideLocator(page, n, side).scrollIntoViewIfNeeded();
  // A string, not a function: tsx adds helpers to a function's source that the page lacks.
  await page.evaluate(`(() => {
    const [n, side, phrase, caret] = ${JSON.stringify([n, side, phrase, caret ?? null])};
    const el = document.querySelectorAll(".dari-segment")[n].querySelector(".dari-" + side);
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    const nodes = [];
    for (let t = walker.nextNode(); t; t = walker.nextNode()) if (!t.parentElement.closest("[contenteditable=false]")) nodes.push(t);
    const full = nodes.map((t) => t.data).join("");
    const start = full.indexOf(phrase);
    if (start < 0) throw new Error("not found: " + phrase);
    const at = (offset, preferNext) => {
      let acc = 0;
      for (let i = 0; i < nodes.length; i++) {
        const len = nodes[i].data.length;
        if (offset < acc + len || (offset === acc + len && !(preferNext && i + 1 < nodes.length))) return [nodes[i], offset - acc];
        acc += len;
      }
      return [nodes[nodes.length - 1], nodes[nodes.length - 1].data.length];
    };
    const range = document.createRange();
    if (caret === null) {
      range.setStart(...at(start, true));
      range.setEnd(...at(start + phrase.length, false));
    } else {
      const [node, off] = at(start + caret, false);
      range.setStart(node, off);
      range.collapse(true);
    }
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

async function withCodebook(f: (app: AppHandle) => Promise<void>) {
  const app = await launchApp({ browser: browser() });
  try {
    await app.page.locator('button[data-panel="codebook"]').click();
    // The sample, like every new project, starts with the default codebook.
    assert.equal(await app.page.locator(".dari-code").count(), 9);
    await f(app);
    assert.deepEqual(app.foreignRequests, []);
  } finally {
    await app.close();
  }
}

test("a span tagged by keyboard gets an underline in the theme colour; a second theme stacks; a memo is kept", async () => {
  await withCodebook(async (app) => {
    const { page } = app;
    await selectText(page, 0, "ko", "보스토치니 우주기지");
    await page.keyboard.press("Alt+1");
    const span = page.locator(".dari-segment").first().locator(".dari-ko .dari-themed");
    assert.equal(await span.count(), 1);
    assert.equal(await span.textContent(), "보스토치니 우주기지");
    assert.equal(await span.getAttribute("title"), "Space cooperation");
    assert.match(await span.evaluate((el) => getComputedStyle(el).backgroundImage), /rgb\(204, 102, 119\)/);
    // The gutter shows the theme on the Korean side only.
    assert.equal(await page.locator(".dari-segment").first().locator(".dari-theme-chips-ko .dari-theme-chip").count(), 1);
    assert.equal(await page.locator(".dari-segment").first().locator(".dari-theme-chips-en .dari-theme-chip").count(), 0);

    // In coding mode (switched on in the status bar), a plain digit over a selection applies the 9th theme (diplomacy) on an overlapping span.
    await page.locator(".dari-statusbar .dari-coding-mode").click();
    await selectText(page, 0, "ko", "러시아 보스토치니");
    await page.keyboard.press("9");
    const titles = await page.locator(".dari-segment").first().locator(".dari-ko .dari-themed").evaluateAll((els) => els.map((e) => [e.textContent, e.getAttribute("title")]));
    assert.deepEqual(titles, [["러시아 ", "Diplomacy"], ["보스토치니", "Diplomacy\nSpace cooperation"], [" 우주기지", "Space cooperation"]]);
    const both = await page.locator(".dari-segment").first().locator(".dari-ko .dari-themed").nth(1).evaluate((el) => getComputedStyle(el).backgroundImage);
    assert.equal((both.match(/linear-gradient/g) ?? []).length, 2, "two stacked underlines, no nested background");
    // Digits typed without a selection stay text.
    const before = (await sideLocator(page, 1, "ko").textContent())!;
    await selectText(page, 1, "ko", before.slice(0, 2), 0);
    await page.keyboard.type("12");
    assert.equal(await sideLocator(page, 1, "ko").textContent(), "12" + before);

    // The popover for the tags at the cursor; its button opens the memo editor (issue 17.5), Ctrl+Enter saves.
    await selectText(page, 0, "ko", "우주기지", 2);
    const popover = page.locator(".dari-theme-popover");
    await popover.waitFor({ state: "visible" });
    assert.equal(await popover.locator(".dari-popover-item").count(), 1);
    await popover.locator(".dari-popover-edit-memo").click();
    const memo = page.locator(".dari-memo-editor textarea");
    await memo.fill("발사장 상징");
    await memo.press("Control+Enter");
    await page.locator(".dari-memo-editor").waitFor({ state: "hidden" });
    const doc = await docOf(page);
    assert.deepEqual(allAnnotations(doc).filter((r) => r.code === "space").map((r) => r.note), ["발사장 상징"]);
    assert.equal(await span.filter({ hasText: "우주기지" }).getAttribute("title"), "Space cooperation: 발사장 상징", "the hover shows the memo");
    // The hover labels follow the UI language.
    await app.menu("language:ko");
    await page.waitForFunction(() => Array.from(document.querySelectorAll(".dari-themed")).some((e) => e.getAttribute("title") === "우주 협력: 발사장 상징"));
    assert.equal(await page.locator(".dari-segment").first().locator(".dari-theme-chips-ko").getAttribute("title"), "한국어: 우주 협력, 외교");
  });
});

test("Korean typed through an IME inside a tagged span and at its edges keeps the tag and every syllable", async () => {
  await withCodebook(async (app) => {
    const { page } = app;
    const cdp = await app.cdp();
    const original = (await sideLocator(page, 0, "ko").textContent())!;
    await selectText(page, 0, "ko", "보스토치니 우주기지");
    await page.keyboard.press("Alt+1");

    // Inside: after 보스토.
    await selectText(page, 0, "ko", "보스토치니", 3);
    await typeKoreanIME(cdp, ["ㅎ", "하", "한"], "한");
    // At the end edge: after 우주기지.
    await selectText(page, 0, "ko", "우주기지", 4);
    await typeKoreanIME(cdp, ["ㄱ", "그", "글"], "글");
    // At the start edge: before 보스토.
    await selectText(page, 0, "ko", "보스토한", 0);
    await typeKoreanIME(cdp, ["ㄷ", "다"], "다");

    const doc = await docOf(page);
    const ko = sideText(doc.firstChild!.firstChild!, "ko");
    assert.equal(ko, original.replace("보스토치니 우주기지", "다보스토한치니 우주기지글"), "every syllable is there, in place");
    const tags = allAnnotations(doc);
    assert.equal(new Set(tags.map((t) => t.id)).size, 1, "still one annotation");
    const tagged = tags.map((t) => doc.textBetween(t.from, t.to)).join("");
    assert.match(tagged, /^다?보스토한치니 우주기지글$/, "the tag covers the span with what was typed inside and at its end");
    assert.equal(await page.locator(".dari-segment").first().locator(".dari-ko .dari-themed").count(), 1);
  });
});

test("the Themes panel counts per language, filters the editor, lists one-sided tags and copies them across; pictures follow", async () => {
  await withCodebook(async ({ page }) => {
    await selectText(page, 0, "ko", "보스토치니 우주기지");
    await page.keyboard.press("Alt+1");
    await page.locator('button[data-panel="themes"]').click();
    const row = page.locator('.dari-themes-table tr[data-code="space"]');
    const count = (k: string) => row.locator(`[data-count="${k}"]`).textContent();
    assert.deepEqual([await count("ko-annotations"), await count("ko-segments"), await count("en-annotations"), await count("en-segments")], ["1", "1", "0", "0"]);

    // Tagged on one side only, then copied to the English side.
    const oneSided = page.locator(".dari-one-sided li[data-code]");
    assert.equal(await oneSided.count(), 1, (await oneSided.allTextContents()).join(" / "));
    await oneSided.locator(".dari-copy-tags").click();
    await page.waitForFunction(() => document.querySelectorAll(".dari-one-sided li[data-code]").length === 0);
    await page.waitForFunction(() => document.querySelector('.dari-themes-table tr[data-code="space"] [data-count="en-annotations"]')?.textContent === "1");
    // The aligned phrase is underlined, not the whole English side (issue 17.6), and the status bar says so.
    const en0 = page.locator(".dari-segment").first().locator(".dari-en");
    assert.equal((await en0.locator(".dari-themed").allTextContents()).join(""), "Vostochny Cosmodrome");
    await page.waitForFunction(() => document.querySelector(".dari-message")?.textContent === "Tags copied to the aligned phrase on the other side");
    assert.equal(await page.locator(".dari-segment").first().locator(".dari-theme-chips-en .dari-theme-chip").count(), 1);

    // Filter: only the tagged segment stays; the others fold away.
    const total = await page.locator(".dari-segment").count();
    await row.locator('input[type="checkbox"]').check();
    await page.waitForFunction((n) => document.querySelectorAll(".dari-segment.dari-folded").length === n - 1, total);
    assert.equal(await page.locator(".dari-segment:not(.dari-folded)").count(), 1);
    await page.getByRole("button", { name: "Show all segments" }).click();
    await page.waitForFunction(() => document.querySelectorAll(".dari-segment.dari-folded").length === 0);

    // The co-occurrence matrix counts the segment once for space × space, and updates on a new tag.
    const cell = (a: string, b: string) => page.locator(`.dari-matrix-cell[data-a="${a}"][data-b="${b}"]`);
    assert.equal(await cell("space", "space").getAttribute("data-n"), "1");
    assert.equal(await cell("space", "diplomacy").getAttribute("data-n"), "0");
    await selectText(page, 0, "en", "summit");
    await page.keyboard.press("Alt+9");
    await page.waitForFunction(() => document.querySelector('.dari-matrix-cell[data-a="space"][data-b="diplomacy"]')?.getAttribute("data-n") === "1");
    // Clicking the portrait's last row goes to the last segment.
    const portrait = page.locator(".dari-portrait");
    await portrait.scrollIntoViewIfNeeded();
    const box = (await portrait.boundingBox())!;
    await portrait.click({ position: { x: 5, y: box.height - 4 } });
    const here = await page.evaluate(() => {
      const app = (window as unknown as { dariApp: { editor: { state: { selection: { from: number }; doc: { content: { size: number } } } } } }).dariApp;
      return app.editor.state.doc.content.size - app.editor.state.selection.from;
    });
    assert.ok(here < 400, `the cursor is in the last segment (${here} from the end)`);
  });
});

test("a keyword suggestion is accepted from its popover and then becomes a tag", async () => {
  await withCodebook(async ({ page }) => {
    const sug = page.locator(".dari-segment").first().locator(".dari-ko .dari-suggestion", { hasText: "우주기지" });
    // Suggestions are off until the analyst switches them on.
    assert.equal(await page.locator(".dari-suggestion").count(), 0);
    await page.locator('.dari-toolbar [data-action="themes-suggestions"]').click();
    await sug.scrollIntoViewIfNeeded();
    assert.equal(await sug.getAttribute("data-code"), "space");
    await sug.click();
    const accept = page.locator(".dari-theme-popover .dari-suggest-accept");
    await accept.waitFor({ state: "visible" });
    assert.equal(await accept.textContent(), "Tag as Space cooperation");
    await accept.click();
    const tagged = page.locator(".dari-segment").first().locator(".dari-ko .dari-themed");
    await tagged.waitFor();
    assert.equal(await tagged.textContent(), "우주기지");
    assert.equal(await page.locator(".dari-segment").first().locator(".dari-ko .dari-suggestion", { hasText: "우주기지" }).count(), 0);
  });
});

test("the Codebook panel adds, renames, recolours, nests, reorders and deletes themes, asking about the tags; undo restores", async () => {
  await withCodebook(async ({ page }) => {
    const code = (id: string) => page.locator(`.dari-code[data-code="${id}"]`);
    const codebook = () => page.evaluate(`JSON.stringify(JSON.parse(window.dariApp.projectText()).codebook)`).then((s) => JSON.parse(s as string) as { id: string; label: { ko: string; en: string }; color: string; parent: string | null }[]);

    // Add.
    await page.locator(".dari-add-ko").fill("에너지");
    await page.locator(".dari-add-en").fill("Energy");
    await page.getByRole("button", { name: "Add theme" }).click();
    await page.waitForFunction(() => document.querySelectorAll(".dari-code").length === 10);
    assert.deepEqual((await codebook()).at(-1)!.label, { ko: "에너지", en: "Energy" });

    // Rename in English, recolour.
    const en = code("arms").locator('input[data-field="arms:en"]');
    await en.fill("Arms transfers");
    await en.press("Enter");
    await page.waitForFunction(() => (document.querySelector('.dari-code[data-code="arms"] input[data-field="arms:en"]') as HTMLInputElement)?.value === "Arms transfers");
    await code("arms").locator('input[type="color"]').evaluate((el: HTMLInputElement) => {
      el.value = "#112233";
      el.dispatchEvent(new Event("change", { bubbles: true }));
    });
    await page.waitForFunction(() => (document.querySelector('.dari-code[data-code="arms"] input[type="color"]') as HTMLInputElement)?.value === "#112233");
    let cb = await codebook();
    assert.deepEqual([cb[1].label.en, cb[1].color], ["Arms transfers", "#112233"]);

    // Nest arms under the theme above (space), then reorder diplomacy up.
    await code("arms").locator('[data-action="indent"]').click();
    await page.waitForFunction(() => getComputedStyle(document.querySelector('.dari-code[data-code="arms"]')!).marginLeft !== "0px");
    await code("diplomacy").locator('[data-action="up"]').click();
    await page.waitForFunction(() => Array.from(document.querySelectorAll(".dari-code")).map((e) => e.getAttribute("data-code")).indexOf("diplomacy") === 7);
    cb = await codebook();
    assert.equal(cb.find((c) => c.id === "arms")!.parent, "space");

    // A theme's own key: Alt+w tags with arms once w is its key.
    const key = code("arms").locator('input[data-field="arms:shortcut"]');
    await key.fill("w");
    await key.press("Enter");
    await page.waitForFunction(() => JSON.parse((window as unknown as { dariApp: { projectText(): string } }).dariApp.projectText()).codebook[1].shortcut === "w");
    await selectText(page, 0, "en", "Vostochny Cosmodrome");
    await page.keyboard.press("Alt+w");
    await page.waitForFunction(() => !!document.querySelector('.dari-en .dari-themed[data-themes="arms"]'));

    // Tag with arms through the panel, then delete arms and move its tags to diplomacy.
    await selectText(page, 0, "ko", "북러 정상회담");
    await code("arms").locator('[data-action="apply"]').click();
    await page.waitForFunction(() => !!document.querySelector('.dari-ko .dari-themed[data-themes="arms"]'));
    await code("arms").locator('[data-action="delete"]').click();
    const dialog = page.locator(".dari-dialog");
    await dialog.waitFor();
    assert.match((await dialog.textContent()) ?? "", /2 tagged spans use this theme/);
    await dialog.locator("select").selectOption("diplomacy");
    await dialog.getByRole("button", { name: /Move them to/ }).click();
    await page.waitForFunction(() => !document.querySelector('.dari-code[data-code="arms"]'));
    assert.equal((await page.locator('.dari-segment').first().locator('.dari-ko .dari-themed[data-themes="diplomacy"]').allTextContents()).join(""), "북러 정상회담");
    assert.ok(!(await codebook()).some((c) => c.id === "arms"));

    // Undo brings back the theme and its tag together.
    await page.locator(".ProseMirror").focus();
    await page.keyboard.press("Control+z");
    await page.waitForFunction(() => !!document.querySelector('.dari-code[data-code="arms"]'));
    // (Other decorations, such as a suggestion, may split the underlined text into several spans.)
    assert.equal((await page.locator('.dari-segment').first().locator('.dari-ko .dari-themed[data-themes="arms"]').allTextContents()).join(""), "북러 정상회담");
  });
});

test("the codebook goes out to a .qdc file and a .qdc from another tool comes in; a broken one is refused with its name", async () => {
  await withCodebook(async (app) => {
    const { page } = app;
    const out = join(app.tmp, "codebook.qdc");
    app.dialogs.exportAnswers.push(out);
    await page.locator('[data-action="export-qdc"]').click();
    await page.waitForFunction(() => /codebook\.qdc/.test(document.querySelector(".dari-message")?.textContent ?? ""));
    assert.ok(existsSync(out));
    const exported = importQdc(readFileSync(out, "utf8"), out);
    assert.equal(exported.length, 9);
    assert.deepEqual(exported[0].label, { ko: "우주 협력", en: "Space cooperation" });

    const maxqda = join(app.tmp, "maxqda.qdc");
    writeFileSync(maxqda, `<?xml version="1.0" encoding="utf-8"?>
<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="MAXQDA">
  <Codes>
    <Code guid="0a1b2c3d-0000-4000-8000-000000000001" name="에너지 안보" isCodable="true" color="#123456"><Description>가스관과 원유</Description></Code>
  </Codes>
</CodeBook>`);
    await page.locator(".dari-qdc-input").setInputFiles(maxqda);
    await page.waitForFunction(() => document.querySelectorAll(".dari-code").length === 10);
    assert.equal(await page.locator(".dari-code").last().locator('input[data-field$=":ko"]').inputValue(), "에너지 안보");

    const broken = join(app.tmp, "broken.qdc");
    writeFileSync(broken, "<CodeBook><Codes>");
    await page.locator(".dari-qdc-input").setInputFiles(broken);
    await page.waitForFunction(() => /broken\.qdc is not valid XML/.test(document.querySelector(".dari-message")?.textContent ?? ""));
    assert.equal(await page.locator(".dari-code").count(), 10, "nothing changed");
  });
});

test("the Themes panel steps through a theme's places, searches its themes, and the heat map leads to where two themes meet", async () => {
  await withCodebook(async (app) => {
    const { page } = app;
    const current = () => page.locator(".dari-segment").evaluateAll((els) => els.findIndex((e) => e.classList.contains("dari-current")));
    // Nothing selected: Alt+n tags the whole segment (both sides).
    const tag = async (segment: number, key: string) => {
      await selectText(page, segment, "ko", (await sideLocator(page, segment, "ko").textContent())!.slice(0, 2), 0);
      await page.keyboard.press(key);
    };
    await tag(2, "Alt+1");
    await tag(6, "Alt+1");
    await tag(6, "Alt+2");
    await page.locator('button[data-panel="themes"]').click();
    const row = page.locator('.dari-themes-table tr[data-code="space"]');
    await row.waitFor();
    // From the top of the document, clicked into as a user would.
    await focusSide(page, 0, "ko", "start");
    // One stop per tagged range: the Korean and then the English side of each segment.
    const stops: number[] = [];
    for (let i = 0; i < 5; i++) {
      await row.locator(".dari-step").last().click();
      stops.push(await current());
    }
    assert.deepEqual(stops, [2, 2, 6, 6, 2], "in document order, wrapping around");
    await row.locator(".dari-step").first().click();
    assert.equal(await current(), 6, "and back");

    await page.locator(".dari-themes-search").fill("arms");
    await page.waitForFunction(() => document.querySelectorAll(".dari-themes-table tr[data-code]").length === 1);
    assert.equal(await page.locator(".dari-themes-table tr[data-code]").getAttribute("data-code"), "arms");
    await page.locator(".dari-themes-search").fill("");

    await focusSide(page, 0, "ko", "start");
    const cell = page.locator('.dari-matrix-cell[data-a="space"][data-b="arms"]');
    assert.equal(await cell.getAttribute("data-n"), "1");
    await cell.click();
    assert.equal(await current(), 6, "the one segment with both themes");
  });
});
