import { test } from "node:test";
import assert from "node:assert/strict";
import { romanizeName } from "./romanize";

test("personal names: family name apart, given name by syllable with a hyphen", () => {
  assert.equal(romanizeName("강윤희"), "Gang Yun-hui");
  assert.equal(romanizeName("장철운"), "Jang Cheol-un");
  assert.equal(romanizeName("남궁민수"), "Namgung Min-su");
});

test("places and institutions keep Revised Romanization's sound changes", () => {
  assert.equal(romanizeName("국민대학교"), "Gungmindaehakgyo");
  assert.equal(romanizeName("평양"), "Pyeongyang");
  assert.equal(romanizeName("보스토치니"), "Boseutochini");
  assert.equal(romanizeName("캠프 데이비드"), "Kaempeu Deibideu");
  assert.equal(romanizeName("TASS 통신"), "TASS Tongsin");
});
