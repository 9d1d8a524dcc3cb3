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
  const passages: Decoration[] = [];
  doc.forEach((p, offset) => void (offset % 3 === 0 && passages.push(Decoration.node(offset, offset + p.nodeSize, { class: "x" }))));
  const inline = Decoration.inline(5, 4000, { class: "y" });
  assertSameForEveryChild(DecorationSet.create(doc, [...segmentDecorations(3), ...passages, inline]));
});

test("the lookup is installed on prosemirror-view's DecorationSet", () => {
  assert.equal((DecorationSet.prototype.forChild as { binary?: boolean }).binary, true);
});
