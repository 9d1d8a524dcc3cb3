import { test } from "node:test";
import assert from "node:assert/strict";
import type { EditorState } from "prosemirror-state";
import { history, undo, closeHistory } from "prosemirror-history";
import type { Decoration } from "prosemirror-view";
import { docFromParagraphs, splitParagraphs, emptyMeta } from "../document/index";
import { createProjectState, projectData } from "../project-state";
import { defaultCodebook } from "./default-codebook";
import { codeLabel } from "./codebook-ops";
import { applyTheme, removeAnnotation, updateCodeCommand } from "../commands/themes";
import { themeDecorations, themeDecorationKey, setThemeFilter, LANE_PX } from "./theme-decorations";
import { suggestionDecorations, allSuggestions, acceptSuggestion, dismissSuggestion, toggleSuggestions } from "./suggestion-decorations";
import { corpus, runCommand, selectPhrase } from "../../test/support";


function state(lang: "ko" | "en" = "en"): EditorState {
  const ko = splitParagraphs(corpus("commentary.ko.txt"));
  const en = splitParagraphs(corpus("commentary.en.txt"));
  const codebook = defaultCodebook();
  const label = (code: string, cb: typeof codebook) => codeLabel(cb.find((c) => c.id === code), lang, code);
  return createProjectState({ meta: emptyMeta(), codebook, glossary: [], doc: docFromParagraphs(ko, en) }, [
    history(),
    themeDecorations({ label, gutter: () => () => ({}) as Node }),
    suggestionDecorations({ label }),
  ]);
}

function themed(s: EditorState): Decoration[] {
  return themeDecorationKey.getState(s)!.set.find().filter((d) => (d.spec as object) && !(d as any).type?.widget && (d as any).type?.attrs?.class === "dari-themed");
}

function attrs(d: Decoration): Record<string, string> {
  return (d as any).type.attrs ?? {};
}

test("overlapping themes are stacked underlines in their colours, with labels in the UI language on hover", () => {
  let s = selectPhrase(state("ko"), "러시아 보스토치니 우주기지");
  s = runCommand(s, applyTheme("space"));
  s = selectPhrase(s, "러시아 보스토치니");
  s = runCommand(s, applyTheme("diplomacy"));
  const runs = themed(s).map((d): Record<string, string> => ({ ...attrs(d), text: s.doc.textBetween(d.from, d.to) }));
  assert.deepEqual(runs.map((r) => r.text), ["러시아 보스토치니", " 우주기지"]);
  const both = runs[0];
  assert.equal(both.title, "우주 협력\n외교");
  assert.match(both.style, /linear-gradient\(#CC6677,#CC6677\),linear-gradient\(#AA4499,#AA4499\)/);
  assert.match(both.style, new RegExp(`padding-bottom:${2 * LANE_PX}px`));
  // The space underline keeps its lane (the bottom one) where it runs on alone.
  assert.match(runs[1].style, /background-position:0 calc\(100% - 0px\)/);
  assert.equal(runs[1].title, "우주 협력");
});

test("decorations are mapped, not rebuilt: an edit rebuilds only its own segment", () => {
  let s = selectPhrase(state(), "북러 정상회담은");
  s = runCommand(s, applyTheme("diplomacy"));
  s = selectPhrase(s, "agriculture, transport infrastructure");
  s = runCommand(s, applyTheme("economy"));
  s = selectPhrase(s, "한미일 정상회담과");
  s = runCommand(s, applyTheme("kr-us-jp"));
  const all = (st: EditorState) => themeDecorationKey.getState(st)!.set.find();
  // A decoration's type object survives mapping; a rebuild makes a new one.
  const typeOf = (d: Decoration) => (d as any).type as object;
  const before = new Set(all(s).map(typeOf));
  // Korean typed inside the first tagged span (paragraph 1).
  const first = themed(s)[0];
  s = s.apply(s.tr.insertText("한", first.from + 2));
  const after = all(s);
  assert.equal(s.doc.textBetween(themed(s)[0].from, themed(s)[0].to), "북러한 정상회담은");
  // Decorations of the other segments are the same objects, shifted by mapping.
  const kept = after.filter((d) => before.has(typeOf(d)));
  assert.equal(kept.length, after.length - 2, "all but the edited segment's underline and gutter widget are kept");
  // And the result equals a full rebuild (forced by a colour change and back).
  const rebuilt = runCommand(runCommand(s, updateCodeCommand("economy", { color: "#000000" })), updateCodeCommand("economy", { color: defaultCodebook()[4].color }));
  assert.deepEqual(themed(rebuilt).map((d) => [d.from, d.to, attrs(d).style, attrs(d).title]), themed(s).map((d) => [d.from, d.to, attrs(d).style, attrs(d).title]));
  assert.equal(all(rebuilt).filter((d) => !before.has(typeOf(d))).length, all(rebuilt).length);
});

test("removing a tag removes its underline only; undo brings it back", () => {
  let s = selectPhrase(state(), "우주 분야의 협력");
  s = runCommand(s, applyTheme("space", "one"));
  s = runCommand(s, applyTheme("cold-war", "two"));
  assert.equal(attrs(themed(s)[0]).title.split("\n").length, 2);
  s = runCommand(s, (st, d) => removeAnnotation("one", st.selection.from)(st, (tr) => d!(closeHistory(tr))));
  assert.deepEqual(themed(s).map((d) => attrs(d).title), ["New Cold War"]);
  s = runCommand(s, undo);
  assert.deepEqual(themed(s).map((d) => attrs(d).title), ["Space cooperation\nNew Cold War"]);
});

test("filtering by theme folds the other segments away", () => {
  let s = selectPhrase(state(), "무기 거래");
  s = runCommand(s, applyTheme("arms"));
  s = s.apply(setThemeFilter(s.tr, ["arms"]));
  const folded = themeDecorationKey.getState(s)!.set.find().filter((d) => attrs(d).class === "dari-folded");
  assert.equal(folded.length, 11);
  s = s.apply(setThemeFilter(s.tr, null));
  assert.equal(themeDecorationKey.getState(s)!.set.find().filter((d) => attrs(d).class === "dari-folded").length, 0);
});

test("suggestions are decorations: accepting tags the words, dismissing hides them, neither happens by itself", () => {
  let s = state();
  const doc = s.doc;
  const all = allSuggestions(s);
  assert.ok(all.length > 50);
  assert.ok(s.doc.eq(doc));
  const sug = all.find((x) => x.code === "space" && s.doc.textBetween(x.from, x.to) === "우주개발")!;
  s = runCommand(s, acceptSuggestion(sug));
  assert.deepEqual(themed(s).map((d) => s.doc.textBetween(d.from, d.to)), ["우주개발"]);
  assert.equal(allSuggestions(s).length, all.length - 1);
  const other = allSuggestions(s).find((x) => x.code === "arms")!;
  const docBefore = s.doc;
  s = runCommand(s, dismissSuggestion(other));
  assert.ok(s.doc.eq(docBefore));
  assert.equal(allSuggestions(s).length, all.length - 2);
  s = runCommand(s, toggleSuggestions(false));
  assert.equal(allSuggestions(s).length, 0);
  s = runCommand(s, toggleSuggestions(true));
  assert.equal(allSuggestions(s).length, all.length - 2, "the dismissal is remembered");
  assert.equal(projectData(s).codebook.length, 9);
});

test("a large project is decorated at once near its start and in batches after: the same decorations in the end, none twice", async () => {
  const { buildDoc } = await import("../document/index");
  const { FIRST_SEGMENTS, SEGMENT_BATCH } = await import("./segment-decorations");
  const { themesDecorated } = await import("./theme-decorations");
  const { schema } = await import("../schema");
  const codebook = defaultCodebook();
  const label = (code: string, cb: typeof codebook) => codeLabel(cb.find((c) => c.id === code), "en", code);
  // 300 passages of 10 segments; every third segment tagged on its English side.
  const passages = Array.from({ length: 300 }, (_, p) => ({ segments: Array.from({ length: 10 }, (_, i) => ({ ko: `문장 ${p}-${i}.`, en: `Sentence ${p}-${i}.` })) }));
  let doc = buildDoc(passages);
  const tagged: number[] = [];
  doc.descendants((n, pos) => {
    if (n.type.name === "en" && tagged.length < 3000) tagged.push(pos);
    return n.type.name !== "en";
  });
  const tr0 = createProjectState({ meta: emptyMeta(), codebook, glossary: [], doc }, []).tr;
  tagged.forEach((pos, i) => i % 3 === 0 && tr0.addMark(pos + 1, pos + 9, schema.marks.theme.create({ code: "space", id: `t${i}`, note: "" })));
  doc = tr0.doc;
  const make = () => createProjectState({ meta: emptyMeta(), codebook, glossary: [], doc }, [themeDecorations({ label })]);
  const whole = themed(runCommand(make(), (s, d) => (d?.(setThemeFilter(s.tr, null).setMeta(themeDecorationKey, { rebuild: true })), true)));
  assert.equal(whole.length, 1000);

  let s = make();
  assert.equal(themesDecorated(s), false);
  // Only the first segments are decorated when it opens.
  assert.equal(themed(s).length, Math.ceil(FIRST_SEGMENTS / 3));
  // Typing in a segment not yet decorated decorates it; its batch does not decorate it again.
  const far = tagged[2100];
  s = s.apply(s.tr.insertText("x", far + 3));
  assert.equal(themed(s).length, Math.ceil(FIRST_SEGMENTS / 3) + 1);
  let batches = 0;
  while (!themesDecorated(s)) {
    s = s.apply(s.tr.setMeta(themeDecorationKey, { batch: true }));
    batches++;
  }
  assert.equal(batches, Math.ceil((3000 - FIRST_SEGMENTS) / SEGMENT_BATCH));
  const key = (d: Decoration) => `${d.from}-${d.to}-${attrs(d).style}`;
  assert.deepEqual(themed(s).map(key), themed(runCommand(s, (st, d) => (d?.(st.tr.setMeta(themeDecorationKey, { rebuild: true })), true))).map(key));
  assert.equal(themed(s).length, 1000);
});
