// HWP 5.0 import on the real documents of ../shared/sources (PROVENANCE.md
// gives what each holds and its opening text), the refusals of protected
// documents, and damaged files made here from a real one.
import { test } from "node:test";
import assert from "node:assert/strict";
import CFB from "cfb";
import { deflateSync, inflateSync } from "fflate";
import { hwpText } from "./hwp";
import { hwpxText } from "./hwpx";
import { importParagraphs, importText } from "./index";
import { DariError } from "../errors";
import { SOURCES, source, sourceNames, assertOpening } from "../../test/sources";
import { hwpFile, list, paragraph, type RecordSpec } from "../../test/hwp-file";
import { TAG } from "./hwp-records";

const hwp = (name: string, options = {}) => hwpText(name, source(name), options);

/** The body: the paragraphs before the first table passage (tables skipped leaves only the body). */
const bodyOf = (name: string) => hwp(name, { tables: "skip" }).paragraphs;

test("each HWP of the sources opens with the text PROVENANCE.md gives", () => {
  // hwp01: the first sentence is split over two paragraphs after "달러로 " in the document itself.
  assertOpening(bodyOf("hwp01_fdi-2024q1-press.hwp"), ["2024년 1분기(1~3월) 해외직접투자액은 총투자액 기준 150.9억 달러로", "전년 동기(176.8억 달러) 대비 14.6% 하락하였다. 한편, 총투자액에서 회수금액(지분매각, 청산 등)을 차감한 순투자액은 128.7억 달러로 전년 동기(138.4억 달러) 대비 7.0% 감소하였다."], "hwp01");
  assertOpening(bodyOf("hwp02_footnote-01-3dprinting.hwp"), ["플라스틱 액체1)와 같은 원료를 사출해 3차원 모양의 고체 물질을 자유롭게 찍어내는 기술", "산업용 샘플을 찍어내던 것에서 발전해 시계, 신발, 휴대전화 케이스, 자동차 부속품까지 출력"], "hwp02");
  assertOpening(bodyOf("hwp03_digital-gov-innovation-plan-2019.hwp"), ["○ 우리나라는 국가적 초고속 정보통신망 투자와 적극적인 공공정보화 사업 추진에 힘입어 세계 최고수준의 전자정부를 구축‧운영", "* UN전자정부평가에서 2010‧12‧14년 1위, 16‧18년 3위, UN공공행정상 13회 수상", "○ 그러나, 인공지능‧클라우드 중심의 디지털 전환(Digital Transformation) 시대가 도래함에 따라 기존 전자정부의 한계 표출"], "hwp03");
  assertOpening(bodyOf("hwp04_noori-launch-vehicle-press-2018.hwp"), ["□ 과학기술정보통신부(장관 유영민, 이하 ‘과기정통부’)는 우리나라 최초로 순수 우리기술로 개발 중인 한국형발사체(KSLV-2)의 새로운 이름으로 “누리”가 선정되었다고 밝혔다.", "o 한국형발사체는 1.5톤급 실용위성을 지구 저궤도(600km~800km)까지 쏘아 올릴 수 있는 3단형 우주발사체로, 연간 130여개 기관이 참여하여 2021년 발사를 목표로 개발하고 있다."], "hwp04");
  assertOpening(bodyOf("hwp05_kwater-bonghwa-press.hwp"), ["윤석대 한국수자원공사(K-water) 사장은 29일 경북 봉화댐 건설 현장을 찾아 혹한기 근로자 안전관리 실태를 긴급 점검했다.", "이번 점검은 기습적인 한파 속에서 야외 작업이 불가피한 건설 현장의 안전 사각지대를 없애고, ‘안전 최우선 경영’ 원칙을 현장에 확고히 정착시키기 위해 마련됐다."], "hwp05");
});

test("no page number in the body, and no control character or stray space in any paragraph, of any Hangul source", () => {
  const files = sourceNames(/^hwpx?\d.*\.hwpx?$/);
  assert.equal(files.length, 9);
  for (const f of files) {
    const read = f.endsWith(".hwpx") ? hwpxText : hwpText;
    // Table cells hold bare numbers; the body never does.
    const body = read(f, source(f), { tables: "skip" }).paragraphs;
    assert.ok(body.length > 5, f);
    for (const p of body) assert.doesNotMatch(p, /^[-–—\s]*\d+[-–—\s]*$/, `${f}: a page number “${p}”`);
    for (const p of read(f, source(f)).paragraphs) {
      assert.doesNotMatch(p, /[\u0000-\u001f]/, `${f}: a control character in “${p}”`);
      assert.equal(p, p.trim().replace(/\s+/g, " "), `${f}: stray white space in “${p}”`);
    }
  }
});

test("hwp02: nine footnotes become notes, each marker kept in the body just before the note's offset", () => {
  const r = hwp("hwp02_footnote-01-3dprinting.hwp");
  assert.equal(r.notes.length, 9);
  assert.equal(r.layout.footnotes, 9);
  // In paragraph order: note 3 sits in a table, whose passages come after the body.
  assert.deepEqual(
    r.notes.map((n) => n.marker).sort((a, b) => parseInt(a) - parseInt(b)),
    ["1)", "2)", "3)", "4)", "5)", "6)", "7)", "8)", "9)"],
  );
  for (const n of r.notes) {
    assert.equal(n.kind, "footnote");
    assert.equal(r.paragraphs[n.paragraph].slice(n.offset - n.marker.length, n.offset), n.marker);
    assert.ok(n.text.length > 0 && n.text === n.text.trim());
  }
  const first = r.notes[0];
  assert.equal(first.text, "플라스틱 액체란");
  assert.ok(r.paragraphs[first.paragraph].startsWith("플라스틱 액체1)와"));
  assert.equal(r.notes[1].text, "3D 프린팅은 플라스틱 액체와 같은 원료");
  // The note's text is not in the running text.
  assert.ok(!r.paragraphs.some((p) => p.includes("플라스틱 액체란")));
  // Without notes, neither markers nor notes.
  const bare = hwp("hwp02_footnote-01-3dprinting.hwp", { footnotes: false });
  assert.equal(bare.notes.length, 0);
  assert.ok(bare.paragraphs.some((p) => p.startsWith("플라스틱 액체와 같은 원료")));
});

test("table cells come after the body as passages of their own, or are left out", () => {
  const kept = hwp("hwp02_footnote-01-3dprinting.hwp");
  const skipped = hwp("hwp02_footnote-01-3dprinting.hwp", { tables: "skip" });
  assert.equal(kept.layout.tables, 4);
  assert.equal(kept.layout.tablesKept, true);
  assert.equal(skipped.layout.tablesKept, false);
  // The body is the same either way, and comes first.
  assert.deepEqual(kept.paragraphs.slice(0, skipped.paragraphs.length), skipped.paragraphs);
  const cells = kept.paragraphs.slice(skipped.paragraphs.length);
  // The title and the section headings of this report are boxed in tables.
  assert.ok(cells.includes("3D 프린팅 기술의 등장과"));
  assert.ok(cells.includes("3D 프린팅 기술의 등장"));
  assert.ok(!skipped.paragraphs.some((p) => p.includes("3D 프린팅 기술의 등장과")));
  // A footnote inside a table keeps its number in document order and points into the cell's passage.
  const inTable = kept.notes.find((n) => n.text === "표안의 각주")!;
  assert.equal(inTable.marker, "3)");
  assert.ok(inTable.paragraph >= skipped.paragraphs.length);
  assert.ok(kept.paragraphs[inTable.paragraph].startsWith("기술발전에 따른 예상되는 사회적 변화3)와 문제점"));
  assert.equal(skipped.notes.length, 8);
});

test("protected documents are refused with their reason, never imported as Hancom's notice", async () => {
  const notice = /배포용 문서입니다|상위 버전/;
  for (const [name, key, message] of [
    ["special03_distribution-protected_kwater-bonghwa-press.hwp", "import:hwpDistribution", /is a distribution document/],
    ["special04_password-protected_pw-12345.hwp", "import:hwpPassword", /is protected by a password/],
  ] as const) {
    await assert.rejects(
      importText(name, source(name)),
      (e: unknown) => e instanceof DariError && e.key === key && message.test(e.message) && e.message.includes(name) && !notice.test(e.message),
    );
  }
});

/** A FOOTNOTE_SHAPE record: attributes, user symbol, prefix, suffix, start number. */
function noteShape(prefix: string, suffix: string): RecordSpec {
  const data = new Uint8Array(28);
  const view = new DataView(data.buffer);
  view.setUint16(6, prefix.charCodeAt(0) || 0, true);
  view.setUint16(8, suffix.charCodeAt(0) || 0, true);
  view.setUint16(10, 1, true);
  return { tag: TAG.FOOTNOTE_SHAPE, data };
}

test("a made HWP: footnotes, endnotes, tables, headers and footers, text boxes, char controls, uncompressed or not", () => {
  const note = (code: number, id: string, text: string) => ({ code, id, body: list(paragraph({ code: 18, id: "atno" }, ` ${text}`)) });
  const section = [
    paragraph({ code: 2, id: "secd", body: [noteShape("", ")"), noteShape("[", "]")] }, { code: 16, id: "head", body: list(paragraph("한국학연구원 연구총서")) }, "머리말"),
    paragraph("성리학", note(17, "fn  ", "주희의 학문을 이른다."), "은 조선의사상", { code: 9, id: "    " }, "체계", 10, "였다."),
    paragraph({ code: 11, id: "tbl ", body: [{ tag: TAG.TABLE, data: new Uint8Array(24) }, ...list(paragraph("구분")), ...list(paragraph("내용", note(17, "fn  ", "표 안의 주석")))] }),
    paragraph("끝 문단", note(17, "en  ", "미주입니다."), { code: 11, id: "gso ", body: [{ tag: TAG.SHAPE_COMPONENT, data: new Uint8Array(8), children: list(paragraph("글상자 글")) }] }),
    paragraph({ code: 16, id: "foot", body: list(paragraph("- 1 -")) }),
  ];
  for (const flags of [0x0, 0x1]) {
    const bytes = hwpFile([section], flags);
    const r = hwpText("made.hwp", bytes);
    assert.deepEqual(r.paragraphs, ["머리말", "성리학1)은 조선의사상 체계 였다.", "끝 문단[1]", "구분", "내용2)", "글상자 글"], `flags ${flags}`);
    assert.deepEqual(r.notes, [
      { paragraph: 1, offset: 5, marker: "1)", text: "주희의 학문을 이른다.", kind: "footnote" },
      { paragraph: 2, offset: 7, marker: "[1]", text: "미주입니다.", kind: "endnote" },
      { paragraph: 4, offset: 4, marker: "2)", text: "표 안의 주석", kind: "footnote" },
    ]);
    assert.deepEqual(r.layout, { footnotes: 3, tables: 1, tablesKept: true, headersRemoved: 2 });
    // Kept headers and footers are passages after the body, never running text.
    const kept = hwpText("made.hwp", bytes, { removeHeaders: false, tables: "skip" });
    assert.deepEqual(kept.paragraphs, ["머리말", "성리학1)은 조선의사상 체계 였다.", "끝 문단[1]", "한국학연구원 연구총서", "- 1 -"]);
    assert.equal(kept.layout.headersRemoved, 0);
  }
});

/** A copy of hwp02 with one stream replaced. */
function withStream(path: string, content: Uint8Array): Uint8Array {
  const container = CFB.read(source("hwp02_footnote-01-3dprinting.hwp"), { type: "array" });
  const entry = container.FileIndex[container.FullPaths.findIndex((p) => p.endsWith(path))];
  entry.content = content;
  entry.size = content.length;
  return new Uint8Array(CFB.write(container, { type: "array" }) as number[]);
}

test("a damaged HWP names the file and what is wrong", () => {
  const section = inflateSync(Uint8Array.from(CFB.find(CFB.read(source("hwp02_footnote-01-3dprinting.hwp"), { type: "array" }), "Root Entry/BodyText/Section0")!.content));
  const cases: [string, Uint8Array, RegExp][] = [
    ["garbled.hwp", withStream("BodyText/Section0", new Uint8Array(300).fill(0xff)), /garbled\.hwp is damaged: the stream BodyText\/Section0 cannot be decompressed/],
    ["cut.hwp", withStream("BodyText/Section0", deflateSync(section.subarray(0, 1001))), /cut\.hwp is damaged: the records of the stream BodyText\/Section0 break off at byte \d+/],
    ["noheader.hwp", withStream("FileHeader", new Uint8Array(8)), /noheader\.hwp is damaged: its part FileHeader is missing/],
    ["halved.hwp", source("hwp02_footnote-01-3dprinting.hwp").subarray(0, 2048), /halved\.hwp is damaged or is not a Hangul document/],
    ["text.hwp", new TextEncoder().encode("이것은 한글 문서가 아닙니다"), /text\.hwp is damaged or is not a Hangul document/],
    ["old.hwp", new TextEncoder().encode("HWP Document File V3.00 \x1a\x01\x02\x03\x04\x05"), /old\.hwp is an HWP 3\.0 document/],
  ];
  for (const [name, bytes, message] of cases) assert.throws(() => hwpText(name, bytes), (e: unknown) => e instanceof DariError && message.test(e.message), name);
});

test("randomly damaged HWP and HWPX files give a result or a DariError, never a crash", async () => {
  // A fixed seed, so a failure can be replayed.
  let seed = 12345;
  const random = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  for (const name of ["hwp02_footnote-01-3dprinting.hwp", "hwpx03_footnote-01-3dprinting.hwpx"]) {
    const original = source(name);
    const outcomes = new Set<string>();
    for (let k = 0; k < 150; k++) {
      const bytes = original.slice();
      for (let i = 1 + Math.floor(random() * 20); i > 0; i--) bytes[Math.floor(random() * bytes.length)] = Math.floor(random() * 256);
      try {
        await importText(name, random() < 0.2 ? bytes.subarray(0, Math.floor(random() * bytes.length)) : bytes);
        outcomes.add("read");
      } catch (e) {
        assert.ok(e instanceof DariError, `${name}, damage ${k}: ${(e as Error).stack}`);
        assert.ok(e.message.includes(name), e.message);
        outcomes.add(e.key);
      }
    }
    // Both damage that is survived and damage that is reported were met.
    assert.ok(outcomes.has("read") && outcomes.size > 2, `${name}: ${[...outcomes].join(", ")}`);
  }
});

test("importParagraphs reads .hwp as the body and table passages, paragraph for paragraph", async () => {
  const name = "hwp02_footnote-01-3dprinting.hwp";
  const r = await importParagraphs(name, source(name));
  assert.equal(r.format, "hwp");
  assert.deepEqual(r.paragraphs, hwp(name).paragraphs);
  const t = await importText(name, source(name), { tables: "skip" });
  assert.equal(t.notes?.length, 8);
  assert.deepEqual(t.layout, { footnotes: 9, tables: 4, tablesKept: false, headersRemoved: 0 });
});
