import { test } from "node:test";
import assert from "node:assert/strict";
import { EditorState, TextSelection } from "prosemirror-state";
import { defaultCodebook } from "./default-codebook";
import { suggestInText, suggestInDoc } from "./suggest";
import { docFromParagraphs, splitParagraphs, emptyMeta } from "../document/index";
import { createProjectState, projectData } from "../project-state";
import { applyTheme } from "../commands/themes";
import type { Side } from "../schema";
import { corpus, readText } from "../../test/support";

const codebook = defaultCodebook();

function codes(text: string, side: Side): string[] {
  return [...new Set(suggestInText(text, side, codebook).map((s) => s.code))].sort();
}

test("Korean keywords match through particles and compounds, not inside unrelated words", () => {
  const found = suggestInText("북한의 우주개발에 협력하고 우주개발을 돕는다", "ko", codebook).filter((s) => s.code === "space");
  const text = "북한의 우주개발에 협력하고 우주개발을 돕는다";
  assert.deepEqual(found.map((s) => text.slice(s.from, s.to)), ["우주개발", "우주개발"]);
  assert.deepEqual(codes("보스토치니 우주기지에서", "ko"), ["space"]);
  assert.deepEqual(codes("양국이 밀착되었다", "ko"), [], "밀착 is not wheat, and no one-syllable keyword catches it");
  assert.deepEqual(codes("조용히 무기 거래를 추진할", "ko"), ["arms"]);
  assert.deepEqual(codes("The arms deal and sanctions on drones", "en"), ["arms", "sanctions"]);
  assert.deepEqual(codes("the US and Japan", "en"), []);
  assert.deepEqual(codes("the Camp David summit", "en"), ["diplomacy", "kr-us-jp"]);
});

test("a suggestion changes nothing until accepted, and a tagged span is no longer suggested", () => {
  const ko = splitParagraphs(corpus("commentary.ko.txt"));
  const en = splitParagraphs(corpus("commentary.en.txt"));
  let state: EditorState = createProjectState({ meta: emptyMeta(), codebook, glossary: [], doc: docFromParagraphs(ko, en) });
  const before = state.doc;
  const all = suggestInDoc(state.doc, projectData(state).codebook);
  assert.ok(all.length > 50);
  assert.ok(state.doc.eq(before));
  // Accepting = applying the theme to the suggested span.
  const s = all.find((x) => x.code === "arms" && x.side === "ko")!;
  state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, s.from, s.to)));
  applyTheme(s.code)(state, (tr) => (state = state.apply(tr)));
  const after = suggestInDoc(state.doc, projectData(state).codebook);
  assert.equal(after.length, all.length - 1);
  assert.ok(!after.some((x) => x.code === s.code && x.from === s.from));
});

test("precision and recall of the suggestions on the sample against the gold set", () => {
  const gold = JSON.parse(readText(new URL("suggest.gold.json", import.meta.url))) as Record<Side, string[][]>;
  const sentences = JSON.parse(corpus("commentary.gold.json")) as Record<Side, string[][]>;
  const figures: string[] = [];
  let tpAll = 0, fpAll = 0, fnAll = 0;
  for (const side of ["ko", "en"] as const) {
    const flat = sentences[side].flat();
    assert.equal(flat.length, gold[side].length, `one gold entry per ${side} sentence`);
    let tp = 0, fp = 0, fn = 0;
    flat.forEach((sentence, i) => {
      const predicted = new Set(codes(sentence, side));
      const want = new Set(gold[side][i]);
      for (const c of predicted) (want.has(c) ? tp++ : fp++);
      for (const c of want) if (!predicted.has(c)) fn++;
    });
    tpAll += tp; fpAll += fp; fnAll += fn;
    const p = tp / (tp + fp), r = tp / (tp + fn);
    figures.push(`${side}: precision ${p.toFixed(2)} recall ${r.toFixed(2)} (${tp} right, ${fp} wrong, ${fn} missed)`);
    assert.ok(p >= 0.7 && r >= 0.7, figures.at(-1));
  }
  const p = tpAll / (tpAll + fpAll), r = tpAll / (tpAll + fnAll);
  console.log(`suggestions vs gold (sentence × theme): ${figures.join("; ")}; both: precision ${p.toFixed(2)} recall ${r.toFixed(2)}`);
});
