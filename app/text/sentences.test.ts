import { test } from "node:test";
import assert from "node:assert/strict";
import { splitSentences, joinSentences, sentenceSpans, type TextLang } from "./sentences";
import { corpus } from "../../test/support";

const read = corpus;
const blocks = (text: string) => text.split(/\n[ \t]*\n/).map((s) => s.trim()).filter(Boolean);

function split(text: string, lang: TextLang): string[] {
  const r = splitSentences(text, lang);
  assert.equal(joinSentences(r), text, "the split must rebuild the paragraph exactly");
  return r.sentences;
}

test("the sample commentary splits exactly as the gold: 51 Korean and 52 English sentences", () => {
  const gold = JSON.parse(read("commentary.gold.json")) as { ko: string[][]; en: string[][] };
  for (const [lang, file, total] of [["ko", "commentary.ko.txt", 51], ["en", "commentary.en.txt", 52]] as const) {
    const paragraphs = blocks(read(file));
    assert.equal(paragraphs.length, gold[lang].length);
    let count = 0;
    paragraphs.forEach((p, i) => {
      const sentences = split(p, lang);
      assert.deepEqual(sentences, gold[lang][i], `${lang} paragraph ${i + 1}`);
      count += sentences.length;
    });
    assert.equal(count, total);
  }
});

test("Korean endings split; numbers, citations and quotes inside a sentence do not", () => {
  assert.deepEqual(split("회담이 열렸다. 정말 그랬어요. 왜 그랬을까? 대단하다! 끝이다", "ko"), [
    "회담이 열렸다.", "정말 그랬어요.", "왜 그랬을까?", "대단하다!", "끝이다",
  ]);
  assert.deepEqual(split("9.19 군사합의는 3.5% 수준이었다(TASS 2023a). 다음 문장이다.", "ko"), [
    "9.19 군사합의는 3.5% 수준이었다(TASS 2023a).", "다음 문장이다.",
  ]);
  assert.deepEqual(split("회담은 2023. 9. 13. 열렸다. 그리고 끝났다.", "ko"), ["회담은 2023. 9. 13. 열렸다.", "그리고 끝났다."]);
  assert.deepEqual(split("그는 “협력한다. 논의한다.” 라고 말했다. 다음이다.", "ko"), [
    "그는 “협력한다. 논의한다.” 라고 말했다.", "다음이다.",
  ]);
  assert.deepEqual(split("“좋다.” 그는 웃었다.", "ko"), ["“좋다.”", "그는 웃었다."]);
  assert.deepEqual(split("미국(U.S.) 정부는 반대했다. 1. 서론은 짧다.", "ko"), ["미국(U.S.) 정부는 반대했다.", "1. 서론은 짧다."]);
  assert.deepEqual(split("그래서… 그렇다… 다음이다.", "ko"), ["그래서… 그렇다…", "다음이다."]);
  // A list marker is not a sentence; a lost space after a sentence end still splits.
  assert.deepEqual(split("가. 북한의 입장은 분명하다. 나. 러시아의 입장이다.", "ko"), ["가. 북한의 입장은 분명하다.", "나. 러시아의 입장이다."]);
  assert.deepEqual(split("회담을 했다.그러나 합의는 없었다. 국.공립 9.19", "ko"), ["회담을 했다.", "그러나 합의는 없었다.", "국.공립 9.19"]);
});

test("English abbreviations, initials and numbers do not end sentences", () => {
  assert.deepEqual(split("Mr. Kim met Dr. Lee at 9 a.m. on Monday. They talked.", "en"), [
    "Mr. Kim met Dr. Lee at 9 a.m. on Monday.", "They talked.",
  ]);
  assert.deepEqual(split("The U.S. President spoke, e.g. about No. 5 and pp. 3-4. It was J. R. Smith's idea.", "en"), [
    "The U.S. President spoke, e.g. about No. 5 and pp. 3-4.", "It was J. R. Smith's idea.",
  ]);
  assert.deepEqual(split("It rose 3.5 percent in 2022. In fact, it fell. Sanctions hit the U.S. The end.", "en"), [
    "It rose 3.5 percent in 2022.", "In fact, it fell.", "Sanctions hit the U.S.", "The end.",
  ]);
  assert.deepEqual(split('He said "No way." Then he left. Why? Because (see below.) it failed.', "en"), [
    'He said "No way."', "Then he left.", "Why?", "Because (see below.) it failed.",
  ]);
  assert.deepEqual(split("Tanks, drones, etc. were sent. Trade, aid, etc. Then talks.", "en"), [
    "Tanks, drones, etc. were sent.", "Trade, aid, etc.", "Then talks.",
  ]);
  assert.deepEqual(split("(This is a note.) The text goes on.", "en"), ["(This is a note.)", "The text goes on."]);
  assert.deepEqual(split("It was 5 p.m. Moscow time. Talks ended at 6 p.m. The next day began.", "en"), [
    "It was 5 p.m. Moscow time.", "Talks ended at 6 p.m.", "The next day began.",
  ]);
  assert.deepEqual(split("I. Introduction. II. Background. She holds a Ph.D. from Seoul.", "en"), ["I. Introduction.", "II. Background.", "She holds a Ph.D. from Seoul."]);
});

test("white space around and between sentences is kept in the separators", () => {
  const text = "  첫째다.\u00a0 둘째다.\n셋째다.  ";
  const r = splitSentences(text, "ko");
  assert.deepEqual(r.sentences, ["첫째다.", "둘째다.", "셋째다."]);
  assert.deepEqual(r.separators, ["  ", "\u00a0 ", "\n", "  "]);
  assert.deepEqual(splitSentences("", "en"), { sentences: [], separators: [""] });
  assert.deepEqual(splitSentences("   ", "en"), { sentences: [], separators: ["   "] });
});

test("any text rebuilds exactly from its split (random property check)", () => {
  const pieces = ["다.", "요.", "?", "!", " ", "  ", "U.S.", "Mr.", "(", ")", "“", "”", '"', "3.5", "2023.", "9.", "…", "...", "a", "The", "북한", "\n", "\u3000", "e.g.", "。"];
  let seed = 7;
  const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  for (let n = 0; n < 2000; n++) {
    let text = "";
    const len = Math.floor(rand() * 30);
    for (let k = 0; k < len; k++) text += pieces[Math.floor(rand() * pieces.length)];
    for (const lang of ["ko", "en"] as const) {
      const r = splitSentences(text, lang);
      assert.equal(joinSentences(r), text);
      for (const s of r.sentences) assert.ok(s.length > 0 && s.trim() === s, JSON.stringify(s));
      for (const sep of r.separators) assert.match(sep, /^\s*$/u);
      const spans = sentenceSpans(text, lang);
      assert.equal(spans.length, r.sentences.length);
    }
  }
});

test("a quotation that ends with a terminator ends the sentence unless a quotative follows", () => {
  assert.deepEqual(split("그는 “좋다.” 고 말했다. 그는 “좋다.” 다음 날 떠났다.", "ko"), ["그는 “좋다.” 고 말했다.", "그는 “좋다.”", "다음 날 떠났다."]);
  assert.deepEqual(split('She asked "why?" and left. He said "No." Then he left.', "en"), ['She asked "why?" and left.', 'He said "No."', "Then he left."]);
});

// Issue 14, requirement 1: quotation marks never swallow the sentences that follow them.
test("an unclosed quotation mark suppresses nothing: Korean endings and capitals still end sentences", () => {
  assert.deepEqual(split("그는 “우리는 돕겠다. 그러나 조건이 있다. 회담은 끝났다.", "ko"), ["그는 “우리는 돕겠다.", "그러나 조건이 있다.", "회담은 끝났다."]);
  assert.deepEqual(split('그는 "정말 그럴까? 아무도 몰라요. 다음이다.', "ko"), ['그는 "정말 그럴까?', "아무도 몰라요.", "다음이다."]);
  assert.deepEqual(split("그는 ‘새로운 냉전이다. 러시아는 반대했다.", "ko"), ["그는 ‘새로운 냉전이다.", "러시아는 반대했다."]);
  assert.deepEqual(split('He said, "We will help. But there are conditions. Then he left.', "en"), ['He said, "We will help.', "But there are conditions.", "Then he left."]);
  assert.deepEqual(split("He said, “We will help. But there are conditions. Then he left.", "en"), ["He said, “We will help.", "But there are conditions.", "Then he left."]);
  // An apostrophe is not the closing mark of an open single quote.
  assert.deepEqual(split("Analysts call it ‘a new Cold War. Russia’s allies disagree. China is silent.", "en"), [
    "Analysts call it ‘a new Cold War.", "Russia’s allies disagree.", "China is silent.",
  ]);
});

test("a quoted paragraph left open (news style) and joined to the next one does not become one sentence", () => {
  // Two paragraphs of a news story run together: the first quotation is never closed, the second one is.
  const en = "“We will not stand by. The Far East is open to cooperation. “Our ties will grow,” he added. Analysts were skeptical.";
  assert.deepEqual(split(en, "en"), ["“We will not stand by.", "The Far East is open to cooperation.", "“Our ties will grow,” he added.", "Analysts were skeptical."]);
  const ko = "“우리는 좌시하지 않겠다. 극동은 협력에 열려 있다. “관계는 더 깊어질 것이다”라고 그는 덧붙였다. 전문가들은 회의적이었다.";
  assert.deepEqual(split(ko, "ko"), ["“우리는 좌시하지 않겠다.", "극동은 협력에 열려 있다.", "“관계는 더 깊어질 것이다”라고 그는 덧붙였다.", "전문가들은 회의적이었다."]);
  // A quotation closed far away is no quotation: a long stretch is split even before a reporting clause.
  const long = Array.from({ length: 12 }, (_, i) => `The talks went on for day ${i + 1} without result.`).join(" ");
  assert.equal(split(`"${long}" he said.`, "en").length, 12);
});

test("a quotation of several sentences that ends its sentence is split inside it, in both languages", () => {
  assert.deepEqual(split("김정은은 “그를 후계자로 지명했다. 그러나 그는 결국 고립되고 말았다.” 이후의 일은 알려지지 않았다.", "ko"), [
    "김정은은 “그를 후계자로 지명했다.", "그러나 그는 결국 고립되고 말았다.”", "이후의 일은 알려지지 않았다.",
  ]);
  assert.deepEqual(split("기시다 총리는 “안보 환경이 엄중하다. 일본은 함께 대응할 것이다.”", "ko"), ["기시다 총리는 “안보 환경이 엄중하다.", "일본은 함께 대응할 것이다.”"]);
  assert.deepEqual(split('Kishida said, "The situation is severe. Japan will respond." Seoul agreed.', "en"), [
    'Kishida said, "The situation is severe.', 'Japan will respond."', "Seoul agreed.",
  ]);
  assert.deepEqual(split("The agency reported: “The satellite entered orbit. Kim watched the launch.”", "en"), [
    "The agency reported: “The satellite entered orbit.", "Kim watched the launch.”",
  ]);
});

test("a quotation embedded in a reporting clause stays one sentence, in both languages", () => {
  assert.deepEqual(split("그는 “협력은 계속된다. 제재는 무의미하다”고 말했다. 다음이다.", "ko"), ["그는 “협력은 계속된다. 제재는 무의미하다”고 말했다.", "다음이다."]);
  assert.deepEqual(split("그는 “협력은 계속된다. 제재는 무의미하다.”라고 말했다.", "ko"), ["그는 “협력은 계속된다. 제재는 무의미하다.”라고 말했다."]);
  assert.deepEqual(split("“협력은 계속된다. 제재는 무의미하다”는 입장이다.", "ko"), ["“협력은 계속된다. 제재는 무의미하다”는 입장이다."]);
  assert.deepEqual(split('"Sending workers pays. It is a deal neither side can give up," one economist said. Next.', "en"), [
    '"Sending workers pays. It is a deal neither side can give up," one economist said.', "Next.",
  ]);
  assert.deepEqual(split("“We will help. We have the technology” he told reporters. Next.", "en"), ["“We will help. We have the technology” he told reporters.", "Next."]);
});
