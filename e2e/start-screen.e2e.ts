// Issue 15 req. 5: without a file Dari opens on the start screen (recent
// projects with title, file, last change and progress; New from files; Open;
// Open the sample), and the sample is a worked example.
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { useBrowser, withApp } from "./helpers";

const browser = useBrowser();

test("started without a file, Dari shows the start screen; the sample opens as a worked example", async () => {
  await withApp(
    browser(),
    async ({ page }) => {
      const start = page.locator(".dari-start");
      assert.ok(await start.isVisible());
      assert.equal(await start.locator("h1").textContent(), "Welcome to Dari");
      assert.match((await start.textContent())!, /No recent projects yet/);
      assert.equal(await page.evaluate(() => document.activeElement?.getAttribute("data-action")), "start-new", "the keyboard starts on the first action");
      assert.equal(await page.locator(".ProseMirror").textContent(), "", "no sample forced on start");
      await start.locator('[data-action="start-sample"]').click();
      await start.waitFor({ state: "hidden" });
      assert.equal(await page.title(), "북러 정상회담과 우주 협력 — Dari", "an unsaved project goes by its title");
      // Every panel and picture has something to show: tags in both languages, statuses, memos.
      assert.ok((await page.locator(".dari-ko .dari-themed").count()) > 5);
      assert.ok((await page.locator(".dari-en .dari-themed").count()) > 5);
      assert.ok((await page.locator('.dari-segment[data-status="reviewed"]').count()) > 0);
      assert.ok((await page.locator('.dari-segment[data-status="translated"]').count()) > 0);
      assert.doesNotMatch((await page.locator(".dari-progress-text").textContent())!, /^0\//);
      await page.locator('.dari-toolbar [data-panel="themes"]').click();
      const ko = await page.locator('[data-count="ko-annotations"]').allTextContents();
      const en = await page.locator('[data-count="en-annotations"]').allTextContents();
      assert.ok(ko.filter((n) => n !== "0").length >= 6, `themes tagged in Korean: ${ko}`);
      assert.ok(en.filter((n) => n !== "0").length >= 6, `themes tagged in English: ${en}`);
    },
    { startScreen: true },
  );
});

test("the start screen lists recent projects with title, file, last change and progress, and opens one", async () => {
  const b = browser();
  const dir = await mkdtemp(join(tmpdir(), "dari-e2e-recent-"));
  const userData = join(dir, "user-data");
  const saved = join(dir, "worked.dari");
  try {
    await withApp(
      b,
      async (app) => {
        await app.page.locator('[data-action="start-sample"]').click();
        await app.page.locator(".dari-start").waitFor({ state: "hidden" });
        app.dialogs.saveAnswers.push(saved);
        await app.menu("save");
        await app.page.waitForFunction(() => document.title.startsWith("worked.dari"));
      },
      { startScreen: true, userData },
    );
    await withApp(
      b,
      async ({ page }) => {
        const project = page.locator(".dari-start-project").first();
        await project.waitFor();
        assert.equal(await project.locator(".dari-start-title").textContent(), "북러 정상회담과 우주 협력");
        assert.equal(await project.locator(".dari-start-file").textContent(), "worked.dari");
        assert.match((await project.locator(".dari-start-meta").textContent())!, /^changed .+ · [1-9]\d?% translated$/);
        await project.click();
        await page.locator(".dari-start").waitFor({ state: "hidden" });
        assert.equal(await page.title(), "worked.dari — Dari");
      },
      { startScreen: true, userData },
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
