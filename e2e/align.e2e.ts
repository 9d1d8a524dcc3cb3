// Alignment editing as the analyst does it in the window: unsure segments are
// flagged in the gutter, the keys merge, split, confirm and re-align, and
// undo brings the segments back.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile, writeFile, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { launchBrowser, launchApp, stopServer, focusSide, sideLocator, CORPUS, type AppHandle } from "./helpers";
import { buildDoc, emptyMeta, serializeProject } from "../app/document";
import { OMISSION_PASSAGE } from "../test/fixtures/omission-passage";

const gold = JSON.parse(await readFile(join(CORPUS, "commentary.gold.json"), "utf8")) as { ko: string[][]; en: string[][] };
const [k0, k1, k2, k3] = gold.ko[0];
const [e0, e1, e2, e3, e4] = gold.en[0];

let browser: Browser;
let dir: string;
let file: string;
before(async () => {
  browser = await launchBrowser();
  dir = await mkdtemp(join(tmpdir(), "dari-align-e2e-"));
  file = join(dir, "align.dari");
  // Passage 0 aligned, its second segment unsure; passage 1 not aligned yet.
  const doc = buildDoc([
    {
      segments: [
        { ko: k0, en: e0, confidence: 0.98 },
        { ko: k1, en: e1, confidence: 0.31 },
        { ko: k2, en: `${e2} ${e3}`, confidence: 0.9 },
        { ko: k3, en: e4, confidence: 0.95 },
      ],
    },
    { segments: [{ ko: gold.ko[1].join(" "), en: gold.en[1].join(" ") }] },
  ]);
  await writeFile(file, serializeProject({ meta: emptyMeta("align"), codebook: [], glossary: [], doc }));
});
after(async () => {
  await browser?.close();
  await stopServer();
  await rm(dir, { recursive: true, force: true });
});

async function withApp(f: (app: AppHandle) => Promise<void>) {
  const app = await launchApp({ browser, startupFile: file });
  try {
    await f(app);
  } finally {
    await app.close();
  }
}

const count = (page: Page) => page.locator(".dari-segment").count();

/** Puts the cursor `offset` characters into the Korean side of the n-th segment, as a click there would. */
async function cursorAt(page: Page, n: number, offset: number): Promise<void> {
  await sideLocator(page, n, "ko").evaluate((el, o) => {
    const text = el.firstChild!;
    const range = document.createRange();
    range.setStart(text, o);
    range.collapse(true);
    const sel = window.getSelection()!;
    sel.removeAllRanges();
    sel.addRange(range);
  }, offset);
  await page.waitForTimeout(30);
}

test("an unsure segment is flagged in the gutter until it is confirmed", async () => {
  await withApp(async ({ page }) => {
    const flagged = page.locator(".dari-segment.dari-low-confidence");
    assert.equal(await flagged.count(), 1);
    assert.match((await flagged.getAttribute("title")) ?? "", /31%/);
    // The toolbar offers the commands, with their keys in the tooltip.
    assert.match((await page.locator('[data-action="align-merge"]').getAttribute("title")) ?? "", /Merge with next.*Ctrl\+Alt\+J/);
    // Jump to it from the first segment, and confirm it from the keyboard.
    await focusSide(page, 0, "ko");
    await page.keyboard.press("Control+Alt+u");
    await page.keyboard.press("Control+Alt+c");
    assert.equal(await flagged.count(), 0);
    assert.equal(await page.locator(".dari-segment").nth(1).getAttribute("data-confirmed"), "true");
  });
});

test("merge with next, split at the cursor, undo, and re-align a passage from the keyboard", async () => {
  await withApp(async ({ page }) => {
    assert.equal(await count(page), 5);
    await focusSide(page, 0, "ko", "start");
    await page.keyboard.press("Control+Alt+j");
    assert.equal(await count(page), 4);
    assert.equal(await sideLocator(page, 0, "ko").textContent(), `${k0} ${k1}`);
    await page.keyboard.press("Control+z");
    assert.equal(await count(page), 5);
    assert.equal(await sideLocator(page, 0, "ko").textContent(), k0);

    // Split the unaligned passage at its second Korean sentence.
    const last = (await count(page)) - 1;
    await focusSide(page, last, "ko", "start");
    await cursorAt(page, last, gold.ko[1][0].length + 1);
    await page.keyboard.press("Control+Alt+k");
    assert.equal(await count(page), 6);
    assert.equal(await sideLocator(page, last, "ko").textContent(), gold.ko[1][0]);
    assert.equal(await sideLocator(page, last, "en").textContent(), gold.en[1][0]);

    // Re-align the passage: its five beads.
    await page.keyboard.press("Control+Alt+r");
    assert.equal(await count(page), 4 + 5);
    for (let i = 0; i < 5; i++) assert.equal(await sideLocator(page, 4 + i, "ko").textContent(), gold.ko[1][i]);
  });
});

test("Ctrl+Alt+R re-aligns a passage with the word pairs learned from the user memory", async () => {
  // A passage whose second Korean sentence has no English: by lengths alone its
  // neighbour's English lands on it; the learned pairs say where each English sentence belongs.
  const { ko, en } = OMISSION_PASSAGE;
  const learnedFile = join(dir, "learned.dari");
  await writeFile(learnedFile, serializeProject({ meta: emptyMeta("learned"), codebook: [], glossary: [], doc: buildDoc([{ segments: [{ ko: ko.join(" "), en: en.join(" ") }] }]) }));
  const pairs = OMISSION_PASSAGE.pairs;
  const app = await launchApp({ browser, startupFile: learnedFile });
  try {
    const { page } = app;
    const segments = async () => {
      const out: [string, string][] = [];
      for (let i = 0; i < (await count(page)); i++) out.push([(await sideLocator(page, i, "ko").textContent()) ?? "", (await sideLocator(page, i, "en").textContent()) ?? ""]);
      return out;
    };
    const store = (learned: unknown) => page.evaluate((v) => localStorage.setItem("dari.learnedLexicon", JSON.stringify(v)), learned);

    // Nothing learned yet: the untranslated sentence takes the grandmother's English.
    await store([]);
    await focusSide(page, 0, "ko", "start");
    await page.keyboard.press("Control+Alt+r");
    const without = await segments();
    assert.deepEqual(without[1], [ko[1], en[1]]);
    await page.keyboard.press("Control+z");
    assert.equal(await count(page), 1);

    // As the memory stores what it learned: the same key again.
    await store(pairs.map(([k, e]) => ({ ko: k, en: e, dice: 0.9, count: 12 })));
    await focusSide(page, 0, "ko", "start");
    await page.keyboard.press("Control+Alt+r");
    assert.deepEqual(await segments(), [
      [ko[0], en[0]],
      [ko[1], ""],
      [ko[2], en[1]],
      [ko[3], en[2]],
    ]);
  } finally {
    await app.close();
  }
});
