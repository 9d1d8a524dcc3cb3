// Reading the XML of interchange files (TMX, XLIFF, TBX, .qdc) safely, with
// one parser: saxes, which never fetches anything, expands no entity beyond
// the five predefined ones and character references, and refuses a reference
// to any other entity. What it reports of the DOCTYPE is checked here: a
// declaration that only names an external DTD (as OmegaT, Trados, MyMemory
// and the LISA kit write) is accepted and the DTD is never read; an internal
// subset that declares entities (billion laughs, external and parameter
// entities) is refused with its own message. Because the parser itself sees
// the DOCTYPE wherever it stands in the prolog, a comment or processing
// instruction before it changes nothing.
import { SaxesParser } from "saxes";
import { DariError, type ErrorParams } from "../errors";
import { escapeAttr } from "../export/escape";

export interface XElement {
  /** Qualified name as written, e.g. "tuv" or "mda:meta". */
  name: string;
  /** Local name without prefix. */
  local: string;
  attrs: Record<string, string>;
  children: XNode[];
}
export type XNode = XElement | string;

/** Deeper than any real interchange file; the readers walk the tree recursively. */
const MAX_DEPTH = 1000;

const ENTITY = /&(?:#x([0-9a-fA-F]+)|#([0-9]+)|(amp|lt|gt|quot|apos));/g;
const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** Decodes the predefined entities and character references of a string (for markup kept as text). */
export function decodeEntities(s: string): string {
  if (!s.includes("&")) return s;
  return s.replace(ENTITY, (whole, hex: string | undefined, dec: string | undefined, name: string | undefined) => {
    if (name) return NAMED[name];
    const cp = hex ? parseInt(hex, 16) : Number(dec);
    return cp <= 0x10ffff ? String.fromCodePoint(cp) : whole;
  });
}

/**
 * The refusal of a file that is not XML. Besides the message's `reason`, the
 * params keep the `problem` and its `line` and `column` apart, for a reader
 * (the .qdc codebook) that words the message its own way.
 */
function notXml(file: string, problem: string, at?: { line: number; column?: number }): DariError {
  const params: ErrorParams = { file, reason: problem, problem };
  if (at) {
    params.reason = at.column === undefined ? `${problem} (line ${at.line})` : `${problem} (line ${at.line}, column ${at.column})`;
    params.line = at.line;
    if (at.column !== undefined) params.column = at.column;
  }
  return new DariError("export:interchange.notXml", params);
}

/**
 * Whether a DOCTYPE (its text as the parser reports it, without "<!DOCTYPE")
 * declares anything that could expand: an internal subset with an entity
 * declaration or a parameter-entity reference. Only the external identifier's
 * quoted literals are skipped to find the subset ("[" may stand in a URL);
 * inside the subset nothing is skipped, so neither a comment nor a quote can
 * hide a declaration (at worst a harmless subset that mentions one is refused).
 */
export function declaresEntities(doctype: string): boolean {
  const id = /^\s*[^\s[]+(?:\s+(?:SYSTEM|PUBLIC)(?:\s*(?:"[^"]*"|'[^']*'))+)?/.exec(doctype)?.[0] ?? "";
  const open = doctype.indexOf("[", id.length);
  if (open < 0) return false;
  const subset = doctype.slice(open);
  return /<!ENTITY/i.test(subset) || /%[^\s;]*;/.test(subset);
}

/** A reference the parser refused, with its text and where it starts. */
function badReference(lines: string[], line: number, columnIndex: number): { ref: string; column: number } | null {
  const text = lines[line - 1] ?? "";
  const amp = text.lastIndexOf("&", columnIndex - 1);
  if (amp < 0) return null;
  return { ref: text.slice(amp, columnIndex).slice(0, 20), column: amp + 1 };
}

/** Parses an XML file to its root element, or throws a DariError naming the file and place. */
export function parseXml(text: string, file: string): XElement {
  const src = text.replace(/^\uFEFF/, "");
  const parser = new SaxesParser({ xmlns: false, position: true });
  const top: XElement = { name: "", local: "", attrs: {}, children: [] };
  const stack: XElement[] = [top];
  let justClosed = "";
  const at = () => ({ line: parser.line, column: parser.column + 1 });
  parser.on("doctype", (doctype) => {
    if (declaresEntities(doctype)) throw new DariError("export:interchange.doctype", { file, line: parser.line });
  });
  parser.on("error", (err) => {
    const problem = err.message.replace(/^\d+:\d+: /, "").replace(/\.$/, "");
    if (/undefined entity|malformed character entity/.test(problem)) {
      const bad = badReference(src.split("\n"), parser.line, parser.columnIndex);
      if (bad) {
        const what = /undefined/.test(problem) ? `undefined entity ${bad.ref}` : `${bad.ref} is not a character`;
        throw notXml(file, what, { line: parser.line, column: bad.column });
      }
    }
    if (/document must contain a root element/.test(problem)) throw notXml(file, problem, { line: parser.line });
    if (/unexpected close tag/.test(problem) && stack.length > 1) {
      // Name the element left open and point at the start of the closing tag, as a reader looks for it.
      const text = src.split("\n")[parser.line - 1] ?? "";
      const start = text.lastIndexOf("</", parser.columnIndex - 1);
      const closing = start >= 0 ? text.slice(start, parser.columnIndex) : "a closing tag";
      // The parser may already have closed the element left open when it reports.
      const open = justClosed && closing !== `</${justClosed}>` ? justClosed : stack[stack.length - 1].name;
      throw notXml(file, `${closing} does not close the open element '${open}'`, { line: parser.line, column: start >= 0 ? start + 1 : parser.column });
    }
    throw notXml(file, problem, at());
  });
  parser.on("opentag", (tag) => {
    if (stack.length > MAX_DEPTH) throw notXml(file, `elements nested more than ${MAX_DEPTH} deep`, at());
    const name = tag.name;
    const el: XElement = { name, local: name.slice(name.indexOf(":") + 1), attrs: { ...(tag.attributes as Record<string, string>) }, children: [] };
    stack[stack.length - 1].children.push(el);
    if (!tag.isSelfClosing) stack.push(el);
  });
  parser.on("closetag", (tag) => {
    if (!tag.isSelfClosing) justClosed = stack.pop()?.name ?? "";
  });
  const addText = (t: string) => {
    if (stack.length < 2) return;
    const kids = stack[stack.length - 1].children;
    const last = kids.length - 1;
    if (last >= 0 && typeof kids[last] === "string") kids[last] = (kids[last] as string) + t;
    else kids.push(t);
  };
  parser.on("text", addText);
  parser.on("cdata", addText);
  parser.write(src).close();
  const root = top.children.find((n): n is XElement => typeof n !== "string");
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

/** Language attribute exactly as written (xml:lang, or lang in older TMX). */
export function rawLangOf(el: XElement): string {
  return el.attrs["xml:lang"] ?? el.attrs.lang ?? "";
}

const escText = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** Attributes written back as parsed ( name="value" each, with a leading space). */
export function attrsXml(attrs: Record<string, string>): string {
  return Object.entries(attrs).map(([k, v]) => ` ${k}="${escapeAttr(v)}"`).join("");
}

/**
 * An element (or text) written back as XML, for markup Dari keeps without
 * understanding it: a tool's header, an inline code. Namespace declarations
 * travel with the element that declared them, so a kept piece is written back
 * inside an element that declares what it uses (the root's are kept too).
 */
export function toXml(node: XNode): string {
  if (typeof node === "string") return escText(node);
  const inner = node.children.map(toXml).join("");
  return inner ? `<${node.name}${attrsXml(node.attrs)}>${inner}</${node.name}>` : `<${node.name}${attrsXml(node.attrs)}/>`;
}
