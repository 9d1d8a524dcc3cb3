// The glossary a new project starts with: the key terms of the sample
// commentary (the 2023 North Korea–Russia summit), in the renderings its
// English translation uses. Compounds have entries of their own (북러관계),
// since a term only matches a whole word with its particles.
import type { GlossaryEntry } from "./glossary-entry";

type Seed = [ko: string, en: string, note?: string, forbidden?: string[]];

const SEEDS: Seed[] = [
  ["북러", "North Korea–Russia", "Adjective use; as a subject often 'North Korea and Russia'.", ["DPRK-Russia"]],
  ["북러관계", "North Korea–Russia relations"],
  ["북러 관계", "North Korea–Russia relations"],
  ["한미일", "South Korea–US–Japan", "As a noun: 'South Korea, the US and Japan'."],
  ["북중러", "North Korea–China–Russia", "As a noun: 'North Korea, China and Russia'."],
  ["보스토치니 우주기지", "Vostochny Cosmodrome", "", ["Vostochny Space Center", "Vostochny space base"]],
  ["보스토치니", "Vostochny"],
  ["신냉전", "new Cold War"],
  ["6자 회담", "Six-Party Talks", "", ["six-way talks"]],
  ["정상회담", "summit", "", ["summit meeting"]],
  ["김정은", "Kim Jong Un", "Name order and spelling as in official English usage.", ["Kim Jung Un", "Kim Jong-Un"]],
  ["국무위원장", "Chairman of the State Affairs", "Kim Jong Un's title."],
  ["푸틴", "Putin"],
  ["쇼이구", "Shoigu"],
  ["국방장관", "Defence Minister", "British spelling, as in the rest of the translation."],
  ["우주개발", "space development"],
  ["우주군사화", "militarization of space"],
  ["군사기술 협력", "military-technical cooperation"],
  ["세력균형", "balance of power"],
  ["삼국협상", "Triple Entente"],
  ["삼국동맹", "Triple Alliance"],
  ["캠프 데이비드", "Camp David"],
  ["핵비확산", "nuclear non-proliferation"],
  ["탄도미사일", "ballistic missile"],
  ["인도주의적 지원", "humanitarian aid"],
  ["한반도", "Korean Peninsula"],
  ["동아시아", "East Asia"],
  ["1차 세계대전", "First World War", "", ["WW1"]],
  ["우크라이나", "Ukraine"],
  ["평양", "Pyongyang"],
  ["블라디보스토크", "Vladivostok"],
  ["극동", "Far East"],
];

/** A fresh copy of the default glossary (ids are stable, so re-seeding does not duplicate). */
export function defaultGlossary(): GlossaryEntry[] {
  return SEEDS.map(([ko, en, note = "", forbidden = []], i) => ({ id: `g-default-${i + 1}`, ko, en, note, forbidden: [...forbidden] }));
}
