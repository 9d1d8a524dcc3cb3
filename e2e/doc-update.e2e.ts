// renderer/plugins/doc-update.ts updates only the changed passages of the
// document's view. Here one document is shown twice, one view through the
// shortcut and one through prosemirror-view's own path, and after every one
// of hundreds of random changes (typing, deleting, passages copied and
// removed, node, inline and widget decorations from several plugins, the
// cursor moving, passages coming into view) the two must hold the very same
// DOM. Typing through the browser and a Korean IME (the DOM observer's path)
// is compared too.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { build } from "vite";
import type { Browser, Page } from "playwright-core";
import { launchBrowser, serveRenderer, ROOT, typeKoreanIME } from "./helpers";
import { buildLargeProject } from "../bench/build-large";
import type { Server } from "node:http";

let browser: Browser;
let server: Server;
let url: string;

before(async () => {
  await build({ configFile: join(ROOT, "e2e/pages/doc-update/vite.config.ts") });
  ({ url, server } = await serveRenderer(join(ROOT, "out/e2e-doc-update")));
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await new Promise((r) => server?.close(r));
});

type Window_ = { docUpdate: { open(doc: unknown): void; run(seed: number, n: number): unknown; same(): boolean; stats(): { fast: number; full: number }; focusSide(i: number): void; text(i: number): string } };

async function page(passages: number): Promise<Page> {
  const p = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await p.goto(url);
  await p.waitForFunction(() => !!(window as unknown as Partial<Window_>).docUpdate);
  const doc = buildLargeProject({ passages, segmentsPerPassage: 4 }).doc.toJSON();
  await p.evaluate((d) => (window as unknown as Window_).docUpdate.open(d), doc);
  return p;
}

for (const [passages, seeds] of [[230, [1, 2, 3]], [40, [4, 5]]] as const) {
  test(`the shortcut leaves the same DOM as prosemirror-view after random changes (${passages} passages${passages >= 200 ? ", rendered lazily" : ""})`, async () => {
    const p = await page(passages);
    try {
      for (const seed of seeds) {
        const diff = await p.evaluate(([s]) => (window as unknown as Window_).docUpdate.run(s, 250), [seed]);
        assert.equal(diff, null, `seed ${seed}: ${JSON.stringify(diff, null, 1)}`);
      }
      const stats = await p.evaluate(() => (window as unknown as Window_).docUpdate.stats());
      // Both ways were taken: most changes through the shortcut, the rest (widgets between passages, structure) the full way.
      assert.ok(stats.fast > 150, `shortcut taken ${JSON.stringify(stats)} times`);
      assert.ok(stats.full > 20, `full update taken ${stats.full} times`);
    } finally {
      await p.close();
    }
  });
}

test("typing through the browser and an IME leaves the same DOM in both views", async () => {
  const p = await page(230);
  try {
    const cdp = await p.context().newCDPSession(p);
    for (const side of [3, 57, 120]) {
      await p.evaluate((i) => (window as unknown as Window_).docUpdate.focusSide(i), side);
      const before = await p.evaluate((i) => (window as unknown as Window_).docUpdate.text(i), side);
      await p.keyboard.type(" bridge");
      await typeKoreanIME(cdp, ["ㄷ", "다", "달", "다리"], "다리");
      await p.keyboard.press("Backspace");
      assert.equal(await p.evaluate((i) => (window as unknown as Window_).docUpdate.text(i), side), before + " bridge다");
      assert.ok(await p.evaluate(() => (window as unknown as Window_).docUpdate.same()), `side ${side}`);
    }
    assert.ok((await p.evaluate(() => (window as unknown as Window_).docUpdate.stats())).fast > 10);
  } finally {
    await p.close();
  }
});
