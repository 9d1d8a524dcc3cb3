import { test } from "node:test";
import assert from "node:assert/strict";
import type { EditorState } from "prosemirror-state";
import type { StripeBar } from "./stripes";
import { docFromParagraphs, splitParagraphs, emptyMeta } from "../document/index";
import { createProjectState } from "../project-state";
import { defaultCodebook } from "./default-codebook";
import { codeLabel } from "./codebook-ops";
import { applyTheme } from "../commands/themes";
import { themeDecorations, themeDecorationKey } from "./theme-decorations";
import { spanStart, STRIPE_START_CHARS } from "./stripes";
import { corpus, runCommand, selectPhrase } from "../../test/support";

/** The sample with theme decorations that record the stripes they would draw. */
function state(on: () => boolean, drawn: StripeBar[][]): EditorState {
  const ko = splitParagraphs(corpus("commentary.ko.txt"));
  const en = splitParagraphs(corpus("commentary.en.txt"));
  const codebook = defaultCodebook();
  const label = (code: string, cb: typeof codebook) => codeLabel(cb.find((c) => c.id === code), "en", code);
  return createProjectState({ meta: emptyMeta(), codebook, glossary: [], doc: docFromParagraphs(ko, en) }, [
    themeDecorations({
      label,
      paint: (c) => c.toLowerCase(),
      gutter: (_themes, _state, bars) => {
        if (bars) drawn.push(bars());
        return () => ({}) as Node;
      },
      stripesOn: on,
    }),
  ]);
}

function widgets(s: EditorState): { key: string; spec: Record<string, unknown> }[] {
  return themeDecorationKey
    .getState(s)!
    .set.find()
    .map((d) => ({ key: String((d.spec as { key?: string }).key ?? ""), spec: d.spec as Record<string, unknown> }))
    .filter((w) => w.key.includes("|s|"));
}

test("overlapping spans on one side get one bar each, in codebook order, named by theme and the span's first words", () => {
  const drawn: StripeBar[][] = [];
  let s = state(() => true, drawn);
  s = selectPhrase(s, "러시아 보스토치니 우주기지");
  s = runCommand(s, applyTheme("space"));
  s = selectPhrase(s, "러시아 보스토치니");
  s = runCommand(s, applyTheme("diplomacy"));
  const ko = drawn.at(-1)!.filter((b) => b.side === "ko");
  assert.equal(drawn.at(-1)!.length, 2, "the English side has none");
  assert.equal(ko.length, 2);
  const space = ko.find((b) => b.code === "space")!;
  const diplomacy = ko.find((b) => b.code === "diplomacy")!;
  assert.deepEqual(
    ko.map((b) => b.code),
    ["space", "diplomacy"],
    "in codebook order",
  );
  assert.equal(space.color, defaultCodebook().find((c) => c.id === "space")!.color.toLowerCase(), "the colour as painted");
  assert.match(space.label, /space/i);
  // The offsets are the span's, from the segment: the text between them is the span.
  const seg = s.doc.resolve(s.selection.from).node(2);
  assert.equal(seg.textBetween(space.from - 1, space.to - 1), "러시아 보스토치니 우주기지");
  // They ride in the segment's gutter widget, whose key changes with the spans.
  assert.equal(widgets(s).length, 1);
  const before = widgets(s)[0].key;
  s = selectPhrase(s, "러시아 보스토치니");
  s = runCommand(s, applyTheme("diplomacy"));
  assert.notEqual(widgets(s)[0].key, before, "a span gone: drawn anew");
});

test("with stripes off no bars are asked for", () => {
  const drawn: StripeBar[][] = [];
  let s = state(() => false, drawn);
  s = selectPhrase(s, "러시아 보스토치니 우주기지");
  s = runCommand(s, applyTheme("space"));
  assert.equal(drawn.length, 0);
  assert.equal(widgets(s).length, 0);
});

test("a span is named by its first words, cut at a space", () => {
  assert.equal(spanStart("  the  space\ncooperation "), "the space cooperation");
  const long = "Russia's Vostochny Cosmodrome in the Far East was the venue";
  const start = spanStart(long);
  assert.ok(start.endsWith("…"));
  assert.ok(start.length <= STRIPE_START_CHARS + 1);
  assert.ok(long.startsWith(start.slice(0, -1)));
  assert.equal(start, "Russia's Vostochny…");
});
