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
//   </CodeBook>
//
// A REFI-QDA code has one name and one description, so Dari writes the Korean
// label as `name` and keeps everything else in the Description, in plain text
// another tool shows and keeps:
//
//   <Korean description>
//
//   [en] <English label>
//   <English description>
//
//   [dari] {"id":"space","shortcut":"","keywords":{"ko":[…],"en":[…]}}
//
// Reading a .qdc, Dari takes the name as the Korean label and reads the `[en]`
// block and the `[dari]` line when they are there; a code from another tool
// (no markers) gets its name and description in the language its script shows
// (Hangul: Korean, otherwise English). The guid is derived from the Dari id
// (a stable hash), so exporting twice gives the same guids. The XML is read by
// the interchange reader (app/import/xml.ts): a DOCTYPE or ENTITY is refused
// and only the five XML entities and character references are decoded.
import { XMLBuilder } from "fast-xml-parser";
import { DariError } from "../errors";
import type { Code, Codebook } from "./codebook";
import { paletteColor } from "./default-codebook";
import { normalizeShortcut } from "./codebook-ops";
import { child, elements, parseXml, textOf, type XElement } from "../import/xml";

export const QDC_NAMESPACE = "urn:QDA-XML:codebook:1.0";
const GUID_RE = /^\{?[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\}?$/;

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
  if (GUID_RE.test(id)) return id.replace(/[{}]/g, "").toLowerCase();
  const hex = [0x811c9dc5, 0x01234567, 0x89abcdef, 0x5bd1e995].map((seed) => fnv(id, seed).toString(16).padStart(8, "0")).join("");
  // Shaped as a version-4/variant-1 UUID so strict readers accept it.
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${((parseInt(hex[16], 16) & 3) | 8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function description(code: Code): string {
  const extra = { id: code.id, shortcut: code.shortcut, keywords: code.keywords };
  const parts = [code.description.ko.trim(), `[en] ${code.label.en}${code.description.en.trim() ? `\n${code.description.en.trim()}` : ""}`, `[dari] ${JSON.stringify(extra)}`];
  return parts.filter((p) => p !== "").join("\n\n");
}

/** The codebook as a REFI-QDA .qdc document. */
export function exportQdc(codebook: Codebook): string {
  const ids = new Set(codebook.map((c) => c.id));
  const node = (c: Code): Record<string, unknown> => {
    const children = codebook.filter((k) => k.parent === c.id).map(node);
    return {
      "@_guid": guidForId(c.id),
      "@_name": c.label.ko || c.label.en || c.id,
      "@_isCodable": "true",
      "@_color": c.color.toUpperCase(),
      Description: description(c),
      ...(children.length ? { Code: children } : {}),
    };
  };
  const top = codebook.filter((c) => c.parent === null || !ids.has(c.parent)).map(node);
  const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: "@_", format: true, indentBy: "  ", suppressEmptyNode: true, suppressBooleanAttributes: false });
  const body = builder.build({ CodeBook: { "@_xmlns": QDC_NAMESPACE, "@_origin": "Dari", Codes: top.length ? { Code: top } : "" } }) as string;
  return `<?xml version="1.0" encoding="utf-8"?>\n${body}`;
}

const HANGUL = /[\uac00-\ud7a3\u3131-\u318e]/;

interface Parsed {
  label: { ko: string; en: string };
  description: { ko: string; en: string };
  extra: { id?: unknown; shortcut?: unknown; keywords?: unknown };
}

/** Splits a Description written by exportQdc back into its parts (see the header). */
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
  const enAt = lines.findIndex((l) => l.startsWith("[en] "));
  if (enAt < 0) {
    const d = lines.join("\n").trim();
    return HANGUL.test(name) ? { label: { ko: name, en: "" }, description: { ko: d, en: "" }, extra } : { label: { ko: "", en: name }, description: { ko: "", en: d }, extra };
  }
  return {
    label: { ko: name, en: lines[enAt].slice(5).trim() },
    description: { ko: lines.slice(0, enAt).join("\n").trim(), en: lines.slice(enAt + 1).join("\n").trim() },
    extra,
  };
}

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
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

/** Reads a .qdc document into a codebook. `file` names it in error messages. */
export function importQdc(xml: string, file = "codebook.qdc"): Codebook {
  const root = readCodebookXml(xml, file);
  const xmlns = root.attrs.xmlns;
  if (root.local !== "CodeBook" || (xmlns !== undefined && xmlns !== QDC_NAMESPACE)) {
    throw new DariError("themes:qdc.notCodebook", { file, found: root.local });
  }
  const codes: Code[] = [];
  const guids = new Set<string>();
  const ids = new Set<string>();
  const walk = (list: XElement[], parent: string | null, where: string) => {
    list.forEach((c, i) => {
      const here = `${where} › Code ${i + 1}`;
      // Attribute values and the Description are trimmed, as other tools pad them.
      const name = (c.attrs.name ?? "").trim();
      if (!name) throw new DariError("themes:qdc.noName", { file, where: here });
      const guid = (c.attrs.guid ?? "").trim();
      if (!GUID_RE.test(guid)) throw new DariError("themes:qdc.badGuid", { file, where: here });
      if (guids.has(guid.toLowerCase())) throw new DariError("themes:qdc.duplicateGuid", { file, where: here, guid });
      guids.add(guid.toLowerCase());
      const desc = child(c, "Description");
      const parsed = parseDescription(name, desc ? textOf(desc).trim() : "");
      const wantId = typeof parsed.extra.id === "string" && parsed.extra.id && !ids.has(parsed.extra.id) ? parsed.extra.id : guid.replace(/[{}]/g, "").toLowerCase();
      ids.add(wantId);
      const color = (c.attrs.color ?? "").trim();
      const kw = (parsed.extra.keywords ?? {}) as { ko?: unknown; en?: unknown };
      codes.push({
        id: wantId,
        label: parsed.label,
        description: parsed.description,
        color: /^#[0-9a-fA-F]{6}$/.test(color) ? color.toUpperCase() : paletteColor(codes.length),
        parent,
        // The same rule as a key typed in the codebook panel: one letter or none.
        shortcut: typeof parsed.extra.shortcut === "string" ? normalizeShortcut(parsed.extra.shortcut) : "",
        keywords: { ko: strings(kw.ko), en: strings(kw.en) },
      });
      walk(elements(c, "Code"), wantId, here);
    });
  };
  const list = child(root, "Codes");
  walk(list ? elements(list, "Code") : [], null, "Codes");
  return codes;
}
