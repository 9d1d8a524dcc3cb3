// REFI-QDA projects in the window: the Export dialog writes a .qdpx, and
// File › Open reads one back as a new project with its tags; a project from
// another tool opens aligned, and what Dari left out is said in the message line.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { strToU8, zipSync } from "fflate";
import { useBrowser, launchApp } from "./helpers";
import { serializeProject } from "../app/document";
import { themedProject } from "../test/fixtures/export-project";

const browser = useBrowser();

const QDE = `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="Summit" origin="ATLAS.ti for Windows 23.2.3.27778">
  <CodeBook><Codes><Code guid="{00000001-AAAA-4BBB-8CCC-DDDDDDDDDDDD}" name="우주 협력" isCodable="true" color="#1F77B4"/></Codes></CodeBook>
  <Sources>
    <TextSource guid="{00000002-AAAA-4BBB-8CCC-DDDDDDDDDDDD}" name="ko"><PlainTextContent>북러 정상회담은 우주기지에서 열렸다. 무기 거래가 의제였다.</PlainTextContent>
      <PlainTextSelection guid="{00000003-AAAA-4BBB-8CCC-DDDDDDDDDDDD}" startPosition="9" endPosition="13"><Coding guid="{00000004-AAAA-4BBB-8CCC-DDDDDDDDDDDD}"><CodeRef targetGUID="{00000001-AAAA-4BBB-8CCC-DDDDDDDDDDDD}"/></Coding></PlainTextSelection>
    </TextSource>
    <TextSource guid="{00000005-AAAA-4BBB-8CCC-DDDDDDDDDDDD}" name="en"><PlainTextContent>The summit was held at a space centre. Arms trade was on the agenda.</PlainTextContent></TextSource>
    <PictureSource guid="{00000006-AAAA-4BBB-8CCC-DDDDDDDDDDDD}" name="map" path="internal://map.png"/>
  </Sources>
</Project>`;

test("export the project as .qdpx from the Export dialog, open it with File › Open, and open a project from ATLAS.ti", async () => {
  const app = await launchApp({ browser: browser(), locale: "en-US" });
  try {
    const { page } = app;
    // A coded commentary: tags, memos, statuses.
    const coded = join(app.tmp, "coded.dari");
    await writeFile(coded, serializeProject(themedProject()));
    app.dialogs.openProjectAnswers.push(coded);
    await page.keyboard.press("Control+o");
    await page.waitForFunction(() => document.title.startsWith("coded.dari"));
    const segments = await page.locator(".dari-segment").count();
    // The tags shown, by theme and id (how overlapping marks nest in the DOM is not the point).
    const shownTags = async () =>
      ((await page.evaluate(`(() => {
        const tags = {};
        const walker = document.createTreeWalker(document.querySelector(".ProseMirror"), NodeFilter.SHOW_TEXT);
        for (let t = walker.nextNode(); t; t = walker.nextNode())
          for (let el = t.parentElement.closest(".dari-theme"); el; el = el.parentElement.closest(".dari-theme")) {
            const key = el.getAttribute("data-code") + " " + el.getAttribute("data-id");
            tags[key] = (tags[key] || "") + t.data;
          }
        return Object.entries(tags).map(([k, v]) => k + " " + v).sort();
      })()`)) as string[]);
    const tagsBefore = await shownTags();
    assert.ok(tagsBefore.length > 10);
    await app.menu("export");
    const dialog = page.locator(".dari-export-dialog");
    await dialog.locator("select[name=format]").selectOption("qdpx");
    const file = join(app.tmp, "commentary.qdpx");
    app.dialogs.exportAnswers.push(file);
    await dialog.locator("[data-action=export-run]").click();
    await page.waitForSelector(".dari-export-dialog", { state: "detached" });
    assert.deepEqual([...(await readFile(file)).subarray(0, 2)], [0x50, 0x4b], "a zip");
    // A 1-segment project first, so the reopened file is seen to arrive.
    await app.menu("new");
    await page.waitForFunction(() => document.querySelectorAll(".dari-segment").length === 1);

    app.dialogs.openProjectAnswers.push(file);
    await page.keyboard.press("Control+o");
    await page.waitForFunction((n) => document.querySelectorAll(".dari-segment").length === n, segments);
    assert.deepEqual(await shownTags(), tagsBefore);

    const atlas = join(app.tmp, "summit.qdpx");
    await writeFile(atlas, zipSync({ "project.qde": strToU8(QDE) }));
    // The project made from the first file is new and unsaved: the analyst lets it go.
    app.dialogs.discardAnswers.push("discard");
    app.dialogs.openProjectAnswers.push(atlas);
    await page.keyboard.press("Control+o");
    await page.waitForFunction(() => document.querySelectorAll(".dari-segment").length === 2);
    assert.equal(await page.locator(".dari-segment").first().locator(".dari-en").textContent(), "The summit was held at a space centre.");
    assert.equal(await page.locator(".dari-theme").first().textContent(), "우주기지");
    assert.match((await page.locator(".dari-message").textContent()) ?? "", /left out: picture sources \(1\)/);
    assert.deepEqual(app.foreignRequests, []);
  } finally {
    await app.close();
  }
});
