// The editor as a user meets it: the sample opens, Korean typed through an
// IME and English typed by keys land on their sides, undo, save, reopen,
// keyboard movement, structure that cannot be broken, the UI language, and
// not a single network request.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { useBrowser, withApp, typeKoreanIME, focusSide, sideLocator, launchApp } from "./helpers";
import { parseProject } from "../app/document";
import { sideText } from "../app/schema";

const browser = useBrowser();


test("the sample opens with Korean on the left and English on the right", async () => {
  await withApp(browser(), async ({ page }) => {
    const first = page.locator(".dari-segment").first();
    assert.equal(await first.locator(".dari-ko").getAttribute("lang"), "ko");
    assert.equal(await first.locator(".dari-en").getAttribute("lang"), "en");
    assert.match((await first.locator(".dari-ko").textContent()) ?? "", /보스토치니 우주기지/);
    assert.match((await first.locator(".dari-en").textContent()) ?? "", /Vostochny Cosmodrome/);
    const koBox = (await first.locator(".dari-ko").boundingBox())!;
    const enBox = (await first.locator(".dari-en").boundingBox())!;
    assert.ok(koBox.x < enBox.x, "Korean is left of English");
    assert.equal(await first.getAttribute("data-n"), "1");
    assert.match(await page.title(), /Dari/);
  });
});

test("Korean through an IME, English by keys, undo, save, reopen and find the text", async () => {
  await withApp(browser(), async (app) => {
    const { page } = app;
    const ko0 = (await sideLocator(page, 0, "ko").textContent())!;
    await focusSide(page, 0, "ko");
    const cdp = await app.cdp();
    await typeKoreanIME(cdp, ["ㅎ", "하", "한"], "한");
    await typeKoreanIME(cdp, ["ㄱ", "그", "글"], "글");
    assert.equal(await sideLocator(page, 0, "ko").textContent(), ko0 + "한글", "every syllable lands, nothing else changes");

    await page.keyboard.press("Tab");
    await page.keyboard.type(" Bridge!");
    assert.match((await sideLocator(page, 0, "en").textContent()) ?? "", / Bridge!$/);
    assert.match(await page.title(), /•/, "the title shows unsaved changes");

    await page.keyboard.press("Control+z");
    assert.doesNotMatch((await sideLocator(page, 0, "en").textContent()) ?? "", /Bridge!/);
    await page.keyboard.press("Control+y");
    assert.match((await sideLocator(page, 0, "en").textContent()) ?? "", / Bridge!$/);

    const target = join(app.tmp, "mine.dari");
    app.dialogs.saveAnswers.push(target);
    await page.keyboard.press("Control+s");
    await page.waitForFunction(() => !document.title.includes("•"));
    assert.match(await page.title(), /^mine\.dari — Dari$/);
    const saved = parseProject(await readFile(target, "utf8"));
    const seg = saved.doc.firstChild!.firstChild!;
    assert.match(sideText(seg, "ko"), /한글$/);
    assert.match(sideText(seg, "en"), / Bridge!$/);

    // Another project, then the saved one again through File › Open.
    await app.menu("new");
    await page.waitForFunction(() => document.querySelectorAll(".dari-segment").length === 1);
    app.dialogs.openProjectAnswers.push(target);
    await page.keyboard.press("Control+o");
    await page.waitForFunction(() => document.title.startsWith("mine.dari"));
    assert.match((await sideLocator(page, 0, "ko").textContent()) ?? "", /한글$/);
    assert.match((await sideLocator(page, 0, "en").textContent()) ?? "", / Bridge!$/);
    assert.ok(await page.getByText("Bridge!").isVisible());
  });
});

test("editing at the edges never merges or deletes a side", async () => {
  await withApp(browser(), async ({ page }) => {
    const ko0 = (await sideLocator(page, 0, "ko").textContent())!;
    const en0 = (await sideLocator(page, 0, "en").textContent())!;
    const segments = await page.locator(".dari-segment").count();
    await focusSide(page, 0, "en", "start");
    for (let i = 0; i < 3; i++) await page.keyboard.press("Backspace");
    await focusSide(page, 0, "ko", "end");
    for (let i = 0; i < 3; i++) await page.keyboard.press("Delete");
    await page.keyboard.press("Enter");
    assert.equal(await sideLocator(page, 0, "ko").textContent(), ko0);
    assert.equal(await sideLocator(page, 0, "en").textContent(), en0);
    assert.equal(await page.locator(".dari-segment").count(), segments);
    // A selection across sides deletes text side by side, never joins them.
    await focusSide(page, 0, "ko", "end");
    for (let i = 0; i < 4; i++) await page.keyboard.press("Shift+ArrowLeft");
    await page.keyboard.press("Shift+Tab"); // stays put: Shift+Tab from Korean goes to the previous segment (none)
    await focusSide(page, 1, "ko", "start");
    await page.keyboard.down("Shift");
    await page.keyboard.press("ArrowUp");
    await page.keyboard.up("Shift");
    await page.keyboard.press("Backspace");
    assert.equal(await page.locator(".dari-segment").count(), segments);
    assert.ok(((await sideLocator(page, 1, "ko").textContent()) ?? "").length > 0);
  });
});

test("the keyboard moves between sides and segments", async () => {
  await withApp(browser(), async ({ page }) => {
    await focusSide(page, 0, "ko");
    await page.keyboard.press("Tab");
    await page.keyboard.type("X");
    assert.match((await sideLocator(page, 0, "en").textContent())!, /X$/);
    await page.keyboard.press("Tab");
    await page.keyboard.type("Y");
    assert.match((await sideLocator(page, 1, "ko").textContent())!, /Y$/);
    await page.keyboard.press("Alt+ArrowDown");
    await page.keyboard.type("Z");
    assert.match((await sideLocator(page, 2, "ko").textContent())!, /Z$/);
    await page.keyboard.press("Shift+Tab");
    await page.keyboard.type("W");
    assert.match((await sideLocator(page, 1, "en").textContent())!, /W$/);
    assert.match((await page.locator(".dari-position").textContent())!, /English/);
  });
});

test("the UI language switches at runtime and is remembered", async () => {
  await withApp(browser(), async (app) => {
    const { page } = app;
    assert.equal(await page.locator(".dari-menu-title").first().textContent(), "File");
    await page.locator(".dari-menu-title", { hasText: "View" }).click();
    await page.locator(".dari-menu-item", { hasText: "UI Language" }).click();
    await page.locator('.dari-menu-item[data-command="language:ko"]').click();
    await page.waitForFunction(() => document.documentElement.lang === "ko");
    const titles = await page.locator(".dari-menu-title").allTextContents();
    assert.deepEqual(titles, ["파일", "편집", "세그먼트", "보기", "도움말"]);
    assert.equal(await page.locator('.dari-toolbar button[data-action="save"]').getAttribute("aria-label"), "저장");
    assert.match((await page.locator(".dari-position").textContent())!, /단락 \d+ · 세그먼트 \d+/);
    // The choice is saved right after the switch; wait for it rather than race it.
    const deadline = Date.now() + 5000;
    let saved: string | null = null;
    while (Date.now() < deadline && saved !== "ko") {
      saved = await readFile(join(app.userData, "settings.json"), "utf8").then((t) => JSON.parse(t).uiLanguage, () => null);
      if (saved !== "ko") await page.waitForTimeout(50);
    }
    assert.equal(saved, "ko");
  });
});

test("the first run follows the OS locale", async () => {
  await withApp(
    browser(),
    async ({ page }) => {
      assert.equal(await page.locator(".dari-menu-title").first().textContent(), "파일");
    },
    { locale: "ko-KR" },
  );
});

test("closing with unsaved changes asks first; a bad file is refused with its place", async () => {
  await withApp(browser(), async (app) => {
    const { page } = app;
    await focusSide(page, 0, "en");
    await page.keyboard.type("?");
    app.dialogs.discardAnswers.push("cancel");
    await app.menu("close");
    await page.waitForFunction(() => document.title.includes("•"));
    assert.deepEqual(app.dialogs.asked.filter((a) => a.startsWith("confirmDiscard")), ["confirmDiscard:북러 정상회담과 우주 협력"], "an unsaved project goes by its title");

    const bad = join(app.tmp, "bad.dari");
    await writeFile(bad, JSON.stringify({ format: "dari", version: 2, doc: { type: "doc", content: [{ type: "passage", attrs: { id: "p" }, content: [{ type: "segment", attrs: { id: "s", status: "done" }, content: [{ type: "ko" }, { type: "en" }] }] }] } }));
    app.dialogs.discardAnswers.push("discard");
    app.dialogs.openProjectAnswers.push(bad);
    await app.menu("open");
    const dialog = page.locator(".dari-dialog");
    await dialog.waitFor();
    assert.match((await dialog.textContent())!, /bad\.dari.*passage 1 › segment 1 › attrs › status.*“done” is not a segment status/s);
    assert.equal(await readFile(bad, "utf8").then((t) => JSON.parse(t).doc.content[0].content[0].attrs.status), "done", "the bad file is untouched");
    await page.keyboard.press("Escape");
  });
});

test("the Segment menu carries out the alignment commands on the current segment", async () => {
  await withApp(browser(), async ({ page }) => {
    await focusSide(page, 1, "ko");
    await page.locator(".dari-menu-title", { hasText: "Segment" }).click();
    const item = page.locator('.dari-menu-item[data-command="align:confirm"]');
    assert.match((await item.textContent())!, /Ctrl\+Alt\+C/);
    await item.click();
    assert.equal(await page.locator(".dari-segment").nth(1).getAttribute("data-confirmed"), "true");
    assert.equal(await page.locator(".dari-segment").nth(0).getAttribute("data-confirmed"), "false");
  });
});

test("after a crash, the edits autosaved before it are offered back on the next start", async () => {
  const first = await launchApp({ browser: browser() });
  const userData = first.userData;
  try {
    await focusSide(first.page, 2, "en");
    await first.page.keyboard.type(" (recovered)");
    // The recovery copy is written after 3 s without typing.
    await first.page.waitForFunction(() => /Recovery copy saved/.test(document.querySelector(".dari-message")?.textContent ?? ""), null, { timeout: 10000 });
    // The window dies without saving: no prompt, nothing written to a project file.
    await first.page.context().close();
    const second = await launchApp({ browser: browser(), userData, until: "dialog" });
    try {
      const dialog = second.page.locator(".dari-dialog");
      await dialog.waitFor();
      assert.match((await dialog.textContent())!, /Recover unsaved work\?/);
      await dialog.getByRole("button", { name: "Restore" }).click();
      await second.page.waitForFunction(() => !!(window as unknown as { dariApp?: unknown }).dariApp);
      assert.match((await sideLocator(second.page, 2, "en").textContent())!, / \(recovered\)$/);
      assert.match(await second.page.title(), /•/, "restored work is unsaved until saved");
    } finally {
      await second.close();
    }
  } finally {
    await first.close().catch(() => {});
  }
});

test("copy and paste between the sides, and cut within a side, keep the structure", async () => {
  await withApp(browser(), async ({ page }) => {
    const segments = await page.locator(".dari-segment").count();
    const ko = sideLocator(page, 0, "ko");
    // Select the first word of the Korean side and copy it.
    await ko.evaluate((node) => {
      const text = node.firstChild!.nodeType === 3 ? node.firstChild! : document.createTreeWalker(node, NodeFilter.SHOW_TEXT).nextNode()!;
      const range = document.createRange();
      range.setStart(text, 0);
      range.setEnd(text, (text.textContent ?? "").indexOf(" "));
      const sel = window.getSelection()!;
      sel.removeAllRanges();
      sel.addRange(range);
    });
    await page.waitForTimeout(30);
    const word = (await ko.textContent())!.split(" ")[0];
    assert.equal(await page.evaluate(() => window.getSelection()!.toString()), word, "the word is selected");
    await page.keyboard.press("Control+c");
    await page.waitForTimeout(50);
    await focusSide(page, 0, "en");
    await page.keyboard.type(" ");
    await page.keyboard.press("Control+v");
    await page.waitForTimeout(50);
    const en = (await sideLocator(page, 0, "en").textContent())!;
    assert.ok(en.endsWith(` ${word}`), `the Korean word “${word}” is pasted at the end of the English side: …${en.slice(-30)}`);
    // Cut the pasted word again: only that side changes.
    await sideLocator(page, 0, "en").evaluate((node, w) => {
      const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
      let last: Node | null = null;
      for (let n = walker.nextNode(); n; n = walker.nextNode()) last = n;
      const range = document.createRange();
      range.setStart(last!, last!.textContent!.length - w.length);
      range.setEnd(last!, last!.textContent!.length);
      const sel = window.getSelection()!;
      sel.removeAllRanges();
      sel.addRange(range);
    }, word);
    await page.waitForTimeout(30);
    await page.keyboard.press("Control+x");
    await page.waitForTimeout(50);
    const after = (await sideLocator(page, 0, "en").textContent())!;
    assert.ok(after.endsWith(" "), `the cut word is gone: …${after.slice(-20)} (selection was “${await page.evaluate(() => window.getSelection()!.toString())}”)`);
    assert.ok((await ko.textContent())!.startsWith(word), "the Korean side is untouched");
    assert.equal(await page.locator(".dari-segment").count(), segments, "no segment is lost or made");
  });
});

test("the side panels open from the keyboard and Escape returns to the text", async () => {
  await withApp(browser(), async ({ page }) => {
    await focusSide(page, 0, "en");
    await page.keyboard.press("Control+Shift+5");
    const sidebar = page.locator(".dari-sidebar");
    await page.locator('.dari-sidebar-tabs [aria-selected="true"]', { hasText: "QA" }).waitFor();
    assert.ok(await sidebar.evaluate((el) => el.contains(document.activeElement)), "focus is in the panel");
    await page.keyboard.press("Escape");
    assert.ok(await page.locator(".ProseMirror").evaluate((el) => el.contains(document.activeElement)), "focus is back in the editor");
    await page.keyboard.press("Control+Shift+1");
    await page.locator('.dari-sidebar-tabs [aria-selected="true"]', { hasText: "Themes" }).waitFor();
    // The View menu lists the same panels with their keys.
    await page.locator(".dari-menu-title", { hasText: "View" }).click();
    await page.locator(".dari-menu-item", { hasText: "Panels" }).click();
    assert.match((await page.locator('.dari-menu-item[data-command="panel:glossary"]').textContent())!, /Glossary.*Ctrl\+Shift\+4/);
    await page.locator('.dari-menu-item[data-command="panel:glossary"]').click();
    await page.locator('.dari-sidebar-tabs [aria-selected="true"]', { hasText: "Glossary" }).waitFor();
  });
});

test("File › Open Recent reopens a saved project; View › Layout stacks the sides", async () => {
  await withApp(browser(), async (app) => {
    const { page } = app;
    const target = join(app.tmp, "recent.dari");
    app.dialogs.saveAnswers.push(target);
    await focusSide(page, 0, "en");
    await page.keyboard.type(" [recent]");
    await page.keyboard.press("Control+s");
    await page.waitForFunction(() => document.title.startsWith("recent.dari"));
    await app.menu("new");
    await page.waitForFunction(() => document.querySelectorAll(".dari-segment").length === 1);
    await page.locator(".dari-menu-title", { hasText: "File" }).click();
    await page.locator(".dari-menu-item", { hasText: "Open Recent" }).click();
    await page.locator(`.dari-menu-item[data-command="openRecent:${target}"]`).click();
    await page.waitForFunction(() => document.title.startsWith("recent.dari"));
    assert.match((await sideLocator(page, 0, "en").textContent())!, / \[recent\]$/);

    const ko = () => sideLocator(page, 0, "ko").boundingBox();
    const en = () => sideLocator(page, 0, "en").boundingBox();
    assert.ok((await ko())!.x < (await en())!.x, "side by side");
    await app.menu("layout:stacked");
    await page.waitForFunction(() => document.querySelector(".ProseMirror")!.classList.contains("dari-stacked"));
    assert.ok((await ko())!.y < (await en())!.y && Math.abs((await ko())!.x - (await en())!.x) < 2, "Korean above English");
  });
});

test("F1 lists the shortcuts as this platform writes them, from the keys the editor binds", async () => {
  await withApp(browser(), async ({ page }) => {
    await focusSide(page, 0, "en");
    await page.keyboard.press("F1");
    const dialog = page.locator(".dari-dialog");
    await dialog.locator(".dari-shortcuts").waitFor();
    const rows = await dialog.locator("tr").evaluateAll((trs) => trs.map((tr) => (tr as HTMLElement).innerText.replace(/\s+/g, " ").trim()));
    assert.ok(rows.some((r) => r.startsWith("Ctrl+Shift+G ")), rows.join("\n"));
    assert.ok(rows.some((r) => r.startsWith("F1 ")), "the help lists its own key");
    assert.ok(!rows.some((r) => /Mod-|Shift-/.test(r)), "no ProseMirror key names");
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "detached" });
  });
});

test("a key pressed right after Shift+Arrow acts on the whole selection the analyst sees", async () => {
  await withApp(browser(), async ({ page }) => {
    // No pause between the keys: the browser reports the extended selection
    // after the next key may already have arrived.
    for (let n = 0; n < 8; n++) {
      const added = n % 2 ? " 북러 정상XY" : " abcdefXY";
      await focusSide(page, n, "en", "end");
      const before = (await sideLocator(page, n, "en").textContent())!;
      await page.keyboard.insertText(added);
      for (let i = 0; i < 4; i++) await page.keyboard.press("Shift+ArrowLeft");
      await page.keyboard.press("Backspace");
      await page.waitForFunction(
        ([i, text]) => document.querySelectorAll(".dari-segment")[i].querySelector(".dari-en")!.textContent === text,
        [n, before + added.slice(0, -4)] as const,
        { timeout: 2000 },
      ).catch(async () => assert.fail(`segment ${n + 1}: “${(await sideLocator(page, n, "en").textContent())!.slice(-12)}”, expected it to end in “${added.slice(0, -4).slice(-8)}”`));
    }
  });
});
