// A book-length project in the editor (renderer/plugins/lazy-passages.ts):
// it opens with only the passages near the viewport rendered, renders the
// others as they scroll near, keeps segment numbers and text right, lets the
// analyst type anywhere, and saves every segment, rendered or not.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { Fragment, type Node as PMNode } from "prosemirror-model";
import { launchBrowser, launchApp, stopServer, focusSide, type AppHandle } from "./helpers";
import { buildLargeProject } from "../bench/build-large";
import { parseProject, serializeProject, type Project } from "../app/document";
import { schema, sideText } from "../app/schema";

let browser: Browser;
let dir: string;
before(async () => {
  browser = await launchBrowser();
  dir = await mkdtemp(join(tmpdir(), "dari-large-"));
});
after(async () => {
  await browser?.close();
  await stopServer();
  await rm(dir, { recursive: true, force: true });
});

const PASSAGES = 300;

/** Writes `project` to the temporary folder and starts the app on it, once all its passages are in the editor. */
async function openLarge(name: string, project: Project): Promise<AppHandle> {
  const path = join(dir, name);
  await writeFile(path, serializeProject(project));
  const app = await launchApp({ browser, startupFile: path });
  await app.page.waitForFunction((n) => (window as unknown as { dariApp: { view(): { state: { doc: { childCount: number } } } } }).dariApp.view().state.doc.childCount === n, project.doc.childCount);
  return app;
}

test("a 3,000-segment project opens with the visible passages rendered and the rest as they scroll near", async () => {
  const project = buildLargeProject({ passages: PASSAGES });
  const path = join(dir, "large.dari");
  const app = await openLarge("large.dari", project);
  const { page } = app;
  try {
    const rendered = () => page.locator("section.dari-passage:not(.dari-passage-pending)").count();
    const first = await rendered();
    assert.ok(first > 0 && first < 100, `${first} passages rendered at first`);
    assert.equal(await page.locator("section.dari-passage").count(), PASSAGES, "every passage has its place");
    assert.equal(await page.locator(".dari-segment").first().getAttribute("data-n"), "1");

    // Scrolling to the end renders the last passages, numbered through the whole document.
    for (let i = 0; i < 20; i++) {
      await page.locator(".dari-editor-scroll").evaluate((el) => (el.scrollTop = el.scrollHeight));
      await page.waitForTimeout(100);
      if ((await page.locator("section.dari-passage").last().getAttribute("class"))?.includes("pending") === false) break;
    }
    const lastPassage = page.locator("section.dari-passage").last();
    assert.doesNotMatch((await lastPassage.getAttribute("class")) ?? "", /pending/);
    const lastSegment = lastPassage.locator(".dari-segment").last();
    assert.equal(await lastSegment.getAttribute("data-n"), String(PASSAGES * 10));
    const lastModel = project.doc.lastChild!.lastChild!;
    assert.equal(await lastSegment.locator(".dari-ko").textContent(), sideText(lastModel, "ko"));
    assert.ok((await rendered()) < PASSAGES, "passages far from both ends are still waiting");

    // Scrolling into the middle of a long run of waiting passages renders the ones now in view.
    await page.locator(".dari-editor-scroll").evaluate((el) => (el.scrollTop = el.scrollHeight * 0.4));
    await page.waitForFunction(() => {
      const scroller = document.querySelector(".dari-editor-scroll")!.getBoundingClientRect();
      return [...document.querySelectorAll(".dari-segment")].some((el) => {
        const r = el.getBoundingClientRect();
        return r.top >= scroller.top && r.bottom <= scroller.bottom;
      });
    });

    // Typing in the middle, where nothing was rendered yet: the cursor brings its passage in.
    const middle = Math.floor(PASSAGES / 2);
    await page.evaluate((index) => {
      const view = (window as unknown as { dariApp: { view(): any } }).dariApp.view();
      let pos = 0;
      view.state.doc.forEach((p: { nodeSize: number }, offset: number, i: number) => {
        if (i === index) pos = offset + 1 + 1 + 1; // inside the first segment's ko side
      });
      const TextSelection = view.state.selection.constructor;
      view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, pos)).scrollIntoView());
      view.focus();
    }, middle);
    await page.keyboard.type("다리");
    const middlePassage = page.locator("section.dari-passage").nth(middle);
    assert.doesNotMatch((await middlePassage.getAttribute("class")) ?? "", /pending/);
    assert.match((await middlePassage.locator(".dari-ko").first().textContent()) ?? "", /^다리/);
    assert.equal(await middlePassage.locator(".dari-segment").first().getAttribute("data-n"), String(middle * 10 + 1));

    // Saving writes every segment, rendered or not.
    await page.keyboard.press("Control+s");
    await page.waitForFunction(() => !document.title.includes("•"));
    const back = parseProject(await readFile(path, "utf8"));
    assert.equal(back.doc.childCount, PASSAGES);
    let changed = 0;
    back.doc.forEach((p, _, i) =>
      p.forEach((s, __, j) => {
        const orig = project.doc.child(i).child(j);
        if (sideText(s, "ko") !== sideText(orig, "ko") || sideText(s, "en") !== sideText(orig, "en")) {
          changed++;
          assert.equal(sideText(s, "ko"), "다리" + sideText(orig, "ko"));
        }
      }),
    );
    assert.equal(changed, 1, "only the typed segment differs");
    assert.deepEqual(app.foreignRequests, []);
  } finally {
    await app.close();
  }
});

test("when a status filter folds away most of the rendered segments, the passages that come into view are rendered", async () => {
  const project = buildLargeProject({ passages: PASSAGES });
  // One reviewed segment a passage: the filter leaves the rendered passages a line each.
  const json = project.doc.toJSON() as { content: { content: { attrs: { status: string } }[] }[] };
  for (const passage of json.content) passage.content.forEach((segment, i) => (segment.attrs.status = i === 0 ? "reviewed" : "draft"));
  const app = await openLarge("filter.dari", { ...project, doc: schema.nodeFromJSON(json) });
  const { page } = app;
  try {
    // The window is full of text: some shown segment reaches below its bottom edge.
    const filled = () =>
      page.waitForFunction(() => {
        const box = document.querySelector(".dari-editor-scroll")!.getBoundingClientRect();
        return [...document.querySelectorAll<HTMLElement>(".dari-segment")].some((el) => {
          const r = el.getBoundingClientRect();
          return r.height > 0 && r.top < box.bottom && r.bottom >= box.bottom - 20;
        });
      }, null, { timeout: 3000 });
    await filled();
    // Only the reviewed segments (about a quarter) stay; no scrolling follows.
    await page.locator("select.dari-status-filter").selectOption("reviewed");
    await filled();
  } finally {
    await app.close();
  }
});

test("opening another version of the project (a passage inserted) shows every passage with its own text as it scrolls near", async () => {
  const project = buildLargeProject({ passages: PASSAGES });
  const app = await openLarge("v1.dari", project);
  const { page } = app;
  try {
    // The second version has one passage more, in a stretch the first had not rendered.
    const segments: PMNode[] = [];
    project.doc.child(7).forEach((seg, _, j) => void segments.push(seg.type.create({ ...seg.attrs, id: `inserted-${j}` }, seg.content)));
    const inserted = project.doc.child(100).type.create({ id: "inserted" }, segments);
    const children: PMNode[] = [];
    project.doc.forEach((p, _, i) => void (i === 100 ? children.push(inserted, p) : children.push(p)));
    const v2 = join(dir, "v2.dari");
    await writeFile(v2, serializeProject({ ...project, doc: project.doc.copy(Fragment.from(children)) }));
    app.dialogs.openProjectAnswers.push(v2);
    await app.menu("open");
    await page.waitForFunction(() => document.title.startsWith("v2.dari"));
    // Every rendered passage shows the text of the passage at its place, and those in view are rendered.
    for (const at of [0.3, 0.45, 0.6]) {
      await page.locator(".dari-editor-scroll").evaluate((el, f) => (el.scrollTop = el.scrollHeight * f), at);
      await page.waitForFunction(() => {
        const box = document.querySelector(".dari-editor-scroll")!.getBoundingClientRect();
        return [...document.querySelectorAll<HTMLElement>(".dari-segment")].some((el) => {
          const r = el.getBoundingClientRect();
          return r.top < box.bottom && r.bottom > box.top;
        });
      }, null, { timeout: 3000 });
      const wrong = await page.evaluate(() => {
        const view = (window as unknown as { dariApp: { view(): any } }).dariApp.view();
        const bad: string[] = [];
        document.querySelectorAll<HTMLElement>("section.dari-passage").forEach((el, i) => {
          const passage = view.state.doc.child(i);
          if (el.dataset.id !== undefined && el.dataset.id !== passage.attrs.id) bad.push(`${i}: placeholder of ${el.dataset.id} for ${passage.attrs.id}`);
          const ko = el.querySelector(".dari-ko");
          if (ko && ko.textContent !== passage.firstChild.firstChild.textContent) bad.push(`${i}: shows other text`);
        });
        return bad;
      });
      assert.deepEqual(wrong, [], `scrolled to ${at * 100}%`);
    }
  } finally {
    await app.close();
  }
});

test("Ctrl+End and Ctrl+Home reach the ends of a long document, past passages not rendered yet; with Shift they select", async () => {
  const app = await openLarge("ends.dari", buildLargeProject({ passages: PASSAGES }));
  const { page } = app;
  try {
    const where = () =>
      page.evaluate(() => {
        const view = (window as unknown as { dariApp: { view(): any } }).dariApp.view();
        const { anchor, head } = view.state.selection;
        return { anchor, head, size: view.state.doc.content.size as number };
      });
    await focusSide(page, 0, "ko", "end");
    const start = (await where()).head;
    await page.keyboard.press("Control+End");
    const end = await where();
    assert.equal(end.head, end.size - 3, "the end of the last segment's English");
    // Typed there, the text lands at the end of the last passage, which is now on screen.
    await page.keyboard.type(" [end]");
    const lastEn = page.locator("section.dari-passage").last().locator(".dari-en").last();
    assert.match((await lastEn.textContent()) ?? "", / \[end\]$/);
    assert.ok(await lastEn.isVisible());
    await page.keyboard.press("Control+Home");
    assert.equal((await where()).head, 3, "the start of the first segment's Korean");
    await focusSide(page, 0, "ko", "end");
    await page.keyboard.press("Control+Shift+End");
    const selected = await where();
    assert.deepEqual([selected.anchor, selected.head], [start, selected.size - 3]);
  } finally {
    await app.close();
  }
});

test("a small project is rendered whole, as before", async () => {
  const app = await launchApp({ browser });
  try {
    const total = await app.page.locator("section.dari-passage").count();
    assert.ok(total > 5);
    assert.equal(await app.page.locator("section.dari-passage.dari-passage-pending").count(), 0);
  } finally {
    await app.close();
  }
});
