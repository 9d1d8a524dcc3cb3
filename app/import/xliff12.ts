// XLIFF 1.2 -> project, as Trados (.sdlxliff), memoQ (.mqxliff), OmegaT and
// Okapi write it. A trans-unit becomes a passage; its segments are the
// <mrk mtype="seg"> of its <seg-source> (with the target's mrk of the same
// mid), or the whole source and target when it is not segmented. Statuses:
// the target's state, approved="yes", Trados' sdl:seg conf and memoQ's
// mq:status (see STATE_12 below); translate="no" units are left as reviewed
// (nothing to do) and keep the attribute. Notes become the first segment's
// note; the header, groups, alt-trans, sdl:seg-defs, the text between
// segments and every attribute are kept in the origin record for export.
// Dari's own data rides in standard elements (valid in strict XLIFF 1.2): a
// <reference><internal-file form="application/x-dari+json"> in the header and
// one <context-group name="x-dari-N"> per trans-unit (names are unique in a file).
import type { Project } from "../document/project";
import { DariError } from "../errors";
import { isSegmentStatus, type SegmentStatus } from "../schema";
import { child, elements, toXml, textOf, type XElement } from "./xml";
import { buildImportedProject, defaultStatus, IdPool, parseConfidence, parseSpans, type ImportedProject, type ImportedSegment } from "./build-project";
import { META_FIELDS } from "../export/meta";
import type { ImportWarning } from "./languages";
import type { LayoutItem, Origin, OriginSegment, OriginUnit } from "./origin";
import { piecesOf, piecesText, type Piece } from "./inline";
import { bilingualPair, notesOf, otherAttrs, sidesOf } from "./xliff";

export const DARI_JSON = "application/x-dari+json";

/** XLIFF 1.2 target states, and the statuses of Trados and memoQ, as Dari's. */
export function status12(state: string | undefined, en: string): SegmentStatus | undefined {
  switch (state) {
    case "translated":
    case "Translated":
    case "ManuallyConfirmed":
    case "Confirmed":
      return "translated";
    case "signed-off":
    case "final":
    case "ApprovedTranslation":
    case "ApprovedSignOff":
    case "Proofread":
      return "reviewed";
    case "needs-review-translation":
    case "needs-review-adaptation":
    case "needs-review-l10n":
    case "needs-adaptation":
    case "needs-l10n":
    case "Draft":
    case "RejectedTranslation":
    case "RejectedSignOff":
    case "PartiallyEdited":
    case "Edited":
      return en.trim() ? "draft" : "new";
    default:
      return undefined;
  }
}

/**
 * The mrk mtype="seg" of a seg-source or target, and the markup between them
 * as XML. Trados puts the segments inside the source's inline elements
 * (<g id="pt1"><mrk mtype="seg" mid="1">…</mrk></g>): those elements' tags
 * are then part of the markup between, opened before a segment and closed
 * after it, and go back in the same places.
 */
function segmentsOf(el: XElement): { mrks: XElement[]; gaps: string[] } {
  const mrks: XElement[] = [];
  const gaps: string[] = [""];
  const isSeg = (c: XElement) => c.local === "mrk" && c.attrs.mtype === "seg";
  const holdsSeg = (c: XElement): boolean => elements(c).some((x) => isSeg(x) || holdsSeg(x));
  const walk = (node: XElement) => {
    for (const c of node.children) {
      if (typeof c !== "string" && isSeg(c)) {
        mrks.push(c);
        gaps.push("");
      } else if (typeof c !== "string" && holdsSeg(c)) {
        gaps[gaps.length - 1] += toXml({ ...c, children: [] }).replace(/\/>$/, ">");
        walk(c);
        gaps[gaps.length - 1] += `</${c.name}>`;
      } else gaps[gaps.length - 1] += toXml(c);
    }
  };
  walk(el);
  return { mrks, gaps };
}

/** Dari's data of a trans-unit (its context-group), by mid. */
function dariSegments(tu: XElement): Map<string, Record<string, unknown>> {
  const out = new Map<string, Record<string, unknown>>();
  for (const g of elements(tu, "context-group").filter((g) => /^x-dari(-\d+)?$/.test(g.attrs.name ?? "")))
    for (const c of elements(g, "context")) {
      try {
        const v = JSON.parse(textOf(c)) as Record<string, unknown>;
        out.set(String(v.mid ?? ""), v);
      } catch {
        // A damaged record: the segment is read as another tool's.
      }
    }
  return out;
}

export function importXliff12(root: XElement, file: string, warnings?: ImportWarning[]): Project {
  const files = elements(root, "file");
  const first = files[0];
  const pair = bilingualPair(file, first?.attrs["source-language"] ?? "", first?.attrs["target-language"] ?? "", warnings);
  const sides = sidesOf(pair);
  const imp: ImportedProject = { meta: { srcLang: pair.srcLang, tgtLang: pair.tgtLang }, codebook: undefined, passages: [] };
  const origin: Origin = {
    format: "xliff",
    version: root.attrs.version ?? "1.2",
    root: otherAttrs(root.attrs, ["version"]) ?? {},
    head: elements(root).filter((c) => c.local !== "file").map(toXml),
    files: [],
    groups: [],
    units: {},
    segments: {},
  };
  const ids = new IdPool();
  let unitNumber = 0;

  const readUnit = (tu: XElement, fileIndex: number, groups: number[]) => {
    unitNumber++;
    const dari = dariSegments(tu);
    const own = [...dari.values()][0]?.passage;
    const passageId = ids.take(typeof own === "string" ? own : (tu.attrs.id ?? ""), "p");
    const source = child(tu, "source");
    const segSource = child(tu, "seg-source");
    const target = child(tu, "target");
    const notes = notesOf(tu);
    // Trados keeps each segment's status in sdl:seg-defs, by mid.
    const sdlConf = new Map<string, string>();
    for (const defs of elements(tu, "seg-defs")) for (const s of elements(defs, "seg")) sdlConf.set(s.attrs.id ?? "", s.attrs.conf ?? "");
    const unitState = tu.attrs.approved === "yes" ? "signed-off" : (tu.attrs["mq:status"] ?? target?.attrs.state);
    const layout: LayoutItem[] = [];
    let wroteSeg = false;
    for (const c of elements(tu)) {
      if (c.local === "source" || c.local === "seg-source" || c.local === "target") {
        if (!wroteSeg) layout.push(["seg"]);
        wroteSeg = true;
      } else if (c.local === "note") {
        if (!layout.some((l) => l[0] === "notes")) layout.push(["notes"]);
      } else if (!(c.local === "context-group" && /^x-dari(-\d+)?$/.test(c.attrs.name ?? ""))) layout.push(["xml", toXml(c)]);
    }
    const unit: OriginUnit = { file: fileIndex, groups, attrs: { ...tu.attrs }, layout, notes, mda: [] };
    const raw: { mid: string; source: Piece[]; target: Piece[] }[] = [];
    const seg = segSource ? segmentsOf(segSource) : null;
    if (seg && seg.mrks.length) {
      const tseg = target ? segmentsOf(target) : { mrks: [], gaps: [""] };
      unit.gaps = seg.gaps;
      unit.targetGaps = tseg.gaps.length === seg.gaps.length ? tseg.gaps : undefined;
      unit.segmented = true;
      for (const m of seg.mrks) {
        const t = tseg.mrks.find((x) => x.attrs.mid === m.attrs.mid);
        raw.push({ mid: m.attrs.mid ?? "", source: piecesOf(m), target: t ? piecesOf(t) : [] });
      }
      // A <source> that is not its seg-source without the markers (codes written as text in one of
      // them) goes back as it was while the source segments are unchanged.
      const joined = seg.gaps.map((g, i) => g + (seg.mrks[i] ? seg.mrks[i].children.map(toXml).join("") : "")).join("");
      const own = source ? source.children.map(toXml).join("") : "";
      if (own !== joined) unit.source = { xml: own, segments: seg.mrks.map((m) => m.children.map(toXml).join("")) };
    } else raw.push({ mid: "", source: source ? piecesOf(source) : [], target: target ? piecesOf(target) : [] });
    unit.sourceAttrs = source ? otherAttrs(source.attrs, []) : undefined;
    unit.targetAttrs = target ? otherAttrs(target.attrs, ["state"]) : undefined;
    const segments: ImportedSegment[] = raw.map((r, si) => {
      const pieces = { [sides.source]: r.source, [sides.target]: r.target } as { ko: Piece[]; en: Piece[] };
      const ko = piecesText(pieces.ko);
      const en = piecesText(pieces.en);
      const mine = dari.get(r.mid);
      const id = ids.take(typeof mine?.id === "string" ? mine.id : r.mid, "s");
      const kept: OriginSegment = { id: r.mid && r.mid !== id ? r.mid : undefined };
      if (kept.id !== undefined) origin.segments![id] = kept;
      const ownStatus = mine?.status;
      const status = isSegmentStatus(ownStatus)
        ? ownStatus
        : tu.attrs.translate === "no"
          ? "reviewed"
          : (status12(sdlConf.get(r.mid) || unitState, en) ?? defaultStatus(en));
      return {
        id,
        ko,
        en,
        status,
        confirmed: mine?.confirmed === true,
        confidence: parseConfidence(mine?.confidence === undefined ? undefined : String(mine.confidence)),
        note: typeof mine?.note === "string" ? mine.note : si === 0 ? notes.map((n) => n.text).join("\n") : "",
        themes: parseSpans(mine?.themes === undefined ? undefined : JSON.stringify(mine.themes)),
        pieces,
      };
    });
    origin.units![passageId] = unit;
    imp.passages.push({ id: passageId, segments });
  };

  const walk = (el: XElement, fileIndex: number, groups: number[]) => {
    for (const c of elements(el)) {
      if (c.local === "trans-unit") readUnit(c, fileIndex, groups);
      // Binary units (images, icons) have no text to align, and no place in a bitext to come back from.
      else if (c.local === "bin-unit") throw new DariError("export:interchange.unsupported", { file, where: `bin-unit ${c.attrs.id ?? ""}`.trim(), feature: "binary units (<bin-unit>)" });
      else if (c.local === "group") {
        origin.groups!.push({ attrs: { ...c.attrs }, head: elements(c).filter((x) => x.local !== "trans-unit" && x.local !== "group").map(toXml) });
        walk(c, fileIndex, [...groups, origin.groups!.length - 1]);
      }
    }
  };
  files.forEach((f, i) => {
    const header = child(f, "header");
    // Dari's own project record, and the header without it.
    const own = header ? elements(header, "reference").find((r) => child(r, "internal-file")?.attrs.form === DARI_JSON) : undefined;
    if (own && i === 0) {
      try {
        const v = JSON.parse(textOf(child(own, "internal-file")!)) as Record<string, unknown>;
        for (const k of META_FIELDS) if (typeof v[k] === "string") imp.meta[k] = v[k] as string;
        imp.codebook = v.codebook === undefined ? undefined : JSON.stringify(v.codebook);
        imp.glossary = v.glossary === undefined ? undefined : JSON.stringify(v.glossary);
      } catch {
        // A damaged record: the file is read as another tool's.
      }
    } else if (i === 0 && f.attrs.original) imp.meta.title = f.attrs.original;
    const headerXml = header ? toXml({ ...header, children: header.children.filter((c) => c !== own) }) : "";
    origin.files!.push({ attrs: { ...f.attrs }, head: headerXml ? [headerXml] : [] });
    const body = child(f, "body");
    if (body) walk(body, i, []);
  });
  imp.meta.origin = JSON.stringify(origin);
  return buildImportedProject(imp, file);
}
