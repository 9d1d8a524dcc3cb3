// Full-text search across a library, in both languages at once, with
// MiniSearch and a Korean-aware tokenizer: Hangul words are indexed as
// character bigrams (so a stem matches whatever particle or ending follows
// it: 정상회담 finds 정상회담에서는), other words whole and lower-cased. The
// query's Korean words lose their particles first. An initial-consonant query
// (ㅂㄹ ㅈㅅ) is matched against the text as the editor's find does.
import MiniSearch, { type SearchResult } from "minisearch";
import type { SegmentStatus, Side } from "../schema";
import { stripParticle } from "../text/particles";
import { choseongPattern, isChoseongQuery } from "../translate/choseong";
import { escapeRegExp } from "../text/normalize";
import type { LibraryDocument, LibrarySegment } from "./record";

const HANGUL = /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]/;
const WORD = /[\p{L}\p{N}]+/gu;

/** Bigrams of a Hangul word (the word itself when it has one syllable). */
function bigrams(word: string, out: string[]): void {
  if (word.length === 1) out.push(word);
  for (let i = 0; i + 1 < word.length; i++) out.push(word.slice(i, i + 2));
}

/** The terms a text is indexed by. */
export function indexTerms(text: string): string[] {
  const out: string[] = [];
  for (const m of text.toLowerCase().matchAll(WORD)) {
    const w = m[0];
    if (HANGUL.test(w)) bigrams(w, out);
    else out.push(w);
  }
  return out;
}

/** The terms of a query: Korean words without their particles, as bigrams. */
export function queryTerms(query: string): string[] {
  const out: string[] = [];
  for (const m of query.toLowerCase().matchAll(WORD)) {
    const w = m[0];
    if (HANGUL.test(w)) bigrams(w.length > 2 ? stripParticle(w).stem : w, out);
    else out.push(w);
  }
  return [...new Set(out)];
}

export interface LibrarySearchOptions {
  theme?: string;
  side?: Side;
  status?: SegmentStatus;
  author?: string;
  /** ISO dates (or prefixes: 2024, 2024-03) bounding the commentary's date. */
  from?: string;
  to?: string;
  limit?: number;
}

/** Keyword in context: the text around the first match. */
export interface Kwic {
  before: string;
  match: string;
  after: string;
}

export interface LibraryHit {
  file: string;
  /** The segment's id and its number in the document (from 0). */
  segment: string;
  index: number;
  title: string;
  ko: string;
  en: string;
  themes: string[];
  kwic: Partial<Record<Side, Kwic>>;
}

/** A searchable library: the documents and their MiniSearch index. */
export interface SearchIndex {
  search: MiniSearch;
}

interface IndexedSegment {
  id: string;
  ko: string;
  en: string;
}

const OPTIONS = {
  fields: ["ko", "en"],
  storeFields: [] as string[],
  tokenize: (text: string) => indexTerms(text),
  processTerm: (t: string) => t,
  searchOptions: { tokenize: (q: string) => queryTerms(q), processTerm: (t: string) => t },
};

/** The MiniSearch id of a segment: its document's file and its number in it. */
export const segmentKey = (file: string, index: number) => `${file}\u0000${index}`;

export function createSearchIndex(): MiniSearch<IndexedSegment> {
  return new MiniSearch<IndexedSegment>(OPTIONS);
}

export function addDocument(search: MiniSearch<IndexedSegment>, doc: LibraryDocument): void {
  search.addAll(doc.segments.map((s, i) => ({ id: segmentKey(doc.file, i), ko: s.ko, en: s.en })));
}

export function removeDocument(search: MiniSearch<IndexedSegment>, doc: LibraryDocument): void {
  for (let i = 0; i < doc.segments.length; i++) {
    const key = segmentKey(doc.file, i);
    if (search.has(key)) search.discard(key);
  }
}

export function searchIndexJSON(search: MiniSearch<IndexedSegment>): unknown {
  return search.toJSON();
}

export function loadSearchIndex(json: unknown): MiniSearch<IndexedSegment> {
  return MiniSearch.loadJS(json as Parameters<typeof MiniSearch.loadJS>[0], OPTIONS) as MiniSearch<IndexedSegment>;
}

/** A regular expression that finds the query in a side's text, for the context line and to confirm a hit. */
function matcher(query: string, side: Side): RegExp | null {
  const q = query.trim();
  if (!q) return null;
  if (isChoseongQuery(q)) return side === "ko" ? new RegExp(choseongPattern(q)) : null;
  const words = [...q.matchAll(WORD)].map((m) => m[0]);
  if (!words.length) return null;
  const parts = words.map((w) => escapeRegExp(HANGUL.test(w) && w.length > 2 ? stripParticle(w).stem : w));
  return new RegExp(parts.join("[^\\p{L}\\p{N}]*(?:[\\p{L}\\p{N}]*[^\\p{L}\\p{N}]+)?"), "iu");
}

function kwic(text: string, re: RegExp, width = 40): Kwic | null {
  const m = re.exec(text);
  if (!m) return null;
  const before = text.slice(Math.max(0, m.index - width), m.index);
  const after = text.slice(m.index + m[0].length, m.index + m[0].length + width);
  return { before: (m.index > width ? "…" : "") + before, match: m[0], after: after + (m.index + m[0].length + width < text.length ? "…" : "") };
}

const inDateRange = (date: string, from?: string, to?: string) =>
  (!from || (date !== "" && date >= from)) && (!to || (date !== "" && date.slice(0, to.length) <= to));

/**
 * Segments of the library that hold the query, in document order within the
 * most relevant documents first; restricted by theme, side, status, author and
 * date. Every hit is confirmed in the text, and carries its context line.
 */
export function searchLibrary(documents: LibraryDocument[], search: MiniSearch<IndexedSegment>, query: string, options: LibrarySearchOptions = {}): LibraryHit[] {
  const limit = options.limit ?? 200;
  const byFile = new Map(documents.map((d) => [d.file, d]));
  const docOk = (d: LibraryDocument) => (!options.author || d.author === options.author) && inDateRange(d.date, options.from, options.to);
  const segOk = (s: LibrarySegment) =>
    (!options.status || s.status === options.status) &&
    (!options.theme || (options.side ? (options.side === "ko" ? s.koThemes : s.enThemes).includes(options.theme) : s.koThemes.includes(options.theme) || s.enThemes.includes(options.theme)));
  const sides: Side[] = options.side ? [options.side] : ["ko", "en"];
  const res = sides.map((side) => [side, matcher(query, side)] as const).filter((x): x is readonly [Side, RegExp] => x[1] !== null);
  const hits: LibraryHit[] = [];

  const consider = (doc: LibraryDocument, index: number) => {
    const s = doc.segments[index];
    if (!segOk(s)) return;
    const k: Partial<Record<Side, Kwic>> = {};
    for (const [side, re] of res) {
      const line = kwic(s[side], re);
      if (line) k[side] = line;
    }
    if (!Object.keys(k).length) return;
    hits.push({ file: doc.file, segment: s.id, index, title: doc.title, ko: s.ko, en: s.en, themes: [...new Set([...s.koThemes, ...s.enThemes])], kwic: k });
  };

  if (isChoseongQuery(query.trim())) {
    // Initials cannot be looked up by bigrams: read the Korean of the documents that pass the filters.
    for (const doc of documents) {
      if (!docOk(doc)) continue;
      for (let i = 0; i < doc.segments.length && hits.length < limit; i++) consider(doc, i);
      if (hits.length >= limit) break;
    }
    return hits;
  }
  if (!queryTerms(query).length) return hits;
  const found: SearchResult[] = search.search(query, { combineWith: "AND", fields: options.side ? [options.side] : ["ko", "en"] });
  // Group by document, best documents first, segments in reading order.
  const perDoc = new Map<string, number[]>();
  for (const r of found) {
    const key = String(r.id);
    const cut = key.lastIndexOf("\u0000");
    const file = key.slice(0, cut);
    const list = perDoc.get(file);
    if (list) list.push(Number(key.slice(cut + 1)));
    else perDoc.set(file, [Number(key.slice(cut + 1))]);
  }
  for (const [file, list] of perDoc) {
    const doc = byFile.get(file);
    if (!doc || !docOk(doc)) continue;
    for (const i of list.sort((a, b) => a - b)) {
      if (hits.length >= limit) return hits;
      if (i < doc.segmentCount) consider(doc, i);
    }
  }
  return hits;
}
