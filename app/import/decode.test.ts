import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { decodeText } from "./decode";
import { DariError } from "../errors";
import { errorOf } from "../../test/support";
import { corpus } from "../../test/support";

const koText = corpus("commentary.ko.txt");

/** Bytes in a legacy encoding, made by the system's iconv (an encoder independent of ours). */
function iconv(text: string, to: string): Uint8Array {
  return new Uint8Array(execFileSync("iconv", ["-f", "UTF-8", "-t", to], { input: text }));
}

function utf16(text: string, bigEndian: boolean, bom: boolean): Uint8Array {
  const le = Buffer.from((bom ? "\ufeff" : "") + text, "utf16le");
  if (bigEndian) le.swap16();
  return new Uint8Array(le);
}


test("UTF-8 with and without a BOM decodes to the same text", () => {
  const plain = decodeText("a.txt", new TextEncoder().encode(koText));
  assert.deepEqual(plain, { text: koText, encoding: "utf-8" });
  const bom = decodeText("a.txt", new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(koText)]));
  assert.deepEqual(bom, { text: koText, encoding: "utf-8" });
});

test("UTF-16 little and big endian, with a BOM or without", () => {
  assert.deepEqual(decodeText("a.txt", utf16(koText, false, true)), { text: koText, encoding: "utf-16le" });
  assert.deepEqual(decodeText("a.txt", utf16(koText, true, true)), { text: koText, encoding: "utf-16be" });
  // Without a BOM, the NUL high bytes of ASCII (spaces, digits, punctuation) give it away.
  const en = corpus("commentary.en.txt");
  assert.deepEqual(decodeText("a.txt", utf16(en, false, false)), { text: en, encoding: "utf-16le" });
  assert.deepEqual(decodeText("a.txt", utf16(en, true, false)), { text: en, encoding: "utf-16be" });
});

test("Korean UTF-16 without a BOM is recognised too, though it has few NUL bytes", () => {
  assert.deepEqual(decodeText("a.txt", utf16(koText, false, false)), { text: koText, encoding: "utf-16le" });
  assert.deepEqual(decodeText("a.txt", utf16(koText, true, false)), { text: koText, encoding: "utf-16be" });
  // Without a single space or ASCII character: no NUL byte at all.
  const dense = "북러정상회담과우주협력。러시아는북한의위성발사를돕겠다고했다。";
  assert.deepEqual(decodeText("a.txt", utf16(dense, false, false)), { text: dense, encoding: "utf-16le" });
  assert.deepEqual(decodeText("a.txt", utf16(dense, true, false)), { text: dense, encoding: "utf-16be" });
  // The same text in UTF-8 and in CP949 is still read as what it is.
  assert.equal(decodeText("a.txt", new TextEncoder().encode(dense)).encoding, "utf-8");
  assert.deepEqual(decodeText("legacy.txt", iconv(koText, "CP949")), { text: koText, encoding: "euc-kr" });
});

test("legacy Korean EUC-KR and CP949 files are detected and decoded", () => {
  assert.deepEqual(decodeText("legacy.txt", iconv(koText, "EUC-KR")), { text: koText, encoding: "euc-kr" });
  // 똠 is outside EUC-KR (KS X 1001) and only in Microsoft's CP949 extension.
  const extended = "똠방각하는 1980년대 소설이다. 똠방각하!";
  assert.deepEqual(decodeText("cp949.txt", iconv(extended, "CP949")), { text: extended, encoding: "euc-kr" });
});

test("an empty file, or one of white space only, is refused naming the file", () => {
  for (const bytes of [new Uint8Array(0), new Uint8Array([0xef, 0xbb, 0xbf]), new TextEncoder().encode(" \r\n\t\u3000\n")]) {
    const e = errorOf(() => decodeText("빈파일.txt", bytes));
    assert.equal(e.key, "import:empty");
    assert.match(e.message, /빈파일\.txt is empty/);
  }
});

test("binary files are refused: PDF, Word, images, NUL bytes, control characters", () => {
  const pdf = new TextEncoder().encode("%PDF-1.7\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog >>\nendobj\n");
  assert.match(errorOf(() => decodeText("commentary.txt", pdf)).message, /commentary\.txt is not a text file \(PDF data\)/);
  const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]);
  assert.equal(errorOf(() => decodeText("a.txt", zip)).params.kind, "ZIP");
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
  assert.equal(errorOf(() => decodeText("a.txt", png)).key, "import:binary");
  const withNul = new Uint8Array([...new TextEncoder().encode("북러 정상회담"), 0, 1, 2, 3, 0xff, 0, 0x10]);
  assert.equal(errorOf(() => decodeText("a.txt", withNul)).key, "import:binary");
  const controls = new TextEncoder().encode("abc\x01\x02\x03\x04\x05\x06def\x07\x08\x0e\x0f");
  assert.equal(errorOf(() => decodeText("a.txt", controls)).key, "import:binary");
});

test("bytes no decoder accepts are refused, never half-decoded", () => {
  // Latin-1 French: neither UTF-8 nor CP949.
  const latin1 = iconv("Le café crème était très bon à Genève.", "ISO-8859-1");
  const e = errorOf(() => decodeText("french.txt", latin1));
  assert.equal(e.key, "import:undecodable");
  assert.match(e.message, /french\.txt is not in an encoding Dari can read/);
  // Japanese Shift-JIS decodes as CP949 byte pairs but gives no Hangul: refused too.
  const sjis = iconv("日本語の文章です。ロシアと北朝鮮の首脳会談について。", "SHIFT_JIS");
  assert.equal(errorOf(() => decodeText("ja.txt", sjis)).key, "import:undecodable");
  // A UTF-16 file with a broken surrogate.
  const broken = new Uint8Array([0xff, 0xfe, 0x41, 0x00, 0x00, 0xd8, 0x41, 0x00]);
  assert.equal(errorOf(() => decodeText("a.txt", broken)).key, "import:undecodable");
});
