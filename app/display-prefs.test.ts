import { test } from "node:test";
import assert from "node:assert/strict";
import { sanitizeDisplay, DEFAULT_DISPLAY, zoomed } from "./display-prefs";

test("display preferences keep valid values and fall back on anything else", () => {
  assert.deepEqual(sanitizeDisplay(undefined), DEFAULT_DISPLAY);
  const p = sanitizeDisplay({ theme: "dark", fontSize: 99, lineHeight: 0.5, koFont: "Nanum Gothic", enFont: "x; background:url(evil)", tagStyle: "stripes", suggestions: true, spelling: "yes", spellingVariant: "en-AU" });
  assert.equal(p.theme, "dark");
  assert.equal(p.fontSize, 32, "clamped");
  assert.equal(p.lineHeight, 1.2, "clamped");
  assert.equal(p.koFont, "Nanum Gothic");
  assert.equal(p.enFont, "", "a font name that is not a name is refused");
  assert.equal(p.tagStyle, "underline");
  assert.equal(p.suggestions, true);
  assert.equal(p.spelling, true, "not a boolean: the default");
  assert.equal(p.spellingVariant, "en-US", "a variant Dari has no dictionary for: the default");
  assert.equal(sanitizeDisplay({ spellingVariant: "en-GB-oxendict" }).spellingVariant, "en-GB-oxendict");
  assert.equal(DEFAULT_DISPLAY.suggestions, false, "suggestions are off until asked for");
});

test("text size steps by two pixels within bounds; Ctrl+0 is the default", () => {
  assert.equal(zoomed(15, 1), 17);
  assert.equal(zoomed(11, -1), 10);
  assert.equal(zoomed(31, 1), 32);
  assert.equal(zoomed(25, 0), DEFAULT_DISPLAY.fontSize);
});

test("a font name is letters, digits, spaces and a few marks; the candidates all are", async () => {
  const { isFontName, KO_FONTS, EN_FONTS } = await import("./display-prefs");
  for (const f of [...KO_FONTS, ...EN_FONTS]) assert.ok(isFontName(f), f);
  assert.ok(isFontName("나눔고딕"));
  assert.ok(!isFontName('Arial"; color: red'));
  assert.ok(!isFontName("x".repeat(61)));
});
