// Bytes of a text file to text. Analysts' Korean files come as UTF-8, as
// UTF-16 from Windows tools, or in the legacy EUC-KR / CP949 encoding. A
// byte-order mark decides first, then strict UTF-8, then CP949 (a superset of
// EUC-KR, decoded by iconv-lite: Node's ICU "euc-kr" decoder lacks CP949's 8,822
// extra syllables such as 똠). Files that are not text at all (NUL
// bytes, control characters, PDF/ZIP/image signatures) or that no decoder
// accepts are refused with a message naming the file, never half-decoded.
import iconv from "iconv-lite";
import { DariError } from "../errors";

// TextDecoder is in every runtime Dari uses (Node, Chromium) but in no lib of
// app/'s pure tsconfig; this is the part used here.
interface Decoder {
  decode(input: Uint8Array): string;
}
declare const TextDecoder: { new (label: string, options?: { fatal?: boolean; ignoreBOM?: boolean }): Decoder };

/** "euc-kr" stands for EUC-KR and its superset CP949 (what Windows calls ks_c_5601-1987). */
export type TextEncoding = "utf-8" | "utf-16le" | "utf-16be" | "euc-kr";

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
}

// Signatures of common binary formats someone may pick by mistake.
const SIGNATURES: { bytes: number[]; kind: string }[] = [
  { bytes: [0x25, 0x50, 0x44, 0x46], kind: "PDF" }, // %PDF
  { bytes: [0x50, 0x4b, 0x03, 0x04], kind: "ZIP" }, // also .docx/.hwpx
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], kind: "OLE" }, // .doc, .hwp, .xls
  { bytes: [0x89, 0x50, 0x4e, 0x47], kind: "PNG" },
  { bytes: [0xff, 0xd8, 0xff], kind: "JPEG" },
  { bytes: [0x47, 0x49, 0x46, 0x38], kind: "GIF" },
  { bytes: [0x7f, 0x45, 0x4c, 0x46], kind: "ELF" },
  { bytes: [0x1f, 0x8b], kind: "GZIP" },
];

function startsWith(bytes: Uint8Array, sig: number[]): boolean {
  return sig.length <= bytes.length && sig.every((b, i) => bytes[i] === b);
}

function tryDecode(bytes: Uint8Array, label: "utf-8" | "utf-16le" | "utf-16be"): string | null {
  try {
    return new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** UTF-16 without a byte-order mark shows as NUL in every other byte of its ASCII. */
function guessUtf16(bytes: Uint8Array): "utf-16le" | "utf-16be" | null {
  const n = Math.min(bytes.length - (bytes.length % 2), 4096);
  if (n < 4) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero / pairs > 0.3 && evenZero / pairs < 0.05) return "utf-16le";
  if (evenZero / pairs > 0.3 && oddZero / pairs < 0.05) return "utf-16be";
  return null;
}

/**
 * Korean UTF-16 without a byte-order mark has few NUL bytes (only its spaces
 * and ASCII), so the guess above misses it. Read as 16-bit units, it is
 * almost all Hangul syllables (U+AC00–D7A3), jamo, CJK and general
 * punctuation, full-width forms and ASCII: a UTF-8 or CP949 file read that
 * way is not (its bytes pair up into other blocks).
 */
function guessKoreanUtf16(bytes: Uint8Array): "utf-16le" | "utf-16be" | null {
  const n = Math.min(bytes.length - (bytes.length % 2), 8192);
  if (n < 8) return null;
  const judge = (hiAt: 0 | 1) => {
    let plausible = 0;
    let hangul = 0;
    for (let i = 0; i < n; i += 2) {
      const hi = bytes[i + hiAt];
      const lo = bytes[i + 1 - hiAt];
      if (hi >= 0xac && hi <= 0xd7) {
        hangul++;
        plausible++;
      } else if (hi === 0 ? lo >= 0x20 || lo === 9 || lo === 10 || lo === 13 : hi === 0x11 || hi === 0x20 || hi === 0x30 || hi === 0x31 || hi === 0xff) plausible++;
    }
    const units = n / 2;
    return plausible / units >= 0.95 && hangul / units >= 0.3;
  };
  if (judge(1)) return "utf-16le";
  if (judge(0)) return "utf-16be";
  return null;
}

/** Control characters that never occur in a text file (tab, line breaks, form feed and ESC do). */
function looksBinary(text: string): boolean {
  let controls = 0;
  const n = Math.min(text.length, 65536);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) return true;
    if ((c < 0x20 && c !== 9 && c !== 10 && c !== 11 && c !== 12 && c !== 13 && c !== 0x1b) || c === 0x7f) controls++;
  }
  return controls > Math.max(2, n * 0.01);
}

/** Share of Hangul syllables among the non-ASCII characters: CP949 mis-reads of other encodings have little. */
function hangulShareOfNonAscii(text: string): number {
  let nonAscii = 0;
  let hangul = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    nonAscii++;
    if (c >= 0xac00 && c <= 0xd7a3) hangul++;
  }
  return nonAscii ? hangul / nonAscii : 1;
}

/**
 * Decodes a text file. `fileName` names the file in error messages.
 * Throws DariError "import:empty", "import:binary" or "import:undecodable".
 */
export function decodeText(fileName: string, bytes: Uint8Array): DecodedText {
  const file = fileName;
  if (bytes.length === 0) throw new DariError("import:empty", { file });
  let result: DecodedText | null = null;
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    const text = tryDecode(bytes, "utf-8");
    if (text === null) throw new DariError("import:undecodable", { file, encoding: "UTF-8" });
    result = { text, encoding: "utf-8" };
  } else if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    const encoding = bytes[0] === 0xff ? "utf-16le" : "utf-16be";
    const text = tryDecode(bytes, encoding);
    if (text === null) throw new DariError("import:undecodable", { file, encoding: encoding.toUpperCase() });
    result = { text, encoding };
  } else {
    const sig = SIGNATURES.find((s) => startsWith(bytes, s.bytes));
    if (sig) throw new DariError("import:binary", { file, kind: sig.kind });
    const utf16 = guessUtf16(bytes) ?? guessKoreanUtf16(bytes);
    if (utf16) {
      const text = tryDecode(bytes, utf16);
      if (text !== null) result = { text, encoding: utf16 };
    }
    if (!result && bytes.includes(0)) throw new DariError("import:binary", { file, kind: "binary" });
    if (!result) {
      const utf8 = tryDecode(bytes, "utf-8");
      if (utf8 !== null) result = { text: utf8, encoding: "utf-8" };
    }
    if (!result) {
      const cp949 = iconv.decode(bytes, "cp949");
      // iconv-lite marks undecodable bytes with U+FFFD (the UTF-8 attempt already failed, so none is genuine).
      if (!cp949.includes("\ufffd") && hangulShareOfNonAscii(cp949) >= 0.5) result = { text: cp949, encoding: "euc-kr" };
    }
    if (!result) throw new DariError("import:undecodable", { file, encoding: "UTF-8, UTF-16, EUC-KR/CP949" });
  }
  // TextDecoder drops the BOM itself; drop one that survived a BOM-less guess.
  const text = result.text.charCodeAt(0) === 0xfeff ? result.text.slice(1) : result.text;
  if (looksBinary(text)) throw new DariError("import:binary", { file, kind: "binary" });
  if (!/[^\s\u00a0\u3000\ufeff]/.test(text)) throw new DariError("import:empty", { file });
  return { text, encoding: result.encoding };
}
