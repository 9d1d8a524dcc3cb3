import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import type { Node as PMNode } from "prosemirror-model";
import { importInterchange } from "./interchange";
import { exportTmx } from "../export/tmx";
import { exportXliff } from "../export/xliff";
import { exportXliff12 } from "../export/xliff12";
import { parseProject, serializeProject, type Project } from "../document/index";
import { DariError } from "../errors";
import { themedProject } from "../../test/fixtures/export-project";
import { XMLValidator } from "fast-xml-parser";
import { errorOf, readText, tempFolder, writeTestFile } from "../../test/support";

interface Bead {
  passage: number;
  id: string;
  ko: string;
  en: string;
  status: string;
}

function beads(doc: PMNode): Bead[] {
  const out: Bead[] = [];
  doc.forEach((p, _o, i) => p.forEach((s) => out.push({ passage: i, id: s.attrs.id, ko: s.child(0).textContent, en: s.child(1).textContent, status: s.attrs.status })));
  return out;
}

/** The document as JSON with each text node's marks in a fixed order (overlapping themes have no order). */
function normalized(doc: PMNode): unknown {
  return JSON.parse(JSON.stringify(doc.toJSON()), (k, v) => (k === "marks" && Array.isArray(v) ? [...v].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))) : v));
}


/** .dari on disk -> format -> file on disk -> import -> .dari on disk. */
async function roundTrip(format: "tmx" | "xliff" | "xliff12"): Promise<{ original: Project; back: Project; text: string }> {
  const dir = tempFolder("dari-interchange-");
  const themed = themedProject();
  themed.glossary = [{ id: "g1", ko: "정상회담", en: "summit", note: "<&>", forbidden: ["meeting"] }];
  writeTestFile(join(dir, "a.dari"), serializeProject(themed));
  const original = parseProject(readText(join(dir, "a.dari")));
  const file = join(dir, format === "tmx" ? "a.tmx" : "a.xlf");
  const text = format === "tmx" ? await exportTmx(original) : format === "xliff" ? await exportXliff(original) : await exportXliff12(original);
  writeTestFile(file, text);
  const imported = importInterchange(file, readText(file));
  writeTestFile(join(dir, "b.dari"), serializeProject(imported));
  return { original, back: parseProject(readText(join(dir, "b.dari"))), text };
}

for (const format of ["tmx", "xliff", "xliff12"] as const) {
  test(`.dari -> ${format} -> .dari keeps every segment's text, alignment and status`, async () => {
    const { original, back, text } = await roundTrip(format);
    assert.equal(XMLValidator.validate(text), true);
    assert.deepEqual(beads(back.doc), beads(original.doc));
    assert.equal(back.doc.childCount, 12);
    assert.equal(beads(back.doc).length, 49);
    // And what Dari carries beside: themes, memos, confidence, confirmation, metadata, codebook.
    assert.deepEqual(normalized(back.doc), normalized(original.doc), "the whole document, themes and memos included");
    assert.equal(back.meta.title, "북러 정상회담 논평");
    assert.equal(back.meta.author, "강윤희");
    assert.deepEqual(back.codebook, original.codebook);
    assert.deepEqual(back.glossary, original.glossary);
  });
}

test("TMX 1.4b: header attributes, one tu per segment with ko/en tuvs, themes and status as props", async () => {
  const text = await exportTmx(themedProject());
  const header = /<header ([^>]*)>/.exec(text)![1];
  for (const a of ["creationtool", "creationtoolversion", "segtype", "o-tmf", "adminlang", "datatype"]) assert.match(header, new RegExp(`\\b${a}="[^"]+"`), a);
  assert.match(header, /srclang="ko"/);
  assert.match(text, /<tmx version="1\.4">/);
  const tus = [...text.matchAll(/<tu [^>]*>(.*?)<\/tu>/g)].map((m) => m[1]);
  assert.equal(tus.length, 49);
  for (const tu of tus) {
    assert.match(tu, /<tuv xml:lang="ko"><seg>[^<]+<\/seg><\/tuv><tuv xml:lang="en"><seg>[^<]*<\/seg><\/tuv>$/);
    assert.match(tu, /<prop type="x-dari-status">(new|draft|translated|reviewed)<\/prop>/);
  }
  assert.match(tus[0], /<prop type="x-dari-theme">coldwar<\/prop><prop type="x-dari-theme">space<\/prop><prop type="x-dari-theme">arms<\/prop>/);
});

test("XLIFF 2.1: namespace, languages, a unit per passage and the state on the segment", async () => {
  const text = await exportXliff(themedProject());
  assert.match(text, /<xliff xmlns="urn:oasis:names:tc:xliff:document:2\.0" [^>]*version="2\.1" srcLang="ko" trgLang="en">/);
  assert.equal([...text.matchAll(/<unit /g)].length, 12);
  const segs = [...text.matchAll(/<segment id="[^"]+" state="(\w+)" subState="dari:(\w+)"><source xml:lang="ko">.*?<\/source><target xml:lang="en">/g)];
  assert.equal(segs.length, 49);
  const map: Record<string, string> = { new: "initial", draft: "initial", translated: "translated", reviewed: "reviewed" };
  for (const [, state, status] of segs) assert.equal(state, map[status]);
  assert.doesNotMatch(text, /<target[^>]*state=/);
});

test("files from other tools import: TMX with inline codes and regional languages, XLIFF states", () => {
  const tmx = `<?xml version="1.0"?><tmx version="1.4"><header creationtool="X" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en-US" srclang="ko-KR" datatype="plaintext"/>
<body><tu><tuv xml:lang="ko-KR"><seg>북한은 <bpt i="1">&lt;b&gt;</bpt>우주<ept i="1">&lt;/b&gt;</ept> 개발을</seg></tuv><tuv xml:lang="en-US"><seg>North Korea's <hi>space</hi> work &amp; more</seg></tuv></tu>
<tu><tuv lang="KO"><seg>둘째</seg></tuv></tu></body></tmx>`;
  const p = importInterchange("other.tmx", tmx);
  assert.deepEqual(
    beads(p.doc).map(({ ko, en, status }) => ({ ko, en, status })),
    [
      { ko: "북한은 우주 개발을", en: "North Korea's space work & more", status: "draft" },
      { ko: "둘째", en: "", status: "new" },
    ],
  );
  const xlf = `<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="ko-KR" trgLang="en"><file id="f"><group id="g"><unit id="u1">
<segment state="final"><source>가<pc id="1">나</pc><ph id="2"/>다</source><target>A<cp hex="0007"/>B</target></segment><ignorable><source> </source></ignorable>
<segment><source>라</source></segment></unit></group></file></xliff>`;
  const q = importInterchange("other.xliff", xlf);
  assert.deepEqual(
    beads(q.doc).map(({ ko, en, status }) => ({ ko, en, status })),
    [
      { ko: "가나다", en: "A\u0007B", status: "reviewed" },
      { ko: "라", en: "", status: "new" },
    ],
  );
});

test("billion laughs and external entities are refused at once with a clear error", () => {
  const laughs =
    `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">` +
    Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ""};`.repeat(10)}">`).join("") +
    `]><tmx version="1.4"><header srclang="ko"/><body><tu><tuv xml:lang="ko"><seg>&lol9;</seg></tuv></tu></body></tmx>`;
  const xxe = `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1" srcLang="ko"><file id="f"><unit id="u"><segment><source>&xxe;</source></segment></unit></file></xliff>`;
  for (const [name, text] of [["bomb.tmx", laughs], ["xxe.xlf", xxe]]) {
    const start = performance.now();
    const e = errorOf(() => importInterchange(name, text));
    assert.ok(performance.now() - start < 200, "no expansion happens");
    assert.equal(e.key, "export:interchange.doctype");
    assert.match(e.message, new RegExp(`^${name.replace(".", "\\.")}: the file declares entities in its DOCTYPE`));
    assert.doesNotMatch(e.message, /root:/);
  }
});

test("broken and foreign files give errors naming the file and the place", () => {
  const cases: [string, string, string, RegExp][] = [
    ["a.tmx", `<tmx version="1.4"><body><tu><tuv xml:lang="ko"><seg>x</tuv></tu></body></tmx>`, "export:interchange.notXml", /^a\.tmx: not well-formed XML: .*\(line 1, column \d+\)/],
    ["b.xlf", `<xliff xmlns="urn:example:not-xliff" version="1.2"/>`, "export:interchange.notXliff", /b\.xlf: not an XLIFF file/],
    ["c.xlf", `<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1" srcLang="ja" trgLang="en"/>`, "export:interchange.missingLanguages", /c\.xlf: Dari needs Korean and English, but the file contains ja, en$/],
    ["d.tmx", `<html/>`, "export:interchange.notTmx", /d\.tmx: not a TMX file \(the root element is “html”\)/],
    ["e.tmx", `<tmx version="1.4"><header/><body/></tmx>`, "export:interchange.noSegments", /e\.tmx: no segments/],
    ["f.xlf", `<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1" srcLang="ko"><file id="f"><unit id="u"><segment state="done"><source>x</source></segment></unit></file></xliff>`, "export:interchange.badState", /f\.xlf, unit 1 › segment 1: unknown state “done”/],
    ["g.txt", `hello`, "export:interchange.unknownType", /g\.txt: Dari imports \.tmx and \.xlf/],
    ["i.xlf", `<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2"><file original="x" datatype="plaintext" source-language="ko" target-language="en"><body><trans-unit id="1"><source>가</source></trans-unit><bin-unit id="b1" mime-type="image/png"><bin-source><internal-file form="base64">AA==</internal-file></bin-source></bin-unit></body></file></xliff>`, "export:interchange.unsupported", /^i\.xlf, bin-unit b1: Dari does not take binary units \(<bin-unit>\)$/],
    // The validator gives no column for a file without any element: the place is the line alone.
    ["h.tmx", `<?xml version="1.0"?>\n`, "export:interchange.notXml", /^h\.tmx: not well-formed XML: .*\(line 2\)$/],
  ];
  for (const [file, text, key, message] of cases) {
    const e = errorOf(() => importInterchange(file, text));
    assert.equal(e.key, key, file);
    assert.match(e.message, message, file);
  }
});

test("undefined entities and references to no character are refused with their place", () => {
  for (const [ref, message] of [
    ["&nosuch;", /undefined entity &nosuch; \(line 2, column 29\)/],
    ["&#xFFFFFFFF;", /&#xFFFFFFFF; is not a character \(line 2, column 29\)/],
    ["&#99999999999;", /is not a character/],
    ["&#xD800;", /is not a character/],
  ] as const) {
    const e = errorOf(() => importInterchange("bad.tmx", `<tmx version="1.4"><header/><body>\n<tu><tuv xml:lang="ko"><seg>${ref}</seg></tuv></tu></body></tmx>`));
    assert.equal(e.key, "export:interchange.notXml");
    assert.match(e.message, message);
  }
  // Predefined entities, character references and CDATA that only looks like a reference are fine.
  const ok = importInterchange("ok.tmx", `<tmx version="1.4"><header/><body><tu><tuv xml:lang="ko"><seg>&lt;&#xAC00;&#44032;<![CDATA[&nosuch;]]><!-- &nosuch; --></seg></tuv><tuv xml:lang="en"><seg>x</seg></tuv></tu></body></tmx>`);
  assert.equal(ok.doc.firstChild!.firstChild!.child(0).textContent, "<가가&nosuch;");
});

test("XLIFF 1.2: Dari's export is strict XLIFF 1.2, a trans-unit per passage with its segments as mrk, statuses as states", async () => {
  const { xmllint, xliff12Driver } = await import("../../test/interop");
  const p = themedProject();
  const text = await exportXliff12(p);
  assert.equal(xmllint(text, ["--schema", xliff12Driver("strict")]), "");
  assert.equal([...text.matchAll(/<trans-unit /g)].length, 12);
  assert.equal([...text.matchAll(/<mrk mtype="seg" mid="[^"]+">/g)].length, 49 * 2, "in seg-source and target");
  assert.match(text, /<file original="북러 정상회담 논평" datatype="plaintext" source-language="ko" target-language="en">/);
  // A unit's state is its least advanced segment's; reviewed units are approved.
  const states = [...text.matchAll(/<trans-unit ([^>]*)>.*?<target state="([^"]+)"/g)].map((m) => [/approved="yes"/.test(m[1]), m[2]]);
  assert.ok(states.length === 12 && states.every(([approved, state]) => approved === (state === "signed-off")));
  assert.ok(states.every(([, s]) => ["needs-translation", "needs-review-translation", "translated", "signed-off"].includes(s as string)));
});

test("XLIFF 2.1 and TMX: Dari's own exports validate (XLIFF 2.0 core with the metadata module, TMX 1.4 DTD)", async () => {
  const { xmllint, xliff2Driver, TMX14_DTD } = await import("../../test/interop");
  const p = themedProject();
  assert.equal(xmllint(await exportXliff(p), ["--schema", xliff2Driver("xliff-21")], "dari.xlf"), "");
  assert.equal(xmllint(await exportTmx(p), ["--dtdvalid", TMX14_DTD], "dari.tmx"), "");
});
