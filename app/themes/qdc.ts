// REFI-QDA codebook exchange (.qdc, namespace urn:QDA-XML:codebook:1.0), the
// format MAXQDA, ATLAS.ti, NVivo and QualCoder read and write:
//
//   <CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="Dari">
//     <Codes>
//       <Code guid="…" name="우주 협력" isCodable="true" color="#CC6677">
//         <Description>…</Description>
//         <Code …/>            (children: the hierarchy)
//       </Code>
//     </Codes>
//     <Sets>                   (code groups, kept as the other tool wrote them)
//       <Set guid="…" name="…"><Description>…</Description><MemberCode guid="…"/></Set>
//     </Sets>
//   </CodeBook>
//
// The codebook schema has no extension point (no xsd:any), so what a REFI-QDA
// code cannot hold goes in its Description, written for a person first:
//
//   <description in the language of the name>
//
//   [en] <label in the other language>          ([ko] when the name is English)
//   <description in the other language>
//
//   [dari] {"id":"space","shortcut":"s","keywords":{"ko":[…],"en":[…]}}
//
// The name is the Korean label (the English one when there is no Korean).
// The `[dari]` line comes last and holds only what differs from what a code
// from another tool has (a Dari id that is not its guid, a shortcut, keywords,
// the name's language when its script would mislead), so a codebook that came
// from MAXQDA or ATLAS.ti goes back without a single added line. Reading, a
// missing or edited `[dari]` line costs only those extras: a code renamed in the
// other tool takes its new name, a description edited there its new text.
// `isCodable` is kept (Code.codable) and so are the sets (CodeSet). The guid is
// derived from the Dari id (a stable hash), so exporting twice gives the same
// guids. The XML is read by the interchange reader (app/import/xml.ts).
import { DariError } from "../errors";
import type { Code, Codebook, CodeSet } from "./codebook";
import { paletteColor } from "./default-codebook";
import { normalizeShortcut } from "./codebook-ops";
import { child, elements, parseXml, textOf, type XElement } from "../import/xml";
import { escapeAttr as escapeAttrRefs, escapeText } from "../export/escape";

export const QDC_NAMESPACE = "urn:QDA-XML:codebook:1.0";
const GUID_RE = /^\{?[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\}?$/;

export function isGuid(s: string): boolean {
  return GUID_RE.test(s);
}

/** A guid as Dari keeps it: lower case, no braces (REFI-QDA guids compare without case). */
export function plainGuid(s: string): string {
  return s.replace(/[{}]/g, "").toLowerCase();
}

function fnv(s: string, seed: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** A stable GUID for a Dari code id (the id itself when it is one). */
export function guidForId(id: string): string {
  if (GUID_RE.test(id)) return plainGuid(id);
  const hex = [0x811c9dc5, 0x01234567, 0x89abcdef, 0x5bd1e995].map((seed) => fnv(id, seed).toString(16).padStart(8, "0")).join("");
  // Shaped as a version-4/variant-1 UUID so strict readers accept it.
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${((parseInt(hex[16], 16) & 3) | 8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const NAMED_REF: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };

/** An attribute value with the named references other tools' readers expect for & < > " (tabs and line breaks as character references). */
export function escapeAttr(s: string): string {
  return s.replace(/[&<>"]|[^&<>"]+/g, (part) => NAMED_REF[part] ?? escapeAttrRefs(part));
}

type Lang = "ko" | "en";
const HANGUL = /[\uac00-\ud7a3\u3131-\u318e]/;
const other = (l: Lang): Lang => (l === "ko" ? "en" : "ko");
const scriptOf = (name: string): Lang => (HANGUL.test(name) ? "ko" : "en");

/** The language whose label is the code's REFI-QDA name. */
function nameLanguage(code: Code): Lang {
  return code.label.ko ? "ko" : "en";
}

/** What only Dari uses, as the `[dari]` line holds it; empty when the code needs none. */
function dariData(code: Code): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  if (!(GUID_RE.test(code.id) && guidForId(code.id) === code.id)) data.id = code.id;
  const lang = nameLanguage(code);
  if (scriptOf(code.label[lang]) !== lang) data.name = lang;
  if (code.shortcut) data.shortcut = code.shortcut;
  if (code.keywords.ko.length || code.keywords.en.length) data.keywords = code.keywords;
  return data;
}

/** The Description of a code (see the header). */
export function codeDescription(code: Code): string {
  const lang = nameLanguage(code);
  const second = other(lang);
  const parts: string[] = [];
  const own = code.description[lang].trim();
  if (own) parts.push(own);
  const label = code.label[second].trim();
  const desc = code.description[second].trim();
  if (label || desc) parts.push(`[${second}]${label ? ` ${label}` : ""}${desc ? `\n${desc}` : ""}`);
  const data = dariData(code);
  if (Object.keys(data).length) parts.push(`[dari] ${JSON.stringify(data)}`);
  return parts.join("\n\n");
}

/**
 * The codebook as REFI-QDA <Code> elements, children nested in their parent,
 * indented by `indent`. Used by the .qdc and by the project (.qdpx), whose Code
 * is the same element.
 */
export function codeElements(codebook: Codebook, indent: string): string {
  const ids = new Set(codebook.map((c) => c.id));
  const write = (c: Code, pad: string): string => {
    const attrs = `guid="${guidForId(c.id)}" name="${escapeAttr(c.label.ko || c.label.en || c.id)}" isCodable="${c.codable === false ? "false" : "true"}" color="${c.color.toUpperCase()}"`;
    const desc = codeDescription(c);
    const children = codebook.filter((k) => k.parent === c.id);
    if (!desc && !children.length) return `${pad}<Code ${attrs}/>\n`;
    return (
      `${pad}<Code ${attrs}>\n` +
      (desc ? `${pad}  <Description>${escapeText(desc)}</Description>\n` : "") +
      children.map((k) => write(k, pad + "  ")).join("") +
      `${pad}</Code>\n`
    );
  };
  return codebook
    .filter((c) => c.parent === null || !ids.has(c.parent))
    .map((c) => write(c, indent))
    .join("");
}

/** The sets as a <Sets> element (empty text when there are none); members that left the codebook are dropped. */
export function setsElement(sets: readonly CodeSet[] | undefined, codebook: Codebook, indent: string): string {
  if (!sets?.length) return "";
  const ids = new Set(codebook.map((c) => c.id));
  const set = (s: CodeSet) =>
    `${indent}  <Set guid="${escapeAttr(s.guid)}" name="${escapeAttr(s.name)}">\n` +
    (s.description ? `${indent}    <Description>${escapeText(s.description)}</Description>\n` : "") +
    s.codes
      .filter((id) => ids.has(id))
      .map((id) => `${indent}    <MemberCode guid="${guidForId(id)}"/>\n`)
      .join("") +
    `${indent}  </Set>\n`;
  return `${indent}<Sets>\n${sets.map(set).join("")}${indent}</Sets>\n`;
}

/** The codebook (and its sets) as a REFI-QDA .qdc document. */
export function exportQdc(codebook: Codebook, sets: readonly CodeSet[] = []): string {
  const codes = codebook.length ? `  <Codes>\n${codeElements(codebook, "    ")}  </Codes>\n` : "  <Codes/>\n";
  return `<?xml version="1.0" encoding="utf-8"?>\n<CodeBook xmlns="${QDC_NAMESPACE}" origin="Dari">\n${codes}${setsElement(sets, codebook, "  ")}</CodeBook>\n`;
}

interface Parsed {
  label: { ko: string; en: string };
  description: { ko: string; en: string };
  extra: { id?: unknown; name?: unknown; shortcut?: unknown; keywords?: unknown };
}

/** Splits a Description written by codeDescription back into its parts (see the header). */
function parseDescription(name: string, desc: string): Parsed {
  const lines = desc.replace(/\r\n?/g, "\n").split("\n");
  let extra: Parsed["extra"] = {};
  const dariAt = lines.findIndex((l) => l.startsWith("[dari] "));
  if (dariAt >= 0) {
    try {
      const v = JSON.parse(lines[dariAt].slice(7));
      if (v && typeof v === "object") extra = v;
    } catch {
      // Another tool may have edited the line; the rest still reads.
    }
    lines.splice(dariAt, 1);
  }
  const marker = /^\[(en|ko)\](?: (.*))?$/;
  const at = lines.findIndex((l) => marker.test(l));
  const label = { ko: "", en: "" };
  const description = { ko: "", en: "" };
  if (at < 0) {
    const lang: Lang = extra.name === "ko" || extra.name === "en" ? extra.name : scriptOf(name);
    label[lang] = name;
    description[lang] = lines.join("\n").trim();
    return { label, description, extra };
  }
  const m = marker.exec(lines[at])!;
  const second = m[1] as Lang;
  const lang = other(second);
  label[lang] = name;
  label[second] = (m[2] ?? "").trim();
  description[lang] = lines.slice(0, at).join("\n").trim();
  description[second] = lines.slice(at + 1).join("\n").trim();
  return { label, description, extra };
}

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
}

/** Codes read from a <Codes> element, with the Dari id each guid became (for sets and codings). */
export interface ReadCodes {
  codebook: Codebook;
  /** Lower-case guid without braces → code id. */
  idOfGuid: Map<string, string>;
}

/**
 * Reads the <Code> elements of a .qdc's or a project's <Codes>. `where` names
 * the place in messages ("Codes", "CodeBook › Codes").
 */
export function readCodes(list: XElement | undefined, file: string, where: string): ReadCodes {
  const codes: Code[] = [];
  const idOfGuid = new Map<string, string>();
  const ids = new Set<string>();
  const walk = (items: XElement[], parent: string | null, at: string) => {
    items.forEach((c, i) => {
      const here = `${at} › Code ${i + 1}`;
      // Attribute values and the Description are trimmed, as other tools pad them.
      const name = (c.attrs.name ?? "").trim();
      if (!name) throw new DariError("themes:qdc.noName", { file, where: here });
      const guid = (c.attrs.guid ?? "").trim();
      if (!GUID_RE.test(guid)) throw new DariError("themes:qdc.badGuid", { file, where: here });
      if (idOfGuid.has(plainGuid(guid))) throw new DariError("themes:qdc.duplicateGuid", { file, where: here, guid });
      const desc = child(c, "Description");
      const parsed = parseDescription(name, desc ? textOf(desc).trim() : "");
      const wantId = typeof parsed.extra.id === "string" && parsed.extra.id && !ids.has(parsed.extra.id) ? parsed.extra.id : plainGuid(guid);
      ids.add(wantId);
      idOfGuid.set(plainGuid(guid), wantId);
      const color = (c.attrs.color ?? "").trim();
      const kw = (parsed.extra.keywords ?? {}) as { ko?: unknown; en?: unknown };
      const codable = (c.attrs.isCodable ?? "true").trim();
      codes.push({
        id: wantId,
        label: parsed.label,
        description: parsed.description,
        // REFI-QDA also allows #rgb; Dari keeps colours as #rrggbb.
        color: /^#[0-9a-fA-F]{6}$/.test(color) ? color.toUpperCase() : /^#[0-9a-fA-F]{3}$/.test(color) ? `#${[...color.slice(1)].map((h) => h + h).join("")}`.toUpperCase() : paletteColor(codes.length),
        parent,
        // The same rule as a key typed in the codebook panel: one letter or none.
        shortcut: typeof parsed.extra.shortcut === "string" ? normalizeShortcut(parsed.extra.shortcut) : "",
        keywords: { ko: strings(kw.ko), en: strings(kw.en) },
        ...(codable === "false" || codable === "0" ? { codable: false as const } : {}),
      });
      walk(elements(c, "Code"), wantId, here);
    });
  };
  walk(list ? elements(list, "Code") : [], null, where);
  return { codebook: codes, idOfGuid };
}

/** Reads a <Sets> element's code sets; members that name no code are left out (there is nothing to keep). */
export function readSets(sets: XElement | undefined, idOfGuid: Map<string, string>, file: string, where: string): CodeSet[] {
  if (!sets) return [];
  return elements(sets, "Set").map((s, i) => {
    const here = `${where} › Set ${i + 1}`;
    const guid = (s.attrs.guid ?? "").trim();
    if (!GUID_RE.test(guid)) throw new DariError("themes:qdc.badGuid", { file, where: here });
    const desc = child(s, "Description");
    const codes = elements(s, "MemberCode")
      .map((m) => idOfGuid.get(plainGuid((m.attrs.guid ?? "").trim())))
      .filter((id): id is string => id !== undefined);
    return { guid, name: (s.attrs.name ?? "").trim(), description: desc ? textOf(desc).trim() : "", codes: [...new Set(codes)] };
  });
}

/**
 * The .qdc's root element. The reader's refusals are reworded for a codebook,
 * with the place when the reader knows it.
 */
function readCodebookXml(xml: string, file: string): XElement {
  try {
    return parseXml(xml, file);
  } catch (e) {
    if (!(e instanceof DariError)) throw e;
    const { line, column, problem } = e.params;
    if (e.key === "export:interchange.doctype") throw new DariError("themes:qdc.doctype", { file, line });
    if (e.key === "export:interchange.notXml" && line !== undefined) throw new DariError("themes:qdc.notXml", { file, line, column: column ?? "?", reason: problem });
    throw e;
  }
}

/** A .qdc's codebook and its sets. */
export interface QdcContent {
  codebook: Codebook;
  sets: CodeSet[];
}

/** Reads a .qdc document: its codes and sets. `file` names it in error messages. */
export function readQdc(xml: string, file = "codebook.qdc"): QdcContent {
  const root = readCodebookXml(xml, file);
  const xmlns = root.attrs.xmlns;
  if (root.local !== "CodeBook" || (xmlns !== undefined && xmlns !== QDC_NAMESPACE)) {
    throw new DariError("themes:qdc.notCodebook", { file, found: root.local });
  }
  const { codebook, idOfGuid } = readCodes(child(root, "Codes"), file, "Codes");
  return { codebook, sets: readSets(child(root, "Sets"), idOfGuid, file, "Sets") };
}

/** Reads a .qdc document into a codebook (its sets: readQdc). */
export function importQdc(xml: string, file = "codebook.qdc"): Codebook {
  return readQdc(xml, file).codebook;
}
