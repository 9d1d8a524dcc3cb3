// Layout normalisation shared by reflow and import: byte-order marks, line
// endings and the many Unicode spaces that PDF and word-processor text carries.
// Only white space is touched; every other character is kept as it is.

/** Spaces that are layout, not content: NBSP, full-width (ideographic) space, thin spaces, ... */
const LAYOUT_SPACES = /[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+/g;

/** Drops a leading byte-order mark. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * The lines of a text: CRLF, CR, Unicode line and paragraph separators and
 * form feeds (page breaks in pdftotext output) all end a line.
 */
const LINE_BREAK = /\r\n|[\r\n\u2028\u2029\f\v\u0085]/;

export function splitLines(text: string): string[] {
  return stripBom(text).split(LINE_BREAK);
}

/** The lines of splitLines one at a time, each with the offset where it ends in `text`. */
export function* eachLine(text: string): Generator<{ line: string; end: number }> {
  const breaks = new RegExp(LINE_BREAK.source, "g");
  let start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (let m = breaks.exec(text); m; m = breaks.exec(text)) {
    yield { line: text.slice(start, m.index), end: m.index };
    start = m.index + m[0].length;
  }
  yield { line: text.slice(start), end: text.length };
}

/** Every run of layout spaces becomes one plain space; the ends are trimmed. */
export function collapseSpaces(text: string): string {
  return text.replace(LAYOUT_SPACES, " ").trim();
}

/** Leading layout white space of a line (an indent, or a page break's stray space). */
export function leadingSpace(line: string): string {
  const m = /^[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]*/.exec(line);
  return m ? m[0] : "";
}

/** Trailing layout white space of a line. */
export function trailingSpace(line: string): string {
  const m = /[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]*$/.exec(line);
  return m ? m[0] : "";
}

export function isBlank(line: string): boolean {
  return /^[\s\u00a0\u3000\ufeff]*$/.test(line);
}

const LETTER = /\p{L}/u;

export interface LetterCounts {
  hangul: number;
  letters: number;
}

/** Adds the letters of `text`, and how many of them are Hangul, to `into`. */
export function countLetters(text: string, into: LetterCounts = { hangul: 0, letters: 0 }): LetterCounts {
  const letter = LETTER;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) into.letters++;
    } else if ((c >= 0xac00 && c <= 0xd7af) || (c >= 0x1100 && c <= 0x11ff) || (c >= 0x3130 && c <= 0x318f)) {
      into.hangul++;
      into.letters++;
    } else if (letter.test(text[i])) into.letters++;
  }
  return into;
}

/** Share of Hangul among the letters of a text (0 when it has no letters). */
export function hangulRatio(text: string): number {
  const { hangul, letters } = countLetters(text);
  return letters ? hangul / letters : 0;
}

/** Whether a word is all Hangul syllables (가–힣). */
export function isHangulWord(word: string): boolean {
  return /^[\uac00-\ud7a3]+$/.test(word);
}

/** A string as a regular expression that matches it literally. */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
