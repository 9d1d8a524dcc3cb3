import { test } from "node:test";
import assert from "node:assert/strict";
import { readText } from "../../test/support";
import { spellTokens, isCheckable, KnownWords, glossaryWords, readPersonalWords, tokenAt, MAX_PERSONAL_WORDS } from "./spelling";
import { defaultGlossary } from "../translate/default-glossary";

const words = (text: string) => spellTokens(text).map((t) => t.word);

test("the words of a sentence, with their places in the text", () => {
  const text = "Moscow's ‘strategic’ resposne came fast.";
  const tokens = spellTokens(text);
  assert.deepEqual(tokens.map((t) => t.word), ["Moscow", "strategic", "resposne", "came", "fast"]);
  for (const t of tokens) assert.equal(text.slice(t.from, t.to).replace(/’/g, "'"), t.word);
});

test("numbers, words with digits, codes, links and addresses are never checked", () => {
  assert.deepEqual(words("In 2023 the 9M729 and Su-57 (Hwasong-18) flew 1,500km; see https://kcna.kp/en/article and www.mofa.go.kr or press@mofa.go.kr, report.pdf"), ["In", "the", "and", "flew", "see", "and", "or"]);
});

test("acronyms in capitals, with a plural or possessive, are left alone; a capitalised word is not an acronym", () => {
  assert.deepEqual(words("ICBMs of the DPRK and the DPRK's KCNA, NATO"), ["of", "the", "and", "the"]);
  assert.equal(isCheckable("Korea"), true);
  assert.equal(isCheckable("ROK"), false);
  assert.equal(isCheckable("a"), false, "single letters (initials, 'a') are not checked");
});

test("hyphenated words are checked part by part; inner apostrophes stay in the word", () => {
  const tokens = spellTokens("a well-knwon don't Shoigu's");
  assert.deepEqual(tokens.map((t) => [t.word, t.from, t.to]), [["well", 2, 6], ["knwon", 7, 12], ["don't", 13, 18], ["Shoigu", 19, 25]]);
});

test("Korean and other non-Latin words on the English side are not English words", () => {
  assert.deepEqual(words("the 북방한계선 (NLL) line and 東海"), ["the", "line", "and"]);
});

test("a possessive is checked without its 's, and the range covers the name only", () => {
  const [t] = spellTokens("Shoigu’s visit");
  assert.deepEqual([t.word, t.from, t.to], ["Shoigu", 0, 6]);
  assert.deepEqual(words("it's his"), ["it", "his"]);
});

test("known words: a word listed in lower case is known capitalised, a name only as written", () => {
  const known = new KnownWords(["cosmodrome", "Shoigu", "Kim’s"]);
  assert.ok(known.has("cosmodrome") && known.has("Cosmodrome"));
  assert.ok(known.has("Shoigu"));
  assert.ok(!known.has("shoigu"));
  assert.ok(known.has("Kim's"), "one kind of apostrophe");
  assert.equal(known.size, 3);
});

test("the glossary's English terms are known words: the default glossary's names are not flagged", () => {
  const known = glossaryWords(defaultGlossary());
  for (const w of ["Kim", "Jong", "Un", "Defence"]) assert.ok(known.has(w), w);
  // The sample's romanised names that the glossary fixes are not offered to the checker.
  const sample = readText(new URL("../../resources/sample/commentary.en.txt", import.meta.url));
  const offered = new Set(words(sample).filter((w) => !known.has(w)));
  for (const w of ["Kim", "Jong", "Un", "Vostochny", "Cosmodrome", "Shoigu"]) assert.ok(!offered.has(w), w);
  for (const w of ["Shaposhnikov", "Kalibr", "Kookmin"]) assert.ok(offered.has(w), w);
});

test("the personal dictionary from stored data keeps words, once each, and drops the rest", () => {
  assert.deepEqual(readPersonalWords(["Shoigu", " Kalibr ", "Shoigu", 3, null, "two words", "", "Uran’s"]), ["Shoigu", "Kalibr", "Uran's"]);
  assert.deepEqual(readPersonalWords({ words: ["x"] }), []);
  assert.deepEqual(readPersonalWords(null), []);
  assert.equal(readPersonalWords(Array.from({ length: MAX_PERSONAL_WORDS + 5 }, (_, i) => `w${i}`)).length, MAX_PERSONAL_WORDS);
});

test("the token under an offset, touching either end", () => {
  const tokens = spellTokens("one twoo three");
  assert.equal(tokenAt(tokens, 4)?.word, "twoo");
  assert.equal(tokenAt(tokens, 8)?.word, "twoo");
  assert.equal(tokenAt(tokens, 3)?.word, "one");
  assert.equal(tokenAt(spellTokens("a 2023 b"), 4), undefined);
});
