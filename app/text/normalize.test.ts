import { test } from "node:test";
import assert from "node:assert/strict";
import { escapeRegExp, isHangulWord } from "./normalize";
import { baseName } from "../import/formats";

test("small text helpers shared across modules", () => {
  assert.ok(isHangulWord("북러"));
  assert.ok(!isHangulWord("북러2"));
  assert.ok(!isHangulWord("ㅂㄹ"), "jamo are not syllables");
  assert.ok(!isHangulWord(""));
  const tricky = "(TASS 2023a). [1]* $5 + a|b \\ ^x?";
  assert.ok(new RegExp(`^${escapeRegExp(tricky)}$`).test(tricky));
  assert.equal(baseName("C:\\Users\\분석가\\해설.dari"), "해설.dari");
  assert.equal(baseName("/home/a/b.tmx"), "b.tmx");
  assert.equal(baseName("plain.txt"), "plain.txt");
});
