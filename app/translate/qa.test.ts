import { test } from "node:test";
import assert from "node:assert/strict";
import { EditorState } from "prosemirror-state";
import { buildDoc, type PassageInput } from "../document/build";
import { QaChecker, checkSegment, qaMessage, type QaFinding } from "./qa";
import { defaultGlossary } from "./default-glossary";
import { GlossaryMatcher } from "./glossary";
import { createI18n } from "../i18n";
import enTranslate from "../../resources/locales/en/translate.json";
import koTranslate from "../../resources/locales/ko/translate.json";
import { corpus } from "../../test/support";

const gold = JSON.parse(corpus("commentary.gold.json")) as {
  ko: string[][];
  en: string[][];
  beads: { paragraph: number; ko: number[]; en: number[] }[];
};

/** The sample translation, one segment per gold bead, one passage per paragraph. */
function sampleDoc() {
  const ko = gold.ko.flat();
  const en = gold.en.flat();
  const passages: PassageInput[] = [];
  for (const b of gold.beads) {
    (passages[b.paragraph] ??= { segments: [] }).segments.push({ ko: b.ko.map((i) => ko[i]).join(" "), en: b.en.map((i) => en[i]).join(" ") });
  }
  return buildDoc(passages);
}

const kinds = (found: QaFinding[]) => found.map((f) => f.kind);
const messages = (found: QaFinding[]) => found.map((f) => qaMessage(f));

test("on the sample translation the number check reports nothing", () => {
  const found = new QaChecker(defaultGlossary()).doc(sampleDoc());
  assert.deepEqual(found.filter((f) => f.kind === "number"), []);
  // Nor do the citation, Hangul, empty and spacing checks: the translation is clean.
  assert.deepEqual(found.filter((f) => f.kind !== "term").map((f) => qaMessage(f)), []);
  // The glossary check does flag places where the translator wrote "the summit" for 북러 정상회담.
  assert.ok(found.some((f) => f.kind === "term" && f.params.ko === "북러"));
});

test("numbers: Korean units and dates against the English", () => {
  assert.deepEqual(checkSegment("2020년에 5만 톤의 밀을 제공했다.", "In 2020 it provided 50,000 tonnes of wheat."), []);
  assert.deepEqual(messages(checkSegment("2020년에 5만 톤의 밀을 제공했다.", "In 2020 it provided 5,000 tonnes of wheat.")), [
    "The Korean number 5만 (50,000) does not appear in the English.",
    "The English number 5,000 does not appear in the Korean.",
  ]);
  assert.deepEqual(checkSegment("위원회는 11월 평양에서 만난다.", "The commission meets in Pyongyang in November."), []);
  assert.deepEqual(kinds(checkSegment("위원회는 11월 평양에서 만난다.", "The commission meets in Pyongyang in October.")), ["number"]);
  assert.deepEqual(checkSegment("1억 달러", "100 million dollars"), []);
  assert.deepEqual(checkSegment("러시아는 6자 회담에도 참여했다.", "Russia took part in the Six-Party Talks."), []);
});

test("citations and brackets on one side only", () => {
  const ko = "미사일 시스템 등을 시찰하였다(TASS 2023a).";
  assert.deepEqual(messages(checkSegment(ko, "He inspected the missile systems.")), ["The citation (TASS 2023a) is in the Korean but not in the English."]);
  assert.deepEqual(messages(checkSegment(ko, "He inspected the missile systems (TASS 2023b).")), [
    "The citation (TASS 2023a) is in the Korean but not in the English.",
    "The citation (TASS 2023b) is in the English but not in the Korean.",
  ]);
  assert.deepEqual(checkSegment("샤포쉬니코프 소형구축함(Marshal Shaposhnikov Frigate)에 탑승하였다.", "He boarded the frigate Marshal Shaposhnikov."), []);
  assert.deepEqual(messages(checkSegment("반러 (그리고 반중) 연대", "an anti-Russian and anti-Chinese coalition")), ["Brackets differ: 1 in the Korean, 0 in the English."]);
  assert.ok(messages(checkSegment("연대", "a coalition (and more")).includes("The English has an unmatched bracket “(”."));
});

test("citations with pages, et al. or after the author's name are citations; a year in bracketed prose is a number", () => {
  assert.deepEqual(checkSegment("이는 선행 연구와 같다(김철수 2019, 3쪽).", "This agrees with earlier work (Kim 2019, p. 3)."), []);
  assert.deepEqual(checkSegment("김철수(2019)는 이를 지적했다.", "Kim (2019, p. 3) pointed this out."), []);
  assert.deepEqual(messages(checkSegment("이는 선행 연구와 같다(김철수 외 2019).", "This agrees with earlier work (Kim et al. 2020, p. 3).")), [
    "The citation (김철수 외 2019) is in the Korean but not in the English.",
    "The citation (Kim et al. 2020, p. 3) is in the English but not in the Korean.",
  ]);
  // Not citations: the years are checked as numbers, the brackets as brackets.
  assert.deepEqual(checkSegment("한러 수교(1990년) 이후 관계가 발전했다.", "Relations grew after ties were established (in 1990)."), []);
  assert.deepEqual(messages(checkSegment("한러 수교(1990년) 이후 관계가 발전했다.", "Relations grew after ties were established (in 1991).")), [
    "The Korean number 1990년 (1990) does not appear in the English.",
    "The English number 1991 does not appear in the Korean.",
  ]);
});

test("news citations with a date are citations on both sides, however the date is written", () => {
  for (const ko of ["회담이 열렸다(연합뉴스 2023.9.13).", "회담이 열렸다(연합뉴스 2023년 9월 13일).", "회담이 열렸다(연합뉴스, 2023-09-13)."])
    for (const en of ["The summit was held (Yonhap, September 13, 2023).", "The summit was held (Yonhap 13 Sept. 2023)."]) assert.deepEqual(checkSegment(ko, en), [], `${ko} / ${en}`);
  // The cited years still have to agree.
  assert.deepEqual(messages(checkSegment("회담이 열렸다(연합뉴스 2023.9.13).", "The summit was held (Yonhap, September 13, 2022).")), [
    "The citation (연합뉴스 2023.9.13) is in the Korean but not in the English.",
    "The citation (Yonhap, September 13, 2022) is in the English but not in the Korean.",
  ]);
});

test("empty or untranslated targets, and Hangul left in the English", () => {
  assert.deepEqual(messages(checkSegment("북한", "")), ["The English is empty."]);
  assert.deepEqual(messages(checkSegment("북한과 러시아", "북한과 러시아")), ["The English is a copy of the Korean."]);
  assert.deepEqual(messages(checkSegment("북러 관계", "North Korea–러시아 relations")), ["Hangul left in the English: 러시아."]);
});

test("glossary terms: the English term must be used and forbidden renderings must not", () => {
  const m = new GlossaryMatcher(defaultGlossary());
  assert.deepEqual(checkSegment("신냉전 구도가 펼쳐지고 있다.", "A new Cold War structure is unfolding.", m), []);
  assert.deepEqual(messages(checkSegment("신냉전 구도가 펼쳐지고 있다.", "A second Cold War is unfolding.", m)), ["“신냉전” should be rendered “new Cold War” (glossary)."]);
  assert.deepEqual(messages(checkSegment("보스토치니 우주기지에서", "at the Vostochny Space Center", m)), [
    "“보스토치니 우주기지” should be rendered “Vostochny Cosmodrome” (glossary).",
    "“Vostochny Space Center” is a forbidden rendering of “보스토치니 우주기지”; use “Vostochny Cosmodrome”.",
  ]);
  // A coordinated form stands for the dash compound.
  assert.deepEqual(checkSegment("한미일 협력", "cooperation among South Korea, the US and Japan", m), []);
});

test("doubled spaces and punctuation", () => {
  assert.deepEqual(messages(checkSegment("북한과  러시아", "North Korea and Russia,, together .")), [
    "Doubled space in the Korean.",
    "Doubled punctuation “,,” in the English.",
    "Space before “.” in the English.",
  ]);
  assert.deepEqual(checkSegment("그리고…", "And so..."), []);
});

test("messages come in the UI language", () => {
  const ko = createI18n("ko");
  const [f] = checkSegment("북한", "");
  assert.equal(qaMessage(f, ko.t), "영어가 비어 있습니다.");
  const [d] = checkSegment("북한과  러시아", "North Korea and Russia");
  assert.equal(qaMessage(d, ko.t), "한국어에 공백이 두 번 들어갔습니다.");
});

test("after an edit only the edited segment is checked again", () => {
  const qa = new QaChecker(defaultGlossary());
  const state = EditorState.create({ doc: sampleDoc() });
  const before: QaFinding[][] = [];
  state.doc.descendants((n) => (n.type.name === "segment" ? (before.push(qa.segment(n)), false) : true));
  // Replace 50,000 with 5,000 in the English of the segment about the wheat.
  let pos = -1;
  state.doc.descendants((n, p) => {
    if (n.isText && n.text!.includes("50,000")) pos = p + n.text!.indexOf("50,000");
    return pos < 0;
  });
  const next = state.apply(state.tr.insertText("5,000", pos, pos + 6));
  const after: QaFinding[][] = [];
  next.doc.descendants((n) => (n.type.name === "segment" ? (after.push(qa.segment(n)), false) : true));
  const changed = after.map((f, i) => f !== before[i]).filter(Boolean).length;
  assert.equal(changed, 1);
  assert.ok(qa.doc(next.doc).some((f) => f.kind === "number" && f.params.en === "5,000"));
});

test("the translate strings exist in both languages with the same keys", () => {
  const keys = (o: object, p = ""): string[] => Object.entries(o).flatMap(([k, v]) => (typeof v === "object" ? keys(v, `${p}${k}.`) : [`${p}${k}`]));
  assert.deepEqual(keys(koTranslate).sort(), keys(enTranslate).sort());
});
