import { test } from "node:test";
import assert from "node:assert/strict";
import { buildDoc } from "../document/build";
import { translationProgress, zeroPerStatus, UNTRANSLATED_STATUSES, countWords } from "./progress";
import { SEGMENT_STATUSES, schema } from "../schema";

test("progress counts translated and reviewed segments and their Korean words", () => {
  const doc = buildDoc([
    { segments: [{ ko: "북러 정상회담은 중요했다.", en: "x", status: "translated" }, { ko: "신냉전 구도", en: "", status: "new" }] },
    { segments: [{ ko: "한미일 협력이 강화된다.", en: "y", status: "reviewed" }, { ko: "저자", en: "z", status: "draft" }] },
  ]);
  const p = translationProgress(doc);
  assert.equal(p.segments, 2);
  assert.equal(p.segmentsTotal, 4);
  assert.equal(p.words, 3 + 3);
  assert.equal(p.wordsTotal, 3 + 2 + 3 + 1);
  assert.equal(p.percent, 66);
  assert.deepEqual(p.byStatus, { new: 1, draft: 1, translated: 1, reviewed: 1 });
});

test("every segment status is counted, with zero for the statuses no segment has", () => {
  const doc = buildDoc([{ segments: [{ ko: "가", en: "", status: "new" }, { ko: "나", en: "", status: "new" }] }]);
  const p = translationProgress(doc);
  assert.deepEqual(Object.keys(p.byStatus), [...SEGMENT_STATUSES]);
  assert.deepEqual(p.byStatus, { new: 2, draft: 0, translated: 0, reviewed: 0 });
});

test("the untranslated statuses are exactly those progress does not count as translated", () => {
  assert.deepEqual(UNTRANSLATED_STATUSES, ["new", "draft"]);
  for (const status of SEGMENT_STATUSES) {
    const p = translationProgress(buildDoc([{ segments: [{ ko: "북러 정상회담", en: "x", status }] }]));
    assert.equal(p.segments, UNTRANSLATED_STATUSES.includes(status) ? 0 : 1, status);
  }
});

test("zeroPerStatus lists every status at zero, a fresh count each time", () => {
  const counts = zeroPerStatus();
  assert.deepEqual(Object.entries(counts), SEGMENT_STATUSES.map((s) => [s, 0]));
  counts.draft++;
  assert.equal(zeroPerStatus().draft, 0, "counting into one does not change the next");
});

test("words are runs between any spaces a regular expression knows (ideographic, no-break, tabs), as CAT tools count eojeol", () => {
  const texts = ["", "   ", "저자", " 북러\u3000정상회담은\u00a0중요했다. ", "a\t\tb\nc", "\ufeff앞\u2003뒤\u200b붙음", "끝 "];
  for (const t of texts) assert.equal(countWords(t), t.trim() ? t.trim().split(/\s+/).length : 0, JSON.stringify(t));
  assert.equal(countWords(" 북러\u3000정상회담은\u00a0중요했다. "), 3);
});

test("a segment's words are those of its Korean text as it reads: text around an inline code and split text nodes count as the text does", () => {
  const { ko, en, segment, passage, doc, code } = schema.nodes;
  const tag = schema.marks.theme.create({ code: "space", id: "t1", note: "" });
  const side = ko.create(null, [schema.text("북러 정"), schema.text("상회담은", [tag]), code.create({ kind: "standalone" }), schema.text("중요 "), code.create({ kind: "standalone" }), schema.text(" 했다.")]);
  const d = doc.create(null, [passage.create({ id: "p1" }, [segment.create({ id: "s1" }, [side, en.create()])])]);
  assert.equal(side.textContent, "북러 정상회담은중요  했다.");
  assert.equal(translationProgress(d).wordsTotal, 3);
});
