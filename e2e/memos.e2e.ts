// Memos as a real feature (issue 17.5) and tags copied to the aligned phrase
// of the other side (17.6), as an analyst uses them: a memo written on
// demand over several lines, saved with Ctrl+Enter and marked in the text;
// every span and memo listed in the Themes panel; a Korean tag copied to the
// English phrase that says the same thing, or to the whole segment, saying so.
import { test } from "node:test";
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { Node as PMNode } from "prosemirror-model";
import { useBrowser, withApp, typeKoreanIME } from "./helpers";
import { schema } from "../app/schema";
import { allAnnotations } from "../app/themes/annotations";

const browser = useBrowser();

/** Selects a phrase (or with `caret`, puts the cursor at that offset in it) in one side of the n-th segment (-1: the first that has it), through the editor. */
async function select(page: Page, n: number, side: "ko" | "en", phrase: string, caret?: number): Promise<void> {
  // A string, not a function: tsx adds helpers to a function's source that the page lacks.
  await page.evaluate(`(() => {
    const [n, side, phrase, caret] = ${JSON.stringify([n, side, phrase, caret ?? null])};
    const view = window.dariApp.editor;
    let i = 0, at = -1;
    view.state.doc.descendants((node, pos) => {
      if (at >= 0 || node.type.name !== "segment") return at < 0 && node.type.name === "passage" || node.type.name === "doc";
      const text = node.child(side === "ko" ? 0 : 1);
      const k = text.textContent.indexOf(phrase);
      if (i++ === n || (n < 0 && k >= 0)) {
        if (k < 0) throw new Error("not found: " + phrase);
        at = pos + 2 + (side === "ko" ? 0 : node.child(0).nodeSize) + k;
      }
      return false;
    });
    const from = caret === null ? at : at + caret;
    const to = caret === null ? at + phrase.length : from;
    view.focus();
    view.dispatch(view.state.tr.setSelection(view.state.selection.constructor.create(view.state.doc, from, to)).scrollIntoView());
  })()`);
}

async function docOf(page: Page): Promise<PMNode> {
  const json = await page.evaluate(() => (window as unknown as { dariApp: { editor: { state: { doc: { toJSON(): unknown } } } } }).dariApp.editor.state.doc.toJSON());
  return PMNode.fromJSON(schema, json);
}

const message = (page: Page, text: string) => page.waitForFunction((t) => document.querySelector(".dari-message")?.textContent === t, text);

test("a memo is written on demand over several lines, saved with Ctrl+Enter, marked in the text, and every span with its memo is listed in the Themes panel", async () => {
  await withApp(browser(), async (app) => {
    const { page } = app;
    await select(page, 0, "ko", "보스토치니 우주기지");
    await page.keyboard.press("Alt+1");
    const editor = page.locator(".dari-memo-editor");
    assert.ok(await editor.isHidden(), "no memo editor until asked for");

    // The key opens the memo of the tag at the cursor; Enter adds a line, Ctrl+Enter saves and says so.
    await select(page, 0, "ko", "우주기지", 2);
    await page.keyboard.press("Control+Alt+m");
    await editor.waitFor({ state: "visible" });
    assert.equal(await editor.getAttribute("aria-label"), "Memo on Space cooperation");
    assert.ok(await editor.locator("textarea").evaluate((el) => el === document.activeElement), "the memo takes the typing");
    await page.keyboard.type("발사장 상징");
    await page.keyboard.press("Enter");
    await page.keyboard.type("둘째 줄");
    await page.keyboard.press("Control+Enter");
    await editor.waitFor({ state: "hidden" });
    await message(page, "Memo saved on Space cooperation");
    assert.deepEqual(allAnnotations(await docOf(page)).map((r) => r.note), ["발사장 상징\n둘째 줄"]);
    assert.ok(await page.evaluate(() => document.activeElement?.classList.contains("ProseMirror")), "back in the text");

    // The span is marked; the mark is named by its memo and opens it again. Escape closes without saving.
    const mark = page.locator(".dari-segment").first().locator(".dari-ko .dari-memo-mark");
    assert.equal(await mark.count(), 1);
    assert.equal(await mark.getAttribute("aria-label"), "Memo: 발사장 상징 둘째 줄");
    await mark.click();
    await editor.waitFor({ state: "visible" });
    assert.equal(await editor.locator("textarea").inputValue(), "발사장 상징\n둘째 줄");
    await page.keyboard.type(" 지우지 말 것");
    await page.keyboard.press("Escape");
    await editor.waitFor({ state: "hidden" });
    assert.deepEqual(allAnnotations(await docOf(page)).map((r) => r.note), ["발사장 상징\n둘째 줄"], "Escape keeps the memo as it was");
    // Opened and left for the text unchanged, it goes away by itself.
    await page.keyboard.press("Control+Alt+m");
    await editor.waitFor({ state: "visible" });
    await page.locator(".dari-segment").nth(1).locator(".dari-ko").click();
    await editor.waitFor({ state: "hidden" });

    // Korean typed through an IME right after the mark's span keeps every syllable, the tag and one mark.
    const before = (await docOf(page)).firstChild!.firstChild!.child(0).textContent;
    await select(page, 0, "ko", "우주기지", 4);
    await typeKoreanIME(await app.cdp(), ["ㅎ", "하", "한"], "한");
    assert.equal((await docOf(page)).firstChild!.firstChild!.child(0).textContent, before.replace("우주기지", "우주기지한"));
    assert.equal(await mark.count(), 1);
    await page.keyboard.press("Backspace");
    assert.equal((await docOf(page)).firstChild!.firstChild!.child(0).textContent, before);

    // No tag at the cursor: the key says so.
    await select(page, 1, "ko", "정상회담", 0);
    await page.keyboard.press("Control+Alt+m");
    await message(page, "No tag at the cursor to write a memo on");
    assert.ok(await editor.isHidden());

    // The key is in the shortcut list and the palette.
    await page.keyboard.press("F1");
    const help = page.locator(".dari-shortcuts");
    await help.waitFor();
    assert.match((await help.textContent())!, /Ctrl\+Alt\+M\s*Write the memo of the tag at the cursor/);
    await page.keyboard.press("Escape");
    await page.keyboard.press("Control+Shift+P");
    await page.locator(".dari-palette-input").fill("memo");
    const entry = page.locator('.dari-palette-item[data-command="themes-memo"]');
    assert.equal(await entry.locator(".dari-palette-label").textContent(), "Write a memo");
    assert.equal(await entry.locator(".dari-palette-key").textContent(), "Ctrl+Alt+M");
    await page.keyboard.press("Escape");

    // Two more tags, one far down; the Themes panel lists all three with their memos and goes to each.
    await select(page, 0, "en", "summit");
    await page.keyboard.press("Alt+9");
    await select(page, -1, "ko", "5만 톤의 밀");
    await page.keyboard.press("Alt+3");
    await page.locator('button[data-panel="themes"]').click();
    const items = page.locator(".dari-spans li[data-annotation]");
    await page.waitForFunction(() => document.querySelectorAll(".dari-spans li[data-annotation]").length === 3);
    assert.deepEqual(await items.locator(".dari-span-text").allTextContents(), ["보스토치니 우주기지", "summit", "5만 톤의 밀"]);
    assert.match((await items.first().textContent())!, /Space cooperation · Segment 1 · Korean/);
    assert.equal(await items.first().locator(".dari-span-memo").textContent(), "발사장 상징\n둘째 줄");
    await page.locator(".dari-spans-memos").check();
    await page.waitForFunction(() => document.querySelectorAll(".dari-spans li[data-annotation]").length === 1);
    await page.locator(".dari-spans-memos").uncheck();
    await page.waitForFunction(() => document.querySelectorAll(".dari-spans li[data-annotation]").length === 3);
    // Back to the top, then a click on the last span selects it, in the middle of the editor.
    await select(page, 0, "ko", "보스토치니", 0);
    await items.nth(2).locator(".dari-span-go").click();
    const selected = await page.evaluate(() => {
      const view = (window as unknown as { dariApp: { editor: { state: { selection: { from: number; to: number }; doc: { textBetween(a: number, b: number): string } } } } }).dariApp.editor;
      return view.state.doc.textBetween(view.state.selection.from, view.state.selection.to);
    });
    assert.equal(selected, "5만 톤의 밀");
    await page.waitForFunction(() => {
      const sel = window.getSelection();
      const scroller = document.querySelector(".dari-editor-scroll")!.getBoundingClientRect();
      if (!sel || !sel.rangeCount) return false;
      const r = sel.getRangeAt(0).getBoundingClientRect();
      return r.top > scroller.top + scroller.height * 0.2 && r.bottom < scroller.bottom - scroller.height * 0.2;
    });

    // The mark's name follows the UI language.
    await app.menu("language:ko");
    await page.waitForFunction(() => document.querySelector(".dari-memo-mark")?.getAttribute("aria-label") === "메모: 발사장 상징 둘째 줄");
  });
});

test("a Korean tag copied to the English tags the aligned phrase; with no phrase found, the whole segment, and the status bar says so in the UI language", async () => {
  await withApp(browser(), async (app) => {
    const { page } = app;
    const en0 = page.locator(".dari-segment").first().locator(".dari-en");
    await select(page, 0, "ko", "2023년 9월 13일");
    await page.keyboard.press("Alt+1");
    await page.locator('[data-action="themes-copy-ko-en"]').click();
    await message(page, "Tags copied to the aligned phrase on the other side");
    assert.equal((await en0.locator(".dari-themed").allTextContents()).join(""), "13 September 2023");

    // Nothing in 전 세계의 이목 anchors it: the whole English side, and a Korean message in the Korean UI.
    await app.menu("language:ko");
    await select(page, 0, "ko", "전 세계의 이목");
    await page.keyboard.press("Alt+9");
    await page.locator('[data-action="themes-copy-ko-en"]').click();
    await message(page, "대응 구절을 찾지 못해 세그먼트 전체에 태그했습니다");
    let doc = await docOf(page);
    const english = allAnnotations(doc).filter((r) => r.side === "en").map((r) => [r.code, doc.textBetween(r.from, r.to)]);
    assert.deepEqual(english, [
      ["diplomacy", doc.firstChild!.firstChild!.child(1).textContent],
      ["space", "13 September 2023"],
    ]);

    // A word pair learned from the analyst's memory (stored by the memory panel) finds what nothing else does.
    await page.evaluate(() => localStorage.setItem("dari.learnedLexicon", JSON.stringify([{ ko: "사건", en: "event", dice: 0.8, count: 6 }])));
    await select(page, 0, "ko", "중요한 사건");
    await page.keyboard.press("Alt+2");
    await page.locator('[data-action="themes-copy-ko-en"]').click();
    await message(page, "태그를 반대쪽의 대응 구절에 복사했습니다");
    doc = await docOf(page);
    const arms = allAnnotations(doc).filter((r) => r.side === "en" && r.code === "arms");
    assert.deepEqual(arms.map((r) => doc.textBetween(r.from, r.to)), ["important event"]);
  });
});
