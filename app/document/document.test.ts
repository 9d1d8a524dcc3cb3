import { test } from "node:test";
import assert from "node:assert/strict";
import { buildDoc, parseProject, serializeProject, emptyMeta, FORMAT_VERSION, splitParagraphs, docFromParagraphs, type Project } from "./index";
import { DariError } from "../errors";
import { schema } from "../schema";
import { errorOf } from "../../test/support";
import { corpus } from "../../test/support";


function sample(): Project {
  const doc = buildDoc([
    { segments: [{ ko: "북러 정상회담은 중요했다.", en: "The summit mattered." }, { ko: "둘째 문장.", en: "" }] },
    { segments: [{ ko: "다음 단락.", en: "Next paragraph." }] },
  ]);
  return { meta: emptyMeta("표본"), codebook: [], glossary: [], doc };
}


test("a project survives serialize and parse unchanged", () => {
  const p = sample();
  const back = parseProject(serializeProject(p));
  assert.ok(back.doc.eq(p.doc));
  assert.equal(back.meta.title, "표본");
  assert.equal(back.doc.firstChild!.childCount, 2);
});

test("theme marks round-trip and may overlap", () => {
  const p = sample();
  const a = schema.marks.theme.create({ code: "space", id: "t1", note: "" });
  const b = schema.marks.theme.create({ code: "arms", id: "t2", note: "x" });
  const ko = schema.nodes.ko.create(null, [schema.text("북러", [a, b]), schema.text(" 정상회담", [a])]);
  const seg = schema.nodes.segment.create({ id: "s1", status: "draft" }, [ko, schema.nodes.en.create()]);
  const doc = schema.nodes.doc.create(null, [schema.nodes.passage.create({ id: "p1" }, [seg])]);
  const back = parseProject(serializeProject({ ...p, doc }));
  assert.ok(back.doc.eq(doc));
  assert.equal(back.doc.firstChild!.firstChild!.firstChild!.firstChild!.marks.length, 2);
});

test("a file from a newer version is refused with a clear message", () => {
  const text = serializeProject(sample()).replace(`"version": ${FORMAT_VERSION}`, `"version": ${FORMAT_VERSION + 1}`);
  const e = errorOf(() => parseProject(text));
  assert.equal(e.key, "file.newerVersion");
  assert.match(e.message, /newer version of Dari/);
});

test("a version 1 file is migrated", () => {
  const v1 = {
    format: "dari",
    version: 1,
    meta: { title: "old" },
    doc: { type: "doc", content: [{ type: "passage", attrs: { id: "p1" }, content: [{ type: "segment", attrs: { id: "s1", status: "new", confirmed: false, note: "" }, content: [{ type: "ko", content: [{ type: "text", text: "가" }] }, { type: "en" }] }] }] },
  };
  const p = parseProject(JSON.stringify(v1));
  assert.equal(p.meta.title, "old");
  assert.equal(p.doc.firstChild!.firstChild!.attrs.confidence, null);
});

test("problems are reported with their place and reason", () => {
  const good = JSON.parse(serializeProject(sample()));
  const cases: [string, (f: any) => void, string, RegExp][] = [
    ["status", (f) => (f.doc.content[0].content[1].attrs.status = "done"), "file.badStatus", /passage 1 › segment 2 › attrs › status \(\/doc\/content\/0\/content\/1\/attrs\/status\)/],
    ["mark", (f) => (f.doc.content[1].content[0].content[0].content[0].marks = [{ type: "bold" }]), "file.unknownMark", /passage 2 › segment 1 › ko › text 1 › mark 1/],
    ["sides", (f) => f.doc.content[0].content[0].content.pop(), "file.segmentSides", /passage 1 › segment 1/],
    ["dup", (f) => (f.doc.content[1].content[0].attrs.id = f.doc.content[0].content[0].attrs.id), "file.duplicateId", /passage 2 › segment 1 › attrs › id/],
    ["type", (f) => (f.doc.content[0].content[0].content[1].type = "ko"), "file.wrongNode", /expected a en here/],
    ["format", (f) => (f.format = "other"), "file.notDari", /not a Dari project/],
    ["glossary", (f) => (f.glossary = [{ ko: 3 }]), "file.notString", /glossary › entry 1 › ko/],
  ];
  for (const [name, mutate, key, where] of cases) {
    const f = structuredClone(good);
    mutate(f);
    const e = errorOf(() => parseProject(JSON.stringify(f)));
    assert.equal(e.key, key, name);
    assert.match(e.message, where, name);
  }
});

test("a truncated file names the line and column", () => {
  const text = serializeProject(sample());
  const e = errorOf(() => parseProject(text.slice(0, Math.floor(text.length / 2))));
  assert.equal(e.key, "file.notJson");
  assert.match(e.message, /line \d+, column \d+/);
});

test("the sample corpus builds one segment per paragraph", () => {
  const ko = splitParagraphs(corpus("commentary.ko.txt"));
  const en = splitParagraphs(corpus("commentary.en.txt"));
  assert.equal(ko.length, 12);
  assert.equal(en.length, 12);
  const doc = docFromParagraphs(ko, en);
  assert.equal(doc.childCount, 12);
  const ids = new Set<string>();
  doc.descendants((n) => {
    if (n.type.name === "segment" || n.type.name === "passage") ids.add(n.attrs.id);
  });
  assert.equal(ids.size, 24);
});

test("a codebook whose parents form a circle is refused when the file is read, naming the circle", () => {
  const code = (id: string, parent: string | null) => ({ id, label: { ko: id, en: id }, description: { ko: "", en: "" }, color: "#123456", parent, shortcut: "", keywords: { ko: [], en: [] } });
  const f = JSON.parse(serializeProject(sample()));
  f.codebook = [code("top", null), code("a", "c"), code("b", "a"), code("c", "b")];
  const e = errorOf(() => parseProject(JSON.stringify(f)));
  assert.equal(e.key, "file.parentCycle");
  assert.match(e.message, /codebook › code 2 › parent .*“a” is its own ancestor \(a → c → b → a\)/);
  const self = JSON.parse(serializeProject(sample()));
  self.codebook = [code("loop", "loop")];
  assert.equal(errorOf(() => parseProject(JSON.stringify(self))).key, "file.parentCycle");
  // A tree, however deep, is fine.
  const tree = JSON.parse(serializeProject(sample()));
  tree.codebook = [code("top", null), code("a", "top"), code("b", "a"), code("c", "b")];
  assert.equal(parseProject(JSON.stringify(tree)).codebook.length, 4);
});

test("ignored QA findings round-trip; a file without them reads as before; a bad entry names its place", () => {
  const p = sample();
  const plain = serializeProject(p);
  assert.doesNotMatch(plain, /qaIgnored/, "a project with nothing ignored writes no field");
  assert.equal(parseProject(plain).qaIgnored, undefined);
  const qaIgnored = [{ segment: p.doc.firstChild!.firstChild!.attrs.id as string, rule: "termMissing", key: "en=summit; ko=정상회담" }];
  const text = serializeProject({ ...p, qaIgnored });
  assert.equal(JSON.parse(text).version, FORMAT_VERSION, "an optional field: no new version");
  assert.deepEqual(parseProject(text).qaIgnored, qaIgnored);
  const bad = JSON.parse(text);
  bad.qaIgnored.push({ segment: "s9", rule: 4 });
  const e = errorOf(() => parseProject(JSON.stringify(bad)));
  assert.equal(e.key, "file.notString");
  assert.match(e.message, /qaIgnored › entry 2 › rule \(\/qaIgnored\/1\/rule\)/);
  bad.qaIgnored = { segment: "s1" };
  assert.equal(errorOf(() => parseProject(JSON.stringify(bad))).key, "file.notArray");
});
