// Drag and drop onto the window (issue 15.4, 12.1), in the real renderer
// against the real handlers: files dropped as a user drops them (DragEvents
// with a DataTransfer of Files; the harness resolves each File by its name to
// a path, as Electron's preload does with webUtils, and main checks and grants
// it), and a span of the text dragged onto a theme.
import { test } from "node:test";
import assert from "node:assert/strict";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { useBrowser, withApp, CORPUS, selectPhrase, type AppHandle } from "./helpers";
import { serializeProject, buildDoc, emptyMeta, parseProject } from "../app/document";
import { defaultCodebook } from "../app/themes/default-codebook";

const browser = useBrowser();
const SOURCES = join(CORPUS, "../sources");
const INTEROP = join(CORPUS, "../interop");

/** Files dragged over the window (dragenter, dragover on the text), then dropped there. */
async function dragOver(page: Page, names: string[]): Promise<void> {
  await page.evaluate(`(() => {
    const dt = new DataTransfer();
    for (const name of ${JSON.stringify(names)}) dt.items.add(new File(["?"], name));
    window.__dropData = dt;
    const target = document.querySelector(".ProseMirror");
    for (const type of ["dragenter", "dragover"]) target.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
  })()`);
}

async function drop(page: Page): Promise<boolean> {
  // Whether the page took the drop (prevented the browser's own: opening the file in the window).
  return page.evaluate(`(() => {
    const e = new DragEvent("drop", { dataTransfer: window.__dropData, bubbles: true, cancelable: true });
    document.querySelector(".ProseMirror").dispatchEvent(e);
    return e.defaultPrevented;
  })()`) as Promise<boolean>;
}

async function dropFiles(app: AppHandle, files: Record<string, string>): Promise<void> {
  for (const [name, path] of Object.entries(files)) app.dropPaths.set(name, path);
  await dragOver(app.page, Object.keys(files));
  assert.equal(await drop(app.page), true, "the drop is taken by the window");
}

/** A file dropped on the start screen (a drop goes all the way there: enter, over, drop). */
async function dropOnStartScreen(app: AppHandle, name: string, path: string): Promise<void> {
  app.dropPaths.set(name, path);
  await app.page.evaluate(`(() => {
    const dt = new DataTransfer();
    dt.items.add(new File(["?"], ${JSON.stringify(name)}));
    const target = document.querySelector(".dari-start");
    for (const type of ["dragenter", "dragover", "drop"]) target.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
  })()`);
}

const message = (page: Page) => page.locator(".dari-message").textContent().then((t) => t ?? "");
const projectOf = (page: Page) => page.evaluate(`window.dariApp.projectText()`).then((t) => parseProject(t as string));
const importSide = (page: Page, side: "ko" | "en") => page.locator(`.dari-import-dialog [data-side=${side}]`);

test("a .dari dropped on the window opens as File › Open does, asking first about unsaved changes; the overlay shows while files are over the window", async () => {
  await withApp(browser(), async (app) => {
    const { page } = app;
    const file = join(app.tmp, "dropped.dari");
    const project = { meta: emptyMeta("떨어뜨린 논평"), codebook: defaultCodebook(), glossary: [], doc: buildDoc([{ segments: [{ ko: "누리호가 두 번째로 발사되었다.", en: "Nuri was launched a second time." }] }]) };
    await writeFile(file, serializeProject(project));
    // Unsaved work in the window.
    await page.locator(".dari-segment .dari-en").first().click();
    await page.keyboard.type(" Edited.");

    await dragOver(page, ["dropped.dari"]);
    const overlay = page.locator(".dari-drop-overlay");
    assert.equal(await overlay.isVisible(), true, "the overlay shows while files are dragged over the window");
    assert.match((await overlay.textContent()) ?? "", /Drop to open or import/);
    // The user declines first: nothing changes.
    app.dialogs.discardAnswers = ["cancel", "discard"];
    app.dropPaths.set("dropped.dari", file);
    assert.equal(await drop(page), true);
    assert.equal(await overlay.isVisible(), false, "the overlay goes when the files are dropped");
    for (let i = 0; i < 100 && !app.dialogs.asked.some((a) => a.startsWith("confirmDiscard:")); i++) await page.waitForTimeout(50);
    assert.deepEqual(app.dialogs.asked, ["confirmDiscard:북러 정상회담과 우주 협력"], "asked about the unsaved changes, by the project's title");
    await page.waitForTimeout(100);
    assert.ok((await page.locator(".dari-segment").count()) > 1, "cancelled: the commentary is still open");

    await dropFiles(app, { "dropped.dari": file });
    await page.waitForFunction(() => document.querySelectorAll(".dari-segment").length === 1);
    assert.equal(await page.locator(".dari-segment .dari-ko").first().textContent(), "누리호가 두 번째로 발사되었다.");
    assert.match(await message(page), /dropped\.dari/);
    assert.equal(app.documentState?.dirty, false);
    assert.match(app.documentState?.title ?? "", /^dropped\.dari/);
  });
});

test("a .dari dropped on the start screen opens it", async () => {
  await withApp(
    browser(),
    async (app) => {
      const { page } = app;
      const file = join(app.tmp, "first.dari");
      await writeFile(file, serializeProject({ meta: emptyMeta("첫 논평"), codebook: [], glossary: [], doc: buildDoc([{ segments: [{ ko: "첫 문장이다.", en: "The first sentence." }] }]) }));
      await dropOnStartScreen(app, "first.dari", file);
      await page.locator(".dari-start").waitFor({ state: "hidden" });
      await page.waitForFunction(() => document.querySelectorAll(".dari-segment").length === 1);
      assert.equal(await page.locator(".dari-segment .dari-en").first().textContent(), "The first sentence.");
      assert.deepEqual(app.dialogs.asked, [], "nothing unsaved to ask about");
    },
    { startScreen: true },
  );
});

test("a Korean text dropped opens the import dialog with it on the Korean side; a Korean and an English text fill both sides, whatever their order", async () => {
  await withApp(browser(), async (app) => {
    const { page } = app;
    await dropFiles(app, { "commentary.ko.txt": join(CORPUS, "commentary.ko.txt") });
    await importSide(page, "ko").locator(".dari-import-preview").waitFor();
    assert.match((await importSide(page, "ko").locator(".dari-import-file-name").textContent()) ?? "", /commentary\.ko\.txt/);
    assert.equal(await importSide(page, "ko").locator(".dari-import-preview").getAttribute("data-paragraphs"), "12");
    assert.equal(await importSide(page, "en").locator(".dari-import-preview").count(), 0, "nothing on the English side");
    await page.click("[data-action=import-cancel]");

    // English first, then Korean: each goes to the side of its script, and the project can be made at once.
    await dropFiles(app, { "commentary.en.txt": join(CORPUS, "commentary.en.txt"), "commentary.ko.txt": join(CORPUS, "commentary.ko.txt") });
    await importSide(page, "en").locator(".dari-import-preview").waitFor();
    await importSide(page, "ko").locator(".dari-import-preview").waitFor();
    assert.match((await importSide(page, "en").locator(".dari-import-file-name").textContent()) ?? "", /commentary\.en\.txt/);
    assert.match((await importSide(page, "ko").locator(".dari-import-file-name").textContent()) ?? "", /commentary\.ko\.txt/);
    assert.equal(await page.locator(".dari-import-title").inputValue(), "commentary", "the title comes from the Korean file");
    app.dialogs.discardAnswers = ["discard"];
    await page.click("[data-action=import-create]");
    await page.locator(".dari-import-dialog").waitFor({ state: "detached" });
    await page.waitForFunction(() => document.querySelectorAll(".dari-passage").length === 12);
    const p = await projectOf(page);
    assert.match(p.doc.textContent, /Vostochny/, "the English side came along");
  });
});

test("a PDF dropped opens the import dialog on the side its text suggests, with its layout summary", async () => {
  await withApp(browser(), async (app) => {
    const { page } = app;
    await dropFiles(app, { "pdf04_footnote-01-3dprinting.pdf": join(SOURCES, "pdf04_footnote-01-3dprinting.pdf") });
    await importSide(page, "ko").locator(".dari-import-preview").waitFor({ timeout: 60_000 });
    assert.match((await importSide(page, "ko").locator(".dari-import-file-name").textContent()) ?? "", /pdf04_footnote-01-3dprinting\.pdf/);
    assert.match((await importSide(page, "ko").locator(".dari-import-layout [data-figure=pages]").textContent()) ?? "", /\d+ pages?/);
    assert.equal(await importSide(page, "en").locator(".dari-import-preview").count(), 0);
  });
});

test("a glossary dropped on the start screen is left aside with a message, not merged into the empty project behind it", async () => {
  await withApp(
    browser(),
    async (app) => {
      const { page } = app;
      const csv = join(app.tmp, "space-terms.csv");
      await writeFile(csv, "ko,en,note\n누리호,Nuri,\n");
      await dropOnStartScreen(app, "space-terms.csv", csv);
      await page.waitForFunction(() => /space-terms\.csv/.test(document.querySelector(".dari-message")?.textContent ?? ""));
      assert.match(await message(page), /space-terms\.csv was left aside: open or create a project first/);
      assert.ok(await page.locator(".dari-start").isVisible(), "the start screen stays");
      assert.ok(!(await projectOf(page)).glossary.some((g) => g.ko === "누리호"), "nothing merged behind the start screen");
      assert.equal(app.documentState?.dirty ?? false, false);
    },
    { startScreen: true },
  );
});

test("a TMX dropped opens as a new project; a .qdc merges into the codebook and a CSV into the glossary", async () => {
  await withApp(browser(), async (app) => {
    const { page } = app;
    const tmx = join(INTEROP, "disfr/UnitTestDisfrDoc/Samples/XuanZang.tmx");
    await dropFiles(app, { "XuanZang.tmx": tmx });
    await page.waitForFunction(() => /XuanZang\.tmx/.test(document.querySelector(".dari-message")?.textContent ?? ""));
    assert.match(await message(page), /XuanZang\.tmx: imported Korean \(ko\) and English \(en\)/i);
    assert.equal(app.documentState?.dirty, true, "a new project, not saved yet");
    const fromTmx = await projectOf(page);
    assert.ok(fromTmx.doc.textContent.length > 0);

    const before = (await projectOf(page)).codebook.length;
    const qdc = join(INTEROP, "refi/refi-qda-1.5-annexA1-example.qdc");
    await dropFiles(app, { "refi-qda-1.5-annexA1-example.qdc": qdc });
    await page.waitForFunction(() => /refi-qda-1\.5-annexA1-example\.qdc/.test(document.querySelector(".dari-message")?.textContent ?? ""));
    const after = (await projectOf(page)).codebook;
    assert.ok(after.length > before, `the codebook grew (${before} → ${after.length})`);
    assert.equal(fromTmx.doc.textContent, (await projectOf(page)).doc.textContent, "the text is untouched");

    const csv = join(app.tmp, "space-terms.csv");
    await writeFile(csv, "ko,en,note\n보스토치니 우주기지,Vostochny Cosmodrome,러시아 극동\n누리호,Nuri,\n");
    await dropFiles(app, { "space-terms.csv": csv });
    await page.waitForFunction(() => /space-terms\.csv/.test(document.querySelector(".dari-message")?.textContent ?? ""));
    const glossary = (await projectOf(page)).glossary;
    assert.deepEqual(glossary.filter((g) => ["누리호", "보스토치니 우주기지"].includes(g.ko)).map((g) => [g.ko, g.en]).sort(), [["누리호", "Nuri"], ["보스토치니 우주기지", "Vostochny Cosmodrome"]]);
    // Undo takes the glossary back: it was one step of the project.
    await page.locator(".ProseMirror").focus();
    await page.keyboard.press("Control+z");
    await page.waitForFunction(() => !JSON.parse((window as unknown as { dariApp: { projectText(): string } }).dariApp.projectText()).glossary.some((g: { ko: string }) => g.ko === "누리호"));
  });
});

test("an unsupported file is refused with a message naming it, in the UI language; the open project is untouched", async () => {
  await withApp(
    browser(),
    async (app) => {
      const { page } = app;
      const contentOf = async () => {
        const p = await projectOf(page);
        return JSON.stringify([p.doc.toJSON(), p.codebook, p.glossary]);
      };
      const before = await contentOf();
      await writeFile(join(app.tmp, "사진.png"), "not a commentary");
      await dragOver(page, ["사진.png"]);
      assert.match((await page.locator(".dari-drop-overlay").textContent()) ?? "", /놓으면 열거나 가져옵니다/);
      assert.equal(await drop(page), true);
      await page.waitForFunction(() => /사진\.png/.test(document.querySelector(".dari-message")?.textContent ?? ""));
      const text = await message(page);
      assert.match(text, /사진\.png 파일은 Dari가 받을 수 없습니다/);
      assert.match(text, /\.hwpx/, "it says what Dari takes");
      assert.equal(await page.locator(".dari-message").getAttribute("class"), "dari-message error");
      assert.equal(await page.locator(".dari-import-dialog").count(), 0);
      assert.equal(await contentOf(), before);
    },
    { locale: "ko-KR" },
  );
});

/** Drags the selected text out of the editor and drops it on `target`, as the mouse would. */
async function dragSelectionTo(page: Page, target: string): Promise<{ highlighted: boolean; taken: boolean }> {
  return page.evaluate(`(() => {
    const editor = document.querySelector(".ProseMirror");
    const range = window.getSelection().getRangeAt(0).getBoundingClientRect();
    const at = { clientX: range.left + range.width / 2, clientY: range.top + range.height / 2 };
    const dt = new DataTransfer();
    editor.dispatchEvent(new DragEvent("dragstart", { dataTransfer: dt, bubbles: true, cancelable: true, ...at }));
    const row = document.querySelector(${JSON.stringify(target)});
    row.dispatchEvent(new DragEvent("dragenter", { dataTransfer: dt, bubbles: true, cancelable: true }));
    row.dispatchEvent(new DragEvent("dragover", { dataTransfer: dt, bubbles: true, cancelable: true }));
    const highlighted = row.classList.contains("dari-theme-drop-target");
    const drop = new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true });
    row.dispatchEvent(drop);
    editor.dispatchEvent(new DragEvent("dragend", { dataTransfer: dt, bubbles: true }));
    return { highlighted, taken: drop.defaultPrevented };
  })()`) as Promise<{ highlighted: boolean; taken: boolean }>;
}

/** The themes tagged on `phrase` in the first segment's side. */
async function themesOn(page: Page, side: "ko" | "en", phrase: string): Promise<string[]> {
  const p = await projectOf(page);
  const codes = new Set<string>();
  const segment = p.doc.firstChild!.firstChild!;
  const sideNode = segment.child(side === "ko" ? 0 : 1);
  sideNode.forEach((text) => {
    if (text.text && phrase.includes(text.text.trim()) && text.text.trim()) for (const m of text.marks) if (m.type.name === "theme") codes.add(m.attrs.code as string);
  });
  return [...codes];
}

test("a selected span dragged onto a theme in the Themes panel, or in the Codebook panel, is tagged with it", async () => {
  await withApp(browser(), async (app) => {
    const { page } = app;
    const codebook = (await projectOf(page)).codebook;
    const [first, second] = [codebook[0], codebook[1]];
    await page.locator('button[data-panel="themes"]').click();
    await page.locator(`.dari-themes-table tr[data-code="${first.id}"]`).waitFor();
    await selectPhrase(page, 0, "ko", "보스토치니 우주기지");
    const r = await dragSelectionTo(page, `.dari-themes-table tr[data-code="${first.id}"]`);
    assert.deepEqual(r, { highlighted: true, taken: true }, "the theme row lights up under the drag and takes the drop");
    assert.deepEqual(await themesOn(page, "ko", "보스토치니 우주기지"), [first.id]);
    await page.waitForFunction((id) => document.querySelector(`.dari-themes-table tr[data-code="${id}"] [data-count=ko-annotations]`)?.textContent === "1", first.id);
    assert.match(await message(page), /보스토치니 우주기지/);
    assert.equal(await page.locator(".dari-theme-drop-target").count(), 0, "the highlight goes after the drop");

    await page.locator('button[data-panel="codebook"]').click();
    await page.locator(`.dari-code[data-code="${second.id}"]`).waitFor();
    await selectPhrase(page, 0, "en", "Vostochny");
    const again = await dragSelectionTo(page, `.dari-code[data-code="${second.id}"]`);
    assert.deepEqual(again, { highlighted: true, taken: true });
    assert.deepEqual(await themesOn(page, "en", "Vostochny"), [second.id]);

    // Text dragged without Dari's span (from another program) is not taken by a theme.
    const foreign = await page.evaluate(`(() => {
      const dt = new DataTransfer();
      dt.setData("text/plain", "남의 글");
      const row = document.querySelector(".dari-code");
      const over = new DragEvent("dragover", { dataTransfer: dt, bubbles: true, cancelable: true });
      row.dispatchEvent(over);
      return over.defaultPrevented || row.classList.contains("dari-theme-drop-target");
    })()`);
    assert.equal(foreign, false);
  });
});
