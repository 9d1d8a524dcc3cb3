import { test } from "node:test";
import assert from "node:assert/strict";
import { GlossaryMatcher, addToGlossary, englishHas, mergeGlossaries, distinctTerms } from "./glossary";
import { defaultGlossary } from "./default-glossary";
import { glossaryFromCsv, glossaryToCsv } from "./glossary-csv";
import type { GlossaryEntry } from "./glossary-entry";
import { DariError } from "../errors";
import { corpus } from "../../test/support";

const ko = corpus("commentary.ko.txt");
const en = corpus("commentary.en.txt");

const entry = (ko: string, en: string, forbidden: string[] = []): GlossaryEntry => ({ id: ko, ko, en, note: "", forbidden });
const termsIn = (m: GlossaryMatcher, text: string) => m.find(text).map((h) => text.slice(h.from, h.to));

test("the default glossary holds the key terms of the sample", () => {
  const g = defaultGlossary();
  const byKo = new Map(g.map((e) => [e.ko, e.en]));
  assert.equal(byKo.get("북러"), "North Korea–Russia");
  assert.equal(byKo.get("한미일"), "South Korea–US–Japan");
  assert.equal(byKo.get("보스토치니 우주기지"), "Vostochny Cosmodrome");
  assert.equal(byKo.get("신냉전"), "new Cold War");
  assert.equal(byKo.get("6자 회담"), "Six-Party Talks");
  assert.equal(new Set(g.map((e) => e.id)).size, g.length);
  // Every seed occurs in the sample, and every English term in its translation.
  const m = new GlossaryMatcher(g);
  const found = new Set(m.find(ko).map((h) => h.entry.ko));
  for (const e of g) {
    assert.ok(found.has(e.ko), `${e.ko} not found in the sample`);
    assert.ok(englishHas(en, e.en), `${e.en} not in the translation`);
  }
});

test("Korean matching sees through particles; the longest term wins", () => {
  const m = new GlossaryMatcher([entry("북러", "North Korea–Russia"), entry("북러 정상회담", "North Korea–Russia summit"), entry("정상회담", "summit"), entry("6자 회담", "Six-Party Talks")]);
  assert.deepEqual(termsIn(m, "북러는 북러의 북러가 북러에서는"), ["북러", "북러", "북러", "북러"]);
  const hits = m.find("이번 북러 정상회담을 앞두고");
  assert.equal(hits.length, 1);
  assert.equal(hits[0].entry.en, "North Korea–Russia summit");
  assert.equal(hits[0].tailEnd - hits[0].to, 1);
  // Not inside a longer word, nor before a non-particle ending.
  assert.deepEqual(termsIn(m, "남북러 북러관계"), []);
  // Spacing inside a term is free.
  assert.deepEqual(termsIn(m, "6자회담에도 6자 회담은"), ["6자회담", "6자 회담"]);
});

test("the project glossary overrides the user glossary for the same term", () => {
  const merged = mergeGlossaries([entry("정상회담", "summit")], [entry("정상회담", "summit meeting"), entry("푸틴", "Putin")]);
  assert.deepEqual(merged.map((e) => e.en), ["summit", "Putin"]);
});

test("adding a term the glossary holds under other spacing or Unicode form edits it in place", () => {
  const glossary = [entry("북러", "North Korea–Russia"), entry("6자 회담", "six-way talks"), entry("정상회담", "summit")];
  const decomposed = "정상회담".normalize("NFD");
  const added = addToGlossary(glossary, [entry("6자회담", "Six-Party Talks"), entry(` ${decomposed} `, "summit meeting"), entry("푸틴", "Putin")]);
  assert.deepEqual(
    added.map((e) => e.en),
    ["North Korea–Russia", "Six-Party Talks", "summit meeting", "Putin"],
  );
  // What the analyst sees afterwards: one term, one rendering, wherever the spacing varies.
  const m = new GlossaryMatcher(added);
  assert.deepEqual(m.find("6자 회담과 6자회담").map((h) => h.entry.en), ["Six-Party Talks", "Six-Party Talks"]);
  assert.equal(added[1].ko, "6자 회담", "the entry keeps the space that lets it match both spellings");
  assert.equal(addToGlossary([entry("6자회담", "six-way talks")], [entry("6자 회담", "Six-Party Talks")])[0].ko, "6자 회담");
  assert.deepEqual(addToGlossary(glossary, []), glossary, "adding nothing changes nothing");
});

test("adding a term keeps every entry already there, spacing variants included", () => {
  const glossary = defaultGlossary();
  const variants = glossary.filter((e) => e.ko.replace(/ /g, "") === "북러관계");
  assert.equal(variants.length, 2, "the default glossary has 북러관계 and 북러 관계");
  const added = addToGlossary(glossary, [entry("푸틴 대통령", "President Putin")]);
  assert.equal(added.length, glossary.length + 1);
  assert.deepEqual(added.slice(0, -1), glossary);
  assert.deepEqual(added.at(-1), { ...entry("푸틴 대통령", "President Putin") });
  // A new term is stored as the glossary writes terms: trimmed, composed.
  assert.equal(addToGlossary([], [entry(` ${"푸틴".normalize("NFD")} `, "Putin")])[0].ko, "푸틴");
});

test("English renderings compare without case, dash or plural differences", () => {
  assert.ok(englishHas("the North Korea-Russia summit", "North Korea–Russia"));
  assert.ok(englishHas("Ballistic missiles were launched", "ballistic missile"));
  assert.ok(!englishHas("a summitry", "summit"));
  assert.ok(englishHas("Russia's position", "Russia"));
});

test("CSV round-trips, with quotes, commas and forbidden renderings", () => {
  const g = [entry("북러", "North Korea–Russia", ["DPRK-Russia", "N. Korea, Russia"]), { ...entry("신냉전", "new Cold War"), note: 'a "new" one,\nsee notes' }];
  const csv = glossaryToCsv(g);
  const back = glossaryFromCsv(csv, "g.csv");
  assert.deepEqual(back.map(({ id: _id, ...rest }) => rest), g.map(({ id: _id, ...rest }) => rest));
});

test("a glossary CSV cannot run as a spreadsheet formula, and reads back as written", () => {
  const g = [{ id: "x", ko: "=1+1", en: "@SUM(A1)", note: "-minus", forbidden: ["+plus"] }];
  const csv = glossaryToCsv(g);
  assert.doesNotMatch(csv, /(^|,)"?[=+\-@]/m, "no cell starts with a formula character");
  const back = glossaryFromCsv(csv, "g.csv")[0];
  assert.deepEqual([back.ko, back.en, back.note, back.forbidden], ["=1+1", "@SUM(A1)", "-minus", ["+plus"]]);
});

test("CSV import takes Korean headers in any order and names the bad line", () => {
  const g = glossaryFromCsv("\uFEFF영어,한국어,메모\nSix-Party Talks,6자 회담,\n", "terms.csv");
  assert.equal(g[0].ko, "6자 회담");
  assert.equal(g[0].en, "Six-Party Talks");
  assert.throws(() => glossaryFromCsv("ko,note\n북러,x\n", "terms.csv"), (e: unknown) => e instanceof DariError && /terms\.csv/.test(e.message) && /en/.test(e.message));
  assert.throws(() => glossaryFromCsv("ko,en\n북러,North Korea–Russia\n한미일,\n", "terms.csv"), (e: unknown) => e instanceof DariError && /line 3/.test(e.message));
  assert.throws(() => glossaryFromCsv('ko,en\n"북러,x\n', "terms.csv"), (e: unknown) => e instanceof DariError && /line 2/.test(e.message));
});

test("the insert list shows each term once, where it first occurs", () => {
  const m = new GlossaryMatcher([{ id: "a", ko: "우주기지", en: "cosmodrome", note: "", forbidden: [] }, { id: "b", ko: "북러", en: "North Korea–Russia", note: "", forbidden: [] }]);
  const hits = m.find("북러 회담은 우주기지에서, 다시 우주기지로, 북러 관계는");
  assert.equal(hits.length, 4);
  assert.deepEqual(distinctTerms(hits).map((h) => [h.entry.ko, h.from]), [["북러", 0], ["우주기지", 7]]);
});

test("terms match through the copula and 하다/되다 endings; the longest term wins (issue 17.7)", () => {
  const m = new GlossaryMatcher(defaultGlossary().concat([entry("협력", "cooperation"), entry("우주기지", "cosmodrome"), entry("체결", "conclusion")]));
  const en = (text: string) => m.find(text).map((h) => h.entry.en);
  // The sample's own sentence: the cosmodrome, not Vostochny.
  assert.deepEqual(en("극동의 보스토치니 우주기지였다는 점"), ["Far East", "Vostochny Cosmodrome"]);
  assert.deepEqual(en("회담 장소는 보스토치니 우주기지이다."), ["Vostochny Cosmodrome"]);
  assert.deepEqual(en("우주기지였다는 우주기지이다 우주기지인 우주기지라는 우주기지입니다"), Array(5).fill("cosmodrome"));
  assert.deepEqual(en("정상회담이었다 정상회담인 정상회담이라는"), Array(3).fill("summit"));
  assert.deepEqual(en("양국은 협력했다. 협력하는 협력한 협력해 협력할 협력하기로 협력한다면 협력했음을"), Array(8).fill("cooperation"));
  assert.deepEqual(en("조약이 체결됐다 체결된 체결되었다"), Array(3).fill("conclusion"));
  // The hit covers the term; the ending is its tail.
  const [hit] = m.find("보스토치니 우주기지였다는");
  assert.deepEqual([hit.from, hit.to, hit.tailEnd], [0, 10, 13]);
  // Not inside another word, nor before something that makes another word.
  assert.deepEqual(en("비협력적 태도, 협력적 관계, 협력국, 반협력했다"), []);
  // A short copula form is Korean only after a vowel.
  assert.deepEqual(en("정상회담였다 정상회담라는"), []);
  // The compound, given its own entry, beats the shorter term plus an "ending".
  const sea = new GlossaryMatcher([entry("일본", "Japan"), entry("일본해", "Sea of Japan")]);
  assert.deepEqual(sea.find("일본해에서 일본한다").map((h) => h.entry.en), ["Sea of Japan", "Japan"]);
  // A copula ending that is also a suffix: the word's own entry settles it.
  assert.deepEqual(new GlossaryMatcher([entry("러시아", "Russia")]).find("러시아인").map((h) => h.entry.en), ["Russia"]);
  assert.deepEqual(new GlossaryMatcher([entry("러시아", "Russia"), entry("러시아인", "Russians")]).find("러시아인들은 러시아인 경우").map((h) => h.entry.en), ["Russians", "Russians"]);
});

test("overlapping terms resolve to the longest, wherever each starts", () => {
  const m = new GlossaryMatcher([entry("러시아 보스토치니", "Russia's Vostochny"), entry("보스토치니 우주기지", "Vostochny Cosmodrome"), entry("러시아", "Russia")]);
  // 러시아 보스토치니 (8 letters) and 보스토치니 우주기지 (9) overlap: the longer wins,
  // and 러시아, which overlaps neither winner, is still found.
  const hits = m.find("러시아 보스토치니 우주기지에서");
  assert.deepEqual(hits.map((h) => h.entry.en), ["Russia", "Vostochny Cosmodrome"]);
  for (let i = 1; i < hits.length; i++) assert.ok(hits[i - 1].tailEnd <= hits[i].from, "hits never overlap");
});

test("in the sample, the insert list of the cosmodrome sentence shows each term once and the longest", () => {
  const m = new GlossaryMatcher(defaultGlossary());
  const sentence = ko.split(/(?<=[.!?])\s+/).find((s) => s.includes("우주기지였다는"));
  assert.ok(sentence, "the sample has the sentence");
  const terms = distinctTerms(m.find(sentence)).map((h) => h.entry.en);
  assert.ok(terms.includes("Vostochny Cosmodrome"), terms.join(", "));
  assert.ok(!terms.includes("Vostochny"), terms.join(", "));
  assert.equal(new Set(terms).size, terms.length);
});
