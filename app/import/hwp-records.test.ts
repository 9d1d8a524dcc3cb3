// The record walk and the paragraph-text decoding of HWP 5.0, on bytes made
// here to Hancom's published layout, so each rule is seen on its own: the
// 12-bit size and its 32-bit escape, the level tree, a record cut off, and
// the three kinds of control characters.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readRecords, paraTextPieces, RecordError, TAG, ctrlIdAt } from "./hwp-records";
import { concat, controlChar, recordBytes, units, utf16 } from "../../test/hwp-file";

const record = recordBytes;
const text = utf16;
const control = controlChar;

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
