// The Export dialog as an analyst uses it (issue 6, requirement 6): Ctrl+E,
// pick a format, the options that format takes, a destination; the file is
// written by main's real handler and the dialog reports back in place.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile, mkdtemp, writeFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { unzipSync, strFromU8 } from "fflate";
import { useBrowser, withApp, launchApp, type AppHandle } from "./helpers";
import { buildLargeProject } from "../bench/build-large";
import { serializeProject } from "../app/document";

const browser = useBrowser();

async function openDialog(app: AppHandle): Promise<void> {
  await app.menu("export");
  await app.page.waitForSelector(".dari-export-dialog");
}

test("export the open project to HTML with the status column, then to Word in landscape", async () => {
  const app = await launchApp({ browser: browser(), locale: "en-US" });
  try {
    const { page } = app;
    await openDialog(app);
    const dialog = page.locator(".dari-export-dialog");
    // Options follow the format: no side for html, no page for tmx.
    await dialog.locator("select[name=format]").selectOption("html");
    assert.equal(await dialog.locator("select[name=side]").isVisible(), false);
    assert.equal(await dialog.locator("select[name=orientation]").isVisible(), true);
    await dialog.locator("input[name=showStatus]").check();
    const html = join(app.tmp, "report.html");
    app.dialogs.exportAnswers.push(html);
    await dialog.locator("[data-action=export-run]").click();
    await page.waitForSelector(".dari-export-dialog", { state: "detached" });
    const text = await readFile(html, "utf8");
    assert.match(text, /^<!DOCTYPE html>/);
    assert.match(text, /<th>Status<\/th>/);
    const segments = await page.locator(".dari-segment").count();
    assert.equal([...text.matchAll(/<tr id="s\d+">/g)].length, segments);

    await openDialog(app);
    assert.equal(await dialog.locator("select[name=format]").inputValue(), "html", "the last choice is remembered");
    await dialog.locator("select[name=format]").selectOption("docx");
    await dialog.locator("select[name=orientation]").selectOption("landscape");
    const docx = join(app.tmp, "report.docx");
    app.dialogs.exportAnswers.push(docx);
    // The window proposes a name; main asks where, with that name.
    await dialog.locator("input[name=fileName]").fill("report");
    await dialog.locator("input[name=fileName]").press("Enter");
    await page.waitForSelector(".dari-export-dialog", { state: "detached" });
    assert.deepEqual(app.dialogs.asked.filter((a) => a.startsWith("exportTo:")).slice(-1), ["exportTo:report.docx"]);
    const doc = strFromU8(unzipSync(new Uint8Array(await readFile(docx)))["word/document.xml"]);
    assert.match(doc, /w:orient="landscape"/);
    assert.deepEqual(app.foreignRequests, []);
  } finally {
    await app.close();
  }
});

test("txt asks for the side; an unwritable destination shows the error and keeps the dialog", async () => {
  const app = await launchApp({ browser: browser(), locale: "ko-KR" });
  try {
    const { page } = app;
    await openDialog(app);
    const dialog = page.locator(".dari-export-dialog");
    await dialog.locator("select[name=format]").selectOption("txt");
    await dialog.locator("select[name=side]").selectOption("en");
    assert.equal(await dialog.locator("select[name=orientation]").isVisible(), false);
    const bad = join(app.tmp, "no-such-folder", "x.txt");
    app.dialogs.exportAnswers.push(bad);
    await dialog.locator("[data-action=export-run]").click();
    await page.waitForFunction(() => document.querySelector(".dari-export-error")?.textContent !== "");
    assert.match((await dialog.locator(".dari-export-error").textContent()) ?? "", /^내보내기에 실패했습니다: /);
    assert.equal(existsSync(bad), false);
    // Main asks again; answering with a path it can write writes there.
    const good = join(app.tmp, "english.txt");
    app.dialogs.exportAnswers.push(good);
    await dialog.locator("[data-action=export-run]").click();
    await page.waitForSelector(".dari-export-dialog", { state: "detached" });
    assert.ok(app.dialogs.asked.some((a) => a.startsWith("exportTo:") && a.endsWith(".txt")));
    const text = await readFile(good, "utf8");
    assert.doesNotMatch(text, /[가-힣]/, "the English side only");
    assert.ok(text.trim().length > 0);
  } finally {
    await app.close();
  }
});

test("Browse… chooses the destination through main's dialog; Export writes there without asking again and offers Open and Show in folder", async () => {
  const app = await launchApp({ browser: browser(), locale: "en-US" });
  try {
    const { page } = app;
    await openDialog(app);
    const dialog = page.locator(".dari-export-dialog");
    const destination = dialog.locator(".dari-export-target");
    assert.equal(await destination.textContent(), "Asked when you export");
    await dialog.locator("select[name=format]").selectOption("tsv");
    await dialog.locator("input[name=fileName]").fill("chapter one");
    // By keyboard: Tab from the file name reaches Browse…, Enter presses it (not Export).
    const browse = dialog.locator("[data-action=export-browse]");
    assert.equal(await browse.getAttribute("aria-describedby"), await destination.getAttribute("id"));
    const target = join(app.tmp, "chosen.tsv");
    app.dialogs.exportAnswers.push(target);
    await dialog.locator("input[name=fileName]").focus();
    await page.keyboard.press("Tab");
    assert.equal(await browse.evaluate((el) => el === document.activeElement), true, "Browse… follows the file name");
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => document.querySelector(".dari-export-target")?.classList.contains("chosen"));
    assert.equal(await destination.textContent(), target);
    assert.deepEqual(app.dialogs.asked.filter((a) => a.startsWith("exportTo:")), ["exportTo:chapter one.tsv"]);
    assert.equal(existsSync(target), false, "Browse… only chooses; nothing is written yet");
    assert.equal(await dialog.locator("input[name=fileName]").isDisabled(), true, "the name to propose is moot once the file is chosen");

    // Changing the format clears the choice (main granted it for .tsv), and the row says so.
    await dialog.locator("select[name=format]").selectOption("html");
    assert.equal(await destination.textContent(), "Asked when you export: the format changed, so choose again");
    assert.equal(await dialog.locator("input[name=fileName]").isDisabled(), false);
    await dialog.locator("select[name=format]").selectOption("tsv");
    app.dialogs.exportAnswers.push(target);
    await browse.click();
    await page.waitForFunction(() => document.querySelector(".dari-export-target")?.classList.contains("chosen"));

    await dialog.locator("[data-action=export-run]").click();
    await dialog.waitFor({ state: "detached" });
    assert.equal(app.dialogs.asked.filter((a) => a.startsWith("exportTo:")).length, 2, "Export did not ask again");
    const segments = await page.locator(".dari-segment").count();
    assert.equal((await readFile(target, "utf8")).trimEnd().split("\n").length, segments);
    const message = page.locator(".dari-statusbar .dari-message");
    assert.match((await message.textContent()) ?? "", /Exported to .*chosen\.tsv/);
    await message.locator("button", { hasText: "Open" }).click();
    await message.locator("button", { hasText: "Show in folder" }).click();
    for (let i = 0; i < 50 && app.opened.length < 2; i++) await page.waitForTimeout(20);
    assert.deepEqual(app.opened, [`open:${target}`, `reveal:${target}`]);
  } finally {
    await app.close();
  }
});

test("a long export reports its progress from main to the dialog", async () => {
  const dir = await mkdtemp(join(tmpdir(), "dari-export-large-"));
  const file = join(dir, "large.dari");
  await writeFile(file, serializeProject(buildLargeProject({ passages: 300 })));
  try {
    await withApp(
      browser(),
      async (app) => {
        const { page } = app;
        // Record what the dialog is told, and what its bar and label show meanwhile.
        await page.evaluate(() => {
          const w = window as unknown as { __dariProgress(f: number): void; __seen: string[] };
          w.__seen = [];
          const pass = w.__dariProgress;
          w.__dariProgress = (f) => {
            pass(f);
            const bar = document.querySelector<HTMLProgressElement>(".dari-export-progress");
            w.__seen.push(`${f}|${bar && !bar.hidden ? bar.value : "-"}|${document.querySelector(".dari-export-progress-label")?.textContent ?? ""}`);
          };
        });
        await openDialog(app);
        const dialog = page.locator(".dari-export-dialog");
        await dialog.locator("select[name=format]").selectOption("docx");
        app.dialogs.exportAnswers.push(join(app.tmp, "large.docx"));
        await dialog.locator("[data-action=export-run]").click();
        await page.waitForSelector(".dari-export-dialog", { state: "detached", timeout: 60000 });
        const seen = await page.evaluate(() => (window as unknown as { __seen: string[] }).__seen);
        const fractions = seen.map((s) => Number(s.split("|")[0]));
        assert.ok(fractions.some((f) => f > 0 && f < 1), `progress in between: ${fractions.join(", ")}`);
        assert.ok(seen.some((s) => /Exporting 3000 segments… [1-9]\d?%/.test(s)), seen.join("\n"));
      },
      { startupFile: file },
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test("Tab and Shift+Tab stay inside the Export and Import dialogs", async () => {
  await withApp(browser(), async (app) => {
    const { page } = app;
    for (const [command, selector] of [["export", ".dari-export-dialog"], ["import", ".dari-import-dialog"]] as const) {
      await app.menu(command);
      const dialog = page.locator(selector);
      await dialog.waitFor();
      for (const key of [...Array(25).fill("Tab"), ...Array(25).fill("Shift+Tab")]) {
        await page.keyboard.press(key);
        assert.ok(await dialog.evaluate((el) => el.contains(document.activeElement)), `${command}: focus left the dialog after ${key}`);
      }
      await page.keyboard.press("Escape");
      await dialog.waitFor({ state: "detached" });
    }
  });
});
