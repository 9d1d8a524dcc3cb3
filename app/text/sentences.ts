// Sentence splitting for Korean and English that never changes the text: a
// paragraph is `separators[0] + sentences[0] + separators[1] + ... +
// sentences[n-1] + separators[n]`, character for character.
//
// A boundary is a terminator (. ? ! … and their full-width forms), then any
// closing quotes or brackets that close something opened at the start of the
// sentence, then white space or the end of the paragraph. Whether such a
// candidate really ends the sentence depends on the word before it (Korean
// endings, abbreviations, initials, numbers and dates) and the word after it.
// Terminators inside brackets never split: `(U.S.) 정부`. Inside quotation
// marks they split unless the quotation is embedded in a reporting clause
// (`“…했다. …했다”고 말했다`, `"…. …," he said`): a quotation that ends its
// sentence is as many sentences as it holds (`“…지명했다. 그러나 … 말았다.”`),
// and a quotation mark that is never closed counts for nothing, so no quote,
// closed far away or not at all, can swallow the sentences that follow it.

export type TextLang = "ko" | "en";

export interface SentenceSpan {
  start: number;
  end: number;
}

export interface SplitSentences {
  sentences: string[];
  /** One more than sentences: before the first, between each pair, after the last. */
  separators: string[];
}

const SPACE = /[\s\u00a0\u3000\ufeff]/;
const TERMINATORS = new Set([..."．.?!…。？！‼⁇⁈⁉"]);
const HANGUL = /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]/;
const UPPER = /\p{Lu}/u;
const LOWER = /\p{Ll}/u;
const DIGIT = /[0-9０-９]/;

// Brackets and quotes that pair up; straight double quotes pair by position.
const OPEN_TO_CLOSE: Record<string, string> = {
  "(": ")", "[": "]", "{": "}", "（": "）", "［": "］", "｛": "｝",
  "“": "”", "‘": "’", "«": "»", "「": "」", "『": "』", "《": "》", "〈": "〉", "【": "】", "〔": "〕",
};
const CLOSERS = new Set([...Object.values(OPEN_TO_CLOSE), '"', "'"]);
const QUOTE_CLOSERS = new Set(['"', "”", "’", "»", "」", "』", "》", "〉"]);
// Korean quotative endings after a closing quote: the quotation is inside the sentence.
const KO_QUOTATIVE = /^(이?라(고|며|는|면서)|하(고|며|는|면서)|[고며는](?![\uac00-\ud7af]))/;
// Quotation marks (titles in 《》〈〉 are not quotations: they never hold sentences).
const QUOTE_OPENERS = new Set(['"', "“", "‘", "«", "「", "『"]);
/** An embedded quotation longer than this is not one quotation but an unbalanced mark. */
const MAX_EMBEDDED_QUOTE = 400;
const PAIR_CHARS = new Set([...Object.keys(OPEN_TO_CLOSE), ...CLOSERS]);
const OPENERS_AND_QUOTES = new Set([...Object.keys(OPEN_TO_CLOSE), '"', "'", "‘", "“"]);

// Abbreviations that are followed by a name or an example: never a sentence end.
const ALWAYS_ABBR = new Set([
  "mr", "mrs", "ms", "mx", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cmdr", "adm", "sgt", "gov",
  "sen", "rep", "amb", "rev", "hon", "pres", "supt", "e.g", "i.e", "cf", "viz", "vs", "st", "mt", "ft",
]);
// Abbreviations before a number: `No. 5`, `pp. 12-15`, `Sept. 13`.
const NUMBER_ABBR = new Set([
  "no", "nos", "vol", "vols", "p", "pp", "fig", "figs", "art", "arts", "ch", "chap", "sec", "para", "ed", "eds",
  "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "op", "ibid",
]);
// Abbreviations that may also end a sentence: a capital after them starts a new one.
// (a.m. and p.m. are initialisms: `5 p.m. Moscow time` goes on, `5 p.m. The` does not.)
const SOFT_ABBR = new Set([
  "etc", "inc", "ltd", "co", "corp", "jr", "sr", "approx", "est", "dept", "univ", "govt",
  "al", "et al", "assn", "bros", "ave", "blvd", "rd",
]);
// Words that start sentences: after an initialism (`the U.S. The ...`) they mark a new sentence.
const STARTERS = new Set([
  "the", "this", "that", "these", "those", "it", "its", "he", "she", "they", "we", "i", "you", "in", "on", "at",
  "but", "and", "or", "however", "a", "an", "there", "such", "as", "yet", "so", "if", "when", "while", "after",
  "before", "since", "for", "what", "why", "how", "who", "where", "meanwhile", "moreover", "indeed", "still",
  "thus", "then", "also", "both", "some", "many", "most", "all", "our", "his", "her", "their", "one", "to",
]);

/** Matched bracket and quote pairs: for each opening index, its closing index. */
function matchPairs(text: string): Map<number, number> {
  const pairs = new Map<number, number>();
  const stack: { ch: string; at: number }[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (!PAIR_CHARS.has(ch)) continue;
    if (ch === '"') {
      // A straight quote after space, start or an opener opens; otherwise it closes.
      const prev = i > 0 ? text[i - 1] : " ";
      const top = stack.length ? stack[stack.length - 1] : null;
      if (top && top.ch === '"' && !(SPACE.test(prev) || OPEN_TO_CLOSE[prev])) {
        stack.pop();
        pairs.set(top.at, i);
      } else if (SPACE.test(prev) || OPEN_TO_CLOSE[prev] || i === 0) {
        stack.push({ ch, at: i });
      }
      continue;
    }
    if (OPEN_TO_CLOSE[ch]) {
      stack.push({ ch, at: i });
      continue;
    }
    // An apostrophe (Russia’s, Koreas’ ties) closes nothing.
    if (ch === "’" && /\p{L}/u.test(text[i - 1] ?? "") && (/\p{L}/u.test(text[i + 1] ?? "") || (text[i - 1] === "s" && /\s/.test(text[i + 1] ?? "")))) continue;
    if (CLOSERS.has(ch) && ch !== "'") {
      // Close the nearest matching opener; unmatched closers are ignored.
      for (let k = stack.length - 1; k >= 0; k--) {
        if (OPEN_TO_CLOSE[stack[k].ch] === ch) {
          pairs.set(stack[k].at, i);
          stack.length = k;
          break;
        }
      }
    }
  }
  return pairs;
}

function isSpace(ch: string | undefined): boolean {
  return ch !== undefined && SPACE.test(ch);
}

/** The word before position `end` (exclusive), without leading brackets or quotes. */
function wordBefore(text: string, end: number): string {
  let s = end;
  // Words are short; the bound keeps text without spaces from making this quadratic.
  while (s > 0 && end - s < 64 && !isSpace(text[s - 1])) s--;
  let w = text.slice(s, end);
  while (w && OPENERS_AND_QUOTES.has(w[0])) w = w.slice(1);
  return w;
}

/** The word after position `start`, without leading brackets or quotes. */
function wordAfter(text: string, start: number): string {
  let s = start;
  while (s < text.length && isSpace(text[s])) s++;
  while (s < text.length && OPENERS_AND_QUOTES.has(text[s])) s++;
  let e = s;
  while (e < text.length && e - s < 64 && !isSpace(text[e])) e++;
  return text.slice(s, e);
}

function startsLower(w: string): boolean {
  return w.length > 0 && LOWER.test(w[0]);
}

function startsDigit(w: string): boolean {
  return w.length > 0 && DIGIT.test(w[0]);
}

/** The leading letters of a word, lower-cased: "The," -> "the". */
function bareWord(w: string): string {
  const m = /^[\p{L}]+/u.exec(w);
  return m ? m[0].toLowerCase() : "";
}

/** Does a period after `word` end the sentence, given the next word? */
function periodEnds(word: string, next: string, lang: TextLang, before: string): boolean {
  if (!word) return true;
  const last = word[word.length - 1];
  // List markers at the start of a sentence: `가. 북한의 입장`, `II. Background`.
  if (before.trim() === "" && (/^[가나다라마바사아자차카타파하]$/.test(word) || /^(?=[IVX])X{0,3}(IX|IV|V?I{0,3})$/.test(word))) return false;
  if (HANGUL.test(last)) return true;
  const lower = word.toLowerCase();
  if (/^[\p{L}.]+$/u.test(word) && /\p{L}/u.test(word)) {
    if (ALWAYS_ABBR.has(lower)) return false;
    if (NUMBER_ABBR.has(lower) && startsDigit(next)) return false;
    if (SOFT_ABBR.has(lower)) return !!next && UPPER.test(next[0]);
    // Initials (`J. R.`) and initialisms (`U.S.`, `U.N.`): a new sentence only before a sentence starter.
    if (/^\p{Lu}$/u.test(word) || /^(\p{L}\.)+\p{L}$/u.test(word)) return STARTERS.has(bareWord(next)) && UPPER.test(next[0] ?? "");
  }
  if (/^[0-9]+$/.test(word)) {
    // Dates and lists: `2023. 9. 13.`, `1. 서론`, `3. 5.`.
    if (startsDigit(next)) return false;
    if (/(^|[\s(])[0-9]{1,4}\.\s?$/.test(before)) return false;
    if (before.trim() === "") return false;
  }
  if (startsLower(next)) return false;
  return true;
}

/**
 * Is the quotation [at, close] part of a longer sentence: followed by a
 * Korean quotative or particle (`”고 말했다`, `”라는`), or in English by a
 * comma or a lower-case reporting clause (`," he said`, `" and`)?
 */
function quoteEmbedded(text: string, at: number, close: number, lang: TextLang): boolean {
  let k = close + 1;
  while (k < text.length && CLOSERS.has(text[k])) k++;
  const rest = text.slice(k, k + 24);
  if (lang === "ko") return /^[\uac00-\ud7a3]/.test(rest) || KO_QUOTATIVE.test(rest.trimStart());
  let b = close - 1;
  while (b > at && CLOSERS.has(text[b])) b--;
  if (/[,;:\u2014\u2013-]/.test(text[b])) return true;
  if (/^[,;:]/.test(rest)) return true;
  const next = rest.trimStart();
  return next.length > 0 && LOWER.test(next[0]);
}

function isEllipsis(term: string): boolean {
  return term === "…" || /^\.{2,}$/.test(term) || /^…+$/.test(term);
}

/**
 * The sentences of a paragraph as [start, end) spans, trimmed of surrounding
 * white space. Text outside the spans is white space only.
 */
export function sentenceSpans(text: string, lang: TextLang): SentenceSpan[] {
  const pairs = matchPairs(text);
  // For each position, the openers of the matched pairs that enclose it, found on the fly.
  const open: { at: number; close: number }[] = [];
  const spans: SentenceSpan[] = [];
  let start = 0;
  while (start < text.length && isSpace(text[start])) start++;
  let i = start;
  while (i < text.length) {
    const ch = text[i];
    while (open.length && open[open.length - 1].close < i) open.pop();
    const close = pairs.get(i);
    if (close !== undefined) {
      open.push({ at: i, close });
      i++;
      continue;
    }
    if (!TERMINATORS.has(ch)) {
      i++;
      continue;
    }
    // A run of terminators: `?!`, `...`, `…`.
    let j = i;
    while (j < text.length && TERMINATORS.has(text[j])) j++;
    const term = text.slice(i, j);
    // Closing quotes and brackets right after it, as long as each closes a pair
    // opened where this sentence began (or is a stray quote).
    const stack = open.filter((p) => p.close >= i);
    let k = j;
    let midQuote = false;
    while (k < text.length && CLOSERS.has(text[k])) {
      const top = stack[stack.length - 1];
      if (top && top.close === k) {
        // A quotation opened mid-sentence may still end it (`He said "No." Then`);
        // a bracket opened mid-sentence never does (`(U.S.) 정부`).
        if (top.at !== start) {
          if (!QUOTE_CLOSERS.has(text[k])) break;
          midQuote = true;
        }
        stack.pop();
      } else if (top || !(text[k] === '"' || text[k] === "'" || text[k] === "”" || text[k] === "’")) {
        break;
      }
      k++;
    }
    // Inside quotation marks only (no bracket), a sentence end splits unless the quotation is embedded.
    let inside = stack.length > 0;
    if (inside && stack.every((p) => QUOTE_OPENERS.has(text[p.at]))) {
      inside = stack.some((p) => p.close - p.at < MAX_EMBEDDED_QUOTE && quoteEmbedded(text, p.at, p.close, lang));
    }
    const atEnd = k >= text.length || /^[\s\u00a0\u3000\ufeff]*$/.test(text.slice(k));
    // `했다.그러나`: a Korean sentence end glued to the next sentence (a lost space, common in PDF text).
    const glued = lang === "ko" && !inside && !atEnd && k === j && term === "." && /[다요까죠]/.test(text[i - 1] ?? "") && /[\uac00-\ud7a3]/.test(text[k]);
    if (glued) {
      spans.push({ start, end: k });
      start = k;
      open.length = 0;
      i = start;
      continue;
    }
    if (inside || !(atEnd || isSpace(text[k]))) {
      i = j;
      continue;
    }
    let ends = atEnd;
    if (!atEnd) {
      const next = wordAfter(text, k);
      const word = wordBefore(text, i);
      const before = text.slice(start, i - word.length);
      if (midQuote) {
        ends = lang === "ko" ? !KO_QUOTATIVE.test(next) : UPPER.test(next[0] ?? "");
      } else if (isEllipsis(term)) {
        ends = lang === "ko" ? /[다요까죠]$/.test(word) : !startsLower(next) && UPPER.test(next[0] ?? "");
      } else if (/[.。．]/.test(term[term.length - 1])) {
        ends = periodEnds(word, next, lang, before);
      } else {
        // ? and !: a lower-case English word after them continues the sentence.
        ends = lang === "ko" || !startsLower(next);
      }
    }
    if (ends) {
      spans.push({ start, end: k });
      start = k;
      while (start < text.length && isSpace(text[start])) start++;
      open.length = 0;
      i = start;
    } else {
      i = j;
    }
  }
  if (start < text.length) {
    let end = text.length;
    while (end > start && isSpace(text[end - 1])) end--;
    if (end > start) spans.push({ start, end });
  }
  return spans;
}

/** Sentences and the white space around them; joining them back gives the paragraph. */
export function splitSentences(text: string, lang: TextLang): SplitSentences {
  const spans = sentenceSpans(text, lang);
  const sentences: string[] = [];
  const separators: string[] = [];
  let pos = 0;
  for (const s of spans) {
    separators.push(text.slice(pos, s.start));
    sentences.push(text.slice(s.start, s.end));
    pos = s.end;
  }
  separators.push(text.slice(pos));
  return { sentences, separators };
}

/** The paragraph again from its split: the inverse of splitSentences. */
export function joinSentences(split: SplitSentences): string {
  let out = split.separators[0] ?? "";
  split.sentences.forEach((s, i) => {
    out += s + (split.separators[i + 1] ?? "");
  });
  return out;
}
