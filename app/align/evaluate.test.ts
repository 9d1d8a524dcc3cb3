// The scores `npm run eval:align` prints: exact beads, F1, 1-1 recall, omissions and the review flag.
import { test } from "node:test";
import assert from "node:assert/strict";
import { scoreAlignment, sumScores, textParagraphs, type GoldAlignment } from "./evaluate";
import { alignProject } from "./project";
import { corpus } from "../../test/support";

const gold: GoldAlignment = {
  ko: [["가였다.", "나였다.", "다였다."]],
  en: [["It was A.", "It was B."]],
  beads: [
    { paragraph: 0, ko: [0], en: [0] },
    { paragraph: 0, ko: [1], en: [] },
    { paragraph: 0, ko: [2], en: [1] },
  ],
};

test("a segment counts only when both sides are exactly a gold bead; flags are scored against it", () => {
  const right = scoreAlignment([{ segments: [{ ko: "가였다.", en: "It was A." }, { ko: "나였다.", en: "" }, { ko: "다였다.", en: " It was  B." }] }], gold);
  assert.deepEqual([right.exact, right.f1, right.oneOneFound, right.oneOne, right.orphansFound, right.orphans], [3, 1, 2, 2, 1, 1]);
  const shifted = scoreAlignment([{ segments: [{ ko: "가였다.", en: "It was A.", confidence: 0.9 }, { ko: "나였다.", en: "It was B.", confidence: 0.3 }, { ko: "다였다.", en: "", confidence: 0.9 }] }], gold);
  assert.equal(shifted.exact, 1);
  assert.ok(Math.abs(shifted.f1 - 1 / 3) < 1e-9);
  assert.deepEqual([shifted.flagged, shifted.flaggedWrong, shifted.wrongUnflagged], [1, 1, 1]);
  const both = sumScores([right, shifted]);
  assert.equal(both.exact, 4);
  assert.ok(Math.abs(both.f1 - 4 / 6) < 1e-9);
});

test("the sample read as plain text files scores every gold bead", () => {
  const g = JSON.parse(corpus("commentary.gold.json")) as GoldAlignment;
  const s = scoreAlignment(alignProject(textParagraphs(corpus("commentary.ko.txt")), textParagraphs(corpus("commentary.en.txt"))), g);
  assert.equal(s.exact, 49);
  assert.equal(s.gold, 49);
});
