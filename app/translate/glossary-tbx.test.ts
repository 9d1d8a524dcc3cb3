import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { glossaryFromTbx, glossaryToTbx } from "./glossary-tbx";
import { glossaryFromCsv, glossaryToCsv } from "./glossary-csv";
import { defaultGlossary } from "./default-glossary";
import { DariError } from "../errors";
import { newId } from "../ids";
import { readText, tempFolder, writeTestFile } from "../../test/support";

test("TBX-Basic round-trips the default glossary through a file", () => {
  const dir = tempFolder("dari-tbx-");
  const file = join(dir, "glossary.tbx");
  const g = defaultGlossary();
  writeTestFile(file, glossaryToTbx(g));
  const back = glossaryFromTbx(readText(file), file);
  assert.deepEqual(back.map(({ id: _i, ...rest }) => rest), g.map(({ id: _i, ...rest }) => rest));
});

test("TBX v2 (martif) files from other tools are read, deprecated terms become forbidden", () => {
  const v2 = `<?xml version="1.0"?>
<martif type="TBX-Basic" xml:lang="en">
 <text><body>
  <termEntry id="t7">
   <descrip type="definition">Talks on the North Korean nuclear programme &amp; its end.</descrip>
   <langSet xml:lang="ko-KR"><tig><term>6자 회담</term></tig></langSet>
   <langSet xml:lang="en-US">
    <tig><term>six-way talks</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></tig>
    <ntig><termGrp><term>Six-Party Talks</term></termGrp></ntig>
   </langSet>
  </termEntry>
 </body></text>
</martif>`;
  const [e] = glossaryFromTbx(v2, "old.tbx");
  assert.equal(e.ko, "6자 회담");
  assert.equal(e.en, "Six-Party Talks");
  assert.deepEqual(e.forbidden, ["six-way talks"]);
  assert.equal(e.note, "Talks on the North Korean nuclear programme & its end.");
});

test("bad TBX gives an error naming the file and the entry", () => {
  // An XML file that is no termbase (here an XLIFF picked by mistake) holds no entries to read.
  assert.throws(() => glossaryFromTbx(`<xliff version="1.2"><file><body/></file></xliff>`, "notes.xml"), (e: unknown) => e instanceof DariError && /notes\.xml/.test(e.message) && /no term entries/.test(e.message));
  const noEn = `<tbx><text><body><conceptEntry><langSec xml:lang="ko"><termSec><term>북러</term></termSec></langSec></conceptEntry></body></text></tbx>`;
  assert.throws(() => glossaryFromTbx(noEn, "g.tbx"), (e: unknown) => e instanceof DariError && /g\.tbx, entry 1/.test(e.message) && /English/.test(e.message));
  assert.throws(() => glossaryFromTbx("<tbx><text>", "broken.tbx"), (e: unknown) => e instanceof DariError && /broken\.tbx/.test(e.message));
  const bomb = `<?xml version="1.0"?><!DOCTYPE tbx [<!ENTITY a "aaaa">]><tbx>&a;</tbx>`;
  assert.throws(() => glossaryFromTbx(bomb, "bomb.tbx"), (e: unknown) => e instanceof DariError && /bomb\.tbx/.test(e.message));
});

test("markup and control characters in a glossary stay readable TBX", () => {
  const g = [{ id: "g<1>", ko: "북러 & 한미일", en: "<b>North Korea–Russia</b>", note: "memo \u0007 \"quoted\"", forbidden: ["]]>"] }];
  const back = glossaryFromTbx(glossaryToTbx(g), "hostile.tbx");
  assert.equal(back.length, 1);
  assert.equal(back[0].ko, g[0].ko);
  assert.equal(back[0].en, g[0].en);
  assert.deepEqual(back[0].forbidden, ["]]>"]);
  assert.equal(back[0].note, 'memo \u2407 "quoted"', "the control character (not allowed in XML) is written as its visible symbol");
});

// --- The exported structure, read by an XML parser other than our own importer ---

const parseTbx = (xml: string) =>
  new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: "@",
    parseTagValue: false,
    isArray: (name) => ["conceptEntry", "langSec", "termSec", "termNote", "note"].includes(name),
  }).parse(xml);

interface ParsedTermSec {
  term: string;
  termNote: { "#text": string; "@type": string }[];
}

const termSecs = (concept: any, lang: string): ParsedTermSec[] => concept.langSec.find((s: any) => s["@xml:lang"] === lang).termSec;

test("exported TBX is a TBX-Basic v3 document: one concept entry per term, Korean and English language sections", () => {
  const g = defaultGlossary();
  const xml = glossaryToTbx(g);
  assert.equal(XMLValidator.validate(xml), true);
  const doc = parseTbx(xml);
  assert.equal(doc["?xml"]["@encoding"], "UTF-8");
  assert.equal(doc.tbx["@type"], "TBX-Basic");
  assert.equal(doc.tbx["@style"], "dca");
  assert.equal(doc.tbx["@xmlns"], "urn:iso:std:iso:30042:ed-2");
  assert.ok(doc.tbx.tbxHeader.fileDesc, "the header describes the file");
  const concepts = doc.tbx.text.body.conceptEntry;
  assert.equal(concepts.length, g.length);
  concepts.forEach((c: any, i: number) => {
    assert.deepEqual(c.langSec.map((s: any) => s["@xml:lang"]), ["ko", "en"], `entry ${i + 1}`);
    assert.deepEqual(termSecs(c, "ko").map((s) => s.term), [g[i].ko]);
    assert.equal(termSecs(c, "en")[0].term, g[i].en);
  });
});

test("exported TBX marks the preferred English term and the forbidden renderings, and writes the note on the concept", () => {
  const xml = glossaryToTbx([
    { id: "g-1", ko: "6자 회담", en: "Six-Party Talks", note: "Not six-way talks.", forbidden: ["six-way talks", "six-nation talks"] },
    { id: "g-2", ko: "푸틴", en: "Putin", note: "", forbidden: [] },
  ]);
  const [talks, putin] = parseTbx(xml).tbx.text.body.conceptEntry;
  assert.deepEqual(talks.note, ["Not six-way talks."]);
  assert.deepEqual(
    termSecs(talks, "en").map((s) => [s.term, s.termNote.map((n) => `${n["@type"]}=${n["#text"]}`)]),
    [
      ["Six-Party Talks", ["administrativeStatus=preferredTerm-admn-sts"]],
      ["six-way talks", ["administrativeStatus=deprecatedTerm-admn-sts"]],
      ["six-nation talks", ["administrativeStatus=deprecatedTerm-admn-sts"]],
    ],
  );
  assert.equal(putin.note, undefined, "no empty note");
  assert.equal(termSecs(putin, "en").length, 1, "no forbidden renderings, no deprecated terms");
});

test("markup characters are escaped in exported TBX, and a parser reads back the original text", () => {
  const g = [{ id: "g-1", ko: "북러 & 한미일 <초안>", en: "<b>North Korea–Russia</b> & \"Japan\"", note: "a < b > c ]]> 'd'", forbidden: ["]]>", "R&D"] }];
  const xml = glossaryToTbx(g);
  assert.equal(XMLValidator.validate(xml), true);
  assert.ok(!xml.includes("<b>") && !xml.includes("<초안>") && !xml.includes(" & "), "no raw markup characters in the text");
  const [c] = parseTbx(xml).tbx.text.body.conceptEntry;
  assert.equal(termSecs(c, "ko")[0].term, g[0].ko);
  assert.deepEqual(termSecs(c, "en").map((s) => s.term), [g[0].en, ...g[0].forbidden]);
  assert.deepEqual(c.note, [g[0].note]);
});

test("concept ids in exported TBX are valid, distinct XML ids whatever ids the entries carry", () => {
  const entry = (id: string, ko: string) => ({ id, ko, en: "x", note: "", forbidden: [] });
  // Ids from hand-edited data, two imports of files that both number from c1, and entries without an id.
  const g = [entry("g<1>", "가"), entry("g-c1", "나"), entry("g-c1", "다"), entry("", "라"), entry("c5", "마"), entry("3", "바"), entry("g-default-1", "사")];
  const ids: string[] = parseTbx(glossaryToTbx(g)).tbx.text.body.conceptEntry.map((c: any) => c["@id"]);
  assert.equal(ids.length, g.length);
  for (const id of ids) assert.match(id, /^[\p{L}_][\p{L}\p{N}_.-]*$/u, `${id} is not an XML name`);
  assert.equal(new Set(ids).size, ids.length, `ids repeat: ${ids.join(" ")}`);
  assert.equal(ids[1], "g-c1", "a good id is kept");
  assert.equal(ids[6], "g-default-1");
});

test("blank notes and forbidden renderings are not written as empty TBX elements", () => {
  const [c] = parseTbx(glossaryToTbx([{ id: "g-1", ko: "푸틴", en: "Putin", note: "  ", forbidden: ["", " ", "Poutine"] }])).tbx.text.body.conceptEntry;
  assert.equal(c.note, undefined);
  assert.deepEqual(termSecs(c, "en").map((s) => s.term), ["Putin", "Poutine"]);
});

test("ids stay the same over two export and import round trips", () => {
  // A termbase from another tool: its ids get "g-" on the first import, and only then.
  const foreign = `<martif type="TBX-Basic"><text><body>
    <termEntry id="t7"><langSet xml:lang="ko"><tig><term>6자 회담</term></tig></langSet><langSet xml:lang="en"><tig><term>Six-Party Talks</term></tig></langSet></termEntry>
  </body></text></martif>`;
  const fromTool = glossaryFromTbx(foreign, "other-tool.tbx");
  assert.deepEqual(fromTool.map((e) => e.id), ["g-t7"]);
  const own = [
    defaultGlossary()[0],
    { id: newId("g"), ko: "북러", en: "North Korea–Russia", note: "", forbidden: [] },
    // Not an XML name, so the export numbers it; from then on that number is its id.
    { id: "g<1>", ko: "신냉전", en: "new Cold War", note: "", forbidden: [] },
  ];
  const g = [...fromTool, ...own];
  const once = glossaryFromTbx(glossaryToTbx(g), "once.tbx");
  const twice = glossaryFromTbx(glossaryToTbx(once), "twice.tbx");
  assert.deepEqual(once.map((e) => e.id), ["g-t7", "g-default-1", own[1].id, "g-c1"]);
  assert.deepEqual(twice.map((e) => e.id), once.map((e) => e.id));
  assert.deepEqual(twice, once, "nothing else changes either");
});

test("an empty glossary exports and imports back as empty, in TBX as in CSV", () => {
  const tbx = glossaryToTbx([]);
  assert.equal(XMLValidator.validate(tbx), true);
  assert.deepEqual(glossaryFromTbx(tbx, "empty.tbx"), []);
  // A TBX v2 termbase with no entries reads the same way.
  assert.deepEqual(glossaryFromTbx(`<martif type="TBX-Basic"><text><body/></text></martif>`, "empty-v2.tbx"), []);
  const csv = glossaryToCsv([]);
  assert.equal(csv, "ko,en,note,forbidden\r\n", "the header alone");
  assert.deepEqual(glossaryFromCsv(csv, "empty.csv"), []);
  // An empty file is no glossary at all: it is refused, naming the file.
  assert.throws(() => glossaryFromCsv("", "blank.csv"), (e: unknown) => e instanceof DariError && /blank\.csv/.test(e.message));
});
