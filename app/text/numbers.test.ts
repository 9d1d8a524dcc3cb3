import { test } from "node:test";
import assert from "node:assert/strict";
import { findNumbers, formatNumber } from "./numbers";
import { corpus } from "../../test/support";

const ko = corpus("commentary.ko.txt");
const en = corpus("commentary.en.txt");

const values = (text: string, lang: "ko" | "en") => findNumbers(text, lang).map((n) => n.value);
const kinds = (text: string, lang: "ko" | "en") => findNumbers(text, lang).map((n) => `${n.kind}:${n.value}`);

test("Korean units give the value a reader means", () => {
  assert.deepEqual(values("2020년에 5만 톤의 밀을", "ko"), [2020, 50000]);
  assert.deepEqual(values("1억 원", "ko"), [100000000]);
  assert.deepEqual(values("3.5조 원", "ko"), [3.5e12]);
  assert.deepEqual(values("2천 명", "ko"), [2000]);
  assert.deepEqual(values("1억 2천만 원과 3억5천만 원", "ko"), [120000000, 350000000]);
  assert.deepEqual(values("1.2만 명", "ko"), [12000]);
  assert.deepEqual(values("12,500명", "ko"), [12500]);
});

test("Korean dates, percentages and counters", () => {
  assert.deepEqual(kinds("2023년 9월 13일 러시아", "ko"), ["year:2023", "month:9", "day:13"]);
  assert.deepEqual(kinds("11월 평양에서", "ko"), ["month:11"]);
  assert.deepEqual(kinds("30% 증가, 4.5 퍼센트", "ko"), ["percent:30", "percent:4.5"]);
  assert.deepEqual(kinds("1차 세계대전, 6자 회담", "ko"), ["number:1", "number:6"]);
  const n = findNumbers("러시아는 5만 톤의", "ko")[0];
  assert.equal(n.text, "5만");
  assert.equal("러시아는 5만 톤의".slice(n.start, n.end), "5만");
});

test("English digits, scale words, number words and months", () => {
  assert.deepEqual(values("Providing 50,000 tonnes of wheat", "en"), [50000]);
  assert.deepEqual(values("3.5 trillion won and 2 million people", "en"), [3.5e12, 2e6]);
  assert.deepEqual(kinds("on 13 September 2023 and in November", "en"), ["day:13", "month:9", "year:2023", "month:11"]);
  assert.deepEqual(kinds("September 13, 2023", "en"), ["month:9", "day:13", "year:2023"]);
  assert.deepEqual(kinds("the Six-Party Talks and the First World War", "en"), ["number:6", "number:1"]);
  assert.deepEqual(kinds("twenty-five percent of 30%", "en"), ["percent:25", "percent:30"]);
  assert.ok(findNumbers("six parties", "en").every((n) => n.form === "words"));
  // "may" the verb is not a month; "March" the month is.
  assert.deepEqual(kinds("Russia may not keep its promises; in March", "en"), ["month:3"]);
});

test("digits that are part of a name are not quantities", () => {
  assert.deepEqual(values("During the COVID-19 pandemic an F-35 and the G20", "en"), []);
  assert.deepEqual(values("COVID-19 시기에", "ko"), []);
  // A citation year keeps its value: (TASS 2023a).
  assert.deepEqual(values("(TASS 2023a)", "en"), [2023]);
  assert.deepEqual(values("(TASS 2023a)", "ko"), [2023]);
});

test("the sample: every Korean number has its value in the English", () => {
  const koValues = findNumbers(ko, "ko").map((n) => n.value);
  const enValues = findNumbers(en, "en").map((n) => n.value);
  assert.ok(koValues.includes(50000) && enValues.includes(50000));
  for (const v of koValues) assert.ok(enValues.includes(v), `Korean ${v} not in the English`);
  // Years of the Korean (2023, 2019, 1990, 2022, 2020) are all found.
  for (const y of [2023, 2019, 1990, 2022, 2020]) assert.ok(findNumbers(ko, "ko").some((n) => n.kind === "year" && n.value === y), String(y));
});

test("formatNumber writes English digits", () => {
  assert.equal(formatNumber(50000), "50,000");
  assert.equal(formatNumber(3.5), "3.5");
});
