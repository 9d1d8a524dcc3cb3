import { test } from "node:test";
import assert from "node:assert/strict";
import { IgnoredFindings, changedSegments, findingKey, mergeIgnored, toggleIgnored } from "./qa-ignore";
import type { QaFinding } from "./qa";

const term: QaFinding = { kind: "term", key: "qa.termMissing", params: { ko: "정상회담", en: "summit" } };
const number: QaFinding = { kind: "number", key: "qa.numberExtra", params: { en: "2019" } };

test("a finding is ignored by segment, rule and what it is about, and toggles back", () => {
  assert.equal(findingKey(term), "en=summit; ko=정상회담");
  const list = toggleIgnored([], "s1", term);
  assert.deepEqual(list, [{ segment: "s1", rule: "termMissing", key: "en=summit; ko=정상회담" }]);
  const ignored = new IgnoredFindings(list);
  assert.ok(ignored.has("s1", term));
  assert.ok(!ignored.has("s2", term), "the same finding in another segment is not ignored");
  assert.ok(!ignored.has("s1", number));
  // Another term in the same rule is another finding.
  assert.ok(!ignored.has("s1", { ...term, params: { ko: "신냉전", en: "new Cold War" } }));
  assert.deepEqual(toggleIgnored(list, "s1", term), []);
  assert.deepEqual([...changedSegments(list, toggleIgnored(list, "s2", number))], ["s2"]);
});

test("a three-way merge keeps what either side ignored and drops what either showed again", () => {
  const e = (segment: string) => ({ segment, rule: "numberExtra", key: "en=2019" });
  const merged = mergeIgnored([e("a"), e("b")], [e("a"), e("b"), e("c")], [e("b"), e("d")]);
  assert.deepEqual(merged.map((x) => x.segment).sort(), ["b", "c", "d"]);
  assert.deepEqual(mergeIgnored(undefined, undefined, undefined), []);
});
