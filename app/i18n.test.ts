import { test } from "node:test";
import assert from "node:assert/strict";
import { createI18n } from "./i18n";
import { qaMessage } from "./translate/qa";

test("Korean messages take the particle that fits the word (es-hangul), not 은(는)…(으)로", () => {
  const ko = createI18n("ko");
  const missing = (k: string, e: string, t = ko.t) => qaMessage({ kind: "term", key: "qa.termMissing", params: { ko: k, en: e } }, t);
  assert.equal(missing("북러 정상회담", "summit"), "“북러 정상회담”은 “summit”으로 옮겨야 합니다(용어집).");
  assert.equal(missing("우주기지", "Vostochny Cosmodrome"), "“우주기지”는 “Vostochny Cosmodrome”으로 옮겨야 합니다(용어집).");
  assert.equal(ko.t("themes:applied", { label: "우주 협력" }), "우주 협력으로 태그했습니다");
  assert.equal(ko.t("themes:applied", { label: "외교" }), "외교로 태그했습니다");
  assert.equal(ko.t("translate:qa.numberExtra", { en: "협정" }), "영어의 숫자 협정이 한국어에 없습니다.");
  // English is untouched.
  assert.equal(missing("우주기지", "Cosmodrome", createI18n("en").t).includes("은"), false);
});
