// Translation memory: Korean–English pairs from the open project, the user's
// other projects and imported TMX files, with an inverted index so a lookup
// touches only the units that share text with the query.
//
// Index: Korean character bigrams (white space removed) and English word
// tokens, each mapped to the list of units containing it. A lookup counts the
// shared keys of each unit, rarest keys first, then scores the best-counted
// candidates with the fuzzy-match formula of fuzzy.ts (Levenshtein over
// characters for Korean, over tokens for English).
import type { Node as PMNode } from "prosemirror-model";
import { sideText } from "../schema";
import { units, scoreUnits, diffTexts, type DiffPart, type FuzzyLang } from "./fuzzy";
import { escapeRegExp } from "../text/normalize";

export interface TmUnit {
  ko: string;
  en: string;
  /** Where it comes from: a project title or a TMX file name. */
  origin: string;
  /** The segment id, for units of the open project. */
  segmentId?: string;
}

export interface TmMatch {
  unit: TmUnit;
  /** Fuzzy-match percentage, 0–100. */
  score: number;
  /** Differences from the unit's text to the query (delete: only in the unit; insert: only in the query). */
  diff: DiffPart[];
}

export interface LookupOptions {
  lang?: FuzzyLang;
  /** Best matches to return (default 5). */
  limit?: number;
  /** Lowest percentage worth showing (default 50). */
  minScore?: number;
  /** Leaves out units, e.g. the current segment itself. */
  exclude?: (unit: TmUnit) => boolean;
}

export interface ConcordanceHit {
  unit: TmUnit;
  /** Where the phrase is in the unit's text on the searched side. */
  from: number;
  to: number;
}

/** Units scored exactly per lookup; the rest are ranked by shared keys only. */
const CANDIDATES = 200;
/** A key in more than this share of the units (and more than STOP_MIN units) is a stop key. */
const STOP_SHARE = 0.05;
const STOP_MIN = 2000;

type Key = number | string;

/** A character as a small number: Hangul syllables exactly, others folded
 *  (a rare collision only adds a candidate, which exact scoring then drops),
 *  so a bigram key stays a small integer, which Maps hash fastest. */
const HANGUL_BASE = 0xac00;
const HANGUL_COUNT = 11172;
const FOLD = 16384;
const RADIX = HANGUL_COUNT + FOLD;

function charKey(c: number): number {
  const h = c - HANGUL_BASE;
  return h >= 0 && h < HANGUL_COUNT ? h : HANGUL_COUNT + (c % FOLD);
}

function isSpace(c: number): boolean {
  return c <= 32 || c === 0xa0 || c === 0x3000 || (c >= 0x2000 && c <= 0x200b) || c === 0x2028 || c === 0x2029 || c === 0xfeff;
}

/**
 * Calls `fn` with the index keys of a text (possibly repeated): Korean
 * character bigrams with white space removed, as one small integer, or the
 * single character of a one-character text; English word tokens.
 */
function forEachKey(text: string, lang: FuzzyLang, fn: (key: Key) => void): void {
  const t = text.normalize("NFC");
  if (lang === "en") {
    for (const tok of units(t, "en")) if (/[\p{L}\p{N}]/u.test(tok)) fn(tok);
    return;
  }
  let prev = -1;
  let pairs = 0;
  for (let i = 0; i < t.length; i++) {
    const code = t.charCodeAt(i);
    if (isSpace(code)) continue;
    const c = charKey(code);
    if (prev >= 0) {
      fn(prev * RADIX + c);
      pairs++;
    }
    prev = c;
  }
  if (pairs === 0 && prev >= 0) fn(prev);
}

function keysOf(text: string, lang: FuzzyLang): Key[] {
  const keys = new Set<Key>();
  forEachKey(text, lang, (k) => keys.add(k));
  return [...keys];
}

class Index {
  private readonly postings = new Map<Key, number[]>();
  /** Adds the keys of unit `id`; ids arrive in increasing order, so a repeat is the last entry. */
  add(id: number, text: string, lang: FuzzyLang): void {
    forEachKey(text, lang, (k) => {
      const list = this.postings.get(k);
      if (!list) this.postings.set(k, [id]);
      else if (list[list.length - 1] !== id) list.push(id);
    });
  }
  get(key: Key): readonly number[] {
    return this.postings.get(key) ?? [];
  }
}

export class TranslationMemory {
  private readonly items: TmUnit[] = [];
  private readonly index = { ko: new Index(), en: new Index() };
  private counts = new Uint16Array(1024);
  /** The English index is built on first use: most lookups are by Korean. */
  private enIndexed = 0;

  private indexFor(lang: FuzzyLang): Index {
    if (lang === "en") {
      for (; this.enIndexed < this.items.length; this.enIndexed++) this.index.en.add(this.enIndexed, this.items[this.enIndexed].en, "en");
    }
    return this.index[lang];
  }

  get size(): number {
    return this.items.length;
  }

  /** Adds units; pairs with an empty side are skipped (nothing to reuse). */
  add(list: Iterable<TmUnit>): void {
    for (const unit of list) {
      if (!unit.ko.trim() || !unit.en.trim()) continue;
      const id = this.items.length;
      this.items.push(unit);
      this.index.ko.add(id, unit.ko, "ko");
    }
    if (this.counts.length < this.items.length) this.counts = new Uint16Array(this.items.length * 2);
  }

  /** The best fuzzy matches for a sentence, best first. */
  lookup(text: string, options: LookupOptions = {}): TmMatch[] {
    const lang = options.lang ?? "ko";
    const limit = options.limit ?? 5;
    const minScore = options.minScore ?? 50;
    const query = units(text, lang);
    if (query.length === 0) return [];
    const index = this.indexFor(lang);
    let keys = keysOf(text, lang)
      .map((k) => index.get(k))
      .filter((p) => p.length > 0)
      .sort((a, b) => a.length - b.length);
    // Keys found in a large share of the memory (으로, 있다) tell units apart
    // hardly at all but cost the most; count them only when little else is left.
    const common = Math.max(STOP_MIN, this.items.length * STOP_SHARE);
    const distinctive = keys.filter((p) => p.length <= common);
    if (distinctive.length >= Math.min(3, keys.length)) keys = distinctive;
    const counts = this.counts;
    const touched: number[] = [];
    for (const posting of keys) {
      for (let i = 0; i < posting.length; i++) {
        const id = posting[i];
        if (counts[id]++ === 0) touched.push(id);
      }
    }
    // Keep the units sharing the most keys for exact scoring: a histogram of
    // counts finds the cut without sorting every touched unit.
    const hist = new Int32Array(keys.length + 2);
    for (const id of touched) hist[counts[id]]++;
    let cut = keys.length + 1;
    for (let seen = 0; cut > 1 && seen + hist[cut] < CANDIDATES; ) seen += hist[cut--];
    const top: number[] = [];
    const atCut: number[] = [];
    for (const id of touched) {
      if (counts[id] > cut) top.push(id);
      else if (counts[id] === cut && atCut.length < CANDIDATES) atCut.push(id);
      counts[id] = 0;
    }
    top.push(...atCut.slice(0, Math.max(0, CANDIDATES - top.length)));

    const scored: { id: number; score: number }[] = [];
    let floor = minScore;
    for (const id of top) {
      const unit = this.items[id];
      if (options.exclude?.(unit)) continue;
      const other = units(lang === "ko" ? unit.ko : unit.en, lang);
      // Too different in length to reach the floor: skip without scoring.
      const longer = Math.max(other.length, query.length);
      if (Math.abs(other.length - query.length) > longer * (1 - floor / 100)) continue;
      const score = scoreUnits(query, other, floor);
      if (score < floor) continue;
      scored.push({ id, score });
      if (scored.length >= limit) {
        scored.sort((a, b) => b.score - a.score);
        scored.length = limit;
        floor = Math.max(floor, scored[scored.length - 1].score);
      }
    }
    scored.sort((a, b) => b.score - a.score || a.id - b.id);
    return scored.slice(0, limit).map(({ id, score }) => {
      const unit = this.items[id];
      return { unit, score, diff: diffTexts(lang === "ko" ? unit.ko : unit.en, text, lang) };
    });
  }

  /**
   * Concordance: the units whose Korean (or, for a phrase without Hangul, whose
   * English) contains the phrase — the contexts in which it was translated.
   */
  concordance(phrase: string, limit = 50): ConcordanceHit[] {
    const needle = phrase.normalize("NFC").trim();
    if (!needle) return [];
    const lang: FuzzyLang = /[\uac00-\ud7a3\u3131-\u318e]/.test(needle) ? "ko" : "en";
    const keys = keysOf(needle, lang);
    const postings = keys.map((k) => this.indexFor(lang).get(k)).sort((a, b) => a.length - b.length);
    let ids: readonly number[];
    if (postings.length === 0) return [];
    ids = postings[0];
    // Intersect, rarest first: a unit must contain every key of the phrase.
    for (const p of postings.slice(1)) {
      if (ids.length === 0) break;
      const set = new Set(p);
      ids = ids.filter((id) => set.has(id));
    }
    const esc = escapeRegExp;
    // Korean spacing varies, so any two characters may have spaces between them.
    const pattern = lang === "ko" ? Array.from(needle.replace(/\s+/g, "")).map(esc).join("\\s*") : needle.split(/\s+/).map(esc).join("\\s+");
    const re = new RegExp(pattern, lang === "ko" ? "u" : "iu");
    const hits: ConcordanceHit[] = [];
    for (const id of ids) {
      const unit = this.items[id];
      const text = lang === "ko" ? unit.ko : unit.en;
      const m = re.exec(text.normalize("NFC"));
      if (!m) continue;
      hits.push({ unit, from: m.index, to: m.index + m[0].length });
      if (hits.length >= limit) break;
    }
    return hits;
  }
}

/** The translated segments of a document as memory units. */
export function unitsFromDoc(doc: PMNode, origin: string): TmUnit[] {
  const out: TmUnit[] = [];
  doc.descendants((node) => {
    if (node.type.name !== "segment") return node.type.name === "doc" || node.type.name === "passage";
    out.push({ ko: sideText(node, "ko"), en: sideText(node, "en"), origin, segmentId: node.attrs.id as string });
    return false;
  });
  return out;
}
