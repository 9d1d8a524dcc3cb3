// The particle (josa) that fits a word in a Korean message, whatever the word:
// Korean (es-hangul decides: 회담은, 우주기지는), a number (read aloud: 3 삼 → 이,
// 2019 이천십구 → 가, 50,000 오만 → 이) or an English word or code, read as a
// Korean reader would say it (summit 서밋 → 으로, Cosmodrome 코즈모드롬 → 으로,
// Russia 러시아 → 로, UN 유엔 → 은). The English reading is a rule of thumb on
// the word's last letters; it is right for the words QA quotes (glossary
// renderings, names, acronyms) far more often than "은(는)" is readable.
import { josa } from "es-hangul";

type JosaPair = Parameters<typeof josa.pick>[1];

function isHangulSyllable(ch: string | undefined): boolean {
  if (!ch) return false;
  const c = ch.charCodeAt(0);
  return c >= 0xac00 && c <= 0xd7a3;
}

const DIGIT_NAMES = "영일이삼사오육칠팔구";

/** The last syllable of a number read in Korean (12 십이 → 이, 50,000 오만 → 만). */
function numberEnding(text: string): string {
  const m = /([\d,]+)(?:\.(\d+))?$/.exec(text);
  if (!m) return "";
  if (m[2]) return DIGIT_NAMES[Number(m[2].at(-1))];
  const n = Number(m[1].replace(/,/g, ""));
  if (!Number.isFinite(n) || n === 0) return "영";
  if (n % 10) return DIGIT_NAMES[n % 10];
  if (n % 100) return "십";
  if (n % 1000) return "백";
  if (n % 10000) return "천";
  if (n % 1e8) return "만";
  if (n % 1e12) return "억";
  return "조";
}

/** Letter names as Korean says them, for acronyms (UN 유엔, TASS 타스 is read as a word but ends like 에스). */
const LETTER_ENDINGS: Record<string, string> = { L: "엘", M: "엠", N: "엔", R: "알" };

/** The last syllable of an English word as a Korean reader would say it; "아" stands for any open syllable. */
function englishEnding(word: string): string {
  if (/^[A-Z]{1,5}$/.test(word)) return LETTER_ENDINGS[word.at(-1)!] ?? "아";
  const w = word.toLowerCase();
  if (/ng$/.test(w)) return "앙";
  if (/(?:m|mb|me)$/.test(w)) return "암";
  if (/(?:n|ne)$/.test(w)) return "안";
  if (/(?:l|le)$/.test(w)) return "알";
  // A stop after a single short vowel closes the syllable (book 북, summit 서밋, top 톱);
  // after a long vowel or a consonant it is a syllable of its own (talk 토크, camp 캠프).
  if (/(?:^|[^aeiou])[aeiou](?:ck|c|k)$/.test(w)) return "악";
  if (/(?:^|[^aeiou])[aeiou]t$/.test(w)) return "앗";
  if (/(?:^|[^aeiou])[aeiou]p$/.test(w)) return "압";
  return "아";
}

/** What a particle is picked after: the word's last syllable, as spoken. */
function spokenEnding(word: string): string {
  const w = word.replace(/[\s"'“”‘’)\]}>.,;:!?]+$/u, "");
  const last = w.at(-1);
  if (!last) return "";
  if (isHangulSyllable(last)) return last;
  if (/\d/.test(last)) return numberEnding(w);
  const latin = /[A-Za-z]+$/.exec(w);
  if (latin) return englishEnding(latin[0]);
  return "";
}

/**
 * The form of a particle pair ("은/는", "이/가", "으로/로" …) that fits `word`.
 * A word that cannot be read (a bracket, a symbol) takes the vowel form, as
 * es-hangul does.
 */
export function particleFor(word: string, pair: string): string {
  const ending = spokenEnding(word);
  return josa.pick(ending || word, pair as JosaPair);
}
