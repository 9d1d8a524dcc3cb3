// The user glossary and user memory kept in the renderer's storage: what an
// older version, a hand edit or a damaged profile left there must not break
// the desk, and the analyst is told what was left out.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createI18n } from "../app/i18n";
import { TranslationMemory } from "../app/translate/tm";
import { droppedMessage, loadUserGlossary, readMemoryRecords, recordUnits, saveUserGlossary } from "../renderer/features/translate/user-data";

/** localStorage as the renderer has it, kept in a Map. */
function fakeStorage(): Map<string, string> {
  const items = new Map<string, string>();
  (globalThis as { localStorage?: unknown }).localStorage = {
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, String(v)),
    removeItem: (k: string) => void items.delete(k),
  };
  return items;
}

test("a user glossary with bad entries loads the good ones, tells the analyst once, and keeps the original", () => {
  const items = fakeStorage();
  const stored = JSON.stringify([{ id: "u1", ko: "북러", en: "North Korea–Russia", note: "", forbidden: [] }, { ko: "정상회담" }, { ko: "푸틴", en: "Putin" }]);
  items.set("dari.userGlossary", stored);
  const messages: [string, string | undefined][] = [];
  const ctx = { t: createI18n("en").t, notify: (m: string, kind?: "info" | "error") => void messages.push([m, kind]) };

  const entries = loadUserGlossary(ctx);
  assert.deepEqual(entries.map((e) => [e.ko, e.en, e.forbidden]), [["북러", "North Korea–Russia", []], ["푸틴", "Putin", []]]);
  assert.deepEqual(messages, [["1 entry of your user glossary could not be used and was left out: entry 2 has no English term.", "error"]]);
  loadUserGlossary(ctx);
  assert.equal(messages.length, 1, "the panel reloads the glossary often; the message is shown once");

  // Keeping a term in the user glossary rewrites it; what was left out is not lost.
  saveUserGlossary(entries);
  assert.equal(items.get("dari.userGlossary.unreadable"), stored);
  assert.deepEqual(loadUserGlossary(ctx), entries);
  assert.equal(messages.length, 1);
});

test("a damaged user glossary is not used, and the message says so in the UI language", () => {
  const items = fakeStorage();
  items.set("dari.userGlossary", '[{"ko":"북러","en":');
  const messages: string[] = [];
  assert.deepEqual(loadUserGlossary({ t: createI18n("ko").t, notify: (m) => void messages.push(m) }), []);
  assert.deepEqual(messages, ["저장된 사용자 용어집이 손상되어 읽을 수 없으므로 사용하지 않습니다."]);
  assert.equal(items.get("dari.userGlossary.unreadable"), '[{"ko":"북러","en":');
});

test("a long list of problems names the first few and counts the rest", () => {
  const dropped = [1, 2, 3, 4, 5].map((i) => ({ index: i, reason: "noKorean" as const }));
  assert.equal(
    droppedMessage(createI18n("en").t, dropped),
    "5 entries of your user glossary could not be used and were left out: entry 2 has no Korean term; entry 3 has no Korean term; entry 4 has no Korean term; and 2 more.",
  );
  assert.match(droppedMessage(createI18n("ko").t, dropped), /^사용자 용어집의 항목 5개를 .*2번 항목에 한국어 용어가 없음.*그 밖에 2개\.$/);
});

test("bad records of the user memory are left out, and lookup still finds the good ones", () => {
  const records = readMemoryRecords([
    { key: "project:1", origin: "Commentary", units: [{ ko: "북러 정상회담이 열렸다.", en: "A North Korea–Russia summit was held." }, { ko: "깨진 단위" }, null, { ko: 3, en: "x" }] },
    { key: "tmx:old.tmx", units: [{ ko: "신냉전이 시작됐다.", en: "A new Cold War has begun." }] },
    { origin: "no key", units: [] },
    { key: "project:2", origin: "no units" },
    { key: "project:3", origin: "units not a list", units: "북러" },
    "record",
    null,
  ]);
  assert.deepEqual(records, [
    { key: "project:1", origin: "Commentary", units: [{ ko: "북러 정상회담이 열렸다.", en: "A North Korea–Russia summit was held." }] },
    { key: "tmx:old.tmx", origin: "tmx:old.tmx", units: [{ ko: "신냉전이 시작됐다.", en: "A new Cold War has begun." }] },
  ]);
  assert.deepEqual(readMemoryRecords(undefined), []);
  const tm = new TranslationMemory();
  for (const r of records) tm.add(recordUnits(r));
  const [best] = tm.lookup("북러 정상회담이 열렸다");
  assert.equal(best?.unit.en, "A North Korea–Russia summit was held.");
  assert.equal(best?.unit.origin, "Commentary");
});
