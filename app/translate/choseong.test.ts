import { test } from "node:test";
import assert from "node:assert/strict";
import { isChoseongQuery, choseongPattern } from "./choseong";

const INITIALS = Array.from("ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ");
const COMPOUND_FINALS = Array.from("ㄳㄵㄶㄺㄻㄼㄽㄾㄿㅀㅄ");

const finds = (query: string, text: string) => new RegExp(choseongPattern(query)).test(text);

test("a query of initial consonants, spaced between groups, is read as one", () => {
  for (const c of INITIALS) assert.ok(isChoseongQuery(c), c);
  assert.ok(isChoseongQuery("ㅂㄹ ㅈㅅ"));
  assert.ok(isChoseongQuery(" ㅂㄹ  ㅈㅅ "));
  assert.ok(isChoseongQuery("ㄲㅉ"));
});

test("compound final consonants such as ㄳ are not initials", () => {
  for (const c of COMPOUND_FINALS) assert.ok(!isChoseongQuery(c), c);
  assert.ok(!isChoseongQuery("ㅂㄳ"));
  assert.ok(!isChoseongQuery("ㅂㄹ ㅄ"));
  // Even with the box ticked, ㄳ finds only itself, not the syllables of ㄱ or ㅅ.
  assert.ok(finds("ㄳ", "몫 ㄳ"));
  assert.ok(!finds("ㄳ", "각사 갃"));
});

test("mixed, syllable-only, vowel-only and empty queries are not initial-consonant queries", () => {
  assert.ok(!isChoseongQuery("ㅂ러"));
  assert.ok(!isChoseongQuery("북러"));
  assert.ok(!isChoseongQuery("ㅏㅓ"));
  assert.ok(!isChoseongQuery("ㅂㄹ Russia"));
  assert.ok(!isChoseongQuery(""));
  assert.ok(!isChoseongQuery("   "));
});

test("the pattern: initials match any syllable they begin, syllables match themselves, a space any spacing", () => {
  assert.ok(finds("ㅂㄹ ㅈㅅ", "북러 정상회담"));
  assert.ok(finds("ㅂㄹ ㅈㅅ", "북러정상"));
  assert.ok(!finds("ㅂㄹ ㅈㅅ", "남러 정상"));
  assert.ok(finds("ㅂ러", "북러"));
  assert.ok(!finds("ㅂ러", "북리"));
  // ㄱ and ㄲ are different initials; the first and last syllables of a block count.
  assert.ok(finds("ㄱ", "가") && finds("ㄱ", "깋") && !finds("ㄱ", "까"));
  assert.ok(finds("ㄲ", "까") && finds("ㄲ", "낗") && !finds("ㄲ", "깋"));
  assert.ok(finds("ㅎ", "힣"));
});
