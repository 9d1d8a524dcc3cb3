import { test } from "node:test";
import assert from "node:assert/strict";
import { citedYears, findCitations } from "./citations";
import { corpusGold } from "../../test/support";

const years = (text: string) => findCitations(text).map((c) => c.years);

test("author–year citations, with pages, et al. and several references", () => {
  assert.deepEqual(years("He inspected the missile systems (TASS 2023a)."), [["2023a"]]);
  assert.deepEqual(years("as argued before (Kim 2019, p. 3)."), [["2019"]]);
  assert.deepEqual(years("as argued before (Kim 2019, pp. 1203–1210)."), [["2019"]], "page numbers are not years");
  assert.deepEqual(years("as argued before (Kim 2019: 45)."), [["2019"]]);
  assert.deepEqual(years("as argued before (Kim et al. 2019)."), [["2019"]]);
  assert.deepEqual(years("as argued before (Kim et al., 2019, p. 7)."), [["2019"]]);
  assert.deepEqual(years("as argued before (Kim and Lee 2019; Park & Choi 2020b)."), [["2019", "2020b"]]);
  assert.deepEqual(years("as argued before (see Kim 2019, 2021)."), [["2019", "2021"]]);
  assert.deepEqual(years("as argued before (van der Berg 2018)."), [["2018"]]);
  assert.deepEqual(years("Kim (2019, p. 3) argues that ..."), [["2019"]]);
});

test("Korean citations: after the name, in brackets, with 외 and pages", () => {
  assert.deepEqual(years("김철수(2019)는 이렇게 주장했다."), [["2019"]]);
  assert.deepEqual(years("김철수(2019, 3쪽)에 따르면"), [["2019"]]);
  assert.deepEqual(years("한계를 보여 왔다(장철운 2023)."), [["2023"]]);
  assert.deepEqual(years("지적되었다(김철수 외 2019; 이영희·박민수 2021: 12)."), [["2019", "2021"]]);
});

test("news sources with a date: the year is the cited one", () => {
  assert.deepEqual(years("회담이 열렸다(연합뉴스 2023.9.13)."), [["2023"]]);
  assert.deepEqual(years("회담이 열렸다(연합뉴스 2023년 9월 13일)."), [["2023"]]);
  assert.deepEqual(years("The summit was held (Yonhap, September 13, 2023)."), [["2023"]]);
  assert.deepEqual(years("The summit was held (Yonhap 13 Sept. 2023; TASS 2023a)."), [["2023", "2023a"]]);
  assert.deepEqual(years("The summit was held (Yonhap, 2023-09-13, p. 2)."), [["2023"]]);
  // A date with no source is prose.
  assert.deepEqual(years("The summit was held (September 13, 2023)."), []);
  assert.deepEqual(years("회담이 열렸다(2023.9.13)."), []);
});

test("years in prose are not citations, in brackets or not", () => {
  assert.deepEqual(years("In 2019 Kim Jong Un visited Vladivostok."), []);
  assert.deepEqual(years("2019년의 방문과는 사뭇 다르다."), []);
  assert.deepEqual(years("한러 수교(1990년) 이후"), []);
  assert.deepEqual(years("한러 수교 (1990년 이후) 한국정부는"), []);
  assert.deepEqual(years("relations (since 1990) have grown"), []);
  assert.deepEqual(years("relations (In 2019, for example) grew"), []);
  assert.deepEqual(years("relations grew (Since 1990)."), [], "a capitalised preposition is not an author");
  assert.deepEqual(years("the Cold War (1947–1991) ended"), []);
  assert.deepEqual(years("the pandemic (COVID-19) closed the border"), []);
  assert.deepEqual(years("a page reference alone (p. 3)"), []);
  assert.deepEqual(years("샤포쉬니코프 소형구축함(Marshal Shaposhnikov Frigate)에 탑승하여"), []);
  // One part of the brackets that is not a reference makes the whole prose.
  assert.deepEqual(citedYears("TASS 2023a; as reported in 2024"), null);
});

test("where a citation is: its brackets, offsets and text", () => {
  const text = "시찰하였다(TASS 2023a). 논의할 것(BBC 2023).";
  const found = findCitations(text);
  assert.deepEqual(
    found.map((c) => c.text),
    ["(TASS 2023a)", "(BBC 2023)"],
  );
  for (const c of found) assert.equal(text.slice(c.start, c.end), c.text);
});

test("the sample's citations are found on both sides, with the same years", () => {
  const gold = corpusGold();
  const ko = gold.ko.flat().flatMap((s) => findCitations(s).flatMap((c) => c.years));
  const en = gold.en.flat().flatMap((s) => findCitations(s).flatMap((c) => c.years));
  assert.ok(ko.length >= 5, `${ko.length} Korean citations`);
  assert.deepEqual(en, ko);
  // Every parenthesis of the sample with a four-digit year in it is a citation.
  for (const s of [...gold.ko.flat(), ...gold.en.flat()]) {
    const withYear = [...s.matchAll(/\([^()]*\d{4}[^()]*\)/g)].length;
    assert.equal(findCitations(s).length, withYear, s);
  }
});
