// `dari new --ko file.hwp|file.hwpx` (issue 12, requirements 3-5): a Hangul
// document becomes a project whose passages are its paragraphs, the same for
// the HWP and the HWPX of one document; a protected one is refused with its
// reason, exit 1 and no project file.
import { test } from "node:test";
import assert from "node:assert/strict";
import { access, readFile } from "node:fs/promises";
import { join } from "node:path";
import { dari, useTempDir } from "../test/support";
import { SOURCES } from "../test/sources";
import { parseProject } from "../app/document";

const dir = useTempDir("dari-cli-hwp-");
const exists = (p: string) => access(p).then(() => true, () => false);

async function passages(file: string): Promise<string[]> {
  const out = join(dir(), `${file}.dari`);
  const r = await dari("new", "--ko", join(SOURCES, file), "-o", out);
  assert.equal(r.code, 0, r.err);
  const doc = parseProject(await readFile(out, "utf8")).doc;
  const texts: string[] = [];
  doc.forEach((passage) => {
    const parts: string[] = [];
    passage.forEach((seg) => parts.push(seg.child(0).textContent));
    texts.push(parts.join(" "));
  });
  return texts;
}

test("dari new makes the same project from the HWP and the HWPX of one document", async () => {
  const fromHwp = await passages("hwp02_footnote-01-3dprinting.hwp");
  const fromHwpx = await passages("hwpx03_footnote-01-3dprinting.hwpx");
  assert.deepEqual(fromHwpx, fromHwp);
  assert.ok(fromHwp.includes("플라스틱 액체1)와 같은 원료를 사출해 3차원 모양의 고체 물질을 자유롭게 찍어내는 기술"));
  // Footnote text stays out of the running text; table cells come after the body.
  assert.ok(!fromHwp.some((p) => p.includes("플라스틱 액체란")));
  assert.ok(fromHwp.indexOf("3D 프린팅 기술의 등장과") > fromHwp.indexOf("산업용 샘플을 찍어내던 것에서 발전해 시계, 신발, 휴대전화 케이스, 자동차 부속품까지 출력"));
});

test("dari new refuses a distribution-protected or password-protected HWP, writing nothing", async () => {
  for (const [file, message] of [
    ["special03_distribution-protected_kwater-bonghwa-press.hwp", /special03_distribution-protected_kwater-bonghwa-press\.hwp is a distribution document/],
    ["special04_password-protected_pw-12345.hwp", /special04_password-protected_pw-12345\.hwp is protected by a password/],
  ] as const) {
    const out = join(dir(), "refused.dari");
    const r = await dari("new", "--ko", join(SOURCES, file), "-o", out);
    assert.equal(r.code, 1, file);
    assert.match(r.err, message);
    assert.doesNotMatch(r.err + r.out, /상위 버전의 배포용 문서입니다/);
    assert.equal(await exists(out), false, file);
  }
});
