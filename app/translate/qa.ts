// QA checks of one segment, and of a document segment by segment.
//
// Each finding has a kind (number | citation | empty | hangul | term |
// spacing | code), an i18n key in the "translate" namespace with its parameters, so
// the panel shows it in the UI language and the CLI in English. Checks work
// on one segment at a time and a document's results are cached per segment
// node: ProseMirror shares unchanged nodes between states, so after an edit
// only the edited segment is checked again.
import type { Node as PMNode } from "prosemirror-model";
import type { TFunction } from "i18next";
import { sideText, type CodeAttrs } from "../schema";
import { tEnglish } from "../i18n";
import { findNumbers, formatNumber, type FoundNumber } from "../text/numbers";
import { citedYears, findCitations, withoutCitations } from "../text/citations";
import { GlossaryMatcher, normaliseEn, normalisedHas, withoutRendering } from "./glossary";
import type { GlossaryEntry } from "./glossary-entry";
import { IgnoredFindings, type QaIgnored } from "./qa-ignore";

export const QA_KINDS = ["number", "citation", "empty", "hangul", "term", "spacing", "code"] as const;
export type QaKind = (typeof QA_KINDS)[number];

export interface QaFinding {
  kind: QaKind;
  /** Key in the "translate" namespace, without the namespace (e.g. "qa.numberMissing"). */
  key: string;
  params: Record<string, string | number>;
}

export interface DocFinding extends QaFinding {
  /** Index of the segment in the document, from 0. */
  segment: number;
  segmentId: string;
  /** Document position of the segment node. */
  pos: number;
}

const HANGUL = /[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]+/g;

function finding(kind: QaKind, key: string, params: Record<string, string | number> = {}): QaFinding {
  return { kind, key: `qa.${key}`, params };
}

// ---------------------------------------------------------------- numbers

/** Every Korean number must appear in the English (as digits or words, e.g.
 *  6 as "Six-Party", 11월 as "November"); every English number written in
 *  digits must appear in the Korean. English words without a Korean number
 *  are free: Korean says 양국 where English says "the two countries". */
function checkNumbers(ko: string, en: string): QaFinding[] {
  // Citation years are the citation check's business.
  const koNums = findNumbers(withoutCitations(ko), "ko");
  const enNums = findNumbers(withoutCitations(en), "en");
  const used = new Set<FoundNumber>();
  const out: QaFinding[] = [];
  for (const k of koNums) {
    const same = enNums.filter((e) => !used.has(e) && e.value === k.value);
    // Prefer the same kind (a Korean month to an English month).
    const m = same.find((e) => e.kind === k.kind) ?? same[0];
    if (m) used.add(m);
    else out.push(finding("number", "numberMissing", { ko: k.text, value: k.kind === "year" ? String(k.value) : formatNumber(k.value) }));
  }
  for (const e of enNums) {
    if (used.has(e) || e.form === "words") continue;
    out.push(finding("number", "numberExtra", { en: e.text }));
  }
  return out;
}

// ---------------------------------------------------------------- citations and brackets

function citations(text: string): { text: string; keys: string[] }[] {
  return findCitations(text).map((c) => ({ text: c.text, keys: c.years }));
}

/** Parentheticals that are not citations, nor a Korean text's gloss of a
 *  foreign name right after the word (소형구축함(Marshal Shaposhnikov Frigate)),
 *  which the English does not repeat. Square brackets count too. */
function bracketCount(text: string, lang: "ko" | "en"): number {
  let n = 0;
  for (const m of text.matchAll(/\(([^()]*)\)|\[([^\][]*)\]/g)) {
    const inner = m[1] ?? m[2] ?? "";
    if (m[1] !== undefined && citedYears(inner)) continue;
    if (lang === "ko" && m[1] !== undefined && /[\uac00-\ud7a3]$/.test(text.slice(0, m.index)) && !/[\uac00-\ud7a3]/.test(inner)) continue;
    n++;
  }
  return n;
}

const OPEN = "([{";
const CLOSE = ")]}";

function unbalanced(text: string): string | null {
  const stack: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // ( ) [ ] { }
    if (c === 40 || c === 91 || c === 123) stack.push(c);
    else if (c === 41 || c === 93 || c === 125) {
      const open = stack.pop();
      if (open === undefined || OPEN.indexOf(String.fromCharCode(open)) !== CLOSE.indexOf(text[i])) return text[i];
    }
  }
  return stack.length ? String.fromCharCode(stack[stack.length - 1]) : null;
}

/** Removes one `key` from `list`; false when it is not there. */
function take(list: string[], key: string): boolean {
  const i = list.indexOf(key);
  if (i >= 0) list.splice(i, 1);
  return i >= 0;
}

const BRACKET = /[()[\]{}]/;

function checkCitations(ko: string, en: string): QaFinding[] {
  // Most sentences have no brackets at all.
  if (!BRACKET.test(ko) && !BRACKET.test(en)) return [];
  const out: QaFinding[] = [];
  const koC = citations(ko);
  const enC = citations(en);
  const enLeft = enC.flatMap((c) => c.keys);
  const koLeft = koC.flatMap((c) => c.keys);
  for (const c of koC) if (!c.keys.every((k) => take(enLeft, k))) out.push(finding("citation", "citationOnlyKo", { citation: c.text }));
  for (const c of enC) if (!c.keys.every((k) => take(koLeft, k))) out.push(finding("citation", "citationOnlyEn", { citation: c.text }));
  const nk = bracketCount(ko, "ko");
  const ne = bracketCount(en, "en");
  if (nk !== ne) out.push(finding("citation", "brackets", { ko: nk, en: ne }));
  const bk = unbalanced(ko);
  if (bk) out.push(finding("citation", "unbalanced", { side: "ko", bracket: bk }));
  const be = unbalanced(en);
  if (be) out.push(finding("citation", "unbalanced", { side: "en", bracket: be }));
  return out;
}

// ---------------------------------------------------------------- the rest

function checkHangul(en: string): QaFinding[] {
  const found = [...new Set(en.match(HANGUL) ?? [])];
  return found.length ? [finding("hangul", "hangul", { text: found.slice(0, 3).join(", ") })] : [];
}

function checkTerms(ko: string, en: string, matcher: GlossaryMatcher | null): QaFinding[] {
  if (!matcher) return [];
  const out: QaFinding[] = [];
  const seen = new Set<GlossaryEntry>();
  let norm: string | null = null;
  for (const hit of matcher.find(ko)) {
    const e = hit.entry;
    if (seen.has(e)) continue;
    seen.add(e);
    norm ??= normaliseEn(en);
    if (e.en.trim() && !normalisedHas(norm, e.en)) out.push(finding("term", "termMissing", { ko: e.ko, en: e.en }));
    if (e.forbidden.length === 0) continue;
    const rest = withoutRendering(norm, e.en);
    for (const f of e.forbidden) if (normalisedHas(rest, f)) out.push(finding("term", "termForbidden", { ko: e.ko, en: e.en, rendering: f }));
  }
  return out;
}

function checkSpacing(ko: string, en: string): QaFinding[] {
  const out: QaFinding[] = [];
  for (const [side, text] of [["ko", ko], ["en", en]] as const) {
    if (/\S {2,}\S/.test(text)) out.push(finding("spacing", "doubleSpace", { side }));
    // Doubled punctuation, an ellipsis (...) aside.
    const dp = /(?<!\.)([,;:!?。，])\1+|(?<!\.)\.\.(?!\.)/.exec(text);
    if (dp) out.push(finding("spacing", "doublePunct", { side, text: dp[0] }));
  }
  const sb = / ([,.;:!?])(?![\d.])/.exec(en);
  if (sb) out.push(finding("spacing", "spaceBefore", { text: sb[1] }));
  return out;
}

// ---------------------------------------------------------------- inline codes

/** A code as QA compares it: a pair's halves and standalone codes apart, by id (or markup when it has none). */
function codeKeys(side: PMNode): { key: string; label: string }[] {
  const out: { key: string; label: string }[] = [];
  side.forEach((n) => {
    if (n.type.name !== "code") return;
    const a = n.attrs as CodeAttrs;
    out.push({ key: `${a.kind}\u0000${a.id || a.xml}`, label: a.label || a.xml });
  });
  return out;
}

/** Every inline code of the Korean must be in the English, and the English may add none (a file's markup must survive). */
export function checkCodes(segment: PMNode): QaFinding[] {
  const ko = codeKeys(segment.child(0));
  const en = codeKeys(segment.child(1));
  if (!ko.length && !en.length) return [];
  // A segment not yet translated has its own finding.
  if (!sideText(segment, "en").trim() && !en.length) return [];
  const left = [...en];
  const out: QaFinding[] = [];
  for (const k of ko) {
    const at = left.findIndex((e) => e.key === k.key);
    if (at >= 0) left.splice(at, 1);
    else out.push(finding("code", "codeMissing", { code: k.label }));
  }
  for (const e of left) out.push(finding("code", "codeExtra", { code: e.label }));
  return out;
}

/** The findings for one segment's Korean and English. */
export function checkSegment(ko: string, en: string, matcher: GlossaryMatcher | null = null): QaFinding[] {
  if (!en.trim()) return ko.trim() ? [finding("empty", "empty")] : [];
  const norm = (s: string) => s.replace(/\s+/g, " ").trim();
  if (norm(ko) === norm(en) && /[\uac00-\ud7a3]/.test(ko)) return [finding("empty", "copy")];
  return [...checkNumbers(ko, en), ...checkCitations(ko, en), ...checkHangul(en), ...checkTerms(ko, en, matcher), ...checkSpacing(ko, en)];
}

/**
 * A QA checker for one glossary: checks segment nodes, remembering the result
 * per node, so checking the next state of a document redoes only the
 * segments an edit replaced. Make a new checker when the glossary changes.
 */
export class QaChecker {
  private readonly cache = new WeakMap<PMNode, QaFinding[]>();
  private readonly matcher: GlossaryMatcher;

  constructor(glossary: readonly GlossaryEntry[]) {
    this.matcher = new GlossaryMatcher(glossary);
  }

  segment(node: PMNode): QaFinding[] {
    let found = this.cache.get(node);
    if (!found) {
      found = [...checkSegment(sideText(node, "ko"), sideText(node, "en"), this.matcher), ...checkCodes(node)];
      this.cache.set(node, found);
    }
    return found;
  }

  /** All findings of a document, in document order. */
  doc(doc: PMNode): DocFinding[] {
    const out: DocFinding[] = [];
    let index = 0;
    doc.forEach((passage, passagePos) => {
      passage.forEach((segment, offset) => {
        const pos = passagePos + 1 + offset;
        for (const f of this.segment(segment)) out.push({ ...f, segment: index, segmentId: segment.attrs.id as string, pos });
        index++;
      });
    });
    return out;
  }
}

/** A finding's one-line explanation, in the UI language of `t` (English without). */
export function qaMessage(f: QaFinding, t?: TFunction): string {
  const params: Record<string, string | number> = { ...f.params };
  if (typeof params.side === "string") params.side = t ? (t(`translate:side.${params.side}`) as string) : tEnglish(`translate:side.${params.side}`);
  return t ? (t(`translate:${f.key}`, params) as string) : tEnglish(`translate:${f.key}`, params);
}

/** One finding as `dari qa --json` prints it (a contract: keep the fields). */
export interface QaReportItem {
  segment: number;
  kind: QaKind;
  message: string;
  ko: string;
  en: string;
}

/** The QA findings of a project against its own glossary, messages in English,
 *  leaving out those the analyst ignored in the app (issue 17.9). */
export function projectQa(doc: PMNode, glossary: readonly GlossaryEntry[], ignored: readonly QaIgnored[] = []): QaReportItem[] {
  const texts: { ko: string; en: string }[] = [];
  doc.forEach((passage) => passage.forEach((s) => texts.push({ ko: sideText(s, "ko"), en: sideText(s, "en") })));
  const aside = new IgnoredFindings(ignored);
  return new QaChecker(glossary)
    .doc(doc)
    .filter((f) => !aside.has(f.segmentId, f))
    .map((f) => ({ segment: f.segment, kind: f.kind, message: qaMessage(f), ...texts[f.segment] }));
}
