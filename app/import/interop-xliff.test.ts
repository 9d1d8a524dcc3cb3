// The XLIFF files other tools wrote (../shared/interop): Trados .sdlxliff,
// memoQ .mqxliff, plain XLIFF 1.2, OmegaT's 1.x and 2.0 files, and the
// OASIS XLIFF 2.1 and 2.2 test suites. As they are, each either imports or is
// refused for its languages (none has Korean) or for holding no segment,
// never as "not XLIFF". With their languages set to ko-KR → en-US (only that
// edit, as ../shared/interop/derived did for the 2.1 suite), each imports,
// its export validates with xmllint (XLIFF 1.2 strict, or transitional where
// the tool's extensions need it; 2.x core and modules through a driver
// schema) and reads back to the same segments.
import { test } from "node:test";
import assert from "node:assert/strict";
import type { Node as PMNode } from "prosemirror-model";
import { importInterchange } from "./interchange";
import { decodeText } from "./decode";
import type { Project } from "../document/project";
import { exportXliff } from "../export/xliff";
import { exportXliff12 } from "../export/xliff12";
import { errorOf, listFolder } from "../../test/support";
import { inlineElements, interopBytes, interopFiles, interopPath, xliff12Driver, xliff2Driver, xmllint } from "../../test/interop";
import { parseXml } from "./xml";

const DISFR = "disfr/UnitTestDisfrDoc/Samples";
const OMEGAT = "omegat/src/test/resources/data/filters/xliff";
const XLIFF12_FILES = [
  ...interopFiles(DISFR, /\.(sdlxliff|mqxliff)$|^Xliff\d\.xliff$|^Crafted.*\.xliff$|^empty-xliff12\.xliff$/),
  ...interopFiles(`${OMEGAT}/filters3`, /\.xliff?$|\.xlf$/),
  ...interopFiles(`${OMEGAT}/filters4-xliff1`, /\.xlf$/),
  "omegat/src/test/resources/data/tmx/TMXComplianceKit/ExportTest1E.xlf",
];
const XLIFF2_FILES = [
  ...interopFiles(`${OMEGAT}/filters4-xliff2`, /\.xlf$/),
  ...["xliff-21", "xliff-22"].flatMap((v) => ["core", "modules"].flatMap((k) => interopFiles(`schemas/oasis/${v}/test-suite/${k}/valid`, /\.xlf$/))),
];
/** Files with no unit at all: refused as having no segments. */
const EMPTY = /\/(Crafted00|empty-xliff12|almostEmpty)\.xl/;
/**
 * Not well-formed XML, refused as such: an OASIS "valid" file with a <target> opened in the wrong
 * place, and OmegaT's test file of a control character XML 1.0 forbids.
 */
const BROKEN = /\/(Good-pgs_plural\.xlf|file-XLIFFFilter-invalid-content\.xlf)$/;
/**
 * Whether the original itself is valid (its root put in the XLIFF 1.2 namespace when it had 1.1's or
 * none). Some are not, in what their export keeps as it was: a phase date that is no xs:dateTime
 * (Xliff1), its:version="2.2" in a 2.1 file, OmegaT's <it> without id and pos, memoQ's ept whose rid
 * matches no bpt; their exports are held to reading back, not to the schema.
 */
function originalValid(xml: string, version: string): boolean {
  const normal = xml.replace(/<xliff\b([^>]*)>/, (_m, attrs: string) => `<xliff${attrs.replace(/\sxmlns=(["'])[^"']*\1/, "")} xmlns="urn:oasis:names:tc:xliff:document:1.2">`);
  if (version.startsWith("2")) return !xmllint(xml, schemaFor(version, xml), "original.xlf");
  return !xmllint(normal, ["--schema", driver("strict")], "original.xlf") || !xmllint(normal, ["--schema", driver("transitional")], "original.xlf");
}

const text = (rel: string) => decodeText(rel, interopBytes(rel)).text;
const nameOf = (rel: string) => rel.split("/").pop()!;
/** The one edit: the file's languages (and its segments' xml:lang) set to Korean → English. */
const toKoEn = (xml: string) =>
  xml
    .replace(/\b(srcLang|source-language)=(["'])[^"']*\2/g, '$1="ko-KR"')
    .replace(/\b(trgLang|target-language)=(["'])[^"']*\2/g, '$1="en-US"');

function beads(doc: PMNode): { ko: string; en: string }[] {
  const out: { ko: string; en: string }[] = [];
  doc.descendants((n) => {
    if (n.type.name === "segment") out.push({ ko: n.child(0).textContent, en: n.child(1).textContent });
    return n.type.name !== "segment";
  });
  return out;
}

let drivers: Record<string, string> | null = null;
function driver(which: "2.1" | "2.2" | "strict" | "transitional"): string {
  drivers ??= { "2.1": xliff2Driver("xliff-21"), "2.2": xliff2Driver("xliff-22"), strict: xliff12Driver("strict"), transitional: xliff12Driver("transitional") };
  return drivers[which];
}
function schemaFor(version: string, out: string): string[] {
  if (version.startsWith("2")) return ["--schema", driver(version === "2.2" ? "2.2" : "2.1")];
  return ["--schema", xmllint(out, ["--schema", driver("strict")]) ? driver("transitional") : driver("strict")];
}

for (const rel of [...XLIFF12_FILES, ...XLIFF2_FILES]) {
  const name = nameOf(rel);
  test(`${rel.replace(/^.*?(test-suite|Samples|xliff\/|TMXComplianceKit)\/?/, "")}: read as XLIFF; with ko → en it imports, exports valid and reads back`, async () => {
    const original = text(rel);
    if (BROKEN.test(rel)) {
      assert.equal(errorOf(() => importInterchange(name, original)).key, "export:interchange.notXml");
      return;
    }
    // As it is: no file is refused as "not XLIFF"; without Korean, the refusal names its languages.
    const e = errorOf(() => importInterchange(name, original));
    assert.ok(["export:interchange.missingLanguages", "export:interchange.noSegments"].includes(e.key), `${e.key}: ${e.message}`);
    if (e.key === "export:interchange.missingLanguages") assert.match(e.message, /but the file contains \S/);
    const koEn = toKoEn(original);
    if (EMPTY.test(rel)) {
      assert.equal(errorOf(() => importInterchange(name, koEn)).key, "export:interchange.noSegments");
      return;
    }
    const p: Project = importInterchange(name, koEn);
    // A source-only file names no target language: English is taken.
    assert.deepEqual([p.meta.srcLang, p.meta.tgtLang], ["ko-KR", /trgLang|target-language/.test(original) ? "en-US" : "en"]);
    const version = JSON.parse(p.meta.origin!).version as string;
    const out = version.startsWith("2") ? await exportXliff(p) : await exportXliff12(p);
    if (originalValid(koEn, version)) assert.equal(xmllint(out, schemaFor(version, out), name), "", "the export validates");
    else assert.ok(!/Xliff2\.xliff|sdlxliff|everything-core|withNotes/.test(rel), "the files these tests lean on are valid");
    const back = importInterchange(name, out);
    assert.deepEqual(beads(back.doc), beads(p.doc), "the export reads back to the same segments");
    // Every inline code comes back, in order (of sources and targets alike).
    assert.deepEqual(inlineElements(out, (x) => parseXml(x, name)), inlineElements(koEn, (x) => parseXml(x, name)), "the inline codes, in order");
  });
}

test("every XLIFF file of disfr's samples, OmegaT's filters and the OASIS valid suites is tried above", () => {
  const tried = new Set([...XLIFF12_FILES, ...XLIFF2_FILES]);
  for (const dir of [...["xliff-21", "xliff-22"].flatMap((v) => ["core", "modules"].map((k) => `schemas/oasis/${v}/test-suite/${k}/valid`)), `${OMEGAT}/filters3`, `${OMEGAT}/filters4-xliff1`, `${OMEGAT}/filters4-xliff2`])
    for (const f of listFolder(interopPath(dir)).filter((f) => /\.(xlf|xliff)$/.test(f))) assert.ok(tried.has(`${dir}/${f}`), `${dir}/${f}`);
  assert.ok(XLIFF12_FILES.filter((f) => /\.(sdlxliff|mqxliff)$/.test(f)).length >= 4, "the Trados and memoQ files are among them");
});

test("derived/xliff21-ko-en: the OASIS 2.1 suite in Korean → English imports as it is", async () => {
  const files = interopFiles("derived/xliff21-ko-en", /\.xlf$/);
  assert.ok(files.length >= 55);
  for (const rel of files) {
    if (/almostEmpty/.test(rel)) {
      assert.equal(errorOf(() => importInterchange(nameOf(rel), text(rel))).key, "export:interchange.noSegments");
      continue;
    }
    // Its languages are in single quotes, which the derivation missed: it is still en → pt.
    if (/withValidation/.test(rel)) {
      assert.match(errorOf(() => importInterchange(nameOf(rel), text(rel))).message, /contains en, pt$/);
      continue;
    }
    const p = importInterchange(nameOf(rel), text(rel));
    assert.equal(p.meta.srcLang.slice(0, 2), "ko", rel);
  }
});

test("derived/sample1-en-ko.xlf: an en → ko XLIFF 2 keeps Korean on the ko side and goes back en → ko", async () => {
  const p = importInterchange("sample1-en-ko.xlf", text("derived/sample1-en-ko.xlf"));
  assert.equal(p.meta.srcLang.slice(0, 2), "en");
  assert.equal(p.meta.tgtLang.slice(0, 2), "ko");
  // Its languages were relabelled only: the target (now the ko side) is still German.
  const [first] = beads(p.doc);
  assert.match(first.ko, /^Drücken Sie die TAB-TASTE\./);
  assert.match(first.en, /^Press the TAB key\./);
  const out = await exportXliff(p);
  assert.match(out, new RegExp(`srcLang="${p.meta.srcLang}" trgLang="${p.meta.tgtLang}"`));
  // Its inline codes (the glossary's term marks) are back in place.
  assert.match(out, /<source>Press the <mrk id="m1" type="term">TAB key<\/mrk>\.\s*<\/source><target>Drücken Sie die <mrk id="m2" type="term">TAB-TASTE<\/mrk>\./);
  assert.equal(xmllint(out, schemaFor("2.1", out)), "");
});

test("Trados .sdlxliff: segments inside <g>, sdl:seg conf as status, Trados' header and seg-defs kept on the way back", async () => {
  const rel = `${DISFR}/Language_Support.doc.sdlxliff`;
  const p = importInterchange("Language_Support.doc.sdlxliff", toKoEn(text(rel)));
  const seg = beads(p.doc).find((b) => b.ko === "Language Support")!;
  assert.equal(seg.en, "Langues prises en charge");
  let status = "";
  p.doc.descendants((n) => {
    if (n.type.name === "segment" && n.child(0).textContent === "Language Support") status = n.attrs.status;
    return n.type.name !== "segment";
  });
  assert.equal(status, "translated", "sdl:seg conf=Translated");
  const out = await exportXliff12(p);
  assert.match(out, /<seg-source><g id="pt1"><mrk mtype="seg" mid="1">Language Support<\/mrk><\/g><\/seg-source>/);
  assert.match(out, /<target state="[^"]+"><g id="pt1"><mrk mtype="seg" mid="1">Langues prises en charge<\/mrk><\/g><\/target>/);
  assert.match(out, /<doc-info xmlns="http:\/\/sdl\.com\/FileTypes\/SdlXliff\/1\.0">/);
  assert.match(out, /<sdl:seg-defs><sdl:seg id="1" conf="Translated"/);
  assert.match(out, /<xliff xmlns:sdl="http:\/\/sdl\.com\/FileTypes\/SdlXliff\/1\.0"/);
});

test("memoQ .mqxliff: mq:status read as the status, memoQ's attributes and header kept", async () => {
  const rel = `${DISFR}/ChangeTracking_memoQ_1.mqxliff`;
  const p = importInterchange("ChangeTracking_memoQ_1.mqxliff", toKoEn(text(rel)));
  const statuses: string[] = [];
  p.doc.descendants((n) => {
    if (n.type.name === "segment") statuses.push(n.attrs.status);
    return n.type.name !== "segment";
  });
  assert.ok(statuses.every((s) => s === "draft"), "PartiallyEdited is a draft");
  const out = await exportXliff12(p);
  assert.match(out, /<trans-unit id="1" mq:minorversionend="1"[^>]*mq:status="PartiallyEdited"/);
  assert.match(out, /<tool tool-id="MQ" tool-name="MemoQ"/);
});

test("notes and ids survive: file, group and unit notes (2.x), header and trans-unit notes (1.2), ids that start with a digit", async () => {
  const p = importInterchange("withNotes.xlf", toKoEn(text("schemas/oasis/xliff-21/test-suite/core/valid/withNotes.xlf")));
  const seg = p.doc.firstChild!.firstChild!;
  assert.equal(seg.attrs.note, "note for unit", "the unit's note is its segment's note");
  const out = await exportXliff(p);
  assert.match(out, /<file id="f1">(<mda:metadata>.*?<\/mda:metadata>)?<notes>\s*<note>note for file<\/note>\s*<\/notes>/);
  assert.match(out, /<group id="g1"><notes>\s*<note>note for group<\/note>\s*<\/notes>/);
  assert.match(out, /<unit id="1">[\s\S]*<notes><note>note for unit<\/note><\/notes>[\s\S]*<segment id="s1"/);
  // The analyst edits the note: the new text goes back as the unit's note.
  const { EditorState } = await import("prosemirror-state");
  const tr = EditorState.create({ doc: p.doc }).tr.setNodeMarkup(1, undefined, { ...seg.attrs, note: "확인 필요" });
  const edited = await exportXliff({ ...p, doc: tr.doc });
  assert.match(edited, /<unit id="1">[\s\S]*<notes><note>확인 필요<\/note><\/notes>/);
  assert.match(edited, /<notes>\s*<note>note for file<\/note>/, "the file's note is still there");

  // XLIFF 1.2 (Xliff2.xliff): the header note, trans-unit ids 1, 2… and translate="no" are kept.
  const q = importInterchange("Xliff2.xliff", toKoEn(text(`${DISFR}/Xliff2.xliff`)));
  const out12 = await exportXliff12(q);
  assert.match(out12, /<header>[\s\S]*<note xml:lang="en-US" from="editor">This file contains some labels\/messages from GIMP application\.<\/note>/);
  assert.match(out12, /<trans-unit id="1" translate="no"[ >]/);
  assert.match(out12, /<trans-unit id="2">/);
  assert.match(out12, /<alt-trans match-quality="99%" origin="v11\/messages\.xml">/, "another tool's matches are kept");
  let firstStatus = "";
  q.doc.descendants((n) => {
    if (n.type.name === "segment" && !firstStatus) firstStatus = n.attrs.status;
    return n.type.name !== "segment";
  });
  assert.equal(firstStatus, "reviewed", 'translate="no": nothing to do');
});

test("a status changed in Dari reaches Trados' sdl:seg conf and memoQ's mq:status; unchanged ones stay as the tool wrote them", async () => {
  const { EditorState } = await import("prosemirror-state");
  const sdl = importInterchange("a.sdlxliff", toKoEn(text(`${DISFR}/Language_Support.doc.sdlxliff`)));
  let pos = -1;
  let seg: PMNode | null = null;
  sdl.doc.descendants((n, p) => {
    if (n.type.name === "segment" && n.child(0).textContent === "Language Support") [pos, seg] = [p, n];
    return n.type.name !== "segment";
  });
  const untouched = await exportXliff12(sdl);
  assert.match(untouched, /<sdl:seg id="1" conf="Translated" origin="tm"/);
  const reviewed = EditorState.create({ doc: sdl.doc }).tr.setNodeMarkup(pos, undefined, { ...seg!.attrs, status: "reviewed" }).doc;
  const out = await exportXliff12({ ...sdl, doc: reviewed });
  const unit = /<trans-unit id="2180eee9[^]*?<\/trans-unit>/.exec(out)![0];
  assert.match(unit, /<sdl:seg id="1" conf="ApprovedTranslation" origin="tm"/);
  assert.equal([...unit.matchAll(/ conf=/g)].length, 1);
  const back = importInterchange("b.sdlxliff", out);
  let status = "";
  back.doc.descendants((n) => {
    if (n.type.name === "segment" && n.child(0).textContent === "Language Support") status = n.attrs.status;
    return n.type.name !== "segment";
  });
  assert.equal(status, "reviewed");

  const mq = importInterchange("a.mqxliff", toKoEn(text(`${DISFR}/ChangeTracking_memoQ_1.mqxliff`)));
  const first = mq.doc.firstChild!.firstChild!;
  const done = EditorState.create({ doc: mq.doc }).tr.setNodeMarkup(1, undefined, { ...first.attrs, status: "translated" }).doc;
  const mqOut = await exportXliff12({ ...mq, doc: done });
  assert.match(mqOut, /<trans-unit id="1"[^>]* mq:status="ManuallyConfirmed"/);
  assert.match(mqOut, /<trans-unit id="2"[^>]* mq:status="PartiallyEdited"/);
});
