// Requirement 7: text and memos holding markup, ampersands, quotes, CDATA ends
// and control characters export to valid files that show the text literally.
import { test } from "node:test";
import assert from "node:assert/strict";
import { XMLValidator } from "fast-xml-parser";
import { unzipSync, strFromU8 } from "fflate";
import { join, dirname } from "node:path";
import { execFileSync } from "node:child_process";
import { chromium } from "playwright-core";
import { exporters, EXPORT_FORMATS } from "../app/export/index";
import { parseProject } from "../app/document/index";
import { importInterchange } from "../app/import/interchange";
import { projectOf, code } from "./fixtures/export-project";
import { readCsv } from "./fixtures/csv";
import { findChromium } from "../main/pdf";
import { controlPicture, XML_INVALID } from "../app/export/escape";
import { tempFolder, writeTestFile, tempFile, removeFolder } from "./support";

const NASTY = `<script>window.pwned=1</script><img src=x onerror="window.pwned=2"> A & B &amp; "q" 'a' ]]> \u0001\u0007\u001b end`;
const KO = `북러 <b>회담</b> & “합의” ]]> \u0002 끝`;

function nastyProject() {
  const p = projectOf(
    [
      [
        {
          id: "s1",
          ko: KO,
          en: NASTY,
          note: `memo ${NASTY}`,
          spans: [
            { side: "en", from: 0, to: 8, code: "x<y>", id: "a&1", note: `tag memo ${NASTY}` },
            { side: "ko", from: 0, to: 2, code: "x<y>", id: "a&2", note: "" },
          ],
        },
      ],
    ],
    `Title ${NASTY}`,
  );
  p.meta.author = `O'Brien & <Kim>`;
  p.codebook = [code("x<y>", `주제 <i>&`, `Theme "<i>" & ]]>`, "#123456")];
  return p;
}

/** What a reader sees in place of characters a format cannot carry. */
const visible = (s: string) => s.replace(XML_INVALID, controlPicture);

test("every format exports the hostile document without error", async () => {
  const p = nastyProject();
  for (const f of EXPORT_FORMATS) {
    const ex = f === "pdf" ? exporters.html : exporters[f];
    if (!ex) continue;
    const out = await ex.run(p, { side: "en", showStatus: true, showConfidence: true });
    assert.ok(out.length > 0, f);
  }
});

test("HTML shows markup, entities and quotes literally and runs nothing", async () => {
  const html = String(await exporters.html!.run(nastyProject(), { uiLanguage: "en" }));
  assert.doesNotMatch(html, /<script|<img|<i>|<b>/);
  assert.doesNotMatch(html, XML_INVALID);
  const browser = await chromium.launch({ executablePath: findChromium(), args: process.getuid?.() === 0 ? ["--no-sandbox"] : [] });
  try {
    const page = await browser.newPage();
    await page.setContent(html);
    const seen = await page.evaluate(() => {
      // Note numbers are not part of the text.
      document.querySelectorAll("sup.nref").forEach((n) => n.remove());
      return {
      pwned: (window as unknown as { pwned?: number }).pwned ?? null,
      title: document.title,
      en: document.querySelector("#s1 td[lang=en]")!.textContent,
      ko: document.querySelector("#s1 td[lang=ko]")!.textContent,
      notes: Array.from(document.querySelectorAll("ol.notes li"), (li) => li.textContent),
      legend: document.querySelector("ul.legend")!.textContent,
      author: document.querySelector(".title-block")!.textContent,
      };
    });
    assert.equal(seen.pwned, null, "no script ran");
    assert.equal(seen.title, `Title ${visible(NASTY)}`);
    assert.equal(seen.en, visible(NASTY));
    assert.equal(seen.ko, visible(KO));
    assert.ok(seen.notes.some((n) => n!.endsWith(`: memo ${visible(NASTY)}`)));
    assert.ok(seen.notes.some((n) => n!.endsWith(`: tag memo ${visible(NASTY)}`)));
    assert.match(seen.legend!, /Theme "<i>" & \]\]>/);
    assert.match(seen.author!, /O'Brien & <Kim>/);
  } finally {
    await browser.close();
  }
});

test("TMX and XLIFF are valid XML and import back to the very same text, memos and themes", async () => {
  const p = nastyProject();
  for (const [f, name] of [["tmx", "x.tmx"], ["xliff", "x.xlf"]] as const) {
    const xml = String(await exporters[f]!.run(p, {}));
    assert.equal(XMLValidator.validate(xml), true, f);
    assert.doesNotMatch(xml, XML_INVALID, f);
    const back = importInterchange(name, xml);
    const seg = back.doc.firstChild!.firstChild!;
    assert.equal(seg.child(0).textContent, KO, f);
    assert.equal(seg.child(1).textContent, NASTY, f);
    // Notes and metadata are plain text in both formats: control characters show as pictures there.
    assert.equal(seg.attrs.note, `memo ${visible(NASTY)}`, f);
    assert.equal(seg.child(1).firstChild!.marks[0].attrs.note, `tag memo ${NASTY}`, f);
    assert.equal(back.meta.title, `Title ${visible(NASTY)}`, f);
    assert.deepEqual(back.codebook, p.codebook, f);
  }
});

test("DOCX parts are valid XML with the text shown literally", async () => {
  const bytes = (await exporters.docx!.run(nastyProject(), {})) as Uint8Array;
  const files = unzipSync(bytes);
  for (const [name, bytes] of Object.entries(files)) {
    if (!/\.(xml|rels)$/.test(name)) continue;
    const xml = strFromU8(bytes);
    assert.equal(XMLValidator.validate(xml), true, name);
    assert.doesNotMatch(xml, XML_INVALID, name);
  }
  const doc = strFromU8(files["word/document.xml"]);
  const text = [...doc.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("");
  const unescape = (s: string) => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");
  assert.ok(unescape(text).includes(visible(NASTY)));
  assert.ok(unescape(text).includes(visible(KO)));
  const comments = unescape(strFromU8(files["word/comments.xml"]).replace(/<[^>]+>/g, ""));
  assert.ok(comments.includes(`tag memo ${visible(NASTY)}`));
  // And Word's other reader opens it: LibreOffice shows the markup as text.
  const dir = tempFolder("dari-escape-");
  writeTestFile(join(dir, "hostile.docx"), bytes);
  execFileSync("libreoffice", [`-env:UserInstallation=file://${dir}/profile`, "--headless", "--convert-to", "pdf", "--outdir", dir, join(dir, "hostile.docx")], { stdio: "ignore", timeout: 60_000 });
  const pdfText = execFileSync("pdftotext", [join(dir, "hostile.pdf"), "-"], { encoding: "utf8" });
  assert.ok(pdfText.replace(/\s+/g, " ").includes(`<script>window.pwned=1</script><img src=x onerror="window.pwned=2"> A & B &amp; "q" 'a' ]]>`));
});

test("annotations JSON, CSV, TSV, TXT, qdc and .dari keep the text literally", async () => {
  const p = nastyProject();
  const json = JSON.parse(String(await exporters.annotations!.run(p, {})));
  const ann = json.first.items.find((a: { id: string }) => a.id === "urn:dari:annotation:a%261");
  assert.equal(ann.target[0].selector[0].exact, NASTY.slice(0, 8));
  assert.equal(ann.body.find((b: { purpose: string }) => b.purpose === "commenting").value, `tag memo ${NASTY}`);
  const rows = readCsv(String(await exporters.csv!.run(p, {})).slice(1));
  assert.deepEqual(rows.find((r) => r[1] === "en")!.slice(1), ["en", NASTY.slice(0, 8), KO, NASTY, `tag memo ${NASTY}`]);
  const tsv = String(await exporters.tsv!.run(p, {}));
  assert.deepEqual(tsv.split("\n")[0].split("\t"), [KO, NASTY]);
  assert.equal(String(await exporters.txt!.run(p, { side: "en" })), `${NASTY}\n`);
  if (exporters.qdc) assert.equal(XMLValidator.validate(String(await exporters.qdc.run(p, {}))), true, "qdc");
  const back = parseProject(String(await exporters.dari!.run(p, {})));
  assert.ok(back.doc.eq(p.doc));
});

test("the qdc codebook never writes characters XML cannot carry, and stays well-formed", async () => {
  const p = nastyProject();
  p.codebook = [{ ...code("ctl", "우주\u0001협력\uFFFF", "Space\u0007 \uD800cooperation", "#123456"), description: { ko: "설명\u001b", en: "about\u0000" } }];
  const xml = String(await exporters.qdc!.run(p, {}));
  assert.equal(XMLValidator.validate(xml), true);
  assert.doesNotMatch(xml, XML_INVALID);
  // Each such character is left out or shown by a visible stand-in; the rest of the label is kept.
  assert.match(xml, /name="우주.?협력.?"/);
  assert.match(xml, /\[en\] Space.? .?cooperation/);
  const file = tempFile("codebook.qdc", xml);
  try {
    execFileSync("xmllint", ["--noout", file], { stdio: "pipe" });
  } finally {
    removeFolder(dirname(file));
  }
});

test("TSV keeps a side that a spreadsheet would run as a formula as text, as CSV does", async () => {
  const p = projectOf([[{ id: "s1", ko: "=HYPERLINK(\"http://x\")", en: "+1 and more", spans: [] }, { id: "s2", ko: "@SUM(A1)", en: "-2", spans: [] }, { id: "s3", ko: "보통 글", en: "plain", spans: [] }]]);
  const lines = String(await exporters.tsv!.run(p, {})).trimEnd().split("\n").map((l) => l.split("\t"));
  assert.deepEqual(lines, [
    ["'=HYPERLINK(\"http://x\")", "'+1 and more"],
    ["'@SUM(A1)", "'-2"],
    ["보통 글", "plain"],
  ]);
});
