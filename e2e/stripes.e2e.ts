// Issue 15 req. 7: coding stripes in the margin, as MAXQDA draws them. On the
// worked sample: beside each side's text one thin bar per theme along the
// lines its tagged text covers, in the theme's colour (3:1 on the light and
// the dark background), side by side where themes share lines; hovering
// names the theme and the span; clicking selects the span; they follow the
// text as it is typed and zoomed, and the Preferences checkbox takes them away.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { useBrowser, withApp, ROOT } from "./helpers";
import { contrastRatio, readableColor, LIGHT_BACKGROUND, DARK_BACKGROUND } from "../app/themes/contrast";

const browser = useBrowser();
const SAMPLE = join(ROOT, "resources/sample/commentary.dari");

interface SideCodes {
  segment: string;
  side: "ko" | "en";
  code: string;
  /** The tagged text's lines (the decorations' boxes). */
  textTop: number;
  textBottom: number;
  /** The text column's left edge. */
  textLeft: number;
  lineHeight: number;
  bars: { top: number; bottom: number; left: number; right: number; color: string }[];
}

/**
 * For every side and theme of the segments in view (all rendered ones with
 * `all`): where its tagged text is and where its visible bars are. Bars far
 * from the view are measured when they come near.
 */
const layout = (page: Page, all = false): Promise<SideCodes[]> =>
  page.evaluate((all) => {
    const out: SideCodes[] = [];
    const view = document.querySelector(".dari-editor-scroll")!.getBoundingClientRect();
    for (const seg of document.querySelectorAll<HTMLElement>(".dari-segment")) {
      const box = seg.getBoundingClientRect();
      if (!all && (box.bottom < view.top || box.top > view.bottom)) continue;
      for (const side of ["ko", "en"] as const) {
        const el = seg.querySelector<HTMLElement>(`:scope > .dari-${side}`)!;
        const codes = new Set<string>();
        for (const t of el.querySelectorAll<HTMLElement>(".dari-themed")) for (const c of (t.dataset.themes ?? "").split(" ")) if (c) codes.add(c);
        const bars = [...seg.querySelectorAll<HTMLElement>(`.dari-stripes .dari-stripe[data-side="${side}"]`)];
        for (const b of bars) codes.add(b.dataset.code!);
        for (const code of codes) {
          const rects = [...el.querySelectorAll<HTMLElement>(".dari-themed")].filter((t) => (t.dataset.themes ?? "").split(" ").includes(code)).flatMap((t) => [...t.getClientRects()]);
          const style = getComputedStyle(el);
          out.push({
            segment: seg.dataset.id!,
            side,
            code,
            textTop: Math.min(...rects.map((r) => r.top)),
            textBottom: Math.max(...rects.map((r) => r.bottom)),
            textLeft: el.getBoundingClientRect().left + parseFloat(style.paddingLeft),
            lineHeight: parseFloat(style.lineHeight),
            bars: bars
              .filter((b) => b.dataset.code === code && !b.hidden)
              .map((b) => {
                const r = b.getBoundingClientRect();
                return { top: r.top, bottom: r.bottom, left: r.left, right: r.right, color: getComputedStyle(b).backgroundColor };
              }),
          });
        }
      }
    }
    return out;
  }, all) as Promise<SideCodes[]>;

const hex = (rgb: string) =>
  "#" +
  rgb
    .match(/\d+/g)!
    .slice(0, 3)
    .map((v) => Number(v).toString(16).padStart(2, "0"))
    .join("");

/** Every tagged side has a bar of each of its themes beside the text, over exactly the lines the tagged text covers, in the theme's colour as drawn on `background`. */
function checkStripes(all: SideCodes[], colors: Map<string, string>, background: string, least = 3): void {
  assert.ok(all.length >= least, `tags on ${least} sides at least (${all.length})`);
  for (const s of all) {
    const where = `${s.segment} ${s.side} ${s.code}`;
    assert.ok(s.bars.length >= 1, `${where}: a bar`);
    const top = Math.min(...s.bars.map((b) => b.top));
    const bottom = Math.max(...s.bars.map((b) => b.bottom));
    // Along the same lines: covering the tagged text, and no more than its lines' leading beyond it.
    const slack = s.lineHeight / 2;
    assert.ok(top <= s.textTop + 2 && top >= s.textTop - slack, `${where}: bar top ${top} at the text's first line ${s.textTop}`);
    assert.ok(bottom >= s.textBottom - 8 && bottom <= s.textBottom + slack, `${where}: bar bottom ${bottom} at the text's last line ${s.textBottom}`);
    for (const b of s.bars) {
      // In the margin, left of the text, within the column gap.
      assert.ok(b.right <= s.textLeft && b.left >= s.textLeft - 24, `${where}: bar at ${b.left}–${b.right}, text at ${s.textLeft}`);
      assert.ok(b.right - b.left >= 1 && b.right - b.left <= 4, `${where}: a thin bar`);
      assert.equal(hex(b.color), readableColor(colors.get(s.code)!, background).toLowerCase(), `${where}: the theme's colour`);
      assert.ok(contrastRatio(hex(b.color), background) >= 3, `${where}: 3:1 against ${background}`);
    }
  }
}

const waitForStripes = (page: Page, least = 10) => page.waitForFunction((least) => document.querySelectorAll(".dari-stripe:not([hidden])").length >= least, least);
/** Bars are measured in the frame after a change; two frames is after it. */
const frames = (page: Page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

test("coding stripes: one bar per theme beside the lines it covers, side by side when themes share lines, named on hover, selecting on click, off in Preferences", async () => {
  const project = JSON.parse(await readFile(SAMPLE, "utf8")) as { codebook: { id: string; color: string; labels?: Record<string, string> }[] };
  const colors = new Map(project.codebook.map((c) => [c.id, c.color]));
  await withApp(
    browser(),
    async ({ page }) => {
      await waitForStripes(page);
      await frames(page);
      // The sample is small enough to be rendered and measured whole.
      const light = await layout(page, true);
      checkStripes(light, colors, LIGHT_BACKGROUND, 20);
      assert.ok(light.some((s) => s.side === "ko") && light.some((s) => s.side === "en"), "both sides have stripes");
      // A span over two lines gets a bar over both.
      assert.ok(light.some((s) => s.textBottom - s.textTop > 1.5 * s.lineHeight && Math.max(...s.bars.map((b) => b.bottom)) - Math.min(...s.bars.map((b) => b.top)) > 1.5 * s.lineHeight), "a bar along two lines");

      // Themes on the same lines stand side by side: no two bars of a side overlap.
      const bySide = new Map<string, SideCodes[]>();
      for (const s of light) bySide.set(`${s.segment} ${s.side}`, [...(bySide.get(`${s.segment} ${s.side}`) ?? []), s]);
      let sideBySide = 0;
      for (const [where, list] of bySide) {
        const bars = list.flatMap((s) => s.bars);
        for (const a of bars)
          for (const b of bars) {
            if (a === b || a.top >= b.bottom || b.top >= a.bottom) continue;
            assert.ok(a.right <= b.left || b.right <= a.left, `${where}: bars sharing lines do not overlap`);
            sideBySide++;
          }
      }
      assert.ok(sideBySide >= 4, `overlapping themes give side-by-side bars (${sideBySide / 2} pairs)`);

      // Hover names the theme and where the span starts; a click selects the span.
      const first = page.locator(".dari-segment").first().locator('.dari-stripe[data-side="ko"][data-code="space"]');
      await first.hover();
      const title = await first.getAttribute("title");
      assert.match(title ?? "", /^Space cooperation: “보스토치니 우주기지” \(click to select\)$/);
      const box = (await first.boundingBox())!;
      await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
      const selected = await page.evaluate(() => {
        const view = (window as unknown as { dariApp: { view(): { state: { selection: { from: number; to: number }; doc: { textBetween(a: number, b: number): string } } } } }).dariApp.view();
        return view.state.doc.textBetween(view.state.selection.from, view.state.selection.to);
      });
      assert.equal(selected, "보스토치니 우주기지", "the click selects the tagged span");
      assert.equal(await page.evaluate(() => document.activeElement?.classList.contains("ProseMirror")), true, "and the editor has the focus");

      // Typing before a tag moves its bar with it; a larger text size too.
      const before = (await layout(page)).find((s) => s.segment === light[0].segment && s.side === "ko" && s.code === "space")!;
      await page.keyboard.press("Home");
      await page.keyboard.type("우주 협력에 관하여 길게 덧붙인 문장이 여기 있어서 첫 줄이 넘칩니다. ");
      await frames(page);
      const typed = await layout(page);
      const moved = typed.find((s) => s.segment === before.segment && s.side === "ko" && s.code === "space")!;
      assert.ok(moved.textTop > before.textTop + before.lineHeight / 2, "the tagged words went down a line");
      checkStripes(typed, colors, LIGHT_BACKGROUND);
      await page.keyboard.press("Control+=");
      await page.keyboard.press("Control+=");
      await frames(page);
      checkStripes(await layout(page), colors, LIGHT_BACKGROUND);
      // Those out of view were measured again as they came near.
      for (const y of [1500, 3000, 100000]) {
        await page.evaluate((y) => (document.querySelector(".dari-editor-scroll")!.scrollTop = y), y);
        await page.waitForTimeout(100);
        await frames(page);
        checkStripes(await layout(page), colors, LIGHT_BACKGROUND, 1);
      }

      // Dark: the same bars in the colours drawn on the dark background.
      await page.emulateMedia({ colorScheme: "dark" });
      await page.waitForFunction(() => document.documentElement.dataset.theme === "dark");
      await waitForStripes(page, 1);
      await frames(page);
      checkStripes(await layout(page), colors, DARK_BACKGROUND);

      // Preferences: stripes off takes them away, on brings them back.
      await page.keyboard.press("Control+,");
      const dialog = page.locator(".dari-preferences");
      await dialog.waitFor();
      const box2 = dialog.locator('[data-pref="stripes"]');
      assert.equal(await box2.isChecked(), true, "on by default");
      assert.equal(await dialog.getByLabel("Show coding stripes in the margin").count(), 1);
      await box2.uncheck();
      await page.waitForFunction(() => document.querySelectorAll(".dari-stripe").length === 0);
      await box2.check();
      await waitForStripes(page, 1);
      await page.keyboard.press("Escape");
    },
    { startupFile: SAMPLE },
  );
});
