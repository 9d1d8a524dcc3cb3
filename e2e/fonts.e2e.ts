// Issue 15 req. 6: the Korean and English fonts in Preferences are the
// well-known families found on this machine (checked against fontconfig's
// own list), plus a field for any other name; the choice applies at once
// and is kept by main.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { useBrowser, withApp } from "./helpers";
import { KO_FONTS, EN_FONTS } from "../app/display-prefs";

const browser = useBrowser();

/** The font families fontconfig knows (what Chromium on Linux draws with). */
function systemFamilies(): Set<string> {
  const out = execFileSync("fc-list", [":", "family"], { encoding: "utf8" });
  return new Set(out.split("\n").flatMap((line) => line.split(",").map((f) => f.replace(/\\/g, "").trim())).filter(Boolean));
}

test("the font choices offer the families on this machine and any other by name", async () => {
  const system = systemFamilies();
  const dir = await mkdtemp(join(tmpdir(), "dari-e2e-fonts-"));
  const userData = join(dir, "user-data");
  try {
    await withApp(
      browser(),
      async ({ page }) => {
        await page.locator(".ProseMirror").click();
        await page.keyboard.press("Control+,");
        const dialog = page.locator(".dari-preferences");
        await dialog.waitFor();
        const offered = (name: string) => dialog.locator(`[data-pref="${name}"] option`).evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
        const ko = await offered("koFont");
        const en = await offered("enFont");
        for (const [list, candidates] of [
          [ko, KO_FONTS],
          [en, EN_FONTS],
        ] as const) {
          for (const f of list) assert.ok(system.has(f), `“${f}” is offered and installed`);
          // Every candidate the machine has is offered, unless it looks the same as one offered before it.
          const missing = candidates.filter((f) => system.has(f) && !list.includes(f));
          assert.deepEqual(missing, [], "installed candidates are offered");
          for (const f of candidates) if (!system.has(f)) assert.ok(!list.includes(f), `“${f}” is not on this machine and not offered`);
        }
        assert.ok(ko.includes("Noto Serif CJK KR") && en.includes("DejaVu Serif"), `this machine's fonts are found (${ko.join(", ")}; ${en.join(", ")})`);

        // A choice applies to its side at once.
        await dialog.locator('[data-pref="koFont"]').selectOption("Noto Serif CJK KR");
        assert.match(await page.evaluate(() => getComputedStyle(document.querySelector(".dari-ko")!).fontFamily), /^"Noto Serif CJK KR"/);
        // Any other name by hand; one that is not here is kept, with a word that the default is drawn.
        const other = dialog.getByLabel("Other English font");
        await other.fill("Imaginary Serif");
        await other.dispatchEvent("change");
        await page.waitForFunction(() => /Imaginary Serif/.test(document.querySelector(".dari-preferences .dari-pref-note:not(:empty)")?.textContent ?? ""));
        assert.equal(await dialog.locator('[data-pref="enFont"]').inputValue(), "Imaginary Serif");
        assert.match(await page.evaluate(() => getComputedStyle(document.querySelector(".dari-en")!).fontFamily), /^"Imaginary Serif"/);
        // Something that is not a font name changes nothing.
        await other.fill("x; background:url(evil)");
        await other.dispatchEvent("change");
        assert.equal(await dialog.locator('[data-pref="enFont"]').inputValue(), "Imaginary Serif");
        await page.keyboard.press("Escape");
        await page.waitForTimeout(200);
        const saved = JSON.parse(await readFile(join(userData, "settings.json"), "utf8"));
        assert.deepEqual([saved.display.koFont, saved.display.enFont], ["Noto Serif CJK KR", "Imaginary Serif"]);
      },
      { userData },
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
