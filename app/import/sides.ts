// Refusing sides that look swapped before a project is made: a "Korean" text
// with almost no Hangul, or an "English" one that is mostly Hangul.
import { DariError } from "../errors";
import { hangulRatio } from "../text/normalize";

/** Below this share of Hangul, a "Korean" text is not Korean; above the other, an "English" one is not English. */
const KO_MIN_HANGUL = 0.2;
const EN_MAX_HANGUL = 0.5;

/**
 * Refuses sides that look swapped or wrong: a Korean side with almost no
 * Hangul, or an English side that is mostly Hangul. `names` name the files.
 */
export function checkSides(ko: readonly string[], en: readonly string[] | null, names: { ko: string; en: string }): void {
  const koRatio = hangulRatio(ko.join("\n"));
  const enRatio = en && en.length ? hangulRatio(en.join("\n")) : 0;
  const params = {
    ko: names.ko,
    en: names.en,
    koPercent: Math.round(koRatio * 100),
    enPercent: Math.round(enRatio * 100),
  };
  const koBad = ko.length > 0 && koRatio < KO_MIN_HANGUL;
  const enBad = en !== null && en.length > 0 && enRatio > EN_MAX_HANGUL;
  if (koBad && enBad) throw new DariError("import:swapped", params);
  if (koBad) throw new DariError("import:koNotKorean", params);
  if (enBad) throw new DariError("import:enIsKorean", params);
}
