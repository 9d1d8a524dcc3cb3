import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { tmUnitsFromTmx } from "./tm-tmx";
import { TranslationMemory } from "./tm";
import { DariError } from "../errors";
import { readText, tempFolder, writeTestFile } from "../../test/support";

const tmx = `<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4">
 <header creationtool="OmegaT" srclang="ko" adminlang="en" datatype="plaintext" segtype="sentence" o-tmf="OmegaT TMX"/>
 <body>
  <tu><tuv xml:lang="ko-KR"><seg>실제 러시아는 6자 회담에도 참여했다.</seg></tuv><tuv xml:lang="en-GB"><seg>Indeed, Russia took part in the Six-Party Talks.</seg></tuv></tu>
  <tu><tuv xml:lang="ko"><seg>북러 정상회담은 &lt;중요한&gt; 사건이었다.</seg></tuv><tuv xml:lang="en"><seg>The North Korea–Russia summit was an <bpt i="1">&lt;b&gt;</bpt>important<ept i="1">&lt;/b&gt;</ept> event.</seg></tuv></tu>
  <tu><tuv xml:lang="ko"><seg>번역되지 않은 문장</seg></tuv></tu>
 </body>
</tmx>`;

test("a TMX file from a CAT tool feeds the memory", () => {
  const dir = tempFolder("dari-tmx-");
  const file = join(dir, "memory.tmx");
  writeTestFile(file, tmx);
  const units = tmUnitsFromTmx(readText(file), "memory.tmx");
  assert.equal(units.length, 2);
  assert.equal(units[1].en, "The North Korea–Russia summit was an important event.");
  assert.equal(units[1].ko, "북러 정상회담은 <중요한> 사건이었다.");
  const tm = new TranslationMemory();
  tm.add(units);
  const [m] = tm.lookup("러시아는 6자 회담에도 참여했다.");
  assert.equal(m.unit.origin, "memory.tmx");
  assert.match(m.unit.en, /Six-Party Talks/);
  assert.ok(m.score >= 80 && m.score < 100);
});

test("a TMX without Korean–English pairs is refused with the file name", () => {
  // Only the unit without English is left.
  const onlyKo = tmx.replace(/ *<tu>.*xml:lang="en.*\n/g, "");
  assert.match(onlyKo, /번역되지 않은 문장/);
  // A memory with no English at all is refused by the reader, naming the languages it holds.
  assert.throws(() => tmUnitsFromTmx(onlyKo, "memory.tmx"), (e: unknown) => e instanceof DariError && e.key === "export:interchange.missingLanguages" && /^memory\.tmx: .*contains ko$/.test(e.message));
  // English in the file but in no unit that also has Korean: no pairs for the memory.
  const unpaired = onlyKo.replace("</body>", `<tu><tuv xml:lang="en"><seg>Alone.</seg></tuv></tu></body>`);
  assert.throws(() => tmUnitsFromTmx(unpaired, "memory.tmx"), (e: unknown) => e instanceof DariError && e.key === "translate:errors.tmxNoUnits" && /memory\.tmx/.test(e.message));
});
