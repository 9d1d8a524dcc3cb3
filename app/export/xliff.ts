// XLIFF 2.1 (or the 2.x version an imported file had): one <unit> per
// passage, one <segment> per segment, the segment's `state` mapped from our
// status (new, draft -> initial; translated; reviewed). The exact status,
// alignment data, memo and themes travel in the Metadata module (mda), one
// metaGroup per segment, so .dari -> XLIFF -> .dari is lossless;
// `subState="dari:<status>"` keeps new apart from draft for any tool. Memos
// are also written as the unit's <note>s, for other tools to show.
// A project imported from XLIFF 2 goes back as it came (app/import/origin.ts):
// its languages and direction, file, group and unit attributes, ids, notes,
// skeleton, originalData, other metadata and extensions, in their places.
// Characters XML 1.0 cannot hold are written as <cp hex="..."/> (XLIFF 2 core).
import type { Project } from "../document/project";
import type { SegmentStatus } from "../schema";
import type { ExportOptions } from "./index";
import { collect, segmentThemeSpans, type PassageView } from "./collect";
import { escapeText } from "./escape";
import { META_FIELDS } from "./meta";
import { readOrigin, type LayoutItem, type OriginContainer } from "../import/origin";
import { attrsXml, directionOf, nmtoken, sideXml, unitIdGiver, writeStructure } from "./xliff-structure";

export const XLIFF_NS = "urn:oasis:names:tc:xliff:document:2.0";
export const XLIFF22_NS = "urn:oasis:names:tc:xliff:document:2.2";
export const MDA_NS = "urn:oasis:names:tc:xliff:metadata:2.0";

export const XLIFF_STATE: Record<SegmentStatus, "initial" | "translated" | "reviewed"> = {
  new: "initial",
  draft: "initial",
  translated: "translated",
  reviewed: "reviewed",
};

const cp = (c: string) => `<cp hex="${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}"/>`;

const meta = (type: string, value: string) => `<mda:meta type="${type}">${escapeText(value)}</mda:meta>`;

/** Where a kept metadata element is, so Dari's own groups go into it (a unit or file has one at most). */
const METADATA = /^<([\w.-]+:)?metadata[\s>]/;

export async function exportXliff(project: Project, options: ExportOptions = {}): Promise<string> {
  const data = collect(project);
  const spans = segmentThemeSpans(data);
  const dir = directionOf(project);
  const found = readOrigin(project.meta.origin, "xliff");
  const origin = found && found.version.startsWith("2") ? found : null;
  const version = origin?.version ?? "2.1";
  const fileMeta = META_FIELDS.filter((f) => project.meta[f]).map((f) => meta(f, project.meta[f]));
  if (project.codebook.length) fileMeta.push(meta("codebook", JSON.stringify(project.codebook)));
  if (project.glossary.length) fileMeta.push(meta("glossary", JSON.stringify(project.glossary)));
  const projectGroup = fileMeta.length ? `<mda:metaGroup category="dari:project">${fileMeta.join("")}</mda:metaGroup>` : "";
  const rootAttrs = { xmlns: version === "2.2" ? XLIFF22_NS : XLIFF_NS, ...(origin?.root ?? {}), "xmlns:mda": MDA_NS, version, srcLang: dir.srcLang, trgLang: dir.tgtLang };
  rootAttrs.xmlns = version === "2.2" ? XLIFF22_NS : XLIFF_NS;
  const out: string[] = [`<?xml version="1.0" encoding="UTF-8"?>`, `<xliff${attrsXml(rootAttrs)}>`];
  const total = data.segments.length;

  const file = (f: OriginContainer | undefined, index: number) => {
    const attrs = f ? { ...f.attrs } : { id: `f${index + 1}`, ...(project.meta.title ? { original: project.meta.title } : {}) };
    const head = [...(f?.head ?? [])];
    if (index === 0 && projectGroup) {
      const at = head.findIndex((h) => METADATA.test(h));
      if (at >= 0) head[at] = head[at].replace(/(<\/([\w.-]+:)?metadata>)$/, `${projectGroup}$1`);
      else head.splice(head[0]?.startsWith("<skeleton") ? 1 : 0, 0, `<mda:metadata>${projectGroup}</mda:metadata>`);
    }
    return { open: `<file${attrsXml(attrs)}>${head.join("")}`, close: `</file>` };
  };
  const group = (g: OriginContainer) => ({ open: `<group${attrsXml(g.attrs)}>${g.head.join("")}`, close: `</group>` });

  const unitId = unitIdGiver();
  const unit = (p: PassageView) => {
    const kept = origin?.units?.[p.id];
    const id = unitId(kept?.attrs.id, p.id, p.number);
    const groups: string[] = [...(kept?.mda ?? [])];
    const segs: string[] = [];
    const notes: string[] = [];
    const usedIds = new Set<string>();
    p.segments.forEach((s, si) => {
      const k = origin?.segments?.[s.id];
      let segId = k?.id ?? nmtoken(s.id, `s${s.number}`);
      // Segment ids are unique per unit; a segment Dari split off gets its own.
      if (usedIds.has(segId)) segId = `s${s.number}`;
      usedIds.add(segId);
      const m = [meta("id", s.id), meta("status", s.status)];
      if (s.confirmed) m.push(meta("confirmed", "true"));
      if (s.confidence !== null) m.push(meta("confidence", String(s.confidence)));
      if (s.note) m.push(meta("note", s.note));
      const themes = spans.get(s);
      if (themes) m.push(meta("themes", JSON.stringify(themes)));
      groups.push(`<mda:metaGroup id="m-${segId}" category="dari:segment">${m.join("")}</mda:metaGroup>`);
      // The unit's notes go back as they came while the note that shows them is unchanged.
      const original = si === 0 ? kept?.notes ?? [] : [];
      if (original.length && s.note === original.map((n) => n.text).join("\n")) for (const n of original) notes.push(`<note${attrsXml(n.attrs)}>${escapeText(n.text)}</note>`);
      else if (s.note) notes.push(`<note>${escapeText(s.note)}</note>`);
      const segAttrs = { id: segId, ...(k?.attrs ?? {}), state: XLIFF_STATE[s.status], subState: `dari:${s.status}` };
      const writeTarget = !k || k.target !== undefined || s.text[dir.target] !== "" || s.status !== "new";
      // Dari's own segments say their languages; another tool's keep the attributes they had.
      const sourceAttrs = k ? (k.source ?? {}) : { "xml:lang": dir.srcLang };
      const targetAttrs = k ? (k.target ?? {}) : { "xml:lang": dir.tgtLang };
      const target = writeTarget ? `<target${attrsXml(targetAttrs)}>${sideXml(s, dir.target, cp)}</target>` : "";
      segs.push(`<segment${attrsXml(segAttrs)}><source${attrsXml(sourceAttrs)}>${sideXml(s, dir.source, cp)}</source>${target}</segment>`);
      if (options.onProgress && s.number % 1000 === 0) options.onProgress(s.number / total);
    });
    groups.unshift(`<mda:metaGroup category="dari:passage">${meta("id", p.id)}</mda:metaGroup>`);
    const layout: LayoutItem[] = kept ? [...kept.layout] : [["mda"], ["notes"], ["seg"]];
    if (!layout.some((l) => l[0] === "mda")) layout.unshift(["mda"]);
    if (!layout.some((l) => l[0] === "notes")) {
      const at = layout.findIndex((l) => l[0] === "seg" || (l[0] === "xml" && /^<(originalData|ignorable)[\s>]/.test(l[1])));
      layout.splice(at < 0 ? layout.length : at, 0, ["notes"]);
    }
    let next = 0;
    const body: string[] = [];
    for (const item of layout) {
      if (item[0] === "mda") body.push(`<mda:metadata>${groups.join("")}</mda:metadata>`);
      else if (item[0] === "notes") {
        if (notes.length) body.push(`<notes>${notes.join("")}</notes>`);
      } else if (item[0] === "seg") {
        if (next < segs.length) body.push(segs[next++]);
      } else body.push(item[1]);
    }
    // Segments Dari added (a split) follow the last one written.
    if (next < segs.length) {
      const lastSeg = body.lastIndexOf(segs[next - 1]);
      body.splice(lastSeg < 0 ? body.length : lastSeg + 1, 0, ...segs.slice(next));
    }
    out.push(`<unit${attrsXml({ ...(kept?.attrs ?? {}), id })}>${body.join("\n")}</unit>`);
  };

  writeStructure(out, data.passages, origin, file, group, unit);
  out.push(`</xliff>`, ``);
  return out.join("\n");
}
