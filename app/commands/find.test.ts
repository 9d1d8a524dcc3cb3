import { test } from "node:test";
import assert from "node:assert/strict";
import { EditorState, type Transaction } from "prosemirror-state";
import { history, undo } from "prosemirror-history";
import { search, setSearchState, replaceAll, getSearchState } from "prosemirror-search";
import { buildDoc, type PassageInput } from "../document/build";
import { findQuery, findAll, countMatches, searchesChoseong, type FindOptions } from "./find";
import { choseongPattern, isChoseongQuery } from "../translate/choseong";
import { corpus } from "../../test/support";

const gold = JSON.parse(corpus("commentary.gold.json")) as {
  ko: string[][];
  en: string[][];
  beads: { paragraph: number; ko: number[]; en: number[] }[];
};

function sampleState(): EditorState {
  const ko = gold.ko.flat();
  const en = gold.en.flat();
  const passages: PassageInput[] = [];
  for (const b of gold.beads) {
    (passages[b.paragraph] ??= { segments: [] }).segments.push({ ko: b.ko.map((i) => ko[i]).join(" "), en: b.en.map((i) => en[i]).join(" ") });
  }
  return EditorState.create({ doc: buildDoc(passages), plugins: [history(), search()] });
}

const texts = (state: EditorState, o: FindOptions) => findAll(state, findQuery(o)).map((r) => state.doc.textBetween(r.from, r.to));

test("initial consonants: ㅂㄹ ㅈㅅ finds 북러 정상", () => {
  const state = sampleState();
  assert.ok(isChoseongQuery("ㅂㄹ ㅈㅅ"));
  assert.ok(!isChoseongQuery("북러"));
  const found = texts(state, { search: "ㅂㄹ ㅈㅅ", choseong: true });
  // The sample has 북러 정상회담 seven times.
  assert.equal(found.length, 7);
  assert.ok(found.every((t) => t === "북러 정상"), found.join("|"));
  // Mixed queries: a full syllable matches itself.
  assert.ok(texts(state, { search: "보ㅅㅌ", choseong: true }).every((t) => t === "보스토"));
  assert.equal(new RegExp(choseongPattern("ㅂㄹ")).test("북러"), true);
  assert.equal(new RegExp(choseongPattern("ㅂㄹ")).test("남러"), false);
});

test("a mixed query (ㅂ러) is read as initials only when asked", () => {
  const state = sampleState();
  assert.ok(!isChoseongQuery("ㅂ러"));
  assert.deepEqual(texts(state, { search: "ㅂ러" }), []);
  const found = texts(state, { search: "ㅂ러", choseong: true });
  assert.ok(found.length >= 7);
  assert.ok(found.every((t) => /^[바-빟]러$/.test(t)), found.join("|"));
});

test("the find bar's initial-consonant decision: the box as set, else a query of initials only, never a regular expression", () => {
  // Initials only: read as such with the box left alone.
  assert.equal(searchesChoseong({ search: "ㅂㄹ ㅈㅅ" }), true);
  // The box, once set, says how it is searched: unticked, the jamo are searched as written.
  assert.equal(searchesChoseong({ search: "ㅂㄹ ㅈㅅ", choseong: false }), false);
  // A mixed query or a plain word only when the box is ticked.
  assert.equal(searchesChoseong({ search: "ㅂ러" }), false);
  assert.equal(searchesChoseong({ search: "ㅂ러", choseong: true }), true);
  assert.equal(searchesChoseong({ search: "북러" }), false);
  // A regular expression is read as one, box or no box.
  assert.equal(searchesChoseong({ search: "ㅂㄹ ㅈㅅ", regexp: true }), false);
  assert.equal(searchesChoseong({ search: "ㅂ러", regexp: true, choseong: true }), false);
  assert.equal(searchesChoseong({ search: "" }), false, "an empty box searches nothing");

  // What the user sees: the bar ticks the box itself for ㅂㄹ ㅈㅅ (finding 북러 정상,
  // as with the box left alone); unticked by the analyst, the jamo are searched as written.
  const state = sampleState();
  const ticked = texts(state, { search: "ㅂㄹ ㅈㅅ", choseong: true });
  assert.deepEqual(ticked, texts(state, { search: "ㅂㄹ ㅈㅅ" }));
  assert.ok(ticked.length > 0 && ticked.every((t) => t === "북러 정상"), ticked.join("|"));
  assert.deepEqual(texts(state, { search: "ㅂㄹ ㅈㅅ", choseong: false }), []);
  assert.deepEqual(texts(state, { search: "ㅂㄹ ㅈㅅ", regexp: true }), [], "as a regular expression it looks for the jamo themselves");
});

test("scope: Korean, English or both", () => {
  const state = sampleState();
  const both = countMatches(state, findQuery({ search: "2023" }));
  const ko = countMatches(state, findQuery({ search: "2023", scope: "ko" }));
  const en = countMatches(state, findQuery({ search: "2023", scope: "en" }));
  assert.ok(ko > 0 && en > 0);
  assert.equal(both, ko + en);
  assert.deepEqual(texts(state, { search: "북러", scope: "en" }), []);
});

test("case, whole words (Korean words keep their particles) and regular expressions", () => {
  const state = sampleState();
  assert.ok(countMatches(state, findQuery({ search: "russia" })) > countMatches(state, findQuery({ search: "russia", caseSensitive: true })));
  assert.equal(countMatches(state, findQuery({ search: "russia", caseSensitive: true })), 0);
  // "Russia" as a whole word leaves out "Russian".
  const all = texts(state, { search: "Russia", scope: "en" }).length;
  const whole = findAll(state, findQuery({ search: "Russia", scope: "en", wholeWord: true }));
  assert.ok(whole.length < all);
  for (const r of whole) assert.notEqual(state.doc.textBetween(r.to, r.to + 1), "n");
  // 북러 is a whole word in 북러는 and 북러 정상회담, not in 북러관계.
  const bukreo = findAll(state, findQuery({ search: "북러", wholeWord: true }));
  const words = bukreo.map((r) => state.doc.textBetween(r.from, Math.min(r.to + 2, state.doc.resolve(r.from).end())));
  assert.ok(words.some((w) => w.startsWith("북러는")));
  assert.ok(!words.some((w) => w.startsWith("북러관")));
  assert.ok(countMatches(state, findQuery({ search: "북러" })) > bukreo.length);
  assert.deepEqual([...new Set(texts(state, { search: "\\d{4}년", regexp: true }))].sort(), ["1990년", "2019년", "2020년", "2022년", "2023년"]);
  assert.equal(countMatches(state, findQuery({ search: "(", regexp: true })), 0, "an invalid expression finds nothing");
});

test("replace all is one undo step", () => {
  let state = sampleState();
  const original = state.doc;
  const query = findQuery({ search: "북러", replace: "조러", scope: "ko" });
  const n = countMatches(state, query);
  assert.ok(n > 10);
  state = state.apply(setSearchState(state.tr, query));
  assert.ok(getSearchState(state));
  let tr: Transaction | null = null;
  assert.ok(replaceAll(state, (t) => (tr = t)));
  state = state.apply(tr!);
  assert.equal(countMatches(state, findQuery({ search: "북러" })), 0);
  assert.equal(countMatches(state, findQuery({ search: "조러", scope: "ko" })), n);
  assert.ok(undo(state, (t) => (state = state.apply(t))));
  assert.ok(state.doc.eq(original));
});
