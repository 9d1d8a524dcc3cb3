// Endings a glossary term may carry in running Korean (issue 17.7). A noun in a
// commentary is not only followed by particles (우주기지에서) but by the copula
// (우주기지였다는, 우주기지이다, 회담이었다) and, for a verbal noun, by 하다 or
// 되다 (협력했다, 협력하기로, 체결됐다). The term should be found through them.
//
// The rule, kept narrow on purpose (a missed term costs a glance, a wrong one
// misleads):
// - the ending must run to the end of the word, and be one of the forms listed
//   here, optionally followed by particles (협력하기로 = 하기 + 로,
//   협력했음을 = 했음 + 을, 우주기지이기도 = 이기 + 도);
// - the copula's short forms (다, 였다, 라는, 여서 …) only after a vowel
//   (우주기지였다, never 회담였다); its full forms (이다, 이었다, 인 …) after
//   either, as Korean writes them;
// - anything else after the term (적, 관계, 국 …) makes another word:
//   협력적 is not 협력, and 북러관계 is not 북러. Give such a word its own entry;
//   the longest term wins, so 일본해 then beats 일본 + 해.
// Known ambiguity: a copula ending can also be a noun suffix. 러시아인 is "that
// is Russia" and "Russians"; 한미일 is "that will be 한미" and the trilateral.
// Both readings are Korean, so the term is found; an entry for the longer
// word (러시아인 → Russians, 한미일 is in the default glossary) settles it.
// This module knows nothing of the glossary; app/translate/glossary.ts asks it
// whether the rest of a word may follow a term.
import { hasBatchim } from "es-hangul";
import { isParticleChain, particleTailLength } from "./particles";

/** The copula's endings in their full form, as written after a final consonant (회담이었다). */
const COPULA_FULL: readonly string[] = [
  "이다", "이었다", "이었던", "이었다는", "이었다고", "이었으며", "이었고", "이었지만", "이었으나",
  "이었는데", "이었을", "이었음", "이었기", "이었습니다", "이던", "인", "일", "임", "입니다", "입니까",
  "이며", "이고", "이지만", "이지", "이나", "이라", "이라는", "이라고", "이라면", "이라서", "이란", "이라도",
  "이므로", "이니", "이니까", "인데", "인지", "인가", "일까", "이기", "이어서", "이어야", "이어도",
  "이에요", "이자", "이든", "이야", "이다는", "이라며", "이었다며",
];

/** The short form of a full copula ending after a vowel: 이었다 → 였다, 이어서 → 여서,
 *  이에요 → 예요, 이다 → 다; null where Korean keeps the 이 (인, 일, 임, 입니다). */
function shortCopula(full: string): string | null {
  if (full[0] !== "이") return null;
  const rest = full.slice(1);
  if (!rest) return null;
  if (rest.startsWith("었")) return "였" + rest.slice(1);
  if (rest.startsWith("어")) return "여" + rest.slice(1);
  if (rest.startsWith("에")) return "예" + rest.slice(1);
  return rest;
}

const COPULA_SHORT: readonly string[] = COPULA_FULL.map(shortCopula).filter((f): f is string => f !== null);

/** What 하다 and 되다 become after a verbal noun (협력했다, 체결된). Each is a whole
 *  ending; particles may follow (하기로, 했음을, 하는데도). */
const VERB_ENDINGS: readonly string[] = (() => {
  const tails = [
    "다", "다는", "다고", "다며", "며", "고", "지만", "지", "는", "ㄴ", "ㄹ", "ㅁ", "기", "게", "도록", "면", "면서",
    "자", "자는", "려", "려고", "려는", "려면", "던", "겠다", "겠다고", "겠다는", "ㅂ니다", "니", "니까", "므로", "나",
    "ㄴ다", "ㄴ다는", "ㄴ다고", "ㄴ다면", "ㄴ다며", "ㄴ데", "는데", "ㄹ까", "ㄹ지", "ㄴ지",
  ];
  const past = ["다", "다는", "다고", "다며", "던", "으며", "고", "지만", "으나", "는데", "을", "음", "기", "습니다", "으면", "어도"];
  const out = new Set<string>();
  for (const [stem, pastStem, infinitive] of [["하", "했", "해"], ["되", "됐", "돼"]]) {
    for (const t of tails) {
      // A final consonant (ㄴ ㄹ ㅁ ㅂ) joins the stem's syllable: 하 + ㄴ = 한.
      if (/^[ㄴㄹㅁㅂ]/.test(t)) out.add(joinFinal(stem, t[0]) + t.slice(1));
      else out.add(stem + t);
    }
    for (const p of past) {
      out.add(pastStem + p);
      out.add((stem === "하" ? "하였" : "되었") + p);
    }
    for (const t of ["", "서", "야", "도", "왔다", "온", "진", "졌다"]) out.add(infinitive + t);
    if (stem === "하") for (const t of ["여", "여서", "여야", "여도"]) out.add("하" + t);
    else for (const t of ["어", "어서", "어야", "어도"]) out.add("되" + t);
  }
  return [...out];
})();

/** A syllable with a final consonant added (하 + ㄴ = 한). */
function joinFinal(syllable: string, final: string): string {
  const finals = " ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ";
  return String.fromCharCode(syllable.charCodeAt(0) + finals.indexOf(final));
}

function isHangulSyllable(ch: string | undefined): boolean {
  if (!ch) return false;
  const c = ch.charCodeAt(0);
  return c >= 0xac00 && c <= 0xd7a3;
}

/** Longest first, so that a longer ending is tried before its prefix. */
const byLength = (a: string, b: string) => b.length - a.length;
const AFTER_CONSONANT = [...new Set([...COPULA_FULL, ...VERB_ENDINGS])].sort(byLength);
const AFTER_VOWEL = [...new Set([...COPULA_FULL, ...COPULA_SHORT, ...VERB_ENDINGS])].sort(byLength);

/** The endings that may follow a word ending in `last` (a Latin name or a digit takes any: its reading decides). */
function endingsAfter(last: string): readonly string[] {
  if (!isHangulSyllable(last)) return AFTER_VOWEL;
  return hasBatchim(last) ? AFTER_CONSONANT : AFTER_VOWEL;
}

/** Whether `tail` (the rest of a word after `stem`) is a copula or verb ending, with any particles after it. */
export function isEndingTail(tail: string, stem: string): boolean {
  if (!tail) return false;
  for (const ending of endingsAfter(stem.slice(-1))) {
    if (tail.startsWith(ending) && isParticleChain(tail.slice(ending.length), stem + ending)) return true;
  }
  return false;
}

/** The length of what follows `stem` at `text[from]` up to the end of the word,
 *  when it is particles (북러는) or an ending (협력했다), or -1. */
export function termTailLength(text: string, from: number, stem: string): number {
  const particles = particleTailLength(text, from, stem);
  if (particles >= 0) return particles;
  let end = from;
  while (end < text.length && isHangulSyllable(text[end])) end++;
  return isEndingTail(text.slice(from, end), stem) ? end - from : -1;
}

/** Every ending listed, for tests and documentation. */
export const ENDINGS: readonly string[] = AFTER_VOWEL;
