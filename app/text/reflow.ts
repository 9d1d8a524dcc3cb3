// Rebuilding paragraphs from text whose line breaks are layout: PDF extractions
// (Korean and English), hard-wrapped blocks, or clean one-paragraph-per-line
// text. Reflow changes layout only: line breaks, indents, runs of spaces (NBSP
// and full-width spaces count as spaces) and a byte-order mark; and in English,
// the hyphen of a word broken across a line end (`coopera-` + `tion`). No other
// character is added, dropped or changed.
//
// PDF text (see ../shared/corpus/README.md): a line that ends in a space ends at
// a word boundary, one that does not ends inside a word; a new paragraph starts
// after a sentence end on an indented line, or after a line ending in two
// spaces; a page break may add one leading space that is not an indent. Korean
// PDF text whose lines lost their trailing spaces has its breaks judged from
// the text's own syllable statistics instead.
import { sentenceSpans, type TextLang } from "./sentences";
import { splitLines, eachLine, collapseSpaces, leadingSpace, trailingSpace, isBlank, hangulRatio, countLetters, type LetterCounts } from "./normalize";
import { runInSlices } from "../slices";

export const REFLOW_MODES = ["pdf", "lines", "blocks"] as const;
/** pdf: lines wrapped anywhere, paragraphs by indent/sentence end; lines: one paragraph a line; blocks: paragraphs separated by blank lines. */
export type ReflowMode = (typeof REFLOW_MODES)[number];

export interface ReflowOptions {
  /** "auto" (the default) detects the mode. */
  mode?: ReflowMode | "auto";
  /** Language of the text; detected from its Hangul when absent. */
  lang?: TextLang;
}

export interface ReflowResult {
  paragraphs: string[];
  mode: ReflowMode;
  lang: TextLang;
}

const SENTENCE_END = /[.?!…。？！]["'”’»)\]」』》]*$/;

interface LineInfo {
  raw: string;
  body: string;
  lead: string;
  trail: string;
  /** Blank lines before this one. */
  blanksBefore: number;
}

/** A line's layout, or null for a blank line. */
function lineInfo(raw: string, afterText: boolean, blanks: number): LineInfo | null {
  if (isBlank(raw)) return null;
  return { raw, body: collapseSpaces(raw), lead: leadingSpace(raw), trail: trailingSpace(raw), blanksBefore: afterText ? blanks : 0 };
}

function lineInfos(text: string): LineInfo[] {
  const out: LineInfo[] = [];
  let blanks = 0;
  for (const raw of splitLines(text)) {
    const line = lineInfo(raw, out.length > 0, blanks);
    if (line) {
      out.push(line);
      blanks = 0;
    } else blanks++;
  }
  return out;
}

interface Layout {
  /** Most lines are followed by a blank line (double-spaced PDF extraction). */
  doubleSpaced: boolean;
  /** Some lines end in a space, so a line without one ends inside a word. */
  trailingSpaceMarksWords: boolean;
  /** Share of lines that end a sentence. */
  endRatio: number;
  /** Share of lines followed by a blank line. */
  blankRatio: number;
  medianLength: number;
}

function layoutOf(lines: LineInfo[]): Layout {
  const steps = layoutSteps(lines);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** The layout of the lines, yielding every STEP lines (a book has a million). */
function* layoutSteps(lines: LineInfo[]): Generator<void, Layout> {
  const n = lines.length;
  let ends = 0;
  let blankAfter = 0;
  let spaced = 0;
  // Line lengths as a histogram: the median without sorting a million numbers.
  const lengths = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    if (i % STEP === STEP - 1) yield;
    const body = lines[i].body;
    if (SENTENCE_END.test(body)) ends++;
    lengths.set(body.length, (lengths.get(body.length) ?? 0) + 1);
    if (i + 1 < n) {
      if (lines[i + 1].blanksBefore > 0) blankAfter++;
      if (lines[i].trail.length > 0) spaced++;
    }
  }
  let medianLength = 0;
  let seen = 0;
  for (const [length, count] of [...lengths].sort((a, b) => a[0] - b[0])) {
    seen += count;
    if (seen > Math.floor(n / 2)) {
      medianLength = length;
      break;
    }
  }
  const blankRatio = n > 1 ? blankAfter / (n - 1) : 0;
  return {
    doubleSpaced: n > 2 && blankRatio >= 0.8,
    trailingSpaceMarksWords: n > 2 && spaced / (n - 1) >= 0.15,
    endRatio: n ? ends / n : 0,
    blankRatio,
    medianLength,
  };
}

function pickMode(lines: LineInfo[], layout: Layout): ReflowMode {
  if (lines.length <= 1) return "lines";
  // Lines that end sentences and are as long as paragraphs (or nearly all end one):
  // each line (or block) is a paragraph already. Printed lines are short.
  if (layout.endRatio >= 0.9 || (layout.endRatio >= 0.6 && layout.medianLength > 120)) return layout.blankRatio >= 0.5 ? "blocks" : "lines";
  // Every line followed by a blank one: a double-spaced PDF extraction, unless the
  // lines are far longer than a printed line (then they are paragraphs).
  if (layout.doubleSpaced) return layout.medianLength > 150 ? "blocks" : "pdf";
  // Wrapped lines with blank lines between paragraphs.
  if (layout.blankRatio > 0) return "blocks";
  return "pdf";
}

/** Detects how the text is laid out. */
export function detectMode(text: string): ReflowMode {
  const lines = lineInfos(text);
  return pickMode(lines, layoutOf(lines));
}

/** The share of Hangul among counted letters. */
const ratio = (c: LetterCounts) => (c.letters ? c.hangul / c.letters : 0);

/** Detects the language of a text from its share of Hangul. */
export function detectLang(text: string): TextLang {
  return hangulRatio(text) >= 0.3 ? "ko" : "en";
}

/** Does the paragraph so far end a sentence, judged as the splitter would with the next line after it? */
function endsSentence(paragraph: string, nextBody: string, lang: TextLang): boolean {
  if (!SENTENCE_END.test(paragraph)) return false;
  const tail = paragraph.slice(-400);
  const joined = `${tail} ${nextBody.slice(0, 80)}`;
  return sentenceSpans(joined, lang).some((s) => s.end === tail.length);
}

/**
 * Joins the next line to a paragraph: with a space when the line ends at a word
 * boundary, without one when it ends inside a word.
 */
function join(
  paragraph: string,
  prev: LineInfo,
  next: LineInfo,
  layout: Layout,
  hyphenated: () => Set<string>,
  wordEnds?: (before: string, after: string) => boolean,
): string {
  const body = next.body;
  if (prev.trail.length > 0) return `${paragraph} ${body}`;
  // `coopera-` + `tion`: a word broken at a line end, unless the text spells it with a hyphen elsewhere.
  const m = /(\p{Ll}+)-$/u.exec(prev.body);
  const n = /^\p{Ll}+/u.exec(body);
  if (m && n && /\p{Script=Latin}/u.test(m[1]) && paragraph.endsWith(m[0])) {
    if (!hyphenated().has(`${m[1]}-${n[0]}`.toLowerCase())) return paragraph.slice(0, -1) + body;
    return paragraph + body;
  }
  // A compound broken at its own hyphen: `Austria-` + `Hungary`.
  if (/\p{Script=Latin}-$/u.test(prev.body) && /^\p{L}/u.test(body)) return paragraph + body;
  if (layout.trailingSpaceMarksWords) return paragraph + body;
  if (wordEnds) {
    const a = prev.body[prev.body.length - 1];
    const b = body[0];
    if (SYLLABLE.test(a) && SYLLABLE.test(b) && !wordEnds(a, b)) return paragraph + body;
  }
  return `${paragraph} ${body}`;
}

const SYLLABLE = /[\uac00-\ud7a3]/;

/**
 * For Korean PDF text that does not mark word ends with a trailing space:
 * whether a line break between two syllables is a word boundary, judged from
 * how often, elsewhere in the same text, the syllable before ends a word and
 * the one after starts one (다, 는, 을 end words; 중, 시 rarely do).
 */
function syllableJudge(lines: LineInfo[]): (before: string, after: string) => boolean {
  const final = new Map<string, number>();
  const initial = new Map<string, number>();
  const total = new Map<string, number>();
  const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
  for (const l of lines) {
    for (const token of l.body.split(" ")) {
      const word = token.replace(/^[^\uac00-\ud7a3]+|[^\uac00-\ud7a3]+$/g, "");
      if (!word) continue;
      for (const ch of word) bump(total, ch);
      bump(final, word[word.length - 1]);
      bump(initial, word[0]);
    }
  }
  return (a, b) => {
    const pa = ((final.get(a) ?? 0) + 0.5) / ((total.get(a) ?? 0) + 1);
    const pb = ((initial.get(b) ?? 0) + 0.5) / ((total.get(b) ?? 0) + 1);
    return pa * pb > (1 - pa) * (1 - pb);
  };
}

/** Hyphenated words written on one line, so a line-end hyphen in one of them is kept; computed on first need. */
function hyphenatedWords(lines: LineInfo[]): () => Set<string> {
  let set: Set<string> | null = null;
  return () => {
    if (set) return set;
    set = new Set<string>();
    for (const l of lines) for (const m of l.body.matchAll(/\p{L}+-\p{L}+/gu)) set.add(m[0].toLowerCase());
    return set;
  };
}

// The work is a generator that yields its progress (0..1) every STEP lines, so
// a long import can run in slices between frames (reflowAsync) while the
// synchronous reflow() simply runs it through.
const STEP = 2000;

function* reflowPdf(lines: LineInfo[], layout: Layout, lang: TextLang, out: string[]): Generator<number, void> {
  const hyphenated = hyphenatedWords(lines);
  const wordEnds = lang === "ko" && !layout.trailingSpaceMarksWords ? syllableJudge(lines) : undefined;
  let current = "";
  let prev: LineInfo | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (i % STEP === STEP - 1) yield 0.5 + (0.5 * i) / lines.length;
    if (!prev) {
      current = line.body;
      prev = line;
      continue;
    }
    const blankBreak = layout.doubleSpaced ? line.blanksBefore >= 2 : line.blanksBefore >= 1;
    const twoSpaces = prev.trail.length >= 2;
    const indented = line.lead.length > 0;
    // A short line before an indented one ends its paragraph even without a terminator (a heading).
    const shortBefore = layout.medianLength > 20 && prev.body.length < layout.medianLength * 0.5;
    // A short line that ends a sentence is a paragraph's last line, even when the next is not indented.
    const shortEnd = layout.medianLength > 30 && prev.body.length < layout.medianLength * 0.6 && endsSentence(current, line.body, lang);
    const newParagraph = blankBreak || twoSpaces || shortEnd || (indented && (shortBefore || endsSentence(current, line.body, lang)));
    if (newParagraph) {
      out.push(current);
      current = line.body;
    } else {
      current = join(current, prev, line, layout, hyphenated, wordEnds);
    }
    prev = line;
  }
  if (current) out.push(current);
}

function* reflowBlocks(lines: LineInfo[], layout: Layout, out: string[]): Generator<number, void> {
  const hyphenated = hyphenatedWords(lines);
  let current = "";
  let prev: LineInfo | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (i % STEP === STEP - 1) yield 0.5 + (0.5 * i) / lines.length;
    if (!prev || line.blanksBefore > 0) {
      if (prev) out.push(current);
      current = line.body;
    } else {
      current = join(current, prev, line, layout, hyphenated);
    }
    prev = line;
  }
  if (prev) out.push(current);
}

function* reflowSteps(text: string, options: ReflowOptions): Generator<number, ReflowResult> {
  // Lines are read, measured and counted a slice at a time: splitting or
  // scanning a 50 MB text in one go held the window for a fifth of a second.
  const lines: LineInfo[] = [];
  const letters = { hangul: 0, letters: 0 };
  let blanks = 0;
  let count = 0;
  for (const { line: raw, end } of eachLine(text)) {
    if (++count % STEP === 0) yield (0.45 * end) / text.length;
    if (!options.lang) countLetters(raw, letters);
    const line = lineInfo(raw, lines.length > 0, blanks);
    if (line) {
      lines.push(line);
      blanks = 0;
    } else blanks++;
  }
  const measuring = layoutSteps(lines);
  let layout: Layout;
  for (let i = 0; ; i++) {
    const r = measuring.next();
    if (r.done) {
      layout = r.value;
      break;
    }
    yield 0.45 + (0.05 * i * STEP) / Math.max(1, lines.length);
  }
  const mode = !options.mode || options.mode === "auto" ? pickMode(lines, layout) : options.mode;
  const lang = options.lang ?? (ratio(letters) >= 0.3 ? "ko" : "en");
  const paragraphs: string[] = [];
  if (mode === "lines") for (const l of lines) paragraphs.push(l.body);
  else if (mode === "blocks") yield* reflowBlocks(lines, layout, paragraphs);
  else yield* reflowPdf(lines, layout, lang, paragraphs);
  return { paragraphs: paragraphs.filter((p) => p.length > 0), mode, lang };
}

/** Rebuilds the paragraphs of a text, detecting (or using the given) layout mode. */
export function reflow(text: string, options: ReflowOptions = {}): ReflowResult {
  const steps = reflowSteps(text, options);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/**
 * reflow() in slices of about `sliceMs`, yielding to the event loop between
 * them and reporting progress (0..1), so a long import does not freeze the window.
 */
export function reflowAsync(text: string, options: ReflowOptions = {}, onProgress?: (fraction: number) => void, sliceMs = 12): Promise<ReflowResult> {
  return runInSlices(reflowSteps(text, options), onProgress, sliceMs);
}

/**
 * The Korean word-break judge of PDF reflow for lines already laid out by
 * another reader (app/import/pdf-layout): given the lines of a document,
 * whether a line break between two syllables is a word boundary.
 */
export function koreanLineBreakJudge(lines: readonly string[]): (before: string, after: string) => boolean {
  const infos: LineInfo[] = [];
  for (const raw of lines) {
    const info = lineInfo(raw, false, 0);
    if (info) infos.push(info);
  }
  return syllableJudge(infos);
}
