// Korean initial-consonant (choseong) search: typing ㅂㄹ ㅈㅅ finds 북러 정상,
// the way Korean phone books and IDEs let one search. A query character that
// is an initial consonant matches any syllable starting with it (and the
// consonant itself); other characters match themselves; a space matches any
// spacing, or none, since Korean spacing varies.
import { canBeChoseong } from "es-hangul";
import { escapeRegExp } from "../text/normalize";

const CHOSEONG = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ";


/** Whether the query has an initial consonant, i.e. is worth searching this way. */
export function hasChoseong(query: string): boolean {
  return Array.from(query).some((ch) => CHOSEONG.includes(ch) && canBeChoseong(ch));
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
