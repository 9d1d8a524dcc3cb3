import { test } from "node:test";
import assert from "node:assert/strict";
import { TranslationMemory, unitsFromDoc, type TmUnit } from "./tm";
import { buildDoc } from "../document/build";
import { corpus } from "../../test/support";

const gold = JSON.parse(corpus("commentary.gold.json")) as {
  ko: string[][];
  en: string[][];
  beads: { paragraph: number; ko: number[]; en: number[] }[];
};

/** The sample's gold beads as memory units. */
function sampleUnits(): TmUnit[] {
  const ko = gold.ko.flat();
  const en = gold.en.flat();
  return gold.beads.map((b) => ({ ko: b.ko.map((i) => ko[i]).join(" "), en: b.en.map((i) => en[i]).join(" "), origin: "sample" }));
}

test("a changed sentence finds its original with a fuzzy percentage and the differences", () => {
  const tm = new TranslationMemory();
  tm.add(sampleUnits());
  assert.equal(tm.size, 49);
  const query = "2020년에 10만 톤의 밀을 인도주의적 지원 형태로 북한에 제공한 것이 거의 유일했다(TASS 2023c).";
  const [best] = tm.lookup(query);
  assert.ok(best, "no match");
  assert.match(best.unit.en, /50,000 tonnes of wheat/);
  assert.ok(best.score >= 90 && best.score < 100, String(best.score));
  assert.deepEqual(best.diff.filter((d) => d.op !== "equal").map((d) => `${d.op}:${d.text}`), ["delete:5", "insert:10"]);
  // An exact sentence is 100%.
  assert.equal(tm.lookup(sampleUnits()[10].ko)[0].score, 100);
  // An unrelated sentence finds nothing above the floor.
  assert.deepEqual(tm.lookup("오늘 날씨가 맑고 바람이 분다."), []);
});

test("the current segment can be left out, and English can be looked up by tokens", () => {
  const tm = new TranslationMemory();
  const doc = buildDoc([{ segments: sampleUnits().slice(0, 5).map((u, i) => ({ ...u, id: `s${i}` })) }]);
  tm.add(unitsFromDoc(doc, "this project"));
  assert.equal(tm.size, 5);
  const own = sampleUnits()[1].ko;
  assert.equal(tm.lookup(own)[0].unit.segmentId, "s1");
  assert.ok(tm.lookup(own, { exclude: (u) => u.segmentId === "s1" }).every((m) => m.unit.segmentId !== "s1"));
  const en = tm.lookup("There is no doubt that this summit will bring North Korea and China even closer together.", { lang: "en" });
  assert.equal(en[0].unit.segmentId, "s3");
  // 17 tokens (16 words and the full stop), one replaced: floor(100 × 16/17) = 94.
  assert.equal(en[0].score, 94);
});

test("concordance: a Korean phrase gives the English contexts it was translated in", () => {
  const tm = new TranslationMemory();
  tm.add(sampleUnits());
  const hits = tm.concordance("한미일 정상회담");
  assert.ok(hits.length >= 2);
  for (const h of hits) {
    assert.match(h.unit.ko.slice(h.from, h.to), /한미일\s*정상회담/);
    assert.match(h.unit.en, /South Korea–US–Japan summit|Camp David summit/);
  }
  assert.ok(tm.concordance("6자회담").length === 1, "spacing inside the phrase is free");
  assert.ok(tm.concordance("Six-Party Talks")[0].unit.ko.includes("6자 회담"));
  assert.deepEqual(tm.concordance("우주정거장"), []);
});
