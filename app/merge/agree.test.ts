import { test } from "node:test";
import assert from "node:assert/strict";
import { createProjectState, projectFromState } from "../project-state";
import { serializeProject } from "../document/index";
import { segmentList } from "../document/segments";
import { sample, tag } from "../../test/edits";
import { dari, tempFolder, writeTestFile } from "../../test/support";
import { agreement, cohensKappa, krippendorffAlpha } from "./agree";
import { join } from "node:path";

test("kappa and alpha match hand-computed values", () => {
  // 10 units: both 4, A only 1, B only 1, neither 4. po = .8, pe = .5*.5+.5*.5 = .5, kappa = .6.
  const c = { n11: 4, n10: 1, n01: 1, n00: 4 };
  assert.ok(Math.abs(cohensKappa(c) - 0.6) < 1e-12);
  // alpha = 1 - (N-1) * D / (n1 * n0) = 1 - 19 * 2 / (10 * 10) = 0.62.
  assert.ok(Math.abs(krippendorffAlpha(c) - 0.62) < 1e-12);
  assert.equal(cohensKappa({ n11: 0, n10: 0, n01: 0, n00: 5 }), 1);
  assert.equal(krippendorffAlpha({ n11: 3, n10: 0, n01: 0, n00: 0 }), 1);
});

function twoCoders() {
  const s0 = createProjectState(sample());
  const text = (n: number, side: 0 | 1) => segmentList(s0.doc)[n].node.child(side).textContent;
  // Both code segment 0 (overlapping spans) and 3; only A codes 5; only B codes 7 (Korean side).
  let a = tag(s0, text(0, 0).slice(0, 10), "space", "a1");
  a = tag(a, text(3, 0).slice(0, 6), "space", "a2");
  a = tag(a, text(5, 0).slice(0, 6), "space", "a3");
  let b = tag(s0, text(0, 0).slice(5, 10), "space", "b1");
  b = tag(b, text(3, 0).slice(0, 6), "space", "b2");
  b = tag(b, text(7, 0).slice(0, 6), "space", "b3");
  return { a, b, n: segmentList(s0.doc).length };
}

test("agreement per theme and side: presence, spans, and where the coders differ", () => {
  const { a, b, n } = twoCoders();
  const { result, disagreements } = agreement(a.doc, b.doc);
  assert.equal(result.themes.length, 1);
  const t = result.themes[0];
  assert.deepEqual([t.code, t.side, t.agree, t.disagree], ["space", "ko", n - 2, 2]);
  const expected = cohensKappa({ n11: 2, n10: 1, n01: 1, n00: n - 4 });
  assert.equal(t.kappa, Math.round(expected * 1e4) / 1e4);
  // Characters: A 10+6+6, B 5+6+6; both 5+6 = 11 -> F1 = 22 / (22 + 11 + 6) = 0.5641.
  assert.equal(t.f1, 0.5641);
  assert.deepEqual(
    disagreements.map((d) => [d.index, d.coded]),
    [
      [5, "a"],
      [7, "b"],
    ],
  );
});

test("dari agree --json prints the contract's shape", async () => {
  const { a, b } = twoCoders();
  const dir = tempFolder();
  writeTestFile(join(dir, "a.dari"), serializeProject(projectFromState(a)));
  writeTestFile(join(dir, "b.dari"), serializeProject(projectFromState(b)));
  const r = await dari("agree", join(dir, "a.dari"), join(dir, "b.dari"), "--json");
  assert.equal(r.code, 0, r.err);
  const out = JSON.parse(r.out);
  assert.deepEqual(Object.keys(out), ["themes", "overall"]);
  assert.deepEqual(Object.keys(out.themes[0]), ["code", "side", "kappa", "alpha", "f1", "agree", "disagree"]);
  assert.deepEqual(Object.keys(out.overall), ["kappa", "alpha"]);
  const text = await dari("agree", join(dir, "a.dari"), join(dir, "b.dari"));
  assert.match(text.out, /^theme\s+side\s+kappa\s+alpha\s+f1\s+agree\s+disagree$/m);
  assert.match(text.out, /^space\s+ko\s+0\.\d{3}/m);
});
