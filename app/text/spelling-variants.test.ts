// Oxford spelling and the other variant's spelling as the first suggestion,
// over word lists standing in for the American and British dictionaries.
import { test } from "node:test";
import assert from "node:assert/strict";
import { oxfordChecker, otherSpellings, suggestions, type WordChecker } from "./spelling-variants";

function dictionary(words: string[], ranked: Record<string, string[]> = {}): WordChecker {
  const known = new Set(words);
  return { correct: (w) => known.has(w), suggest: (w) => ranked[w] ?? [], add: (w) => void known.add(w) };
}

const us = dictionary(["color", "organize", "organization", "realizing", "signaling", "defense", "advise", "center"]);
const gb = dictionary(["colour", "colon", "organise", "organisation", "realising", "signalling", "defence", "advise", "centre"], { color: ["colon", "colour"], organizacion: ["organisation"] });

test("Oxford: British words, and -ize where the American dictionary has it too", () => {
  const ox = oxfordChecker(gb, us);
  for (const w of ["colour", "signalling", "defence", "organize", "organization", "realizing", "advise"]) assert.ok(ox.correct(w), w);
  for (const w of ["color", "signaling", "defense", "advize", "center"]) assert.ok(!ox.correct(w), w);
  // A British -ise suggestion is offered in its -ize form.
  assert.deepEqual(ox.suggest("organizacion"), ["organization"]);
  ox.add("Kalibr");
  assert.ok(ox.correct("Kalibr"), "the analyst's words are learnt");
});

test("the first suggestion is the word as the chosen variant spells it", () => {
  assert.deepEqual(otherSpellings("color", gb), ["colour"]);
  assert.deepEqual(otherSpellings("colour", us), ["color"]);
  assert.deepEqual(otherSpellings("signalling", us), ["signaling"]);
  assert.deepEqual(otherSpellings("defense", gb), ["defence"]);
  assert.deepEqual(otherSpellings("center", gb), ["centre"]);
  assert.deepEqual(otherSpellings("wrnog", gb), []);
  assert.deepEqual(suggestions("color", gb), ["colour", "colon"], "nspell's ranking put colon first");
});
