// The record walk and the paragraph-text decoding of HWP 5.0, on bytes made
// here to Hancom's published layout, so each rule is seen on its own: the
// 12-bit size and its 32-bit escape, the level tree, a record cut off, and
// the three kinds of control characters.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readRecords, paraTextPieces, RecordError, TAG, ctrlIdAt } from "./hwp-records";

/** One record: header (tag, level, size; 0xFFF and a 32-bit size for large ones) and data. */
function record(tag: number, level: number, data: Uint8Array, forceLong = false): Uint8Array {
  const long = forceLong || data.length >= 0xfff;
  const out = new Uint8Array(4 + (long ? 4 : 0) + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, (tag | (level << 10) | ((long ? 0xfff : data.length) << 20)) >>> 0, true);
  if (long) view.setUint32(4, data.length, true);
  out.set(data, long ? 8 : 4);
  return out;
}

const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

/** UTF-16LE code units. */
const units = (...codes: number[]) => {
  const out = new Uint8Array(codes.length * 2);
  codes.forEach((c, i) => {
    out[2 * i] = c & 0xff;
    out[2 * i + 1] = c >> 8;
  });
  return out;
};
const text = (s: string) => units(...[...s].map((c) => c.charCodeAt(0)));

/** An extended or inline control: the code, a four-letter id as Hancom stores it, 8 more bytes, the code again. */
function control(code: number, id = "    "): Uint8Array {
  // The id is a 32-bit number of the letters, big-endian, stored little-endian: "fn  " as the bytes "  nf".
  const idUnits = [id.charCodeAt(3) | (id.charCodeAt(2) << 8), id.charCodeAt(1) | (id.charCodeAt(0) << 8)];
  return units(code, idUnits[0], idUnits[1], 0, 0, 0, 0, code);
}

test("records become a tree by level, with the long-size escape", () => {
  const big = new Uint8Array(5000).fill(7);
  const bytes = concat(
    record(TAG.PARA_HEADER, 0, new Uint8Array(22)),
    record(TAG.PARA_TEXT, 1, text("가나")),
    record(TAG.CTRL_HEADER, 1, new Uint8Array([0x20, 0x20, 0x6e, 0x66])),
    record(TAG.LIST_HEADER, 2, new Uint8Array(16)),
    record(TAG.PARA_HEADER, 2, big),
    record(TAG.PARA_HEADER, 0, new Uint8Array(3), true),
  );
  const roots = readRecords(bytes);
  assert.deepEqual(
    roots.map((r) => r.tag),
    [TAG.PARA_HEADER, TAG.PARA_HEADER],
  );
  const [first, second] = roots;
  assert.deepEqual(
    first.children.map((r) => r.tag),
    [TAG.PARA_TEXT, TAG.CTRL_HEADER],
  );
  assert.equal(ctrlIdAt(first.children[1].data, 0), "fn  ");
  assert.deepEqual(
    first.children[1].children.map((r) => [r.tag, r.data.length]),
    [
      [TAG.LIST_HEADER, 16],
      [TAG.PARA_HEADER, 5000],
    ],
  );
  assert.equal(second.data.length, 3);
  assert.equal(second.offset, bytes.length - 8 - 3);
});

test("a record cut off, a size cut off, or a level without a parent is an error with its offset", () => {
  const good = record(TAG.PARA_HEADER, 0, new Uint8Array(22));
  const cut = record(TAG.PARA_TEXT, 1, text("가나다")).subarray(0, 7);
  assert.throws(
    () => readRecords(concat(good, cut)),
    (e: unknown) => e instanceof RecordError && e.offset === good.length && /claims 6 bytes/.test(e.message),
  );
  assert.throws(
    () => readRecords(concat(good, new Uint8Array([0x43, 0x04, 0xf0, 0xff, 1]))),
    (e: unknown) => e instanceof RecordError && /size is cut off/.test(e.message),
  );
  assert.throws(
    () => readRecords(record(TAG.PARA_TEXT, 2, text("가"))),
    (e: unknown) => e instanceof RecordError && /no parent/.test(e.message) && e.offset === 0,
  );
  assert.throws(() => readRecords(new Uint8Array([1, 2])), RecordError);
});

test("paragraph text: char controls are one unit, inline and extended controls eight", () => {
  const data = concat(
    text("법률"),
    control(17, "fn  "), // footnote: extended, names its control
    text("의"),
    control(9), // tab: inline, a space
    text("개정"),
    units(10), // line break: char
    text("안"),
    units(30), // non-breaking space
    text("A"),
    units(24), // hyphen
    text("B"),
    control(11, "tbl "), // table
    control(4), // field end: inline, nothing
    units(13), // paragraph end
  );
  assert.deepEqual(paraTextPieces(data), [{ text: "법률" }, { control: "fn  " }, { text: "의 개정 안 A-B" }, { control: "tbl " }]);
});
