// Merge conflicts in the editor (issue 16, requirement 6): a project merged
// by mergeProjectTexts with two segments both branches edited differently
// opens flagged, with their version in view and the count in the status bar;
// the analyst takes theirs for one, edits the other and marks it resolved,
// saves, and the reopened project has no conflict left and the chosen texts.
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { useBrowser, withApp, focusSide, sideLocator } from "./helpers";
import { createProjectState } from "../app/project-state";
import { mergeProjectTexts } from "../app/merge/merge3";
import { parseProject } from "../app/document";
import { segmentList } from "../app/document/segments";
import { sample, file, setSide } from "../test/edits";

const browser = useBrowser();

/** The sample after a merge in which segments 4 (English) and 6 (Korean) were edited on both branches. */
function mergedText(): string {
  const s0 = createProjectState(sample());
  const ours = setSide(setSide(s0, 3, "en", "Mine."), 5, "ko", "내 문장.");
  const theirs = setSide(setSide(s0, 3, "en", "Theirs."), 5, "ko", "상대 문장.");
  const r = mergeProjectTexts(file(s0, "base"), file(ours, "ours"), file(theirs, "theirs"));
  assert.equal(r.conflicts.length, 2);
  return r.text;
}

test("conflicts are flagged with their version; take theirs, edit and mark resolved, save, reopen: none left", async () => {
  const path = join(await mkdtemp(join(tmpdir(), "dari-conflicts-")), "merged.dari");
  await writeFile(path, mergedText());
  await withApp(
    browser(),
    async (app) => {
      const { page } = app;
      // Flagged in the gutter, with their version under ours.
      assert.equal(await page.locator(".dari-segment.dari-conflict").count(), 2);
      const seg4 = page.locator(".dari-segment").nth(3);
      assert.match(await seg4.getAttribute("class") ?? "", /dari-conflict/);
      assert.equal(await seg4.locator(".dari-conflict-theirs .dari-conflict-en").innerText().then((s) => s.includes("Theirs.")), true);
      assert.equal(await sideLocator(page, 3, "en").innerText(), "Mine.");
      const count = page.locator(".dari-statusbar .dari-conflict-count");
      assert.equal(await count.innerText(), "2 conflicts");
      await page.screenshot({ path: "/tmp/w16ui-conflicts-editor.png" });

      // The status bar opens the panel; "Take theirs" on segment 4.
      await count.click();
      const items = page.locator(".dari-conflicts-panel .dari-conflict-item");
      assert.equal(await items.count(), 2);
      assert.match(await items.first().innerText(), /Segment 4/);
      await page.screenshot({ path: "/tmp/w16ui-conflicts-panel.png" });
      await items.first().getByRole("button", { name: /^Take theirs/ }).click();
      assert.equal(await sideLocator(page, 3, "en").innerText(), "Theirs.");
      assert.equal(await page.locator(".dari-segment.dari-conflict").count(), 1);
      assert.equal(await count.innerText(), "1 conflict");

      // The other: edited by hand, then marked resolved from the keyboard.
      await focusSide(page, 5, "ko");
      await page.keyboard.type(" 합의");
      await page.locator(".dari-conflicts-panel .dari-conflict-item").first().getByRole("button", { name: /^Mark resolved/ }).focus();
      await page.keyboard.press("Enter");
      assert.equal(await page.locator(".dari-segment.dari-conflict").count(), 0);
      assert.equal(await count.isVisible(), false);
      assert.match(await page.locator(".dari-conflicts-summary").innerText(), /No conflicts/);

      // With the last one resolved, the keyboard is back in the text, where Ctrl+S saves.
      await page.keyboard.press("Control+s");
      await page.waitForFunction(() => !document.title.includes("•"));
      const saved = parseProject(await readFile(path, "utf8"));
      assert.doesNotMatch(await readFile(path, "utf8"), /"conflict"/);
      assert.equal(segmentList(saved.doc)[3].node.child(1).textContent, "Theirs.");

      // Reopened: no conflict left, their text and the edited one in place.
      app.dialogs.openProjectAnswers.push(path);
      await app.menu("open");
      await page.waitForFunction(() => document.querySelectorAll(".dari-segment").length > 5);
      assert.equal(await page.locator(".dari-segment.dari-conflict").count(), 0);
      assert.equal(await sideLocator(page, 3, "en").innerText(), "Theirs.");
      assert.equal(await sideLocator(page, 5, "ko").innerText(), "내 문장. 합의");
    },
    { startupFile: path },
  );
});

test("in Korean the flag, the count and the panel speak Korean, and Shift+Ctrl+6 opens the panel", async () => {
  const path = join(await mkdtemp(join(tmpdir(), "dari-conflicts-")), "merged.dari");
  await writeFile(path, mergedText());
  await withApp(
    browser(),
    async (app) => {
      const { page } = app;
      assert.equal(await page.locator(".dari-statusbar .dari-conflict-count").innerText(), "충돌 2개");
      assert.match((await page.locator(".dari-segment.dari-conflict").first().getAttribute("title")) ?? "", /병합 충돌/);
      await sideLocator(page, 0, "ko").click();
      await page.keyboard.press("Control+Shift+6");
      const panel = page.locator(".dari-conflicts-panel");
      await panel.waitFor();
      assert.match(await panel.innerText(), /상대 것 선택/);
      // Next conflict moves the cursor into segment 4.
      await panel.getByRole("button", { name: "다음 충돌" }).click();
      assert.match(await page.locator(".dari-statusbar .dari-position").innerText(), /4/);
      await page.screenshot({ path: "/tmp/w16ui-conflicts-ko.png" });
    },
    { startupFile: path, locale: "ko-KR" },
  );
});
