// The .qdc round trip with the codebooks other tools wrote: isCodable and Sets
// kept, Dari's own data where MAXQDA or ATLAS.ti show it out of the way and
// keep it, every export valid against REFI-QDA's Codebook.xsd.
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { exportQdc, readQdc } from "./qdc";
import { defaultCodebook } from "./default-codebook";
import { addCode, makeCode, mergeCodebookMapped, mergeCodeSets, nestCode } from "./codebook-ops";
import { parseProject, serializeProject } from "../document/index";
import { newProject } from "../document/new-project";
import { buildDoc } from "../document/build";
import { readText, tempFolder, writeTestFile } from "../../test/support";
import { CODEBOOK_XSD, INTEROP, schemaProblems } from "../../test/qda-schemas";

const REAL = ["refi/refi-qda-1.5-annexA1-example.qdc", "refi/atlasti-23.4-from-requal-test.qdc"];

function validQdc(xml: string, name: string): void {
  const file = join(tempFolder("dari-qdc-"), name);
  writeTestFile(file, xml);
  assert.equal(schemaProblems(CODEBOOK_XSD, file), "", `${name} is not valid against Codebook.xsd`);
}

test("the real .qdc files of REFI-QDA and ATLAS.ti come back whole: codes, isCodable, colours, descriptions and sets", () => {
  for (const name of REAL) {
    const path = join(INTEROP, name);
    assert.equal(schemaProblems(CODEBOOK_XSD, path), "", `${name} itself is valid`);
    const first = readQdc(readText(path), name);
    const xml = exportQdc(first.codebook, first.sets);
    validQdc(xml, name.replace(/.*\//, "again-"));
    const second = readQdc(xml, "again.qdc");
    assert.deepEqual(second, first, name);
    // Nothing of Dari's own is added to a codebook that came from another tool.
    assert.doesNotMatch(xml, /\[dari\]|\[en\]|\[ko\]/, name);
  }
  const annex = readQdc(readText(join(INTEROP, REAL[0])), REAL[0]);
  assert.deepEqual(
    annex.codebook.filter((c) => c.codable === false).map((c) => c.label.en),
    ["Topics", "Values"],
  );
  const economy = annex.codebook.find((c) => c.label.en === "Economy")!;
  assert.equal(economy.description.en, "Anything about jobs or taxes or business");
  assert.equal(economy.color, "#FFFF00");
  const atlas = readQdc(readText(join(INTEROP, REAL[1])), REAL[1]);
  assert.deepEqual(atlas.sets, [{ guid: "ECA18D76-2B8B-4F26-BC1D-19ECA19FB3F0", name: "code group 1", description: "kategorie 1", codes: [atlas.codebook[0].id] }]);
  assert.match(exportQdc(atlas.codebook, atlas.sets), /<Set guid="ECA18D76-2B8B-4F26-BC1D-19ECA19FB3F0" name="code group 1">\s*<Description>kategorie 1<\/Description>\s*<MemberCode guid="1ff58b12-6f6f-4b0c-8be5-bbdc91f55294"\/>/);
});

test("a Dari codebook edited in another tool comes back with its edits and with everything Dari keeps", () => {
  let cb = defaultCodebook();
  const drones = makeCode(cb, { ko: "드론", en: "Drones" }, { shortcut: "d", keywords: { ko: ["무인기"], en: ["UAV"] } });
  cb = nestCode(addCode(cb, drones), drones.id, "arms");
  cb = cb.map((c) => (c.id === "arms" ? { ...c, description: { ko: "무기 수출입", en: "Imports and exports of arms" }, codable: false as const } : c));
  const nato = makeCode(cb, { ko: "NATO", en: "NATO" });
  cb = addCode(cb, nato);
  const xml = exportQdc(cb);
  validQdc(xml, "dari.qdc");
  // The description a person reads in the other tool starts with the text, not with Dari's data.
  assert.match(xml, /<Code guid="[^"]+" name="무기 거래" isCodable="false" color="#[0-9A-F]{6}">\s*<Description>무기 수출입\n\n\[en\] Arms trade\nImports and exports of arms\n\n\[dari\] \{"id":"arms"/);
  // What an analyst does in ATLAS.ti: rename a code, rewrite a description, add a code group;
  // the tool writes guids in upper case with braces and its own attribute order.
  const edited = xml
    .replace('name="우주 협력"', 'name="우주 협력·개발"')
    .replace("무기 수출입", "무기 수출입과 기술 이전")
    .replace(/guid="([0-9a-f-]{36})"/g, (_m, g: string) => `guid="{${g.toUpperCase()}}"`)
    .replace("</Codes>", `</Codes>\n  <Sets>\n    <Set guid="{11111111-2222-4333-8444-555555555555}" name="안보">\n      <MemberCode guid="{${xml.match(/guid="([^"]+)" name="드론"/)![1].toUpperCase()}}"/>\n    </Set>\n  </Sets>`);
  validQdc(edited, "edited.qdc");
  const back = readQdc(edited, "edited.qdc");
  const byId = new Map(back.codebook.map((c) => [c.id, c]));
  assert.deepEqual(byId.get("space")!.label, { ko: "우주 협력·개발", en: "Space cooperation" });
  assert.equal(byId.get("arms")!.description.ko, "무기 수출입과 기술 이전");
  assert.equal(byId.get("arms")!.codable, false);
  const d = byId.get(drones.id)!;
  assert.deepEqual([d.parent, d.shortcut, d.keywords, d.label], ["arms", "d", { ko: ["무인기"], en: ["UAV"] }, { ko: "드론", en: "Drones" }]);
  // A Korean label in Latin letters stays the Korean label.
  assert.deepEqual(byId.get(nato.id)!.label, { ko: "NATO", en: "NATO" });
  assert.deepEqual(back.sets, [{ guid: "{11111111-2222-4333-8444-555555555555}", name: "안보", description: "", codes: [drones.id] }]);
  // Everything else is as Dari wrote it.
  const unchanged = (c: (typeof cb)[number]) => ({ ...c, label: c.id === "space" ? { ...c.label, ko: "우주 협력·개발" } : c.label, description: c.id === "arms" ? { ...c.description, ko: "무기 수출입과 기술 이전" } : c.description });
  assert.deepEqual([...back.codebook].sort((a, b) => a.id.localeCompare(b.id)), cb.map(unchanged).sort((a, b) => a.id.localeCompare(b.id)));
  // And the set goes out again with the codebook.
  const again = readQdc(exportQdc(back.codebook, back.sets), "again.qdc");
  assert.deepEqual(again, back);
});

test("a project keeps non-codable codes and code sets when saved and opened", () => {
  const atlas = readQdc(readText(join(INTEROP, REAL[1])), REAL[1]);
  const annex = readQdc(readText(join(INTEROP, REAL[0])), REAL[0]);
  const project = { ...newProject("t", buildDoc([{ segments: [{ ko: "가", en: "a" }] }])), codebook: [...annex.codebook, ...atlas.codebook], codeSets: atlas.sets };
  const back = parseProject(serializeProject(project));
  assert.deepEqual(back.codebook, project.codebook);
  assert.deepEqual(back.codeSets, atlas.sets);
  // A project without sets is written as before.
  assert.doesNotMatch(serializeProject(newProject("t", buildDoc([]))), /codeSets/);
});

test("importing an edited .qdc into the project keeps its code groups and isCodable, on the project's themes", () => {
  const own = defaultCodebook();
  // The codebook went to ATLAS.ti; there "arms" became a group code and a code group was made.
  const xml = exportQdc(own)
    .replace(/(name="무기 거래" isCodable=)"true"/, '$1"false"')
    .replace("</Codes>", `</Codes>\n  <Sets>\n    <Set guid="{11111111-2222-4333-8444-555555555555}" name="Security">\n      <MemberCode guid="${exportQdc(own).match(/guid="([^"]+)" name="무기 거래"/)![1]}"/>\n    </Set>\n  </Sets>`);
  const file = readQdc(xml, "back.qdc");
  const { codebook, idOf } = mergeCodebookMapped(own, file.codebook);
  assert.equal(codebook.find((c) => c.id === "arms")!.codable, false);
  assert.equal(codebook.length, own.length, "no theme is duplicated");
  const sets = mergeCodeSets(undefined, file.sets, idOf);
  assert.deepEqual(sets, [{ guid: "{11111111-2222-4333-8444-555555555555}", name: "Security", description: "", codes: ["arms"] }]);
  // The same group again, renamed: replaced, not doubled.
  assert.deepEqual(mergeCodeSets(sets, [{ ...file.sets[0], guid: "11111111-2222-4333-8444-555555555555", name: "Arms" }], idOf).map((s) => s.name), ["Arms"]);
  // And back to codable when the file says so.
  assert.equal(mergeCodebookMapped(codebook, own).codebook.find((c) => c.id === "arms")!.codable, undefined);
});

test("a code set whose member was deleted from the codebook still opens, without that member", () => {
  const atlas = readQdc(readText(join(INTEROP, REAL[1])), REAL[1]);
  const project = { ...newProject("t", buildDoc([])), codebook: defaultCodebook(), codeSets: [{ ...atlas.sets[0], codes: ["arms", "gone"] }] };
  assert.deepEqual(parseProject(serializeProject(project)).codeSets![0].codes, ["arms"]);
});
