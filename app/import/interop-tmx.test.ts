// The TMX files other tools wrote (../shared/interop): each one is read (its
// DOCTYPE line naming an external DTD accepted, UTF-16 and supplementary-plane
// characters included), and either imports or is refused naming the
// languages it contains. Exports validate against the TMX 1.4 DTD.
import { test } from "node:test";
import assert from "node:assert/strict";
import { importInterchange, importInterchangeBytes } from "./interchange";
import { parseXml, textOf } from "./xml";
import { decodeText } from "./decode";
import type { ImportWarning } from "./languages";
import { exportTmx } from "../export/tmx";
import { errorOf, listFolder } from "../../test/support";
import { interopBytes, interopPath, xmllint } from "../../test/interop";

const TMX = "omegat/src/test/resources/data/tmx";
const KIT = `${TMX}/TMXComplianceKit`;
const DISFR = "disfr/UnitTestDisfrDoc/Samples";

/** What each real file must give: segments imported, or a refusal naming the languages it holds. */
type Outcome = { segments: number; ko: string; en: string } | { refused: string[] } | { empty: true };
const FILES: [string, Outcome][] = [
  [`${DISFR}/XuanZang.tmx`, { segments: 51, ko: "ko", en: "en" }],
  [`${DISFR}/my_memory.tmx`, { refused: ["EN-GB", "RU-RU"] }],
  [`${DISFR}/tmx_sample_document.tmx`, { refused: ["EN", "FR-CA", "FR-FR"] }],
  [`${DISFR}/multilanguage.tmx`, { refused: ["en", "zh", "es", "fr", "it", "de", "ru"] }],
  [`${DISFR}/empty-tmx.tmx`, { empty: true }],
  ["schemas/openxliff/i18n/OpenXLIFF_Java_es.tmx", { refused: ["en", "es"] }],
  [`${TMX}/empty.tmx`, { empty: true }],
  [`${TMX}/en-US_en-GB_fr_sr.tmx`, { refused: ["en-US", "en-GB", "fr", "sr"] }],
  [`${TMX}/en-US_sr.tmx`, { refused: ["en-US", "sr"] }],
  [`${TMX}/en-ca.tmx`, { refused: ["en-US", "ca"] }],
  [`${TMX}/invalid.tmx`, { refused: ["en", "be"] }],
  [`${TMX}/project_save.tmx`, { refused: ["en", "fr"] }],
  [`${TMX}/resegmenting.tmx`, { refused: ["en", "fr"] }],
  [`${TMX}/resegmenting11.tmx`, { refused: ["en", "fr"] }],
  [`${TMX}/segment_2.tmx`, { refused: ["en", "ja"] }],
  [`${TMX}/test-SMP.tmx`, { refused: ["en", "be"] }],
  [`${TMX}/test-level1.tmx`, { refused: ["en", "be", "en-US", "es", "en-GB"] }],
  [`${TMX}/test-level2.tmx`, { refused: ["en", "be"] }],
  [`${TMX}/test-match-stat-en-ca.tmx`, { refused: ["en", "ca"] }],
  [`${TMX}/test-match-stat-en-ca11.tmx`, { refused: ["en", "ca"] }],
  [`${TMX}/test-missingSource.tmx`, { refused: ["en", "be", "es", "en-GB"] }],
  [`${TMX}/test-multiple-entries.tmx`, { refused: ["en-US", "co"] }],
  [`${TMX}/test-multiple-entries11.tmx`, { refused: ["en-US", "co"] }],
  [`${TMX}/test-multiple-tuv.tmx`, { refused: ["en-US", "es", "es-AR", "es-BO", "fr-CA", "fr", "de", "fr-FR"] }],
  [`${TMX}/test-multiple-tuv14.tmx`, { refused: ["en-US", "es", "es-AR", "es-BO", "fr-CA", "fr", "de", "fr-FR"] }],
  [`${TMX}/test-omegat-invalid.tmx`, { refused: ["en", "be", "en-US", "es", "en-GB"] }],
  [`${TMX}/test-omegat.tmx`, { refused: ["en", "be", "en-US", "es", "en-GB"] }],
  [`${TMX}/test-save-tmx14.tmx`, { refused: ["en-US", "be-BY"] }],
  [`${TMX}/mt/mt1.tmx`, { refused: ["en", "fr"] }],
  [`${TMX}/penalty-010/segment_1.tmx`, { refused: ["fr", "ja"] }],
  ...["ExportTest1A", "ExportTest1B", "ExportTest1C", "ExportTest1D", "ExportTest1E", "ExportTest2A"].map((n): [string, Outcome] => [`${KIT}/${n}.tmx`, { refused: ["en-US", "fr-CA"] }]),
  // UTF-16 (little and big endian) among them.
  ...["ImportTest1A", "ImportTest1B", "ImportTest2A", "ImportTest2A-0index", "ImportTest2B"].map((n): [string, Outcome] => [`${KIT}/${n}.tmx`, { refused: ["en-US", "fr-CA"] }]),
  [`${KIT}/ImportTest1C.tmx`, { refused: ["en-US", "en-GB", "ja-JP", "fr-CA", "es-ES"] }],
  ...["ImportTest1D", "ImportTest1E", "ImportTest1F", "ImportTest1G", "ImportTest1H", "ImportTest1J"].map((n): [string, Outcome] => [`${KIT}/${n}.tmx`, { refused: ["en-US", "en-GB"] }]),
  [`${KIT}/ImportTest1I.tmx`, { refused: ["en-US", "ja-JP"] }],
  [`${KIT}/ImportTest1J_many.tmx`, { refused: ["en-US", "en-GB", "es-ES"] }],
  [`${KIT}/ImportTest1K.tmx`, { refused: ["de-DE", "en-GB", "fr-CA"] }],
  [`${KIT}/ImportTest1L.tmx`, { refused: ["en-US", "fr", "en-GB"] }],
  [`${KIT}/ImportTest2C.tmx`, { refused: ["en-US", "fr", "en-GB"] }],
];

for (const [rel, outcome] of FILES) {
  const name = rel.split("/").pop()!;
  test(`${name}: ${"segments" in outcome ? `imports ${outcome.segments} segments` : "refused" in outcome ? `refused naming ${outcome.refused.join(", ")}` : "no segments"}`, () => {
    const bytes = interopBytes(rel);
    if ("segments" in outcome) {
      const warnings: ImportWarning[] = [];
      const p = importInterchangeBytes(name, bytes, warnings);
      let n = 0;
      p.doc.descendants((node) => {
        if (node.type.name === "segment") n++;
        return node.type.name !== "segment";
      });
      assert.equal(n, outcome.segments);
      return;
    }
    const e = errorOf(() => importInterchangeBytes(name, bytes));
    if ("empty" in outcome) {
      assert.equal(e.key, "export:interchange.noSegments");
      return;
    }
    assert.equal(e.key, "export:interchange.missingLanguages", e.message);
    assert.match(e.message, new RegExp(`^${name.replace(/[.]/g, "\\.")}: Dari needs Korean and English, but the file contains `));
    const named = e.message.replace(/^.*contains /, "").split(", ").map((c) => c.toLowerCase());
    assert.deepEqual([...named].sort(), outcome.refused.map((c) => c.toLowerCase()).sort());
  });
}

test("every TMX file of the OmegaT tests and the LISA kit is in the table above", async () => {
  const listed = new Set(FILES.map(([rel]) => rel));
  for (const dir of [TMX, KIT, `${TMX}/mt`, `${TMX}/penalty-010`, DISFR])
    for (const f of listFolder(interopPath(dir)).filter((f) => f.endsWith(".tmx"))) assert.ok(listed.has(`${dir}/${f}`), `${dir}/${f}`);
});

test("UTF-16 and supplementary-plane characters are read as written", () => {
  const smp = parseXml(decodeText("test-SMP.tmx", interopBytes(`${TMX}/test-SMP.tmx`)).text, "test-SMP.tmx");
  assert.match(textOf(smp), /𝐀𝐁𝐂[\s\S]*𝐃𝐄𝐅/u);
  for (const [file, enc] of [["ImportTest1F", "utf-16le"], ["ImportTest1G", "utf-16be"]] as const) {
    const { text, encoding } = decodeText(`${file}.tmx`, interopBytes(`${KIT}/${file}.tmx`));
    assert.equal(encoding, enc);
    assert.match(textOf(parseXml(text, file)), /\w{3}/);
  }
});

test("XuanZang.tmx (Heartsome, six languages): Korean and English import, one warning names the four left out", async () => {
  const warnings: ImportWarning[] = [];
  const p = importInterchangeBytes("XuanZang.tmx", interopBytes(`${DISFR}/XuanZang.tmx`), warnings);
  const first = p.doc.firstChild!.firstChild!;
  assert.match(first.child(0).textContent, /[\uAC00-\uD7A3]/, "Korean on the ko side");
  assert.match(first.child(1).textContent, /^[\x20-\x7e\u2018-\u201d]+$/, "English on the en side");
  assert.equal(warnings.length, 1);
  assert.equal(warnings[0].key, "export:interchange.leftOut");
  assert.deepEqual(String(warnings[0].params.langs).toLowerCase().split(", ").sort(), ["de", "es", "it", "zh-cn"]);
  assert.equal(warnings[0].params.variants, 51 * 4);
  // Its export is valid TMX 1.4.
  assert.equal(xmllint(await exportTmx(p), ["--dtdvalid", interopPath("schemas/openxliff/catalog/tmx/tmx14.dtd")]), "");
});

test("DOCTYPE: an external DTD is accepted and never read; entity declarations are refused even after a comment or PI", () => {
  const body = `<tmx version="1.4"><header srclang="ko-KR" adminlang="en" datatype="plaintext" segtype="sentence" o-tmf="x" creationtool="x" creationtoolversion="1"/><body><tu><tuv xml:lang="ko-KR"><seg>가</seg></tuv><tuv xml:lang="en-US"><seg>a</seg></tuv></tu></body></tmx>`;
  const ok = importInterchange("ok.tmx", `<?xml version="1.0"?><!DOCTYPE tmx SYSTEM "file:///nonexistent/tmx14.dtd">${body}`);
  assert.equal(ok.doc.textContent, "가a");
  for (const [name, prolog] of [
    ["pi.tmx", `<?xml version="1.0"?><?xml-stylesheet href="a.xsl"?><!DOCTYPE tmx [<!ENTITY a "boom">]>`],
    ["comment.tmx", `<?xml version="1.0"?><!-- harmless --><!DOCTYPE tmx SYSTEM "tmx14.dtd" [<!ENTITY a "boom">]>`],
    ["param.tmx", `<!DOCTYPE tmx [<!ENTITY % p SYSTEM "file:///etc/passwd"> %p;]>`],
  ]) {
    const e = errorOf(() => importInterchange(name, `${prolog}${body}`));
    assert.equal(e.key, "export:interchange.doctype", name);
    assert.match(e.message, /declares entities in its DOCTYPE/);
  }
  // A DTD named but never read defines no entity: a reference to one is refused where it stands.
  const e = errorOf(() => importInterchange("ref.tmx", `<!DOCTYPE tmx PUBLIC "-//X//EN" "tmx14.dtd">${body.replace("가", "&secret;")}`));
  assert.match(e.message, /^ref\.tmx: not well-formed XML: undefined entity &secret; \(line 1, column \d+\)/);
});

test("en-US → ko-KR memory: Korean is the ko side, and the export writes the languages and direction back", async () => {
  const tmx = `<?xml version="1.0"?><!DOCTYPE tmx SYSTEM "tmx14.dtd"><tmx version="1.4"><header srclang="en-US" adminlang="en" datatype="plaintext" segtype="sentence" o-tmf="x" creationtool="Other" creationtoolversion="9"><note>Client: KDI</note><prop type="x-project">Summit</prop></header><body>
<tu tuid="17" usagecount="3"><prop type="x-domain">politics</prop><note>check the date</note><tuv xml:lang="en-US"><seg>The summit ended.</seg></tuv><tuv xml:lang="ko-KR"><seg>정상회담이 끝났다.</seg></tuv></tu></body></tmx>`;
  const p = importInterchange("en-ko.tmx", tmx);
  assert.deepEqual([p.meta.srcLang, p.meta.tgtLang], ["en-US", "ko-KR"]);
  const seg = p.doc.firstChild!.firstChild!;
  assert.deepEqual([seg.child(0).textContent, seg.child(1).textContent, seg.attrs.id, seg.attrs.note], ["정상회담이 끝났다.", "The summit ended.", "17", "check the date"]);
  const out = await exportTmx(p);
  assert.equal(xmllint(out, ["--dtdvalid", interopPath("schemas/openxliff/catalog/tmx/tmx14.dtd")]), "");
  assert.match(out, /srclang="en-US"/);
  assert.match(out, /<note>Client: KDI<\/note>\s*<prop type="x-project">Summit<\/prop>/);
  assert.match(out, /<tu usagecount="3" tuid="17"><note>check the date<\/note><prop type="x-domain">politics<\/prop>.*<tuv xml:lang="en-US"><seg>The summit ended\.<\/seg><\/tuv><tuv xml:lang="ko-KR">/);
});

test("TBX: OmegaT's martif file (DOCTYPE naming its DTD) is read as a glossary and refused only for its languages", async () => {
  const { glossaryFromTbx } = await import("../translate/glossary-tbx");
  const rel = "omegat/src/test/resources/data/glossaries/sampleTBXfile.tbx";
  const e = errorOf(() => glossaryFromTbx(decodeText("sampleTBXfile.tbx", interopBytes(rel)).text, "sampleTBXfile.tbx"));
  assert.equal(e.key, "translate:errors.tbxEntry");
  assert.match(e.message, /^sampleTBXfile\.tbx, entry 1.*Korean/);
  // With a Korean term added (only that edit), the same file imports, its definition as the note.
  const withKo = decodeText("s.tbx", interopBytes(rel)).text.replace(/<langSet xml:lang="en">/, `<langSet xml:lang="ko"><tig><term>알파 평활 계수</term></tig></langSet><langSet xml:lang="en">`);
  const [entry] = glossaryFromTbx(withKo, "s.tbx");
  assert.deepEqual([entry.ko, entry.en], ["알파 평활 계수", "alpha smoothing factor"]);
  assert.match(entry.note, /A value between 0 and 1/);
});

test("dari import prints what a multilingual memory left out on stderr, in one line", async () => {
  const { dari, tempFolder, readText } = await import("../../test/support");
  const out = `${tempFolder("dari-xuanzang-")}/x.dari`;
  const r = await dari("import", interopPath(`${DISFR}/XuanZang.tmx`), "-o", out);
  assert.equal(r.code, 0, r.err);
  const lines = r.err.trim().split("\n");
  assert.equal(lines.length, 1);
  assert.match(lines[0], /^dari import: .*XuanZang\.tmx: imported Korean \(ko\) and English \(en\); left out .*de.*\(204 variants\)$/);
  assert.match(readText(out), /"srcLang": "ko"/);
});

test("LISA kit TMX with inline codes (bpt/ept/ph/it/hi), relabelled en-US → ko-KR and fr-CA → en-US: every code comes back in order, valid TMX 1.4", async () => {
  const { inlineElements } = await import("../../test/interop");
  let codes = 0;
  for (const n of ["ExportTest1A", "ExportTest1B", "ExportTest1C", "ExportTest1D", "ExportTest1E", "ExportTest2A", "ImportTest1A", "ImportTest1B", "ImportTest2A", "ImportTest2A-0index", "ImportTest2B"]) {
    const name = `${n}.tmx`;
    const original = decodeText(name, interopBytes(`${KIT}/${name}`)).text;
    // Only the labels change (as ../shared/interop/derived did for XLIFF): en-US is read as Korean, fr-CA as English.
    const relabelled = original.replace(/(lang|srclang)\s*=\s*(["'])en-us\2/gi, '$1="ko-KR"').replace(/(lang)\s*=\s*(["'])fr-ca\2/gi, '$1="en-US"');
    const p = importInterchange(name, relabelled);
    const out = await exportTmx(p);
    assert.equal(xmllint(out, ["--dtdvalid", interopPath("schemas/openxliff/catalog/tmx/tmx14.dtd")], name), "", name);
    const before = inlineElements(relabelled, (x) => parseXml(x, name));
    assert.deepEqual(inlineElements(out, (x) => parseXml(x, name)), before, name);
    codes += before.length;
    // The text around the codes is the same as the original's.
    const back = importInterchange(name, out);
    assert.equal(back.doc.textContent, p.doc.textContent, name);
  }
  assert.ok(codes > 50, `the kit's files carry codes (${codes})`);
});
