import { test } from "node:test";
import assert from "node:assert/strict";
import { matchScore, rankCommands, withRecent } from "./match";

const commands = [
  { id: "merge", label: "다음 세그먼트와 병합", otherLabel: "Merge with next" },
  { id: "realign", label: "확정 안 된 세그먼트 다시 정렬", otherLabel: "Re-align unconfirmed" },
  { id: "save", label: "저장", otherLabel: "Save" },
  { id: "saveAs", label: "다른 이름으로 저장…", otherLabel: "Save As…" },
];

test("Korean initial consonants find a command: ㅈㄹ finds 정렬, ㅂㅎ finds 병합", () => {
  assert.deepEqual(rankCommands("ㅈㄹ", commands, []).map((c) => c.id), ["realign"]);
  assert.deepEqual(rankCommands("ㅂㅎ", commands, []).map((c) => c.id), ["merge"]);
  assert.equal(matchScore("ㅈㄹ", "저장"), 0, "ㅈㅈ is 저장, not ㅈㄹ");
});

test("the other language's name matches too, and words in any order", () => {
  assert.deepEqual(rankCommands("merge", commands, []).map((c) => c.id), ["merge"]);
  assert.deepEqual(rankCommands("next merge", commands, []).map((c) => c.id), ["merge"]);
  assert.deepEqual(rankCommands("xyz", commands, []), []);
});

test("a better match comes first; among equals the recently used first", () => {
  assert.deepEqual(rankCommands("저장", commands, []).map((c) => c.id), ["save", "saveAs"]);
  assert.deepEqual(rankCommands("", commands, ["saveAs", "merge"]).map((c) => c.id), ["saveAs", "merge", "realign", "save"]);
  assert.deepEqual(rankCommands("save", commands, ["saveAs"]).map((c) => c.id), ["saveAs", "save"], "both start with save: the recent one first");
});

test("the recent list keeps the last used first, without duplicates, bounded", () => {
  assert.deepEqual(withRecent(["a", "b", "c"], "b"), ["b", "a", "c"]);
  assert.deepEqual(withRecent(["a", "b"], "c", 2), ["c", "a"]);
});
