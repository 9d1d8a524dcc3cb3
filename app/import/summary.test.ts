import { test } from "node:test";
import assert from "node:assert/strict";
import { importSummary } from "./summary";
import { importBitext } from "./bitext";
import { reflow } from "../text/reflow";
import { isLowConfidence } from "../commands/align";
import { corpus } from "../../test/support";

test("an import's summary counts passages, segments and the unsure ones, and finds the first of them", () => {
  const ko = reflow(corpus("commentary.ko.pdf.txt"), { mode: "pdf", lang: "ko" }).paragraphs;
  const en = reflow(corpus("commentary.en.txt"), { lang: "en" }).paragraphs;
  const { doc } = importBitext({ ko, en, title: "t", source: "s" });
  const s = importSummary(doc);
  assert.equal(s.passages, 12);
  let segments = 0;
  const unsure: number[] = [];
  doc.descendants((node, pos) => {
    if (node.type.name !== "segment") return true;
    segments++;
    if (isLowConfidence(node)) unsure.push(pos);
    return false;
  });
  assert.equal(s.segments, segments);
  assert.ok(s.segments > s.passages);
  assert.equal(s.unsure, unsure.length);
  assert.equal(s.firstUnsure, unsure[0] ?? null);
});
