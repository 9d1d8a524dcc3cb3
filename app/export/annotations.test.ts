import { test } from "node:test";
import assert from "node:assert/strict";
import { exportAnnotations } from "./annotations";
import { exportCsv, CSV_HEADER } from "./csv";
import { collect } from "./collect";
import { projectOf, themedProject } from "../../test/fixtures/export-project";
import { readCsv } from "../../test/fixtures/csv";

test("W3C annotations: one tagging annotation per theme annotation, bilingual label, classifying body", async () => {
  const p = themedProject();
  const json = JSON.parse(await exportAnnotations(p));
  const data = collect(p);
  assert.equal(json["@context"], "http://www.w3.org/ns/anno.jsonld");
  const items = json.first.items;
  assert.equal(items.length, data.annotations.length);
  assert.equal(json.total, items.length);
  const span = items.find((a: any) => a.id === "urn:dari:annotation:span-2");
  assert.equal(span.type, "Annotation");
  assert.equal(span.motivation, "tagging");
  assert.deepEqual(
    span.body.filter((b: any) => b.purpose === "tagging").map((b: any) => [b.language, b.value]),
    [["ko", "무기 거래"], ["en", "Arms trade"]],
  );
  assert.deepEqual(span.body.find((b: any) => b.purpose === "classifying"), { type: "SpecificResource", purpose: "classifying", source: "urn:dari:code:arms" });
  assert.equal(span.body.find((b: any) => b.purpose === "commenting").value, "spans two segments");
  // It spans two segments: a target in each, on the English side.
  assert.deepEqual(span.target.map((t: any) => [t.source, t.selector[0].exact]), [
    ["urn:dari:segment:s1:en", "ole world."],
    ["urn:dari:segment:s2:en", "Because no p"],
  ]);
  for (const a of items) for (const t of a.target) assert.deepEqual(t.selector.map((s: any) => s.type), ["TextQuoteSelector", "TextPositionSelector"]);
});

test("positions are counted in Unicode code points", async () => {
  const ko = "🚀 발사체 𝕏 우주 협력";
  const from = ko.indexOf("우주");
  const p = projectOf([[{ id: "s1", ko, en: "Rocket 🚀 space", spans: [{ side: "ko", from, to: from + 5, code: "space", id: "a1" }, { side: "en", from: 10, to: 15, code: "space", id: "a1" }] }]]);
  const [ann] = JSON.parse(await exportAnnotations(p)).first.items;
  const [koT, enT] = ann.target;
  const [quote, pos] = koT.selector;
  assert.equal(quote.exact, "우주 협력");
  assert.equal(quote.prefix, "🚀 발사체 𝕏 ");
  assert.deepEqual([pos.start, pos.end], [8, 13], "code points (UTF-16 would say 10 and 15)");
  assert.equal([...ko].slice(pos.start, pos.end).join(""), quote.exact);
  assert.equal(koT.source, "urn:dari:segment:s1:ko");
  assert.deepEqual([enT.selector[1].start, enT.selector[1].end, enT.selector[0].exact], [9, 14, "space"]);
});

test("CSV of coded segments: UTF-8 with BOM, one row per tagged range, Excel-safe", async () => {
  const p = themedProject();
  const text = await exportCsv(p, { uiLanguage: "ko" });
  const bytes = new TextEncoder().encode(text);
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], "UTF-8 byte-order mark");
  assert.ok(text.endsWith("\r\n"));
  const rows = readCsv(text.slice(1));
  assert.deepEqual(rows[0], CSV_HEADER);
  const data = collect(p);
  assert.equal(rows.length - 1, data.annotations.reduce((n, a) => n + a.ranges.length, 0));
  const armsMemo = rows.find((r) => r[5] === "탄약과 포탄 거래 — 핵심 쟁점")!;
  assert.equal(armsMemo[0], "무기 거래 · Arms trade");
  assert.equal(armsMemo[1], "ko");
  assert.equal(armsMemo[2], "무기");
  assert.ok(armsMemo[3].includes("무기") && armsMemo[4].length > 20);
  // A quote that a spreadsheet would run as a formula is kept as text.
  const f = projectOf([[{ id: "s1", ko: "=HYPERLINK(1)", en: "x", spans: [{ side: "ko", from: 0, to: 13, code: "space", id: "a" }] }]]);
  assert.equal(readCsv((await exportCsv(f)).slice(1))[1][2], "'=HYPERLINK(1)");
});
