// Reading the XML of interchange files safely: no DOCTYPE (so no entity
// expansion, no external entities: billion laughs and XXE are refused before
// any parsing), well-formedness checked first (with line and column), then
// fast-xml-parser into a small ordered tree. Entities are decoded here, in one
// pass, so "&amp;#x41;" stays the text "&#x41;".
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { DariError, type ErrorParams } from "../errors";

export interface XElement {
  /** Qualified name as written, e.g. "tuv" or "mda:meta". */
  name: string;
  /** Local name without prefix. */
  local: string;
  attrs: Record<string, string>;
  children: XNode[];
}
export type XNode = XElement | string;

const ENTITY = /&(?:#x([0-9a-fA-F]+)|#([0-9]+)|(amp|lt|gt|quot|apos));/g;
const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

export function decodeEntities(s: string): string {
  if (!s.includes("&")) return s;
  return s.replace(ENTITY, (whole, hex: string | undefined, dec: string | undefined, name: string | undefined) => {
    if (name) return NAMED[name];
    const cp = hex ? parseInt(hex, 16) : Number(dec);
    return cp <= 0x10ffff ? String.fromCodePoint(cp) : whole;
  });
}

/** The text with every match of `re` blanked out, keeping offsets and lines. */
function blankOut(src: string, re: RegExp): string {
  return src.replace(re, (m) => m.replace(/[^\n]/g, " "));
}

/** Refuses DOCTYPE (and so ENTITY) declarations anywhere outside CDATA and comments. */
function refuseDoctype(text: string, file: string): void {
  const found = /<!DOCTYPE|<!ENTITY/i.exec(blankOut(text, /<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->/g));
  if (found) throw new DariError("export:interchange.doctype", { file, line: lineColumn(text, found.index).line });
}

/**
 * The refusal of a file that is not XML. Besides the message's `reason`, the
 * params keep the `problem` and its `line` and `column` apart, for a reader
 * (the .qdc codebook) that words the message its own way.
 */
function notXml(file: string, problem: string, at?: { line: number; column: number }): DariError {
  const params: ErrorParams = { file, reason: problem, problem };
  if (at) {
    params.reason = at.column === undefined ? `${problem} (line ${at.line})` : `${problem} (line ${at.line}, column ${at.column})`;
    params.line = at.line;
    // The validator leaves the column out of some errors.
    if (at.column !== undefined) params.column = at.column;
  }
  return new DariError("export:interchange.notXml", params);
}

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: "",
  processEntities: false,
  htmlEntities: false,
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  cdataPropName: "#cdata",
  ignoreDeclaration: true,
  ignorePiTags: true,
});

type Raw = Record<string, unknown>;

function convert(list: Raw[]): XNode[] {
  const out: XNode[] = [];
  for (const item of list) {
    for (const k of Object.keys(item)) {
      if (k === ":@") continue;
      const v = item[k];
      if (k === "#text") out.push(decodeEntities(String(v)));
      else if (k === "#cdata") out.push(...(v as Raw[]).map((t) => String(t["#text"] ?? "")));
      else {
        const attrs: Record<string, string> = {};
        const a = (item[":@"] ?? {}) as Record<string, unknown>;
        for (const [n, val] of Object.entries(a)) attrs[n] = decodeEntities(String(val));
        out.push({ name: k, local: k.slice(k.indexOf(":") + 1), attrs, children: convert((v ?? []) as Raw[]) });
      }
    }
  }
  return out;
}

/** Line and column (1-based) of an offset. */
function lineColumn(src: string, at: number): { line: number; column: number } {
  const before = src.slice(0, at);
  return { line: before.split("\n").length, column: at - before.lastIndexOf("\n") };
}

/**
 * References the parser would pass through: without a DTD only the five
 * predefined entities exist, and a character reference must name a character
 * (C0 controls are let through, as XML 1.1 allows, so they reach the text).
 */
function refuseBadReferences(src: string, file: string): void {
  // Blank out CDATA, comments and processing instructions, keeping offsets.
  const bare = blankOut(src, /<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>/g);
  for (const m of bare.matchAll(/&(?:#x([0-9a-fA-F]+)|#([0-9]+)|([A-Za-z_:][\w.:-]*));/g)) {
    const [whole, hex, dec, name] = m;
    let bad = false;
    if (name !== undefined) bad = !(name in NAMED);
    else {
      const digits = hex ?? dec!;
      const cp = digits.length > 8 ? Infinity : parseInt(digits, hex ? 16 : 10);
      bad = !(cp > 0 && cp <= 0x10ffff) || (cp >= 0xd800 && cp <= 0xdfff) || cp === 0xfffe || cp === 0xffff;
    }
    if (bad) {
      const what = name !== undefined ? `undefined entity ${whole}` : `${whole.slice(0, 20)} is not a character`;
      throw notXml(file, what, lineColumn(src, m.index!));
    }
  }
}

/** Parses an XML file to its root element, or throws a DariError naming the file and place. */
export function parseXml(text: string, file: string): XElement {
  const src = text.replace(/^\uFEFF/, "");
  refuseDoctype(src, file);
  const valid = XMLValidator.validate(src);
  if (valid !== true) {
    const { msg, line, col } = valid.err;
    throw notXml(file, msg, { line, column: col });
  }
  refuseBadReferences(src, file);
  let parsed: Raw[];
  try {
    parsed = parser.parse(src) as Raw[];
  } catch (e) {
    // The validator passes what the parser still refuses, such as tags nested thousands deep.
    throw notXml(file, e instanceof Error ? e.message : String(e));
  }
  const root = convert(parsed).find((n): n is XElement => typeof n !== "string");
  if (!root) throw notXml(file, "no root element");
  return root;
}

export function elements(el: XElement, local?: string): XElement[] {
  return el.children.filter((c): c is XElement => typeof c !== "string" && (local === undefined || c.local === local));
}

export function child(el: XElement, local: string): XElement | undefined {
  return elements(el, local)[0];
}

/** All text inside an element, inline elements included. */
export function textOf(el: XElement): string {
  return el.children.map((c) => (typeof c === "string" ? c : textOf(c))).join("");
}

/** Language attribute (xml:lang, or lang in older TMX), lower case. */
export function langOf(el: XElement): string {
  return (el.attrs["xml:lang"] ?? el.attrs.lang ?? "").toLowerCase();
}
