// Korean initial-consonant (choseong) search: typing ㅂㄹ ㅈㅅ finds 북러 정상,
// the way Korean phone books and IDEs let one search. A query character that
// is an initial consonant matches any syllable starting with it (and the
// consonant itself); other characters match themselves; a space matches any
// spacing, or none, since Korean spacing varies.
import { canBeChoseong } from "es-hangul";
import { escapeRegExp } from "../text/normalize";

// The 19 initial consonants in Unicode order: a syllable's block starts at
// 가 + index × 588, which is how the pattern spans every syllable of one.
const CHOSEONG = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ";

/**
 * Whether a query is made only of initial consonants, with spaces between
 * groups allowed (ㅂㄹ ㅈㅅ), so the find bar reads it that way without being
 * asked. Compound finals such as ㄳ or ㅄ never begin a syllable, so a query
 * with one is not; nor is a mixed query such as ㅂ러 (tick the box for that).
 */
export function isChoseongQuery(query: string): boolean {
  const letters = Array.from(query).filter((ch) => !/\s/.test(ch));
  return letters.length > 0 && letters.every((ch) => canBeChoseong(ch));
}

/** The regular expression source for an initial-consonant query. */
export function choseongPattern(query: string): string {
  const parts: string[] = [];
  for (const ch of Array.from(query.trim())) {
    if (/\s/.test(ch)) {
      if (parts[parts.length - 1] !== "\\s*") parts.push("\\s*");
      continue;
    }
    const i = CHOSEONG.indexOf(ch);
    if (i < 0) {
      parts.push(escapeRegExp(ch));
      continue;
    }
    const first = String.fromCharCode(0xac00 + i * 588);
    const last = String.fromCharCode(0xac00 + i * 588 + 587);
    parts.push(`[${ch}${first}-${last}]`);
  }
  return parts.join("");
}
