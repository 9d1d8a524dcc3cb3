import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { execFileSync } from "node:child_process";
import { unzipSync, strFromU8 } from "fflate";
import { exportDocx } from "./docx";
import { collect } from "./collect";
import { themedProject, CODEBOOK } from "../../test/fixtures/export-project";
import { fileExists, tempFolder, writeTestFile } from "../../test/support";

function parts(bytes: Uint8Array): Record<string, string> {
  const files = unzipSync(bytes);
  return Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strFromU8(v)]));
}

/** The visible text of a piece of WordprocessingML. */
const textOf = (xml: string) => [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("");

test("the docx has the two-column table with a repeating header and rows kept whole", async () => {
  const files = parts(await exportDocx(themedProject(), { uiLanguage: "en", showStatus: true }));
  const doc = files["word/document.xml"];
  assert.ok(doc);
  const rows = [...doc.matchAll(/<w:tr>.*?<\/w:tr>/gs)].map((m) => m[0]);
  assert.equal(rows.length, 1 + 12 + 49, "header, passage rows, segment rows");
  assert.match(rows[0], /<w:tblHeader\/>/);
  assert.equal(textOf(rows[0]), "#KoreanEnglishStatus");
  assert.ok(rows.every((r) => r.includes("<w:cantSplit/>")));
  const seg3 = rows.find((r) => textOf(r).startsWith("3그러나 정상회담 방식과"))!;
  assert.ok(seg3, "segment 3 row");
  assert.match(textOf(seg3), /However, the format and length of the summit.*Translated$/);
  assert.match(textOf(doc), /북러 정상회담 논평/);
});

test("theme highlights are shading in the theme colours", async () => {
  const files = parts(await exportDocx(themedProject()));
  const doc = files["word/document.xml"];
  // Each run tagged with one theme is shaded with a tint whose strongest channel is the theme's.
  const runs = [...doc.matchAll(/<w:r>(<w:rPr>.*?<\/w:rPr>)<w:t(?: [^>]*)?>([^<]*)<\/w:t><\/w:r>/g)];
  const fill = (text: string) => {
    const r = runs.find((m) => m[2] === text && /w:fill="/.test(m[1]));
    assert.ok(r, `a shaded run “${text}”`);
    const hex = /w:fill="([0-9A-F]{6})"/.exec(r[1])![1];
    return [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16));
  };
  const strongest = (c: number[]) => c.indexOf(Math.max(...c));
  assert.equal(strongest(fill("space")), 2, "space cooperation is blue");
  assert.equal(strongest(fill("무기")), 0, "arms trade is red");
  assert.equal(strongest(fill("Cold War")), 1, "new Cold War is green");
  // The legend shows every used theme with a swatch in its exact colour.
  for (const c of CODEBOOK) assert.ok(doc.includes(`w:fill="${c.color.slice(1).toUpperCase()}"`), c.id);
  assert.match(textOf(doc), /우주 협력 · Space cooperation/);
  assert.match(textOf(doc), /주제 색인/);
});

test("memos are Word comments anchored to their spans", async () => {
  const p = themedProject();
  const files = parts(await exportDocx(p));
  const doc = files["word/document.xml"];
  const comments = files["word/comments.xml"];
  assert.ok(comments, "comments part");
  const data = collect(p);
  const expected = data.annotations.filter((a) => a.note).reduce((n, a) => n + a.ranges.length, 0) + data.segments.filter((s) => s.note).length;
  const list = [...comments.matchAll(/<w:comment [^>]*w:id="(\d+)"[^>]*>(.*?)<\/w:comment>/gs)].map((m) => ({ id: m[1], text: textOf(m[2]) }));
  assert.equal(list.length, expected);
  const anchored = (id: string) => textOf(new RegExp(`<w:commentRangeStart w:id="${id}"/>(.*?)<w:commentRangeEnd w:id="${id}"/>`, "s").exec(doc)![1]);
  const arms = list.find((c) => c.text.includes("탄약과 포탄 거래"))!;
  assert.equal(anchored(arms.id), "무기");
  const overlap = list.find((c) => c.text.includes("신냉전 구도로"))!;
  assert.equal(anchored(overlap.id), data.segments[0].text.ko);
  const segNote = list.find((c) => c.text.includes("고유명사 표기"))!;
  assert.equal(anchored(segNote.id), data.segments[4].text.ko);
  const split = list.filter((c) => c.text.includes("spans two segments"));
  assert.deepEqual(split.map((c) => anchored(c.id)), ["ole world.", "Because no p"]);
  for (const c of list) assert.ok(doc.includes(`<w:commentReference w:id="${c.id}"/>`));
});

test("LibreOffice opens the docx (converts it to PDF with the Korean text)", async () => {
  const dir = tempFolder("dari-docx-");
  const file = join(dir, "commentary.docx");
  writeTestFile(file, await exportDocx(themedProject(), { orientation: "landscape", showConfidence: true }));
  execFileSync("libreoffice", [`-env:UserInstallation=file://${dir}/profile`, "--headless", "--convert-to", "pdf", "--outdir", dir, file], { stdio: "ignore", timeout: 60_000 });
  const pdf = join(dir, "commentary.pdf");
  assert.ok(fileExists(pdf), "LibreOffice wrote a PDF");
  const info = execFileSync("pdfinfo", [pdf], { encoding: "utf8" });
  const [, w, h] = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info)!;
  assert.ok(Number(w) > Number(h), "landscape");
  const text = execFileSync("pdftotext", [pdf, "-"], { encoding: "utf8" });
  assert.match(text, /북러 정상회담 논평/);
  assert.match(text.replace(/\s+/g, " "), /북한이 우주개발, 특히 우주군사화에/);
});
