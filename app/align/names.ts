// Proper nouns across scripts: a Korean transliteration (푸틴, 보스토치니,
// 샤포쉬니코프) and its English original (Putin, Vostochny, Shaposhnikov) share
// a consonant skeleton once both are written in Latin letters. Korean is
// romanized through es-hangul, one syllable at a time (cached: there are only
// 11,172 syllables, and whole-word romanization is too slow for a 10,000-
// sentence document); the skeleton ignores what transliteration blurs anyway
// (vowels, b/p/v/f, g/k, d/t, s/sh/ch/j, l/r, the epenthetic 으 of 크, 드).
import { romanize } from "es-hangul";
import { isParticleChain } from "../text/particles";

const syllableCache = new Map<string, string>();

function romanizeSyllable(ch: string): string {
  let r = syllableCache.get(ch);
  if (r === undefined) {
    r = romanize(ch);
    syllableCache.set(ch, r);
  }
  return r;
}

export function romanizeWord(word: string): string {
  let out = "";
  for (const ch of word) out += romanizeSyllable(ch);
  return out;
}

const CLASS: Record<string, string> = {
  b: "P", p: "P", f: "P", v: "P",
  c: "K", k: "K", g: "K", q: "K",
  d: "T", t: "T",
  s: "S", z: "S", j: "S",
  l: "L", r: "L",
  m: "M", n: "N",
  a: "a", e: "a", i: "i", o: "o", u: "o",
};

export interface NameKey {
  /** Consonant classes, repeats collapsed: "Putin" -> "PTN". The index. */
  skeleton: string;
  /** Consonant and vowel classes, runs collapsed: "Putin" -> "PoTiN". The check. */
  coarse: string;
}

/** The key of a Latin-script word (English, or romanized Korean with `korean`). */
export function nameKey(latin: string, korean = false): NameKey {
  let s = latin.toLowerCase().replace(/[^a-z]/g, "");
  // The epenthetic vowel of Korean loanwords (크 keu, 드 deu) is not in the original.
  if (korean) s = s.replace(/eu/g, "").replace(/ae/g, "e").replace(/ui/g, "i");
  s = s
    .replace(/eo/g, "o")
    .replace(/ng/g, "n")
    .replace(/ph/g, "p")
    .replace(/th/g, "t")
    .replace(/[sc]h/g, "s")
    .replace(/[ck]k|kh/g, "k")
    .replace(/x/g, "ks")
    .replace(/y(?=[aeiou])/g, "")
    .replace(/y/g, "i")
    .replace(/[wh]/g, "");
  let skeleton = "";
  let coarse = "";
  for (const ch of s) {
    const c = CLASS[ch];
    if (!c) continue;
    const vowel = c === "a" || c === "i" || c === "o";
    const last = coarse.slice(-1);
    // A run of vowels is one vowel (데이 dei ~ Da); a doubled consonant is one.
    if (vowel ? last === "a" || last === "i" || last === "o" : last === c) continue;
    coarse += c;
    if (!vowel) skeleton += c;
  }
  return { skeleton, coarse };
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length];
}

/** Same consonants, and vowels that differ at most once in four letters. */
function sameName(a: NameKey, b: NameKey): boolean {
  if (a.skeleton !== b.skeleton) return false;
  const allowed = Math.floor((Math.max(a.coarse.length, b.coarse.length) - 1) / 4);
  return editDistance(a.coarse, b.coarse) <= allowed;
}

/** The word itself and every stem it has before a chain of particles (데이비드에서 -> 데이비드). */
function stems(word: string): string[] {
  const out = [word];
  for (let cut = word.length - 1; cut >= 2; cut--) {
    const stem = word.slice(0, cut);
    if (isParticleChain(word.slice(cut), stem)) out.push(stem);
  }
  return out;
}

/**
 * Finds, for Korean words, the English proper nouns they transliterate.
 * Built once per document from the English candidates (capitalised words and
 * runs of them: "Kim Jong Un").
 */
export class NameMatcher {
  private bySkeleton = new Map<string, { name: string; key: NameKey }[]>();
  private cache = new Map<string, string[]>();
  private readonly exact: boolean;

  /**
   * With `loanwords`, the English words are common nouns (rocket, system):
   * there are thousands of them, so a Korean word must sound exactly like
   * one (vowel classes and all, a silent final e aside: 드론 ~ drone) with
   * three consonants at least, or native words match by chance (그러나 ~
   * grown, 포탄 ~ between).
   */
  constructor(englishNames: Iterable<string>, { loanwords = false } = {}) {
    this.exact = loanwords;
    for (const name of englishNames) {
      const key = nameKey(loanwords ? name.replace(/([^aeiouy])e$/, "$1") : name);
      if (key.skeleton.length < (loanwords ? 3 : 2)) continue;
      let list = this.bySkeleton.get(key.skeleton);
      if (!list) this.bySkeleton.set(key.skeleton, (list = []));
      if (!list.some((e) => e.name === name)) list.push({ name, key });
    }
  }

  /**
   * The English names a Korean word (particles and all: 푸틴의) may stand for:
   * the word, or its stem before particles, sounds like the name.
   */
  match(koWord: string): string[] {
    let found = this.cache.get(koWord);
    if (found) return found;
    found = [];
    if (this.bySkeleton.size) {
      for (const stem of stems(koWord)) {
        const key = nameKey(romanizeWord(stem), true);
        for (const e of this.bySkeleton.get(key.skeleton) ?? []) if (this.exact ? key.coarse === e.key.coarse : sameName(key, e.key)) found.push(e.name);
        if (found.length) break;
      }
    }
    this.cache.set(koWord, found);
    return found;
  }
}
