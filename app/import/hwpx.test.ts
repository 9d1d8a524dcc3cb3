// HWPX import: the real documents of ../shared/sources (their opening text,
// and the HWP and HWPX of one document importing to the same paragraphs and
// notes), then small HWPX files made here for one rule each: the section
// order of content.hpf, footnotes, tables, headers, text boxes, and the
// refusals (DOCTYPE, broken XML, not a zip, a password, a missing part).
import { test } from "node:test";
import assert from "node:assert/strict";
import { strToU8, zipSync } from "fflate";
import { hwpxText } from "./hwpx";
import { hwpText } from "./hwp";
import { importParagraphs } from "./index";
import { DariError } from "../errors";
import { source, assertOpening } from "../../test/sources";

test("each HWPX of the sources opens with the text PROVENANCE.md gives", () => {
  const body = (name: string) => hwpxText(name, source(name), { tables: "skip" }).paragraphs;
  // hwpx01: the two <hp:t> texts PROVENANCE.md quotes are the first items of the first two sub-headings.
  const act = body("hwpx01_data-admin-act-amendment-reasons.hwpx");
  const first = act.indexOf("○ 데이터기반행정 활성화 및 범국가적 데이터 공유 체계 구축을 위해 ‘공유데이터’ 개념을 도입하여 공공기관 간 칸막이 현상을 해소하고 데이터의 공유를 원활하게 하고자 함");
  const second = act.indexOf("○ (제1호의2) 공공기관이 생성하거나 취득하여 관리하는 데이터를 공공기관간 연계하여 활용할 수 있도록 전자적 방법으로 처리·가공한 데이터를 공유데이터로 정의함");
  assert.ok(first >= 0 && first < 5 && second > first, `hwpx01 opens with:\n${act.slice(0, 6).join("\n")}`);
  assertOpening(body("hwpx02_unification-lecture-press-2024.hwpx"), ["□ 고영환 국립통일교육원장은 6. 25.(화) 캠프 험프리스에서 한미연합사 소속 한미 장병을 대상으로 북한 실상에 관한 특강을 실시합니다.", "o 한미연합사 간부들을 포함한 100여 명이 직접 참여하며, 대부분 장병들은 실시간 온라인 접속을 통해 강의를 듣게 됩니다."], "hwpx02");
  assertOpening(body("hwpx03_footnote-01-3dprinting.hwpx"), ["플라스틱 액체1)와 같은 원료를 사출해 3차원 모양의 고체 물질을 자유롭게 찍어내는 기술", "산업용 샘플을 찍어내던 것에서 발전해 시계, 신발, 휴대전화 케이스, 자동차 부속품까지 출력"], "hwpx03");
  assertOpening(body("hwpx04_fdi-2024q1-press.hwpx"), ["2024년 1분기(1~3월) 해외직접투자액은 총투자액 기준 150.9억 달러로", "전년 동기(176.8억 달러) 대비 14.6% 하락하였다."], "hwpx04");
});

test("the HWP and the HWPX of one document import to the same paragraphs and notes", () => {
  for (const [hwp, hwpx] of [
    ["hwp02_footnote-01-3dprinting.hwp", "hwpx03_footnote-01-3dprinting.hwpx"],
    ["hwp01_fdi-2024q1-press.hwp", "hwpx04_fdi-2024q1-press.hwpx"],
  ]) {
    for (const options of [{}, { tables: "skip" as const }, { footnotes: false }]) {
      const a = hwpText(hwp, source(hwp), options);
      const b = hwpxText(hwpx, source(hwpx), options);
      assert.ok(a.paragraphs.length > 20, hwp);
      assert.deepEqual(b.paragraphs, a.paragraphs, `${hwpx} and ${hwp} with ${JSON.stringify(options)}`);
      assert.deepEqual(b.notes, a.notes, `${hwpx} and ${hwp}: notes`);
      assert.deepEqual(b.layout, a.layout, `${hwpx} and ${hwp}: layout`);
    }
  }
  // hwpx03's footnote text has a leading space in the XML (" 플라스틱 액체란"); the note has none.
  assert.equal(hwpxText("hwpx03.hwpx", source("hwpx03_footnote-01-3dprinting.hwpx")).notes[0].text, "플라스틱 액체란");
});

// --- Small HWPX files made here ---

const NS = 'xmlns:hp="http://www.hancom.co.kr/hwpml/2011/paragraph" xmlns:hs="http://www.hancom.co.kr/hwpml/2011/section"';
const p = (inner: string) => `<hp:p><hp:run>${inner}</hp:run></hp:p>`;
const t = (s: string) => `<hp:t>${s}</hp:t>`;
const section = (paragraphs: string, prolog = "") => `<?xml version="1.0" encoding="UTF-8"?>${prolog}<hs:sec ${NS}>${paragraphs}</hs:sec>`;
const hpf = (spine: string[]) =>
  `<?xml version="1.0" encoding="UTF-8"?><opf:package xmlns:opf="http://www.idpf.org/2007/opf/"><opf:manifest><opf:item id="header" href="Contents/header.xml"/>${spine
    .map((s) => `<opf:item id="${s}" href="Contents/${s}.xml"/>`)
    .join("")}</opf:manifest><opf:spine><opf:itemref idref="header"/>${spine.map((s) => `<opf:itemref idref="${s}"/>`).join("")}</opf:spine></opf:package>`;

function hwpx(parts: Record<string, string>): Uint8Array {
  return zipSync(Object.fromEntries([["mimetype", strToU8("application/hwp+zip")], ...Object.entries(parts).map(([k, v]) => [k, strToU8(v)])]));
}

test("sections are read in the order content.hpf gives, not by file name", () => {
  const file = hwpx({
    "Contents/content.hpf": hpf(["section1", "section0"]),
    "Contents/section0.xml": section(p(t("둘째 구역입니다."))),
    "Contents/section1.xml": section(p(t("첫째 구역입니다."))),
  });
  assert.deepEqual(hwpxText("order.hwpx", file).paragraphs, ["첫째 구역입니다.", "둘째 구역입니다."]);
});

test("footnotes, endnotes, tables, headers, text boxes and inline characters", () => {
  const secPr = `<hp:secPr><hp:footNotePr><hp:autoNumFormat type="DIGIT" prefixChar="" suffixChar=")"/><hp:numbering type="CONTINUOUS" newNum="1"/></hp:footNotePr><hp:endNotePr><hp:autoNumFormat type="ROMAN_SMALL" prefixChar="[" suffixChar="]"/><hp:numbering newNum="1"/></hp:endNotePr></hp:secPr>`;
  const note = (kind: string, text: string) => `<hp:ctrl><hp:${kind}><hp:subList>${p(`<hp:ctrl><hp:autoNum num="1"/></hp:ctrl>${t(` ${text}`)}`)}</hp:subList></hp:${kind}></hp:ctrl>`;
  const doc = section(
    [
      p(`${secPr}<hp:ctrl><hp:header><hp:subList>${p(t("한국학연구원 연구총서"))}</hp:subList></hp:header></hp:ctrl>${t("머리말")}`),
      p(`${t("성리학")}${note("footNote", "주희의 학문을 이른다.")}${t("은 조선의")}<hp:t>사상<hp:tab/>체계<hp:lineBreak/>였다.</hp:t>`),
      p(`<hp:tbl><hp:tr><hp:tc><hp:subList>${p(t("구분"))}</hp:subList></hp:tc><hp:tc><hp:subList>${p(`${t("내용")}${note("footNote", "표 안의 주석")}`)}</hp:subList></hp:tc></hp:tr></hp:tbl>`),
      p(`${t("끝 문단")}${note("endNote", "미주입니다.")}<hp:rect><hp:shapeComment>사각형입니다.</hp:shapeComment><hp:drawText><hp:subList>${p(t("글상자 글"))}</hp:subList></hp:drawText></hp:rect>`),
      p(`<hp:ctrl><hp:footer><hp:subList>${p(t("- 1 -"))}</hp:subList></hp:footer></hp:ctrl>`),
    ].join(""),
  );
  const r = hwpxText("notes.hwpx", hwpx({ "Contents/content.hpf": hpf(["section0"]), "Contents/section0.xml": doc }));
  assert.deepEqual(r.paragraphs, ["머리말", "성리학1)은 조선의사상 체계 였다.", "끝 문단[1]", "구분", "내용2)", "글상자 글"]);
  assert.deepEqual(r.notes, [
    { paragraph: 1, offset: 5, marker: "1)", text: "주희의 학문을 이른다.", kind: "footnote" },
    { paragraph: 2, offset: 7, marker: "[1]", text: "미주입니다.", kind: "endnote" },
    { paragraph: 4, offset: 4, marker: "2)", text: "표 안의 주석", kind: "footnote" },
  ]);
  assert.deepEqual(r.layout, { footnotes: 3, tables: 1, tablesKept: true, headersRemoved: 2 });
  const skipped = hwpxText("notes.hwpx", hwpx({ "Contents/section0.xml": doc }), { tables: "skip" });
  assert.deepEqual(skipped.paragraphs, ["머리말", "성리학1)은 조선의사상 체계 였다.", "끝 문단[1]"]);
  const kept = hwpxText("notes.hwpx", hwpx({ "Contents/section0.xml": doc }), { tables: "skip", removeHeaders: false });
  assert.deepEqual(kept.paragraphs, ["머리말", "성리학1)은 조선의사상 체계 였다.", "끝 문단[1]", "한국학연구원 연구총서", "- 1 -"]);
  assert.equal(kept.layout.headersRemoved, 0);
});

test("a damaged or protected HWPX is refused, naming the file and the part", async () => {
  const good = (xml: string) => hwpx({ "Contents/content.hpf": hpf(["section0"]), "Contents/section0.xml": xml });
  const cases: [string, Uint8Array, string, RegExp][] = [
    ["bomb.hwpx", good(section(p(t("&lol;")), '<!DOCTYPE hs:sec [<!ENTITY lol "lol">]>')), "export:interchange.doctype", /bomb\.hwpx › Contents\/section0\.xml: the file declares entities in its DOCTYPE/],
    ["broken.hwpx", good(section(p("<hp:t>열린 태그"))), "export:interchange.notXml", /broken\.hwpx › Contents\/section0\.xml: not well-formed XML: .*line 1/],
    ["entity.hwpx", good(section(p(t("&nbsp;")))), "export:interchange.notXml", /entity\.hwpx › Contents\/section0\.xml: not well-formed XML/],
    ["deep.hwpx", good(section(`${"<hp:p>".repeat(5000)}${"</hp:p>".repeat(5000)}`)), "export:interchange.notXml", /deep\.hwpx › Contents\/section0\.xml: not well-formed XML: elements nested more than 512 deep/],
    ["notzip.hwpx", new TextEncoder().encode("한글 문서가 아닙니다"), "import:hwpxNotZip", /notzip\.hwpx is damaged or is not an HWPX document/],
    ["missing.hwpx", hwpx({ "Contents/content.hpf": hpf(["section0", "section1"]), "Contents/section0.xml": section(p(t("가"))) }), "import:hwpMissing", /missing\.hwpx is damaged: its part Contents\/section1\.xml is missing/],
    ["empty.hwpx", hwpx({ "version.xml": "<v/>" }), "import:hwpMissing", /empty\.hwpx is damaged: its part Contents\/section0\.xml is missing/],
    [
      "locked.hwpx",
      hwpx({ "META-INF/manifest.xml": '<odf:manifest xmlns:odf="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><odf:file-entry odf:full-path="Contents/section0.xml"><odf:encryption-data/></odf:file-entry></odf:manifest>', "Contents/section0.xml": "\u0001\u0002" }),
      "import:hwpPassword",
      /locked\.hwpx is protected by a password/,
    ],
  ];
  for (const [name, bytes, key, message] of cases) {
    await assert.rejects(importParagraphs(name, bytes), (e: unknown) => e instanceof DariError && e.key === key && message.test(e.message), name);
  }
});

test("a DOCTYPE that only names a DTD is read; one that declares entities, or refers to a parameter entity, is refused", () => {
  const doc = (prolog: string) => hwpx({ "Contents/content.hpf": hpf(["section0"]), "Contents/section0.xml": section(p(t("우주 협력")), prolog) });
  assert.deepEqual(hwpxText("named.hwpx", doc('<!DOCTYPE hs:sec SYSTEM "section.dtd">')).paragraphs, ["우주 협력"]);
  for (const prolog of ['<!DOCTYPE hs:sec [<!ENTITY x "y">]>', '<!DOCTYPE hs:sec [%pe;]>']) {
    assert.throws(() => hwpxText("bad.hwpx", doc(prolog)), (e: DariError) => e.key === "export:interchange.doctype", prolog);
  }
});
