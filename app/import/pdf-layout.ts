// The layout of a PDF's text, from its positioned text items to paragraphs:
// items -> lines (rows of one baseline, split at wide gaps) -> running headers,
// footers and page numbers left out -> footnotes kept apart -> columns read
// one after the other -> paragraphs (joined across lines, columns and pages)
// with their footnote markers located. Pure: the pdfjs call is in ./pdf.ts,
// so this can be tested with synthetic items as well as with real files.
//
// Coordinates are PDF user space (y grows upwards, x to the right); `y` is an
// item's baseline. Everything here is heuristic, tuned on real Korean PDFs
// (../shared/sources) and on the sample commentary printed by LibreOffice
// and Chromium; the comments say which layout each rule is for.
import type { ImportedNote, LayoutOptions, LayoutReport } from "./index";
import { koreanLineBreakJudge } from "../text/reflow";
import { isParticleChain } from "../text/particles";

export interface PdfItem {
  str: string;
  /** Baseline start, PDF user space. */
  x: number;
  y: number;
  width: number;
  /** Font size (the text matrix's vertical scale). */
  size: number;
}

export interface PdfPageText {
  width: number;
  height: number;
  items: PdfItem[];
}

export interface PdfLayout {
  paragraphs: string[];
  notes: ImportedNote[];
  report: LayoutReport;
}

interface Marker {
  /** Offset in the line's text just after the marker. */
  end: number;
  marker: string;
}

/** One line of text on a page (a row of one baseline, or one column's part of it). */
interface Line {
  page: number;
  text: string;
  x0: number;
  x1: number;
  /** Baseline measured from the top of the page. */
  base: number;
  size: number;
  /** Where the text starts after a leading bullet or note number (a hanging indent's edge). */
  textX: number;
  /** The last piece ended in white space: the line ends at a word boundary. */
  spaceAfter: boolean;
  markers: Marker[];
  /** The line's first piece is raised and smaller (a footnote's number in the footnote area). */
  leadingSup: string | null;
  /** Left and right edges of the column (or page body) the line sits in. */
  colLeft: number;
  colRight: number;
  /** Which column of its band (0 left, 1 right), -1 for a line across the page. */
  column: number;
}

// Ligatures some fonts map to presentation forms (pdf01's LaTeX fonts): letters again.
const LIGATURES: Record<string, string> = { "\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl", "\ufb05": "st", "\ufb06": "st" };
const cleanText = (s: string) =>
  s.replace(/[\ufb00-\ufb06]/g, (c) => LIGATURES[c]).replace(/[\u0000-\u0008\u000b-\u001f\u00ad\ufffd]/g, "").replace(/[\s\u00a0\u3000]+/g, " ");

const isSpace = (s: string) => /^[\s\u00a0\u3000]*$/.test(s);
/** A superscript that is a note marker: 1, 12), (3), *, †, a. */
const MARKER = /^[([]?(\d{1,3}|\*{1,3}|[†‡§]|[a-z])[)\]]?$/;
/** A footnote line's leading number: `1)`, `1.`, `1 `, `[1]`, `*`, `주1)`. */
// (LibreOffice sets the number right against the note's text: `1보스토치니…`.)
const NOTE_START = /^(?:주\s?)?(\[\d{1,3}\]|\d{1,3}\)|\d{1,3}\.?(?=\s)|\d{1,3}(?=[\p{L}“"‘(])|\*{1,3}|[†‡]|[¹²³⁴⁵⁶⁷⁸⁹⁰]+)/u;
const BULLET = /^([❏❍○◯●◦•▪▫■□◆◇▶▷►※☐☑✓✔➢➤→\-–—·ㆍ∙❑❖]|[Ⅰ-Ⅻ]\.?\s|[IVX]{1,4}\.\s|\d{1,2}[.)]\s|\(\d{1,2}\)\s|o\s)/u;
const SENTENCE_END = /[.?!。？！…](["'”’»)\]」』》]*)$/;
const PAGE_NUMBER = [/^[-–—\s]*\d{1,4}[-–—\s]*$/, /^[-–—\s]*[ivxlcdm]{1,7}[-–—\s]*$/i, /^(page|p\.)?\s*\d{1,4}\s*(\/|of)\s*\d{1,4}$/i, /^\d{1,4}\s*쪽$/];

const HANGUL = /[\uac00-\ud7a3]/;
const median = (xs: number[]) => {
  if (!xs.length) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};

interface Piece {
  str: string;
  x0: number;
  x1: number;
  base: number;
  size: number;
  space: boolean;
}

/** The lines of one page: items grouped by baseline, split where a gap is wider than a column gutter. */
function pageLines(page: PdfPageText, index: number): Line[] {
  const pieces: Piece[] = [];
  for (const it of page.items) {
    if (!it.str || !(it.size > 0)) continue;
    const str = cleanText(it.str);
    if (!str) continue;
    const space = isSpace(str);
    pieces.push({ str, x0: it.x, x1: space ? it.x : it.x + Math.max(0, it.width), base: page.height - it.y, size: it.size, space });
  }
  pieces.sort((a, b) => a.base - b.base || a.x0 - b.x0);
  // Rows: a piece joins the row whose text band it overlaps. Smaller pieces
  // (raised note numbers, sub- and superscripts) are placed after the text,
  // next to the text they touch: a `[3]` raised at a column's end must not
  // join the other column's line at that height.
  type Row = { base: number; size: number; pieces: Piece[] };
  const rows: Row[] = [];
  const sizes = pieces.filter((p) => !p.space).map((p) => p.size);
  const usual = median(sizes);
  const overlapOf = (r: Row, p: Piece) => Math.min(r.base, p.base) - Math.max(r.base - r.size * 0.8, p.base - p.size * 0.8);
  const fits = (r: Row, p: Piece) => r.size > 0 && overlapOf(r, p) >= 0.5 * Math.min(r.size, p.size) * 0.8;
  const touches = (r: Row, p: Piece) => r.pieces.some((q) => !q.space && q.x0 - 2 * p.size < p.x1 && p.x0 < q.x1 + 2 * p.size);
  const add = (row: Row | undefined, p: Piece) => {
    if (!row) {
      rows.push({ base: p.base, size: p.space ? 0 : p.size, pieces: [p] });
      return;
    }
    row.pieces.push(p);
    if (!p.space && p.size > row.size) [row.size, row.base] = [p.size, p.base];
  };
  const small = (p: Piece) => !p.space && p.size < 0.85 * usual;
  for (const p of pieces) {
    if (small(p)) continue;
    let row: Row | undefined;
    for (let k = rows.length - 1; k >= Math.max(0, rows.length - 3) && !row; k--) if (fits(rows[k], p) || (p.space && Math.abs(rows[k].base - p.base) < 1)) row = rows[k];
    add(row, p);
  }
  for (const p of pieces) {
    if (!small(p)) continue;
    const near = rows.filter((r) => fits(r, p));
    add(near.find((r) => touches(r, p)) ?? near.sort((a, b) => overlapOf(b, p) - overlapOf(a, p))[0], p);
  }
  rows.sort((a, b) => a.base - b.base);
  const lines: Line[] = [];
  for (const row of rows) {
    if (!row.size) continue;
    const ps = row.pieces.sort((a, b) => a.x0 - b.x0);
    let current: Piece[] = [];
    let lastEnd = -Infinity;
    const flush = () => {
      const line = makeLine(current, row.base, row.size, index);
      if (line) lines.push(line);
      current = [];
    };
    for (const p of ps) {
      if (!p.space && current.some((c) => !c.space) && p.x0 - lastEnd > Math.max(1.6 * row.size, 12)) flush();
      current.push(p);
      if (!p.space) lastEnd = Math.max(lastEnd, p.x1);
    }
    flush();
  }
  return lines;
}

function makeLine(pieces: Piece[], rowBase: number, rowSize: number, page: number): Line | null {
  // The line's own size and baseline: a row may hold a larger heading in the other column.
  let size = 0;
  let base = rowBase;
  for (const p of pieces) if (!p.space && p.size > size) [size, base] = [p.size, p.base];
  if (!size) [size, base] = [rowSize, rowBase];
  let text = "";
  const markers: Marker[] = [];
  let pendingSpace = false;
  let prevEnd: number | null = null;
  let x0 = Infinity;
  let x1 = -Infinity;
  let textX: number | null = null;
  let leadingSup: string | null = null;
  let first = true;
  for (const p of pieces) {
    if (p.space) {
      pendingSpace = true;
      continue;
    }
    const gap = prevEnd === null ? 0 : p.x0 - prevEnd;
    const raised = p.size < 0.85 * size && p.base < base - 0.15 * size;
    let str = p.str;
    if (text && (pendingSpace || gap > 0.12 * p.size) && !text.endsWith(" ")) text += " ";
    if (!text) str = str.replace(/^ /, "");
    if (text.endsWith(" ")) str = str.replace(/^ /, "");
    const start = text.length;
    text += str;
    const core = str.trim();
    if (raised && MARKER.test(core)) {
      if (first) leadingSup = core;
      else markers.push({ end: start + str.trimEnd().length, marker: core });
    }
    if (first) {
      // The text's own edge after a bullet or a note number (a hanging indent aligns on it).
      if (BULLET.test(`${core} `) || NOTE_START.test(core) || raised) textX = null;
      else textX = p.x0;
    } else if (textX === null) textX = p.x0;
    first = false;
    pendingSpace = /\s$/.test(p.str);
    x0 = Math.min(x0, p.x0);
    x1 = Math.max(x1, p.x1);
    prevEnd = p.x1;
  }
  const trimmed = text.replace(/ +$/, "");
  if (!trimmed) return null;
  return {
    page,
    text: trimmed,
    x0,
    x1,
    base,
    size,
    textX: textX ?? x0,
    spaceAfter: pendingSpace || text.length > trimmed.length,
    markers: markers.filter((m) => m.end <= trimmed.length),
    leadingSup,
    colLeft: x0,
    colRight: x1,
    column: -1,
  };
}

// Some fonts' ToUnicode maps ligature glyphs to unrelated letters (pdf01's
// Minion: ĕ for fi, Ę for fl, where pdftotext drops them). Such a letter from
// Latin Extended-A/B, seen only inside plain Latin words, is replaced by the
// ligature whose letters make the words most like the document's own words
// (letter trigrams of the text around it).
const LIGATURE_GUESSES = ["fi", "fl", "ff", "ffi", "ffl"];
const ODD_LETTER = /[\u0100-\u024f]/;

function repairLigatureLetters(lines: Line[]): void {
  const words = lines.flatMap((l) => l.text.match(/[A-Za-z\u0100-\u024f]+/g) ?? []);
  const odd = new Map<string, string[]>();
  for (const w of words) for (const ch of w) if (ODD_LETTER.test(ch)) odd.set(ch, [...(odd.get(ch) ?? []), w]);
  if (!odd.size) return;
  const tri = new Map<string, number>();
  let total = 0;
  for (const w of words) {
    if (ODD_LETTER.test(w)) continue;
    const t = `^${w.toLowerCase()}$`;
    for (let i = 0; i + 3 <= t.length; i++) {
      tri.set(t.slice(i, i + 3), (tri.get(t.slice(i, i + 3)) ?? 0) + 1);
      total++;
    }
  }
  if (total < 2000) return;
  const score = (w: string) => {
    const t = `^${w.toLowerCase()}$`;
    let sc = 0;
    for (let i = 0; i + 3 <= t.length; i++) sc += Math.log(((tri.get(t.slice(i, i + 3)) ?? 0) + 0.1) / total);
    return sc;
  };
  const replace = new Map<string, string>();
  for (const [ch, ws] of odd) {
    // Only letters that stand between plain letters: a real accented name is left alone.
    if (!ws.every((w) => /^[A-Za-z]*$/.test(w.replace(ch, "")) && w.length > 1)) continue;
    let best = "";
    let bestScore = -Infinity;
    for (const guess of LIGATURE_GUESSES) {
      const sc = ws.reduce((sum, w) => sum + score(w.split(ch).join(guess)), 0);
      if (sc > bestScore) [best, bestScore] = [guess, sc];
    }
    // The guess must make the words read like the document's words (every trigram seen), not merely less odd.
    if (ws.every((w) => score(w.split(ch).join(best)) > (w.length + 3) * Math.log(0.5 / total))) replace.set(ch, best);
  }
  if (!replace.size) return;
  for (const l of lines) {
    if (![...replace.keys()].some((ch) => l.text.includes(ch))) continue;
    let out = "";
    const shift: number[] = [];
    for (const ch of l.text) {
      const r = replace.get(ch) ?? ch;
      out += r;
      shift.push(r.length - ch.length);
    }
    for (const m of l.markers) m.end += shift.slice(0, m.end).reduce((a, b) => a + b, 0);
    l.text = out;
  }
}

/** The size most of the text is set in (character-weighted). */
function bodySize(pages: Line[][]): number {
  const weight = new Map<number, number>();
  for (const lines of pages) for (const l of lines) {
    const k = Math.round(l.size * 2) / 2;
    weight.set(k, (weight.get(k) ?? 0) + l.text.length);
  }
  let best = 0;
  let bestW = -1;
  for (const [k, w] of weight) if (w > bestW) [best, bestW] = [k, w];
  return best || 10;
}

/** Groups lines sharing a baseline (a running header's title and its page number). */
function rowsOf(lines: Line[]): Line[][] {
  const sorted = [...lines].sort((a, b) => a.base - b.base);
  const rows: Line[][] = [];
  for (const l of sorted) {
    const last = rows[rows.length - 1];
    if (last && Math.abs(last[0].base - l.base) < 0.5 * Math.min(last[0].size, l.size)) last.push(l);
    else rows.push([l]);
  }
  return rows;
}

const headerKey = (text: string) => text.replace(/\d+/g, "#").replace(/\s+/g, "");
const isPageNumber = (text: string) => PAGE_NUMBER.some((re) => re.test(text.trim()));

/**
 * Running headers and footers: lines in the outer two rows of the top or
 * bottom band of a page that repeat (digits aside) on several pages, and page
 * numbers in the outermost row. Returns the lines to leave out.
 */
function runningLines(pages: Line[][], heights: number[]): Set<Line> {
  const candidates: { line: Line; outermost: boolean; zone: "top" | "bottom" }[] = [];
  pages.forEach((lines, i) => {
    const rows = rowsOf(lines);
    const h = heights[i];
    rows.slice(0, 2).forEach((row, k) => {
      for (const line of row) if (line.base - line.size < 0.12 * h) candidates.push({ line, outermost: k === 0, zone: "top" });
    });
    rows.slice(-2).forEach((row, k, arr) => {
      for (const line of row) if (line.base > 0.88 * h) candidates.push({ line, outermost: k === arr.length - 1, zone: "bottom" });
    });
  });
  const pagesOfKey = new Map<string, Set<number>>();
  for (const c of candidates) {
    const key = `${c.zone}:${headerKey(c.line.text)}`;
    if (!pagesOfKey.has(key)) pagesOfKey.set(key, new Set());
    pagesOfKey.get(key)!.add(c.line.page);
  }
  const minRepeat = pages.length <= 3 ? 2 : 3;
  const out = new Set<Line>();
  for (const c of candidates) {
    const repeated = (pagesOfKey.get(`${c.zone}:${headerKey(c.line.text)}`)?.size ?? 0) >= Math.min(minRepeat, Math.max(2, pages.length));
    if (repeated || (c.outermost && isPageNumber(c.line.text))) out.add(c.line);
  }
  return out;
}

interface Footnote {
  page: number;
  marker: string;
  lines: Line[];
}

/** The footnote area at the foot of a page: smaller lines below the body, the first starting with a note number. */
function footnotesOf(lines: Line[], body: number): { notes: Footnote[]; used: Set<Line> } {
  const sorted = [...lines].sort((a, b) => a.base - b.base);
  const block: Line[] = [];
  for (let i = sorted.length - 1; i >= 0; i--) {
    if (sorted[i].size <= 0.88 * body) block.unshift(sorted[i]);
    else break;
  }
  const used = new Set<Line>();
  const notes: Footnote[] = [];
  if (block.length === 0 || block.length === sorted.length) return { notes, used };
  const startOf = (l: Line) => l.leadingSup ?? NOTE_START.exec(l.text)?.[1] ?? null;
  const first = block.findIndex((l) => startOf(l) !== null);
  if (first < 0) return { notes, used };
  const left = Math.min(...block.slice(first).map((l) => l.x0));
  for (const l of block.slice(first)) {
    const marker = startOf(l);
    used.add(l);
    if (marker !== null && l.x0 < left + 2 * l.size) notes.push({ page: l.page, marker, lines: [l] });
    else notes[notes.length - 1]?.lines.push(l);
  }
  return { notes, used };
}

/**
 * The gutter of a two-column page: an x with no narrow line across it, narrow
 * lines on both sides, and the right-hand ones starting at a common edge (a
 * column, not the cells of a table). Null for a one-column page.
 */
function gutterOf(lines: Line[]): number | null {
  if (lines.length < 8) return null;
  const left = Math.min(...lines.map((l) => l.x0));
  const right = Math.max(...lines.map((l) => l.x1));
  const w = right - left;
  if (w <= 0) return null;
  const narrow = lines.filter((l) => l.x1 - l.x0 < 0.62 * w);
  // A centred title or a caption may cross the gutter: a few crossings are allowed (they are read across the page).
  const allowed = Math.max(2, Math.floor(0.1 * narrow.length));
  const crossings = (g: number) => narrow.filter((l) => l.x0 < g && l.x1 > g).length;
  let best: { g: number; score: number } | null = null;
  for (let g = left + 0.3 * w; g <= left + 0.7 * w; g += 1) {
    if (crossings(g) > allowed) continue;
    const l = narrow.filter((x) => x.x1 <= g).length;
    const rs = narrow.filter((x) => x.x0 >= g);
    const score = Math.min(l, rs.length);
    if (score < 3) continue;
    const edge = Math.min(...rs.map((x) => x.x0));
    const atEdge = rs.filter((x) => x.x0 - edge < 1.5 * x.size).length;
    if (atEdge < 0.5 * rs.length) continue;
    if (!best || score > best.score) best = { g, score };
  }
  if (!best) return null;
  // The middle of the empty run, so a slightly longer line elsewhere does not cross it.
  const base = crossings(best.g);
  let a = best.g;
  let b = best.g;
  while (a - 1 > left && crossings(a - 1) <= base) a -= 1;
  while (b + 1 < right && crossings(b + 1) <= base) b += 1;
  return (a + b) / 2;
}

/**
 * The left and right edges of a column of lines: where most lines start and
 * end, so one wider line (a figure label, a URL) does not make every other
 * line look short.
 */
function edgesOf(lines: Line[]): [number, number] {
  const xs0 = lines.map((l) => l.x0).sort((a, b) => a - b);
  const xs1 = lines.map((l) => l.x1).sort((a, b) => b - a);
  const k = Math.floor(0.2 * (lines.length - 1));
  return [xs0[k], xs1[k]];
}

/** Reading order of a page's body lines, with each line's column edges set. */
function readingOrder(lines: Line[], columns: boolean): { ordered: Line[]; twoColumn: boolean } {
  const sorted = [...lines].sort((a, b) => a.base - b.base || a.x0 - b.x0);
  const [pageLeft, pageRight] = edgesOf(lines);
  for (const l of sorted) [l.colLeft, l.colRight, l.column] = [pageLeft, pageRight, -1];
  const g = columns ? gutterOf(sorted) : null;
  if (g === null) return { ordered: sorted, twoColumn: false };
  const ordered: Line[] = [];
  let band: Line[] = [];
  let twoColumn = false;
  const flush = () => {
    const l = band.filter((x) => x.x1 <= g);
    const r = band.filter((x) => x.x0 >= g);
    if (l.length && r.length) {
      twoColumn = true;
      const [l0, l1] = edgesOf(l);
      const [r0, r1] = edgesOf(r);
      for (const x of l) [x.colLeft, x.colRight, x.column] = [l0, l1, 0];
      for (const x of r) [x.colLeft, x.colRight, x.column] = [r0, r1, 1];
      ordered.push(...l, ...r);
    } else ordered.push(...band);
    band = [];
  };
  for (const l of sorted) {
    if (l.x0 < g && l.x1 > g) {
      flush();
      ordered.push(l);
    } else band.push(l);
  }
  flush();
  return { ordered, twoColumn };
}

const lastChar = (s: string) => s[s.length - 1] ?? "";

/** Builds paragraphs from lines in reading order, joining lines with Dari's reflow rules. */
class ParagraphBuilder {
  paragraphs: string[] = [];
  /** Paragraph index of each line's text, and the offset where it starts. */
  placed = new Map<Line, { paragraph: number; start: number }>();
  private current = "";
  private prev: Line | null = null;
  private judge: (a: string, b: string) => boolean;
  private latinWords = new Set<string>();
  /** Every word of the document (white-space separated, punctuation stripped). */
  private words = new Set<string>();
  private hyphenated = new Set<string>();

  constructor(
    private all: Line[],
    private body: number,
    private leading: number,
  ) {
    this.judge = koreanLineBreakJudge(all.map((l) => l.text));
    for (const l of all) {
      for (const m of l.text.matchAll(/\p{L}+-\p{L}+/gu)) this.hyphenated.add(m[0].toLowerCase());
      const tokens = l.text.split(" ");
      // A line's first and last words may be halves of a broken word: only inner words count.
      for (let i = 1; i < tokens.length - 1; i++) {
        const w = wordCore(tokens[i]);
        if (w) this.words.add(w);
        for (const m of tokens[i].matchAll(/\p{Script=Latin}+/gu)) this.latinWords.add(m[0].toLowerCase());
      }
    }
  }

  private breaksBefore(p: Line, l: Line): boolean {
    // A line is short (its paragraph's last) when the next line's first word would have fitted after it:
    // ragged-right text wraps earlier than the column's edge without ending a paragraph.
    const perChar = (l.x1 - l.x0) / Math.max(1, l.text.length);
    const firstWord = perChar * (l.text.split(" ")[0].length + 1);
    const short = p.colRight - p.x1 > Math.max(firstWord, 1.5 * p.size, 0.04 * (p.colRight - p.colLeft));
    // Indents are measured from each line's own column edge (the next column starts further right).
    const [li, pi, pt] = [l.x0 - l.colLeft, p.x0 - p.colLeft, p.textX - p.colLeft];
    const indented = li > pi + 0.5 * l.size && Math.abs(li - pt) > 0.5 * l.size;
    const sizeChange = Math.abs(l.size - p.size) > 0.12 * Math.max(l.size, p.size);
    const bullet = BULLET.test(`${l.text} `);
    const heading = p.size > this.body * 1.12;
    if (short || indented || sizeChange || bullet || heading) return true;
    const sameFlow = l.page === p.page && l.column === p.column && l.base > p.base;
    // Extra space between the lines of one column: a paragraph gap.
    if (sameFlow && l.base - p.base > this.leading * l.size * 1.45) return true;
    // Back up the page or across to another column that is not the next one: another block.
    if (l.page === p.page && l.column === p.column && l.base <= p.base) return true;
    return false;
  }

  /**
   * Whether a line break between two syllables is a word boundary: first from
   * the document's own words (the halves, or the whole, written elsewhere; a
   * lone syllable never written as a word is half of one), else by reflow's
   * syllable statistics.
   */
  private koreanBreak(before: string, after: string): boolean {
    const wa = wordCore(before.slice(before.lastIndexOf(" ") + 1));
    const wb = wordCore(after.split(" ")[0]);
    // A line that starts with particles only (`부터`, `에서는`): they belong to the word before.
    if ((wb.length >= 2 || /^[은는을를의에와과로]$/.test(wb)) && isParticleChain(wb, wa)) return false;
    if (this.wrapsAtSpaces()) return true;
    const [hasA, hasB] = [this.words.has(wa), this.words.has(wb)];
    if (this.words.has(wa + wb) && !(hasA && hasB)) return false;
    if (hasA && hasB) return true;
    if ((wa.length === 1 && !hasA) || (wb.length === 1 && !hasB)) return false;
    if (hasA && wa.length > 1) return true;
    return this.judge(lastChar(before), after[0]);
  }

  private spacesOnly: boolean | null = null;
  private tight: boolean | null = null;

  /** Whether the text more often sets an opening bracket right after a Korean word (`했다(TASS`) than after a space. */
  private tightBrackets(): boolean {
    if (this.tight === null) {
      let [tight, spaced] = [0, 0];
      for (const l of this.all) {
        tight += l.text.match(/[\uac00-\ud7a3]\(/g)?.length ?? 0;
        spaced += l.text.match(/[\uac00-\ud7a3] \(/g)?.length ?? 0;
      }
      this.tight = tight > spaced;
    }
    return this.tight;
  }

  /**
   * Whether the document wraps its lines only at spaces (LibreOffice, Word):
   * no line break anywhere joins two halves into a word the text writes
   * elsewhere, while several fall between two words it does.
   */
  private wrapsAtSpaces(): boolean {
    if (this.spacesOnly !== null) return this.spacesOnly;
    let joins = 0;
    let splits = 0;
    for (let i = 1; i < this.all.length; i++) {
      const [p, l] = [this.all[i - 1], this.all[i]];
      if (!HANGUL.test(lastChar(p.text)) || !HANGUL.test(l.text[0])) continue;
      const wa = wordCore(p.text.slice(p.text.lastIndexOf(" ") + 1));
      const wb = wordCore(l.text.split(" ")[0]);
      const both = this.words.has(wa) && this.words.has(wb);
      if (this.words.has(wa + wb) && !both) joins++;
      else if (both && !this.words.has(wa + wb)) splits++;
    }
    this.spacesOnly = joins === 0 ? splits >= 3 : splits >= 10 * joins;
    return this.spacesOnly;
  }

  /** Whether a line break between two syllables is a word boundary. */
  wordBreak(a: string, b: string): boolean {
    return this.judge(a, b);
  }

  private separator(p: Line, l: Line): string {
    const a = lastChar(p.text);
    const b = l.text[0];
    if (p.spaceAfter) return " ";
    // An opening bracket ends a line, or closing punctuation starts one: no space (`왔다(` + `장철운 2023).`).
    if (/[([{“‘「『《〈]/.test(a) || /^[)\]}.,:;!?”’」』》〉]/.test(b)) return "";
    // `했다` + `(TASS 2023b)`: as the document writes a bracket after a word elsewhere.
    if (HANGUL.test(a) && b === "(") return this.tightBrackets() ? "" : " ";
    // English words broken with a hyphen: `coopera-` + `tion` (unless written with it elsewhere).
    const hy = /(\p{Ll}+)-$/u.exec(p.text);
    const next = /^\p{Ll}+/u.exec(l.text);
    if (hy && next && /\p{Script=Latin}/u.test(hy[1])) return this.hyphenated.has(`${hy[1]}-${next[0]}`.toLowerCase()) ? "" : "-";
    // A compound broken at its own hyphen (`오스트리아-` + `헝가리`, `Austria-` + `Hungary`) keeps it, without a space.
    if (/\p{L}-$/u.test(p.text) && /^\p{L}/u.test(l.text)) return "";
    if (HANGUL.test(a) && HANGUL.test(b)) return this.koreanBreak(p.text, l.text) ? " " : "";
    // A number and its counter: `2019` + `년의`.
    if (/[0-9]/.test(a) && /^[년월일시분초만억조천원명개차회호번권편장절항쪽세위%]/.test(b)) return "";
    // `제1` + `차`, `10일` + `우리`: only the document's own words can tell.
    if (/[\uac00-\ud7a30-9]/.test(a) && /[\uac00-\ud7a30-9]/.test(b) && (HANGUL.test(a) || HANGUL.test(b))) {
      const wa = wordCore(p.text.slice(p.text.lastIndexOf(" ") + 1));
      const wb = wordCore(l.text.split(" ")[0]);
      if (this.words.has(wa + wb) && !(this.words.has(wa) && this.words.has(wb))) return "";
    }
    // Latin words broken without a hyphen inside Korean text (Hancom's `3A(Anyti` + `me,`).
    if (/\p{Script=Latin}/u.test(a) && /\p{Ll}/u.test(b) && HANGUL.test(p.text + l.text) && hangulShare(p.text) >= 0.3) {
      const wa = /\p{Script=Latin}+$/u.exec(p.text)![0].toLowerCase();
      const wb = /^\p{Script=Latin}+/u.exec(l.text)?.[0].toLowerCase() ?? "";
      if (this.latinWords.has(wa + wb)) return "";
      if (!(this.latinWords.has(wa) && this.latinWords.has(wb))) return "";
    }
    return " ";
  }

  add(l: Line): void {
    const p = this.prev;
    if (!p || this.breaksBefore(p, l)) {
      this.end();
      this.placed.set(l, { paragraph: this.paragraphs.length, start: 0 });
      this.current = l.text;
    } else {
      const sep = this.separator(p, l);
      // "-" means: drop the hyphen that ends the paragraph so far.
      if (sep === "-") this.current = this.current.slice(0, -1);
      else this.current += sep;
      this.placed.set(l, { paragraph: this.paragraphs.length, start: this.current.length });
      this.current += l.text;
    }
    this.prev = l;
  }

  end(): void {
    if (this.current) this.paragraphs.push(this.current);
    this.current = "";
    this.prev = null;
  }
}

/** A word without the punctuation at its ends (`(2050`, `되었음.`). */
function wordCore(token: string): string {
  return token.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");
}

function hangulShare(s: string): number {
  let h = 0;
  let letters = 0;
  for (const ch of s) {
    if (/\p{L}/u.test(ch)) {
      letters++;
      if (HANGUL.test(ch)) h++;
    }
  }
  return letters ? h / letters : 0;
}

/** Normalised note number, so a body's `1)` finds its footnote `1` and `¹` finds `1`. */
function markerKey(m: string): string {
  const sup = "⁰¹²³⁴⁵⁶⁷⁸⁹";
  return m.replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹]/g, (c) => String(sup.indexOf(c))).replace(/^주\s?/, "").replace(/[()[\].\s]/g, "");
}

/** The paragraphs, footnotes and what was detected, from the text items of every page. */
export function layoutPdf(pages: PdfPageText[], options: LayoutOptions = {}): PdfLayout {
  const removeHeaders = options.removeHeaders !== false;
  const keepColumns = options.columns !== false;
  const wantNotes = options.footnotes !== false;
  const perPage = pages.map((p, i) => pageLines(p, i));
  repairLigatureLetters(perPage.flat());
  const body = bodySize(perPage);
  const running = runningLines(perPage, pages.map((p) => p.height));
  const report: LayoutReport = { pages: pages.length, columnPages: 0, headersRemoved: removeHeaders ? running.size : 0, footnotes: 0 };
  const footnotes: Footnote[] = [];
  const ordered: Line[] = [];
  perPage.forEach((lines) => {
    const kept = removeHeaders ? lines.filter((l) => !running.has(l)) : lines;
    const { notes, used } = footnotesOf(kept.filter((l) => !running.has(l)), body);
    footnotes.push(...notes);
    const bodyLines = kept.filter((l) => !used.has(l));
    if (!bodyLines.length) return;
    const { ordered: o, twoColumn } = readingOrder(bodyLines, keepColumns);
    if (twoColumn) report.columnPages!++;
    ordered.push(...o);
  });
  report.footnotes = footnotes.length;
  // Line spacing, as a multiple of the size: the usual step between two lines of one column.
  const steps: number[] = [];
  for (let i = 1; i < ordered.length; i++) {
    const [a, b] = [ordered[i - 1], ordered[i]];
    if (a.page === b.page && a.column === b.column && b.base > a.base && b.base - a.base < 3 * b.size) steps.push((b.base - a.base) / b.size);
  }
  const builder = new ParagraphBuilder(ordered, body, median(steps) || 1.2);
  for (const l of ordered) builder.add(l);
  builder.end();
  const notes: ImportedNote[] = [];
  if (wantNotes) {
    const taken = new Set<Marker>();
    const bodyMarkers = ordered.flatMap((l) => l.markers.map((m) => ({ line: l, m })));
    for (const fn of footnotes) {
      const text = noteText(fn, builder);
      const key = markerKey(fn.marker);
      // The marker on the same page, else the nearest earlier one not yet taken.
      const candidates = bodyMarkers.filter((b) => !taken.has(b.m) && markerKey(b.m.marker) === key && b.line.page <= fn.page);
      const hit = candidates.find((b) => b.line.page === fn.page) ?? candidates[candidates.length - 1];
      if (hit) {
        taken.add(hit.m);
        const at = builder.placed.get(hit.line)!;
        notes.push({ paragraph: at.paragraph, offset: at.start + hit.m.end, marker: hit.m.marker, text, kind: "footnote" });
      } else {
        // No marker found in the body: the note goes with the last paragraph of its page.
        const last = [...ordered].reverse().find((l) => l.page <= fn.page);
        const at = last ? builder.placed.get(last)! : { paragraph: 0, start: 0 };
        const paragraph = Math.min(at.paragraph, builder.paragraphs.length - 1);
        notes.push({ paragraph, offset: builder.paragraphs[paragraph]?.length ?? 0, marker: fn.marker, text, kind: "footnote" });
      }
    }
  }
  notes.sort((a, b) => a.paragraph - b.paragraph || a.offset - b.offset);
  return { paragraphs: builder.paragraphs, notes, report };
}

/** A footnote's text without its number, its lines joined. */
function noteText(fn: Footnote, builder: ParagraphBuilder): string {
  let out = "";
  fn.lines.forEach((l, i) => {
    let t = l.text;
    if (i === 0) t = l.leadingSup ? t.slice(l.leadingSup.length) : t.replace(NOTE_START, "");
    t = t.trim();
    if (!t) return;
    const a = lastChar(out);
    out = !out ? t : HANGUL.test(a) && HANGUL.test(t[0]) && !fn.lines[i - 1].spaceAfter && !builder.wordBreak(a, t[0]) ? out + t : `${out} ${t}`;
  });
  return out;
}
