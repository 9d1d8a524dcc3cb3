// A small built-in Korean–English lexicon of policy vocabulary: countries,
// institutions and the words commentaries are made of. Each pair is a weak
// anchor for the aligner (the document's own frequencies decide how much a
// pair is worth: "Russia" in every sentence says nothing, "Ukraine" once says
// a lot). Korean terms match as substrings, because Korean compounds and
// abbreviates freely (북러 = North Korea–Russia, 한미일 = South Korea–US–Japan);
// English forms match whole words (and two-word phrases), lower-cased.

export interface LexiconPair {
  id: string;
  ko: string[];
  en: string[];
}

function pair(id: string, ko: string, en: string): LexiconPair {
  return { id, ko: ko.split("|"), en: en.split("|") };
}

export const BUILTIN_LEXICON: readonly LexiconPair[] = [
  pair("north-korea", "북한|북러|북중|북핵|조선|남북|북미", "north korea|north korean|north koreans|dprk|pyongyang's"),
  pair("south-korea", "한국|남한|한미|한러|한중|한일|남북", "south korea|south korean|south koreans|rok|seoul's"),
  pair("russia", "러시아|북러|한러|중러|북중러|반러|러시아제", "russia|russian|russians|moscow's|kremlin"),
  pair("china", "중국|북중|한중|중러|반중|미중", "china|chinese|beijing's|sino"),
  pair("japan", "일본|한미일|한일", "japan|japanese|tokyo's"),
  pair("us", "미국|한미|북미|미중|한미일|워싱턴", "us|u.s|united states|america|american|americans|washington"),
  pair("ukraine", "우크라이나", "ukraine|ukrainian|ukrainians|kyiv"),
  pair("europe", "유럽|EU", "europe|european|eu"),
  pair("summit", "정상회담|정상 회담|정상회의", "summit|summits"),
  pair("space", "우주", "space|satellite|satellites|cosmodrome|rocket|rockets"),
  pair("military", "군사|국방|군대|군비", "military|militarization|defence|defense|armed"),
  pair("weapons", "무기|군수|탄약", "arms|weapons|weapon|munitions|ammunition"),
  pair("missile", "미사일|탄도", "missile|missiles|ballistic"),
  pair("nuclear", "핵무기|핵실험|핵개발|북핵|비핵|핵비확산|핵보유|핵 문제|핵문제|핵위협", "nuclear|denuclearization|non-proliferation"),
  pair("sanctions", "제재", "sanction|sanctions"),
  pair("war", "전쟁|전시|대전|침공", "war|wars|invasion|wartime"),
  pair("cooperation", "협력|협조", "cooperation|cooperate|cooperates|collaboration|cooperative"),
  pair("alliance", "동맹", "alliance|alliances|allied|allies"),
  pair("government", "정부", "government|governments|governmental|intergovernmental"),
  pair("diplomacy", "외교", "diplomacy|diplomatic|foreign policy|diplomats"),
  pair("president", "대통령", "president|presidential"),
  pair("minister", "장관", "minister|secretary"),
  pair("threat", "위협", "threat|threats|threaten|threatens"),
  pair("security", "안보", "security"),
  pair("trade", "무역|교역|거래", "trade|trading|deal|deals"),
  pair("exchange", "교류", "exchange|exchanges"),
  pair("economy", "경제", "economy|economic|economics"),
  pair("technology", "기술", "technology|technical|technological|technologies"),
  pair("agriculture", "농업", "agriculture|agricultural|farming"),
  pair("infrastructure", "인프라", "infrastructure"),
  pair("border", "국경", "border|borders"),
  pair("embassy", "대사관", "embassy|embassies"),
  pair("peninsula", "한반도", "korean peninsula|peninsula"),
  pair("east-asia", "동아시아", "east asia|east asian"),
  pair("far-east", "극동", "far east"),
  pair("cold-war", "냉전", "cold war"),
  pair("balance", "세력균형|균형", "balance"),
  pair("relations", "관계", "relations|relationship|ties"),
  pair("visit", "방문", "visit|visits|visited"),
  pair("delegation", "대표단", "delegation"),
  pair("press", "기자회견", "press conference"),
  pair("statement", "성명", "statement"),
  pair("agreement", "합의|협정", "agreement|agreed|accord"),
  pair("drone", "드론", "drone|drones"),
  pair("humanitarian", "인도주의", "humanitarian"),
  pair("covid", "코로나", "covid|covid-19|pandemic|coronavirus"),
  pair("conclusion", "결론", "conclusion|in conclusion"),
  pair("author", "저자", "author"),
  pair("professor", "교수", "professor"),
  pair("university", "대학", "university"),
  pair("experts", "전문가", "expert|experts|specialists|analysts"),
  pair("norms", "규범", "norm|norms"),
  pair("signal", "신호", "signal|signals|signalling|signaling"),
  pair("message", "메시지", "message|messages"),
  pair("election", "선거", "election|elections"),
  pair("parliament", "국회|의회", "parliament|national assembly|congress"),
  pair("crisis", "위기", "crisis|crises"),
  pair("peace", "평화", "peace|peaceful"),
  pair("market", "시장", "market|markets"),
  pair("energy", "에너지", "energy"),
  pair("oil", "석유|원유", "oil|crude"),
  pair("gas", "가스", "gas"),
];
