// XLIFF -> project. Reads XLIFF 2.0, 2.1 and 2.2 (their namespaces and
// version attributes) here, and XLIFF 1.2 (Trados .sdlxliff, memoQ .mqxliff,
// OmegaT, Okapi) in xliff12.ts: a unit (also inside groups) becomes a
// passage, a segment a segment. Korean is always the ko side, whichever of
// source and target it is (app/import/languages.ts). The status comes from
// Dari's subState ("dari:draft") or its mda metadata when present, else from
// the XLIFF state (initial -> new or draft, translated, reviewed, final ->
// reviewed). Unit notes become the note of the unit's first segment; ids,
// attributes, groups, file headers, skeletons, other tools' metadata and
// every other element Dari does not read are kept in the project's origin
// record (app/import/origin.ts) and written back on export. Inline codes
// (ph, pc, sc/ec, sm/em, mrk) become code pieces with their markup; <cp>
// gives its character.
import type { Project } from "../document/project";
import { DariError } from "../errors";
import { isSegmentStatus, type SegmentStatus } from "../schema";
import { child, elements, parseXml, textOf, toXml, type XElement } from "./xml";
import { buildImportedProject, defaultStatus, IdPool, parseConfidence, parseSpans, type ImportedProject, type ImportedSegment } from "./build-project";
import { META_FIELDS } from "../export/meta";
import { LanguageCount, pickLanguages, primaryOf, type ImportWarning, type LanguagePair } from "./languages";
import type { LayoutItem, Origin, OriginNote, OriginSegment } from "./origin";
import { piecesOf, piecesText, type Piece } from "./inline";
import { importXliff12 } from "./xliff12";

/** XLIFF 2.0 and 2.1 share the 2.0 namespace; 2.2 has its own. */
export const XLIFF2_NAMESPACES = ["urn:oasis:names:tc:xliff:document:2.0", "urn:oasis:names:tc:xliff:document:2.2"];
export const XLIFF12_NS = "urn:oasis:names:tc:xliff:document:1.2";
/** XLIFF 1.x namespaces (OmegaT still writes 1.1's). */
const XLIFF1_NS = /^urn:oasis:names:tc:xliff:document:1\.[012]$/;

function cpOrNothing(e: XElement): string | undefined {
  if (e.local !== "cp") return undefined;
  const cp = parseInt(e.attrs.hex ?? "", 16);
  return cp >= 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : "";
}

export function contentPieces(el: XElement | undefined): Piece[] {
  return el ? piecesOf(el, cpOrNothing) : [];
}

/** Dari's metadata: metaGroups of a category, each as type -> value. */
function metaGroups(md: XElement | undefined, category: string): Map<string, string>[] {
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

/** Attributes other than the listed ones, or undefined when none are left. */
export function otherAttrs(attrs: Record<string, string>, skip: string[]): Record<string, string> | undefined {
  const out = Object.fromEntries(Object.entries(attrs).filter(([k]) => !skip.includes(k)));
  return Object.keys(out).length ? out : undefined;
}

export function notesOf(el: XElement | undefined): OriginNote[] {
  return el ? elements(el, "note").map((n) => ({ attrs: { ...n.attrs }, text: textOf(n) })) : [];
}

/** The side each of source and target goes to. */
export function sidesOf(pair: LanguagePair): { source: "ko" | "en"; target: "ko" | "en" } {
  return primaryOf(pair.srcLang) === "ko" ? { source: "ko", target: "en" } : { source: "en", target: "ko" };
}

/** The declared languages of a bilingual file; a Korean source with no target language declared is read as ko → en. */
export function bilingualPair(file: string, src: string, tgt: string, warnings?: ImportWarning[]): LanguagePair {
  const count = new LanguageCount();
  count.add(src);
  count.add(tgt || (primaryOf(src) === "ko" ? "en" : ""));
  return pickLanguages(file, count, src, warnings);
}

export function importXliff(text: string, file: string, warnings?: ImportWarning[]): Project {
  const root = parseXml(text, file);
  const ns = root.attrs.xmlns ?? "";
  const version = root.attrs.version ?? "";
  if (root.local !== "xliff") throw new DariError("export:interchange.notXliff", { file, found: root.name, ns });
  // XLIFF 1.2 (and 1.1, 1.0 files without a namespace, which Rainbow still writes).
  if (XLIFF1_NS.test(ns) || (!ns && /^1\./.test(version))) {
    // OmegaT's 1.1 files may leave the version out; the namespace says it.
    if (version && !/^1\.[012]$/.test(version)) throw new DariError("export:interchange.xliffVersion", { file, version });
    return importXliff12(root, file, warnings);
  }
  if (!XLIFF2_NAMESPACES.includes(ns)) throw new DariError("export:interchange.notXliff", { file, found: root.name, ns });
  if (!/^2\.[012]$/.test(version)) throw new DariError("export:interchange.xliffVersion", { file, version });
  const pair = bilingualPair(file, root.attrs.srcLang ?? "", root.attrs.trgLang ?? "", warnings);
  const sides = sidesOf(pair);
  const imp: ImportedProject = { meta: { srcLang: pair.srcLang, tgtLang: pair.tgtLang }, codebook: undefined, passages: [] };
  const origin: Origin = { format: "xliff", version, root: otherAttrs(root.attrs, ["version", "srcLang", "trgLang"]) ?? {}, files: [], groups: [], units: {}, segments: {} };
  const ids = new IdPool();
  const files = elements(root, "file");
  const projectMeta = files.length ? metaGroups(child(files[0], "metadata"), "dari:project")[0] : undefined;
  if (projectMeta) {
    for (const f of META_FIELDS) if (projectMeta.has(f)) imp.meta[f] = projectMeta.get(f)!;
    imp.codebook = projectMeta.get("codebook");
    imp.glossary = projectMeta.get("glossary");
  } else if (files[0]?.attrs.original) imp.meta.title = files[0].attrs.original;

  /** Children before the units, as XML, Dari's own metadata left out (the export writes it anew). */
  const headOf = (el: XElement): string[] =>
    elements(el)
      .filter((c) => c.local !== "unit" && c.local !== "group")
      .map((c) => (c.local === "metadata" ? withoutDari(c) : toXml(c)))
      .filter((x): x is string => !!x);

  let unitNumber = 0;
  const readUnit = (unit: XElement, fileIndex: number, groups: number[]) => {
    unitNumber++;
    const md = child(unit, "metadata");
    const passageMeta = metaGroups(md, "dari:passage")[0];
    const segMeta = new Map(
      elements(md ?? unit, "metaGroup")
        .filter((g) => g.attrs.category === "dari:segment" && g.attrs.id)
        .map((g) => [g.attrs.id, new Map(elements(g, "meta").map((m) => [m.attrs.type ?? "", textOf(m)]))] as const),
    );
    const passageId = ids.take(passageMeta?.get("id") ?? unit.attrs.id ?? "", "p");
    const notes = notesOf(child(unit, "notes"));
    const layout: LayoutItem[] = [];
    const segments: ImportedSegment[] = [];
    for (const c of elements(unit)) {
      if (c.local === "notes") layout.push(["notes"]);
      else if (c.local === "metadata") layout.push(["mda"]);
      else if (c.local !== "segment") layout.push(["xml", toXml(c)]);
      else {
        layout.push(["seg"]);
        const si = segments.length;
        const source = child(c, "source");
        const target = child(c, "target");
        const pieces = { [sides.source]: contentPieces(source), [sides.target]: contentPieces(target) } as { ko: Piece[]; en: Piece[] };
        const ko = piecesText(pieces.ko);
        const en = piecesText(pieces.en);
        const meta = c.attrs.id ? segMeta.get(`m-${c.attrs.id}`) : undefined;
        const id = ids.take(meta?.get("id") ?? c.attrs.id ?? "", "s");
        const kept: OriginSegment = {
          id: c.attrs.id !== undefined && c.attrs.id !== id ? c.attrs.id : undefined,
          attrs: otherAttrs(c.attrs, ["id", "state", "subState"]),
          source: source ? otherAttrs(source.attrs, []) : undefined,
          // Present (if empty) when the segment had a target: a source-only file goes back without one.
          target: target ? { ...target.attrs } : undefined,
        };
        origin.segments![id] = kept;
        // A unit's notes are shown as its first segment's note (XLIFF 2 has no segment notes).
        const note = meta?.get("note") ?? (si === 0 ? notes.map((n) => n.text).join("\n") : "");
        segments.push({
          id,
          ko,
          en,
          status: statusOf(c, meta, en, file, `unit ${unitNumber} › segment ${si + 1}`),
          confirmed: meta?.get("confirmed") === "true",
          confidence: parseConfidence(meta?.get("confidence")),
          note,
          themes: parseSpans(meta?.get("themes")),
          pieces,
        });
      }
    }
    origin.units![passageId] = { file: fileIndex, groups, attrs: otherAttrs(unit.attrs, []) ?? {}, layout, notes, mda: md ? elements(md, "metaGroup").filter((g) => !(g.attrs.category ?? "").startsWith("dari:")).map(toXml) : [] };
    imp.passages.push({ id: passageId, segments });
  };
  const walk = (el: XElement, fileIndex: number, groups: number[]) => {
    for (const c of elements(el)) {
      if (c.local === "unit") readUnit(c, fileIndex, groups);
      else if (c.local === "group") {
        origin.groups!.push({ attrs: { ...c.attrs }, head: headOf(c) });
        walk(c, fileIndex, [...groups, origin.groups!.length - 1]);
      }
    }
  };
  files.forEach((f, i) => {
    origin.files!.push({ attrs: { ...f.attrs }, head: headOf(f) });
    walk(f, i, []);
  });
  imp.meta.origin = JSON.stringify(origin);
  return buildImportedProject(imp, file);
}

/** A metadata element without Dari's own groups, as XML, or null when nothing else is left. */
function withoutDari(md: XElement): string | null {
  const rest = md.children.filter((c) => typeof c !== "string" && !(c.attrs.category ?? "").startsWith("dari:"));
  return rest.length ? toXml({ ...md, children: rest }) : null;
}
