// Anchors: things a sentence and its translation share whatever the wording.
// Numbers (with Korean units: 5만 = 50,000), years, months and days; Latin-
// script words kept in the Korean (TASS, Kalibr); citations in brackets
// ((TASS 2023a) is not (TASS 2023b)); quotations; questions; pairs from the
// glossary and the built-in lexicon; proper nouns matched through
// romanization (푸틴 ~ Putin), and loanwords written in Hangul (로켓 ~ rocket).
//
// Each sentence gets a set of anchor keys. Only keys found on both sides of
// the document count, and each is weighted by its kind and by how rare it is
// in this document, so the model calibrates itself on the text it aligns.
import { findCitations, withoutCitations } from "../text/citations";
import { findNumbers } from "../text/numbers";
import type { GlossaryEntry } from "../translate/glossary-entry";
import { BUILTIN_LEXICON, type LexiconPair } from "./lexicon";
import { NameMatcher } from "./names";
import { escapeRegExp } from "../text/normalize";

/** The weight of one anchor of each kind before rarity is taken into account. */
const KIND_WEIGHT: Record<string, number> = {
  n: 1.2, // number, year, day
  a: 0.4, // a person's age: "김모(40)", "the 40-year-old", "a soldier, 26," (translators move it to the next sentence)
  m: 1.0, // month
  p: 1.2, // percentage
  c: 1.6, // citation year (2023a)
  w: 1.3, // Latin-script word
  x: 0.8, // proper noun through romanization
  o: 0.8, // loanword through romanization (로켓 ~ rocket, 시스템 ~ system)
  g: 1.0, // glossary pair
  l: 0.6, // built-in lexicon pair
  t: 0.8, // pair learned from the analyst's own translations (app/align/learn.ts)
  q: 0.7, // quotation
  "?": 0.8, // question
};

export interface AnchorOptions {
  glossary?: readonly GlossaryEntry[];
  lexicon?: readonly LexiconPair[];
  /** Pairs learned from the analyst's memory (learnedLexicon in learn.ts). */
  learned?: readonly LexiconPair[];
}

/** Anchors of every sentence of a document, as integer ids with weights. */
export interface AnchorTable {
  /** Per sentence, sorted anchor ids. */
  ko: Int32Array[];
  en: Int32Array[];
  /** Weight of each anchor id. */
  weight: Float64Array;
  /** Total anchor weight of each sentence. */
  koTotal: Float64Array;
  enTotal: Float64Array;
  /** The key of each id, for tests and debugging. */
  keys: string[];
}

export const HANGUL_WORD = /[\uac00-\ud7a3]+/g;
export const LATIN_WORD = /[A-Za-z][A-Za-z'’-]*[A-Za-z]|[A-Z]/g;
export const EN_TOKEN = /[a-z0-9]+(?:[-.'’][a-z0-9]+)*/g;
const QUOTE = /[“”"「」『』‘’]|(?:^|\s)'/;
export const STOP_NAMES = new Set(
  "the this that these those there then than in on at of for from to by with as and but or if when while after before since until because although though however yet so such it its it's we our us they their he she his her i a an one some many most more other others all both each every no not what which who whom whose why how where first last next meanwhile indeed also even still already again finally moreover therefore thus hence instead rather nor either neither chairman president minister professor department state affairs".split(" "),
);

/**
 * Citation years (c:2023a), then the numbers outside citations: a cited year
 * is anchored once, as a citation, not again as the number 2023 (the QA
 * check leaves citations out of its numbers in the same way).
 */
function numberAndCitationKeys(text: string, lang: "ko" | "en", out: Set<string>): void {
  const citations = findCitations(text);
  for (const c of citations) for (const y of c.years) out.add(`c:${y}`);
  const ages = new Set<number>();
  for (const m of text.matchAll(lang === "ko" ? KO_AGE : EN_AGE)) ages.add(Number(m[1] ?? m[2]));
  for (const n of findNumbers(withoutCitations(text, citations), lang)) {
    const kind = n.kind === "month" ? "m" : n.kind === "percent" ? "p" : ages.has(n.value) && n.kind === "number" ? "a" : "n";
    out.add(`${kind}:${n.value}`);
  }
}

// Ages: in parentheses after a name in Korean (이모(52) 씨, 병사(26)는), as
// "52-year-old" or between commas after a noun in English.
const KO_AGE = /[\uac00-\ud7a3]\((\d{1,3})(?:세|·[남여])?\)/g;
const EN_AGE = /\b(\d{1,3})-year-old\b|[a-z], (\d{1,3}),/g;

function enTokens(text: string): string[] {
  const words = text.toLowerCase().replace(/['’]s\b/g, "").match(EN_TOKEN) ?? [];
  // A compound is also its parts: Sino-Russian says China and Russia.
  const out: string[] = [];
  for (const w of words) {
    out.push(w);
    if (w.includes("-")) out.push(...w.split("-").filter(Boolean));
  }
  return out;
}

class Lexicon {
  private koKeysOf = new Map<string, string[]>();
  private koPattern: RegExp | null = null;
  private enForms = new Map<string, string[]>();
  /** First words of the two-word forms ("north" of "north korea"), so that other pairs of tokens are never joined. */
  private firstWords = new Set<string>();

  add(key: string, ko: readonly string[], en: readonly string[]): void {
    for (const term of ko) {
      if (!term.trim()) continue;
      const list = this.koKeysOf.get(term);
      if (list) list.push(key);
      else this.koKeysOf.set(term, [key]);
    }
    this.koPattern = null;
    for (const form of en) {
      const f = form.toLowerCase().trim();
      if (!f) continue;
      const list = this.enForms.get(f);
      if (list) list.push(key);
      else this.enForms.set(f, [key]);
      const space = f.indexOf(" ");
      if (space > 0) this.firstWords.add(f.slice(0, space));
    }
  }

  /**
   * One pass of one regular expression over the text (longest terms first),
   * instead of a search per term; a term stands for every shorter term inside
   * it too (북중러 is also 북중 and 중러).
   */
  koKeys(text: string, out: Set<string>): void {
    if (!this.koPattern) {
      const terms = [...this.koKeysOf.keys()].sort((a, b) => b.length - a.length);
      if (!terms.length) return;
      const closed = new Map<string, string[]>();
      for (const t of terms) closed.set(t, [...new Set(terms.filter((u) => t.includes(u)).flatMap((u) => this.koKeysOf.get(u)!))]);
      this.koKeysOf = closed;
      this.koPattern = new RegExp(terms.map(escapeRegExp).join("|"), "g");
    }
    for (const m of text.matchAll(this.koPattern)) for (const k of this.koKeysOf.get(m[0])!) out.add(k);
  }

  enKeys(tokens: string[], out: Set<string>): void {
    for (let i = 0; i < tokens.length; i++) {
      const one = this.enForms.get(tokens[i]);
      if (one) for (const k of one) out.add(k);
      if (i + 1 < tokens.length && this.firstWords.has(tokens[i])) {
        const two = this.enForms.get(tokens[i] + " " + tokens[i + 1]);
        if (two) for (const k of two) out.add(k);
      }
    }
  }
}

export const NAME_RUN = /\b[A-Z][a-z]+(?:-[a-z]+)?(?:\s+[A-Z][a-z]+(?:-[a-z]+)?)*/g;

/** Capitalised words and runs of them ("Kim Jong Un"), lower-cased, minus common words. */
function nameCandidates(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(NAME_RUN)) {
    const words = m[0].toLowerCase().split(/\s+/).filter((w) => !STOP_NAMES.has(w));
    for (let a = 0; a < words.length; a++) {
      for (let b = a + 1; b <= Math.min(words.length, a + 3); b++) {
        const name = words.slice(a, b).join(" ");
        if (name.length >= 3) out.push(name);
      }
    }
  }
  return out;
}

function englishNames(sentences: readonly string[]): Set<string> {
  const names = new Set<string>();
  for (const s of sentences) for (const n of nameCandidates(s)) names.add(n);
  return names;
}

// Loanwords: Korean writes many English words in Hangul (로켓, 미사일,
// 시스템, 프로그램), which the name matcher finds among the English words
// written in lower case too (in the singular: 드론 ~ drones).
const LOWER_WORD = /(?<![A-Za-z'’-])[a-z]{4,}(?![A-Za-z'’-])/g;

function singular(word: string): string {
  return /[^su]s$/.test(word) ? word.slice(0, -1) : word;
}

function loanwordCandidates(sentences: readonly string[]): Set<string> {
  const words = new Set<string>();
  for (const s of sentences) for (const m of s.matchAll(LOWER_WORD)) if (!STOP_NAMES.has(m[0])) words.add(singular(m[0]));
  return words;
}

function sentenceKeysKo(text: string, lex: Lexicon, names: NameMatcher, loans: NameMatcher, loansFound: Set<string>): Set<string> {
  const out = new Set<string>();
  numberAndCitationKeys(text, "ko", out);
  for (const m of text.matchAll(LATIN_WORD)) if (m[0].length >= 2) out.add(`w:${m[0].toLowerCase()}`);
  for (const m of text.matchAll(HANGUL_WORD)) {
    if (m[0].length < 2) continue;
    for (const name of names.match(m[0])) out.add(`x:${name}`);
    for (const word of loans.match(m[0])) {
      out.add(`o:${word}`);
      loansFound.add(word);
    }
  }
  lex.koKeys(text, out);
  if (QUOTE.test(text)) out.add("q:");
  if (/[?？]/.test(text)) out.add("?:");
  return out;
}

function sentenceKeysEn(text: string, lex: Lexicon, loansFound: ReadonlySet<string>): Set<string> {
  const out = new Set<string>();
  numberAndCitationKeys(text, "en", out);
  if (loansFound.size) {
    for (const m of text.matchAll(LOWER_WORD)) {
      const word = singular(m[0]);
      if (loansFound.has(word)) out.add(`o:${word}`);
    }
  }
  const tokens = enTokens(text);
  for (const m of text.matchAll(LATIN_WORD)) {
    const w = m[0].toLowerCase();
    if (w.length >= 2) out.add(`w:${w}`);
  }
  for (const name of nameCandidates(text)) out.add(`x:${name}`);
  lex.enKeys(tokens, out);
  if (QUOTE.test(text)) out.add("q:");
  if (/[?？]/.test(text)) out.add("?:");
  return out;
}

/** Builds the anchor table of a document's Korean and English sentences. */
export function buildAnchors(ko: readonly string[], en: readonly string[], opts: AnchorOptions = {}): AnchorTable {
  const lex = new Lexicon();
  for (const p of opts.lexicon ?? BUILTIN_LEXICON) lex.add(`l:${p.id}`, p.ko, p.en);
  for (const g of opts.glossary ?? []) lex.add(`g:${g.id}`, [g.ko], [g.en]);
  for (const p of opts.learned ?? []) lex.add(`t:${p.id}`, p.ko, p.en);
  const names = new NameMatcher(englishNames(en));
  const loans = new NameMatcher(loanwordCandidates(en), { loanwords: true });
  const loansFound = new Set<string>();

  const koSets = ko.map((s) => sentenceKeysKo(s, lex, names, loans, loansFound));
  const enSets = en.map((s) => sentenceKeysEn(s, lex, loansFound));

  // Only keys present on both sides can anchor anything.
  const koDf = new Map<string, number>();
  for (const set of koSets) for (const k of set) koDf.set(k, (koDf.get(k) ?? 0) + 1);
  const df = new Map<string, number>();
  for (const set of enSets) for (const k of set) if (koDf.has(k)) df.set(k, (df.get(k) ?? koDf.get(k)!) + 1);

  const ids = new Map<string, number>();
  const keys: string[] = [];
  const weights: number[] = [];
  const total = ko.length + en.length;
  for (const [k, d] of df) {
    ids.set(k, keys.length);
    keys.push(k);
    // Rarity: an anchor in two sentences of the document is worth much more
    // than one in half of them.
    weights.push(KIND_WEIGHT[k.slice(0, k.indexOf(":"))] * Math.log(1 + total / d));
  }
  const weight = Float64Array.from(weights);
  const toIds = (set: Set<string>): Int32Array => {
    const arr: number[] = [];
    for (const k of set) {
      const id = ids.get(k);
      if (id !== undefined) arr.push(id);
    }
    return Int32Array.from(arr).sort();
  };
  const koIds = koSets.map(toIds);
  const enIds = enSets.map(toIds);
  const sum = (a: Int32Array): number => {
    let s = 0;
    for (const id of a) s += weight[id];
    return s;
  };
  return {
    ko: koIds,
    en: enIds,
    weight,
    koTotal: Float64Array.from(koIds, sum),
    enTotal: Float64Array.from(enIds, sum),
    keys,
  };
}

/** Weight of the anchors two sorted id lists share. */
export function sharedWeight(a: Int32Array, b: Int32Array, weight: Float64Array): number {
  let i = 0;
  let j = 0;
  let s = 0;
  while (i < a.length && j < b.length) {
    const x = a[i];
    const y = b[j];
    if (x === y) {
      s += weight[x];
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return s;
}
