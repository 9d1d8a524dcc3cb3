// Find and replace over both sides of the bitext, on prosemirror-search: its
// plugin keeps the query and highlights the matches; its commands move and
// replace (replace-all is one transaction, so one undo step). Dari adds a
// scope (Korean, English or both), Korean-aware whole words (북러 is a whole
// word in 북러는: particles do not count as part of the word), an initial
// consonant mode (ㅂㄹ ㅈㅅ finds 북러 정상) and a count of matches.
import type { EditorState } from "prosemirror-state";
import { SearchQuery, type SearchResult } from "prosemirror-search";
import { sidePositionText, type Side } from "../schema";
import { isParticleChain } from "../text/particles";
import { choseongPattern, isChoseongQuery } from "../translate/choseong";

export type FindScope = Side | "both";

export interface FindOptions {
  search: string;
  replace?: string;
  caseSensitive?: boolean;
  wholeWord?: boolean;
  regexp?: boolean;
  /**
   * Read the query as initial consonants even when it mixes in syllables
   * (ㅂ러 = 부러, 비러…): the find bar's box. A query of initial consonants
   * only (ㅂㄹ ㅈㅅ) is read so without it.
   */
  choseong?: boolean;
  scope?: FindScope;
}

const LETTER = /[\p{L}\p{N}]/u;

function wholeWordAt(state: EditorState, r: SearchResult): boolean {
  const $from = state.doc.resolve(r.from);
  // One character for each inline code, so offsets in the side and in its text agree.
  const text = sidePositionText($from.parent);
  const start = $from.parentOffset;
  const end = start + (r.to - r.from);
  if (LETTER.test(text[start - 1] ?? "")) return false;
  if (!LETTER.test(text[end] ?? "")) return true;
  // On the Korean side a word may go on with its particles.
  if ($from.parent.type.name !== "ko") return false;
  let wordEnd = end;
  while (wordEnd < text.length && LETTER.test(text[wordEnd])) wordEnd++;
  return isParticleChain(text.slice(end, wordEnd), text.slice(start, end));
}

/**
 * Whether a query is searched by initial consonants: as the box says when the
 * analyst has set it (issue 17.10: the box means what it shows), else when
 * the query is made only of them, since no one types ㅂㄹ ㅈㅅ to find those
 * jamo (the find bar ticks the box to show it). A regular expression is
 * always read as one.
 */
export function searchesChoseong(o: FindOptions): boolean {
  return !o.regexp && (o.choseong ?? isChoseongQuery(o.search));
}

/** The prosemirror-search query for the find bar's options. */
export function findQuery(o: FindOptions): SearchQuery {
  const scope = o.scope ?? "both";
  const filter =
    scope === "both" && !o.wholeWord
      ? undefined
      : (state: EditorState, r: SearchResult) =>
          (scope === "both" || state.doc.resolve(r.from).parent.type.name === scope) && (!o.wholeWord || wholeWordAt(state, r));
  const choseong = searchesChoseong(o);
  return new SearchQuery({
    search: choseong ? choseongPattern(o.search) : o.search,
    replace: o.replace ?? "",
    caseSensitive: !!o.caseSensitive,
    regexp: !!o.regexp || choseong,
    literal: !o.regexp && !choseong,
    filter,
  });
}

/** All matches of a query, in document order. */
export function findAll(state: EditorState, query: SearchQuery): SearchResult[] {
  const out: SearchResult[] = [];
  if (!query.valid) return out;
  let from = 0;
  for (;;) {
    const r = query.findNext(state, from);
    if (!r) return out;
    out.push(r);
    from = r.to > r.from ? r.to : r.to + 1;
  }
}

/** How many matches a query has. */
export function countMatches(state: EditorState, query: SearchQuery): number {
  return findAll(state, query).length;
}
