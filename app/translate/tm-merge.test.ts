// The memory shows each translation once, with where it was found.
import { test } from "node:test";
import assert from "node:assert/strict";
import { corpus } from "../../test/support";
import { TranslationMemory, type TmUnit } from "./tm";
import { mergeMatches, mergeConcordance, unitKey } from "./tm-merge";
import { tmUnitsFromTmx } from "./tm-tmx";

const KO = "푸틴 대통령은 보스토치니 우주기지에서 김정은 위원장과 정상회담을 열었다.";
const EN = "President Putin held a summit with Chairman Kim Jong Un at the Vostochny Cosmodrome.";

function lookupAll(query: string, memories: TmUnit[][], limit = 5) {
  return mergeMatches(
    memories.flatMap((units) => {
      const tm = new TranslationMemory();
      tm.add(units);
      return tm.lookup(query, { limit: limit * 4 });
    }),
    limit,
  );
}

test("the same pair from the project, another project and a TMX is one match listing the three, the project first", () => {
  const tmx = tmUnitsFromTmx(
    `<?xml version="1.0"?><tmx version="1.4"><header srclang="ko" datatype="plaintext" segtype="sentence" adminlang="en" o-tmf="x" creationtool="x" creationtoolversion="1"/><body>` +
      `<tu><tuv xml:lang="ko"><seg>${KO.replace(" 김정은", "\n  김정은")}</seg></tuv><tuv xml:lang="en"><seg>${EN.replace("summit", "summit ")}</seg></tuv></tu></body></tmx>`,
    "talks.tmx",
  );
  const other: TmUnit[] = [{ ko: KO, en: EN, origin: "Project A" }, { ko: KO, en: EN, origin: "Project A" }];
  const mine: TmUnit[] = [{ ko: KO, en: EN, origin: "", segmentId: "s1" }];
  const found = lookupAll(KO, [tmx, other, mine]);
  assert.equal(found.length, 1);
  assert.deepEqual(found[0].origins, ["", "talks.tmx", "Project A"]);
  assert.equal(found[0].score, 100);
});

test("a different English or Korean stays a match of its own, and the limit counts merged matches", () => {
  const near = KO.replace("정상회담을", "회담을");
  const units: TmUnit[] = [
    { ko: KO, en: EN, origin: "A" },
    { ko: KO, en: "Putin met Kim at Vostochny.", origin: "B" },
    { ko: near, en: EN, origin: "C" },
    ...Array.from({ length: 6 }, (_, i) => ({ ko: KO, en: EN, origin: `copy ${i}` })),
  ];
  const all = lookupAll(KO, [units], 5);
  assert.deepEqual(all.map((m) => m.unit.origin), ["A", "B", "C"]);
  assert.equal(all[0].origins.length, 7);
  assert.equal(lookupAll(KO, [units], 2).length, 2);
  assert.notEqual(unitKey({ ko: KO, en: EN }), unitKey({ ko: KO, en: EN.toLowerCase() }), "case is not white space");
});

test("concordance lines are merged the same way", () => {
  const tm = new TranslationMemory();
  tm.add([
    { ko: KO, en: EN, origin: "A" },
    { ko: `${KO} `, en: EN, origin: "talks.tmx" },
    { ko: "우주기지 건설이 늦어졌다.", en: "The cosmodrome was delayed.", origin: "A" },
  ]);
  const hits = mergeConcordance(tm.concordance("우주기지"), 30);
  assert.deepEqual(hits.map((h) => h.origins), [["A", "talks.tmx"], ["A"]]);
});

test("the corpus: a pair met in both the commentary's units and a TMX of them is shown once", () => {
  const ko = corpus("commentary.ko.txt").split(/\n/).find((l) => l.trim().length > 20)!.trim();
  const found = lookupAll(ko, [[{ ko, en: "X.", origin: "" }], [{ ko: ` ${ko}`, en: "X. ", origin: "t.tmx" }]]);
  assert.deepEqual(found.map((m) => m.origins), [["", "t.tmx"]]);
});
