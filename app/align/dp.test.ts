// The search's shortcuts must not change what it finds: a search that widens
// its band keeps the rows before where its path touched the edge, and one
// started in a given band (as the calibrated second search is) prices every
// bead afresh; both must give the same beads and confidences.
import { test } from "node:test";
import assert from "node:assert/strict";
import { search, searchStats, type AnchorCache, type SearchInput, type Units } from "./dp";

/** A pseudo-random generator, so that the document is the same on every run. */
function random(seed: number): () => number {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
}

function units(lengths: number[], anchors: number[][], weight: Float64Array): Units {
  const lists = anchors.map((a) => Int32Array.from(a).sort());
  return { len: Float64Array.from(lengths), anchors: lists, anchorTotal: Float64Array.from(lists, (l) => l.reduce((s, id) => s + weight[id], 0)) };
}

test("a search that widens its band finds what a search started in its final band finds", () => {
  const rnd = random(7);
  const n = 600;
  // Korean sentences with an anchor each (one in three), their English 1.4 times as long, and
  // 30 English sentences nobody translated after the 200th: the path leaves the length diagonal.
  const koLen: number[] = [];
  const enLen: number[] = [];
  const koAnchors: number[][] = [];
  const enAnchors: number[][] = [];
  for (let i = 0; i < n; i++) {
    const l = 20 + Math.floor(rnd() * 60);
    koLen.push(l);
    koAnchors.push(i % 3 === 0 ? [i] : []);
    if (i === 200) for (let a = 0; a < 30; a++) (enLen.push(30 + Math.floor(rnd() * 60)), enAnchors.push([]));
    enLen.push(Math.round(l * 1.4 * (0.8 + 0.4 * rnd())));
    enAnchors.push(i % 3 === 0 ? [i] : []);
  }
  const weight = new Float64Array(n).fill(2);
  const ko = units(koLen, koAnchors, weight);
  const en = units(enLen, enAnchors, weight);
  const m = enLen.length;
  const center = Float64Array.from({ length: n + 1 }, (_, i) => (i * m) / n);
  const input: SearchInput = { ko, en, weight, model: { ratio: 1.4, variance: 8, enMean: 70 }, center, width: 8, koParagraphs: false, breakTrust: 0 };

  const widenings = searchStats.widenings;
  const cache: AnchorCache = { lo: null, hi: null, costs: null };
  const widened = search({ ...input, anchorCache: cache });
  assert.ok(searchStats.widenings > widenings, "the band was widened (the test covers the shortcut)");
  const fresh = search({ ...input, band: { lo: cache.lo!, hi: cache.hi! }, width: cache.width! });
  assert.equal(widened.length, fresh.length);
  widened.forEach((b, k) => {
    const f = fresh[k];
    assert.deepEqual([b.koStart, b.koEnd, b.enStart, b.enEnd], [f.koStart, f.koEnd, f.enStart, f.enEnd]);
    assert.ok(Math.abs(b.confidence - f.confidence) < 1e-6, `bead ${k}: ${b.confidence} and ${f.confidence}`);
  });
  // After the addition, the path follows it: Korean sentence 300 is with English sentence 330.
  const at300 = widened.find((b) => b.koStart <= 300 && 300 < b.koEnd)!;
  assert.ok(at300.enStart <= 330 && 330 < at300.enEnd, `Korean 300 with English ${at300.enStart}-${at300.enEnd}`);
});
