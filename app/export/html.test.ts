import { test } from "node:test";
import assert from "node:assert/strict";
import { exportHtml } from "./html";
import { collect } from "./collect";
import { themedProject } from "../../test/fixtures/export-project";

test("the HTML export is one self-contained file that makes no request", async () => {
  const html = await exportHtml(themedProject());
  assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">/);
  assert.doesNotMatch(html, /<script|<link|<img|<iframe|@import|url\(|src=/i);
  assert.doesNotMatch(html, /href="(?!#)/, "every link is inside the document");
  // Every internal link points at an element that exists.
  const ids = new Set([...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]));
  const targets = [...html.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]);
  assert.ok(targets.length > 40);
  for (const t of targets) assert.ok(ids.has(t), `link #${t} has a target`);
});

test("title block, passages and segments in two columns, Korean font stack", async () => {
  const p = themedProject();
  const html = await exportHtml(p, { uiLanguage: "en" });
  for (const v of ["북러 정상회담 논평", "국민대학교", "강윤희", "2023-09-20", "Korean → English"]) assert.ok(html.includes(v), v);
  assert.equal([...html.matchAll(/<tr class="passage-head">/g)].length, 12);
  assert.equal([...html.matchAll(/<tr id="s\d+">/g)].length, 49);
  assert.match(html, /<th lang="ko">Korean<\/th><th>English<\/th>/);
  // Segment 3 with its Korean and English text in its two cells.
  const row = /<tr id="s3">(.*?)<\/tr>/.exec(html)![1];
  assert.match(row, /<td lang="ko">그러나 정상회담 방식과 소요 시간/);
  assert.match(row, /<td lang="en">However, the format and length of the summit/);
  for (const f of ["Malgun Gothic", "Apple SD Gothic Neo", "Noto Sans CJK KR"]) assert.ok(html.includes(f), f);
});

test("themes are underlined in their colours as in the editor, overlaps in lanes, with legend and index", async () => {
  const p = themedProject();
  const html = await exportHtml(p, { uiLanguage: "ko" });
  const data = collect(p);
  // Each tagged piece is underlined in its theme's colour, as in the editor.
  const pieces = [...html.matchAll(/<span class="th ([^"]+)" style="([^"]+)" title="([^"]+)">([^<]*)<\/span>/g)];
  const spacePiece = pieces.find((m) => m[4] === "space")!;
  assert.match(spacePiece[2], /linear-gradient\(#1f77b4,#1f77b4\)/);
  assert.equal(spacePiece[3], "우주 협력 · Space cooperation");
  // The first Korean sentence is tagged twice: where "우주" overlaps it, two lanes (new Cold War below, space above).
  const first = /<tr id="s1">.*?<td lang="ko">(.*?)<\/td>/.exec(html)![1];
  const overlap = [...first.matchAll(/<span class="th [^"]+" style="([^"]+)" title="([^"]+)">우주<\/span>/g)][0];
  assert.match(overlap[1], /^background-image:linear-gradient\(#2ca02c,#2ca02c\),linear-gradient\(#1f77b4,#1f77b4\);.*background-position:0 calc\(100% - 0px\),0 calc\(100% - 3px\)/);
  assert.equal(overlap[2], "신냉전 · New Cold War&#10;우주 협력 · Space cooperation", "both labels on hover, one a line");
  assert.match(first, /^<a class="anchor" id="a\d+"><\/a><span class="th c\d+" style="[^"]+" title="신냉전 · New Cold War">2023년 9월 13일 러시아 보스토치니 <\/span><a class="anchor" id="a\d+"><\/a><span/);
  // Legend swatches carry the codebook colours.
  data.usedCodes.forEach((c, i) => assert.ok(html.includes(`.k${i}{background:${c.color}}`), c.id));
  // Legend: every used theme once, with its count; the index lists segments and quotes.
  const legend = /<ul class="legend">(.*?)<\/ul>/.exec(html)![1];
  assert.equal([...legend.matchAll(/<li>/g)].length, 3);
  assert.match(legend, /우주 협력 · Space cooperation <span class="count">주석 20개, 세그먼트 6개/);
  const index = /<section class="index">(.*)<\/section>/s.exec(html)![1];
  const space = index.split('<div class="index-entry">').find((e) => e.includes("우주 협력"))!;
  const segs = [...data.segments.filter((s) => s.text.ko.includes("우주") || s.text.en.includes("space"))].map((s) => s.number);
  assert.equal(/<p class="segs">.*?<\/p>/.exec(space)![0].match(/href="#s\d+"/g)!.length, segs.length);
  assert.match(index, /<blockquote lang="en"><a href="#a\d+">ole world\. … Because no p<\/a>/, "a quote over two segments");
});

test("memos are numbered notes, linked both ways", async () => {
  const p = themedProject();
  const html = await exportHtml(p, { uiLanguage: "en" });
  const notes = [...html.matchAll(/<li id="n(\d+)"><a class="where" href="#([^"]+)">([^<]*)<\/a>: ([^<]*)<\/li>/g)];
  const data = collect(p);
  const expected = data.annotations.filter((a) => a.note).length + data.segments.filter((s) => s.note).length;
  assert.equal(notes.length, expected);
  assert.deepEqual(notes.map((n) => Number(n[1])), notes.map((_, i) => i + 1), "numbered 1..n in order");
  assert.ok(notes.some((n) => n[4] === "번역 확인 필요: 고유명사 표기" && n[3] === "Segment 5"));
  assert.ok(notes.some((n) => n[4] === "spans two segments" && n[3].startsWith("Arms trade")));
  for (const n of notes) assert.ok(html.includes(`<sup class="nref"><a href="#n${n[1]}">${n[1]}</a></sup>`));
});

test("status and confidence columns are optional; print CSS for A4 in both orientations", async () => {
  const p = themedProject();
  const plain = await exportHtml(p, { uiLanguage: "en" });
  assert.doesNotMatch(plain, /<th>Status<\/th>|<th>Alignment<\/th>/);
  const full = await exportHtml(p, { uiLanguage: "en", showStatus: true, showConfidence: true, orientation: "landscape" });
  assert.match(full, /<th>Status<\/th><th>Alignment<\/th>/);
  assert.match(/<tr id="s3">.*?<\/tr>/.exec(full)![0], /<td class="status">Translated<\/td><td class="conf">64%<\/td>/);
  assert.match(/<tr id="s1">.*?<\/tr>/.exec(full)![0], /<td class="status">New ✓<\/td><td class="conf">—<\/td>/);
  assert.match(full, /@page\{size:A4 landscape/);
  assert.match(plain, /@page\{size:A4 portrait/);
  assert.match(plain, /thead\{display:table-header-group\}/);
  assert.match(plain, /tr\{break-inside:avoid;page-break-inside:avoid\}/);
});

test("progress is reported up to 1", async () => {
  const seen: number[] = [];
  await exportHtml(themedProject(), { onProgress: (f) => seen.push(f) });
  assert.ok(seen.length > 2);
  assert.equal(seen.at(-1), 1);
  assert.deepEqual([...seen].sort((a, b) => a - b), seen);
});

test("a crafted label language never reaches the page: <html lang> comes from the fixed list", async () => {
  const crafted = 'en"><script>alert(1)</script><html lang="';
  const html = await exportHtml(themedProject(), { uiLanguage: crafted as never });
  assert.doesNotMatch(html, /<script/i);
  assert.match(html, /^<!DOCTYPE html>\n<html lang="ko">/);
  assert.match(await exportHtml(themedProject(), { uiLanguage: "en" }), /^<!DOCTYPE html>\n<html lang="en">/);
  // The page orientation, written into the CSS, comes from its fixed list too.
  const page = await exportHtml(themedProject(), { orientation: "portrait;}</style><script>alert(1)</script><style>" as never });
  assert.doesNotMatch(page, /<script/i);
  assert.match(page, /@page\{size:A4 portrait;/);
});
