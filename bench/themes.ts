import { readFileSync } from "node:fs";
import { TextSelection, type EditorState } from "prosemirror-state";
import { history } from "prosemirror-history";
import { buildDoc, splitParagraphs, emptyMeta } from "../app/document/index";
import { createProjectState } from "../app/project-state";
import { defaultCodebook } from "../app/themes/default-codebook";
import { codeLabel } from "../app/themes/codebook-ops";
import { applyTheme, removeAnnotation } from "../app/commands/themes";
import { themeDecorations } from "../app/themes/theme-decorations";
import { suggestionDecorations } from "../app/themes/suggestion-decorations";

const ko = splitParagraphs(readFileSync("/work/shared/corpus/commentary.ko.txt", "utf8"));
const en = splitParagraphs(readFileSync("/work/shared/corpus/commentary.en.txt", "utf8"));
const passages = [];
for (let p = 0; p < 2000; p++) {
  const segs = [];
  for (let i = 0; i < 10; i++) segs.push({ ko: ko[(p + i) % 11].slice(0, 60), en: en[(p + i) % 11].slice(0, 90) });
  passages.push({ segments: segs });
}
const cb = defaultCodebook();
const label = (c: string) => codeLabel(cb.find((x) => x.id === c), "en", c);
const on = true;
const withSuggest = process.argv[2] === "suggest";
let t0 = performance.now();
let s: EditorState = createProjectState({ meta: emptyMeta(), codebook: cb, glossary: [], doc: buildDoc(passages) }, [history(), themeDecorations({ label, gutter: () => () => ({}) as Node }), ...(withSuggest ? [suggestionDecorations({ label, on })] : [])]);
console.log("segments", 20000, "chars", s.doc.textContent.length, "init ms", (performance.now() - t0).toFixed(1), withSuggest ? "(with suggestions)" : "");
const apply: number[] = [], remove: number[] = [], typing: number[] = [];
for (let k = 0; k < 200; k++) {
  const pos = Math.floor((k / 200) * (s.doc.content.size - 200)) ;
  const $p = s.doc.resolve(pos);
  let from = pos; // find a textblock start near pos
  s.doc.nodesBetween(pos, pos + 400, (n, p) => { if (from === pos && n.isTextblock && n.content.size > 20) { from = p + 3; return false; } return from === pos; });
  s = s.apply(s.tr.setSelection(TextSelection.create(s.doc, from, from + 12)));
  const id = `bench${k}`;
  t0 = performance.now();
  applyTheme(cb[k % 9].id, id)(s, (tr) => (s = s.apply(tr)));
  apply.push(performance.now() - t0);
  t0 = performance.now();
  s = s.apply(s.tr.insertText("한", from + 4));
  typing.push(performance.now() - t0);
  if (k % 2) {
    t0 = performance.now();
    removeAnnotation(id, from + 1)(s, (tr) => (s = s.apply(tr)));
    remove.push(performance.now() - t0);
  }
  void $p;
}
const p = (a: number[], q: number) => a.slice().sort((x, y) => x - y)[Math.floor(q * (a.length - 1))].toFixed(2);
console.log(`apply theme: median ${p(apply, 0.5)} ms, p95 ${p(apply, 0.95)} ms, max ${p(apply, 1)} ms`);
console.log(`remove annotation: median ${p(remove, 0.5)} ms, p95 ${p(remove, 0.95)} ms, max ${p(remove, 1)} ms`);
console.log(`keystroke (state only): median ${p(typing, 0.5)} ms, p95 ${p(typing, 0.95)} ms`);
