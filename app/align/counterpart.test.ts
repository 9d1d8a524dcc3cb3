// The counterpart of a tagged phrase, on the sample's own sentence pairs
// (the gold alignment): what an analyst tagging the Korean would tag in the
// English, and back.
import { test } from "node:test";
import assert from "node:assert/strict";
import { counterpartFinder, counterpartPhrase } from "./counterpart";
import type { AnchorOptions } from "./anchors";
import { parseProject } from "../document/index";
import { forEachSegment, segmentAnnotations } from "../themes/annotations";
import { sidePositionText } from "../schema";
import { corpusGold, readText } from "../../test/support";

const gold = corpusGold();
const KO = gold.ko.flat();
const EN = gold.en.flat();
const PAIRS = gold.beads.filter((b) => b.ko.length && b.en.length).map((b) => ({ ko: b.ko.map((i) => KO[i]).join(" "), en: b.en.map((i) => EN[i]).join(" ") }));

/** The counterpart of the first occurrence of a phrase in the sample (Korean or English), as text. */
function counterpart(phrase: string, opts?: AnchorOptions): string | null {
  const lang = /[\uac00-\ud7a3]/.test(phrase) ? "ko" : "en";
  const pair = PAIRS.find((p) => p[lang].includes(phrase));
  assert.ok(pair, `the sample says “${phrase}”`);
  const text = pair[lang];
  const target = lang === "ko" ? pair.en : pair.ko;
  const from = text.indexOf(phrase);
  const found = counterpartPhrase({ lang, text, from, to: from + phrase.length }, target, opts);
  return found && target.slice(found.from, found.to);
}

test("a Korean phrase finds its English through names, lexicon pairs and numbers, widened to the phrase", () => {
  const cases: [string, string][] = [
    // a name through romanization and the lexicon's 우주 ~ cosmodrome
    ["보스토치니 우주기지", "Vostochny Cosmodrome"],
    // a date in another order
    ["2023년 9월 13일", "13 September 2023"],
    ["푸틴 대통령", "President Putin's"],
    // a compound standing for two lexicon pairs, then the summit
    ["북러 정상회담", "North Korea–Russia summit"],
    // a number takes the unit it counts
    ["5만 톤의 밀", "50,000 tonnes"],
    // the same word through a name and the lexicon; a Latin word in brackets
    ["쇼이구 러시아 국방장관", "Russian Defence Minister Shoigu"],
    ["칼리브르(Kalibr) 미사일 시스템", "Kalibr missile system"],
    ["러시아의 우크라이나 침공", "Russia's invasion of Ukraine"],
    // words beyond the anchor (개발) take one English word
    ["이란제 드론", "Iranian-made drones"],
    ["군사기술 협력", "military-technical cooperation"],
    // one word twice in the English: the one where the phrase stands
    ["우주프로그램", "space program"],
  ];
  for (const [ko, en] of cases) assert.equal(counterpart(ko), en, ko);
});

test("an English phrase finds its Korean as whole words, without the particles after it", () => {
  const cases: [string, string][] = [
    ["Vostochny Cosmodrome", "보스토치니 우주기지"],
    ["13 September 2023", "2023년 9월 13일"],
    ["President Putin", "푸틴 대통령"],
    ["North Korea–Russia summit", "북러 정상회담"],
    // a number takes its short counted word: 6자 회담
    ["Six-Party Talks", "6자 회담"],
    ["50,000 tonnes of wheat", "5만 톤"],
    // brackets are kept whole, with the word they gloss
    ["Kalibr missile system", "칼리브르(Kalibr) 미사일 시스템"],
    ["humanitarian aid", "인도주의적 지원"],
  ];
  for (const [en, ko] of cases) assert.equal(counterpart(en), ko, en);
});

test("the project glossary and the learned lexicon find what the built-in anchors do not", () => {
  assert.equal(counterpart("인공위성"), null, "no built-in anchor for 인공위성");
  const glossary = [{ id: "sat", ko: "인공위성", en: "satellite", note: "", forbidden: [] }];
  assert.equal(counterpart("인공위성", { glossary }), "satellite");
  // With the lexicon's 개발 ~ development, the glossary's pair widens to the phrase.
  assert.equal(counterpart("인공위성 개발", { glossary }), "satellite development");
  assert.equal(counterpart("5만 톤의 밀", { learned: [{ id: "wheat", ko: ["밀"], en: ["wheat"] }] }), "50,000 tonnes of wheat");
});

test("no shared anchor, no phrase; a whole side maps to the whole other side", () => {
  assert.equal(counterpart("전 세계의 이목"), null);
  const pair = PAIRS[0];
  const whole = counterpartPhrase({ lang: "ko", text: pair.ko, from: 0, to: pair.ko.length }, `  ${pair.en} `);
  assert.deepEqual(whole && [whole.from, whole.to], [2, pair.en.length + 2]);
  assert.equal(counterpartPhrase({ lang: "ko", text: pair.ko, from: 0, to: 5 }, "   "), null, "an empty other side");
});

test("on the worked sample, the counterpart of each Korean tag meets the analyst's own English tag of that theme", () => {
  // The sample's two-sided tags were placed by hand: the measure of what an analyst expects.
  const project = parseProject(readText(new URL("../../resources/sample/commentary.dari", import.meta.url)));
  const find = counterpartFinder({ glossary: project.glossary });
  let pairs = 0;
  let exact = 0;
  let f1 = 0;
  forEachSegment(project.doc, (seg, pos) => {
    const anns = segmentAnnotations(seg, pos);
    const [ko, en] = [sidePositionText(seg.child(0)), sidePositionText(seg.child(1))];
    const [koStart, enStart] = [pos + 2, pos + 2 + seg.child(0).nodeSize];
    for (const k of anns.filter((a) => a.side === "ko")) {
      const theirs = anns.filter((a) => a.side === "en" && a.code === k.code);
      if (theirs.length !== 1) continue;
      pairs++;
      const gold = { from: theirs[0].from - enStart, to: theirs[0].to - enStart };
      const found = find({ lang: "ko", text: ko, from: k.from - koStart, to: k.to - koStart }, en);
      assert.ok(found, `a phrase for ${ko.slice(k.from - koStart, k.to - koStart)}`);
      const shared = Math.min(found.to, gold.to) - Math.max(found.from, gold.from);
      assert.ok(shared > 0, `${en.slice(found.from, found.to)} meets ${en.slice(gold.from, gold.to)}`);
      f1 += (2 * shared) / (found.to - found.from + gold.to - gold.from);
      if (found.from === gold.from && found.to === gold.to) exact++;
    }
  });
  assert.ok(pairs >= 10, `${pairs} tags on both sides`);
  // Measured: 7 of 11 exactly, mean overlap F1 0.845.
  assert.ok(exact / pairs >= 0.6, `${exact} of ${pairs} exactly`);
  assert.ok(f1 / pairs >= 0.8, `mean F1 ${(f1 / pairs).toFixed(3)}`);
});
