// The termbase at work: finding glossary terms in Korean text and checking
// their English renderings.
//
// Korean matching understands particles: a term matches when it stands at the
// start of a word and is followed by nothing or by particles (북러는, 북러의,
// 정상회담에서는), so 북러 does not match inside 북러관계 — give the compound an
// entry of its own. The copula and 하다/되다 endings count as a tail too
// (우주기지였다는, 협력했다; the rule is in app/text/endings.ts). Spaces inside a
// term match any spacing, or none (6자 회담 = 6자회담), since Korean spacing
// varies. When terms overlap the longest wins (북러 정상회담 over 북러).
import type { GlossaryEntry } from "./glossary-entry";
import { termTailLength } from "../text/endings";
import { escapeRegExp } from "../text/normalize";

export interface TermHit {
  /** Offsets of the term in the Korean text (particles not included). */
  from: number;
  to: number;
  /** End of the particles after the term. */
  tailEnd: number;
  entry: GlossaryEntry;
}

function isWordChar(ch: string | undefined): boolean {
  return !!ch && /[\p{L}\p{N}]/u.test(ch);
}

function normaliseKo(term: string): string {
  return term.normalize("NFC").trim().replace(/\s+/g, " ");
}

/**
 * The project glossary over the user glossary: a project entry replaces a user
 * entry for the same Korean term (the project knows its own usage better).
 */
export function mergeGlossaries(project: readonly GlossaryEntry[], user: readonly GlossaryEntry[] = []): GlossaryEntry[] {
  const seen = new Set(project.map((e) => normaliseKo(e.ko)));
  return [...project, ...user.filter((e) => !seen.has(normaliseKo(e.ko)))];
}

/** The terms of some hits, each once (the first place it occurs), for the insert list (issue 17.7). */
export function distinctTerms(hits: readonly TermHit[]): TermHit[] {
  const seen = new Set<string>();
  return hits.filter((h) => {
    const key = `${normaliseKo(h.entry.ko)}\u0000${h.entry.en}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Two forms of one term (same letters, other spacing) as one that matches
 *  whatever either matched: a space wherever either has one. */
function widerSpacing(a: string, b: string): string {
  let out = "";
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    let space = false;
    while (a[i] === " ") (space = true), i++;
    while (b[j] === " ") (space = true), j++;
    if (i >= a.length && j >= b.length) break;
    out += (space && out ? " " : "") + a[i];
    i++;
    j++;
  }
  return out;
}

/**
 * A glossary with entries added (typed in, imported, kept in the user
 * glossary): an added entry replaces the entry for the same Korean term in
 * its place. Terms that differ only in spacing are the same term, since a
 * space in a term matches any spacing or none: adding 6자회담 to a glossary
 * holding 6자 회담 edits that entry (keeping the space, so it still matches
 * both) rather than adding a second entry to compete for the same words.
 */
export function addToGlossary(glossary: readonly GlossaryEntry[], added: readonly GlossaryEntry[]): GlossaryEntry[] {
  const key = (ko: string) => normaliseKo(ko).replace(/ /g, "");
  // Entries already there are kept as they are, spacing variants included
  // (the default glossary has 북러관계 and 북러 관계): an added term edits the
  // first entry it matches, or comes at the end.
  const out = [...glossary];
  const at = new Map<string, number>();
  out.forEach((e, i) => void (at.has(key(e.ko)) || at.set(key(e.ko), i)));
  for (const e of added) {
    const k = key(e.ko);
    const i = at.get(k);
    if (i === undefined) {
      at.set(k, out.length);
      out.push({ ...e, ko: normaliseKo(e.ko) });
    } else out[i] = { ...e, ko: widerSpacing(normaliseKo(out[i].ko), normaliseKo(e.ko)) };
  }
  return out;
}

/** Matches `term` at `text[at]`; returns the end of the term, or -1. */
function matchTermAt(text: string, at: number, term: string): number {
  let j = at;
  for (let i = 0; i < term.length; i++) {
    const c = term[i];
    if (c === " ") {
      while (j < text.length && /\s/.test(text[j])) j++;
      continue;
    }
    if (text[j] !== c) return -1;
    j++;
  }
  return j;
}

export class GlossaryMatcher {
  private readonly byFirst = new Map<string, { term: string; letters: string; entry: GlossaryEntry }[]>();
  readonly entries: readonly GlossaryEntry[];

  constructor(entries: readonly GlossaryEntry[]) {
    this.entries = entries;
    for (const entry of entries) {
      const term = normaliseKo(entry.ko);
      if (!term) continue;
      const list = this.byFirst.get(term[0]) ?? [];
      list.push({ term, letters: term.replace(/ /g, ""), entry });
      this.byFirst.set(term[0], list);
    }
    // Longest first, so the first hit at a place is the longest.
    for (const list of this.byFirst.values()) list.sort((a, b) => b.letters.length - a.letters.length);
  }

  /** The terms in a Korean text, left to right, not overlapping. Where terms
   *  overlap, the longest (in letters) wins, then the leftmost: the text shows
   *  보스토치니 우주기지, never 보스토치니 as well. */
  find(text: string): TermHit[] {
    const found: TermHit[] = [];
    const size: number[] = [];
    let overlap = false;
    let reach = 0;
    const src = text.normalize("NFC");
    for (let at = 0; at < src.length; at++) {
      const candidates = this.byFirst.get(src[at]);
      if (!candidates || isWordChar(src[at - 1])) continue;
      for (const { term, letters, entry } of candidates) {
        const end = matchTermAt(src, at, term);
        if (end < 0) continue;
        // A Latin term (TASS) must not run on into a longer word (TASSX).
        if (/[A-Za-z0-9]/.test(term[term.length - 1]) && /[A-Za-z0-9]/.test(src[end] ?? "")) continue;
        const tail = termTailLength(src, end, letters);
        if (tail < 0) continue;
        if (at < reach) overlap = true;
        reach = Math.max(reach, end + tail);
        found.push({ from: at, to: end, tailEnd: end + tail, entry });
        size.push(letters.length);
      }
    }
    if (!overlap) return found;
    const order = found.map((_, i) => i).sort((a, b) => size[b] - size[a] || found[a].from - found[b].from);
    const kept: TermHit[] = [];
    for (const i of order) {
      const hit = found[i];
      if (kept.some((k) => hit.from < k.tailEnd && k.from < hit.tailEnd)) continue;
      kept.push(hit);
    }
    return kept.sort((a, b) => a.from - b.from);
  }
}

/** English compared as a reader would: case, dashes, quotes and spacing do not matter. */
export function normaliseEn(text: string): string {
  return text
    .normalize("NFC")
    .toLowerCase()
    .replace(/[\u2010-\u2015\u2212]/g, "-")
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/\s+/g, " ");
}


/** A dash between the parts of a compound (North Korea–Russia) also stands for
 *  their coordination: "North Korea and Russia", "South Korea, the US and Japan". */
const COMPOUND_JOIN = String.raw`(?:\s*-\s*|,?\s+and\s+(?:the\s+)?|,\s+(?:the\s+)?)`;

const patterns = new Map<string, RegExp | null>();

/** The pattern of a rendering, compiled once (QA asks for the same terms in every segment). */
function renderingPattern(rendering: string): RegExp | null {
  let re = patterns.get(rendering);
  if (re !== undefined) return re;
  const r = normaliseEn(rendering).trim();
  if (r) {
    const body = r
      .split(/\s*-\s*/)
      .map((part) => escapeRegExp(part).replace(/ /g, "\\s+"))
      .join(/[\u2013\u2014]/.test(rendering) ? COMPOUND_JOIN : "-");
    re = new RegExp(`(?<![\\p{L}\\p{N}])${body}(?:s|es|'s)?(?![\\p{L}\\p{N}])`, "gu");
  } else re = null;
  if (patterns.size > 5000) patterns.clear();
  patterns.set(rendering, re);
  return re;
}

/** Whether an English text, already passed through normaliseEn, uses a rendering. */
export function normalisedHas(normalised: string, rendering: string): boolean {
  const re = renderingPattern(rendering);
  if (!re) return false;
  re.lastIndex = 0;
  return re.test(normalised);
}

/** Whether an English text uses a rendering (whole words; plural and possessive allowed). */
export function englishHas(en: string, rendering: string): boolean {
  return normalisedHas(normaliseEn(en), rendering);
}

/** The English (normalised) with every use of a rendering blanked out, so that a forbidden
 *  rendering inside the preferred one (Korea-US-Japan in South Korea–US–Japan) is not counted. */
export function withoutRendering(normalised: string, rendering: string): string {
  const re = renderingPattern(rendering);
  if (!re) return normalised;
  re.lastIndex = 0;
  return normalised.replace(re, (m) => " ".repeat(m.length));
}
