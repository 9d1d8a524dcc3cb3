// XLIFF 2.1: one <unit> per passage, one <segment> per segment, the segment's
// `state` mapped from our status (new, draft -> initial; translated; reviewed).
// The exact status, alignment data, memo and themes travel in the Metadata
// module (mda), one metaGroup per segment, so .dari -> XLIFF -> .dari is
// lossless; `subState="dari:<status>"` keeps new apart from draft for any tool.
// Characters XML 1.0 cannot hold are written as <cp hex="..."/> (XLIFF 2 core).
import type { Project } from "../document/project";
import type { SegmentStatus } from "../schema";
import type { ExportOptions } from "./index";
import { collect, segmentThemeSpans } from "./collect";
import { escapeAttr, escapeText, XML_INVALID } from "./escape";
import { META_FIELDS } from "./meta";

export const XLIFF_NS = "urn:oasis:names:tc:xliff:document:2.0";
export const MDA_NS = "urn:oasis:names:tc:xliff:metadata:2.0";

export const XLIFF_STATE: Record<SegmentStatus, "initial" | "translated" | "reviewed"> = {
  new: "initial",
  draft: "initial",
  translated: "translated",
  reviewed: "reviewed",
};

function xliffText(s: string): string {
  let out = "";
  let last = 0;
  for (const m of s.matchAll(XML_INVALID)) {
    out += escapeText(s.slice(last, m.index)) + `<cp hex="${m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}"/>`;
    last = m.index! + m[0].length;
  }
  return out + escapeText(s.slice(last));
}

/** XLIFF ids are NMTOKENs; ours usually are, others get a stand-in (the real id rides in mda). */
function nmtoken(id: string, fallback: string): string {
  return /^[\p{L}_:][\p{L}\p{N}_:.\-]*$/u.test(id) ? id : fallback;
}

const meta = (type: string, value: string) => `<mda:meta type="${type}">${escapeText(value)}</mda:meta>`;

export async function exportXliff(project: Project, options: ExportOptions = {}): Promise<string> {
  const data = collect(project);
  const spans = segmentThemeSpans(data);
  const fileMeta = META_FIELDS.filter((f) => project.meta[f]).map((f) => meta(f, project.meta[f]));
  if (project.codebook.length) fileMeta.push(meta("codebook", JSON.stringify(project.codebook)));
  if (project.glossary.length) fileMeta.push(meta("glossary", JSON.stringify(project.glossary)));
  const out: string[] = [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<xliff xmlns="${XLIFF_NS}" xmlns:mda="${MDA_NS}" version="2.1" srcLang="ko" trgLang="en">`,
    `<file id="f1"${project.meta.title ? ` original="${escapeAttr(project.meta.title)}"` : ""}>`,
  ];
  if (fileMeta.length) out.push(`<mda:metadata><mda:metaGroup category="dari:project">${fileMeta.join("")}</mda:metaGroup></mda:metadata>`);
  const total = data.segments.length;
  for (const p of data.passages) {
    const unitId = nmtoken(p.id, `p${p.number}`);
    const groups: string[] = [];
    const segs: string[] = [];
    for (const s of p.segments) {
      const segId = nmtoken(s.id, `s${s.number}`);
      const m = [meta("id", s.id), meta("status", s.status)];
      if (s.confirmed) m.push(meta("confirmed", "true"));
      if (s.confidence !== null) m.push(meta("confidence", String(s.confidence)));
      if (s.note) m.push(meta("note", s.note));
      const themes = spans.get(s);
      if (themes) m.push(meta("themes", JSON.stringify(themes)));
      groups.push(`<mda:metaGroup id="m-${segId}" category="dari:segment">${m.join("")}</mda:metaGroup>`);
      segs.push(
        `<segment id="${segId}" state="${XLIFF_STATE[s.status]}" subState="dari:${s.status}">` +
          `<source xml:lang="ko">${xliffText(s.text.ko)}</source><target xml:lang="en">${xliffText(s.text.en)}</target></segment>`,
      );
      if (options.onProgress && s.number % 1000 === 0) options.onProgress(s.number / total);
    }
    out.push(`<unit id="${unitId}"><mda:metadata><mda:metaGroup category="dari:passage">${meta("id", p.id)}</mda:metaGroup>${groups.join("")}</mda:metadata>`);
    out.push(segs.join("\n"), `</unit>`);
  }
  out.push(`</file>`, `</xliff>`, ``);
  return out.join("\n");
}
