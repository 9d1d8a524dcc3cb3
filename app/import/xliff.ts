// XLIFF 2.0/2.1 -> project: a unit (also inside groups) becomes a passage, a
// segment a segment. The status comes from Dari's subState ("dari:draft") or
// its mda metadata when present, else from the XLIFF state (initial -> new or
// draft, translated, reviewed, final -> reviewed). Inline codes: <cp> gives its
// character, <pc> and <mrk> keep their text, <ph>/<sc>/<ec>/<sm>/<em> are
// markup and are dropped.
import type { Project } from "../document/project";
import { DariError } from "../errors";
import { isSegmentStatus, type SegmentStatus } from "../schema";
import { child, elements, parseXml, textOf, type XElement } from "./xml";
import { buildImportedProject, defaultStatus, parseConfidence, parseSpans, type ImportedProject, type ImportedSegment } from "./build-project";
import { META_FIELDS } from "../export/meta";
import { XLIFF_NS } from "../export/xliff";

function content(el: XElement): string {
  let out = "";
  for (const c of el.children) {
    if (typeof c === "string") out += c;
    else if (c.local === "pc" || c.local === "mrk") out += content(c);
    else if (c.local === "cp") {
      const cp = parseInt(c.attrs.hex ?? "", 16);
      if (cp >= 0 && cp <= 0x10ffff) out += String.fromCodePoint(cp);
    }
  }
  return out;
}

/** Dari's metadata: metaGroups of a category, each as type -> value. */
function metaGroups(el: XElement, category: string): Map<string, string>[] {
  const md = elements(el).find((e) => e.local === "metadata");
  if (!md) return [];
  return elements(md, "metaGroup")
    .filter((g) => g.attrs.category === category)
    .map((g) => new Map(elements(g, "meta").map((m) => [m.attrs.type ?? "", textOf(m)])));
}

function statusOf(seg: XElement, meta: Map<string, string> | undefined, en: string, file: string, where: string): SegmentStatus {
  const fromMeta = meta?.get("status");
  if (isSegmentStatus(fromMeta)) return fromMeta;
  const sub = seg.attrs.subState ?? "";
  if (sub.startsWith("dari:") && isSegmentStatus(sub.slice(5))) return sub.slice(5) as SegmentStatus;
  const state = seg.attrs.state ?? "initial";
  switch (state) {
    case "initial":
      return defaultStatus(en);
    case "translated":
      return "translated";
    case "reviewed":
    case "final":
      return "reviewed";
    default:
      throw new DariError("export:interchange.badState", { file, where, value: state.slice(0, 40) });
  }
}

export function importXliff(text: string, file: string, _warnings?: unknown[]): Project {
  const root = parseXml(text, file);
  const ns = root.attrs.xmlns ?? "";
  if (root.local !== "xliff" || ns !== XLIFF_NS) throw new DariError("export:interchange.notXliff", { file, found: root.name, ns });
  const version = root.attrs.version ?? "";
  if (!/^2\.[01]$/.test(version)) throw new DariError("export:interchange.xliffVersion", { file, version });
  const src = (root.attrs.srcLang ?? "").toLowerCase();
  const tgt = (root.attrs.trgLang ?? "en").toLowerCase();
  if (src.split(/[-_]/)[0] !== "ko" || tgt.split(/[-_]/)[0] !== "en") throw new DariError("export:interchange.wrongLanguages", { file, src, tgt });
  const imp: ImportedProject = { meta: {}, codebook: undefined, passages: [] };
  const files = elements(root, "file");
  const project = files.length ? metaGroups(files[0], "dari:project")[0] : undefined;
  if (project) {
    for (const f of META_FIELDS) if (project.has(f)) imp.meta[f] = project.get(f)!;
    imp.codebook = project.get("codebook");
    imp.glossary = project.get("glossary");
  } else if (files[0]?.attrs.original) imp.meta.title = files[0].attrs.original;
  const units: XElement[] = [];
  const walk = (el: XElement) => {
    for (const c of elements(el)) {
      if (c.local === "unit") units.push(c);
      else if (c.local === "group") walk(c);
    }
  };
  files.forEach(walk);
  units.forEach((unit, ui) => {
    const passageMeta = metaGroups(unit, "dari:passage")[0];
    const segMeta = new Map(
      elements(child(unit, "metadata") ?? unit, "metaGroup")
        .filter((g) => g.attrs.category === "dari:segment" && g.attrs.id)
        .map((g) => [g.attrs.id, new Map(elements(g, "meta").map((m) => [m.attrs.type ?? "", textOf(m)]))] as const),
    );
    const segments: ImportedSegment[] = elements(unit, "segment").map((seg, si) => {
      const source = child(seg, "source");
      const target = child(seg, "target");
      const ko = source ? content(source) : "";
      const en = target ? content(target) : "";
      const meta = seg.attrs.id ? segMeta.get(`m-${seg.attrs.id}`) : undefined;
      return {
        id: meta?.get("id") ?? seg.attrs.id ?? "",
        ko,
        en,
        status: statusOf(seg, meta, en, file, `unit ${ui + 1} › segment ${si + 1}`),
        confirmed: meta?.get("confirmed") === "true",
        confidence: parseConfidence(meta?.get("confidence")),
        note: meta?.get("note") ?? "",
        themes: parseSpans(meta?.get("themes")),
      };
    });
    imp.passages.push({ id: passageMeta?.get("id") ?? unit.attrs.id ?? "", segments });
  });
  return buildImportedProject(imp, file);
}
