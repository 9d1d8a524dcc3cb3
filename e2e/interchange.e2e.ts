// Files from translation tools, opened in the window: a multilingual memory
// says in the status bar what it left out, and an XLIFF's inline codes show as
// chips the analyst moves or deletes whole, never edits inside.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { useBrowser, withApp, ROOT } from "./helpers";
import { parseProject } from "../app/document";

const browser = useBrowser();
const INTEROP = resolve(ROOT, "../shared/interop");

const XLF = `<?xml version="1.0"?><xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="ko-KR" trgLang="en-US"><file id="f1"><unit id="1">
<segment id="1"><source>북한은 <pc id="1">우주</pc> 개발을<ph id="2"/> 했다.</source><target>North Korea worked on <pc id="1">space</pc><ph id="2"/>.</target></segment></unit></file></xliff>`;

test("a six-language memory opens with its Korean and English, and the status bar names the languages left out", async () => {
  await withApp(browser(), async (app) => {
    const { page } = app;
    app.dialogs.openProjectAnswers.push(join(INTEROP, "disfr/UnitTestDisfrDoc/Samples/XuanZang.tmx"));
    await page.keyboard.press("Control+o");
    await page.waitForFunction(() => /left out/.test(document.querySelector(".dari-message")?.textContent ?? ""));
    assert.match((await page.locator(".dari-message").textContent()) ?? "", /XuanZang\.tmx: imported Korean \(ko\) and English \(en\); left out de, es, it, zh-CN \(204 variants\)/i);
    assert.match((await page.locator(".dari-segment").first().locator(".dari-ko").textContent()) ?? "", /[\uAC00-\uD7A3]/);
  });
});

test("inline codes are chips: typing beside one keeps it, Backspace deletes it whole, undo brings it back, saving keeps it", async () => {
  await withApp(browser(), async (app) => {
    const { page } = app;
    const file = join(app.tmp, "codes.xlf");
    await writeFile(file, XLF);
    app.dialogs.openProjectAnswers.push(file);
    await page.keyboard.press("Control+o");
    const en = page.locator(".dari-segment").first().locator(".dari-en");
    await en.locator(".dari-code").first().waitFor();
    assert.equal(await page.locator(".dari-segment").first().locator(".dari-ko .dari-code").count(), 3);
    assert.deepEqual(await en.locator(".dari-code").allTextContents(), ["⟨1", "1⟩", "⟨2⟩"]);
    assert.equal(await en.locator(".dari-code").first().getAttribute("contenteditable"), "false");
    assert.equal(await en.textContent(), "North Korea worked on ⟨1space1⟩⟨2⟩.");
    // Click at the end of the English, type, then Backspace over the typed letter and the chip before the period.
    await en.click();
    await page.keyboard.press("End");
    await page.keyboard.type("!");
    assert.match((await en.textContent()) ?? "", /⟨2⟩\.!$/);
    for (const _ of "!.") await page.keyboard.press("Backspace");
    await page.keyboard.press("Backspace");
    assert.equal(await en.locator(".dari-code").count(), 2, "the chip went whole");
    assert.equal(await en.textContent(), "North Korea worked on ⟨1space1⟩");
    await page.keyboard.press("Control+z");
    assert.equal(await en.locator(".dari-code").count(), 3, "undo brings it back");
    const target = join(app.tmp, "codes.dari");
    app.dialogs.saveAnswers.push(target);
    await page.keyboard.press("Control+s");
    await page.waitForFunction(() => !document.title.includes("•"));
    const saved = parseProject(await readFile(target, "utf8"));
    const kinds: string[] = [];
    saved.doc.firstChild!.firstChild!.child(1).forEach((n) => {
      if (n.type.name === "code") kinds.push(`${n.attrs.kind}:${n.attrs.xml}`);
    });
    assert.equal(kinds.length, 3);
    assert.equal(kinds[2], 'standalone:<ph id="2"/>');
  });
});
