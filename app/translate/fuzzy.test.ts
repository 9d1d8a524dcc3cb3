import { test } from "node:test";
import assert from "node:assert/strict";
import { fuzzyScore, diffTexts, editDistance, units } from "./fuzzy";

test("Korean is scored by characters, ignoring spacing", () => {
  assert.equal(fuzzyScore("6자 회담에 참여했다", "6자회담에 참여했다", "ko"), 100);
  // 10 characters, one changed: 90%.
  assert.equal(units("북러 정상회담은 중요했다", "ko").length, 11);
  assert.equal(fuzzyScore("북러정상회담은중요했다", "북러정상회담이중요했다", "ko"), 90);
  assert.equal(fuzzyScore("북한", "", "ko"), 0);
});

test("English is scored by tokens", () => {
  // 6 tokens each (5 words and a full stop), one word different: floor(100 * 5/6) = 83.
  assert.equal(fuzzyScore("Russia joined the sanctions again.", "Russia joined the talks again.", "en"), 83);
  assert.equal(fuzzyScore("The SUMMIT", "the summit", "en"), 100);
});

test("edit distance stops early past its limit", () => {
  assert.equal(editDistance(Array.from("kitten"), Array.from("sitting")), 3);
  assert.equal(editDistance(Array.from("aaaaaaaa"), Array.from("bbbbbbbb"), 2), 3);
});

test("diffs join back to both texts and mark the changed words", () => {
  const a = "Russia joined the sanctions.";
  const b = "Russia joined the Six-Party Talks.";
  const parts = diffTexts(a, b, "en");
  assert.equal(parts.filter((p) => p.op !== "insert").map((p) => p.text).join(""), a);
  assert.equal(parts.filter((p) => p.op !== "delete").map((p) => p.text).join(""), b);
  assert.deepEqual(parts.filter((p) => p.op === "delete").map((p) => p.text), ["sanctions"]);
  const ko = diffTexts("북러 정상회담은", "북러 정상회담이", "ko");
  assert.deepEqual(ko, [{ op: "equal", text: "북러 정상회담" }, { op: "delete", text: "은" }, { op: "insert", text: "이" }]);
});
