// Numbers in Korean and English text, with their values, so that a check can
// tell that 5만 톤 and 50,000 tonnes say the same thing.
//
// Korean: digits with Korean units (5만 = 50,000, 1억 2천만 = 120,000,000,
// 3.5조), years (2023년), months (11월), days (13일), percentages (30%, 30퍼센트)
// and counters (1차, 6자). Hangul-only numerals (한, 삼) are left alone: in
// running text they are mostly parts of words (한미일, 삼국동맹).
// English: digits with commas and decimals, scale words (3.5 trillion), small
// number words and ordinals (six, twenty-five, first), month names, days next
// to a month, percentages. Digits glued to a name (COVID-19, F-35, G20) are
// part of the name, not a quantity, on either side.

export type NumberKind = "number" | "year" | "month" | "day" | "percent";

export interface FoundNumber {
  value: number;
  kind: NumberKind;
  /** Offsets in the text (UTF-16), end exclusive. */
  start: number;
  end: number;
  text: string;
  /** "words" for spelled-out English numbers and month names, which translators use freely. */
  form: "digits" | "words";
}

export type NumberLang = "ko" | "en";

const DIGITS = /\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?/y;

const KO_SMALL: Record<string, number> = { 십: 10, 백: 100, 천: 1000 };
const KO_BIG: Record<string, number> = { 만: 1e4, 억: 1e8, 조: 1e12, 경: 1e16 };

/** Floating-point noise off (1.2 * 10000 must be 12000). */
function clean(v: number): number {
  return Number(v.toPrecision(15));
}

function parseDigits(s: string): number {
  return Number(s.replace(/,/g, ""));
}

/** Digits right after a letter (or letter + hyphen) name something: COVID-19, F-35, G20. */
function gluedToName(text: string, start: number): boolean {
  const prev = text[start - 1] ?? "";
  if (/[A-Za-z]/.test(prev)) return true;
  if ((prev === "-" || prev === "‐") && /[A-Za-z]/.test(text[start - 2] ?? "")) return true;
  return /[\d.,]/.test(prev) && /\d/.test(text[start - 2] ?? "");
}

function readDigits(text: string, at: number): string | null {
  DIGITS.lastIndex = at;
  const m = DIGITS.exec(text);
  return m ? m[0] : null;
}

// ---------------------------------------------------------------- Korean

interface Group {
  value: number;
  end: number;
  big: number;
}

/** One group: digits, then optionally 십/백/천, then optionally 만/억/조/경. */
function koGroup(text: string, at: number): Group | null {
  const digits = readDigits(text, at);
  if (!digits) return null;
  let end = at + digits.length;
  let value = parseDigits(digits);
  const small = KO_SMALL[text[end]];
  if (small) {
    value *= small;
    end++;
  }
  const big = KO_BIG[text[end]] ?? 0;
  if (big) {
    value *= big;
    end++;
  }
  // 2천 alone counts; a lone 십/백/천 followed by a Hangul syllable is a word (3천명 still counts).
  return { value, end, big };
}

function koNumbersAt(text: string, start: number): FoundNumber | null {
  const first = koGroup(text, start);
  if (!first) return null;
  let { value, end } = first;
  let lastBig = first.big;
  // 1억 2천만, 3억5천만: further groups with a smaller big unit add up.
  while (lastBig) {
    let at = end;
    if (text[at] === " ") at++;
    if (!/\d/.test(text[at] ?? "")) break;
    const next = koGroup(text, at);
    if (!next || next.end === at || (next.big >= lastBig) || (!next.big && !KO_SMALL[text[next.end - 1]])) break;
    value += next.value;
    end = next.end;
    lastBig = next.big;
  }
  value = clean(value);
  let kind: NumberKind = "number";
  const after = text[end];
  const isInt = Number.isInteger(value);
  if (after === "년" && isInt && value >= 1000 && value <= 2999) {
    kind = "year";
    end++;
  } else if (after === "월" && isInt && value >= 1 && value <= 12) {
    kind = "month";
    end++;
  } else if (after === "일" && isInt && value >= 1 && value <= 31 && text[end + 1] !== "본") {
    kind = "day";
    end++;
  } else if (after === "%" || after === "％") {
    kind = "percent";
    end++;
  } else {
    const rest = text.slice(end, end + 5);
    const m = /^ ?(퍼센트|프로)/.exec(rest);
    if (m) {
      kind = "percent";
      end += m[0].length;
    }
  }
  return { value, kind, start, end, text: text.slice(start, end), form: "digits" };
}

const DIGIT_RUN = /\d+/g;

function findKorean(text: string): FoundNumber[] {
  const out: FoundNumber[] = [];
  DIGIT_RUN.lastIndex = 0;
  for (let m = DIGIT_RUN.exec(text); m; m = DIGIT_RUN.exec(text)) {
    const i = m.index;
    if (gluedToName(text, i)) continue;
    const n = koNumbersAt(text, i);
    if (!n) continue;
    out.push(n);
    DIGIT_RUN.lastIndex = Math.max(n.end, DIGIT_RUN.lastIndex);
  }
  return out;
}

// ---------------------------------------------------------------- English

const UNITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"];
const TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
const ORDINALS = ["", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth"];
const SCALES: Record<string, number> = { hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };
const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
const MONTH_ABBR: Record<string, number> = { jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12 };

const WORD_VALUE = new Map<string, number>();
UNITS.forEach((w, i) => WORD_VALUE.set(w, i));
TENS.forEach((w, i) => w && WORD_VALUE.set(w, i * 10));
ORDINALS.forEach((w, i) => w && WORD_VALUE.set(w, i));
for (let t = 2; t < 10; t++) for (let u = 1; u < 10; u++) WORD_VALUE.set(`${TENS[t]}-${UNITS[u]}`, t * 10 + u);

const WORD = /[A-Za-z]+(?:-[A-Za-z]+)?\.?/y;
const SCALE_AFTER = /^ (hundred|thousand|million|billion|trillion)\b/i;
const PERCENT_AFTER = /^(%| ?percent\b| ?per cent\b)/i;

function monthOf(word: string): number {
  const w = word.toLowerCase().replace(/\.$/, "");
  const full = MONTHS.indexOf(w);
  if (full >= 0) return full + 1;
  return word.endsWith(".") ? (MONTH_ABBR[w] ?? 0) : 0;
}

function withSuffix(text: string, n: FoundNumber): FoundNumber {
  const rest = text.slice(n.end, n.end + 12);
  const scale = SCALE_AFTER.exec(rest);
  if (scale) {
    n.value = clean(n.value * SCALES[scale[1].toLowerCase()]);
    n.end += scale[0].length;
    n.kind = "number";
  }
  const pct = PERCENT_AFTER.exec(text.slice(n.end, n.end + 10));
  if (pct) {
    n.kind = "percent";
    n.end += pct[0].length;
  }
  n.text = text.slice(n.start, n.end);
  return n;
}

/** Where a number may start: a digit, or a number word or month name at the start of a word. */
const CANDIDATE = new RegExp(
  `\\d|(?<![A-Za-z])(?:${[...WORD_VALUE.keys(), ...MONTHS, ...Object.keys(MONTH_ABBR)]
    .filter((w) => !w.includes("-"))
    .sort((a, b) => b.length - a.length)
    .join("|")})(?![A-Za-z])`,
  "gi",
);

function findEnglish(text: string): FoundNumber[] {
  const out: FoundNumber[] = [];
  let i = 0;
  while (i < text.length) {
    // Jump to the next place a number may start.
    CANDIDATE.lastIndex = i;
    const next = CANDIDATE.exec(text);
    if (!next) break;
    i = next.index;
    const ch = text[i];
    if (/\d/.test(ch)) {
      if (gluedToName(text, i)) {
        while (i < text.length && /[\d.,]/.test(text[i])) i++;
        continue;
      }
      const digits = readDigits(text, i)!;
      let end = i + digits.length;
      const value = parseDigits(digits);
      const ord = /^(st|nd|rd|th)\b/.exec(text.slice(end, end + 3));
      if (ord) end += ord[0].length;
      let kind: NumberKind = "number";
      if (!ord && /^\d{4}$/.test(digits) && value >= 1000 && value <= 2999) kind = "year";
      const n = withSuffix(text, { value, kind, start: i, end, text: "", form: "digits" });
      out.push(n);
      i = n.end;
      // Skip a citation letter (2023a) so it is not read as a word.
      while (i < text.length && /[A-Za-z]/.test(text[i])) i++;
      continue;
    }
    if (/[A-Za-z]/.test(ch) && !/[A-Za-z]/.test(text[i - 1] ?? "")) {
      WORD.lastIndex = i;
      const m = WORD.exec(text)!;
      let word = m[0];
      // "Six-Party": the number is the first part of the compound.
      let lower = word.toLowerCase().replace(/\.$/, "");
      if (!WORD_VALUE.has(lower) && lower.includes("-")) {
        const head = lower.split("-")[0];
        if (WORD_VALUE.has(head)) {
          lower = head;
          word = word.slice(0, head.length);
        }
      }
      const month = /^[A-Z]/.test(word) ? monthOf(word) : 0;
      if (month && (lower !== "may" || /\d/.test(text.slice(Math.max(0, i - 4), i + 8)))) {
        out.push({ value: month, kind: "month", start: i, end: i + word.length, text: word, form: "words" });
      } else if (WORD_VALUE.has(lower)) {
        const bare = word.replace(/\.$/, "");
        out.push(withSuffix(text, { value: WORD_VALUE.get(lower)!, kind: "number", start: i, end: i + bare.length, text: "", form: "words" }));
      }
      i += m[0].length;
      continue;
    }
    i++;
  }
  // A number next to a month name is its day: "13 September", "September 13".
  for (let k = 0; k < out.length; k++) {
    const n = out[k];
    if (n.kind !== "month") continue;
    for (const d of [out[k - 1], out[k + 1]]) {
      if (!d || d.form !== "digits" || d.kind !== "number" || !Number.isInteger(d.value) || d.value < 1 || d.value > 31) continue;
      const gap = d.end <= n.start ? text.slice(d.end, n.start) : text.slice(n.end, d.start);
      if (/^\s*(of\s+)?$/.test(gap)) d.kind = "day";
    }
  }
  return out;
}

/** The numbers in a text, in order of appearance. */
export function findNumbers(text: string, lang: NumberLang): FoundNumber[] {
  return lang === "ko" ? findKorean(text) : findEnglish(text);
}

// One formatter for all: toLocaleString builds a new one on every call, which
// QA over a book's 20,000 segments felt (about 30 ms of opening a project).
const ENGLISH_NUMBER = new Intl.NumberFormat("en-US", { maximumFractionDigits: 6 });

/** A number as people write it in English: 50,000; 3.5; 12. */
export function formatNumber(value: number): string {
  return ENGLISH_NUMBER.format(value);
}
