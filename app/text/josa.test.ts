import { test } from "node:test";
import assert from "node:assert/strict";
import { particleFor } from "./josa";
import { createI18n, resources } from "../i18n";

test("Korean words take the particle their last syllable calls for", () => {
  assert.equal(particleFor("보스토치니 우주기지", "은/는"), "는");
  assert.equal(particleFor("정상회담", "은/는"), "은");
  assert.equal(particleFor("서울", "으로/로"), "로", "a final ㄹ takes 로");
  assert.equal(particleFor("“정상회담”", "이/가"), "이", "quotes around the word do not count");
});

test("numbers are read aloud", () => {
  assert.equal(particleFor("3", "이/가"), "이"); // 삼
  assert.equal(particleFor("2019", "이/가"), "가"); // 이천십구
  assert.equal(particleFor("50,000", "이/가"), "이"); // 오만
  assert.equal(particleFor("2020", "이/가"), "이"); // 이천이십
  assert.equal(particleFor("1.5", "으로/로"), "로"); // 일점오
  assert.equal(particleFor("7", "으로/로"), "로"); // 칠
  assert.equal(particleFor("100", "을/를"), "을"); // 백
});

test("English words and acronyms are read as a Korean reader says them", () => {
  const cases: [string, string, string][] = [
    ["Vostochny Cosmodrome", "으로/로", "으로"],
    ["summit", "으로/로", "으로"],
    ["North Korea–Russia", "으로/로", "로"],
    ["Putin", "은/는", "은"],
    ["ballistic missile", "으로/로", "로"],
    ["Pyongyang", "이/가", "이"],
    ["space development", "을/를", "를"],
    ["new Cold War", "을/를", "를"],
    ["UN", "은/는", "은"],
    ["TASS", "은/는", "는"],
  ];
  for (const [word, pair, want] of cases) assert.equal(particleFor(word, pair), want, `${word} ${pair}`);
});

test("the Korean QA messages use the fitting particle, never 은(는) or (으)로", () => {
  const i18n = createI18n("ko");
  const t = i18n.t.bind(i18n);
  assert.equal(t("translate:qa.termMissing", { ko: "보스토치니 우주기지", en: "Vostochny Cosmodrome" }), "“보스토치니 우주기지”는 “Vostochny Cosmodrome”으로 옮겨야 합니다(용어집).");
  assert.equal(t("translate:qa.termMissing", { ko: "정상회담", en: "North Korea–Russia" }), "“정상회담”은 “North Korea–Russia”로 옮겨야 합니다(용어집).");
  assert.equal(t("translate:qa.numberMissing", { ko: "5만", value: "50,000" }), "한국어의 숫자 5만(50,000)이 영어에 없습니다.");
  assert.equal(t("translate:qa.numberExtra", { en: "2019" }), "영어의 숫자 2019가 한국어에 없습니다.");
  assert.equal(t("translate:qa.codeMissing", { code: "<b>" }), "한국어의 인라인 코드 <b>가 영어에 없습니다.");
});

test("no Korean message writes both particles, as in 은(는) or 와(과): each picks the one that fits", () => {
  const both = /[을은이와]\([를는가과]\)|\(으\)로/;
  const found: string[] = [];
  const walk = (o: unknown, key: string): void => {
    if (typeof o === "string") { if (both.test(o)) found.push(`${key}: ${o}`); }
    else if (o && typeof o === "object") for (const [k, v] of Object.entries(o)) walk(v, key ? `${key}.${k}` : k);
  };
  walk(resources.ko, "");
  assert.deepEqual(found, []);
});
