// What the translation desk keeps for the user across projects: the user
// memory (the segments of the projects the user has worked on, in IndexedDB)
// and the user glossary (localStorage). A translation made in one project is
// offered, with its match percentage, in another whose Korean is the same or
// nearly so, in the same session and after the app is started again; a term
// kept in the user glossary is underlined in every project, and a damaged
// stored glossary is reported in the status bar without breaking the editor.
import { test } from "node:test";
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildDoc, emptyMeta, serializeProject, type SegmentInput } from "../app/document";
import type { GlossaryEntry } from "../app/translate/glossary-entry";
import { useBrowser, withApp, launchApp, focusSide, sideLocator, type AppHandle } from "./helpers";

const browser = useBrowser();

// Project A: two segments the user has translated.
const SUMMIT_KO = "푸틴 대통령은 보스토치니 우주기지에서 김정은 위원장과 정상회담을 열었다.";
const SUMMIT_EN = "President Putin held a summit with Chairman Kim Jong Un at the Vostochny Cosmodrome.";
const PRESS_KO = "회담이 끝난 뒤 양측은 공동 기자회견을 열지 않았다.";
const PRESS_EN = "After the talks, the two sides held no joint press conference.";
// Project B: the first sentence again, word for word; the second nearly the same (two words differ, a 72% match);
// the third in no project.
const PRESS_NEAR_KO = "회담이 끝난 뒤 양측은 공동 성명을 발표하지 않았다.";
const OTHER_KO = "이 문장은 어느 프로젝트에도 없었다.";

/** Writes a project file of one passage; its title is what the memory panel names it by. */
async function writeProject(path: string, title: string, segments: SegmentInput[], glossary: GlossaryEntry[] = []): Promise<string> {
  await writeFile(path, serializeProject({ meta: emptyMeta(title), codebook: [], glossary, doc: buildDoc([{ segments }]) }));
  return path;
}

/** Runs `f` with a fresh temporary folder, removed afterwards. */
async function inTempDir(f: (dir: string) => Promise<void>): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), "dari-user-data-"));
  try {
    await f(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Project A with its first segment translated and the second still to do. */
const projectAHalfDone = (dir: string) =>
  writeProject(join(dir, "a.dari"), "Project A", [
    { ko: SUMMIT_KO, en: SUMMIT_EN, status: "translated" },
    { ko: PRESS_KO, en: "" },
  ]);

const projectA = (dir: string) =>
  writeProject(join(dir, "a.dari"), "Project A", [
    { ko: SUMMIT_KO, en: SUMMIT_EN, status: "translated" },
    { ko: PRESS_KO, en: PRESS_EN, status: "translated" },
  ]);
const projectB = (dir: string) =>
  writeProject(join(dir, "b.dari"), "Project B", [
    { ko: SUMMIT_KO, en: "" },
    { ko: PRESS_NEAR_KO, en: "" },
    { ko: OTHER_KO, en: "" },
  ]);

/**
 * Waits until the user memory holds a translation into `en`: the desk stores
 * the open project a moment after it opens (REMEMBER_AFTER_MS), and its edits
 * after a pause. Only a wait; what is stored is judged by what another
 * project offers.
 */
async function remembered(page: Page, en: string): Promise<void> {
  // Polled from here: waitForFunction does not wait for a promise, and IndexedDB answers only through one.
  const deadline = Date.now() + 10_000;
  for (;;) {
    const stored = await page.evaluate(async (english) => {
      // Opened only once the app has created it: opening a missing database would create it without its store.
      if (!(await indexedDB.databases()).some((d) => d.name === "dari-memory")) return false;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open("dari-memory");
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      try {
        if (!db.objectStoreNames.contains("records")) return false;
        const all = await new Promise<{ units: { en: string }[] }[]>((resolve, reject) => {
          const req = db.transaction("records").objectStore("records").getAll();
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error);
        });
        return all.some((r) => r.units.some((u) => u.en === english));
      } finally {
        db.close();
      }
    }, en);
    if (stored) return;
    assert.ok(Date.now() < deadline, `"${en}" was not put into the user memory within 10 s`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function openProject(app: AppHandle, path: string): Promise<void> {
  app.dialogs.openProjectAnswers.push(path);
  await app.menu("open");
  await app.page.waitForFunction((t) => document.title.startsWith(t), path.split("/").pop()!);
}

/**
 * In the open project B: the memory panel offers project A's English for the
 * first segment as a 100% match and for the second as a fuzzy match, each with
 * its percentage and origin, and Ctrl+Alt+1 inserts the best one.
 */
async function memoryOffersProjectA(page: Page): Promise<void> {
  if (!(await page.locator(".dari-tm-panel").isVisible())) await page.locator('[data-panel="translate"]').click();
  await page.locator(".dari-tm-size").waitFor();

  await focusSide(page, 0, "en");
  const exact = page.locator(".dari-tm-match", { hasText: SUMMIT_EN });
  await exact.waitFor();
  assert.equal(await exact.getAttribute("data-score"), "100");
  assert.equal(await exact.locator(".dari-tm-score").textContent(), "100% match");
  assert.equal(await exact.locator(".dari-tm-origin").textContent(), "from Project A");
  assert.equal(await page.locator(".dari-tm-match").first().textContent(), await exact.textContent(), "the exact match comes first");
  await page.keyboard.press("Control+Alt+1");
  assert.equal(await sideLocator(page, 0, "en").textContent(), SUMMIT_EN);

  await focusSide(page, 1, "en");
  const fuzzy = page.locator(".dari-tm-match", { hasText: PRESS_EN });
  await fuzzy.waitFor();
  const score = Number(await fuzzy.getAttribute("data-score"));
  assert.ok(score >= 50 && score < 100, `a fuzzy match: ${score}%`);
  assert.equal(await fuzzy.locator(".dari-tm-score").textContent(), `${score}% match`);
  assert.equal(await fuzzy.locator(".dari-tm-origin").textContent(), "from Project A");
  assert.ok((await fuzzy.locator("ins, del").count()) > 0, "the words that differ are marked");
  assert.equal(await page.locator(".dari-tm-match").first().textContent(), await fuzzy.textContent(), "A's sentence is the best match");
  await page.keyboard.press("Control+Alt+1");
  assert.equal(await sideLocator(page, 1, "en").textContent(), PRESS_EN);

  // A sentence no project has: nothing offered.
  await focusSide(page, 2, "en");
  await page.locator(".dari-tm-none").waitFor();
  assert.equal(await page.locator(".dari-tm-match").count(), 0);
}

/** Starts on project A, works there (`inA`), opens project B in the same window, and checks that B is offered A's translations. */
async function fromAToB(makeA: (dir: string) => Promise<string>, inA: (app: AppHandle) => Promise<void>): Promise<void> {
  await inTempDir(async (dir) => {
    const a = await makeA(dir);
    const b = await projectB(dir);
    await withApp(
      browser(),
      async (app) => {
        await inA(app);
        await openProject(app, b);
        await memoryOffersProjectA(app.page);
      },
      { startupFile: a },
    );
  });
}

test("the memory offers translations from the project opened before, in the same session, and Ctrl+Alt+1 inserts them", async () => {
  await fromAToB(projectA, (app) => remembered(app.page, PRESS_EN));
});

test("a translation typed in one project is offered in the next one opened in the same session", async () => {
  // A opens with its first segment translated; the analyst translates the second there.
  await fromAToB(projectAHalfDone, async (app) => {
    const { page } = app;
    await remembered(page, SUMMIT_EN);
    // Typed after A was first remembered: only the later sync can store it.
    await focusSide(page, 1, "en");
    await page.keyboard.type(PRESS_EN);
    await page.keyboard.press("Control+Enter");
    await remembered(page, PRESS_EN);
    app.dialogs.discardAnswers.push("save");
  });
});

test("a translation made with the memory panel open, just before another project is opened, is offered there", async () => {
  await fromAToB(projectAHalfDone, async (app) => {
    const { page } = app;
    await page.locator('[data-panel="translate"]').click();
    await page.locator(".dari-tm-size").waitFor();
    await focusSide(page, 1, "en");
    await page.keyboard.type(PRESS_EN);
    await page.keyboard.press("Control+Enter");
    // At once, before the memory's pause after typing is over.
    app.dialogs.discardAnswers.push("save");
  });
});

test("the memory offers a translation from a project of an earlier session (same user data)", async () => {
  await inTempDir(async (dir) => {
    const a = await projectA(dir);
    const b = await projectB(dir);
    const userData = join(dir, "user-data");
    const first = await launchApp({ browser: browser(), userData, keepStorage: true, startupFile: a });
    try {
      await remembered(first.page, PRESS_EN);
    } finally {
      await first.close();
    }
    await withApp(browser(), async (app) => memoryOffersProjectA(app.page), { userData, keepStorage: true, startupFile: b });
  });
});

// The glossary test's projects: the term is in neither project's glossary.
const TERM_KO = "정상회담";
const TERM_EN = "summit";

const termSelector = `.dari-ko .dari-term[title="${TERM_EN}"]`;

test("a term kept in the user glossary is underlined in another project, and after the app is started again", async () => {
  await inTempDir(async (dir) => {
    const a = await writeProject(join(dir, "a.dari"), "Project A", [{ ko: SUMMIT_KO, en: "" }]);
    const b = await writeProject(join(dir, "b.dari"), "Project B", [
      { ko: "두 정상은 정상회담 뒤 만찬을 함께했다.", en: "" },
      { ko: OTHER_KO, en: "" },
    ]);
    const userData = join(dir, "user-data");
    const first = await launchApp({ browser: browser(), userData, keepStorage: true, startupFile: a });
    try {
      const { page } = first;
      assert.equal(await page.locator(termSelector).count(), 0, "no glossary knows the term yet");
      // Add the term to project A's glossary, then keep it in the user glossary (＋ on its row).
      await page.locator('[data-panel="glossary"]').click();
      await page.locator('.dari-glossary-form input[name="ko"]').fill(TERM_KO);
      await page.locator('.dari-glossary-form input[name="en"]').fill(TERM_EN);
      await page.locator(".dari-glossary-form button[type=submit]").click();
      const row = page.locator(".dari-glossary-table:not(.dari-user-glossary) tr", { hasText: TERM_EN });
      await row.locator('button[title="user glossary"]').click();
      await page.locator(".dari-user-glossary td", { hasText: TERM_EN }).waitFor();
      await page.locator(termSelector).waitFor();

      // Project B, in the same session: its own glossary is empty, the user glossary underlines the term.
      first.dialogs.discardAnswers.push("discard");
      await openProject(first, b);
      await page.locator(termSelector).waitFor();
      assert.equal(await page.locator(termSelector).count(), 1);
      assert.equal(await page.locator(termSelector).textContent(), TERM_KO);
      assert.equal(await page.locator(".dari-glossary-table:not(.dari-user-glossary) td", { hasText: TERM_EN }).count(), 0, "B's own glossary does not have it");
    } finally {
      await first.close();
    }

    // Started again with the same user data, on B: still underlined, still in the user glossary.
    await withApp(
      browser(),
      async ({ page }) => {
        await page.locator(termSelector).waitFor();
        assert.equal(await page.locator(termSelector).textContent(), TERM_KO);
        await page.locator('[data-panel="glossary"]').click();
        await page.locator(".dari-user-glossary td", { hasText: TERM_EN }).waitFor();
        // Glossary insert finds it in the user glossary.
        await focusSide(page, 0, "en");
        await page.keyboard.press("Control+Shift+g");
        assert.equal(await sideLocator(page, 0, "en").textContent(), TERM_EN);
      },
      { userData, keepStorage: true, startupFile: b },
    );
  });
});

// Started on a project file (a.dari), and on the sample as at first start.
for (const { locale, startsOn, message } of [
  { locale: "en-US", startsOn: "a file", message: "Your user glossary could not be read (the stored data is damaged), so it is not used." },
  { locale: "ko-KR", startsOn: "the sample", message: "저장된 사용자 용어집이 손상되어 읽을 수 없으므로 사용하지 않습니다." },
]) {
  test(`a damaged stored user glossary is reported in the status bar (${locale}, starting on ${startsOn}) and the editor still works`, async () => {
    await inTempDir(async (dir) => {
      const a = await writeProject(join(dir, "a.dari"), "Project A", [{ ko: SUMMIT_KO, en: "" }], [{ id: "g1", ko: "보스토치니 우주기지", en: "Vostochny Cosmodrome", note: "", forbidden: [] }]);
      const startupFile = startsOn === "a file" ? a : undefined;
      const userData = join(dir, "user-data");
      // An earlier session left a user glossary that is no longer JSON.
      const first = await launchApp({ browser: browser(), userData, keepStorage: true, locale, startupFile });
      try {
        await first.page.evaluate(() => localStorage.setItem("dari.userGlossary", '[{"ko":"정상회담","en":"sum'));
      } finally {
        await first.close();
      }

      await withApp(
        browser(),
        async ({ page }) => {
          const status = page.locator(".dari-message");
          await page.waitForFunction((m) => document.querySelector(".dari-message")?.textContent === m, message, { timeout: 5000 });
          assert.match((await status.getAttribute("class")) ?? "", /\berror\b/);
          // The project's own glossary still underlines its term.
          await page.locator('.dari-ko .dari-term[title="Vostochny Cosmodrome"]').first().waitFor();
          // The editor still works: typing and Ctrl+Enter.
          const before = (await sideLocator(page, 0, "en").textContent()) ?? "";
          await focusSide(page, 0, "en");
          await page.keyboard.type("A summit at the cosmodrome.");
          assert.equal(await sideLocator(page, 0, "en").textContent(), `${before}A summit at the cosmodrome.`);
          await page.keyboard.press("Control+Enter");
          assert.equal(await page.locator(".dari-segment").first().getAttribute("data-status"), "translated");
          // The glossary panel opens, with an empty user glossary.
          await page.locator('[data-panel="glossary"]').click();
          await page.locator(".dari-user-glossary").waitFor();
          assert.equal(await page.locator(".dari-user-glossary td").count(), 0);
        },
        { userData, keepStorage: true, locale, startupFile },
      );
    });
  });
}
