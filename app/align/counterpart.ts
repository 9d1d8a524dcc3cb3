// The counterpart of a tagged phrase (issue 17.6): where in the English
// sentence the Korean phrase 보스토치니 우주기지 is said ("Vostochny
// Cosmodrome"), and the other way round. The aligner's anchors
// (app/align/anchors.ts: numbers, Latin-script words, names through
// romanization, glossary pairs, the built-in and learned lexicons) are found
// here with their places: the anchors inside the tagged phrase are looked up
// on the other side, and the smallest stretch holding one of each is taken,
// widened to whole words and modestly to the phrase around them (a name's
// other words, the unit after a number; on the Korean side, without the
// particles at the end). No shared anchor, no phrase: the caller says so.
import { findCitations, withoutCitations } from "../text/citations";
import { findNumbers, type NumberLang } from "../text/numbers";
import { isParticleChain } from "../text/particles";
import { sentenceSpans } from "../text/sentences";
import { BUILTIN_LEXICON } from "./lexicon";
import { NameMatcher } from "./names";
import { EN_TOKEN, HANGUL_WORD, LATIN_WORD, NAME_RUN, STOP_NAMES, type AnchorOptions } from "./anchors";

/** An anchor found in a text: its key (as the aligner names it) and where it is. */
export interface PlacedAnchor {
  key: string;
  from: number;
  to: number;
}

export interface Phrase {
  /** UTF-16 offsets in the other side's text, end exclusive. */
  from: number;
  to: number;
  /** The anchor keys that placed it (for tests and the curious). */
  anchors: string[];
}

/** The lexicon pairs with their places: Korean terms as substrings, English forms as whole words or two-word phrases. */
class PlacedLexicon {
  /** For each Korean term, the keys of every term inside it (북중러 is also 북중 and 중러). */
  private koKeys = new Map<string, string[]>();
  private longest = 0;
  private en = new Map<string, string[]>();

  constructor(opts: AnchorOptions) {
    const own = new Map<string, string[]>();
    const add = (key: string, ko: readonly string[], en: readonly string[]) => {
      for (const t of ko) if (t.trim()) own.set(t, [...(own.get(t) ?? []), key]);
      for (const f of en) {
        const form = f.toLowerCase().trim();
        if (form) this.en.set(form, [...(this.en.get(form) ?? []), key]);
      }
    };
    for (const p of opts.lexicon ?? BUILTIN_LEXICON) add(`l:${p.id}`, p.ko, p.en);
    for (const g of opts.glossary ?? []) add(`g:${g.id}`, [g.ko], [g.en]);
    for (const p of opts.learned ?? []) add(`t:${p.id}`, p.ko, p.en);
    // Through the substrings of each term (a few characters), not every pair of terms: a learned lexicon may hold thousands.
    for (const t of own.keys()) {
      const keys = new Set<string>();
      for (let a = 0; a < t.length; a++) for (let b = a + 1; b <= t.length; b++) for (const k of own.get(t.slice(a, b)) ?? []) keys.add(k);
      this.koKeys.set(t, [...keys]);
      this.longest = Math.max(this.longest, t.length);
    }
  }

  /**
   * The terms in a Korean text, left to right, the longest at each place,
   * without overlaps (as anchors.ts's one regular expression of all terms
   * finds them), by looking up the few substrings at each place: the time
   * does not grow with the lexicon.
   */
  placeKo(text: string, out: PlacedAnchor[]): void {
    for (let i = 0; i < text.length; ) {
      let len = Math.min(this.longest, text.length - i);
      for (; len > 0 && !this.koKeys.has(text.slice(i, i + len)); len--);
      if (!len) {
        i++;
        continue;
      }
      for (const key of this.koKeys.get(text.slice(i, i + len))!) out.push({ key, from: i, to: i + len });
      i += len;
    }
  }

  placeEn(text: string, out: PlacedAnchor[]): void {
    const tokens: { word: string; from: number; to: number }[] = [];
    for (const m of text.toLowerCase().matchAll(EN_TOKEN)) {
      // "Russia's" is Russia; a compound is also its parts (Sino-Russian says China and Russia).
      const word = m[0].replace(/['’]s$/, "");
      tokens.push({ word, from: m.index, to: m.index + word.length });
      if (word.includes("-")) {
        let at = m.index;
        for (const part of word.split("-")) {
          if (part) tokens.push({ word: part, from: at, to: at + part.length });
          at += part.length + 1;
        }
      }
    }
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i];
      for (const key of this.en.get(t.word) ?? []) out.push({ key, from: t.from, to: t.to });
      const next = tokens[i + 1];
      if (next && next.from > t.to) for (const key of this.en.get(`${t.word} ${next.word}`) ?? []) out.push({ key, from: t.from, to: next.to });
    }
  }
}

function placeNumbers(text: string, lang: NumberLang, out: PlacedAnchor[]): void {
  for (const n of findNumbers(withoutCitations(text, findCitations(text)), lang)) {
    const kind = n.kind === "month" ? "m" : n.kind === "percent" ? "p" : "n";
    out.push({ key: `${kind}:${n.value}`, from: n.start, to: n.end });
  }
}

function placeLatin(text: string, out: PlacedAnchor[]): void {
  for (const m of text.matchAll(LATIN_WORD)) if (m[0].length >= 2) out.push({ key: `w:${m[0].toLowerCase()}`, from: m.index, to: m.index + m[0].length });
}

/** Capitalised words and runs of up to three of them ("Kim Jong Un"), with their places, common words left out. */
function placedNames(text: string): PlacedAnchor[] {
  const out: PlacedAnchor[] = [];
  for (const m of text.matchAll(NAME_RUN)) {
    const words = [...m[0].matchAll(/\S+/g)].map((w) => ({ word: w[0].toLowerCase(), from: m.index + w.index, to: m.index + w.index + w[0].length })).filter((w) => !STOP_NAMES.has(w.word));
    for (let a = 0; a < words.length; a++) {
      for (let b = a + 1; b <= Math.min(words.length, a + 3); b++) {
        const name = words.slice(a, b).map((w) => w.word).join(" ");
        if (name.length >= 3) out.push({ key: `x:${name}`, from: words[a].from, to: words[b - 1].to });
      }
    }
  }
  return out;
}

/** The anchors of a Korean text; `names` knows the English names of its counterpart. */
function koreanAnchors(text: string, lex: PlacedLexicon, names: NameMatcher): PlacedAnchor[] {
  const out: PlacedAnchor[] = [];
  placeNumbers(text, "ko", out);
  placeLatin(text, out);
  for (const m of text.matchAll(HANGUL_WORD)) {
    if (m[0].length < 2) continue;
    for (const name of names.match(m[0])) out.push({ key: `x:${name}`, from: m.index, to: m.index + m[0].length });
  }
  lex.placeKo(text, out);
  return out;
}

function englishAnchors(text: string, lex: PlacedLexicon): PlacedAnchor[] {
  const out: PlacedAnchor[] = [];
  placeNumbers(text, "en", out);
  placeLatin(text, out);
  out.push(...placedNames(text));
  lex.placeEn(text, out);
  return out;
}

/** The anchors of a Korean sentence and of its English, placed. */
function placeAnchors(ko: string, en: string, lex: PlacedLexicon): { ko: PlacedAnchor[]; en: PlacedAnchor[] } {
  const names = new NameMatcher(placedNames(en).map((a) => a.key.slice(2)));
  return { ko: koreanAnchors(ko, lex, names), en: englishAnchors(en, lex) };
}

/**
 * What the phrase asks to be found: one requirement per place in it. The same
 * word found by two kinds of anchor (러시아 as a name and as a lexicon pair;
 * Kalibr as a Latin word and a name) is one requirement; a compound that
 * stands for several lexicon pairs (북러: North Korea and Russia) is several.
 */
function requirements(anchors: PlacedAnchor[]): Set<string>[] {
  const byPlace = new Map<string, PlacedAnchor[]>();
  for (const a of anchors) {
    const at = `${a.from}:${a.to}`;
    byPlace.set(at, [...(byPlace.get(at) ?? []), a]);
  }
  const out: Set<string>[] = [];
  for (const list of byPlace.values()) {
    const keys = new Set(list.map((a) => a.key));
    if ([...keys].every((k) => /^[lgt]:/.test(k))) for (const k of keys) out.push(new Set([k]));
    else out.push(keys);
  }
  return out;
}

/**
 * The smallest stretch of the text meeting every requirement it can (those
 * with no anchor in it are left out), or null when it meets none.
 */
function smallestCover(anchors: PlacedAnchor[], wants: Set<string>[], near: { at: number; length: number }): { from: number; to: number; keys: string[] } | null {
  const hits = anchors
    .map((a) => ({ ...a, meets: wants.flatMap((w, i) => (w.has(a.key) ? [i] : [])) }))
    .filter((h) => h.meets.length)
    .sort((a, b) => a.from - b.from || a.to - b.to);
  const want = new Set(hits.flatMap((h) => h.meets));
  if (!want.size) return null;
  let best: { from: number; to: number; keys: string[]; cost: number } | null = null;
  // Every window starting at a hit: extend until all are met, keep the
  // narrowest; between equals (one word twice), the one nearer the place
  // where the phrase stands in its own sentence.
  for (let i = 0; i < hits.length; i++) {
    const met = new Set<number>();
    const keys = new Set<string>();
    let to = 0;
    for (let j = i; j < hits.length && met.size < want.size; j++) {
      for (const m of hits[j].meets) met.add(m);
      keys.add(hits[j].key);
      to = Math.max(to, hits[j].to);
    }
    if (met.size < want.size) break;
    const cost = to - hits[i].from + 0.5 * Math.abs((hits[i].from + to) / 2 - near.at * near.length);
    if (!best || cost < best.cost) best = { from: hits[i].from, to, keys: [...keys].sort(), cost };
  }
  return best && { from: best.from, to: best.to, keys: best.keys };
}

const EN_WORD_CHAR = /[\p{L}\p{N}]/u;
/** Inside a word: an apostrophe or hyphen between letters, a comma or point between digits. */
function joinsWord(text: string, i: number): boolean {
  const c = text[i];
  if (EN_WORD_CHAR.test(c)) return true;
  const before = text[i - 1] ?? "";
  const after = text[i + 1] ?? "";
  if (/['’-]/.test(c)) return EN_WORD_CHAR.test(before) && EN_WORD_CHAR.test(after);
  if (/[.,]/.test(c)) return /\d/.test(before) && /\d/.test(after);
  return false;
}

// Words that never carry a phrase on: a following noun after a number is the
// unit (50,000 tonnes), a following verb or preposition is not.
const FUNCTION_WORDS = new Set([...STOP_NAMES, ..."is are was were be been being has have had will would can could may might should must do does did not into about over under between around across against among through toward towards within without upon via per like near along behind beyond during despite onto".split(" ")]);

/** The next word after `at` (after one space), or null. */
function wordAfter(text: string, at: number): { word: string; to: number } | null {
  const m = /^ ([\p{L}\p{N}][\p{L}\p{N}'’-]*)/u.exec(text.slice(at));
  return m ? { word: m[1], to: at + m[0].length } : null;
}
function wordBefore(text: string, at: number): { word: string; from: number } | null {
  const m = /([\p{L}\p{N}][\p{L}\p{N}'’-]*) $/u.exec(text.slice(0, at));
  return m ? { word: m[1], from: at - m[0].length } : null;
}
const capitalised = (w: string) => /^\p{Lu}/u.test(w) && !FUNCTION_WORDS.has(w.toLowerCase());

/** A stretch that opens or closes a bracket takes the whole bracket. */
function balanced(text: string, from: number, to: number): { from: number; to: number } {
  const part = text.slice(from, to);
  const open = (part.match(/\(/g) ?? []).length;
  const close = (part.match(/\)/g) ?? []).length;
  if (close > open) {
    const at = text.lastIndexOf("(", from);
    if (at >= 0) from = at;
  } else if (open > close) {
    const at = text.indexOf(")", to);
    if (at >= 0) to = at + 1;
  }
  return { from, to };
}

/** What the source phrase says beyond its anchors: words before the first and after the last. */
interface Beyond {
  before: boolean;
  after: boolean;
}

/**
 * Widens an English stretch to whole words, a name to all its words, a
 * number to its unit, and by one word on a side where the source phrase has
 * words no anchor accounts for (우주개발: "space" -> "space development").
 */
function englishPhrase(text: string, from: number, to: number, beyond: Beyond): { from: number; to: number } {
  ({ from, to } = balanced(text, from, to));
  while (from > 0 && joinsWord(text, from - 1)) from--;
  while (to < text.length && joinsWord(text, to)) to++;
  // A name goes on through its capitalised words (Vostochny Cosmodrome, Marshal
  // Shaposhnikov), but not into a possessive before it (Russia's).
  const nameWord = (w: string) => capitalised(w) && !/['’]s$/.test(w);
  if (capitalised(text.slice(from, to))) for (let w = wordBefore(text, from); w && nameWord(w.word); w = wordBefore(text, from)) from = w.from;
  if (/\p{Lu}\S*$/u.test(text.slice(from, to)) && !/['’]s$/.test(text.slice(from, to))) {
    for (let w = wordAfter(text, to); w && capitalised(w.word); w = wordAfter(text, to)) {
      to = w.to;
      if (/['’]s$/.test(w.word)) break;
    }
  }
  const content = (w: { word: string } | null) => !!w && !FUNCTION_WORDS.has(w.word.toLowerCase());
  // A number takes the word it counts (50,000 tonnes), not a verb after it.
  const after = wordAfter(text, to);
  if ((beyond.after || /\d$/.test(text.slice(from, to))) && !/['’]s$/.test(text.slice(from, to)) && content(after) && /^\p{Ll}/u.test(after!.word)) to = after!.to;
  const before = wordBefore(text, from);
  if (beyond.before && content(before)) from = before!.from;
  return { from, to };
}

const KO_BREAK = /[\s,.;:!?()[\]{}“”"‘’'「」『』·…]/;

/** The end of the Korean word starting at `from`, without the particles after `min` (우주기지에서 -> 우주기지). */
function koreanWordEnd(text: string, from: number, min: number): number {
  let end = Math.max(from, min);
  while (end < text.length && !KO_BREAK.test(text[end])) end++;
  for (let cut = Math.max(min, from + 1); cut < end; cut++) if (!/\d/.test(text[cut - 1]) && isParticleChain(text.slice(cut, end), text.slice(from, cut))) return cut;
  return end;
}

/**
 * Widens a Korean stretch to whole words (eojeol), without the particles
 * after the last anchor; a number takes the short word it counts
 * (5만 톤, 6자 회담), a date does not.
 */
function koreanPhrase(text: string, from: number, to: number, beyond: Beyond): { from: number; to: number } {
  ({ from, to } = balanced(text, from, to));
  while (from > 0 && !KO_BREAK.test(text[from - 1])) from--;
  // 칼리브르(Kalibr): the word the brackets gloss comes too.
  if (text[from - 1] === "(") for (from--; from > 0 && !KO_BREAK.test(text[from - 1]); ) from--;
  to = koreanWordEnd(text, from, to);
  if (beyond.after && /^ [\uac00-\ud7a3]/.test(text.slice(to))) to = koreanWordEnd(text, to + 1, to + 2);
  const next = /^ ([\uac00-\ud7a3]+)/.exec(text.slice(to));
  if (next && /\d[^\s\d]*$/.test(text.slice(from, to)) && !/[년월일]$/.test(text.slice(from, to))) {
    const end = koreanWordEnd(text, to + 1, to + 2);
    if (end - to - 1 <= 2) to = end;
  }
  return { from, to };
}

/** A tagged phrase: its side's language and text, and where it is in that text. */
export interface SourcePhrase {
  lang: "ko" | "en";
  text: string;
  from: number;
  to: number;
}

/**
 * Where the phrase `from`–`to` of one side is said on the other side, from
 * the anchors the phrase holds; null when none of them is found there. A
 * phrase that is the whole side maps to the whole other side.
 */
export function counterpartPhrase(source: SourcePhrase, target: string, opts: AnchorOptions = {}): Phrase | null {
  return counterpartFinder(opts)(source, target);
}

/** counterpartPhrase with the lexicons read once, for many phrases. */
export function counterpartFinder(opts: AnchorOptions = {}): (source: SourcePhrase, target: string) => Phrase | null {
  const lex = new PlacedLexicon(opts);
  return (source, target) => findCounterpart(source, target, lex);
}

function findCounterpart(source: SourcePhrase, target: string, lex: PlacedLexicon): Phrase | null {
  if (!target.trim()) return null;
  const { text, from, to } = source;
  if (!text.slice(0, from).trim() && !text.slice(to).trim()) {
    const start = target.length - target.trimStart().length;
    return { from: start, to: target.trimEnd().length, anchors: [] };
  }
  // A segment of several sentences on both sides, as many on each (a paragraph
  // not yet aligned sentence by sentence): the phrase's own sentence first.
  const mine = sentenceSpans(text, source.lang);
  const theirs = sentenceSpans(target, source.lang === "ko" ? "en" : "ko");
  const i = mine.findIndex((s) => s.start <= from && to <= s.end);
  if (mine.length > 1 && mine.length === theirs.length && i >= 0) {
    const [s, t] = [mine[i], theirs[i]];
    const found = phraseIn({ ...source, text: text.slice(s.start, s.end), from: from - s.start, to: to - s.start }, target.slice(t.start, t.end), lex);
    if (found) return { ...found, from: found.from + t.start, to: found.to + t.start };
  }
  return phraseIn(source, target, lex);
}

function phraseIn(source: SourcePhrase, target: string, lex: PlacedLexicon): Phrase | null {
  const { text, from, to } = source;
  const placed = source.lang === "ko" ? placeAnchors(text, target, lex) : placeAnchors(target, text, lex);
  const [mine, theirs] = source.lang === "ko" ? [placed.ko, placed.en] : [placed.en, placed.ko];
  // An anchor belongs to the phrase when at least half of it lies inside.
  const inside = mine.filter((a) => 2 * (Math.min(a.to, to) - Math.max(a.from, from)) >= a.to - a.from);
  const cover = smallestCover(theirs, requirements(inside), { at: (from + to) / 2 / text.length, length: target.length });
  if (!cover) return null;
  const used = inside.filter((a) => cover.keys.includes(a.key));
  const beyond = {
    before: /[\p{L}\p{N}]/u.test(text.slice(from, Math.min(...used.map((a) => a.from)))),
    after: /[\p{L}\p{N}]/u.test(text.slice(Math.max(...used.map((a) => a.to)), to)),
  };
  const phrase = source.lang === "ko" ? englishPhrase(target, cover.from, cover.to, beyond) : koreanPhrase(target, cover.from, cover.to, beyond);
  return { ...phrase, anchors: cover.keys };
}

