// Reading REFI-QDA projects (.qdpx): the ATLAS.ti samples, a project as
// another tool writes it (no alignment: aligned here), Dari's own projects
// edited elsewhere, and the files Dari must refuse.
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { strToU8, strFromU8, unzipSync, zipSync } from "fflate";
import { importQdpx } from "./qdpx";
import { importInterchangeBytes } from "./interchange";
import { exportQdpx } from "../export/qdpx";
import { sideRanges } from "../themes/annotations";
import { themedProject } from "../../test/fixtures/export-project";
import type { Project } from "../document/project";
import { parseProject, serializeProject } from "../document/index";
import { DariError } from "../errors";
import { readBytes, tempFolder, writeTestFile } from "../../test/support";
import { ATLAS_SAMPLES, PROJECT_XSD, schemaProblems } from "../../test/qda-schemas";

/** Every tag as "side|quote|code|id|note", sorted (the order of marks on one character is not the point). */
function tags(p: Project): string[] {
  const out: string[] = [];
  p.doc.descendants((n) => {
    if (n.type.name !== "segment") return true;
    for (const i of [0, 1]) {
      const side = n.child(i);
      for (const r of sideRanges(side)) out.push(`${side.type.name}|${side.textContent.slice(r.from, r.to)}|${r.code}|${r.id}|${r.note}`);
    }
    return false;
  });
  return out.sort();
}

function validQde(xml: string): void {
  const file = join(tempFolder("dari-qde-"), "project.qde");
  writeTestFile(file, xml);
  assert.equal(schemaProblems(PROJECT_XSD, file), "");
}

test("the ATLAS.ti 23.2 samples import: the codebook with its hierarchy, and a warning that there is no text", () => {
  const target = importQdpx("target-atlas-project.qdpx", readBytes(join(ATLAS_SAMPLES, "target-atlas-project.qdpx")));
  assert.deepEqual(
    target.project.codebook.map((c) => [c.label.en, c.parent && target.project.codebook.find((k) => k.id === c.parent)!.label.en, c.codable ?? true]),
    [["Commits", null, true], ["2022-05-10T02:05:59Z 19e4dce", "Commits", true], ["2022-02-11T10:39:25Z cdbfd92", "Commits", true]],
  );
  assert.equal(target.project.codebook[0].id, "a182cd3a-d83c-4d8c-bc80-26d9103ec6d6");
  assert.equal(target.project.meta.title, "target-atlas-project");
  assert.deepEqual(target.warnings.map((w) => w.message), ["target-atlas-project.qdpx: the project has no text sources; only its codebook was imported"]);
  const blank = importQdpx("blank-atlas-project.qdpx", readBytes(join(ATLAS_SAMPLES, "blank-atlas-project.qdpx")));
  assert.deepEqual(blank.project.codebook, []);
  assert.equal(blank.warnings.length, 1);
  // File › Open and `dari import` take the same route.
  assert.deepEqual(importInterchangeBytes("target-atlas-project.qdpx", readBytes(join(ATLAS_SAMPLES, "target-atlas-project.qdpx"))).codebook, target.project.codebook);
});

// A project as ATLAS.ti or MAXQDA writes it: upper-case guids, a Korean text
// in sources/, the English inline, codings with memos, and things Dari has no place for.
const KO = "북러 정상회담은 𠀀 우주기지에서 열렸다. 무기 거래가 의제였다.\r\n\r\n신냉전 구도가 뚜렷해졌다.";
const EN = "The summit was held at a space centre. Arms trade was on the agenda.\n\nA new Cold War took shape.";
const G = (n: number) => `{0000000${n}-AAAA-4BBB-8CCC-DDDDDDDDDDDD}`;
const cp = (s: string, part: string) => [...s.slice(0, s.indexOf(part))].length;
const S = (n: string) => `{${n}-AAAA-4BBB-8CCC-DDDDDDDDDDDD}`;
const sel = (guid: string, text: string, part: string, code: number, note?: number) =>
  `<PlainTextSelection guid="${S(guid)}" name="${part}" startPosition="${cp(text, part)}" endPosition="${cp(text, part) + [...part].length}" creatingUser="${G(9)}" creationDateTime="2023-08-16T15:50:33Z">` +
  `<Coding guid="${S(`C${guid.slice(1)}`)}"><CodeRef targetGUID="${G(code)}"/></Coding>${note ? `<NoteRef targetGUID="${G(note)}"/>` : ""}</PlainTextSelection>`;

function foreignQde(sources: string): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" origin="ATLAS.ti for Windows 23.2.3.27778" name="Summit" creationDateTime="2023-08-16T15:49:36Z" xmlns="urn:QDA-XML:project:1.0">
  <Users><User guid="${G(9)}" name="Analyst"/></Users>
  <CodeBook><Codes>
    <Code guid="${G(1)}" name="Security" isCodable="false" color="#336699">
      <Code guid="${G(2)}" name="무기 거래" isCodable="true" color="#d62728"><Description>arms</Description></Code>
    </Code>
    <Code guid="${G(3)}" name="Space" isCodable="true"/>
    <Code guid="${G(4)}" name="신냉전" isCodable="true"/>
  </Codes></CodeBook>
  <Variables><Variable guid="${G(5)}" name="Year" typeOfVariable="Integer"/></Variables>
  <Sources>${sources}
    <PictureSource guid="${G(6)}" name="map" path="internal://map.png"/>
    <PDFSource guid="${G(7)}" name="report" path="internal://report.pdf"/>
  </Sources>
  <Notes>
    <Note guid="${G(8)}" name="memo"><PlainTextContent>핵심 쟁점</PlainTextContent></Note>
  </Notes>
  <Links><Link guid="{0000000A-AAAA-4BBB-8CCC-DDDDDDDDDDDD}" originGUID="${G(2)}" targetGUID="${G(3)}"/></Links>
  <Sets><Set guid="{0000000B-AAAA-4BBB-8CCC-DDDDDDDDDDDD}" name="Themes"><MemberCode targetGUID="${G(2)}"/><MemberCode targetGUID="${G(3)}"/><MemberSource targetGUID="${G(6)}"/></Set></Sets>
</Project>`;
}

const KO_SOURCE = `
    <TextSource guid="{1000000A-AAAA-4BBB-8CCC-DDDDDDDDDDDD}" name="Summit (ko)" plainTextPath="internal://1000000A-AAAA-4BBB-8CCC-DDDDDDDDDDDD.txt">
      ${sel("2000000A", KO, "무기 거래", 2, 8)}
      ${sel("2000000B", KO, "우주기지", 3)}
      ${sel("2000000C", KO, "열렸다. 무기", 4)}
    </TextSource>`;
const EN_SOURCE = `
    <TextSource guid="{1000000B-AAAA-4BBB-8CCC-DDDDDDDDDDDD}" name="Summit (en)">
      <PlainTextContent>${EN}</PlainTextContent>
      ${sel("2000000D", EN, "Arms trade", 2)}
      ${sel("2000000E", EN, "Cold War", 4)}
    </TextSource>`;

function qdpx(qde: string, extra: Record<string, string> = {}): Uint8Array {
  const files: Record<string, Uint8Array> = { "project.qde": strToU8(qde) };
  for (const [k, v] of Object.entries(extra)) files[k] = strToU8(v);
  return zipSync(files);
}

test("a project from another tool: Korean and English texts aligned, codings as tags cut at segment boundaries, memos, and what was left out named", async () => {
  const qde = foreignQde(KO_SOURCE + EN_SOURCE);
  validQde(qde);
  const { project, warnings } = importQdpx("summit.qdpx", qdpx(qde, { "sources/1000000A-AAAA-4BBB-8CCC-DDDDDDDDDDDD.txt": "\uFEFF" + KO }));
  // Two Korean paragraphs, two English: two passages, sentences aligned.
  assert.equal(project.doc.childCount, 2);
  const pairs: string[] = [];
  project.doc.forEach((p) => p.forEach((s) => pairs.push(`${s.child(0).textContent} = ${s.child(1).textContent}`)));
  assert.deepEqual(pairs, [
    "북러 정상회담은 𠀀 우주기지에서 열렸다. = The summit was held at a space centre.",
    "무기 거래가 의제였다. = Arms trade was on the agenda.",
    "신냉전 구도가 뚜렷해졌다. = A new Cold War took shape.",
  ]);
  const ids = new Map(project.codebook.map((c) => [c.label.ko || c.label.en, c.id]));
  // The positions count code points: after 𠀀 the tag still lands on "우주기지"; the tag over two sentences is two ranges with one id.
  assert.deepEqual(tags(project), [
    `ko|우주기지|${ids.get("Space")}|2000000b-aaaa-4bbb-8ccc-dddddddddddd|`,
    `ko|열렸다.|${ids.get("신냉전")}|2000000c-aaaa-4bbb-8ccc-dddddddddddd|`,
    `ko|무기 거래|${ids.get("무기 거래")}|2000000a-aaaa-4bbb-8ccc-dddddddddddd|핵심 쟁점`,
    `ko|무기|${ids.get("신냉전")}|2000000c-aaaa-4bbb-8ccc-dddddddddddd|`,
    `en|Arms trade|${ids.get("무기 거래")}|2000000d-aaaa-4bbb-8ccc-dddddddddddd|`,
    `en|Cold War|${ids.get("신냉전")}|2000000e-aaaa-4bbb-8ccc-dddddddddddd|`,
  ].sort());
  // The codebook: hierarchy, isCodable, colours, and the set of codes.
  const security = project.codebook.find((c) => c.label.en === "Security")!;
  assert.equal(security.codable, false);
  assert.equal(project.codebook.find((c) => c.label.ko === "무기 거래")!.parent, security.id);
  assert.deepEqual(project.codeSets, [{ guid: "{0000000B-AAAA-4BBB-8CCC-DDDDDDDDDDDD}", name: "Themes", description: "", codes: [ids.get("무기 거래"), ids.get("Space")] }]);
  assert.equal(project.meta.title, "Summit");
  assert.deepEqual(warnings.map((w) => w.key).sort(), ["import:qdpx.left.Links", "import:qdpx.left.PDFSource", "import:qdpx.left.PictureSource", "import:qdpx.left.SetMember", "import:qdpx.left.Variable"]);
  assert.ok(warnings.some((w) => w.message === "summit.qdpx: left out: picture sources (1); Dari codes text only"));
  // What came in goes out again as a valid project, with the same tags.
  const again = await exportQdpx(project);
  validQde(strFromU8(unzipSync(again)["project.qde"]));
  assert.deepEqual(tags(importQdpx("again.qdpx", again).project), tags(project));
});

test("a single Korean text becomes Korean passages waiting for their translation; an English-only one fills the English side", () => {
  const koOnly = importQdpx("ko.qdpx", qdpx(foreignQde(KO_SOURCE), { "sources/1000000A-AAAA-4BBB-8CCC-DDDDDDDDDDDD.txt": KO })).project;
  const sides: string[] = [];
  koOnly.doc.forEach((p) => p.forEach((s) => sides.push(`${s.child(0).textContent}|${s.child(1).textContent}`)));
  assert.deepEqual(sides, ["북러 정상회담은 𠀀 우주기지에서 열렸다.|", "무기 거래가 의제였다.|", "신냉전 구도가 뚜렷해졌다.|"]);
  assert.equal(tags(koOnly).length, 4);
  const enOnly = importQdpx("en.qdpx", qdpx(foreignQde(EN_SOURCE))).project;
  const en: string[] = [];
  enOnly.doc.forEach((p) => p.forEach((s) => en.push(`${s.child(0).textContent}|${s.child(1).textContent}`)));
  assert.deepEqual(en, ["|The summit was held at a space centre.", "|Arms trade was on the agenda.", "|A new Cold War took shape."]);
  assert.deepEqual(tags(enOnly).map((t) => t.split("|").slice(0, 2).join("|")), ["en|Arms trade", "en|Cold War"]);
});

test("a Dari project recoded in another tool comes back aligned, with the new codings and without the removed ones", async () => {
  const project = themedProject();
  const files = unzipSync(await exportQdpx(project));
  let qde = strFromU8(files["project.qde"]);
  // The analyst removes the first "우주" coding and codes "북러 정상회담" as arms trade.
  const first = /<PlainTextSelection guid="[^"]+" startPosition="23" endPosition="25">[\s\S]*?<\/PlainTextSelection>\n/.exec(qde)!;
  qde = qde.replace(first[0], "");
  const arms = /<Code guid="([^"]+)" name="무기 거래"/.exec(qde)![1];
  const koText = strFromU8(files[`sources/${/plainTextPath="internal:\/\/([^"]+)"/.exec(qde)![1]}`]);
  const at = [...koText.slice(0, koText.indexOf("북러 정상회담"))].length;
  qde = qde.replace(/(<TextSource [^>]+>\n)/, `$1      <PlainTextSelection guid="{ABCDEF01-2345-4678-9ABC-DEF012345678}" startPosition="${at}" endPosition="${at + 7}"><Coding guid="{ABCDEF01-2345-4678-9ABC-DEF012345679}"><CodeRef targetGUID="${arms.toUpperCase()}"/></Coding></PlainTextSelection>\n`);
  validQde(qde);
  files["project.qde"] = strToU8(qde);
  const { project: back } = importQdpx("recoded.qdpx", zipSync(files));
  const before = tags(project);
  const after = tags(back);
  assert.deepEqual(after.filter((t) => !before.includes(t)), ["ko|북러 정상회담|arms|abcdef01-2345-4678-9abc-def012345678|"]);
  assert.deepEqual(before.filter((t) => !after.includes(t)), ["ko|우주|space|sp1k-0|"]);
  // The alignment is untouched.
  assert.equal(back.doc.childCount, project.doc.childCount);
  assert.equal(back.doc.child(3).childCount, project.doc.child(3).childCount);
});

test("an alignment variable edited by hand is used as far as it fits, and the project still opens", async () => {
  const files = unzipSync(await exportQdpx(themedProject()));
  const qde = strFromU8(files["project.qde"]);
  const value = /<TextValue>([^<]*)<\/TextValue>/.exec(qde)!;
  const alignment = JSON.parse(value[1].replace(/&amp;/g, "&").replace(/&lt;/g, "<").replace(/&gt;/g, ">"));
  const [p1, p2] = alignment.passages;
  p2.id = p1.id; // a passage id twice
  p2.segments[0].id = p1.segments[0].id; // a segment id twice
  p2.segments[1].ko = [1.5, "x"]; // a range that is no range
  p2.segments.push(null, 7);
  alignment.tags = { [Object.keys(alignment.tags)[0]]: { not: "an id" } };
  const edited = qde.replace(value[0], `<TextValue>${JSON.stringify(alignment).replace(/&/g, "&amp;").replace(/</g, "&lt;")}</TextValue>`);
  files["project.qde"] = strToU8(edited);
  const { project } = importQdpx("edited.qdpx", zipSync(files));
  // Saved and opened again: every id is unique, every tag id a string.
  const reopened = parseProject(serializeProject(project));
  assert.equal(reopened.doc.child(1).child(1).child(0).textContent, "", "the broken range leaves the side empty");
  assert.equal(reopened.doc.childCount, alignment.passages.length);
});

test("files that are not REFI-QDA projects, or declare entities, are refused with the file named", () => {
  const refusals: [string, Uint8Array, string, RegExp][] = [
    ["notes.qdpx", strToU8("just text"), "import:qdpx.notZip", /^notes\.qdpx is not a REFI-QDA project \(a \.qdpx is a zip file\)/],
    ["empty.qdpx", zipSync({ "other.xml": strToU8("<a/>") }), "import:qdpx.noProject", /^empty\.qdpx: there is no project\.qde inside/],
    ["codebook.qdpx", qdpx(`<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes/></CodeBook>`), "import:qdpx.notProject", /found <CodeBook>/],
    ["evil.qdpx", qdpx(`<?xml version="1.0"?>\n<!DOCTYPE Project [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<Project xmlns="urn:QDA-XML:project:1.0" name="&xxe;"/>`), "export:interchange.doctype", /evil\.qdpx › project\.qde/],
  ];
  // A zip that declares 800 MB for its project.qde is refused before anything is unpacked.
  const bomb = zipSync({ "project.qde": strToU8("<Project/>") });
  const central = bomb.findIndex((_b, i) => bomb[i] === 0x50 && bomb[i + 1] === 0x4b && bomb[i + 2] === 0x01 && bomb[i + 3] === 0x02);
  new DataView(bomb.buffer).setUint32(central + 24, 800 * 1024 * 1024, true);
  refusals.push(["bomb.qdpx", bomb, "import:qdpx.tooLarge", /^bomb\.qdpx would unpack to more than 512 MB/]);
  for (const [name, bytes, key, message] of refusals)
    assert.throws(() => importQdpx(name, bytes), (e: unknown) => e instanceof DariError && e.key === key && message.test(e.message), name);
});
