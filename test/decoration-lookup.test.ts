// The binary-search lookup of renderer/plugins/decoration-lookup.ts must hand
// the view exactly the decorations prosemirror-view's own scan would, for
// every child, in sets with and without decorations of their own.
import { test } from "node:test";
import assert from "node:assert/strict";
import { Decoration, DecorationSet } from "prosemirror-view";
import { scanForChild } from "../renderer/plugins/decoration-lookup";
import { buildLargeProject } from "../bench/build-large";

const doc = buildLargeProject({ passages: 300 }).doc;

function segmentDecorations(every: number): Decoration[] {
  const decos: Decoration[] = [];
  let n = 0;
  doc.forEach((passage, offset) =>
    passage.forEach((segment, segOffset) => {
      const pos = offset + 1 + segOffset;
      if (n++ % every === 0) decos.push(Decoration.node(pos, pos + segment.nodeSize, { "data-n": String(n) }));
    }),
  );
  return decos;
}

function assertSameForEveryChild(set: DecorationSet): void {
  let checked = 0;
  doc.forEach((passage, offset) => {
    const fast = set.forChild(offset, passage);
    const slow = scanForChild(set, offset, passage);
    assert.equal(fast === DecorationSet.empty, slow === DecorationSet.empty, `passage at ${offset}`);
    if (fast !== slow) {
      // A set with decorations of its own builds new objects each time: compare what they hold.
      const list = (s: unknown) => {
        const out: string[] = [];
        (s as DecorationSet).forEachSet((set) => out.push(...set.find().map((d) => `${d.from}-${d.to}`)));
        return out.sort().join(",");
      };
      assert.equal(list(fast), list(slow), `passage at ${offset}`);
    }
    checked++;
  });
  assert.equal(checked, 300);
}

test("every passage gets the same decorations as prosemirror-view's scan", () => {
  for (const every of [1, 7, 1000]) assertSameForEveryChild(DecorationSet.create(doc, segmentDecorations(every)));
  assertSameForEveryChild(DecorationSet.empty);
});

test("sets that also decorate passages themselves give the same result", () => {
  const nodesOnly: Decoration[] = [];
  doc.forEach((p, offset) => void (offset % 2 === 0 && nodesOnly.push(Decoration.node(offset, offset + p.nodeSize, { class: "live" }))));
  assertSameForEveryChild(DecorationSet.create(doc, [...segmentDecorations(4), ...nodesOnly]));
  const passages: Decoration[] = [];
  doc.forEach((p, offset) => void (offset % 3 === 0 && passages.push(Decoration.node(offset, offset + p.nodeSize, { class: "x" }))));
  const inline = Decoration.inline(5, 4000, { class: "y" });
  assertSameForEveryChild(DecorationSet.create(doc, [...segmentDecorations(3), ...passages, inline]));
});

test("the lookup is installed on prosemirror-view's DecorationSet", () => {
  assert.equal((DecorationSet.prototype.forChild as { binary?: boolean }).binary, true);
});

// ---------------------------------------------------------------- create

import { createByScan } from "../renderer/plugins/decoration-lookup";

/** A set's whole tree: local decorations (position and the very decoration type) and children, recursively. */
function shape(set: unknown, types: Map<unknown, number>): unknown {
  const s = set as { local: { from: number; to: number; type: unknown }[]; children: unknown[] };
  if (set === DecorationSet.empty) return "empty";
  const id = (t: unknown) => (types.has(t) ? types.get(t) : (types.set(t, types.size), types.size - 1));
  const children: unknown[] = [];
  for (let i = 0; i < s.children.length; i += 3) children.push([s.children[i], s.children[i + 1], shape(s.children[i + 2], types)]);
  return { local: s.local.map((d) => [d.from, d.to, id(d.type)]), children };
}

test("DecorationSet.create builds the same tree as prosemirror-view's scan", () => {
  const decos: Decoration[] = [...segmentDecorations(1)];
  let k = 0;
  doc.forEach((passage, offset) => {
    k++;
    if (k % 4 === 0) decos.push(Decoration.node(offset, offset + passage.nodeSize, { class: "p" }, { k }));
    if (k % 9 === 0) decos.push(Decoration.widget(offset, () => document.createElement("span") as never, { k }));
    if (k % 5 === 0) decos.push(Decoration.inline(offset + 4, offset + passage.nodeSize + 6, { class: "across" }));
    if (k % 6 === 0) decos.push(Decoration.inline(offset + 3, offset + passage.nodeSize, { class: "to the end" }));
    passage.forEach((segment, segOffset) => {
      const from = offset + 1 + segOffset + 2;
      if ((k + segOffset) % 3 === 0) decos.push(Decoration.inline(from, from + 3, { class: "term" }), Decoration.inline(from, from + 3, { class: "same place" }));
      if ((k + segOffset) % 7 === 0) decos.push(Decoration.widget(from + 1, () => document.createElement("b") as never));
    });
  });
  decos.push(Decoration.inline(0, doc.content.size, { class: "all" }), Decoration.node(5, 6, { class: "invalid" }));
  // Shuffled: the input order must not matter beyond what the original keeps.
  const shuffled = decos.map((d, i) => [(i * 7919) % decos.length, d] as const).sort((a, b) => a[0] - b[0]).map((x) => x[1]);
  for (const input of [decos, shuffled]) {
    const types = new Map<unknown, number>();
    const fast = DecorationSet.create(doc, input);
    const slow = createByScan(doc, input);
    assert.deepEqual(shape(fast, types), shape(slow, types));
    assert.deepEqual(fast.find().length, slow.find().length);
  }
  assert.ok(decos.length > 3000);
});
