// XLIFF 1.2, the format Trados, memoQ and OmegaT exchange: a <trans-unit>
// per passage, its segments as <mrk mtype="seg"> in <seg-source> and
// <target> (as Trados and memoQ write them), the unit's source the segments
// joined. Status -> target state (new: needs-translation, draft:
// needs-review-translation, translated, reviewed: signed-off with
// approved="yes"); a unit's state is its least advanced segment's. Memos are
// the unit's <note>s. Dari's own data stays within strict XLIFF 1.2: the
// project (metadata, codebook, glossary) as a header <reference> with an
// <internal-file form="application/x-dari+json">, each segment's exact status,
// confirmation, confidence, memo and themes as a <context> of a
// <context-group name="x-dari-N">, so .dari -> XLIFF 1.2 -> .dari keeps them.
// A project imported from XLIFF 1.2 goes back as it came: Trados' doc-info
// and sdl:seg-defs, memoQ's attributes, the header, groups, alt-trans, ids
// and the text between segments. XML 1.0 cannot carry C0 controls and 1.2 has
// no element for them: they are written as visible stand-ins.
import type { Project } from "../document/project";
import { SEGMENT_STATUSES, type SegmentStatus } from "../schema";
import type { ExportOptions } from "./index";
import { collect, segmentThemeSpans, type PassageView } from "./collect";
import { controlPicture, escapeText } from "./escape";
import { META_FIELDS } from "./meta";
import { readOrigin, type LayoutItem, type OriginContainer } from "../import/origin";
import { DARI_JSON, status12 } from "../import/xliff12";
import { XLIFF12_NS } from "../import/xliff";
import { attrsXml, directionOf, nmtoken, sideXml, unitIdGiver, writeStructure } from "./xliff-structure";

export const XLIFF12_STATE: Record<SegmentStatus, string> = {
  new: "needs-translation",
  draft: "needs-review-translation",
  translated: "translated",
  reviewed: "signed-off",
};

/** The datatypes XLIFF 1.2 names; any other must start with "x-". */
const DATATYPES = new Set(
  "asp c cdf cfm cpp csharp cstring csv database documentfooter documentheader filedialog form html htmlbody ini interleaf javaclass javapropertyresourcebundle javalistresourcebundle javascript jscript layout lisp margin menufile messagefile mif mimetype mo msglib pagefooter pageheader parameters pascal php plaintext po report resources resx rtf sgml sgmldtd svg vbscript warning winres xhtml xml xmldtd xsl xul".split(" "),
);

/** Dari's statuses in Trados' sdl:seg conf and memoQ's mq:status, for a status the analyst changed. */
const SDL_CONF: Record<SegmentStatus, string> = { new: "Draft", draft: "Draft", translated: "Translated", reviewed: "ApprovedTranslation" };
const MQ_STATUS: Record<SegmentStatus, string> = { new: "NotStarted", draft: "PartiallyEdited", translated: "ManuallyConfirmed", reviewed: "Proofread" };

/** Trados' record of a segment's status, rewritten when Dari's status no longer reads from it. */
function withSdlConf(xml: string, mid: string, status: SegmentStatus, en: string): string {
  return xml.replace(/<sdl:seg\s[^>]*>/g, (tag) => {
    if (!tag.includes(` id="${mid}"`)) return tag;
    const conf = / conf="([^"]*)"/.exec(tag)?.[1];
    if (conf !== undefined && status12(conf, en) === status) return tag;
    return conf !== undefined ? tag.replace(/ conf="[^"]*"/, ` conf="${SDL_CONF[status]}"`) : tag.replace(/\s*(\/?)>$/, ` conf="${SDL_CONF[status]}"$1>`);
  });
}

/** Escapes text for a <context> or <internal-file>: JSON has no raw control characters, so none reach the XML. */
const json = (v: unknown) => escapeText(JSON.stringify(v));

export async function exportXliff12(project: Project, options: ExportOptions = {}): Promise<string> {
  const data = collect(project);
  const spans = segmentThemeSpans(data);
  const dir = directionOf(project);
  const found = readOrigin(project.meta.origin, "xliff");
  const origin = found && found.version.startsWith("1") ? found : null;
  const rootAttrs = { ...(origin?.root ?? {}), version: "1.2", xmlns: XLIFF12_NS };
  const out: string[] = [`<?xml version="1.0" encoding="UTF-8"?>`, `<xliff${attrsXml(rootAttrs)}>`, ...(origin?.head ?? [])];
  const own: Record<string, unknown> = {};
  for (const f of META_FIELDS) if (project.meta[f]) own[f] = project.meta[f];
  if (project.codebook.length) own.codebook = project.codebook;
  if (project.glossary.length) own.glossary = project.glossary;
  const reference = `<reference><internal-file form="${DARI_JSON}">${json(own)}</internal-file></reference>`;
  const total = data.segments.length;

  const file = (f: OriginContainer | undefined, index: number) => {
    const attrs: Record<string, string> = {
      ...(f?.attrs ?? { original: project.meta.title || "dari", datatype: "plaintext" }),
      "source-language": dir.srcLang,
      "target-language": dir.tgtLang,
    };
    if (!attrs.datatype) attrs.datatype = "plaintext";
    // A tool's own name for its datatype ("photoshop") goes back as the extension value XLIFF allows.
    else if (!DATATYPES.has(attrs.datatype) && !attrs.datatype.startsWith("x-")) attrs.datatype = `x-${attrs.datatype}`;
    if (!attrs.original) attrs.original = project.meta.title || "dari";
    let header = f?.head[0] ?? "";
    if (index === 0) {
      if (!header) header = `<header>${reference}</header>`;
      else if (/\/>$/.test(header) && !header.includes("</header>")) header = header.replace(/\/>$/, `>${reference}</header>`);
      else {
        // After skl and phase-group, before the tools' own elements, as the schemas order them.
        const start = header.indexOf(">") + 1;
        const after = Math.max(start, ...["</skl>", "</phase-group>"].map((t) => (header.includes(t) ? header.lastIndexOf(t) + t.length : 0)));
        header = header.slice(0, after) + reference + header.slice(after);
      }
    }
    return { open: `<file${attrsXml(attrs)}>${header}<body>`, close: `</body></file>` };
  };
  const group = (g: OriginContainer) => ({ open: `<group${attrsXml(g.attrs)}>${g.head.join("")}`, close: `</group>` });

  const unitId = unitIdGiver();
  const unit = (p: PassageView) => {
    const kept = origin?.units?.[p.id];
    const id = unitId(kept?.attrs.id, p.id, p.number);
    const segmented = !kept || kept.segmented || p.segments.length > 1;
    const gaps = segmented && kept?.gaps ? kept.gaps : [];
    const targetGaps = segmented && kept?.targetGaps ? kept.targetGaps : gaps;
    const gap = (list: string[], i: number, last: boolean) => (last ? (list.length ? list[list.length - 1] : "") : i < list.length - 1 ? list[i] : "");
    let source = "";
    let segSource = "";
    let target = "";
    const contexts: string[] = [];
    const notes: string[] = [];
    const used = new Set<string>();
    const mids: string[] = [];
    p.segments.forEach((s, i) => {
      let mid = origin?.segments?.[s.id]?.id ?? nmtoken(s.id, `s${s.number}`);
      if (used.has(mid)) mid = `s${s.number}`;
      used.add(mid);
      mids.push(mid);
      const src = sideXml(s, dir.source, controlPicture);
      const tgt = sideXml(s, dir.target, controlPicture);
      source += gap(gaps, i, false) + src;
      segSource += gap(gaps, i, false) + `<mrk mtype="seg" mid="${escapeText(mid)}">${src}</mrk>`;
      target += gap(targetGaps, i, false) + (segmented ? `<mrk mtype="seg" mid="${escapeText(mid)}">${tgt}</mrk>` : tgt);
      const themes = spans.get(s);
      const mine: Record<string, unknown> = { mid: segmented ? mid : "", passage: p.id, id: s.id, status: s.status };
      if (s.confirmed) mine.confirmed = true;
      if (s.confidence !== null) mine.confidence = s.confidence;
      if (s.note) mine.note = s.note;
      if (themes) mine.themes = themes;
      contexts.push(`<context context-type="x-dari-segment">${json(mine)}</context>`);
      const original = i === 0 ? kept?.notes ?? [] : [];
      if (original.length && s.note === original.map((n) => n.text).join("\n")) for (const n of original) notes.push(`<note${attrsXml(n.attrs)}>${escapeText(n.text)}</note>`);
      else if (s.note) notes.push(`<note>${escapeText(s.note)}</note>`);
      if (options.onProgress && s.number % 1000 === 0) options.onProgress(s.number / total);
    });
    const n = p.segments.length;
    source += gap(gaps, n, true);
    // The unit's own <source>, kept while its source segments are as they came.
    const unchanged = kept?.source && kept.source.segments.length === n && p.segments.every((s, i) => sideXml(s, dir.source, controlPicture) === kept.source!.segments[i]);
    if (unchanged) source = kept.source!.xml;
    segSource += gap(gaps, n, true);
    target += gap(targetGaps, n, true);
    // The unit's state is its least advanced segment's.
    const least = SEGMENT_STATUSES.find((st) => p.segments.some((s) => s.status === st)) ?? "new";
    const targetAttrs = { ...(kept?.targetAttrs ?? {}), state: XLIFF12_STATE[least] };
    const seg =
      `<source${attrsXml(kept?.sourceAttrs ?? {})}>${source}</source>` +
      (segmented ? `<seg-source>${segSource}</seg-source>` : "") +
      `<target${attrsXml(targetAttrs)}>${target}</target>`;
    const layout: LayoutItem[] = kept ? [...kept.layout] : [["seg"], ["notes"]];
    if (!layout.some((l) => l[0] === "notes")) layout.push(["notes"]);
    // Dari's context-group right after the target: before any tool's elements, which schemas want last.
    const context = `<context-group name="x-dari-${p.number}" purpose="information">${contexts.join("")}</context-group>`;
    // Trados keeps each segment's status in sdl:seg-defs: it follows Dari's where they differ.
    const xmlOf = (x: string) => (x.startsWith("<sdl:seg-defs") ? p.segments.reduce((acc, s, i) => withSdlConf(acc, mids[i], s.status, s.text[dir.target]), x) : x);
    const body = layout.map((item) => (item[0] === "seg" ? seg + context : item[0] === "notes" ? notes.join("") : item[0] === "xml" ? xmlOf(item[1]) : ""));
    const attrs: Record<string, string> = { ...(kept?.attrs ?? {}), id };
    // memoQ's own status of the unit follows Dari's where they differ.
    if (attrs["mq:status"] !== undefined && status12(attrs["mq:status"], p.segments[0]?.text[dir.target] ?? "") !== least) attrs["mq:status"] = MQ_STATUS[least];
    if (least === "reviewed") attrs.approved = "yes";
    else if (attrs.approved === "yes") delete attrs.approved;
    out.push(`<trans-unit${attrsXml(attrs)}>${body.join("")}</trans-unit>`);
  };

  writeStructure(out, data.passages, origin, file, group, unit);
  out.push(`</xliff>`, ``);
  return out.join("\n");
}
