// `dari qa <x.dari> --json`: the contract of issue 5, requirement 7.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { serializeProject, emptyMeta, buildDoc } from "../app/document";
import { defaultGlossary } from "../app/translate/default-glossary";

const root = fileURLToPath(new URL("..", import.meta.url));
const corpus = fileURLToPath(new URL("../../shared/corpus/", import.meta.url));

function dari(...args: string[]) {
  return spawnSync(process.execPath, [join(root, "bin/dari.js"), ...args], { encoding: "utf8", cwd: root });
}

test("dari qa --json prints the findings as a JSON array and exits 0", () => {
  const dir = mkdtempSync(join(tmpdir(), "dari-qa-"));
  const file = join(dir, "x.dari");
  const doc = buildDoc([
    {
      segments: [
        { ko: "2020년에 5만 톤의 밀을 제공했다(TASS 2023c).", en: "In 2020 it provided 5,000 tonnes of wheat (TASS 2023c)." },
        { ko: "신냉전 구도가 펼쳐지고 있다.", en: "A new Cold War structure is  unfolding." },
      ],
    },
    { segments: [{ ko: "북러 정상회담", en: "" }, { ko: "보스토치니 우주기지", en: "Vostochny 우주기지" }] },
  ]);
  writeFileSync(file, serializeProject({ meta: emptyMeta("qa"), codebook: [], glossary: defaultGlossary(), doc }));
  const r = dari("qa", file, "--json");
  assert.equal(r.status, 0, r.stderr);
  const findings = JSON.parse(r.stdout) as { segment: number; kind: string; message: string; ko: string; en: string }[];
  assert.ok(Array.isArray(findings));
  for (const f of findings) assert.deepEqual(Object.keys(f).sort(), ["en", "kind", "ko", "message", "segment"]);
  const at = (segment: number) => findings.filter((f) => f.segment === segment).map((f) => f.kind);
  assert.deepEqual(at(0), ["number", "number"]);
  assert.equal(findings[0].message, "The Korean number 5만 (50,000) does not appear in the English.");
  assert.equal(findings[0].ko, "2020년에 5만 톤의 밀을 제공했다(TASS 2023c).");
  assert.equal(findings[0].en, "In 2020 it provided 5,000 tonnes of wheat (TASS 2023c).");
  assert.deepEqual(at(1), ["spacing"]);
  assert.deepEqual(at(2), ["empty"]);
  assert.deepEqual(at(3), ["hangul", "term"]);
  // Without --json: one finding a line, segments numbered from 1 as in the app.
  const text = dari("qa", file);
  assert.equal(text.status, 0);
  assert.match(text.stdout, /^segment 1\tnumber\tThe Korean number 5만 \(50,000\) does not appear in the English\.$/m);
  assert.match(text.stdout, /^segment 3\tempty\t/m);
});

test("dari qa on the sample finds no number, citation, Hangul, empty or spacing problem", () => {
  const dir = mkdtempSync(join(tmpdir(), "dari-qa-"));
  const file = join(dir, "sample.dari");
  const made = dari("new", "--ko", join(corpus, "commentary.ko.txt"), "--en", join(corpus, "commentary.en.txt"), "-o", file);
  assert.equal(made.status, 0, made.stderr);
  const r = dari("qa", file, "--json");
  assert.equal(r.status, 0, r.stderr);
  // The sample translation is clean but for a few places where the translator
  // chose other words than the default glossary's (new projects start with it).
  const findings = JSON.parse(r.stdout) as { kind: string }[];
  assert.deepEqual(findings.filter((f) => f.kind !== "term"), []);
  assert.ok(findings.length <= 5, `${findings.length} glossary findings`);
  const help = dari("--help");
  assert.match(help.stdout, /dari qa <project\.dari> \[--json\]/);
  const missing = dari("qa", join(dir, "nope.dari"), "--json");
  assert.equal(missing.status, 1);
  assert.match(missing.stderr, /nope\.dari/);
});

test("dari qa prints an empty array and exits 0 when there is nothing to report", () => {
  const dir = mkdtempSync(join(tmpdir(), "dari-qa-"));
  const file = join(dir, "clean.dari");
  const doc = buildDoc([{ segments: [{ ko: "2023년 9월 13일 북러 정상회담이 열렸다.", en: "The North Korea–Russia summit was held on 13 September 2023." }] }]);
  writeFileSync(file, serializeProject({ meta: emptyMeta("clean"), codebook: [], glossary: defaultGlossary(), doc }));
  const r = dari("qa", file, "--json");
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout.trim(), "[]");
});

test("dari qa leaves out the findings the analyst ignored in the app", () => {
  const dir = mkdtempSync(join(tmpdir(), "dari-qa-"));
  const file = join(dir, "x.dari");
  const doc = buildDoc([{ segments: [{ ko: "보스토치니 우주기지였다는 점", en: "The place." }] }]);
  const segment = doc.firstChild!.firstChild!.attrs.id as string;
  const project = { meta: emptyMeta("qa"), codebook: [], glossary: defaultGlossary(), doc };
  writeFileSync(file, serializeProject(project));
  const all = JSON.parse(dari("qa", file, "--json").stdout) as { message: string }[];
  assert.deepEqual(all.map((f) => f.message), ["“보스토치니 우주기지” should be rendered “Vostochny Cosmodrome” (glossary)."]);
  writeFileSync(file, serializeProject({ ...project, qaIgnored: [{ segment, rule: "termMissing", key: "en=Vostochny Cosmodrome; ko=보스토치니 우주기지" }] }));
  const r = dari("qa", file, "--json");
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout), []);
});
