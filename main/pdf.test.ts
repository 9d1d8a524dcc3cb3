import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execFileSync } from "node:child_process";
import { exportHtml } from "../app/export/html";
import { test, before, after } from "node:test";
import type { Browser } from "playwright-core";
import { findChromium, launchPrinter, printPdfWithChromium } from "./pdf";
import { DariError } from "../app/errors";
import { goldSegments, projectOf, themedProject } from "../test/fixtures/export-project";

const dir = mkdtempSync(join(tmpdir(), "dari-pdf-"));
let browser: Browser;
before(async () => {
  browser = await launchPrinter();
});
after(() => browser?.close());

/** Prints a project's html export and renders page 1 to PNG with pdftoppm. */
async function pageOne(name: string, ko: (s: string) => string): Promise<{ pdf: string; png: Buffer }> {
  const passage = goldSegments()[0].map((s) => ({ ...s, ko: ko(s.ko) }));
  const html = await exportHtml(projectOf([passage], "제목"), { uiLanguage: "en" });
  const pdf = join(dir, `${name}.pdf`);
  writeFileSync(pdf, await printPdfWithChromium(html, { orientation: "portrait", browser }));
  execFileSync("pdftoppm", ["-r", "50", "-f", "1", "-l", "1", "-gray", "-png", "-singlefile", pdf, join(dir, name)]);
  return { pdf, png: readFileSync(join(dir, `${name}.png`)) };
}

/** Each Hangul syllable moved to the next one (가 -> 각): same widths, other glyphs. */
const shiftHangul = (s: string) => s.replace(/[가-힢]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 1));
/** Each Hangul syllable replaced by an unassigned code point (a missing glyph everywhere). */
const unassigned = (k: number) => (s: string) => s.replace(/[가-힣]/g, () => String.fromCharCode(0x0378 + k));

test("the PDF export renders Korean glyphs, not missing-glyph boxes", async () => {
  // Missing glyphs all draw the same box, so two texts that differ only in their
  // Korean characters render identically when Korean is missing, and differently
  // when it renders. The control proves the comparison sees boxes.
  const real = await pageOne("real", (s) => s);
  const shifted = await pageOne("shifted", shiftHangul);
  const boxesA = await pageOne("boxes-a", unassigned(0));
  const boxesB = await pageOne("boxes-b", unassigned(1));
  assert.ok(boxesA.png.equals(boxesB.png), "control: missing glyphs look alike");
  assert.ok(!real.png.equals(shifted.png), "Korean syllables render as distinct glyphs");
  assert.ok(!real.png.equals(boxesA.png));
  assert.match(readFileSync(real.pdf).subarray(0, 5).toString(), /^%PDF-/);
  const text = execFileSync("pdftotext", ["-f", "1", "-l", "1", real.pdf, "-"], { encoding: "utf8" });
  assert.match(text, /2023년 9월 13일 러시아 보스토치니/);
});

test("the whole annotated commentary prints to A4 in both orientations", async () => {
  for (const orientation of ["portrait", "landscape"] as const) {
    const html = await exportHtml(themedProject(), { orientation, showStatus: true, showConfidence: true });
    const pdf = join(dir, `all-${orientation}.pdf`);
    writeFileSync(pdf, await printPdfWithChromium(html, { orientation, browser }));
    const info = execFileSync("pdfinfo", [pdf], { encoding: "utf8" });
    const [, w, h] = /Page size:\s+([\d.]+) x ([\d.]+) pts \(A4\)/.exec(info) ?? [];
    assert.ok(w, `A4 pages (${orientation})`);
    assert.equal(Number(w) > Number(h), orientation === "landscape");
    assert.ok(Number(/Pages:\s+(\d+)/.exec(info)![1]) >= 2);
  }
});

test("every page's footer has the document's title and its page number of the total", async () => {
  const project = themedProject();
  const html = await exportHtml(project, { orientation: "portrait" });
  const pdf = join(dir, "footer.pdf");
  writeFileSync(pdf, await printPdfWithChromium(html, { orientation: "portrait", browser, title: project.meta.title }));
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [pdf], { encoding: "utf8" }))![1]);
  assert.ok(pages >= 2);
  for (const n of [1, pages]) {
    const text = execFileSync("pdftotext", ["-f", String(n), "-l", String(n), pdf, "-"], { encoding: "utf8" });
    assert.ok(text.includes(project.meta.title), `page ${n} has the title`);
    assert.match(text.replace(/\s+/g, ""), new RegExp(`(^|[^0-9])${n}/${pages}([^0-9]|$)`), `page ${n} of ${pages}`);
  }
});

test("a clear error when no Chromium is found", () => {
  const missing = (env: NodeJS.ProcessEnv) => {
    try {
      findChromium(env, () => false);
    } catch (e) {
      assert.ok(e instanceof DariError);
      return e;
    }
    assert.fail("expected an error");
  };
  const e = missing({ PATH: "/nowhere" });
  assert.equal(e.key, "export:pdf.noChromium");
  assert.match(e.message, /No Chromium or Chrome was found.*CHROMIUM_PATH.*\/usr\/bin\/chromium/);
  const wrong = missing({ CHROMIUM_PATH: "/opt/none/chrome" });
  assert.match(wrong.message, /Looked in: \/opt\/none\/chrome$/);
  assert.equal(findChromium({ PATH: "/x:/y" }, (p) => p === "/y/google-chrome"), "/y/google-chrome");
});
