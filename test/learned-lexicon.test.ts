// Issue 14, requirement 3: the user memory teaches the aligner. Translations
// that reach the user memory (a project's segments, an imported TMX) are
// counted into a learned lexicon, stored beside the user glossary, and a new
// import aligns with it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { DeskMemory } from "../renderer/features/translate/memory";
import { loadLearnedLexicon } from "../renderer/features/translate/user-data";
import { corpusGold } from "./support";

function fakeStorage(): Map<string, string> {
  const items = new Map<string, string>();
  (globalThis as { localStorage?: unknown }).localStorage = {
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, String(v)),
    removeItem: (k: string) => void items.delete(k),
  };
  return items;
}

test("a TMX added to the user memory is learned from, stored after a pause, and replaced when the file is imported again", async () => {
  const items = fakeStorage();
  const gold = corpusGold();
  const ko = gold.ko.flat();
  const en = gold.en.flat();
  const units = gold.beads.filter((b) => b.ko.length && b.en.length).map((b) => ({ ko: b.ko.map((i) => ko[i]).join(" "), en: b.en.map((i) => en[i]).join(" "), origin: "sample.tmx" }));
  // No IndexedDB here: the memory works for the session, as in a private window.
  const memory = new DeskMemory();
  await memory.ready;
  assert.deepEqual(loadLearnedLexicon(), []);
  await memory.addFile("sample.tmx", units);
  await new Promise((r) => setTimeout(r, 2300));
  const learned = loadLearnedLexicon();
  assert.ok(learned.some((p) => p.ko === "정상회담" && p.en === "summit"), "정상회담 = summit learned");
  // The same file imported again with other content: its old units no longer count.
  await memory.addFile("sample.tmx", units.filter((u) => !u.ko.includes("정상회담")));
  await new Promise((r) => setTimeout(r, 2300));
  const after = loadLearnedLexicon();
  assert.ok(after.length > 0 && !after.some((p) => p.ko === "정상회담"), "what the file no longer holds is no longer learned");
  // A damaged store is read as nothing learned, never as an error.
  items.set("dari.learnedLexicon", "{not json");
  assert.deepEqual(loadLearnedLexicon(), []);
});
