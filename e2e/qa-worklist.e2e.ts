// QA you can work through (issue 17.9) and the glossary through Korean endings
// (issue 17.7), tried as an analyst would: click anywhere on a finding to go
// there, ignore it (kept in the project), find it still ignored after saving
// and reopening, show it again; Korean messages with the particle that fits
// the word; the cosmodrome found as one term in 우주기지였다는.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { useBrowser, withApp, clearSide, focusSide } from "./helpers";
import { parseProject } from "../app/document/index";

const browser = useBrowser();

/** The index of the segment holding the caret (the DOM selection), or -1. */
const caretSegment = (page: Page) =>
  page.evaluate(() => {
    const node = window.getSelection()?.anchorNode;
    const el = node instanceof Element ? node : node?.parentElement;
    const seg = el?.closest(".dari-segment");
    return seg ? Array.from(document.querySelectorAll(".dari-segment")).indexOf(seg) : -1;
  });

const summary = (page: Page) => page.locator(".dari-qa-summary");

test("QA: a click anywhere on an entry goes there; a finding is ignored, stays ignored after save and reopen, and is shown again", async () => {
  await withApp(browser(), async (app) => {
    const { page } = app;
    await clearSide(page, 0, "en");
    await page.keyboard.type("The summit was held in Russia.");
    await page.locator('button[data-panel="qa"]').click();
    const cosmodrome = page.locator('.dari-qa-item[data-segment="0"]', { hasText: "Vostochny Cosmodrome" });
    await cosmodrome.waitFor();

    // The whole entry is a way to the segment: its message too, not only the button.
    const last = page.locator(".dari-qa-item").last();
    const target = Number(await last.getAttribute("data-segment"));
    assert.ok(target > 0, "the last finding is in a later segment");
    await last.locator(".dari-qa-message").click();
    await page.waitForFunction((n) => {
      const node = window.getSelection()?.anchorNode;
      const el = node instanceof Element ? node : node?.parentElement;
      return Array.from(document.querySelectorAll(".dari-segment")).indexOf(el?.closest(".dari-segment") as Element) === n;
    }, target);
    assert.equal(await caretSegment(page), target);

    // Ignore, with the keyboard: Tab from the entry's jump reaches its Ignore button.
    const before = Number(/^(\d+) problems$/.exec((await summary(page).textContent()) ?? "")?.[1]);
    assert.ok(before > 1, `a count to start from: ${await summary(page).textContent()}`);
    const flagTitle = () => page.locator(".dari-segment").nth(0).locator(".dari-qa-flag").getAttribute("title");
    assert.match((await flagTitle()) ?? "", /Vostochny Cosmodrome/);
    await cosmodrome.locator(".dari-qa-go").focus();
    await page.keyboard.press("Tab");
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), "Ignore");
    await page.keyboard.press("Enter");
    await cosmodrome.waitFor({ state: "detached" });
    assert.equal(await summary(page).textContent(), `${before - 1} problems (1 ignored)`);
    assert.doesNotMatch((await flagTitle()) ?? "", /Vostochny Cosmodrome/, "the gutter flag no longer says it");
    assert.equal(await caretSegment(page), target, "ignoring does not jump");
    assert.equal(await page.evaluate(() => document.activeElement?.classList.contains("dari-qa-ignore")), true, "the keyboard stays in the list");

    // Saved in the project.
    const file = join(app.tmp, "worked.dari");
    app.dialogs.saveAnswers.push(file);
    await page.keyboard.press("Control+s");
    await page.waitForFunction(() => document.title.startsWith("worked.dari") && !document.title.includes("•"));
    const saved = parseProject(await readFile(file, "utf8"));
    assert.equal(saved.qaIgnored?.length, 1);
    assert.equal(saved.qaIgnored![0].rule, "termMissing");
    assert.match(saved.qaIgnored![0].key, /Vostochny Cosmodrome/);

    // Another project, then this one again: still ignored.
    await app.menu("new");
    await page.waitForFunction(() => document.querySelectorAll(".dari-segment").length === 1);
    app.dialogs.openProjectAnswers.push(file);
    await page.keyboard.press("Control+o");
    await page.waitForFunction(() => document.title.startsWith("worked.dari"));
    if (!(await page.locator(".dari-qa-panel").isVisible())) await page.locator('button[data-panel="qa"]').click();
    await page.waitForFunction((n) => document.querySelector(".dari-qa-summary")?.textContent === `${n} problems (1 ignored)`, before - 1);
    assert.equal(await cosmodrome.count(), 0);

    // Show ignored: the entry is there, marked, and can be shown again.
    await page.locator(".dari-qa-show-ignored").check();
    await cosmodrome.waitFor();
    assert.match((await cosmodrome.getAttribute("class")) ?? "", /dari-qa-is-ignored/);
    await cosmodrome.locator(".dari-qa-ignore", { hasText: "Show again" }).click();
    await page.waitForFunction((n) => document.querySelector(".dari-qa-summary")?.textContent === `${n} problems`, before);
    assert.doesNotMatch((await cosmodrome.getAttribute("class")) ?? "", /dari-qa-is-ignored/);
    await page.locator(".dari-qa-show-ignored").uncheck();
    await cosmodrome.waitFor();
    assert.match((await flagTitle()) ?? "", /Vostochny Cosmodrome/, "the flag is back");
    assert.match(await page.title(), /•/, "showing again is a change to save");
  });
});

test("QA in Korean: the particle fits a word ending in a consonant and one ending in a vowel, English and numbers read aloud", async () => {
  await withApp(
    browser(),
    async (app) => {
      const { page } = app;
      await clearSide(page, 0, "en");
      await page.keyboard.type("It was held in Russia in 2023 on 13 September and 2019.");
      await page.locator('button[data-panel="qa"]').click();
      const message = (text: string) => page.locator('.dari-qa-item[data-segment="0"] .dari-qa-message', { hasText: text }).first();
      await message("보스토치니 우주기지").waitFor();
      // 우주기지 ends in a vowel (는), 정상회담 in a consonant (은); Cosmodrome and summit end in one as spoken (으로).
      assert.equal(await message("보스토치니 우주기지").textContent(), "“보스토치니 우주기지”는 “Vostochny Cosmodrome”으로 옮겨야 합니다(용어집).");
      assert.equal(await message("“정상회담”").textContent(), "“정상회담”은 “summit”으로 옮겨야 합니다(용어집).");
      // 북러 ends in a vowel, and Russia too (로).
      assert.equal(await message("“북러”").textContent(), "“북러”는 “North Korea–Russia”로 옮겨야 합니다(용어집).");
      // 2019 is 이천십구 (가).
      assert.equal(await message("2019").textContent(), "영어의 숫자 2019가 한국어에 없습니다.");
      const all = await page.locator(".dari-qa-message").allTextContents();
      assert.ok(all.every((m) => !/\((은|는|이|가|을|를|으)\)/.test(m)), all.join("\n"));
      assert.equal(await page.locator(".dari-qa-ignore").first().textContent(), "무시");
    },
    { locale: "ko-KR" },
  );
});

test("glossary: 보스토치니 우주기지였다는 is the cosmodrome, once, in the text and the insert list", async () => {
  await withApp(browser(), async (app) => {
    const { page } = app;
    const n = await page.$$eval(".dari-segment", (els) => els.findIndex((e) => (e.querySelector(".dari-ko")?.textContent ?? "").includes("우주기지였다는")));
    assert.ok(n >= 0, "the sample has 우주기지였다는");
    const seg = page.locator(".dari-segment").nth(n);
    await seg.scrollIntoViewIfNeeded();
    const terms = await seg.locator(".dari-ko .dari-term").evaluateAll((els) => els.map((e) => `${e.textContent}=${e.getAttribute("title")}`));
    assert.ok(terms.includes("보스토치니 우주기지=Vostochny Cosmodrome"), terms.join(", "));
    assert.ok(!terms.some((t) => t.endsWith("=Vostochny")), terms.join(", "));
    await focusSide(page, n, "ko", "end");
    await page.locator('button[data-panel="glossary"]').click();
    const hits = page.locator(".dari-glossary-hits li .dari-term-ko");
    await hits.first().waitFor();
    const listed = await hits.allTextContents();
    assert.equal(listed.filter((t) => t === "보스토치니 우주기지").length, 1, listed.join(", "));
    assert.ok(!listed.includes("보스토치니"), listed.join(", "));
  });
});
