// Keyword suggestions: the codebook's keywords propose themes on the words
// that mention them. Korean keywords are matched by stem: a word matches when
// it is the keyword followed by particles (우주개발에, 우주개발을 -> 우주개발),
// or, for keywords of two syllables or more, when it is a compound or a
// derived form that begins with the keyword (우주기지에서 -> 우주, 대립하는 ->
// 대립); one-syllable keywords need the exact stem so 밀 does not catch 밀착.
// English keywords match whole words, case-insensitively (short all-capital
// tokens like US exactly), with a plural or verb ending (sanctions, drones).
// A suggestion is data, never an edit: the editor shows it as a decoration
// until the analyst accepts it.
import type { Node as PMNode } from "prosemirror-model";
import { sidePositionText, type Side } from "../schema";
import type { Codebook } from "./codebook";
import { matchesStem, stripParticle } from "../text/particles";
import { forEachSegment, segmentAnnotations } from "./annotations";
import { isHangulWord } from "../text/normalize";

export interface TextSuggestion {
  code: string;
  keyword: string;
  /** Offsets in the side's text. */
  from: number;
  to: number;
}

export interface Suggestion extends TextSuggestion {
  side: Side;
  segmentId: string;
  segmentPos: number;
}

interface Word {
  text: string;
  from: number;
  to: number;
}

const WORD = /[\p{L}\p{N}]+/gu;

function words(text: string): Word[] {
  const out: Word[] = [];
  for (const m of text.matchAll(WORD)) out.push({ text: m[0], from: m.index!, to: m.index! + m[0].length });
  return out;
}


interface Keyword {
  code: string;
  keyword: string;
  tokens: string[];
  /** Per token: compare exactly (acronyms) rather than case-folded. */
  exact: boolean[];
}

type Index = Map<string, Keyword[]>;

const ENGLISH_ENDINGS = ["", "s", "es", "ed", "d", "ing"];

function fold(token: string, exact: boolean): string {
  return exact ? token : token.toLowerCase();
}

const cache = new WeakMap<Codebook, Record<Side, Index>>();

/** Keywords by their first token, per language (cached per codebook value). */
function index(codebook: Codebook): Record<Side, Index> {
  let idx = cache.get(codebook);
  if (idx) return idx;
  idx = { ko: new Map(), en: new Map() };
  for (const code of codebook) {
    for (const side of ["ko", "en"] as const) {
      for (const keyword of code.keywords[side]) {
        const tokens = words(keyword).map((w) => w.text);
        if (!tokens.length) continue;
        const exact = tokens.map((t) => side === "en" && t.length <= 3 && t === t.toUpperCase() && /\p{Lu}/u.test(t));
        const kw: Keyword = { code: code.id, keyword, tokens, exact };
        // Korean: index by the first syllable so compounds and stems both find it.
        const key = side === "ko" ? tokens[0].slice(0, 1) : fold(tokens[0], exact[0]);
        const list = idx[side].get(key) ?? [];
        list.push(kw);
        idx[side].set(key, list);
      }
    }
  }
  cache.set(codebook, idx);
  return idx;
}

/** The end offset of the matched last token in `w`, or -1. */
function matchLast(side: Side, w: Word, token: string, exact: boolean): number {
  if (side === "ko") {
    if (!w.text.startsWith(token)) return -1;
    if (matchesStem(w.text, token)) return w.from + token.length;
    if (token.length >= 2 && isHangulWord(w.text.slice(token.length))) {
      // A compound or derived form: suggest the whole word minus its particles.
      const stem = stripParticle(w.text).stem;
      return w.from + Math.max(token.length, stem.length);
    }
    return -1;
  }
  const text = fold(w.text, exact);
  if (!text.startsWith(token)) return -1;
  return ENGLISH_ENDINGS.includes(text.slice(token.length)) ? w.to : -1;
}

function matchToken(side: Side, w: Word, token: string, exact: boolean): boolean {
  return side === "ko" ? w.text === token : fold(w.text, exact) === token;
}

/** Suggestions in one side's text, in text order; one per theme and word. */
export function suggestInText(text: string, side: Side, codebook: Codebook): TextSuggestion[] {
  const idx = index(codebook)[side];
  const ws = words(text);
  const out: TextSuggestion[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < ws.length; i++) {
    const cands = new Set<Keyword>();
    if (side === "ko") for (const kw of idx.get(ws[i].text.slice(0, 1)) ?? []) cands.add(kw);
    else {
      // The first token may carry an ending (sanctions -> sanction) or be an acronym (US).
      const lower = ws[i].text.toLowerCase();
      for (const e of ENGLISH_ENDINGS) {
        if (!lower.endsWith(e)) continue;
        for (const kw of idx.get(lower.slice(0, lower.length - e.length)) ?? []) cands.add(kw);
      }
      for (const kw of idx.get(ws[i].text) ?? []) cands.add(kw);
    }
    for (const kw of cands) {
      const n = kw.tokens.length;
      if (i + n > ws.length) continue;
      let ok = true;
      for (let k = 0; k < n - 1 && ok; k++) ok = matchToken(side, ws[i + k], fold(kw.tokens[k], kw.exact[k]), kw.exact[k]);
      if (!ok) continue;
      const end = matchLast(side, ws[i + n - 1], fold(kw.tokens[n - 1], kw.exact[n - 1]), kw.exact[n - 1]);
      if (end < 0) continue;
      const id = `${kw.code}@${i}`;
      if (seen.has(id)) continue;
      seen.add(id);
      out.push({ code: kw.code, keyword: kw.keyword, from: ws[i].from, to: end });
    }
  }
  return out;
}

/**
 * Suggestions in one segment, as document positions, leaving out spans already
 * tagged with the same theme and those the analyst dismissed.
 */
export function suggestInSegment(segment: PMNode, pos: number, codebook: Codebook, dismissed?: ReadonlySet<string>): Suggestion[] {
  const tagged = segmentAnnotations(segment, pos);
  const out: Suggestion[] = [];
  let sidePos = pos + 1;
  segment.forEach((sideNode) => {
    const side = sideNode.type.name as Side;
    const start = sidePos + 1;
    // Offsets of the text are positions in the side (one character per inline code).
    const text = sidePositionText(sideNode);
    for (const s of suggestInText(text, side, codebook)) {
      const from = start + s.from;
      const to = start + s.to;
      if (tagged.some((r) => r.code === s.code && r.from < to && r.to > from)) continue;
      const sug: Suggestion = { ...s, from, to, side, segmentId: segment.attrs.id, segmentPos: pos };
      if (dismissed?.has(suggestionKey(sug, text.slice(s.from, s.to)))) continue;
      out.push(sug);
    }
    sidePos += sideNode.nodeSize;
  });
  return out;
}

/** A dismissal is remembered by segment, side, theme and the words matched, so it survives edits elsewhere. */
export function suggestionKey(s: Pick<Suggestion, "segmentId" | "side" | "code">, matched: string): string {
  return `${s.segmentId}|${s.side}|${s.code}|${matched}`;
}

export function suggestInDoc(doc: PMNode, codebook: Codebook, dismissed?: ReadonlySet<string>): Suggestion[] {
  const out: Suggestion[] = [];
  forEachSegment(doc, (seg, pos) => out.push(...suggestInSegment(seg, pos, codebook, dismissed)));
  return out;
}
