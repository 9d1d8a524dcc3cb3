// TMX 1.4b: one translation unit per segment (Korean source, English target).
// What a translation memory has no place for rides along as `x-dari-*` props,
// so that .dari -> TMX -> .dari keeps passages, status and themes:
//   header: x-dari-title/source/author/date/created, x-dari-codebook and
//           x-dari-glossary (JSON)
//   tu:     x-dari-passage, x-dari-status, x-dari-confirmed, x-dari-confidence,
//           x-dari-theme (one per code, readable by other tools), x-dari-themes
//           (the ranges as JSON); the segment memo is the tu's <note>.
// XML 1.0 cannot hold C0 control characters; in segment text each becomes a
// placeholder <ph type="x-dari-cp"> whose native code is its character
// reference (so it comes back); in props and notes, a visible control picture.
import type { Project } from "../document/project";
import type { ExportOptions } from "./index";
import { collect, segmentThemeSpans, type SegmentView } from "./collect";
import { escapeAttr, escapeText } from "./escape";
import { sideXml } from "./xliff-structure";
import type { Side } from "../schema";
import { CREATION_TOOL, CREATION_TOOL_VERSION, META_FIELDS } from "./meta";
import { readOrigin } from "../import/origin";
import { attrsXml } from "../import/xml";

/** A side's text with its inline codes' markup in place; controls as Dari's placeholder. */
function segXml(s: SegmentView, side: Side): string {
  return sideXml(s, side, (c) => `<ph type="x-dari-cp">&amp;#x${c.charCodeAt(0).toString(16)};</ph>`);
}

const prop = (type: string, value: string) => `<prop type="${type}">${escapeText(value)}</prop>`;

/** TMX dates: YYYYMMDDThhmmssZ. */
export function tmxDate(d: Date): string {
  return d.toISOString().replace(/[-:]/g, "").replace(/\.\d+/, "");
}

export async function exportTmx(project: Project, options: ExportOptions = {}, now = new Date()): Promise<string> {
  const data = collect(project);
  const spans = segmentThemeSpans(data);
  // The languages as the project came (ko-KR, en-US…), source first: an en → ko memory goes back en → ko.
  const { srcLang, tgtLang } = project.meta;
  const koFirst = srcLang.toLowerCase().startsWith("ko");
  const [koLang, enLang] = koFirst ? [srcLang, tgtLang] : [tgtLang, srcLang];
  // A memory from another tool goes back with its header's attributes, notes and props.
  const origin = readOrigin(project.meta.origin, "tmx");
  const headerAttrs: Record<string, string> = {
    ...(origin?.header ?? {}),
    creationtool: CREATION_TOOL,
    creationtoolversion: CREATION_TOOL_VERSION,
    segtype: origin?.header?.segtype ?? "sentence",
    "o-tmf": origin?.header?.["o-tmf"] ?? "dari",
    adminlang: origin?.header?.adminlang ?? "en",
    srclang: srcLang,
    datatype: origin?.header?.datatype ?? "plaintext",
    creationdate: tmxDate(now),
  };
  const out: string[] = [`<?xml version="1.0" encoding="UTF-8"?>`, `<tmx version="1.4">`, `<header${attrsXml(headerAttrs)}>`];
  for (const n of origin?.notes ?? []) out.push(`  <note>${escapeText(n)}</note>`);
  for (const [type, value] of origin?.props ?? []) out.push(`  ${prop(escapeAttr(type), value)}`);
  for (const f of META_FIELDS) if (project.meta[f]) out.push(`  ${prop(`x-dari-${f}`, project.meta[f])}`);
  if (project.codebook.length) out.push(`  ${prop("x-dari-codebook", JSON.stringify(project.codebook))}`);
  if (project.glossary.length) out.push(`  ${prop("x-dari-glossary", JSON.stringify(project.glossary))}`);
  out.push(`</header>`, `<body>`);
  const total = data.segments.length;
  for (const s of data.segments) {
    const kept = origin?.segments?.[s.id];
    const props = (kept?.props ?? []).map(([type, value]) => prop(escapeAttr(type), value));
    props.push(prop("x-dari-passage", s.passage.id), prop("x-dari-status", s.status));
    if (s.confirmed) props.push(prop("x-dari-confirmed", "true"));
    if (s.confidence !== null) props.push(prop("x-dari-confidence", String(s.confidence)));
    const themes = spans.get(s);
    if (themes) {
      for (const code of new Set(themes.map((t) => t.code))) props.push(prop("x-dari-theme", code));
      props.push(prop("x-dari-themes", JSON.stringify(themes)));
    }
    // A note holds text only: control characters in it become visible stand-ins.
    const note = s.note ? `<note>${escapeText(s.note)}</note>` : "";
    const ko = `<tuv xml:lang="${escapeAttr(koLang)}"><seg>${segXml(s, "ko")}</seg></tuv>`;
    const en = `<tuv xml:lang="${escapeAttr(enLang)}"><seg>${segXml(s, "en")}</seg></tuv>`;
    const tuAttrs = attrsXml({ ...(kept?.attrs ?? {}), tuid: kept?.id ?? s.id });
    out.push(`<tu${tuAttrs}>${note}${props.join("")}${koFirst ? ko + en : en + ko}</tu>`);
    if (options.onProgress && s.number % 1000 === 0) options.onProgress(s.number / total);
  }
  out.push(`</body>`, `</tmx>`, ``);
  return out.join("\n");
}
