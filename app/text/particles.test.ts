import { test } from "node:test";
import assert from "node:assert/strict";
import { matchesStem, stripParticle, particleTailLength, isParticleChain } from "./particles";
import { corpus } from "../../test/support";

const ko = corpus("commentary.ko.txt");

test("a stem matches itself and with its particles, in the right form", () => {
  for (const w of ["북한", "북한은", "북한의", "북한이", "북한을", "북한과", "북한으로", "북한에서", "북한에게", "북한까지", "북한부터", "북한처럼", "북한보다", "북한도", "북한만"]) {
    assert.ok(matchesStem(w, "북한"), w);
  }
  for (const w of ["러시아는", "러시아가", "러시아를", "러시아와", "러시아로", "러시아의"]) assert.ok(matchesStem(w, "러시아"), w);
  // The wrong form for the syllable is not a particle.
  assert.ok(!matchesStem("북한는", "북한"));
  assert.ok(!matchesStem("러시아은", "러시아"));
  assert.ok(!matchesStem("북한로", "북한"));
  // ㄹ takes 로, not 으로.
  assert.ok(matchesStem("서울로", "서울"));
  assert.ok(!matchesStem("서울으로", "서울"));
  // A longer word is not the stem with particles.
  assert.ok(!matchesStem("북한군", "북한"));
  assert.ok(!matchesStem("북러관계", "북러"));
  assert.ok(!matchesStem("남북한", "북한"));
});

test("particles stack, and the plural marker may come first", () => {
  for (const w of ["정상회담에서는", "정상회담에서도", "정상회담에서의", "정상회담으로의", "정상회담만으로", "정상회담까지도"]) {
    assert.ok(matchesStem(w, "정상회담"), w);
  }
  assert.ok(matchesStem("전문가들이", "전문가"));
  assert.ok(matchesStem("전문가들의", "전문가"));
  assert.ok(!isParticleChain("의의의의", "북한"));
});

test("stripParticle finds the stem of words from the commentary", () => {
  assert.deepEqual(stripParticle("우주기지에서"), { stem: "우주기지", particle: "에서" });
  assert.deepEqual(stripParticle("정상회담은"), { stem: "정상회담", particle: "은" });
  assert.deepEqual(stripParticle("북러관계가"), { stem: "북러관계", particle: "가" });
  assert.deepEqual(stripParticle("러시아와의"), { stem: "러시아", particle: "와의" });
  // 가 after a final consonant is not the particle: 국가 stays whole.
  assert.deepEqual(stripParticle("국가"), { stem: "국가", particle: "" });
  assert.deepEqual(stripParticle("TASS가"), { stem: "TASS", particle: "가" });
  // Every occurrence of 북한 + particles in the sample is recognised.
  const words = ko.split(/[\s.,()“”"]+/).filter((w) => w.startsWith("북한"));
  const withParticles = words.filter((w) => matchesStem(w, "북한"));
  assert.ok(withParticles.length >= 20, `only ${withParticles.length} of ${words.length}`);
  assert.ok(withParticles.includes("북한으로부터의"));
});

test("particleTailLength measures the tail inside running text", () => {
  const text = "북러 정상회담에서는 무엇을";
  assert.equal(particleTailLength(text, 7, "정상회담"), 3);
  assert.equal(particleTailLength("북러관계가", 2, "북러"), -1);
  assert.equal(particleTailLength("북러, 그리고", 2, "북러"), 0);
});
