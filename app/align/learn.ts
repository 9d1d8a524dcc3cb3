// A bilingual lexicon learned from the analyst's own parallel text: confirmed
// segments, the translation memory of this and other projects, imported TMX.
// Each pair of sentences gives its Korean stems (Hangul words with their
// particles and a few verbal endings removed: 제재를 -> 제재, 강화했다 -> 강화)
// and its English words (lower-cased, function words left out); a Korean stem
// and an English word that keep turning up in the same pairs are a
// translation pair, by the Dice coefficient of their counts. Only reliable
// pairs are kept: seen together often enough, Dice high enough, and each the
// other's best partner (competitive linking), so that 북한 pairs with "north"
// and not with every word of the sentences it appears in.
//
// The counts are kept, not the sentences, so that the lexicon is brought up
// to date as segments are confirmed (add) or a project's memory is replaced
// (remove the old units, add the new) without learning everything again.
import type { LexiconPair } from "./lexicon";
import { stripParticle } from "../text/particles";

export interface LearnedPair {
  ko: string;
  en: string;
  /** Dice coefficient, 0..1. */
  dice: number;
  /** Sentence pairs that hold both. */
  count: number;
}

export interface LearnOptions {
  /** Fewest sentence pairs a translation pair must be seen in. */
  minCount?: number;
  /** Lowest Dice coefficient kept. */
  minDice?: number;
}

const MIN_COUNT = 2;
const MIN_DICE = 0.5;

const HANGUL_WORD = /[\uac00-\ud7a3]+/g;
const EN_WORD = /[a-z]+(?:['’-][a-z]+)*/g;
// Verbal and adjectival endings after a Sino-Korean noun: 협력하여, 강화된, 경제적인.
const KO_ENDING = /(?:하였다|했으며|했지만|했다|한다|하는|하고|하여|하며|해야|해|한|할|함|되었다|되었으며|됐다|된다|되는|되어|되고|된|될|적인|적으로|적)$/;
const STOP = new Set(
  ("the a an and or but nor so yet of in on at to for from by with as into onto over under about after before since until than then this that these those there here " +
    "is are was were be been being has have had do does did will would shall should can could may might must it its it's he she his her they them their we our you your " +
    "i me my not no also only even just more most much many some any all both each every other such which who whom whose what when where why how if while because though " +
    "although however thus therefore very said says say one two three first last new own same up out down off again still already").split(" "),
);

const stemCache = new Map<string, string>();

/** The stem of a Korean word: particles, then a verbal ending, removed. */
function koreanStem(word: string): string {
  let stem = stemCache.get(word);
  if (stem === undefined) {
    stem = stripParticle(word).stem;
    const cut = stem.replace(KO_ENDING, "");
    if (cut.length >= 2) stem = cut;
    if (stemCache.size > 200_000) stemCache.clear();
    stemCache.set(word, stem);
  }
  return stem;
}

/** The distinct Korean stems of a sentence (two syllables or more). */
export function koreanStems(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(HANGUL_WORD)) {
    const stem = koreanStem(m[0]);
    if (stem.length >= 2) out.add(stem);
  }
  return [...out];
}

/** The distinct English content words of a sentence, lower-cased. */
export function englishWords(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.toLowerCase().matchAll(EN_WORD)) {
    const w = m[0].replace(/['’]s$/, "");
    if (w.length >= 3 && !STOP.has(w)) out.add(w);
  }
  return [...out];
}

/** A sentence pair (or segment) of the corpus. */
export interface ParallelUnit {
  ko: string;
  en: string;
}

/** Counts of stems, words and their co-occurrences over a parallel corpus. */
export interface LexiconCounts {
  units: number;
  ko: Record<string, number>;
  en: Record<string, number>;
  /** "stem\tword" -> sentence pairs holding both. */
  joint: Record<string, number>;
}

/** Co-occurrences seen once are dropped beyond this many, oldest knowledge kept. */
const MAX_JOINT = 400_000;

/** Ids of the joint counts: stem id x this + word id. */
const SPAN = 2 ** 21;

export class LexiconLearner {
  private units = 0;
  private ko = new Map<string, number>();
  private en = new Map<string, number>();
  // Stems and words by number, so that the co-occurrence counts are keyed by numbers, not strings.
  private koIds = new Map<string, number>();
  private enIds = new Map<string, number>();
  private koNames: string[] = [];
  private enNames: string[] = [];
  private joint = new Map<number, number>();

  constructor(counts?: LexiconCounts) {
    if (!counts) return;
    this.units = counts.units;
    this.ko = new Map(Object.entries(counts.ko));
    this.en = new Map(Object.entries(counts.en));
    for (const [key, n] of Object.entries(counts.joint)) {
      const tab = key.indexOf("\t");
      if (tab > 0 && n > 0) this.joint.set(this.koId(key.slice(0, tab)) * SPAN + this.enId(key.slice(tab + 1)), n);
    }
  }

  get size(): number {
    return this.units;
  }

  private koId(ko: string): number {
    let k = this.koIds.get(ko);
    if (k === undefined) this.koIds.set(ko, (k = this.koNames.push(ko) - 1));
    return k;
  }

  private enId(en: string): number {
    let e = this.enIds.get(en);
    if (e === undefined) this.enIds.set(en, (e = this.enNames.push(en) - 1));
    return e;
  }

  /** Counts the units in (sign 1) or out again (sign -1, for a memory record being replaced). */
  add(units: Iterable<ParallelUnit>, sign: 1 | -1 = 1): void {
    for (const u of units) {
      if (!u.ko.trim() || !u.en.trim()) continue;
      const ks = koreanStems(u.ko);
      const es = englishWords(u.en);
      this.units += sign;
      for (const k of ks) bump(this.ko, k, sign);
      for (const e of es) bump(this.en, e, sign);
      const eIds = es.map((e) => this.enId(e));
      for (const k of ks) {
        const base = this.koId(k) * SPAN;
        for (const e of eIds) bump(this.joint, base + e, sign);
      }
    }
    if (this.joint.size > MAX_JOINT) for (const [key, n] of this.joint) if (n <= 1) this.joint.delete(key);
  }

  /** The reliable pairs, best first. */
  pairs(opts: LearnOptions = {}): LearnedPair[] {
    const minCount = opts.minCount ?? MIN_COUNT;
    const minDice = opts.minDice ?? MIN_DICE;
    const candidates: LearnedPair[] = [];
    for (const [key, n] of this.joint) {
      if (n < minCount) continue;
      const ko = this.koNames[Math.floor(key / SPAN)];
      const en = this.enNames[key % SPAN];
      const dice = (2 * n) / ((this.ko.get(ko) ?? 0) + (this.en.get(en) ?? 0));
      if (dice >= minDice) candidates.push({ ko, en, dice, count: n });
    }
    // Competitive linking: the best pairs first; a stem or word already linked
    // takes a second partner only nearly as good as its first (북중 ~ china and north).
    candidates.sort((a, b) => b.dice - a.dice || b.count - a.count);
    const bestKo = new Map<string, number>();
    const bestEn = new Map<string, number>();
    const kept: LearnedPair[] = [];
    for (const c of candidates) {
      const k = bestKo.get(c.ko);
      const e = bestEn.get(c.en);
      if ((k !== undefined && c.dice < 0.9 * k) || (e !== undefined && c.dice < 0.9 * e)) continue;
      if (k === undefined) bestKo.set(c.ko, c.dice);
      if (e === undefined) bestEn.set(c.en, c.dice);
      kept.push(c);
    }
    return kept;
  }

  /** The counts as plain data, for storage. */
  toJSON(): LexiconCounts {
    const joint: Record<string, number> = {};
    for (const [key, n] of this.joint) joint[`${this.koNames[Math.floor(key / SPAN)]}\t${this.enNames[key % SPAN]}`] = n;
    return { units: this.units, ko: Object.fromEntries(this.ko), en: Object.fromEntries(this.en), joint };
  }
}

function bump<K>(map: Map<K, number>, key: K, by: number): void {
  const n = (map.get(key) ?? 0) + by;
  if (n > 0) map.set(key, n);
  else map.delete(key);
}

/** Learns the reliable pairs of a parallel corpus at once. */
export function learnLexicon(units: Iterable<ParallelUnit>, opts: LearnOptions = {}): LearnedPair[] {
  const learner = new LexiconLearner();
  learner.add(units);
  return learner.pairs(opts);
}

/** Learned pairs as the aligner's lexicon entries (one per Korean stem, with all its English words). */
export function learnedLexicon(pairs: readonly LearnedPair[]): LexiconPair[] {
  const byKo = new Map<string, string[]>();
  for (const p of pairs) {
    const list = byKo.get(p.ko);
    if (list) list.push(p.en);
    else byKo.set(p.ko, [p.en]);
  }
  return [...byKo].map(([ko, en]) => ({ id: ko, ko: [ko], en }));
}

/** Stored learned pairs as the aligner can use them: anything malformed is left out. */
export function readLearnedPairs(data: unknown): LearnedPair[] {
  if (!Array.isArray(data)) return [];
  return data.flatMap((p: unknown) => {
    const { ko, en, dice, count } = (p && typeof p === "object" ? p : {}) as Record<string, unknown>;
    return typeof ko === "string" && typeof en === "string" && ko && en && typeof dice === "number" && typeof count === "number" ? [{ ko, en, dice, count }] : [];
  });
}
