// Issue 14, requirement 3: a lexicon learned from the analyst's own translations.
import { test } from "node:test";
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { englishWords, koreanStems, learnLexicon, learnedLexicon, LexiconLearner, readLearnedPairs, type ParallelUnit } from "./learn";
import { alignProject } from "./project";
import { scoreAlignment, sumScores } from "./evaluate";
import { readTestSet, type TestDocument } from "../../scripts/eval-align";
import { corpusGold } from "../../test/support";

const sets = fileURLToPath(new URL("../../bench/align-sets/", import.meta.url));

/** The gold beads of a document with both sides, as memory units. */
function goldUnits(d: { gold: TestDocument["gold"] }): ParallelUnit[] {
  const ko = d.gold.ko.flat();
  const en = d.gold.en.flat();
  return d.gold.beads.filter((b) => b.ko.length && b.en.length).map((b) => ({ ko: b.ko.map((i) => ko[i]).join(" "), en: b.en.map((i) => en[i]).join(" ") }));
}

test("Korean stems lose their particles and verbal endings; English words are lower-cased content words", () => {
  assert.deepEqual(koreanStems("러시아는 대북 제재를 강화했다."), ["러시아", "대북", "제재", "강화"]);
  assert.deepEqual(koreanStems("정상회담에서는 협력하여"), ["정상회담", "협력"]);
  assert.deepEqual(englishWords("The Russians tightened the sanctions on North Korea's exports."), ["russians", "tightened", "sanctions", "north", "korea", "exports"]);
});

test("the sample's own translation teaches reliable pairs, and no pair of function words", () => {
  const units = goldUnits({ gold: corpusGold() });
  const pairs = learnLexicon(units);
  const has = (ko: string, en: string) => pairs.some((p) => p.ko === ko && p.en === en);
  assert.ok(has("정상회담", "summit"), "정상회담 = summit");
  assert.ok(has("우주", "space"), "우주 = space");
  for (const p of pairs) {
    assert.ok(p.count >= 2 && p.dice >= 0.5, `${p.ko}=${p.en} is not reliable`);
    assert.ok(!["the", "and", "of", "was", "that"].includes(p.en));
  }
  // Competitive linking: no stem pairs with every word of the sentences it is in.
  const partners = new Map<string, number>();
  for (const p of pairs) partners.set(p.ko, (partners.get(p.ko) ?? 0) + 1);
  assert.ok(Math.max(...partners.values()) <= 3);
});

test("the learner is brought up to date unit by unit: added, removed and stored counts give the same lexicon", () => {
  const units = goldUnits({ gold: corpusGold() });
  const whole = new LexiconLearner();
  whole.add(units);
  const stepwise = new LexiconLearner();
  stepwise.add(units.slice(0, 20));
  const extra = [{ ko: "드론이 날았다", en: "The drone flew." }];
  stepwise.add(extra);
  stepwise.add(units.slice(20));
  stepwise.add(extra, -1);
  assert.deepEqual(stepwise.pairs(), whole.pairs());
  const stored = new LexiconLearner(JSON.parse(JSON.stringify(whole.toJSON())));
  assert.deepEqual(stored.pairs(), whole.pairs());
  assert.equal(stored.size, whole.size);
  assert.deepEqual(readLearnedPairs(JSON.parse(JSON.stringify(whole.pairs()))), whole.pairs());
  assert.deepEqual(readLearnedPairs([{ ko: "a" }, null, 3, { ko: "제재", en: "sanctions", dice: 0.9, count: 4 }]), [{ ko: "제재", en: "sanctions", dice: 0.9, count: 4 }]);
});

test("aligning with 200 translated sentences of the same domain in memory beats aligning without (omissions, one-block English)", () => {
  const clean = readTestSet(sets + "clean");
  const sample = { gold: corpusGold() };
  const mixed = readTestSet(sets + "mixed");
  const without = sumScores(mixed.map((d) => scoreAlignment(alignProject(d.ko, d.en), d.gold)));
  const withMemory = sumScores(
    mixed.map((d) => {
      // The memory: every other document's translation and the sample's, never the document itself.
      const memory = [...clean.filter((c) => c.name !== d.name).flatMap(goldUnits), ...goldUnits(sample)];
      const sentences = memory.reduce((n, u) => n + u.ko.split(/(?<=[.?!])\s+/).length, 0);
      assert.ok(sentences >= 200, `${sentences} sentences in memory`);
      return scoreAlignment(alignProject(d.ko, d.en, { learned: learnedLexicon(learnLexicon(memory)) }), d.gold);
    }),
  );
  console.log(`# mixed set: bead F1 ${without.f1.toFixed(3)} without memory, ${withMemory.f1.toFixed(3)} with a learned lexicon; omissions found ${without.orphansFound} -> ${withMemory.orphansFound} of ${without.orphans}`);
  assert.ok(withMemory.f1 > without.f1, `F1 ${withMemory.f1} with memory, ${without.f1} without`);
});
