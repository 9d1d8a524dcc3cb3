// Korean particles (josa). A Korean noun is written with its particles attached
// (북한은, 북한의, 북한에서는), so a term, a theme keyword or a search must see
// the stem through them. A particle is accepted only in the form the preceding
// syllable calls for (은 after a final consonant, 는 after a vowel), which is
// what keeps 국가 from being read as 국 + 가; es-hangul picks the form.
import { josa } from "es-hangul";

type JosaPair = Parameters<typeof josa.pick>[1];

/** Particles whose form depends on the preceding syllable: [after a consonant, after a vowel]. */
const PAIRED: readonly (readonly [string, string])[] = [
  ["은", "는"],
  ["이", "가"],
  ["을", "를"],
  ["과", "와"],
  ["으로", "로"],
  ["으로서", "로서"],
  ["으로써", "로써"],
  ["으로부터", "로부터"],
  ["이나", "나"],
  ["이랑", "랑"],
  ["이란", "란"],
  ["이라는", "라는"],
  ["이라고", "라고"],
  ["이며", "며"],
  ["이든", "든"],
  ["이야", "야"],
  ["이자", "자"],
];

/** Particles with one form. */
const PLAIN: readonly string[] = [
  "의", "에", "에서", "에게", "에게서", "께", "께서", "한테", "한테서", "더러",
  "도", "만", "까지", "부터", "처럼", "보다", "조차", "마저", "뿐", "대로",
  "밖에", "같이", "하고", "마다", "에다", "치고", "커녕", "만큼", "이다",
];

/** Every particle form, for callers that list them (e.g. a keyword index). */
export const PARTICLES: readonly string[] = [...new Set([...PAIRED.flat(), ...PLAIN])].sort((a, b) => b.length - a.length);

const pairOf = new Map<string, readonly [string, string]>();
for (const pair of PAIRED) for (const form of pair) pairOf.set(form, pair);

/** The plural marker may come between the stem and its particles (전문가들이). */
const PLURAL = "들";
/** At most this many particles stack (에서 + 부터 + 는). */
const MAX_CHAIN = 3;

function isHangulSyllable(ch: string): boolean {
  const c = ch.charCodeAt(0);
  return c >= 0xac00 && c <= 0xd7a3;
}

/** Whether `form` may follow text ending in `before`. */
function fitsAfter(form: string, before: string): boolean {
  const pair = pairOf.get(form);
  if (!pair) return true;
  const last = before.slice(-1);
  // After a Latin name or a digit the reading decides; accept either form.
  if (!last || !isHangulSyllable(last)) return true;
  const picked = josa.pick(last, `${pair[0]}/${pair[1]}` as JosaPair);
  return picked === form;
}

/** Whether `tail` is a chain of particles that may follow `before` (the empty tail is). */
export function isParticleChain(tail: string, before: string, depth = 0): boolean {
  if (tail === "") return true;
  if (depth >= MAX_CHAIN) return false;
  for (const form of PARTICLES) {
    if (tail.startsWith(form) && fitsAfter(form, before)) {
      if (isParticleChain(tail.slice(form.length), before + form, depth + 1)) return true;
    }
  }
  return false;
}

function isTail(tail: string, stem: string): boolean {
  if (isParticleChain(tail, stem)) return true;
  return tail.startsWith(PLURAL) && isParticleChain(tail.slice(PLURAL.length), stem + PLURAL);
}

/** Whether `word` is `stem` itself or `stem` followed by particles (북한은, 북한에서는). */
export function matchesStem(word: string, stem: string): boolean {
  if (!stem || !word.startsWith(stem)) return false;
  return isTail(word.slice(stem.length), stem);
}

/** The length of the particle tail right after `stem` at `text[from]`, or -1.
 *  The tail runs to the end of the word (the next non-Hangul character). */
export function particleTailLength(text: string, from: number, stem: string): number {
  let end = from;
  while (end < text.length && isHangulSyllable(text[end])) end++;
  return isTail(text.slice(from, end), stem) ? end - from : -1;
}

/**
 * Splits a word into its stem and particle tail, taking the longest tail that
 * fits (정상회담에서는 -> 정상회담 + 에서는). A heuristic: a noun that happens to
 * end like a particle (인도) loses its ending too; callers that know the stems
 * should use matchesStem.
 */
export function stripParticle(word: string): { stem: string; particle: string } {
  for (let cut = 1; cut < word.length; cut++) {
    const stem = word.slice(0, cut);
    const tail = word.slice(cut);
    if (isTail(tail, stem)) return { stem, particle: tail };
  }
  return { stem: word, particle: "" };
}
