// Browser figures: the built renderer (out/renderer) in headless Chromium
// through the e2e harness, and the plain-ProseMirror baseline (out/bench-plain)
// in the same browser, timed by the very same in-page code.
//
// A keystroke is timed from the transaction's dispatch to the end of a forced
// layout (reading offsetHeight), so the DOM update and the layout it causes
// are both inside the figure; between keystrokes the page gets a frame to
// paint, as it would between real key presses.
import type { Browser, Page } from "playwright-core";
import { join } from "node:path";
import { launchApp, serveRenderer, ROOT, type AppHandle } from "../e2e/helpers";
import { largeText } from "./build-large";
import { readProjectFile } from "../main/files";
import { checkProjectText } from "../app/document/index";

export interface Sample {
  values: number[];
}

/** In-page helpers, as a string: tsx would add its own helpers to a function's source. */
const PAGE_HELPERS = `(() => {
  const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  const channel = new MessageChannel();
  const tick = () => new Promise((r) => { channel.port1.onmessage = () => r(); channel.port2.postMessage(0); });
  async function until(f, timeoutMs = 60000) {
    const end = performance.now() + timeoutMs;
    while (!f()) { if (performance.now() > end) throw new Error("timed out"); await tick(); }
  }
  // Puts the cursor at pos and scrolls it into view, then lets the page settle
  // as it would before a person starts typing there (what scrolled into view
  // is rendered and laid out).
  async function place(view, pos) {
    const TextSelection = view.state.selection.constructor;
    view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, pos)).scrollIntoView());
    view.focus();
    for (let i = 0; i < 5; i++) await frame();
    await idle(view, 300, 3000);
    for (let i = 0; i < 3; i++) await frame();
  }
  // Types text at the cursor, one character a transaction; returns each one's ms.
  async function type(view, text) {
    const times = [];
    for (const ch of text) {
      const t0 = performance.now();
      view.dispatch(view.state.tr.insertText(ch));
      void view.dom.offsetHeight;
      times.push(performance.now() - t0);
      await frame();
    }
    return times;
  }
  // Times one transaction to laid-out DOM.
  function timed(view, tr) {
    const t0 = performance.now();
    view.dispatch(tr);
    void view.dom.offsetHeight;
    return performance.now() - t0;
  }
  // Resolves once the view has dispatched nothing for quietMs (or after maxMs).
  async function idle(view, quietMs, maxMs) {
    const start = performance.now();
    let last = start;
    const orig = view.dispatch;
    view.dispatch = (tr) => { last = performance.now(); orig(tr); };
    try {
      while (performance.now() - last < quietMs && performance.now() - start < maxMs) await new Promise((r) => setTimeout(r, 50));
    } finally {
      view.dispatch = orig;
    }
  }
  window.__bench = { frame, until, place, type, timed, idle };
})()`;

/** Where to type: the end of the n-th textblock of the given kind, for a spread of n. */
const TARGETS = `(view, kind, fractions) => {
  const ends = [];
  view.state.doc.descendants((node, pos) => {
    if (node.isTextblock) { if (node.type.name === kind) ends.push(pos + 1 + node.content.size); return false; }
    return true;
  });
  return fractions.map((f) => ends[Math.floor(f * (ends.length - 1))]);
}`;

const FRACTIONS = [0.1, 0.3, 0.5, 0.7, 0.9];
const TYPED = " quick brown fox jumps over the lazy dog, then types on and on"; // 60 characters at each place
const WARMUP = " warm up!";

async function typeAround(page: Page, viewExpr: string, kind: string): Promise<number[]> {
  await page.evaluate(PAGE_HELPERS);
  const code = `(async () => {
    const view = ${viewExpr};
    const targets = (${TARGETS})(view, ${JSON.stringify(kind)}, ${JSON.stringify(FRACTIONS)});
    await __bench.place(view, targets[0]);
    await __bench.type(view, ${JSON.stringify(WARMUP)});
    const all = [];
    for (let i = 0; i < targets.length; i++) {
      // Earlier typing moved later positions: re-find them.
      const pos = (${TARGETS})(view, ${JSON.stringify(kind)}, ${JSON.stringify(FRACTIONS)})[i];
      await __bench.place(view, pos);
      all.push(...(await __bench.type(view, ${JSON.stringify(TYPED)})));
    }
    return all;
  })()`;
  return page.evaluate(code) as Promise<number[]>;
}

/** Keystrokes in Dari with the 20k project open: on the English side, spread over the document. */
export async function dariKeystrokes(browser: Browser, project: string): Promise<number[]> {
  const app = await launchApp({ browser, startupFile: project });
  try {
    await app.page.waitForFunction(() => (window as unknown as { dariApp?: { view(): { state: { doc: { childCount: number } } } } }).dariApp?.view().state.doc.childCount === 2000, null, { timeout: 120_000 });
    // Experiments: DARI_BENCH_CSS adds a style sheet before typing.
    if (process.env.DARI_BENCH_CSS) await app.page.addStyleTag({ content: process.env.DARI_BENCH_CSS });
    // Features finish their background work after opening (decorating in batches); typing starts once the page is idle.
    await app.page.evaluate(PAGE_HELPERS);
    await app.page.evaluate(`__bench.idle(window.dariApp.view(), 1000, 15000)`);
    return await typeAround(app.page, "window.dariApp.view()", "en");
  } finally {
    await app.close();
  }
}

/** The same text in a plain ProseMirror editor (one paragraph per segment), typed the same way. */
export async function plainKeystrokes(browser: Browser, passages: number): Promise<number[]> {
  const { url, server } = await serveRenderer(join(ROOT, "out/bench-plain"));
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
  try {
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForFunction(() => !!(window as unknown as { plainBench?: unknown }).plainBench);
    const paragraphs = largeText({ passages }).flat().map((s) => `${s.ko} ${s.en}`);
    await page.evaluate(`window.plainBench.open(${JSON.stringify(paragraphs)})`);
    return await typeAround(page, "window.plainBench.view()", "paragraph");
  } finally {
    await context.close();
    await new Promise((r) => server.close(r));
  }
}

/**
 * Opening the 20k project: main reading and validating the file (timed in
 * Node with the check main's import worker runs before handing a project
 * over) plus the page parsing it and showing the editor, up to the first
 * frame after layout. The harness's own transport (the text crossing the
 * DevTools protocol, about a second for 13 MB) has no counterpart in the app
 * and is left out; `transportMs` reports it.
 */
export async function dariOpen(browser: Browser, project: string, runs: number): Promise<{ open: number[]; transportMs: number[] }> {
  const open: number[] = [];
  const transportMs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    checkProjectText(await readProjectFile(project));
    const readMs = performance.now() - t0;
    const app: AppHandle = await launchApp({ browser });
    try {
      // Main opens only what the user chose: the scripted open dialog answers with the project.
      app.dialogs.openProjectAnswers.push(project);
      await app.page.evaluate(PAGE_HELPERS);
      const r = (await app.page.evaluate(`(async () => {
        const app = window.dariApp;
        const t0 = performance.now();
        const opened = await app.api.openProject(null);
        const t1 = performance.now();
        await app.openText(opened.value.text, opened.value.path, null);
        await __bench.until(() => app.view().state.doc.childCount === 2000);
        void app.view().dom.offsetHeight;
        await new Promise((r) => requestAnimationFrame(() => r()));
        return { transport: t1 - t0, page: performance.now() - t1 };
      })()`)) as { transport: number; page: number };
      open.push(readMs + r.page);
      transportMs.push(r.transport);
    } finally {
      await app.close();
    }
  }
  return { open, transportMs };
}

/** Tagging a few words with a theme and removing the tag again, in view, in the 20k project. */
export async function dariThemeToggles(browser: Browser, project: string, count: number): Promise<number[]> {
  const app = await launchApp({ browser, startupFile: project });
  try {
    await app.page.waitForFunction(() => (window as unknown as { dariApp?: { view(): { state: { doc: { childCount: number } } } } }).dariApp?.view().state.doc.childCount === 2000, null, { timeout: 120_000 });
    await app.page.evaluate(PAGE_HELPERS);
    await app.page.evaluate(`__bench.idle(window.dariApp.view(), 1000, 15000)`);
    return (await app.page.evaluate(`(async () => {
      const view = window.dariApp.view();
      const targets = (${TARGETS})(view, "ko", ${JSON.stringify(FRACTIONS)});
      const times = [];
      for (let i = 0; i < ${count}; i++) {
        const end = (${TARGETS})(view, "ko", ${JSON.stringify(FRACTIONS)})[i % targets.length];
        await __bench.place(view, end);
        const from = Math.max(end - 6, view.state.doc.resolve(end).start());
        const TextSelection = view.state.selection.constructor;
        view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, from, end)));
        await __bench.frame();
        const mark = view.state.schema.marks.theme.create({ code: "space", id: "bench" + i, note: "" });
        times.push(__bench.timed(view, view.state.tr.addMark(from, end, mark)));
        await __bench.frame();
        times.push(__bench.timed(view, view.state.tr.removeMark(from, end, mark)));
        await __bench.frame();
      }
      return times;
    })()`)) as number[];
  } finally {
    await app.close();
  }
}
