// Each kind of anchor decides an alignment that the lengths get wrong. Two
// Korean sentences of the sample, A and B, are given a freer English in three
// sentences: A', a middle sentence M that belongs to A, and B'. A' alone is
// about as long as A's translation should be and M + B' about as long as
// B's, so by length M goes with B. Only what M shares with A (a question
// mark, a quotation, a date, a lexicon pair) pulls it back; without that,
// the same text aligns the wrong way.
import { test } from "node:test";
import assert from "node:assert/strict";
import { alignDocument, type AlignOptions } from "./align";
import { buildAnchors, sharedWeight } from "./anchors";
import type { LexiconPair } from "./lexicon";
import { corpusGold } from "../../test/support";

const gold = corpusGold();
const KO = gold.ko.flat();

/**
 * Replaces the English of Korean sentences k and k + 1 (two 1-1 gold beads)
 * with `en` (A', M, B') and aligns the sample: returns the Korean sentence
 * whose segment holds M, or -1 when M is left on its own.
 */
function middleGoesTo(k: number, en: [string, string, string], opts: AlignOptions, layout: "paragraphs" | "one block"): number {
  const i = gold.beads.findIndex((b) => b.ko[0] === k);
  const [a, b] = [gold.beads[i], gold.beads[i + 1]];
  assert.deepEqual([a.ko, a.en.length, b.ko, b.en.length], [[k], 1, [k + 1], 1], "two 1-1 gold beads");
  const first = a.en[0];
  let e = 0;
  const paragraphs = gold.en.map((p) => p.flatMap((s) => (e === first ? (e++, en) : e === first + 1 ? (e++, []) : (e++, [s]))));
  const beads = alignDocument({ ko: gold.ko, en: layout === "paragraphs" ? paragraphs : [paragraphs.flat()] }, opts);
  const m = first + 1;
  const bead = beads.find((x) => x.enStart <= m && m < x.enEnd)!;
  return bead.koEnd === bead.koStart ? -1 : bead.koStart;
}

/** The anchor keys a Korean sentence and an English one share (in the sample with that English added). */
function sharedKeys(k: number, en: string, opts: AlignOptions = {}): string[] {
  const t = buildAnchors(KO, [...gold.en.flat(), en], opts);
  const last = t.en[t.en.length - 1];
  return [...t.ko[k]].filter((id) => last.includes(id)).map((id) => t.keys[id]);
}

interface Case {
  anchor: string;
  /** Korean sentence A (B is the next one). */
  k: number;
  /** A', then M with the anchor and M without it, then B'. */
  en: [string, string, string, string];
  keys: string[];
  /** Options with the anchor and without it (the lexicon is an option, not text). */
  opts?: [AlignOptions, AlignOptions];
}

const COSMODROME: LexiconPair = { id: "cosmodrome", ko: ["우주기지"], en: ["cosmodrome"] };

const CASES: Case[] = [
  {
    anchor: "a question mark",
    // 그렇다면 러시아는 왜 북한에 대한 입장을 급선회했는가?
    k: 25,
    en: [
      "Russia, then, abruptly reversed its position on North Korea.",
      "But why did it do so, and why now?",
      "But why did it do so, and why now.",
      "The usual explanation is that Russia, short of munitions in a long war, had to meet North Korea's demands.",
    ],
    keys: ["?:"],
  },
  {
    anchor: "a quotation (curly quotes in the Korean, straight in the English)",
    // “북한과 군사, 기술 협력 등 모든 문제를 논의할 것”이라는 푸틴 대통령의 언급과 ...
    k: 10,
    en: [
      "This move is in line with a remark by President Putin, who said that Russia would talk with North Korea about everything (BBC 2023).",
      '"Military and technical cooperation" was included.',
      "Military and technical cooperation was included.",
      "In other words, they said so openly.",
    ],
    keys: ["q:"],
  },
  {
    anchor: "a date (2023년 9월 13일 and September 13, 2023)",
    // 2023년 9월 13일 러시아 보스토치니 우주기지에서 열린 북러 정상회담은 ...
    k: 0,
    en: [
      "The North Korea–Russia summit at Russia's Vostochny Cosmodrome was significant enough to draw the attention of the whole world.",
      "It was held on September 13, 2023, and it was an important event.",
      "It was held on October 24, 2016, and it was an important event.",
      "Since no press conference or statement was released, its content is hard to know.",
    ],
    keys: ["m:9", "n:13", "n:2023"],
  },
  {
    anchor: "a lexicon pair (우주기지 and cosmodrome)",
    // 먼저 정상회담 장소가 러시아 극동의 보스토치니 우주기지였다는 점은 ...
    k: 4,
    en: [
      "First, the summit took place in the Russian Far East, which symbolically shows that North Korea–Russia relations are heading toward cooperation in space.",
      "The venue was no ordinary place: it was a cosmodrome.",
      "The venue was no ordinary place: it was a cosmodrome.",
      "Experts have already noted North Korea's drive to develop space and to militarize it.",
    ],
    keys: ["l:cosmodrome"],
    opts: [{ lexicon: [COSMODROME] }, { lexicon: [] }],
  },
];

for (const c of CASES) {
  test(`${c.anchor} keeps a sentence with the Korean sentence it translates`, () => {
    const [a, withIt, withoutIt, b] = c.en;
    const [withOpts, withoutOpts] = c.opts ?? [{}, {}];
    const keys = sharedKeys(c.k, withIt, withOpts);
    for (const key of c.keys) assert.ok(keys.includes(key), `M shares ${key} with Korean sentence ${c.k}: ${keys}`);
    assert.deepEqual(sharedKeys(c.k, withoutIt, withoutOpts).filter((x) => c.keys.includes(x)), [], "without it, M shares none of them");
    for (const layout of ["paragraphs", "one block"] as const) {
      assert.equal(middleGoesTo(c.k, [a, withIt, b], withOpts, layout), c.k, `with ${c.anchor} (${layout})`);
      // The premise: the lengths alone give M to the next sentence.
      assert.equal(middleGoesTo(c.k, [a, withoutIt, b], withoutOpts, layout), c.k + 1, `without ${c.anchor} (${layout})`);
    }
  });
}

test("citations anchor by their years, in every form the QA check accepts, and prose years do not", () => {
  const ko = ["김철수(2019)는 이를 지적했다.", "이는 선행 연구와 같다(김철수 외 2021, 3쪽).", "한러 수교(1990년) 이후 관계가 발전했다."];
  const en = ["Kim (2019) pointed this out.", "This agrees with earlier work (Kim et al. 2021, p. 3).", "Relations grew after ties were established (since 1990)."];
  const t = buildAnchors(ko, en);
  const shared = (i: number) => [...t.ko[i]].filter((id) => t.en[i].includes(id)).map((id) => t.keys[id]);
  assert.ok(shared(0).includes("c:2019"));
  assert.ok(shared(1).includes("c:2021"));
  assert.ok(shared(2).includes("n:1990"));
  assert.ok(!t.keys.includes("c:1990"), "a year in bracketed prose is a number, not a citation");
});

test("a citation's year counts once: a cited pair gains the citation anchor's weight and nothing more", () => {
  // The same two pairs with and without the citation; a year in the prose
  // of the cited sentence still counts as a number.
  const ko = (cite: string) => [`2020년 러시아 언론이 이를 보도했다${cite}.`, "다리는 한국어로 교량이다."];
  const en = (cite: string) => [`In 2020 the Russian press reported it${cite}.`, "Dari means bridge in Korean."];
  const withIt = buildAnchors(ko("(TASS 2023a)"), en(" (TASS 2023a)"));
  const without = buildAnchors(ko("(TASS)"), en(" (TASS)"));
  const cite = withIt.keys.indexOf("c:2023a");
  assert.ok(cite >= 0, "the cited year is a citation anchor");
  assert.ok(!withIt.keys.includes("n:2023"), "the cited year is not also a number");
  const year = withIt.keys.indexOf("n:2020");
  assert.ok(year >= 0 && withIt.ko[0].includes(year) && withIt.en[0].includes(year), "the prose year still anchors");
  // What the aligner weighs for the pair: what the two share and what each side has.
  const shared = (t: typeof withIt) => sharedWeight(t.ko[0], t.en[0], t.weight);
  const close = (a: number, b: number, what: string) => assert.ok(Math.abs(a - b) < 1e-9, `${what}: ${a} vs ${b}`);
  close(shared(withIt) - shared(without), withIt.weight[cite], "shared weight");
  close(withIt.koTotal[0] - without.koTotal[0], withIt.weight[cite], "Korean total");
  close(withIt.enTotal[0] - without.enTotal[0], withIt.weight[cite], "English total");
});

test("loanwords written in Hangul anchor to the English word, and native words that sound alike do not", () => {
  const ko = [
    "북한은 로켓 기술을 시험했다.",
    "그러나 새 시스템과 프로그램을 함께 공개했다.",
    "포탄 공급은 이미 늘었다.",
    "양국 간 인적교류가 거의 없었다.",
    "무역은 줄었다.",
  ];
  const en = [
    "North Korea tested its rocket technology.",
    "It showed new systems and a program together, and its arsenal has grown.",
    "Between them, the supply of shells has already grown.",
    "There were hardly any personal exchanges between the two countries.",
    "Trade fell.",
  ];
  const t = buildAnchors(ko, en);
  const shared = (i: number, j: number) => [...t.ko[i]].filter((id) => t.en[j].includes(id)).map((id) => t.keys[id]);
  assert.ok(shared(0, 0).includes("o:rocket"), "로켓 ~ rocket");
  assert.ok(shared(1, 1).includes("o:system"), "시스템 ~ systems");
  assert.ok(shared(1, 1).includes("o:program"), "프로그램 ~ program");
  // 그러나 (but) ~ grown and 포탄 (shells) ~ between sound alike only roughly.
  assert.ok(!t.keys.some((k) => k === "o:grown" || k === "o:between"), t.keys.join(" "));
  // 교류 is an exchange, 무역 is trade: "exchanges" no longer says trade.
  assert.ok(shared(3, 3).includes("l:exchange"));
  assert.ok(!shared(3, 3).includes("l:trade") && shared(4, 4).includes("l:trade"));
});
