import { test } from "node:test";
import assert from "node:assert/strict";
import { corpus } from "../test/support";
import { dropKind, planDrop, sideFor, sideOfText, DROP_INTERCHANGE, type DropKind } from "./drop";
import { INTERCHANGE_EXTENSIONS } from "./import/interchange";

test("a dropped file is routed by its extension, in any case; what Dari cannot take is null", () => {
  const cases: [string, DropKind | null][] = [
    ["/home/a/commentary.dari", "project"],
    ["C:\\Users\\a\\MEMORY.TMX", "interchange"],
    ["job.xlf", "interchange"],
    ["job.xliff", "interchange"],
    ["project.qdpx", "interchange"],
    ["commentary.ko.txt", "import"],
    ["translation.docx", "import"],
    ["page.html", "import"],
    ["notes.md", "import"],
    ["report.pdf", "import"],
    ["report.hwp", "import"],
    ["report.hwpx", "import"],
    ["themes.qdc", "codebook"],
    ["terms.csv", "glossary"],
    ["terms.TBX", "glossary"],
    ["photo.png", null],
    ["archive.zip", null],
    ["README", null],
    ["dari", null],
  ];
  for (const [name, kind] of cases) assert.equal(dropKind(name), kind, name);
});

test("the formats opened as new projects are exactly those main opens so", () => {
  assert.deepEqual([...DROP_INTERCHANGE].sort(), [...INTERCHANGE_EXTENSIONS].sort());
});

test("the script of a text picks its side: the sample's Korean and English, and text with no letters", () => {
  const ko = corpus("commentary.ko.txt");
  const en = corpus("commentary.en.txt");
  assert.equal(sideOfText(ko), "ko");
  assert.equal(sideOfText(en), "en");
  // English with a few Korean names quoted is still English.
  assert.equal(sideOfText("The Korea Aerospace Research Institute (한국항공우주연구원) launched Nuri on 21 June 2022."), "en");
  assert.equal(sideOfText("2022. 6. 21. — 1,234 / 5,678"), null);
  assert.equal(sideOfText(""), null);
});

test("a file goes to the side its script suggests when free, else to the free one", () => {
  assert.equal(sideFor("en", { ko: false, en: false }), "en");
  assert.equal(sideFor("ko", { ko: true, en: false }), "en");
  assert.equal(sideFor(null, { ko: false, en: false }), "ko");
  assert.equal(sideFor(null, { ko: true, en: false }), "en");
  assert.equal(sideFor("ko", { ko: true, en: true }), null);
});

test("a drop is planned: one project opens, commentaries fill the import dialog, codebooks and glossaries are merged", () => {
  const f = (name: string) => ({ name, kind: dropKind(name)! });
  const two = planDrop([f("a.en.txt"), f("a.ko.txt")]);
  assert.deepEqual(two.import.map((x) => x.name), ["a.en.txt", "a.ko.txt"]);
  assert.equal(two.open, null);
  assert.deepEqual(two.ignored, []);

  const three = planDrop([f("a.txt"), f("b.pdf"), f("c.docx")]);
  assert.deepEqual(three.import.map((x) => x.name), ["a.txt", "b.pdf"]);
  assert.deepEqual(three.ignored.map((x) => [x.file.name, x.reason]), [["c.docx", "twoSides"]]);

  const mixed = planDrop([f("x.txt"), f("a.tmx"), f("b.dari"), f("codes.qdc"), f("terms.csv"), f("terms.tbx")]);
  assert.equal(mixed.open?.name, "a.tmx");
  assert.deepEqual(mixed.import, []);
  assert.deepEqual(mixed.codebook.map((x) => x.name), ["codes.qdc"]);
  assert.deepEqual(mixed.glossary.map((x) => x.name), ["terms.csv", "terms.tbx"]);
  assert.deepEqual(mixed.ignored.map((x) => [x.file.name, x.reason]), [["b.dari", "oneProject"], ["x.txt", "oneProject"]]);
});
