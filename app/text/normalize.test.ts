import { test } from "node:test";
import assert from "node:assert/strict";
import { escapeRegExp, isHangulWord, eachLine, splitLines, countLetters, hangulRatio } from "./normalize";
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

test("eachLine gives splitLines' lines one at a time, with where each ends", () => {
  for (const text of ["", "one", "\uFEFFa\r\nb\rc\nd\u2028e\u2029f\fg\vh\u0085i", "a\n\n\nb\n", "\r\n\r\n"]) {
    const lines = [...eachLine(text)];
    assert.deepEqual(
      lines.map((l) => l.line),
      splitLines(text),
      JSON.stringify(text),
    );
    for (const l of lines) assert.equal(text.slice(l.end - l.line.length, l.end), l.line);
  }
});

test("countLetters adds up over pieces to what hangulRatio sees in the whole", () => {
  const text = "북러 정상회담 Putin–Kim summit, 2023년 9월 13일 — Восточный";
  const counts = { hangul: 0, letters: 0 };
  for (const piece of text.split(" ")) countLetters(piece, counts);
  assert.equal(counts.hangul / counts.letters, hangulRatio(text));
  assert.equal(counts.hangul, [..."북러정상회담년월일"].length);
  assert.equal(counts.letters, counts.hangul + "PutinKimsummit".length + "Восточный".length);
});
