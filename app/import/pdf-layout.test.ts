// The PDF layout rules on synthetic pages: positioned text items as pdfjs
// gives them, laid out as real documents are (A4, 10 pt text, a running
// header, page numbers, footnotes, two columns).
import { test } from "node:test";
import assert from "node:assert/strict";
import { layoutPdf, type PdfItem, type PdfPageText } from "./pdf-layout";

const A4 = { width: 595, height: 842 };
/** Width of a text set at `size`: Hangul is square, other characters about half as wide. */
const widthOf = (s: string, size: number) => [...s].reduce((w, ch) => w + (/[\uac00-\ud7a3]/.test(ch) ? size : 0.5 * size), 0);
const item = (str: string, x: number, y: number, size = 10): PdfItem => ({ str, x, y, width: widthOf(str, size), size });
/**
 * Lines of a justified column from the top (y = baseline of the first line),
 * 14 pt apart: every line spans the column's width but a paragraph's last
 * (one ending a sentence), which is as long as its text.
 */
const column = (lines: string[], x: number, top: number, size = 10, step = 14): PdfItem[] => {
  const full = Math.max(...lines.map((s) => widthOf(s, size)));
  return lines.map((s, i) => ({ ...item(s, x, top - i * step, size), ...(/[.다]$/.test(s) ? {} : { width: full }) }));
};
const page = (items: PdfItem[]): PdfPageText => ({ ...A4, items });
/** Pieces set one after the other on a baseline: [text, size, raised by]. */
const run = (parts: [string, number, number][], x: number, y: number): PdfItem[] => {
  const out: PdfItem[] = [];
  for (const [str, size, raise] of parts) {
    out.push(item(str, x, y + raise, size));
    x += widthOf(str, size);
  }
  return out;
};
const header = (n: number) => [item("한국국제정치연구소 정세 분석", 60, 800, 8), item(`- ${n} -`, 285, 40, 9)];

test("two-column pages are read column by column, not line by line across both", () => {
  const left = ["왼쪽 단의 첫 줄은 여기에서 시작하여 단의 오", "른쪽 끝까지 이어지고 다음 줄로 넘어가서 계", "속된다. 왼쪽 단의 이야기는 세 번째 줄까지", "이어지고 네 번째 줄에서 끝난다."];
  const right = ["오른쪽 단의 첫 줄은 왼쪽 단이 끝난 뒤에", "읽어야 하는 문장으로 시작하고 여기에서", "다음 줄로 넘어가며 오른쪽 단의 이야기도", "끝난다."];
  const [l0, r0] = [column(left, 60, 700), column(right, 330, 700)];
  const { paragraphs, report } = layoutPdf([page([...l0, ...r0].sort((a, b) => b.y - a.y || a.x - b.x))]);
  const text = paragraphs.join("\n");
  assert.ok(text.indexOf("네 번째 줄에서 끝난다.") < text.indexOf("오른쪽 단의 첫 줄"), text);
  assert.ok(text.includes("왼쪽 단의 첫 줄은"), text);
  assert.equal(report.columnPages, 1);
  // Switched off, the lines are read across the page as they lie.
  const across = layoutPdf([page([...l0, ...r0])], { columns: false }).paragraphs.join("\n");
  assert.ok(across.indexOf("오른쪽 단의 첫 줄") < across.indexOf("네 번째 줄에서 끝난다."), across);
});

test("running headers and page numbers are left out, and a paragraph continues across the page break", () => {
  const text3 = [
    ["이 문단은 여러 쪽에 걸쳐 이어지는 긴 문단으로서 줄마다 끝까", "지 글자가 채워진 줄이 이어진다. 그리고 마지막 줄은 다음", "쪽으로 넘어가는 줄이므로 문단이 끝나지 않고 계속 이어"],
    ["지고 두 번째 쪽에서도 마찬가지로 글자가 줄 끝까지 채워", "진 줄이 이어진다. 이 쪽의 마지막 줄도 다음 쪽으로 문단", "이 넘어가도록 줄 끝까지 글자를 채워 넣은 줄로 되어 있"],
    ["다. 세 번째 쪽에서 비로소 이 긴 문단이 끝나게 되는데 끝", "나기 전에 한 줄을 더 채워서 문단이 모두 세 쪽에 걸치게", "했다."],
  ];
  const pages = [1, 2, 3].map((n) => page([...header(n), ...column(text3[n - 1], 60, 740)]));
  const { paragraphs, report } = layoutPdf(pages);
  const text = paragraphs.join("\n");
  assert.ok(!text.includes("정세 분석"), text);
  assert.ok(!/- \d -/.test(text), text);
  assert.equal(report.headersRemoved, 6);
  assert.equal(paragraphs.length, 1, text);
  const kept = layoutPdf(pages, { removeHeaders: false }).paragraphs.join("\n");
  assert.ok(kept.includes("정세 분석"), kept);
});

test("a footnote at the page foot becomes a note placed just after its marker, which stays in the text", () => {
  const body = run([["북러 정상회담은 보스토치니 우주기지", 10, 0], ["1)", 6, 4], ["에서 열렸고 세계의 이목을 끌었다.", 10, 0]], 60, 700);
  const second = column(["회담 뒤에는 기자회견도 공동성명도 없었기 때문에 그 내", "용을 정확히 알기는 어렵다."], 60, 680);
  const foot = [item("1) 러시아 아무르주에 있는 우주기지.", 60, 90, 8)];
  const { paragraphs, notes, report } = layoutPdf([page([...body, ...second, ...foot])]);
  assert.equal(report.footnotes, 1);
  assert.equal(notes.length, 1);
  const [note] = notes;
  assert.equal(note.text, "러시아 아무르주에 있는 우주기지.");
  assert.equal(note.marker, "1)");
  assert.equal(paragraphs[note.paragraph].slice(0, note.offset), "북러 정상회담은 보스토치니 우주기지1)");
  assert.ok(!paragraphs.join(" ").includes("아무르주"), "the footnote is not in the body");
  assert.equal(layoutPdf([page([...body, ...second, ...foot])], { footnotes: false }).notes.length, 0);
});

test("English words hyphenated at a line end are rejoined; ligatures come out as letters", () => {
  const lines = ["The summit was a sign of closer military coopera-", "tion between the two states, and its signi\ufb01cance", "was not lost on the neighbours of both countries."];
  const { paragraphs } = layoutPdf([page(column(lines, 60, 700))]);
  assert.deepEqual(paragraphs, ["The summit was a sign of closer military cooperation between the two states, and its significance was not lost on the neighbours of both countries."]);
});

test("Korean lines broken inside a word are joined without a space, at a word end with one", () => {
  const lines = ["정상회담은 전 세계의 이목을 집중시키기에 충분한 사건이었다. 그 이목을 집", "중시키기에 충분했던 까닭은 회담 장소가 우주기지였기 때문이다. 회담은", "우주기지에서 열렸다."];
  const { paragraphs } = layoutPdf([page(column(lines, 60, 700))]);
  assert.equal(paragraphs.length, 1);
  assert.ok(paragraphs[0].includes("이목을 집중시키기에 충분했던"), paragraphs[0]);
  assert.ok(paragraphs[0].includes("회담은 우주기지에서"), paragraphs[0]);
});

test("a heading in a larger size and an indented first line start their own paragraphs", () => {
  const items = [
    item("북러 정상회담의 의미", 60, 760, 16),
    ...column(["2023년 9월 13일 보스토치니 우주기지에서 열린 북러 정상회담은 전 세계의", "이목을 끌었다."], 60, 730),
    ...column(["그러나 회담 뒤에 공동성명이 없었기 때문에 구체적 내용을 파악하기는 어렵"], 70, 702),
    ...column(["다."], 60, 688),
  ];
  const { paragraphs } = layoutPdf([page(items)]);
  assert.deepEqual(paragraphs, [
    "북러 정상회담의 의미",
    "2023년 9월 13일 보스토치니 우주기지에서 열린 북러 정상회담은 전 세계의 이목을 끌었다.",
    "그러나 회담 뒤에 공동성명이 없었기 때문에 구체적 내용을 파악하기는 어렵다.",
  ]);
});
