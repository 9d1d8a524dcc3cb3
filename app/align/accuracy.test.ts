// Requirement 4: on the sample commentary, the real pipeline (reflow of the
// PDF text, sentence splitting, alignment) recovers the gold beads, with the
// English in paragraphs and with the English joined into one block.
import { test } from "node:test";
import assert from "node:assert/strict";
import { reflow } from "../text/reflow";
import { alignProject } from "./project";
import { corpus } from "../../test/support";

const read = corpus;

interface Gold {
  ko: string[][];
  en: string[][];
  beads: { paragraph: number; ko: number[]; en: number[] }[];
}
const gold = JSON.parse(read("commentary.gold.json")) as Gold;
const koSentences = gold.ko.flat();
const enSentences = gold.en.flat();
/** A gold bead as the segment it should become: passage, ko text, en text. */
const goldSegments = new Set(
  gold.beads.map((b) => `${b.paragraph}\u0000${b.ko.map((i) => koSentences[i]).join(" ")}\u0000${b.en.map((i) => enSentences[i]).join(" ")}`),
);

function recovered(enParagraphs: string[]): { exact: number; segments: number } {
  const ko = reflow(read("commentary.ko.pdf.txt")).paragraphs;
  const passages = alignProject(ko, enParagraphs);
  let exact = 0;
  let segments = 0;
  passages.forEach((p, i) =>
    p.segments.forEach((s) => {
      segments++;
      if (goldSegments.has(`${i}\u0000${s.ko}\u0000${s.en}`)) exact++;
    }),
  );
  return { exact, segments };
}

const english = reflow(read("commentary.en.txt")).paragraphs;

test("the sample aligns: at least 48 of the 49 gold beads, English in paragraphs", () => {
  const { exact, segments } = recovered(english);
  console.log(`# alignment accuracy, English paragraphs: ${exact}/${gold.beads.length} gold beads recovered exactly (${segments} segments)`);
  assert.ok(exact >= 48, `only ${exact}/49 gold beads`);
});

test("the sample aligns when the English has no paragraph breaks at all", () => {
  const { exact, segments } = recovered([english.join(" ")]);
  console.log(`# alignment accuracy, English as one block: ${exact}/${gold.beads.length} gold beads recovered exactly (${segments} segments)`);
  assert.ok(exact >= 48, `only ${exact}/49 gold beads`);
});
