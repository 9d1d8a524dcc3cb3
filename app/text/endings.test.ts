import { test } from "node:test";
import assert from "node:assert/strict";
import { isEndingTail, termTailLength } from "./endings";

test("the copula follows a noun in the form its last syllable calls for", () => {
  // After a vowel: full and short forms.
  for (const tail of ["이다", "였다는", "이었다", "였던", "인", "이라는", "라는", "입니다", "다", "였으며", "여서", "이기도", "임을"]) {
    assert.ok(isEndingTail(tail, "우주기지"), `우주기지${tail}`);
  }
  // After a consonant: only the full forms.
  for (const tail of ["이다", "이었다", "이었다는", "인", "이라는", "입니다", "이었던", "인지를"]) assert.ok(isEndingTail(tail, "정상회담"), `정상회담${tail}`);
  for (const tail of ["였다", "였다는", "다", "라는", "여서"]) assert.ok(!isEndingTail(tail, "정상회담"), `정상회담${tail} is not Korean`);
});

test("하다 and 되다 follow a verbal noun, with particles after the ending", () => {
  for (const tail of ["했다", "하는", "한", "해", "할", "하기로", "했으며", "하였다", "한다면", "합니다", "했음을", "해왔다", "하여", "하도록", "됐다", "된", "되었다", "될", "되기", "한다", "된다는"]) {
    assert.ok(isEndingTail(tail, "협력"), `협력${tail}`);
  }
});

test("anything else after the term makes another word", () => {
  for (const tail of ["적", "적인", "관계", "국", "자", "하다가도요리", "했다가다"]) assert.ok(!isEndingTail(tail, "협력"), `협력${tail}`);
  assert.ok(!isEndingTail("", "협력"), "no ending is not an ending (the particle rule covers the bare word)");
});

test("termTailLength measures particles or an ending up to the end of the word", () => {
  const text = "극동의 보스토치니 우주기지였다는 점에서";
  const at = text.indexOf("우주기지") + 4;
  assert.equal(termTailLength(text, at, "보스토치니우주기지"), 3);
  assert.equal(termTailLength("협력을 위해", 2, "협력"), 1);
  assert.equal(termTailLength("협력적 관계", 2, "협력"), -1);
  assert.equal(termTailLength("협력, 그리고", 2, "협력"), 0);
});
