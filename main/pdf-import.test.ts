// PDF import end to end in Node, as main and the CLI run it: the sample
// commentary printed by LibreOffice and by Chromium (made by the test, see
// test/pdf-samples.ts), and the real documents of ../shared/sources
// (PROVENANCE.md gives their opening text and their traps).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { importText, type ImportedFileText } from "../app/import/index";
import { importBitext } from "../app/import/bitext";
import { readPdfAsset } from "./pdf-assets";
import { chromiumPdf, commentaryParagraphs, FOOTNOTES, INSTITUTE, libreOfficePdf } from "../test/pdf-samples";

const SOURCES = resolve(fileURLToPath(new URL("..", import.meta.url)), "../shared/sources");

async function importPdf(path: string, password?: string): Promise<ImportedFileText> {
  return importText(path.split("/").pop()!, new Uint8Array(await readFile(path)), { pdfAssets: readPdfAsset, password });
}
const source = (name: string, password?: string) => importPdf(join(SOURCES, name), password);
const paragraphsOf = (r: ImportedFileText) => r.text.split("\n\n");
const collapse = (s: string) => s.replace(/\s+/g, " ").trim();
const bare = (s: string) => s.replace(/\s+/g, "");
/**
 * No running header, footer or page number left as a passage: `- 3 -` never,
 * a bare number only in documents without tables of figures, and no passage
 * starting with the running header.
 */
function assertNoPageFurniture(r: ImportedFileText, header?: RegExp, bareNumbers = false): void {
  for (const p of paragraphsOf(r)) {
    assert.ok(!/^\s*[-–—]\s*\d{1,4}\s*[-–—]\s*$/.test(p), `a page number was left in the body: "${p}"`);
    if (bareNumbers) assert.ok(!/^\s*\d{1,4}\s*$/.test(p), `a page number was left in the body: "${p}"`);
    if (header) assert.ok(!header.test(p), `a running header was left in: "${p.slice(0, 80)}"`);
  }
}
const starting = (text: string) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`);

test("the commentary printed by LibreOffice imports as its 12 paragraphs, footnotes as notes after their markers", async () => {
  const want = await commentaryParagraphs();
  const r = await importPdf(await libreOfficePdf());
  const got = paragraphsOf(r);
  assert.equal(got.length, 12, got.map((p) => p.slice(0, 30)).join("\n"));
  assert.equal(r.notes?.length, 2);
  // Markers stay in the text; without them, the text is the sample's.
  const unmarked = got.map((p, i) => {
    let out = p;
    for (const n of [...(r.notes ?? [])].reverse()) if (n.paragraph === i) out = out.slice(0, n.offset - n.marker.length) + out.slice(n.offset);
    return collapse(out);
  });
  assert.deepEqual(unmarked, want.map(collapse));
  r.notes!.forEach((n, k) => {
    const fn = FOOTNOTES[k];
    assert.equal(n.paragraph, fn.paragraph);
    assert.equal(n.text, fn.text);
    assert.ok(got[n.paragraph].slice(0, n.offset - n.marker.length).endsWith(fn.after), `note ${k + 1} is not after "${fn.after}"`);
  });
  assert.ok((r.layout?.columnPages ?? 0) >= 1, "the two-column page was seen");
  assert.ok((r.layout?.headersRemoved ?? 0) >= 4, "the header and page number of each page were left out");
  assertNoPageFurniture(r, new RegExp(INSTITUTE), true);
  // Each note becomes the note of the segment whose sentence carries its marker.
  const project = importBitext({ ko: got, en: null, title: "t", koNotes: r.notes });
  const withNotes: { ko: string; note: string }[] = [];
  project.doc.descendants((node) => {
    if (node.type.name === "segment" && node.attrs.note) withNotes.push({ ko: node.child(0).textContent, note: node.attrs.note });
    return node.type.name !== "segment";
  });
  assert.equal(withNotes.length, 2);
  withNotes.forEach((s, k) => {
    assert.ok(s.ko.includes(FOOTNOTES[k].after), s.ko);
    assert.ok(s.note.includes(FOOTNOTES[k].text), s.note);
  });
});

test("the commentary printed by Chromium imports as its 12 paragraphs without its header or page numbers", async () => {
  const want = await commentaryParagraphs();
  const r = await importPdf(await chromiumPdf());
  const got = paragraphsOf(r);
  // Chromium breaks Korean lines between any two syllables: where a break fell
  // between two words is judged from the text itself, so spaces are compared apart.
  assert.deepEqual(got.map(bare), want.map(bare));
  const spaces = (s: string) => s.split(" ").length;
  const wrong = got.reduce((n, p, i) => n + Math.abs(spaces(p) - spaces(want[i])), 0);
  assert.ok(wrong <= 8, `${wrong} word spaces differ from the sample`);
  assertNoPageFurniture(r, new RegExp(INSTITUTE), true);
});

test("pdf01 (LaTeX book): words broken across lines are joined, headers and page numbers left out", async () => {
  const r = await source("pdf01_pcasm-book-korean_latex.pdf");
  const body = bare(r.text);
  assert.ok(body.includes(bare("이 책을 쓰게 된 동기는 바로 독자들에게 파스칼과 같은 언어들 보다 낮은 수준에서 컴퓨터가 실제로 어떻게 작동하는지에 대한 자세한 이해를 위해서 이다.")));
  assert.ok(body.includes(bare("컴퓨터 내부의 메모리는 수들로 구성되어 있다. 컴퓨터 메모리는 그 수들을 10 개의 숫자를 이용하는 십진법 (decimal) 을 이용하여 저장하지 않는다.")));
  assert.ok(r.text.includes("컴퓨터가 실제로 어떻게"), "실 + 제로 joined without a space");
  // Its Minion font maps the fi and fl ligatures to ĕ and Ę: they come out as letters.
  assert.ok(!/[ĕĘ]/.test(r.text), "no ligature left as a stray letter");
  assert.ok(r.text.includes("significant") && r.text.includes("overflow"), "ligatures read as fi and fl");
  assertNoPageFurniture(r, /^\d+ 제 \d+ 장 /);
  assert.ok((r.notes?.length ?? 0) > 0, "its numbered footnotes are notes");
});

test("pdf02 (National Assembly review): the year stays at the start of its sentence, footnotes are notes", async () => {
  const r = await source("pdf02_na-review-report-2125318.pdf");
  assert.ok(bare(r.text).includes(bare("2023년 11월 9일 이수진 의원이 대표 발의한 기후위기 대응을 위한 탄소중립ㆍ녹색성장 기본법 일부개정법률안은 2023년 11월 10일 우리 위원회에 회부되었음.")));
  assertNoPageFurniture(r);
  assert.ok((r.notes?.length ?? 0) >= 3);
});

test("pdf03 (two-column paper): the columns are read one after the other, the running header left out", async () => {
  const r = await source("pdf03_treatise-sample-2col.pdf");
  const body = bare(r.text);
  assert.ok(body.includes(bare("IPv6는 Neighbor Discovery(ND) 프로토콜을 사용하여 주변 노드간의 관계를 정의한다. 주변 노드를 파악하기 위해 사용되는 ND 메시지들은 네트워크에 관한 중요한 정보들을 포함한다.")));
  // The left column's sentence in one piece (line by line across both columns would cut it).
  assert.ok(body.includes(bare("네트워크의 발달은 60년대 초 메인프레임과 더미 터미널을 연결하는 것으로 시작되어 현재 3A(Anytime, Anywhere, Anydevice) 산업이라고도 하는 유비쿼터스(ubiquitous) 시대를 눈앞에 두고 있다.")));
  assert.ok(body.indexOf(bare("눈앞에 두고 있다.")) < body.indexOf(bare("IPv6는 128비트 주소공간")), "left column before right column");
  assert.ok(r.text.includes("3A(Anytime,"), "a Latin word broken without a hyphen is joined");
  assertNoPageFurniture(r, starting("2010년 1월 학회논문지 제00권 00편 제1호"));
  assert.ok((r.layout?.columnPages ?? 0) >= 5);
});

test("pdf04 (briefing with 9 footnotes): footnotes become notes after their markers", async () => {
  const r = await source("pdf04_footnote-01-3dprinting.pdf");
  assert.ok(bare(r.text).includes(bare("플라스틱 액체1)와 같은 원료를 사출해 3차원 모양의 고체 물질을 자유롭게 찍어내는 기술")));
  assert.ok(bare(r.text).includes(bare("산업용 샘플을 찍어내던 것에서 발전해 시계, 신발, 휴대전화 케이스, 자동차 부속품까지 출력")));
  assert.equal(r.notes?.length, 9);
  const [first, second] = r.notes!;
  assert.equal(first.text, "플라스틱 액체란");
  assert.equal(second.text, "3D 프린팅은 플라스틱 액체와 같은 원료");
  assert.ok(paragraphsOf(r)[first.paragraph].slice(0, first.offset).endsWith("플라스틱 액체1)"));
  assert.ok(!r.text.includes("플라스틱 액체란"), "footnote text is not in the body");
  assertNoPageFurniture(r);
});

test("pdf05 (Word report with an image cover) and pdf06 (two-column minutes)", async () => {
  const r5 = await source("pdf05_kb-korea-wealth-report-2025-summary_word.pdf");
  assert.ok(bare(r5.text).includes(bare("《2025년 한국 부자 보고서》는 2011년 처음 발간한 이후 올해 열다섯 번째를 맞았다. 지난 15년간 본 보고서는 한국 부자들의 자산관리 노하우를 집중 분석해 전달함으로써 ‘온 국민이 부자되는 길’을 찾는 데 필요한 가이드라인을 제공하는 데 목적을 두고 있다.")));
  assertNoPageFurniture(r5);
  const r6 = await source("pdf06_na-minutes-414-env-labor-2col.pdf");
  assert.ok(bare(r6.text).includes(bare("◯위원장 박정 의석을 정돈하여 주시기 바랍니다. 성원이 되었으므로 제414회 국회(임시회) 제1차 환경노동위원회를 개회하겠습니다. 보고사항은 단말기를 참고하여 주시기 바랍니다.")));
  assertNoPageFurniture(r6, starting("제414회-환경노동제1차(2024년5월7일)"));
  assert.ok((r6.layout?.columnPages ?? 0) >= 10);
});

test("a PDF without a text layer is refused as an image that needs OCR", async () => {
  await assert.rejects(source("special01_no-text-layer_public-ax-guide.pdf"), (e: { key?: string; message?: string }) => {
    assert.equal(e.key, "import:pdfNoText");
    assert.match(e.message ?? "", /special01_no-text-layer_public-ax-guide\.pdf.*OCR/);
    return true;
  });
});

test("an encrypted PDF asks for its password, says when it is wrong, and opens with the right one", async () => {
  const name = "special02_encrypted-pdf_pw-test_english.pdf";
  await assert.rejects(source(name), { key: "import:pdfPassword" });
  await assert.rejects(source(name, "wrong"), { key: "import:pdfWrongPassword" });
  const r = await source(name, "test");
  assert.ok(collapse(r.text).startsWith("Lorem Ipsum"));
  assert.ok(collapse(r.text).includes("Lorem ipsum dolor sit amet, consectetur adipiscing elit,"));
  // Ragged-right lines wrap before the column's edge without ending their paragraph.
  assert.deepEqual(paragraphsOf(r).map((p) => p.slice(0, 11)), ["Lorem Ipsum", "Lorem ipsum"]);
});

test("a damaged PDF names the file", async () => {
  const bytes = new TextEncoder().encode("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF");
  await assert.rejects(importText("broken.pdf", bytes, { pdfAssets: readPdfAsset }), (e: { key?: string; message?: string }) => {
    assert.ok(e.key === "import:pdfDamaged" || e.key === "import:pdfNoText", e.key);
    assert.match(e.message ?? "", /broken\.pdf/);
    return true;
  });
});

test("dari new --ko file.pdf [--password]: an encrypted PDF is refused without a project, imported with its password; footnotes become notes", async () => {
  const { mkdtemp, rm, access } = await import("node:fs/promises");
  const { tmpdir } = await import("node:os");
  const { dari } = await import("../test/support");
  const { parseProject } = await import("../app/document");
  const dir = await mkdtemp(join(tmpdir(), "dari-pdf-cli-"));
  try {
    const out = join(dir, "p.dari");
    const locked = join(SOURCES, "special02_encrypted-pdf_pw-test_english.pdf");
    const refused = await dari("new", "--ko", locked, "-o", out);
    assert.equal(refused.code, 1);
    assert.match(refused.err, /special02_encrypted-pdf_pw-test_english\.pdf.*password/);
    await assert.rejects(access(out), "no partial project is written");
    const wrong = await dari("new", "--ko", locked, "--password", "nope", "-o", out);
    assert.match(wrong.err, /password .*is wrong/);
    // The Korean sample as LibreOffice printed it, with its two footnotes.
    const made = await dari("new", "--ko", await libreOfficePdf(), "--en", join(SOURCES, "../corpus/commentary.en.txt"), "-o", out);
    assert.equal(made.code, 0, made.err);
    const project = parseProject(await readFile(out, "utf8"));
    const notes: string[] = [];
    project.doc.descendants((n) => {
      if (n.type.name === "segment" && n.attrs.note) notes.push(n.attrs.note);
      return n.type.name !== "segment";
    });
    assert.deepEqual(notes.map((n) => n.replace(/^\d+ /, "")), FOOTNOTES.map((f) => f.text));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

/** A one-page PDF whose text is set in a non-embedded Adobe-Korea1 CID font (as many Korean PDFs are): it can only be read with the CMaps. */
function cidFontPdf(text: string): Uint8Array {
  const hex = Buffer.from(text, "utf16le").swap16().toString("hex").toUpperCase();
  const content = `BT /F1 12 Tf 72 720 Td <${hex}> Tj ET`;
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    "<< /Type /Font /Subtype /Type0 /BaseFont /HYSMyeongJo-Medium /Encoding /UniKS-UTF16-H /DescendantFonts [6 0 R] >>",
    "<< /Type /Font /Subtype /CIDFontType0 /BaseFont /HYSMyeongJo-Medium /CIDSystemInfo << /Registry (Adobe) /Ordering (Korea1) /Supplement 2 >> /FontDescriptor 7 0 R /DW 1000 >>",
    "<< /Type /FontDescriptor /FontName /HYSMyeongJo-Medium /Flags 6 /FontBBox [0 -148 1001 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 60 >>",
  ];
  let out = "%PDF-1.7\n";
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(out));
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out);
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, "latin1"));
}

test("a Korean CID-font PDF is read with pdfjs's bundled Adobe-Korea1 CMaps, through the injected reader, and nothing is fetched", async () => {
  const sentence = "북러 정상회담은 보스토치니 우주기지에서 열렸다.";
  const asked: string[] = [];
  const fetched: string[] = [];
  const realFetch = globalThis.fetch;
  globalThis.fetch = (async (url: unknown) => {
    fetched.push(String(url));
    throw new Error("no network");
  }) as typeof fetch;
  try {
    const r = await importText("cid.pdf", cidFontPdf(sentence), {
      pdfAssets: async (kind, name) => {
        asked.push(`${kind}/${name}`);
        return readPdfAsset(kind, name);
      },
    });
    assert.equal(r.text, sentence);
  } finally {
    globalThis.fetch = realFetch;
  }
  assert.ok(asked.includes("cmaps/UniKS-UTF16-H.bcmap") && asked.includes("cmaps/Adobe-Korea1-UCS2.bcmap"), asked.join(", "));
  assert.deepEqual(fetched, []);
  // The reader gives only files of pdfjs's two data folders.
  await assert.rejects(readPdfAsset("cmaps", "../package.json"));
});

test("the PDF of a Hangul document gives the body text of its HWP and HWPX, in order, with the same footnotes", async () => {
  const hangul = async (name: string, tables: "skip" | "passages") => importText(name, new Uint8Array(await readFile(join(SOURCES, name))), { tables });
  const pdf = await source("pdf04_footnote-01-3dprinting.pdf");
  // Hangul draws its list bullets (❏, ❍) into the PDF; the .hwp holds them as paragraph numbering, not text.
  const pdfText = bare(pdf.text).replace(/[❏❍]/g, "");
  for (const name of ["hwp02_footnote-01-3dprinting.hwp", "hwpx03_footnote-01-3dprinting.hwpx"]) {
    // The PDF keeps its boxed headings (tables) in place; the .hwp's tables come after the body, so compare without them.
    const doc = await hangul(name, "skip");
    let at = 0;
    for (const p of paragraphsOf(doc)) {
      const want = bare(p).replace(/[❏❍]/g, "");
      if (!want) continue;
      const found = pdfText.indexOf(want, at);
      assert.ok(found >= 0, `${name}: the PDF lacks, in order, “${p.slice(0, 60)}”`);
      at = found + want.length;
    }
    // The same footnotes, one of them inside a table (whose place, and so number, differs once tables follow the body).
    assert.deepEqual(
      (pdf.notes ?? []).map((n) => bare(n.text)).sort(),
      ((await hangul(name, "passages")).notes ?? []).map((n) => bare(n.text)).sort(),
      `${name}: the same footnotes`,
    );
  }
});
