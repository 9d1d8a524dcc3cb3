// Revised Romanization of Korean names for the English side, on es-hangul's
// romanize. Personal names follow the RR rules for names: family name first
// and apart, the given name romanized syllable by syllable without the sound
// changes between them, hyphenated (강윤희 -> Gang Yun-hui). Other words (places,
// institutions) keep RR's sound changes and are capitalised
// (국민대학교 -> Gungmindaehakgyo). Text that is not Hangul is left as it is.
import { romanize } from "es-hangul";
import { isHangulWord } from "../text/normalize";

const FAMILY_NAMES = new Set(
  ("김 이 박 최 정 강 조 윤 장 임 한 오 서 신 권 황 안 송 류 유 전 홍 고 문 양 손 배 백 허 남 심 노 하 곽 성 차 주 우 구 민 진 나 지 엄 채 원 천 방 공 현 함 변 염 여 추 도 소 석 선 설 마 길 연 위 표 명 기 반 왕 금 옥 육 인 맹 제 모 탁 국 어 은 편 용 예 경 봉 사 부 " +
    "황보 남궁 제갈 선우 독고 사공 서문").split(/\s+/),
);

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** A family name and given name, when the word looks like a personal name. */
function splitPersonalName(word: string): [string, string] | null {
  const s = Array.from(word);
  if (s.length === 4 && FAMILY_NAMES.has(s[0] + s[1])) return [s[0] + s[1], s[2] + s[3]];
  if (s.length === 3 && FAMILY_NAMES.has(s[0])) return [s[0], s[1] + s[2]];
  return null;
}

/** The Revised Romanization of a selected Korean name. */
export function romanizeName(text: string): string {
  return text
    .trim()
    .split(/\s+/)
    .map((word) => {
      if (!isHangulWord(word)) return word;
      const person = splitPersonalName(word);
      if (person) {
        // RR allows a hyphen between the syllables of a given name; it keeps them apart (Cheol-un, not Cheolun).
        const given = Array.from(person[1]).map((syl) => romanize(syl)).join("-");
        return `${capitalise(romanize(person[0]))} ${capitalise(given)}`;
      }
      return capitalise(romanize(word));
    })
    .join(" ");
}
