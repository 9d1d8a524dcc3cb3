// Which words of an English text a spelling checker should look at (issue 15
// req. 8). A commentary on Korean affairs is full of things a dictionary does
// not know and that are not mistakes: numbers and dates, links, acronyms
// (ICBM, DPRK, KCNA), codes with digits (Su-57, 9M729), romanised names the
// glossary already fixes (Kim Jong Un, Shoigu). Flagging them would bury the
// real slips under noise, so they are never offered to the checker.
// Pure: the dictionary itself (nspell) runs in the renderer's worker.

/** A word of the text to check, with its place (offsets in the text). */
export interface SpellToken {
  word: string;
  from: number;
  to: number;
}

/** Runs of text without white space; a link or an address is one of them. */
const CHUNK = /\S+/g;
/** Links, e-mail addresses and file-like names are not prose. */
const NOT_PROSE = /^[(<["'“‘]*(?:[a-z][a-z0-9+.-]*:\/\/|www\.|[^@\s]+@[^@\s]+\.\p{L}{2,})|\.(?:com|org|net|kr|html?|pdf|docx?)\b/iu;
/** A word: letters (and digits, so that "Su57" is seen whole and left alone) with inner apostrophes ("don't"). */
const WORD_PART = String.raw`[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}\p{N}]+)*`;
/** Words joined by hyphens: a code with a digit anywhere ("Su-57", "Hwasong-18") is left alone whole. */
const COMPOUND = new RegExp(`${WORD_PART}(?:-${WORD_PART})*`, "gu");
const HAS_DIGIT = /\p{N}/u;
/** Only Latin letters are English words; Hangul or Hanja in an English side is not spell-checked. */
const LATIN_WORD = /^[\p{Script=Latin}\p{M}']+$/u;
/** ALL-CAPS acronyms, with a plural or possessive s: ICBM, ICBMs, DPRK's. */
const ACRONYM = /^\p{Lu}[\p{Lu}\p{M}]+(?:'?s)?$/u;
/** A possessive ending, checked apart from its word ("Shoigu's" is Shoigu). */
const POSSESSIVE = /'s$/i;

/** The word as the checker and the word lists see it: one kind of apostrophe. */
export function normalizeWord(word: string): string {
  return word.replace(/’/g, "'");
}

/**
 * Whether a word (as it stands in the text) is worth checking: not a single
 * letter, no digit, Latin letters only, not an acronym.
 */
export function isCheckable(word: string): boolean {
  const w = normalizeWord(word);
  if (w.length < 2 || HAS_DIGIT.test(w) || !LATIN_WORD.test(w)) return false;
  return !ACRONYM.test(w);
}

/**
 * The words of an English text to check, in order, each with its offsets.
 * A possessive 's is left out of the word (and of its range); hyphenated
 * words are checked part by part, as dictionaries list them.
 */
export function spellTokens(text: string): SpellToken[] {
  const out: SpellToken[] = [];
  for (const chunk of text.matchAll(CHUNK)) {
    if (NOT_PROSE.test(chunk[0])) continue;
    for (const m of chunk[0].matchAll(COMPOUND)) {
      if (HAS_DIGIT.test(m[0])) continue;
      let from = chunk.index + m.index;
      for (const part of m[0].split("-")) {
        const word = POSSESSIVE.test(normalizeWord(part)) ? part.slice(0, -2) : part;
        if (isCheckable(word)) out.push({ word: normalizeWord(word), from, to: from + word.length });
        from += part.length + 1;
      }
    }
  }
  return out;
}

/**
 * A word list looked up as a dictionary would: a word listed in lower case
 * is known with a capital too (at the start of a sentence); a word listed
 * with capitals (a name) is known only as written.
 */
export class KnownWords {
  private readonly words = new Set<string>();

  constructor(words: Iterable<string> = []) {
    for (const w of words) this.add(w);
  }

  add(word: string): void {
    const w = normalizeWord(word.trim());
    if (w) this.words.add(w);
  }

  has(word: string): boolean {
    const w = normalizeWord(word);
    return this.words.has(w) || this.words.has(w.toLowerCase());
  }

  get size(): number {
    return this.words.size;
  }
}

/**
 * The words of the glossary's English terms: a term the analyst has fixed
 * ("Kim Jong Un", "Vostochny Cosmodrome") is right by definition, in any
 * segment, whatever the dictionary says.
 */
export function glossaryWords(entries: readonly { en: string }[]): Set<string> {
  const out = new Set<string>();
  for (const e of entries) for (const t of spellTokens(e.en)) out.add(t.word);
  return out;
}

/** The most personal words kept (a list this long is a mistake, not a dictionary). */
export const MAX_PERSONAL_WORDS = 20_000;

/**
 * The personal dictionary from stored data (the renderer's storage outlives
 * versions of Dari and may hold anything): the words that are words, once
 * each, in the order added. Anything else gives an empty list.
 */
export function readPersonalWords(data: unknown): string[] {
  if (!Array.isArray(data)) return [];
  const out = new Set<string>();
  for (const w of data) {
    if (typeof w !== "string") continue;
    const word = normalizeWord(w.trim());
    if (word && word.length <= 100 && !/\s/.test(word)) out.add(word);
  }
  return [...out].slice(0, MAX_PERSONAL_WORDS);
}

/** The token at (or touching) an offset of the text, if any. */
export function tokenAt(tokens: readonly SpellToken[], offset: number): SpellToken | undefined {
  return tokens.find((t) => t.from <= offset && offset <= t.to);
}
