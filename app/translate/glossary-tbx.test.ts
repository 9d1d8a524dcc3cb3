import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { glossaryFromTbx, glossaryToTbx } from "./glossary-tbx";
import { defaultGlossary } from "./default-glossary";
import { DariError } from "../errors";
import { readText, tempFolder, writeTestFile } from "../../test/support";

test("TBX-Basic round-trips the default glossary through a file", () => {
  const dir = tempFolder("dari-tbx-");
  const file = join(dir, "glossary.tbx");
  const g = defaultGlossary();
  writeTestFile(file, glossaryToTbx(g));
  const back = glossaryFromTbx(readText(file), file);
  assert.deepEqual(back.map(({ id: _i, ...rest }) => rest), g.map(({ id: _i, ...rest }) => rest));
});

test("TBX v2 (martif) files from other tools are read, deprecated terms become forbidden", () => {
  const v2 = `<?xml version="1.0"?>
<martif type="TBX-Basic" xml:lang="en">
 <text><body>
  <termEntry id="t7">
   <descrip type="definition">Talks on the North Korean nuclear programme &amp; its end.</descrip>
   <langSet xml:lang="ko-KR"><tig><term>6자 회담</term></tig></langSet>
   <langSet xml:lang="en-US">
    <tig><term>six-way talks</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></tig>
    <ntig><termGrp><term>Six-Party Talks</term></termGrp></ntig>
   </langSet>
  </termEntry>
 </body></text>
</martif>`;
  const [e] = glossaryFromTbx(v2, "old.tbx");
  assert.equal(e.ko, "6자 회담");
  assert.equal(e.en, "Six-Party Talks");
  assert.deepEqual(e.forbidden, ["six-way talks"]);
  assert.equal(e.note, "Talks on the North Korean nuclear programme & its end.");
});

test("bad TBX gives an error naming the file and the entry", () => {
  assert.throws(() => glossaryFromTbx("<tbx><text><body></body></text></tbx>", "empty.tbx"), (e: unknown) => e instanceof DariError && /empty\.tbx/.test(e.message));
  const noEn = `<tbx><text><body><conceptEntry><langSec xml:lang="ko"><termSec><term>북러</term></termSec></langSec></conceptEntry></body></text></tbx>`;
  assert.throws(() => glossaryFromTbx(noEn, "g.tbx"), (e: unknown) => e instanceof DariError && /g\.tbx, entry 1/.test(e.message) && /English/.test(e.message));
  assert.throws(() => glossaryFromTbx("<tbx><text>", "broken.tbx"), (e: unknown) => e instanceof DariError && /broken\.tbx/.test(e.message));
  const bomb = `<?xml version="1.0"?><!DOCTYPE tbx [<!ENTITY a "aaaa">]><tbx>&a;</tbx>`;
  assert.throws(() => glossaryFromTbx(bomb, "bomb.tbx"), (e: unknown) => e instanceof DariError && /bomb\.tbx/.test(e.message));
});

test("markup and control characters in a glossary stay readable TBX", () => {
  const g = [{ id: "g<1>", ko: "북러 & 한미일", en: "<b>North Korea–Russia</b>", note: "memo \u0007 \"quoted\"", forbidden: ["]]>"] }];
  const back = glossaryFromTbx(glossaryToTbx(g), "hostile.tbx");
  assert.equal(back.length, 1);
  assert.equal(back[0].ko, g[0].ko);
  assert.equal(back[0].en, g[0].en);
  assert.deepEqual(back[0].forbidden, ["]]>"]);
  assert.equal(back[0].note, 'memo \u2407 "quoted"', "the control character (not allowed in XML) is written as its visible symbol");
});
