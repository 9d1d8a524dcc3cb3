import { test } from "node:test";
import assert from "node:assert/strict";
import { defaultCodebook, PALETTE } from "./default-codebook";
import { codeTree, findCode, makeCode, mergeCodebook, nestCode } from "./codebook-ops";
import { exportQdc, importQdc } from "./qdc";
import type { Code, Codebook } from "./codebook";

/** A code as another tool or a colleague would send it (fields not given are empty). */
function code(id: string, fields: Partial<Omit<Code, "id">> = {}): Code {
  return { id, label: { ko: "", en: "" }, description: { ko: "", en: "" }, color: "#000000", parent: null, shortcut: "", keywords: { ko: [], en: [] }, ...fields };
}

const byId = (cb: Codebook, id: string) => findCode(cb, id)!;

test("a theme with the same id takes the file's text and new keywords, and keeps its place, parent, colour and tags' id", () => {
  const project = nestCode(defaultCodebook(), "arms", "space");
  const before = structuredClone(project);
  const arms = byId(project, "arms");
  const incoming = [
    code("arms", {
      label: { ko: "무기 이전", en: "" },
      description: { ko: "", en: "Transfers of weapons" },
      color: "#123456",
      keywords: { ko: [...arms.keywords.ko.slice(0, 1), "포탄"], en: [] },
    }),
  ];
  const merged = mergeCodebook(project, incoming);
  assert.equal(merged.length, project.length, "nothing added");
  assert.equal(merged.findIndex((c) => c.id === "arms"), project.findIndex((c) => c.id === "arms"));
  const got = byId(merged, "arms");
  assert.deepEqual(got.label, { ko: "무기 이전", en: "Arms trade" }, "an empty label in the file does not erase the project's");
  assert.deepEqual(got.description, { ko: arms.description.ko, en: "Transfers of weapons" });
  assert.deepEqual(got.keywords, { ko: [...arms.keywords.ko, "포탄"], en: arms.keywords.en }, "keywords are gained, none lost or doubled");
  assert.equal(got.color, arms.color, "the project's colour stays");
  assert.equal(got.parent, "space", "the file does not move the project's theme in its tree");
  assert.deepEqual(project, before, "the old codebook is untouched");
});

test("a theme named the same in another tool merges into the project's theme instead of doubling it; its new children come under it", () => {
  const project = defaultCodebook();
  const space = byId(project, "space");
  // A MAXQDA code: a guid for id, the Korean name only, a child and a grandchild.
  const guid = "0a1b2c3d-0000-4000-8000-000000000001";
  const incoming = [
    code(guid, { label: { ko: " 우주 협력", en: "" }, description: { ko: "위성과 발사체", en: "" }, color: "#FF0000" }),
    code("0a1b2c3d-0000-4000-8000-000000000002", { label: { ko: "달 탐사", en: "" }, parent: guid, color: "#00FF00" }),
    code("0a1b2c3d-0000-4000-8000-000000000003", { label: { ko: "", en: "Lunar landers" }, parent: "0a1b2c3d-0000-4000-8000-000000000002", color: "#0000FF" }),
  ];
  const merged = mergeCodebook(project, incoming);
  assert.equal(merged.length, project.length + 2, "two new themes, not three");
  assert.equal(merged.filter((c) => c.label.ko === "우주 협력").length, 1);
  assert.ok(!findCode(merged, guid), "the project's id stays, so the tags keep their theme");
  assert.deepEqual(byId(merged, "space").label, space.label, "the English label stays");
  assert.equal(byId(merged, "space").description.ko, "위성과 발사체");
  assert.equal(byId(merged, "space").color, space.color);
  // New themes go at the end, in the file's order, nested as in the file.
  assert.deepEqual(merged.slice(-2).map((c) => [c.label.ko || c.label.en, c.parent]), [
    ["달 탐사", "space"],
    ["Lunar landers", "0a1b2c3d-0000-4000-8000-000000000002"],
  ]);
  const tree = codeTree(merged).map((t) => [t.code.id, t.depth]);
  const at = tree.findIndex(([id]) => id === "space");
  assert.deepEqual(tree.slice(at, at + 3), [["space", 0], ["0a1b2c3d-0000-4000-8000-000000000002", 1], ["0a1b2c3d-0000-4000-8000-000000000003", 2]]);
});

test("names match in either language, ignoring case; each project theme takes in at most one incoming theme", () => {
  const project = defaultCodebook();
  const merged = mergeCodebook(project, [
    code("x1", { label: { ko: "", en: "ARMS TRADE" } }),
    code("x2", { label: { ko: "무기 거래", en: "" } }),
  ]);
  assert.ok(!findCode(merged, "x1"), "the English name found arms");
  assert.equal(byId(merged, "x2").label.ko, "무기 거래", "the second one with that name is a theme of its own");
  assert.equal(merged.length, project.length + 1);
});

test("an id match wins over a name match, and a theme without a name never matches by name", () => {
  const project = [code("a", { label: { ko: "가", en: "" } }), code("b", { label: { ko: "나", en: "" } }), code("c", { label: { ko: "", en: "" } })];
  const merged = mergeCodebook(project, [code("b", { label: { ko: "가", en: "" } }), code("d", { label: { ko: "", en: "" } })]);
  assert.deepEqual(merged.map((c) => [c.id, c.label.ko]), [["a", "가"], ["b", "가"], ["c", ""], ["d", ""]]);
});

test("a new theme under a parent the project has keeps it; under a parent no one has, it goes to the top level", () => {
  const merged = mergeCodebook(defaultCodebook(), [
    code("n1", { label: { ko: "위성 요격", en: "" }, parent: "space" }),
    code("n2", { label: { ko: "고아", en: "" }, parent: "nowhere" }),
  ]);
  assert.deepEqual(merged.slice(-2).map((c) => c.parent), ["space", null]);
});

test("a new theme keeps the file's colour unless a theme already has it, then takes the first unused palette colour", () => {
  const project = defaultCodebook().slice(0, 3); // PALETTE[0..2]
  const merged = mergeCodebook(project, [
    code("n1", { label: { ko: "에너지", en: "" }, color: "#123456" }),
    code("n2", { label: { ko: "해양", en: "" }, color: PALETTE[0] }),
    code("n3", { label: { ko: "사이버", en: "" }, color: PALETTE[3].toLowerCase() }),
    code("n4", { label: { ko: "인권", en: "" }, color: "#123456" }),
  ]);
  assert.deepEqual(merged.slice(3).map((c) => c.color), ["#123456", PALETTE[3], PALETTE[4], PALETTE[5]]);
  assert.equal(new Set(merged.map((c) => c.color.toUpperCase())).size, merged.length, "no two themes look alike");
});

test("a theme's key comes from the file only when no other theme has it", () => {
  let project = defaultCodebook().slice(0, 2);
  project = project.map((c, i) => ({ ...c, shortcut: ["s", ""][i] }));
  const merged = mergeCodebook(project, [
    code("arms", { shortcut: "S" }), // taken by space
    code("new1", { label: { ko: "새 주제", en: "" }, shortcut: "w" }),
    code("new2", { label: { ko: "또 새 주제", en: "" }, shortcut: "w" }), // taken by new1
    code("space", { shortcut: "q" }), // space changes its own key
  ]);
  assert.deepEqual(merged.map((c) => [c.id, c.shortcut]), [["space", "q"], ["arms", ""], ["new1", "w"], ["new2", ""]]);
});

test("importing the project's own exported codebook changes nothing", () => {
  let project = defaultCodebook();
  const extra = makeCode(project, { ko: "에너지", en: "Energy" }, { shortcut: "e" });
  project = nestCode([...project, extra], extra.id, "economy");
  assert.deepEqual(mergeCodebook(project, importQdc(exportQdc(project))), project);
});

test("into an empty codebook, a .qdc comes in whole", () => {
  const incoming = importQdc(exportQdc(nestCode(defaultCodebook(), "arms", "space")));
  assert.deepEqual(mergeCodebook([], incoming), incoming);
});
