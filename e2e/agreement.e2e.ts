// Inter-coder agreement in the editor (issue 16, requirement 7): the open
// project compared with another coder's file (chosen in main's dialog), the
// table per theme and side, the disagreements side by side, and taking the
// other coder's coding of one into the open project.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { useBrowser, withApp } from "./helpers";
import { createProjectState, projectFromState } from "../app/project-state";
import { serializeProject } from "../app/document";
import { segmentList } from "../app/document/segments";
import { sample, tag } from "../test/edits";

const browser = useBrowser();

test("compare codings: kappa table, the disagreement side by side, take their coding", async () => {
  const dir = await mkdtemp(join(tmpdir(), "dari-agree-"));
  const base = createProjectState(sample());
  const ko0 = segmentList(base.doc)[0].node.child(0).textContent;
  const ko2 = segmentList(base.doc)[2].node.child(0).textContent;
  const mine = tag(tag(base, ko0.slice(0, 6), "space", "a1"), ko2.slice(0, 4), "arms", "a2");
  const theirs = tag(base, ko0.slice(0, 6), "space", "b1");
  const minePath = join(dir, "mine.dari");
  const theirsPath = join(dir, "theirs.dari");
  await writeFile(minePath, serializeProject(projectFromState(mine)));
  await writeFile(theirsPath, serializeProject(projectFromState(theirs)));
  await withApp(
    browser(),
    async (app) => {
      const { page } = app;
      app.dialogs.openProjectAnswers.push(theirsPath);
      await app.menu("compareCodings");
      const dialog = page.locator(".dari-dialog");
      await dialog.waitFor();
      assert.match(await dialog.locator("h2").innerText(), /Agreement with theirs\.dari/);
      const space = dialog.locator('tr[data-code="space"][data-side="ko"]');
      assert.deepEqual(await space.locator("td").allInnerTexts(), ["Space cooperation", "Korean", "1.00", "1.00", "1.00", "49", "0"]);
      assert.match(await dialog.locator('tr[data-code="arms"][data-side="ko"]').innerText(), /48\s+1$/);
      const item = dialog.locator('.dari-agree-item[data-code="arms"]');
      assert.match(await item.innerText(), /Segment 3.*coded only in mine/);
      await page.screenshot({ path: "/tmp/w16ui-agreement.png" });
      await item.getByRole("button", { name: "Take their coding" }).click();
      assert.equal(await item.getByRole("button").innerText(), "Taken");
      await dialog.getByRole("button", { name: "OK" }).press("Enter");
      await dialog.waitFor({ state: "detached" });
      // The arms tag is gone from segment 3, space is kept.
      assert.equal(await page.locator(".dari-segment").nth(2).locator(".dari-themed").count(), 0);
      assert.ok((await page.locator(".dari-segment").nth(0).locator(".dari-ko .dari-themed").count()) > 0);
      assert.match(await page.title(), /•/, "the open project has an unsaved change");
    },
    { startupFile: minePath },
  );
});
