// TMX (1.4b, and the 1.1–1.4 files CAT tools write) -> project. A tu becomes a
// segment; tus that carry Dari's x-dari-passage prop are grouped back into
// their passages, others go into the passage before them (one passage when
// none says). The Korean and English variants are chosen by app/import/
// languages.ts (either may be the source; other languages are left out with a
// warning). The tu's notes become the segment's note, its tuid the segment id
// where it is unique; header notes and props, other props and the tu's own
// attributes are kept in the project's origin record and written back on
// export. Inline codes (bpt, ept, it, ph, ut, and <hi>'s tags around its text)
// become code atoms carrying their markup (app/import/inline.ts); Dari's own
// x-dari-cp placeholder gives back the control character it stands for.
import type { Project } from "../document/project";
import { DariError } from "../errors";
import { isSegmentStatus } from "../schema";
import { child, decodeEntities, elements, parseXml, rawLangOf, textOf, type XElement } from "./xml";
import { buildImportedProject, defaultStatus, IdPool, parseConfidence, parseSpans, type ImportedPassage, type ImportedProject } from "./build-project";
import { META_FIELDS } from "../export/meta";
import { LanguageCount, pickLanguages, variantFor, type ImportWarning } from "./languages";
import type { Origin } from "./origin";
import { piecesOf, piecesText, type Piece } from "./inline";

/** Dari's own placeholder for a control character XML cannot hold gives the character back. */
function controlChar(e: XElement): string | undefined {
  return e.local === "ph" && e.attrs.type === "x-dari-cp" ? decodeEntities(textOf(e)) : undefined;
}

function segPieces(el: XElement): Piece[] {
  return piecesOf(el, controlChar);
}

/** A note's text (Dari writes none with markup). */
function segText(el: XElement): string {
  return piecesText(segPieces(el));
}

function props(el: XElement): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const p of elements(el, "prop")) {
    const type = p.attrs.type ?? "";
    out.set(type, [...(out.get(type) ?? []), textOf(p)]);
  }
  return out;
}

/** Props that are not Dari's own, in order, to be written back. */
function foreignProps(el: XElement): [string, string][] {
  return elements(el, "prop")
    .filter((p) => !(p.attrs.type ?? "").startsWith("x-dari-"))
    .map((p) => [p.attrs.type ?? "", textOf(p)]);
}

/** The tu attributes Dari does not map (tuid is the segment id). */
function otherAttrs(attrs: Record<string, string>, skip: string[]): Record<string, string> | undefined {
  const out = Object.fromEntries(Object.entries(attrs).filter(([k]) => !skip.includes(k)));
  return Object.keys(out).length ? out : undefined;
}

export function importTmx(text: string, file: string, warnings?: ImportWarning[]): Project {
  const root = parseXml(text, file);
  if (root.local !== "tmx") throw new DariError("export:interchange.notTmx", { file, found: root.name });
  const header = child(root, "header");
  const body = child(root, "body");
  const tus = body ? elements(body, "tu") : [];
  const langs = new LanguageCount();
  for (const tu of tus) for (const v of elements(tu, "tuv")) langs.add(rawLangOf(v));
  if (!tus.length) throw new DariError("export:interchange.noSegments", { file });
  const pair = pickLanguages(file, langs, header?.attrs.srclang ?? "", warnings);
  const hp = header ? props(header) : new Map<string, string[]>();
  const origin: Origin = {
    format: "tmx",
    version: root.attrs.version ?? "",
    root: otherAttrs(root.attrs, []) ?? {},
    header: header ? { ...header.attrs } : {},
    notes: header ? elements(header, "note").map(textOf) : [],
    props: header ? foreignProps(header) : [],
    segments: {},
  };
  const imp: ImportedProject = {
    meta: { srcLang: pair.srcLang, tgtLang: pair.tgtLang },
    codebook: hp.get("x-dari-codebook")?.[0],
    glossary: hp.get("x-dari-glossary")?.[0],
    passages: [],
  };
  for (const f of META_FIELDS) {
    const v = hp.get(`x-dari-${f}`)?.[0];
    if (v !== undefined) imp.meta[f] = v;
  }
  const ids = new IdPool();
  let current: ImportedPassage | null = null;
  for (const tu of tus) {
    const tuvs = elements(tu, "tuv");
    const ko = variantFor(tuvs, rawLangOf, pair.ko);
    const en = variantFor(tuvs, rawLangOf, pair.en);
    // A unit with neither side is another language pair's memory.
    if (!ko && !en) continue;
    const p = props(tu);
    const passageId = p.get("x-dari-passage")?.[0];
    if (!current || (passageId !== undefined && passageId !== current.id)) {
      current = { id: ids.take(passageId ?? "", "p"), segments: [] };
      imp.passages.push(current);
    }
    const pieces = { ko: ko ? segPieces(child(ko, "seg") ?? ko) : [], en: en ? segPieces(child(en, "seg") ?? en) : [] };
    const koText = piecesText(pieces.ko);
    const enText = piecesText(pieces.en);
    const status = p.get("x-dari-status")?.[0];
    const note = elements(tu, "note").map(segText).join("\n");
    const id = ids.take(tu.attrs.tuid ?? "", "s");
    const kept = { id: tu.attrs.tuid !== undefined && tu.attrs.tuid !== id ? tu.attrs.tuid : undefined, attrs: otherAttrs(tu.attrs, ["tuid"]), props: foreignProps(tu) };
    if (kept.id !== undefined || kept.attrs || kept.props.length) origin.segments![id] = { ...kept, props: kept.props.length ? kept.props : undefined };
    current.segments.push({
      id,
      ko: koText,
      en: enText,
      status: isSegmentStatus(status) ? status : defaultStatus(enText),
      confirmed: p.get("x-dari-confirmed")?.[0] === "true",
      confidence: parseConfidence(p.get("x-dari-confidence")?.[0]),
      note,
      themes: parseSpans(p.get("x-dari-themes")?.[0]),
      pieces,
    });
  }
  imp.meta.origin = JSON.stringify(origin);
  return buildImportedProject(imp, file);
}
