import { test } from "node:test";
import assert from "node:assert/strict";
import { createProjectState, projectFromState } from "../project-state";
import { sample, tag, tagsOf } from "../../test/edits";
import { segmentList } from "../document/segments";
import { agreement } from "../merge/agree";
import { runCommand } from "../../test/support";
import { takeOtherCoding } from "./take-coding";

test("taking the other coder's coding of a disagreement makes the two codings agree there, and only there", () => {
  const base = createProjectState(sample());
  const ko0 = segmentList(base.doc)[0].node.child(0).textContent;
  const ko2 = segmentList(base.doc)[2].node.child(0).textContent;
  const a = tag(tag(base, ko0.slice(0, 6), "space", "a1"), ko2.slice(0, 4), "arms", "a2");
  const b = tag(base, ko0.slice(3, 10), "space", "b1");
  const before = agreement(a.doc, b.doc);
  const arms = before.disagreements.find((d) => d.code === "arms")!;
  assert.equal(arms.coded, "a");
  // Theirs has no arms on segment 3: taking theirs removes ours.
  const s1 = runCommand(a, takeOtherCoding(b.doc, arms.index, arms.side, "arms"));
  assert.ok(!tagsOf(projectFromState(s1)).some((t) => t.code === "arms"));
  // Theirs' span of space on segment 1 replaces ours, with its id.
  const s2 = runCommand(s1, takeOtherCoding(b.doc, 0, "ko", "space"));
  assert.deepEqual(tagsOf(projectFromState(s2)).filter((t) => t.code === "space"), [{ id: "b1", code: "space", text: ko0.slice(3, 10) }]);
  const after = agreement(s2.doc, b.doc);
  assert.deepEqual(after.disagreements, []);
  assert.ok(after.result.themes.every((t) => t.f1 === 1));
});
