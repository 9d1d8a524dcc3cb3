// The library window (issue 16, requirements 1–3): File › Open Library on a
// folder of three commentaries (one in a subfolder), the documents with their
// figures, sorting and filtering, a search across the library whose hit opens
// the document at its segment, the codebook's disagreement made consistent
// (each project written with its .bak), Escape back to the editor; in Korean too.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { EditorState } from "prosemirror-state";
import type { Page } from "playwright-core";
import { useBrowser, withApp } from "./helpers";
import { serializeProject } from "../app/document";
import { createProjectState, projectData, projectFromState, updateProjectData } from "../app/project-state";
import { segmentList } from "../app/document/segments";
import { sample, setSide, tag } from "../test/edits";

const browser = useBrowser();

const text = (s: EditorState, n: number, side: 0 | 1) => segmentList(s.doc)[n].node.child(side).textContent;
function withMeta(s: EditorState, meta: Partial<{ title: string; author: string; date: string; source: string }>): EditorState {
  return s.apply(updateProjectData(s, s.tr, { meta: { ...projectData(s).meta, ...meta } }));
}

/** Three commentaries: two by 김 in 2024 (one tagged with arms too, in a subfolder), one by Lee in 2025 whose codebook names "space" differently. */
function makeLibrary(): string {
  const dir = mkdtempSync(join(tmpdir(), "dari-library-e2e-"));
  const base = createProjectState(sample());
  const a = withMeta(tag(base, text(base, 0, 0).slice(0, 5), "space", "a1"), { title: "첫째 논평", author: "김", date: "2024-01-15", source: "연구원" });
  const b = withMeta(tag(tag(base, text(base, 2, 0).slice(0, 5), "arms", "b1"), text(base, 2, 0).slice(0, 5), "space", "b2"), { title: "둘째 논평", author: "김", date: "2024-05-02" });
  const c = withMeta(setSide(base, 4, "en", "A distinctive translation about sanctions."), { title: "셋째 논평", author: "Lee", date: "2025-02-10" });
  const cFile = projectFromState(c);
  const space = cFile.codebook.find((x) => x.id === "space")!;
  cFile.codebook = cFile.codebook.map((x) => (x.id === "space" ? { ...space, label: { ...space.label, en: "Outer space" }, color: "#123456" } : x));
  mkdirSync(join(dir, "2024"));
  writeFileSync(join(dir, "a.dari"), serializeProject(projectFromState(a)));
  writeFileSync(join(dir, "2024", "b.dari"), serializeProject(projectFromState(b)));
  writeFileSync(join(dir, "c.dari"), serializeProject(cFile));
  return dir;
}

const titles = (page: Page) => page.locator(".dari-library-table tbody tr .dari-library-open").allInnerTexts();

async function openLibrary(page: Page, app: { dialogs: { folderAnswers: (string | null)[] }; menu(c: "openLibrary"): Promise<void> }, dir: string) {
  app.dialogs.folderAnswers.push(dir);
  await app.menu("openLibrary");
  await page.locator(".dari-library").waitFor();
}

test("the library lists, sorts, filters, searches, opens a hit at its segment and makes the codebook consistent", async () => {
  const dir = makeLibrary();
  await withApp(browser(), async (app) => {
    const { page } = app;
    await openLibrary(page, app, dir);
    assert.deepEqual(app.dialogs.asked, ["chooseLibraryFolder"]);
    // Only the index is written into the folder.
    assert.ok(existsSync(join(dir, ".dari-library", "index.json")));
    assert.match(await page.locator(".dari-library h1").innerText(), /Library: dari-library-e2e-/);
    assert.deepEqual(await titles(page), ["첫째 논평", "둘째 논평", "셋째 논평"], "date order first");
    const row = page.locator('.dari-library-table tr[data-file="2024/b.dari"]');
    assert.match(await row.innerText(), /김/);
    assert.match(await row.innerText(), /2024-05-02/);
    assert.match(await row.innerText(), /49/, "segment count");
    assert.match(await row.locator(".dari-library-theme").allInnerTexts().then((x) => x.join("|")), /Arms.* 1/i);
    await page.screenshot({ path: "/tmp/w16ui-library-documents.png" });

    // Sort by title, then descending by the same header, from the keyboard.
    await page.locator('[data-sort="title"]').click();
    assert.deepEqual(await titles(page), ["둘째 논평", "셋째 논평", "첫째 논평"]);
    await page.locator('[data-sort="title"]').press("Enter");
    assert.deepEqual(await titles(page), ["첫째 논평", "셋째 논평", "둘째 논평"]);
    assert.equal(await page.locator('th:has([data-sort="title"])').getAttribute("aria-sort"), "descending");
    await page.locator('[data-sort="date"]').click();

    // Filters: author, theme present/absent, date range, text.
    await page.getByRole("combobox", { name: "Author" }).selectOption("Lee");
    assert.deepEqual(await titles(page), ["셋째 논평"]);
    await page.getByRole("combobox", { name: "Author" }).selectOption("");
    await page.getByRole("combobox", { name: "Theme", exact: true }).selectOption("arms");
    assert.deepEqual(await titles(page), ["둘째 논평"]);
    await page.getByRole("combobox", { name: "Theme present or absent" }).selectOption("absent");
    assert.deepEqual(await titles(page), ["첫째 논평", "셋째 논평"]);
    await page.getByRole("combobox", { name: "Theme", exact: true }).selectOption("");
    await page.getByLabel("From date").fill("2024-03-01");
    assert.deepEqual(await titles(page), ["둘째 논평", "셋째 논평"]);
    await page.getByLabel("From date").fill("");
    await page.getByLabel("Filter by title, author, source").fill("연구원");
    assert.deepEqual(await titles(page), ["첫째 논평"]);
    await page.getByLabel("Filter by title, author, source").fill("");

    // The codebook: c.dari names "space" otherwise; made consistent, with its .bak.
    await page.getByRole("tab", { name: "Codebook" }).click();
    const disagree = page.locator('.dari-library-codebook tr[data-code="space"]');
    assert.match(await disagree.innerText(), /c\.dari: .*Outer space.*#123456/);
    await page.screenshot({ path: "/tmp/w16ui-library-codebook.png" });
    const cBefore = readFileSync(join(dir, "c.dari"), "utf8");
    await page.getByRole("button", { name: "Make consistent" }).click();
    await page.locator(".dari-dialog").getByRole("button", { name: "Write the projects" }).click();
    await page.waitForFunction(() => !document.querySelector('.dari-library-codebook tr[data-code="space"].dari-library-disagree'));
    assert.match(await page.locator(".dari-library-codebook .dari-library-count").innerText(), /All projects agree/);
    assert.equal(readFileSync(join(dir, "c.dari.bak"), "utf8"), cBefore);
    const fixed = JSON.parse(readFileSync(join(dir, "c.dari"), "utf8")).codebook.find((x: { id: string }) => x.id === "space");
    assert.notEqual(fixed.color, "#123456");
    assert.ok(!existsSync(join(dir, "a.dari.bak")), "a project that agreed is not written");

    // Search the library; the hit names both sides, and opens the document at its segment.
    await page.getByRole("tab", { name: "Search" }).click();
    await page.getByRole("searchbox", { name: /Search the library/ }).fill("distinctive translation");
    await page.getByRole("searchbox", { name: /Search the library/ }).press("Enter");
    const hit = page.locator(".dari-library-hit");
    await hit.first().waitFor();
    assert.equal(await hit.count(), 1);
    assert.equal(await hit.locator(".dari-library-kwic-en mark").innerText(), "distinctive translation");
    assert.ok((await hit.locator(".dari-library-kwic-ko").innerText()).length > 10, "the Korean side is shown too");
    // A theme the hit lacks finds nothing.
    await page.getByRole("combobox", { name: "Theme", exact: true }).selectOption("arms");
    await page.getByRole("button", { name: "Search", exact: true }).click();
    await page.locator(".dari-library-count", { hasText: "Nothing found" }).waitFor();
    await page.getByRole("combobox", { name: "Theme", exact: true }).selectOption("");
    await page.getByRole("button", { name: "Search", exact: true }).click();
    await hit.first().waitFor();
    await page.screenshot({ path: "/tmp/w16ui-library-search.png" });
    await hit.getByRole("button", { name: /셋째 논평 — segment 5/ }).click();
    await page.locator(".dari-library").waitFor({ state: "detached" });
    await page.waitForFunction(() => document.title.startsWith("c.dari"));
    const at = await page.evaluate(() => {
      const st = (window as unknown as { dariApp: { editor: { state: { selection: { from: number }; doc: { resolve(p: number): { index(d: number): number; node(d: number): unknown } } } } } }).dariApp.editor.state;
      const $p = st.doc.resolve(st.selection.from);
      let n = 0;
      const doc = st.doc as unknown as { forEach(f: (p: { childCount: number }, o: number, i: number) => void): void };
      doc.forEach((p, _o, i) => {
        if (i < $p.index(0)) n += p.childCount;
      });
      return n + $p.index(1);
    });
    assert.equal(at, 4, "the cursor is in the hit's segment");
    assert.equal(await page.locator(".dari-segment").nth(4).locator(".dari-en").innerText(), "A distinctive translation about sanctions.");

    // Open again: Escape returns to the editor.
    await openLibrary(page, app, dir);
    await page.keyboard.press("Escape");
    await page.locator(".dari-library").waitFor({ state: "detached" });
  });
});

test("in Korean the library window speaks Korean, and Back returns to the editor", async () => {
  const dir = makeLibrary();
  await withApp(
    browser(),
    async (app) => {
      const { page } = app;
      await openLibrary(page, app, dir);
      assert.match(await page.locator(".dari-library h1").innerText(), /라이브러리:/);
      assert.deepEqual(await page.locator(".dari-library-tabs [role=tab]").allInnerTexts(), ["문서", "검색", "주제", "모아 보기", "코드북"]);
      assert.match(await page.locator(".dari-library-table thead").innerText(), /제목[\s\S]*저자[\s\S]*날짜/);
      await page.getByRole("tab", { name: "검색" }).click();
      // A Korean word with a particle finds its stem across the library.
      await page.getByRole("searchbox", { name: /라이브러리 검색/ }).fill("보스토치니에서는");
      await page.getByRole("searchbox", { name: /라이브러리 검색/ }).press("Enter");
      await page.locator(".dari-library-hit").first().waitFor();
      assert.equal(new Set(await page.locator(".dari-library-hit").evaluateAll((els) => els.map((e) => e.getAttribute("data-file")))).size, 3);
      await page.screenshot({ path: "/tmp/w16ui-library-ko.png" });
      await page.getByRole("button", { name: "편집기로 돌아가기" }).click();
      await page.locator(".dari-library").waitFor({ state: "detached" });
    },
    { locale: "ko-KR" },
  );
});

test("retrieval: themes A not B across the library, side by side with sources, exported as CSV and HTML, a row opens its segment", async () => {
  const dir = makeLibrary();
  await withApp(browser(), async (app) => {
    const { page } = app;
    await openLibrary(page, app, dir);
    await page.getByRole("tab", { name: "Retrieval" }).click();
    const withAll = page.locator(".dari-library-themes-all");
    const without = page.locator(".dari-library-themes-none");
    const rows = page.locator(".dari-library-retrieved tbody tr");
    await withAll.getByLabel("Space cooperation").check();
    await page.locator(".dari-library-count", { hasText: "2 segments" }).waitFor();
    assert.deepEqual(await rows.evaluateAll((els) => els.map((e) => e.getAttribute("data-file"))), ["a.dari", "2024/b.dari"]);
    assert.match(await rows.first().innerText(), /2024-01-15 · 연구원/);
    await without.getByLabel("Arms trade").check();
    await page.locator(".dari-library-count", { hasText: "1 segment" }).waitFor();
    assert.deepEqual(await rows.evaluateAll((els) => els.map((e) => e.getAttribute("data-file"))), ["a.dari"]);
    await page.screenshot({ path: "/tmp/w16ui-library-retrieval.png" });

    const csv = join(app.tmp, "report.csv");
    app.dialogs.exportAnswers.push(csv);
    await page.getByRole("button", { name: "Export CSV" }).click();
    await page.locator(".dari-message", { hasText: "report.csv" }).waitFor();
    const lines = readFileSync(csv, "utf8").trim().split("\r\n");
    assert.equal(lines.length, 2);
    assert.match(lines[1], /^"a\.dari","첫째 논평","2024-01-15","연구원","1",/);
    const html = join(app.tmp, "report.html");
    app.dialogs.exportAnswers.push(html);
    await page.getByRole("button", { name: "Export HTML" }).click();
    await page.locator(".dari-message", { hasText: "report.html" }).waitFor();
    assert.match(readFileSync(html, "utf8"), /Space cooperation − Arms trade/);

    await rows.first().getByRole("button").click();
    await page.locator(".dari-library").waitFor({ state: "detached" });
    await page.waitForFunction(() => document.title.startsWith("a.dari"));
  });
});

test("themes across documents and time: heat map, timeline, co-occurrence, clickable down to the segments, saved as SVG, PNG and CSV", async () => {
  const dir = makeLibrary();
  await withApp(browser(), async (app) => {
    const { page } = app;
    await openLibrary(page, app, dir);
    await page.getByRole("tab", { name: "Themes" }).click();
    const heat = page.locator("svg.dari-library-heatmap");
    await heat.waitFor();
    const opacity = (code: string, file: string) => heat.locator(`rect[data-code="${code}"][data-file="${file}"]`).getAttribute("fill-opacity").then(Number);
    assert.ok((await opacity("space", "a.dari")) > (await opacity("space", "c.dari")), "space shows in a.dari, not in c.dari");
    assert.ok((await opacity("arms", "2024/b.dari")) > (await opacity("arms", "a.dari")));
    // The timeline has a point per month with a document; co-occurrence counts the shared segment.
    assert.deepEqual(await page.locator("svg.dari-library-timeline text").evaluateAll((els) => els.map((e) => e.textContent ?? "")).then((x) => x.filter((s) => /^\d{4}-/.test(s))), ["2024-01", "2024-05", "2025-02"]);
    assert.equal(await page.locator('svg.dari-library-cooccurrence g[data-pair="space arms"] text').textContent(), "1");
    await page.getByRole("combobox", { name: "Period" }).selectOption("quarter");
    await page.locator("svg.dari-library-timeline text", { hasText: "2024-Q2" }).waitFor();
    await page.screenshot({ path: "/tmp/w16ui-library-themes.png", fullPage: true });

    for (const format of ["svg", "png", "csv"] as const) {
      const out = join(app.tmp, `heat.${format}`);
      app.dialogs.exportAnswers.push(out);
      await page.getByRole("button", { name: `Save ${format.toUpperCase()} — Themes by document (date order)` }).click();
      await page.locator(".dari-message", { hasText: `heat.${format}` }).waitFor();
      const bytes = readFileSync(out);
      if (format === "svg") assert.match(bytes.toString("utf8"), /^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"[\s\S]*첫째 논평/);
      if (format === "png") assert.deepEqual([...bytes.subarray(1, 4)], [0x50, 0x4e, 0x47]);
      if (format === "csv") assert.match(bytes.toString("utf8"), /^\uFEFF"theme",.*첫째 논평.*\r\n"space","0\.0204","0\.0204","0\.0000"/);
    }

    // A co-occurrence cell, by keyboard, retrieves the segments with both themes.
    await page.locator('svg.dari-library-cooccurrence g[data-pair="space arms"]').focus();
    await page.keyboard.press("Enter");
    await page.locator(".dari-library-count", { hasText: "1 segment" }).waitFor();
    assert.deepEqual(await page.locator(".dari-library-retrieved tbody tr").evaluateAll((els) => els.map((e) => e.getAttribute("data-file"))), ["2024/b.dari"]);
  });
});
