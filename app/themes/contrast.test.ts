import { test } from "node:test";
import assert from "node:assert/strict";
import { contrastRatio, readableColor, LIGHT_BACKGROUND, DARK_BACKGROUND } from "./contrast";
import { defaultCodebook } from "./default-codebook";

test("contrast ratios as WCAG computes them", () => {
  assert.equal(Math.round(contrastRatio("#000000", "#ffffff")), 21);
  assert.equal(contrastRatio("#777777", "#777777"), 1);
});

test("every default theme colour, as drawn, keeps 3:1 against the light and the dark background", () => {
  for (const code of defaultCodebook()) {
    for (const bg of [LIGHT_BACKGROUND, DARK_BACKGROUND]) {
      const drawn = readableColor(code.color, bg);
      assert.ok(contrastRatio(drawn, bg) >= 3, `${code.id} ${code.color} -> ${drawn} on ${bg}`);
    }
  }
  assert.equal(readableColor("#332288", LIGHT_BACKGROUND), "#332288", "a colour that is readable already is kept");
  assert.notEqual(readableColor("#DDCC77", LIGHT_BACKGROUND), "#DDCC77", "sand on white is darkened");
});
