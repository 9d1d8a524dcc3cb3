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
function state(on: () => boolean, drawn: { side: string; bars: StripeBar[] }[]): EditorState {
  const ko = splitParagraphs(corpus("commentary.ko.txt"));
  const en = splitParagraphs(corpus("commentary.en.txt"));
  const codebook = defaultCodebook();
  const label = (code: string, cb: typeof codebook) => codeLabel(cb.find((c) => c.id === code), "en", code);
  return createProjectState({ meta: emptyMeta(), codebook, glossary: [], doc: docFromParagraphs(ko, en) }, [
    themeDecorations({
      label,
      paint: (c) => c.toLowerCase(),
      stripes: (side, bars) => {
        drawn.push({ side, bars });
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
    .filter((w) => w.key.startsWith("s|"));
}

test("overlapping spans on one side get one bar each, in codebook order, named by theme and the span's first words", () => {
  const drawn: { side: string; bars: StripeBar[] }[] = [];
  let s = state(() => true, drawn);
  s = selectPhrase(s, "러시아 보스토치니 우주기지");
  s = runCommand(s, applyTheme("space"));
  s = selectPhrase(s, "러시아 보스토치니");
  s = runCommand(s, applyTheme("diplomacy"));
  const ko = drawn.filter((d) => d.side === "ko").at(-1)!.bars;
  assert.equal(ko.length, 2);
  const space = ko.find((b) => b.code === "space")!;
  const diplomacy = ko.find((b) => b.code === "diplomacy")!;
  assert.deepEqual(
    ko.map((b) => b.code),
    ["space", "diplomacy"],
    "in codebook order",
  );
  assert.equal(space.start, "러시아 보스토치니 우주기지");
  assert.equal(diplomacy.start, "러시아 보스토치니");
  assert.equal(space.color, defaultCodebook().find((c) => c.id === "space")!.color.toLowerCase(), "the colour as painted");
  assert.match(space.label, /space/i);
  // The offsets are the span's, from the segment: the text between them is the span.
  const seg = s.doc.resolve(s.selection.from).node(2);
  assert.equal(seg.textBetween(space.from - 1, space.to - 1), "러시아 보스토치니 우주기지");
  // One widget a side with bars, none for the untagged English side.
  assert.deepEqual(
    widgets(s).map((w) => w.key.split("|")[1]),
    ["ko"],
  );
  assert.equal(widgets(s)[0].spec.stopEvent instanceof Function, true, "clicks on a bar are the widget's, not the editor's");
});

test("with stripes off no widget is made", () => {
  const drawn: { side: string; bars: StripeBar[] }[] = [];
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
