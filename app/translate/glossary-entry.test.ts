import { test } from "node:test";
import assert from "node:assert/strict";
import { readGlossaryEntries, readGlossaryJson, type GlossaryEntry } from "./glossary-entry";
import { GlossaryMatcher } from "./glossary";
import { checkSegment } from "./qa";

const good: GlossaryEntry = { id: "g-1", ko: "북러", en: "North Korea–Russia", note: "hyphen, not slash", forbidden: ["Russia-North Korea"] };

test("a good stored user glossary is read back exactly as saved", () => {
  const read = readGlossaryJson(JSON.stringify([good]));
  assert.deepEqual(read, { entries: [good], dropped: [] });
  assert.deepEqual(readGlossaryJson(null), { entries: [], dropped: [] }, "nothing stored is an empty glossary, not a problem");
});

test("corrupted JSON or data that is not a list gives no entries and says why", () => {
  assert.deepEqual(readGlossaryJson('[{"ko":"북러","en":"North Korea–Russia"'), { entries: [], dropped: [{ index: null, reason: "notJson" }] });
  assert.deepEqual(readGlossaryJson('{"ko":"북러","en":"North Korea–Russia"}'), { entries: [], dropped: [{ index: null, reason: "notList" }] });
  assert.deepEqual(readGlossaryEntries("북러"), { entries: [], dropped: [{ index: null, reason: "notList" }] });
});

test("entries without a usable Korean or English term are dropped, each with its place and reason", () => {
  const read = readGlossaryEntries([null, "북러", [good], { en: "summit" }, { ko: 3, en: "summit" }, { ko: "  ", en: "summit" }, { ko: "정상회담" }, { ko: "정상회담", en: ["summit"] }, good]);
  assert.deepEqual(read.entries, [good]);
  assert.deepEqual(read.dropped, [
    { index: 0, reason: "notObject" },
    { index: 1, reason: "notObject" },
    { index: 2, reason: "notObject" },
    { index: 3, reason: "noKorean" },
    { index: 4, reason: "noKorean" },
    { index: 5, reason: "noKorean" },
    { index: 6, reason: "noEnglish" },
    { index: 7, reason: "noEnglish" },
  ]);
});

test("missing or malformed optional fields get their defaults, and QA runs on the result", () => {
  const { entries, dropped } = readGlossaryEntries([
    { ko: "정상회담", en: "summit" },
    { id: 7, ko: "신냉전", en: "new Cold War", note: { text: "x" }, forbidden: "new cold war" },
    { id: "", ko: "푸틴", en: "Putin", note: null, forbidden: ["Poutine", 3, "", null] },
  ]);
  assert.deepEqual(dropped, []);
  assert.deepEqual(
    entries.map(({ id: _id, ...rest }) => rest),
    [
      { ko: "정상회담", en: "summit", note: "", forbidden: [] },
      { ko: "신냉전", en: "new Cold War", note: "", forbidden: [] },
      { ko: "푸틴", en: "Putin", note: "", forbidden: ["Poutine"] },
    ],
  );
  assert.ok(entries.every((e) => typeof e.id === "string" && e.id !== ""), "every entry has an id");
  assert.equal(new Set(entries.map((e) => e.id)).size, entries.length, "ids are distinct");
  // What used to throw: an entry without `forbidden` reaching the term check.
  const found = checkSegment("푸틴이 정상회담에서 말했다.", "Poutine spoke at the summit.", new GlossaryMatcher(entries));
  assert.ok(found.some((f) => f.key === "qa.termForbidden" && f.params.rendering === "Poutine"));
});
