// The default codebook for commentaries on Korean-peninsula security and
// diplomacy, with keywords in both languages for the suggestions. Colours come
// from Paul Tol's "muted" palette: nine colours told apart under the common
// colour-vision deficiencies (Paul Tol, SRON technical note), one per theme,
// in the order of the 1–9 shortcuts.
import type { Code, Codebook } from "./codebook";

export const PALETTE = ["#CC6677", "#332288", "#DDCC77", "#117733", "#88CCEE", "#882255", "#44AA99", "#999933", "#AA4499"] as const;

/** The palette colour for the n-th code (wraps after nine). */
export function paletteColor(n: number): string {
  return PALETTE[((n % PALETTE.length) + PALETTE.length) % PALETTE.length];
}

type Spec = [id: string, ko: string, en: string, koDesc: string, enDesc: string, koKeys: string[], enKeys: string[]];

const SPECS: Spec[] = [
  ["space", "우주 협력", "Space cooperation", "우주 개발, 위성, 발사체 분야의 협력", "Cooperation on space development, satellites and launchers",
    ["우주", "우주기지", "우주개발", "우주군사화", "우주프로그램", "인공위성", "위성", "로켓"], ["space", "cosmodrome", "satellite", "rocket"]],
  ["arms", "무기 거래", "Arms trade", "무기, 탄약, 군수물자의 거래와 공급", "Trade and supply of weapons, ammunition and munitions",
    ["무기", "무기거래", "무기 거래", "무기 공급", "군수물자", "탄약", "드론"], ["arms", "weapon", "munition", "ammunition", "drone"]],
  ["cold-war", "신냉전", "New Cold War", "진영 대립과 세력균형으로 본 국제질서", "The international order seen as bloc confrontation and balance of power",
    ["신냉전", "냉전", "대립", "대결", "세력균형", "진영"], ["cold war", "confrontation", "balance of power", "bloc"]],
  ["mil-tech", "군사기술 협력", "Military-technical cooperation", "군사기술 이전과 군사협력", "Transfer of military technology and military cooperation",
    ["군사기술", "군사협력", "군사", "국방", "미사일", "구축함"], ["military", "military-technical", "defence", "defense", "missile", "frigate"]],
  ["economy", "경제·인프라 협력", "Economic and infrastructure cooperation", "경제, 무역, 농업, 교통 인프라 협력과 지원", "Cooperation and aid in the economy, trade, agriculture and transport infrastructure",
    ["경제", "무역", "농업", "교통", "인프라", "인도주의", "지원"], ["economic", "economy", "trade", "agriculture", "infrastructure", "wheat", "humanitarian"]],
  ["sanctions", "제재·비확산", "Sanctions and non-proliferation", "대북 제재와 핵 비확산 체제", "Sanctions on North Korea and the nuclear non-proliferation regime",
    ["제재", "비확산", "핵비확산", "북핵", "핵실험", "탄도미사일", "6자 회담"], ["sanction", "non-proliferation", "nuclear", "ballistic", "six-party"]],
  ["kr-us-jp", "한미일 협력", "South Korea–US–Japan cooperation", "한미일 안보 협력과 정상회의", "Security cooperation and summits among South Korea, the US and Japan",
    ["한미일", "캠프 데이비드"], ["South Korea–US–Japan", "Camp David", "trilateral"]],
  ["nk-cn-ru", "북중러 연대", "North Korea–China–Russia alignment", "북한, 중국, 러시아의 연대와 협의", "Alignment and consultation among North Korea, China and Russia",
    ["북중러", "중러", "중국"], ["North Korea–China–Russia", "China", "Chinese", "Sino-Russian"]],
  ["diplomacy", "외교", "Diplomacy", "정상회담, 수교, 외교정책", "Summits, diplomatic relations and foreign policy",
    ["외교", "외교정책", "정상회담", "수교", "양자관계"], ["diplomacy", "diplomatic", "foreign policy", "summit"]],
];

/** A fresh copy of the default codebook (callers may change it freely). */
export function defaultCodebook(): Codebook {
  return SPECS.map(([id, ko, en, koDesc, enDesc, koKeys, enKeys], i): Code => ({
    id,
    label: { ko, en },
    description: { ko: koDesc, en: enDesc },
    color: PALETTE[i],
    parent: null,
    shortcut: "",
    keywords: { ko: [...koKeys], en: [...enKeys] },
  }));
}
