import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { Document, Packer, Paragraph, TextRun, HeadingLevel } from "docx";
import { importParagraphs, importText, checkSides, importBitext, modeForFile } from "./index";
import { htmlParagraphs } from "./html";
import { markdownParagraphs } from "./md";
import { DariError } from "../errors";
import { parseProject, serializeProject } from "../document";
import { corpus, readBytes, removeFolder, tempFolder, writeTestFile } from "../../test/support";

const read = corpus;
const blocks = (text: string) => text.split(/\n[ \t]*\n/).map((s) => s.trim()).filter(Boolean);
const koParagraphs = blocks(read("commentary.ko.txt"));
const enParagraphs = blocks(read("commentary.en.txt"));

const dir = tempFolder("dari-import-");
process.on("exit", () => removeFolder(dir));

/** Writes a file into the temp dir and reads it back as bytes, as main does. */
function file(name: string, content: string | Uint8Array): { name: string; bytes: Uint8Array } {
  const path = join(dir, name);
  writeTestFile(path, content);
  return { name, bytes: readBytes(path) };
}

async function rejects(p: Promise<unknown>, key: string): Promise<DariError> {
  try {
    await p;
  } catch (e) {
    assert.ok(e instanceof DariError, `expected a DariError, got ${e}`);
    assert.equal(e.key, key, e.message);
    return e;
  }
  assert.fail(`expected ${key}`);
}

test("a PDF-extracted .txt gives the 12 paragraphs, in pdf mode", async () => {
  const f = file("commentary.ko.pdf.txt", read("commentary.ko.pdf.txt"));
  const r = await importParagraphs(f.name, f.bytes);
  assert.equal(r.mode, "pdf");
  assert.equal(r.encoding, "utf-8");
  assert.equal(r.lang, "ko");
  assert.deepEqual(r.paragraphs, koParagraphs);
  // Forcing one paragraph a line gives the PDF's lines instead.
  const lines = await importParagraphs(f.name, f.bytes, { mode: "lines" });
  assert.equal(lines.mode, "lines");
  assert.ok(lines.paragraphs.length > 60);
});

test("a legacy CP949 .txt and a UTF-16 .txt import like the UTF-8 one", async () => {
  const cp949 = file("legacy.txt", new Uint8Array(execFileSync("iconv", ["-f", "UTF-8", "-t", "CP949"], { input: read("commentary.ko.pdf.txt") })));
  const r = await importParagraphs(cp949.name, cp949.bytes);
  assert.equal(r.encoding, "euc-kr");
  assert.deepEqual(r.paragraphs, koParagraphs);
  const u16 = file("windows.txt", Buffer.from("\ufeff" + read("commentary.en.txt").replace(/\n/g, "\r\n"), "utf16le"));
  const e = await importParagraphs(u16.name, u16.bytes);
  assert.equal(e.encoding, "utf-16le");
  assert.deepEqual(e.paragraphs, enParagraphs);
});

test("a Word document gives its paragraphs, headings included", async () => {
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({ text: "북러 정상회담 논평", heading: HeadingLevel.HEADING_1 }),
          ...koParagraphs.map((p) => {
            // Split each paragraph into runs, one of them bold, as Word keeps them.
            const cut = p.indexOf(" ", 10);
            return new Paragraph({ children: [new TextRun(p.slice(0, cut)), new TextRun({ text: p.slice(cut), bold: true })] });
          }),
          new Paragraph({ text: "" }),
        ],
      },
    ],
  });
  const f = file("commentary.docx", new Uint8Array(await Packer.toBuffer(doc)));
  assert.equal(modeForFile(f.name), "blocks");
  const r = await importParagraphs(f.name, f.bytes);
  assert.equal(r.encoding, "docx");
  assert.equal(r.format, "docx");
  assert.deepEqual(r.paragraphs, ["북러 정상회담 논평", ...koParagraphs]);
});

test("HTML: block text in order, markup dropped, entities decoded, scripts and styles skipped", async () => {
  const html = `<!DOCTYPE html><html><head><title>제목</title><style>p { color: red }</style>
<script>var x = "<p>not text</p>";</script></head><body>
<h1>북러 &amp; 정상회담</h1><!-- a comment <p>hidden</p> -->
<p>첫 <b>문단</b>이다.&nbsp;&#54620;&#xD55C; 끝.</p>
<div>둘째<br>셋째 줄</div>
<ul><li>하나</li><li>둘 <a href="x">링크</a></li></ul>
<blockquote><p>인용문이다.</p></blockquote>
<table><tr><td>칸 1</td><td>칸 2</td></tr></table>
<p>Unclosed paragraph
<p>Another &copy; 2023 &unknown; &lt;tag&gt;</p></body></html>`;
  assert.deepEqual(htmlParagraphs(html), [
    "북러 & 정상회담", "첫 문단이다. 한한 끝.", "둘째", "셋째 줄", "하나", "둘 링크", "인용문이다.", "칸 1", "칸 2",
    "Unclosed paragraph", "Another © 2023 &unknown; <tag>",
  ]);
  const body = `<html><body>${koParagraphs.map((p) => `<p>\n  ${p.replace(/ /g, "\n  ")}\n</p>`).join("\n")}</body></html>`;
  const f = file("commentary.html", body);
  assert.deepEqual((await importParagraphs(f.name, f.bytes)).paragraphs, koParagraphs);
});

test("Markdown: headings, paragraphs, lists and quotes; code, rules and images left out", async () => {
  const md = `# 북러 *정상회담*
<!-- a note
over two lines -->

첫 문단은
두 줄이다. **굵게**와 [링크](http://example.org) 그리고 \`코드\`.

- 하나
- 둘
1. 셋

> 인용문이다.

---

\`\`\`
code block
\`\`\`

![그림](a.png)

| 칸 1 | 칸 2 |
| --- | --- |

저자: 강윤희_ 국민대학교 교수.
`;
  assert.deepEqual(markdownParagraphs(md), [
    "북러 정상회담", "첫 문단은 두 줄이다. 굵게와 링크 그리고 코드.", "하나", "둘", "셋", "인용문이다.", "칸 1 칸 2", "저자: 강윤희_ 국민대학교 교수.",
  ]);
  const f = file("commentary.md", "# Title\n\n" + enParagraphs.join("\n\n"));
  assert.deepEqual((await importParagraphs(f.name, f.bytes)).paragraphs, ["Title", ...enParagraphs]);
});

test("bad input is refused with a message naming the file", async () => {
  const empty = file("empty.txt", "");
  assert.match((await rejects(importParagraphs(empty.name, empty.bytes), "import:empty")).message, /empty\.txt/);
  const blank = file("blank.md", "\n\n   \n");
  await rejects(importParagraphs(blank.name, blank.bytes), "import:empty");
  const pdf = file("commentary.pdf.txt", "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n");
  await rejects(importParagraphs(pdf.name, pdf.bytes), "import:binary");
  const keynote = file("commentary.key", "x");
  assert.match((await rejects(importText(keynote.name, keynote.bytes), "import:unsupported")).message, /commentary\.key.*“\.key”/);
  const hwp = file("commentary.hwp", "x");
  assert.match((await rejects(importText(hwp.name, hwp.bytes), "import:hwpNotOle")).message, /commentary\.hwp is damaged or is not a Hangul document/);
  const notDocx = file("broken.docx", "this is not a zip");
  assert.match((await rejects(importText(notDocx.name, notDocx.bytes), "import:badDocx")).message, /broken\.docx cannot be read as a Word document/);
  const noText = file("scripts.html", "<html><head><script>x()</script></head><body><img src=a></body></html>");
  await rejects(importText(noText.name, noText.bytes), "import:noParagraphs");
  const latin1 = file("latin1.txt", Buffer.from("Genève café crème.", "latin1"));
  await rejects(importText(latin1.name, latin1.bytes), "import:undecodable");
});

test("sides that look swapped are refused; the sample's sides pass", () => {
  const names = { ko: "ko.txt", en: "en.txt" };
  checkSides(koParagraphs, enParagraphs, names);
  checkSides(koParagraphs, null, names);
  const swapped = (() => {
    try {
      checkSides(enParagraphs, koParagraphs, names);
    } catch (e) {
      return e as DariError;
    }
    assert.fail("swapped sides pass");
  })();
  assert.equal(swapped.key, "import:swapped");
  assert.match(swapped.message, /ko\.txt is 0% Hangul.*en\.txt is 9\d% Hangul/);
  assert.throws(() => checkSides(enParagraphs, null, names), (e: DariError) => e.key === "import:koNotKorean");
  assert.throws(() => checkSides(koParagraphs, koParagraphs, names), (e: DariError) => e.key === "import:enIsKorean");
  // A Korean text that quotes English names is still Korean.
  checkSides(["푸틴(Putin) 대통령과 쇼이구(Shoigu) 국방장관이 Vostochny에서 만났다."], ["Putin met Shoigu."], names);
});

test("importBitext makes a project that saves and opens again", () => {
  const project = importBitext({ ko: koParagraphs, en: enParagraphs, title: "북러 정상회담", source: "commentary.ko.pdf.txt" });
  assert.equal(project.doc.childCount, 12);
  assert.equal(project.meta.title, "북러 정상회담");
  const back = parseProject(serializeProject(project));
  assert.ok(back.doc.eq(project.doc));
  const koSides: string[] = [];
  back.doc.child(0).forEach((segment) => koSides.push(segment.child(0).textContent));
  assert.equal(koSides.join(" "), koParagraphs[0]);
  const koOnly = importBitext({ ko: koParagraphs, en: null, title: "t" });
  assert.equal(koOnly.doc.childCount, 12);
});
