// Issue 17 req. 8: the memory shows each match once, merging identical units
// from the project, other projects and imported TMX, with the sources listed;
// and the bundled sample never enters the user's memory unless the analyst
// adds it ("Add this project to the memory" in the memory panel).
import { test } from "node:test";
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { buildDoc, emptyMeta, serializeProject, type SegmentInput } from "../app/document";
import { useBrowser, withApp, focusSide, type AppHandle } from "./helpers";

const browser = useBrowser();

const KO = "푸틴 대통령은 보스토치니 우주기지에서 김정은 위원장과 정상회담을 열었다.";
const EN = "President Putin held a summit with Chairman Kim Jong Un at the Vostochny Cosmodrome.";
const SAMPLE_TITLE = "북러 정상회담과 우주 협력";

async function writeProject(path: string, title: string, segments: SegmentInput[]): Promise<string> {
  await writeFile(path, serializeProject({ meta: emptyMeta(title), codebook: [], glossary: [], doc: buildDoc([{ segments }]) }));
  return path;
}

const tmxOf = (ko: string, en: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><tmx version="1.4"><header srclang="ko" datatype="plaintext" segtype="sentence" adminlang="en" o-tmf="x" creationtool="x" creationtoolversion="1"/><body>` +
  `<tu><tuv xml:lang="ko"><seg>${ko}</seg></tuv><tuv xml:lang="en"><seg>${en}</seg></tuv></tu></body></tmx>`;

/** The origins of the records in the user memory (IndexedDB), with whether the analyst added them. */
async function memoryRecords(page: Page): Promise<{ origin: string; added: boolean }[]> {
  return page.evaluate(async () => {
    if (!(await indexedDB.databases()).some((d) => d.name === "dari-memory")) return [];
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open("dari-memory");
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    try {
      if (!db.objectStoreNames.contains("records")) return [];
      const all = await new Promise<{ origin: string; added?: boolean }[]>((resolve, reject) => {
        const req = db.transaction("records").objectStore("records").getAll();
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      return all.map((r) => ({ origin: r.origin, added: r.added === true }));
    } finally {
      db.close();
    }
  });
}

async function openProject(app: AppHandle, path: string): Promise<void> {
  app.dialogs.openProjectAnswers.push(path);
  await app.menu("open");
  await app.page.waitForFunction((t) => document.title.startsWith(t), path.split("/").pop()!);
}

async function openSampleFromStart(page: Page): Promise<void> {
  await page.locator('.dari-start [data-action="start-sample"]').click();
  await page.locator(".dari-start").waitFor({ state: "hidden" });
  await page.waitForFunction((t) => document.title.startsWith(t), SAMPLE_TITLE);
}

async function showMemoryPanel(page: Page): Promise<void> {
  if (!(await page.locator(".dari-tm-panel").isVisible())) await page.locator('[data-panel="translate"]').click();
  await page.locator(".dari-tm-size").waitFor();
}

test("the same unit in the project and in an imported TMX is one match listing both sources", async () => {
  await withApp(browser(), async (app) => {
    const { page, tmp } = app;
    const project = await writeProject(join(tmp, "a.dari"), "Project A", [
      { ko: KO, en: EN, status: "translated" },
      { ko: KO, en: "" },
    ]);
    await openProject(app, project);
    await showMemoryPanel(page);
    // The TMX wrapped the Korean and doubled a space in the English: the same translation.
    const tmx = join(tmp, "talks.tmx");
    await writeFile(tmx, tmxOf(KO.replace(" 김정은", "\n   김정은"), EN.replace("summit ", "summit  ")));
    await page.locator(".dari-tm-panel input[type=file]").setInputFiles(tmx);
    await page.waitForFunction(() => /talks\.tmx/.test(document.querySelector(".dari-message")?.textContent ?? ""));
    await focusSide(page, 1, "en");
    const match = page.locator(".dari-tm-match", { hasText: "Vostochny Cosmodrome" });
    await match.first().waitFor();
    // Given time to show a second copy, if there were one.
    await page.waitForTimeout(400);
    assert.equal(await match.count(), 1, "the translation is shown once");
    assert.equal(await match.getAttribute("data-score"), "100");
    assert.equal(await match.locator(".dari-tm-origin").textContent(), "from this project, talks.tmx");
    assert.equal(await match.locator(".dari-tm-origin").getAttribute("data-sources"), "2");
    // The concordance too shows the pair once, with both sources.
    await page.locator(".dari-concordance-input").fill("보스토치니");
    await page.locator(".dari-concordance li").first().waitFor();
    assert.equal(await page.locator(".dari-concordance li").count(), 1);
    assert.equal(await page.locator(".dari-concordance li .dari-tm-origin").textContent(), "from this project, talks.tmx");
  }, { startScreen: true });
});

test("opening the sample and confirming a segment does not put it into the user memory; the panel says so", async () => {
  await withApp(
    browser(),
    async (app) => {
      const { page, tmp } = app;
      await openSampleFromStart(page);
      await showMemoryPanel(page);
      await page.locator(".dari-tm-sample").waitFor();
      assert.match((await page.locator(".dari-tm-sample").textContent())!, /bundled sample/);
      await focusSide(page, 0, "en");
      const ko = (await page.locator(".dari-segment").nth(0).locator(".dari-ko").textContent())!;
      await page.keyboard.press("Control+Enter");
      // Opening another project stores the last one's pending edits at once: nothing of the sample may go.
      const b = await writeProject(join(tmp, "b.dari"), "Project B", [{ ko, en: "" }]);
      app.dialogs.discardAnswers.push("discard");
      await openProject(app, b);
      await showMemoryPanel(page);
      await focusSide(page, 0, "en");
      await page.locator(".dari-tm-none").waitFor();
      await page.waitForTimeout(400);
      assert.equal(await page.locator(".dari-tm-match").count(), 0, "the sample's translation is not offered in another project");
      assert.equal(await page.locator(".dari-tm-sample").isVisible(), false, "project B is no sample");
      assert.deepEqual((await memoryRecords(page)).filter((r) => r.origin === SAMPLE_TITLE), []);
    },
    { startScreen: true },
  );
});

test("Add this project to the memory puts the sample into the user memory, and other projects are offered its translations", async () => {
  await withApp(
    browser(),
    async (app) => {
      const { page, tmp } = app;
      await openSampleFromStart(page);
      await showMemoryPanel(page);
      const ko = (await page.locator(".dari-segment").nth(0).locator(".dari-ko").textContent())!;
      const en = (await page.locator(".dari-segment").nth(0).locator(".dari-en").textContent())!;
      await page.locator(".dari-tm-add-project").click();
      await page.waitForFunction(() => /Added \d+ units of this project to the memory/.test(document.querySelector(".dari-message")?.textContent ?? ""));
      await page.locator(".dari-tm-sample").waitFor({ state: "hidden" });
      assert.deepEqual((await memoryRecords(page)).filter((r) => r.origin === SAMPLE_TITLE), [{ origin: SAMPLE_TITLE, added: true }]);
      const b = await writeProject(join(tmp, "b.dari"), "Project B", [{ ko, en: "" }]);
      await openProject(app, b);
      await showMemoryPanel(page);
      await focusSide(page, 0, "en");
      const match = page.locator(".dari-tm-match", { hasText: en.slice(0, 30) });
      await match.waitFor();
      assert.equal(await match.locator(".dari-tm-origin").textContent(), `from ${SAMPLE_TITLE}`);
    },
    { startScreen: true },
  );
});
