import { test } from "node:test";
import assert from "node:assert/strict";
import { defaultCodebook, PALETTE } from "./default-codebook";
import { addCode, makeCode, moveCode, nestCode, renameCode, recolorCode, removeCode, codeTree, codeLabel, updateCode } from "./codebook-ops";
import { DariError } from "../errors";
import { buildDoc, parseProject, serializeProject, emptyMeta } from "../document/index";

test("the default codebook has the nine commentary themes in both languages, in distinct palette colours", () => {
  const cb = defaultCodebook();
  const labels = cb.map((c) => `${c.label.ko} / ${c.label.en}`);
  for (const want of ["우주 협력 / Space cooperation", "무기 거래 / Arms trade", "신냉전 / New Cold War", "외교 / Diplomacy", "제재·비확산 / Sanctions and non-proliferation"]) {
    assert.ok(labels.includes(want), want);
  }
  assert.equal(cb.length, 9);
  assert.equal(new Set(cb.map((c) => c.color)).size, 9);
  for (const c of cb) {
    assert.ok((PALETTE as readonly string[]).includes(c.color));
    assert.ok(c.description.ko && c.description.en && c.keywords.ko.length && c.keywords.en.length, c.id);
  }
});

test("the codebook is saved in the .dari file and comes back the same", () => {
  const cb = nestCode(defaultCodebook(), "arms", "mil-tech");
  const project = { meta: emptyMeta("t"), codebook: cb, glossary: [], doc: buildDoc([{ segments: [{ ko: "가", en: "a" }] }]) };
  const back = parseProject(serializeProject(project));
  assert.deepEqual(back.codebook, cb);
});

test("codes are added, renamed per language, recoloured, nested, reordered and removed without touching the old codebook", () => {
  const cb0 = defaultCodebook();
  const extra = makeCode(cb0, { ko: "에너지", en: "Energy" });
  const cb1 = addCode(cb0, extra);
  assert.equal(cb1.length, 10);
  assert.equal(cb0.length, 9);
  const cb2 = renameCode(cb1, extra.id, { en: "Energy security" });
  assert.deepEqual(cb2.at(-1)!.label, { ko: "에너지", en: "Energy security" });
  const cb3 = recolorCode(cb2, extra.id, "#000000");
  assert.equal(cb3.at(-1)!.color, "#000000");
  assert.throws(() => recolorCode(cb3, extra.id, "red"), DariError);
  const cb4 = nestCode(cb3, extra.id, "economy");
  assert.throws(() => nestCode(cb4, "economy", extra.id), (e: DariError) => e.key === "themes:error.cycle");
  const tree = codeTree(cb4);
  const i = tree.findIndex((t) => t.code.id === "economy");
  assert.deepEqual([tree[i + 1].code.id, tree[i + 1].depth], [extra.id, 1]);
  const cb5 = moveCode(cb4, "diplomacy", 0);
  assert.equal(cb5[0].id, "diplomacy");
  const cb6 = removeCode(cb5, "economy");
  assert.equal(cb6.find((c) => c.id === extra.id)!.parent, null, "children move up to the deleted code's parent");
  assert.equal(codeLabel(cb6[0], "ko"), "외교");
  assert.throws(() => addCode(cb6, { ...extra }), (e: DariError) => e.key === "themes:error.duplicateCode" && /already has/.test(e.message));
});

test("a theme's own key is one Latin letter; anything else clears it", () => {
  const cb = defaultCodebook();
  const id = cb[0].id;
  const set = (v: string) => updateCode(cb, id, { shortcut: v }).find((c) => c.id === id)!.shortcut;
  assert.equal(set("S"), "s");
  assert.equal(set(" k "), "k");
  for (const bad of ["1", "ㄱ", "-", "ab", ""]) assert.equal(set(bad), "", bad);
  assert.equal(updateCode(cb, id, { color: "#000000" }).find((c) => c.id === id)!.shortcut, cb[0].shortcut, "other edits keep the key");
});
