// The .qdpx export: a REFI-QDA project that MAXQDA, ATLAS.ti and NVivo open,
// checked against Project-mrt2019.xsd with xmllint, and read back whole.
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { unzipSync, strFromU8 } from "fflate";
import { exporters } from "./index";
import { exportQdpx } from "./qdpx";
import { importQdpx } from "../import/qdpx";
import { themedProject, projectOf, CODEBOOK } from "../../test/fixtures/export-project";
import { sideRanges } from "../themes/annotations";
import type { Project } from "../document/project";
import { tempFolder, writeTestFile } from "../../test/support";
import { PROJECT_XSD, schemaProblems } from "../../test/qda-schemas";

function unpack(bytes: Uint8Array): { qde: string; sources: Map<string, string> } {
  const files = unzipSync(bytes);
  const sources = new Map(Object.entries(files).filter(([k]) => k.startsWith("sources/")).map(([k, v]) => [k, strFromU8(v)]));
  return { qde: strFromU8(files["project.qde"]), sources };
}

function validProject(qde: string): void {
  const file = join(tempFolder("dari-qdpx-"), "project.qde");
  writeTestFile(file, qde);
  assert.equal(schemaProblems(PROJECT_XSD, file), "", "project.qde is valid against Project-mrt2019.xsd");
}

/** Every tag of a project as "segment side from-to code id note", in document order. */
function tags(p: Project): string[] {
  const out: string[] = [];
  p.doc.descendants((n) => {
    if (n.type.name !== "segment") return true;
    for (const i of [0, 1]) for (const r of sideRanges(n.child(i))) out.push(`${n.attrs.id} ${n.child(i).type.name} ${r.from}-${r.to} ${r.code} ${r.id} ${r.note}`);
    return false;
  });
  return out.sort();
}

function segments(p: Project) {
  const out: unknown[] = [];
  p.doc.forEach((passage) => passage.forEach((s) => out.push([passage.attrs.id, s.attrs.id, s.attrs.status, s.attrs.confirmed, s.attrs.confidence, s.attrs.note, s.child(0).textContent, s.child(1).textContent])));
  return out;
}

test("the coded commentary exports as a valid REFI-QDA project: two text sources, the codebook, one selection per tag, memos as notes", async () => {
  const project = themedProject();
  const { qde, sources } = unpack(await exportQdpx(project));
  validProject(qde);
  // The two sources are UTF-8 texts named by their guid, as the standard wants.
  const paths = [...qde.matchAll(/<TextSource guid="([^"]+)" name="[^"]*" plainTextPath="internal:\/\/([^"]+)"/g)];
  assert.equal(paths.length, 2);
  for (const [, guid, path] of paths) assert.equal(path, `${guid}.txt`);
  const [ko, en] = paths.map(([, , path]) => sources.get(`sources/${path}`)!);
  assert.ok(ko.startsWith("2023년 9월 13일 러시아 보스토치니 우주기지에서"));
  assert.ok(en.startsWith("The North Korea–Russia summit"));
  assert.equal(ko.split("\n\n").length, project.doc.childCount, "one paragraph per passage");
  // The codebook, and a coding for each tag: the Korean "우주" tags point at the space code.
  for (const c of CODEBOOK) assert.match(qde, new RegExp(`<Code guid="[^"]+" name="${c.label.ko}" isCodable="true" color="${c.color.toUpperCase()}">`));
  const selections = [...qde.matchAll(/<PlainTextSelection guid="[^"]+" startPosition="(\d+)" endPosition="(\d+)">\s*<Coding/g)];
  const koEnd = qde.indexOf("</TextSource>");
  const koTexts = selections.filter((m) => m.index! < koEnd).map((m) => [...ko].slice(Number(m[1]), Number(m[2])).join(""));
  assert.equal(koTexts.filter((t) => t === "우주").length, (ko.match(/우주/g) ?? []).length);
  // The tag that spans two segments is one selection over both.
  const enTexts = selections.filter((m) => m.index! > koEnd).map((m) => [...en].slice(Number(m[1]), Number(m[2])).join(""));
  const [first, second] = [project.doc.child(0).child(0).child(1).textContent, project.doc.child(0).child(1).child(1).textContent];
  assert.ok(enTexts.includes(`${first.slice(-10)} ${second.slice(0, 12)}`), "the two-segment tag is one selection");
  // Memos: the tag's and the segment's, each a Note that a selection refers to.
  for (const memo of ["정상회담 전체를 신냉전 구도로 읽는다", "번역 확인 필요: 고유명사 표기", "spans two segments"]) {
    const note = new RegExp(`<Note guid="([^"]+)">\\s*<PlainTextContent>${memo}</PlainTextContent>`).exec(qde);
    assert.ok(note, memo);
    assert.match(qde, new RegExp(`<NoteRef targetGUID="${note[1]}"/>`), memo);
  }
  // The alignment is the documented variable.
  assert.match(qde, /<Variable guid="[^"]+" name="Dari alignment" typeOfVariable="Text">\s*<Description>Written by Dari/);
});

test("positions count code points, not UTF-16 units: a tag after a supplementary-plane character", async () => {
  const ko = "𠀀𝔸 우주 협력";
  const en = "𝔸 space cooperation";
  const project = projectOf([[{ id: "s1", ko, en, spans: [
    { side: "ko", from: ko.indexOf("우주"), to: ko.indexOf("우주") + 2, code: "space", id: "t1" },
    { side: "en", from: en.indexOf("space"), to: en.indexOf("space") + 5, code: "space", id: "t1" },
    { side: "ko", from: 0, to: 2, code: "arms", id: "t2" },
  ] }]]);
  const { qde, sources } = unpack(await exportQdpx(project));
  validProject(qde);
  const starts = [...qde.matchAll(/startPosition="(\d+)" endPosition="(\d+)"/g)].map((m) => `${m[1]}-${m[2]}`);
  // 𠀀 and 𝔸 are one character each (two UTF-16 units): "우주" starts at 3, not 5; "space" at 2, not 3.
  assert.deepEqual(starts, ["0-1", "3-5", "2-7"]);
  assert.deepEqual([...sources.values()].sort(), [en, ko].sort());
  const back = importQdpx("cp.qdpx", await exportQdpx(project)).project;
  assert.deepEqual(tags(back), tags(project));
});

test("a Dari project goes to .qdpx and back with its passages, segments, statuses, notes, tags and codebook", async () => {
  const project = themedProject();
  const { project: back, warnings } = importQdpx("commentary.qdpx", await exportQdpx(project));
  assert.deepEqual(warnings, []);
  assert.deepEqual(segments(back), segments(project));
  assert.deepEqual(tags(back), tags(project));
  assert.deepEqual(back.codebook.map((c) => ({ ...c, color: c.color.toLowerCase() })), project.codebook);
  const { title, source, author, date, created } = project.meta;
  assert.deepEqual({ title: back.meta.title, source: back.meta.source, author: back.meta.author, date: back.meta.date, created: back.meta.created }, { title, source, author, date, created });
});

test("qdpx is in the export registry as a binary format with no choices, for the CLI and the Export dialog", async () => {
  const qdpx = exporters.qdpx!;
  assert.equal(qdpx.extension, "qdpx");
  assert.deepEqual(qdpx.options, {});
  const out = await qdpx.run(themedProject(), {});
  assert.ok(out instanceof Uint8Array);
  // A zip: the local file header signature.
  assert.deepEqual([...out.slice(0, 4)], [0x50, 0x4b, 0x03, 0x04]);
});
