import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { XMLParser } from "fast-xml-parser";
import { defaultCodebook } from "./default-codebook";
import { addCode, makeCode, nestCode } from "./codebook-ops";
import { exportQdc, importQdc, QDC_NAMESPACE } from "./qdc";
import { DariError } from "../errors";
import { exporters } from "../export/index";
import { buildDoc, emptyMeta } from "../document/index";
import { readText, tempFolder, writeTestFile } from "../../test/support";

function codebookWithHierarchy() {
  let cb = defaultCodebook();
  const drones = makeCode(cb, { ko: "이란제 드론 & <부품>", en: "Iranian \"drones\"" }, { shortcut: "d", keywords: { ko: ["드론"], en: ["drone"] } });
  cb = addCode(cb, drones);
  return nestCode(cb, drones.id, "arms");
}

test("a codebook goes to .qdc and back with both languages, hierarchy, colours, shortcuts and keywords", () => {
  const cb = codebookWithHierarchy();
  const dir = tempFolder("dari-qdc-");
  const file = join(dir, "codebook.qdc");
  writeTestFile(file, exportQdc(cb));
  const back = importQdc(readText(file), file);
  // Children follow their parent in the file, so compare as sets by id.
  assert.deepEqual([...back].sort((a, b) => a.id.localeCompare(b.id)), [...cb].sort((a, b) => a.id.localeCompare(b.id)));
});

test("the .qdc is a REFI-QDA codebook: namespace, nested Code with guid, name, isCodable, color and Description", () => {
  const xml = exportQdc(codebookWithHierarchy());
  const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "", isArray: (n) => n === "Code" }).parse(xml);
  assert.equal(parsed.CodeBook.xmlns, QDC_NAMESPACE);
  const codes = parsed.CodeBook.Codes.Code;
  assert.equal(codes.length, 9);
  const arms = codes.find((c: any) => c.name === "무기 거래");
  assert.match(arms.guid, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  assert.equal(arms.isCodable, "true");
  assert.match(arms.color, /^#[0-9A-F]{6}$/);
  assert.match(arms.Description, /\[en\] Arms trade/);
  assert.equal(arms.Code[0].name, "이란제 드론 & <부품>");
  // Stable guids: the same codebook exports the same file.
  assert.equal(exportQdc(defaultCodebook()), exportQdc(defaultCodebook()));
});

test("a codebook from another tool is read: names by script, nesting, missing colours from the palette", () => {
  const xml = `<?xml version="1.0" encoding="utf-8"?>
<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="MAXQDA 2022">
  <Codes>
    <Code guid="{0A1B2C3D-0000-4000-8000-000000000001}" name="Security" isCodable="false" color="#ff0000">
      <Description>Security in general &amp; defence</Description>
      <Code guid="0a1b2c3d-0000-4000-8000-000000000002" name="북핵" isCodable="true"/>
    </Code>
  </Codes>
</CodeBook>`;
  const cb = importQdc(xml, "maxqda.qdc");
  assert.equal(cb.length, 2);
  assert.deepEqual(cb[0].label, { ko: "", en: "Security" });
  assert.equal(cb[0].description.en, "Security in general & defence");
  assert.equal(cb[0].color, "#FF0000");
  assert.deepEqual(cb[1].label, { ko: "북핵", en: "" });
  assert.equal(cb[1].parent, cb[0].id);
  assert.match(cb[1].color, /^#[0-9A-F]{6}$/);
});

test("bad codebook files are refused with the file and the place named", () => {
  const cases: [string, string, RegExp][] = [
    ["<CodeBook><Codes>", "themes:qdc.notXml", /bad\.qdc is not valid XML \(line 1/],
    ['<?xml version="1.0"?><Project xmlns="urn:QDA-XML:project:1.0"/>', "themes:qdc.notCodebook", /found <Project>/],
    ['<!DOCTYPE x [<!ENTITY a "aaaa">]><CodeBook xmlns="urn:QDA-XML:codebook:1.0"/>', "themes:qdc.doctype", /DOCTYPE/],
    ['<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code guid="0a1b2c3d-0000-4000-8000-000000000001" name="a"><Code guid="x" name="b"/></Code></Codes></CodeBook>', "themes:qdc.badGuid", /Codes › Code 1 › Code 1 has no valid guid/],
    ['<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code guid="0a1b2c3d-0000-4000-8000-000000000001" name=""/></Codes></CodeBook>', "themes:qdc.noName", /Code 1 has no name/],
  ];
  for (const [xml, key, message] of cases) {
    assert.throws(() => importQdc(xml, "bad.qdc"), (e: unknown) => e instanceof DariError && e.key === key && message.test(e.message), key);
  }
});

test("the qdc export format writes the project's codebook", async () => {
  const qdc = exporters.qdc;
  assert.ok(qdc, "qdc is registered");
  const out = await qdc.run({ meta: emptyMeta(), codebook: defaultCodebook(), glossary: [], doc: buildDoc([{ segments: [{ ko: "가", en: "a" }] }]) }, {});
  assert.equal(qdc.extension, "qdc");
  assert.equal(importQdc(String(out)).length, 9);
});

test("an ENTITY declaration is refused even without a DOCTYPE", () => {
  const xml = `<?xml version="1.0"?><!ENTITY x "y"><CodeBook xmlns="${QDC_NAMESPACE}"><Codes/></CodeBook>`;
  assert.throws(() => importQdc(xml, "evil.qdc"), (e) => e instanceof DariError && /evil\.qdc/.test(e.message));
});

test("a malformed .qdc names the file, line and column, and what is wrong there", () => {
  const xml = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<CodeBook xmlns="${QDC_NAMESPACE}">`,
    "  <Codes>",
    '    <Code guid="0a1b2c3d-0000-4000-8000-000000000001" name="우주 협력">',
    "  </Codes>",
    "</CodeBook>",
  ].join("\n");
  assert.throws(
    () => importQdc(xml, "broken.qdc"),
    (e) => e instanceof DariError && e.key === "themes:qdc.notXml" && /^broken\.qdc is not valid XML \(line 5, column 3\): .*'Code'/.test(e.message),
  );
  // An entity no DTD defines is refused where it stands, not kept as text.
  const undefinedEntity = `<CodeBook xmlns="${QDC_NAMESPACE}"><Codes>\n<Code guid="0a1b2c3d-0000-4000-8000-000000000001" name="a &foo; b"/></Codes></CodeBook>`;
  assert.throws(
    () => importQdc(undefinedEntity, "broken.qdc"),
    (e) => e instanceof DariError && e.key === "themes:qdc.notXml" && /\(line 2, column \d+\): undefined entity &foo;/.test(e.message),
  );
});

test("an external entity is refused before anything is read, with the line of the DOCTYPE", () => {
  const xml = [
    '<?xml version="1.0"?>',
    '<!DOCTYPE CodeBook [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
    `<CodeBook xmlns="${QDC_NAMESPACE}"><Codes><Code guid="0a1b2c3d-0000-4000-8000-000000000001" name="&xxe;"/></Codes></CodeBook>`,
  ].join("\n");
  assert.throws(
    () => importQdc(xml, "evil.qdc"),
    (e) => e instanceof DariError && e.key === "themes:qdc.doctype" && e.message === "evil.qdc: a DOCTYPE is not allowed in a codebook (line 2)",
  );
});

test("a codebook with a namespace prefix, padded attributes and CDATA reads as written", () => {
  const xml = `<q:CodeBook xmlns:q="${QDC_NAMESPACE}"><q:Codes>
  <q:Code guid=" {0A1B2C3D-0000-4000-8000-000000000001} " name=" Space " color=" #ff0000 ">
    <q:Description>
      Launch sites &amp; <![CDATA[R&D <not markup> &amp;]]>
    </q:Description>
  </q:Code>
</q:Codes></q:CodeBook>`;
  const [space] = importQdc(xml, "prefixed.qdc");
  assert.deepEqual(space.label, { ko: "", en: "Space" });
  assert.equal(space.id, "0a1b2c3d-0000-4000-8000-000000000001");
  assert.equal(space.color, "#FF0000");
  // CDATA is text as it stands: its "&amp;" is not an entity.
  assert.equal(space.description.en, "Launch sites & R&D <not markup> &amp;");
  // A CodeBook in another namespace is not a REFI-QDA codebook.
  assert.throws(() => importQdc(`<CodeBook xmlns="urn:other"/>`, "other.qdc"), (e) => e instanceof DariError && e.key === "themes:qdc.notCodebook");
});

test("a theme's key from a .qdc follows the codebook's rule: one letter, lower case, or none", () => {
  const code = (n: number, shortcut: string) =>
    `<Code guid="0a1b2c3d-0000-4000-8000-00000000000${n}" name="Code ${n}"><Description>[dari] ${JSON.stringify({ id: `c${n}`, shortcut })}</Description></Code>`;
  // As another tool or a hand edit may leave them: upper case, padded, a word, a digit, a Hangul letter, a symbol.
  const keys = ["S", " a ", "arms", "1", "ㄱ", "-"];
  const xml = `<CodeBook xmlns="${QDC_NAMESPACE}"><Codes>${keys.map((k, i) => code(i + 1, k)).join("")}</Codes></CodeBook>`;
  assert.deepEqual(
    importQdc(xml, "keys.qdc").map((c) => c.shortcut),
    ["s", "a", "", "", "", ""],
    "a digit belongs to the panel order and a word's first letter is not what the analyst chose",
  );
});
