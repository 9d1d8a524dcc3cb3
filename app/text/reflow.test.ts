import { test } from "node:test";
import assert from "node:assert/strict";
import { reflow, reflowAsync, detectMode, type ReflowMode } from "./reflow";
import { corpus } from "../../test/support";

const read = corpus;
const blocks = (text: string) => text.split(/\n[ \t]*\n/).map((s) => s.trim()).filter(Boolean);
const koParagraphs = blocks(read("commentary.ko.txt"));
const enParagraphs = blocks(read("commentary.en.txt"));

function rng(seed: number): () => number {
  return () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
}

/** Lays paragraphs out as a PDF extraction would, by the rules of the corpus README. */
function layKoreanPdf(paragraphs: string[], rand: () => number, opts: { doubleSpaced: boolean; width: number }): string {
  const lines: string[] = [];
  for (const p of paragraphs) {
    let pos = 0;
    let first = true;
    while (pos < p.length) {
      let end = Math.min(p.length, pos + opts.width);
      let line = p.slice(pos, end);
      // Break at a space (the line keeps it) or inside a word (it does not).
      if (end < p.length && p[end] === " ") {
        line += " ";
        end++;
      } else if (end < p.length && p[end - 1] === " ") {
        // already ends with its space
      }
      const prev = lines.length ? lines[lines.length - 1] : "";
      let lead = "";
      if (first) lead = rand() < 0.5 ? " " : "\u3000";
      // A page break adds a space that is not an indent, never after a sentence end.
      else if (rand() < 0.1 && !/[.?!]\s*$/.test(prev)) lead = " ";
      lines.push(lead + line);
      first = false;
      pos = end;
    }
    // The paragraph's last line ends after its sentence; sometimes with two spaces.
    const last = lines.length - 1;
    lines[last] = lines[last].replace(/ *$/, rand() < 0.5 ? "  " : " ");
  }
  return lines.join(opts.doubleSpaced ? "\n\n" : "\n") + "\n";
}

/** Lays English paragraphs out as pdftotext does: no trailing spaces, words hyphenated at line ends. */
function layEnglishPdf(paragraphs: string[], width: number, separator: "indent" | "blank"): { text: string; hyphenations: number } {
  const out: string[] = [];
  let hyphenations = 0;
  paragraphs.forEach((p, pi) => {
    const words = p.split(" ");
    let line = separator === "indent" ? "  " : "";
    for (const w of words) {
      const room = width - line.length - (line.trim() ? 1 : 0);
      if (w.length <= room) {
        line += (line.trim() ? " " : "") + w;
      } else if (/^\p{Ll}{8,}$/u.test(w) && room >= 4) {
        const cut = room - 1;
        out.push(line + (line.trim() ? " " : "") + w.slice(0, cut) + "-");
        hyphenations++;
        line = w.slice(cut);
      } else {
        out.push(line);
        line = w;
      }
    }
    out.push(line);
    if (separator === "blank" && pi < paragraphs.length - 1) out.push("");
  });
  return { text: out.join("\n"), hyphenations };
}

/** The non-white-space characters of a text, in order. */
const ink = (s: string) => s.replace(/[\s\u00a0\u3000\ufeff]/g, "");

test("the PDF extraction of the sample gives exactly the 12 paragraphs of commentary.ko.txt", () => {
  const r = reflow(read("commentary.ko.pdf.txt"));
  assert.equal(r.mode, "pdf");
  assert.equal(r.lang, "ko");
  assert.equal(r.paragraphs.length, 12);
  assert.deepEqual(r.paragraphs, koParagraphs);
});

test("Korean PDF text whose lines lost their trailing spaces: word breaks judged from the text's own syllables", () => {
  const stripped = read("commentary.ko.pdf.txt").replace(/[ \t]+$/gm, "");
  const r = reflow(stripped);
  assert.equal(r.mode, "pdf");
  assert.equal(r.paragraphs.length, 12);
  const gold = new Set(koParagraphs.join(" ").split(" "));
  const words = r.paragraphs.join(" ").split(" ");
  const right = words.filter((w) => gold.has(w)).length;
  console.log(`# words rebuilt without trailing-space hints: ${right}/${words.length}`);
  assert.ok(right / words.length > 0.95, `${right}/${words.length} words as in the clean text`);
  // Joining every break with a space would be far worse: about half the breaks are inside words.
  const spaced = reflow(stripped.replace(/\n\n/g, "\n"), { mode: "blocks" }).paragraphs.join(" ").split(" ");
  assert.ok(spaced.filter((w) => gold.has(w)).length / spaced.length < 0.95);
});

test("CRLF, a BOM, NBSP and full-width spaces in the PDF text change nothing", () => {
  const pdf = read("commentary.ko.pdf.txt");
  const variants = [
    "\ufeff" + pdf.replace(/\n/g, "\r\n"),
    pdf.replace(/ \n/g, "\u00a0\n"),
    pdf.replace(/\n /g, "\n\u3000"),
    pdf.replace(/\n/g, "\r"),
  ];
  for (const v of variants) assert.deepEqual(reflow(v).paragraphs, koParagraphs);
});

test("already-clean text keeps its paragraphs: one a line, or blank-line separated", () => {
  const perLine = koParagraphs.join("\r\n");
  assert.equal(detectMode(perLine), "lines");
  assert.deepEqual(reflow(perLine).paragraphs, koParagraphs);
  const blank = "\ufeff" + koParagraphs.join("\n\n") + "\n";
  assert.equal(detectMode(blank), "blocks");
  assert.deepEqual(reflow(blank).paragraphs, koParagraphs);
  assert.deepEqual(reflow(read("commentary.en.txt")).paragraphs, enParagraphs);
  // Spaces inside a paragraph: NBSP and full-width spaces become plain spaces, runs collapse.
  assert.deepEqual(reflow("북러\u00a0정상회담은\u3000\u3000중요했다.\n둘째  단락이다.").paragraphs, ["북러 정상회담은 중요했다.", "둘째 단락이다."]);
  assert.deepEqual(reflow("").paragraphs, []);
  assert.deepEqual(reflow(" \n\n\u3000\n").paragraphs, []);
});

test("hard-wrapped Korean blocks are joined with a space", () => {
  const text = "첫 단락의 첫 줄이고\n이어지는 둘째 줄이다.\n\n둘째 단락은\n여기서 끝난다.";
  const r = reflow(text);
  assert.equal(r.mode, "blocks");
  assert.deepEqual(r.paragraphs, ["첫 단락의 첫 줄이고 이어지는 둘째 줄이다.", "둘째 단락은 여기서 끝난다."]);
});

test("English PDF text: broken words are rejoined, paragraphs found by indent or blank line", () => {
  for (const separator of ["indent", "blank"] as const) {
    for (const width of [38, 57, 71]) {
      const { text, hyphenations } = layEnglishPdf(enParagraphs, width, separator);
      assert.ok(hyphenations > 5, "the layout breaks words");
      const r = reflow(text);
      assert.equal(r.lang, "en");
      assert.deepEqual(r.paragraphs, enParagraphs, `${separator}, width ${width}`);
    }
  }
  // No indent and no blank line: a short last line that ends a sentence ends the paragraph.
  const flush = "The summit was held at the Vostochny Cosmodrome in the Russian\nFar East on 13 September 2023.\nIt drew the attention of the whole world, and analysts read it\nas a turning point in relations between the two countries.\nNobody expected it.\n";
  assert.deepEqual(reflow(flush).paragraphs, [
    "The summit was held at the Vostochny Cosmodrome in the Russian Far East on 13 September 2023.",
    "It drew the attention of the whole world, and analysts read it as a turning point in relations between the two countries. Nobody expected it.",
  ]);
  assert.deepEqual(reflow("  We need more coopera-\ntion in space. Real\nmilitary-\ntechnical ties with Austria-\nHungary matter.\n  Also military-technical aid.").paragraphs, [
    "We need more cooperation in space. Real military-technical ties with Austria-Hungary matter.",
    "Also military-technical aid.",
  ]);
});

test("Korean PDF layouts of any width, single or double spaced, reflow exactly", () => {
  const rand = rng(11);
  for (let n = 0; n < 40; n++) {
    const width = 20 + Math.floor(rand() * 50);
    const doubleSpaced = rand() < 0.5;
    const text = layKoreanPdf(koParagraphs, rand, { doubleSpaced, width });
    const r = reflow(text);
    assert.equal(r.mode, "pdf", `width ${width}, double ${doubleSpaced}`);
    assert.deepEqual(r.paragraphs, koParagraphs, `width ${width}, double ${doubleSpaced}`);
  }
});

test("forcing a mode overrides detection", () => {
  const pdf = read("commentary.ko.pdf.txt");
  const lines = reflow(pdf, { mode: "lines" });
  assert.equal(lines.mode, "lines");
  assert.equal(lines.paragraphs.length, pdf.split("\n").filter((l) => l.trim()).length);
  const perLine = koParagraphs.join("\n");
  assert.equal(reflow(perLine, { mode: "blocks" }).paragraphs.length, 1);
});

test("reflow changes only layout white space, whatever the text and the mode (property)", () => {
  const rand = rng(5);
  const pieces = ["다.", " ", "  ", "\n", "\n\n", "\r\n", "\u00a0", "\u3000", "\t", "북러", "회담", "Korea", "coopera", "-", "tion", ".", "?", "(TASS 2023a)", "“", "”", "9.19", "\ufeff"];
  const modes: (ReflowMode | "auto")[] = ["auto", "pdf", "lines", "blocks"];
  for (let n = 0; n < 1500; n++) {
    let text = "";
    const len = Math.floor(rand() * 40);
    for (let k = 0; k < len; k++) text += pieces[Math.floor(rand() * pieces.length)];
    for (const mode of modes) {
      for (const lang of ["ko", "en"] as const) {
        const out = reflow(text, { mode, lang }).paragraphs;
        for (const p of out) assert.ok(p.length > 0 && p === p.trim() && !/[\n\r]/.test(p));
        const before = ink(text.replace(/^\ufeff/, ""));
        const after = ink(out.join(""));
        // Only a hyphen of a Latin word broken at a line end may go (`coopera-` + `tion`).
        const lineEndHyphens = (text.match(/\p{Script=Latin}-[ \t\u00a0\u3000]*(\r\n|\r|\n)/gu) ?? []).length;
        let i = 0;
        let dropped = 0;
        for (const ch of after) {
          while (before[i] !== ch && before[i] === "-") (i++, dropped++);
          assert.equal(before[i], ch, JSON.stringify({ text, mode }));
          i++;
        }
        for (; i < before.length; i++) (assert.equal(before[i], "-"), dropped++);
        assert.ok(dropped <= lineEndHyphens, JSON.stringify({ text, mode, dropped }));
      }
    }
  }
});

test("a long text reflows in slices, reporting progress and letting other work run between them", async () => {
  const pdf = read("commentary.ko.pdf.txt");
  const long = Array.from({ length: 60 }, () => pdf).join("\n");
  const progress: number[] = [];
  let ticks = 0;
  const timer = setInterval(() => ticks++, 0);
  const r = await reflowAsync(long, {}, (f) => progress.push(f), 0);
  clearInterval(timer);
  assert.deepEqual(r, reflow(long));
  assert.equal(r.paragraphs.length, 12 * 60);
  assert.ok(progress.length > 3, `progress reported ${progress.length} times`);
  assert.deepEqual([...progress].sort((a, b) => a - b), progress, "progress only grows");
  assert.equal(progress[progress.length - 1], 1);
  assert.ok(ticks > 0, "timers ran while it worked");
});
