// Three-way merge of .dari projects, for two analysts working on one project
// in git (`dari merge-driver %O %A %B`). It merges at the level the analyst
// thinks in, not lines of JSON: metadata fields, codebook and glossary
// entries by id, passages and segments by id, each segment's status, note and
// confirmation, each side's text, and theme tags by tag id.
//
// What cannot be merged is never dropped: when both branches changed the same
// side of a segment differently, or one deleted a segment the other changed,
// the segment keeps our version and carries theirs in its `conflict`
// attribute, flagged, for the analyst to resolve in the editor. The result is
// always a valid project (the caller parses it before writing).
import type { SegmentConflict } from "../schema";
import { mapTags, readSide, sameText, splitTagKey, writeSide, type SideContent, type SideJSON, type TagRange } from "./side-content";
import { newId } from "../ids";
import { parseProject } from "../document/parse";
import { toFileJSON } from "../document/serialize";
import { DariError, isDariError } from "../errors";
import { mergeIgnored, type QaIgnored } from "../translate/qa-ignore";

/** The JSON of a .dari file, as far as the merge needs to see it. */
export interface ProjectFileJSON {
  format: string;
  version: number;
  meta: Record<string, unknown>;
  codebook: Entry[];
  glossary: Entry[];
  doc: { type: "doc"; content: PassageJSON[] };
  [key: string]: unknown;
}

interface Entry {
  id: string;
  [key: string]: unknown;
}

interface PassageJSON {
  type: "passage";
  attrs: { id: string; [k: string]: unknown };
  content: SegmentJSON[];
}

interface SegmentJSON {
  type: "segment";
  attrs: { id: string; conflict?: SegmentConflict | null; [k: string]: unknown };
  content: [SideJSON, SideJSON];
}

export interface MergeResult {
  file: ProjectFileJSON;
  /** Segments left with a conflict for the analyst (ids). */
  conflicts: string[];
  /** Fields of metadata, codebook or glossary both branches changed differently: ours was kept. */
  kept: string[];
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The three-way choice for one value: whichever branch changed it; ours when both did. */
function pick<T>(base: T | undefined, ours: T | undefined, theirs: T | undefined): { value: T | undefined; clash: boolean } {
  if (same(ours, theirs)) return { value: ours, clash: false };
  if (same(base, ours)) return { value: theirs, clash: false };
  if (same(base, theirs)) return { value: ours, clash: false };
  return { value: ours, clash: true };
}

function mergeRecord(base: Record<string, unknown> | undefined, ours: Record<string, unknown>, theirs: Record<string, unknown>, where: string, kept: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const keys = new Set([...Object.keys(ours), ...Object.keys(theirs)]);
  for (const k of keys) {
    const { value, clash } = pick(base?.[k], ours[k], theirs[k]);
    if (clash && k !== "modified") kept.push(`${where}.${k}`);
    if (value !== undefined) out[k] = value;
  }
  return out;
}

/**
 * Entries (codes, glossary terms) by id: fields merged three-way; added on
 * either branch kept; deleted on one branch and untouched on the other gone;
 * deleted on one and changed on the other kept. Our order, theirs' new ones
 * after the entry they follow.
 */
function mergeEntries(base: Entry[], ours: Entry[], theirs: Entry[], where: string, kept: string[]): Entry[] {
  const b = new Map(base.map((e) => [e.id, e]));
  const t = new Map(theirs.map((e) => [e.id, e]));
  const o = new Map(ours.map((e) => [e.id, e]));
  const order = mergeOrder(
    base.map((e) => e.id),
    ours.map((e) => e.id),
    theirs.map((e) => e.id),
    (id) => !same(b.get(id), o.get(id)),
    (id) => !same(b.get(id), t.get(id)),
  );
  return order.map((id) => {
    const [be, oe, te] = [b.get(id), o.get(id), t.get(id)];
    if (oe && te) return mergeRecord(be, oe, te, `${where}.${id}`, kept) as Entry;
    return (oe ?? te)!;
  });
}

/**
 * The merged order of ids: ours, less what theirs deleted (unless ours changed
 * it), plus what theirs added, placed after the nearest id before it in
 * theirs that is in the result. `oursChanged`/`theirsChanged` tell whether a
 * branch changed an item it kept.
 */
export function mergeOrder(
  base: string[],
  ours: string[],
  theirs: string[],
  oursChanged: (id: string) => boolean,
  theirsChanged: (id: string) => boolean,
  onDeleteChanged?: (id: string, deletedBy: "ours" | "theirs") => void,
): string[] {
  const inBase = new Set(base);
  const inOurs = new Set(ours);
  const inTheirs = new Set(theirs);
  const result: string[] = [];
  for (const id of ours) {
    if (inBase.has(id) && !inTheirs.has(id)) {
      // Deleted by theirs: gone, unless ours changed it.
      if (!oursChanged(id)) continue;
      onDeleteChanged?.(id, "theirs");
    }
    result.push(id);
  }
  // Deleted by ours but changed by theirs: brought back (nothing is lost).
  const back = new Set<string>();
  for (const id of theirs) {
    if (inBase.has(id) && !inOurs.has(id) && theirsChanged(id)) {
      back.add(id);
      onDeleteChanged?.(id, "ours");
    }
  }
  const position = new Map(result.map((id, i) => [id, i]));
  // Insert theirs' additions after their predecessor in theirs, in theirs' order.
  const inserts = new Map<number, string[]>(); // index in result (-1: at the start) -> ids
  let anchor = -1;
  for (const id of theirs) {
    const at = position.get(id);
    if (at !== undefined) {
      anchor = at;
      continue;
    }
    if ((!inBase.has(id) && !inOurs.has(id)) || back.has(id)) {
      const list = inserts.get(anchor) ?? [];
      list.push(id);
      inserts.set(anchor, list);
    }
  }
  if (inserts.size === 0) return result;
  const out: string[] = [...(inserts.get(-1) ?? [])];
  result.forEach((id, i) => {
    out.push(id);
    const after = inserts.get(i);
    if (after) out.push(...after);
  });
  return out;
}

interface SegmentInfo {
  seg: SegmentJSON;
  passage: PassageJSON;
}

function segmentsOf(file: ProjectFileJSON): Map<string, SegmentInfo> {
  const out = new Map<string, SegmentInfo>();
  for (const passage of file.doc.content) for (const seg of passage.content) out.set(seg.attrs.id, { seg, passage });
  return out;
}

function segmentOrder(file: ProjectFileJSON): string[] {
  return file.doc.content.flatMap((p) => p.content.map((s) => s.attrs.id));
}

/** Tags of one side merged by tag key, all in the coordinates of the chosen text. */
function mergeTags(base: Map<string, TagRange[]>, ours: Map<string, TagRange[]>, theirs: Map<string, TagRange[]>): Map<string, TagRange[]> {
  const out = new Map<string, TagRange[]>();
  const keys = new Set([...ours.keys(), ...theirs.keys()]);
  for (const key of keys) {
    const { value } = pick(base.get(key), ours.get(key), theirs.get(key));
    if (value && value.length) out.set(key, value);
  }
  return out;
}

interface SideMerge {
  side: SideJSON;
  /** Their side, when both branches changed the text differently. */
  clash: SideJSON | null;
}

function mergeSide(type: "ko" | "en", base: SideJSON | undefined, ours: SideJSON, theirs: SideJSON): SideMerge {
  const [b, o, t] = [readSide(base), readSide(ours), readSide(theirs)];
  let text: SideContent;
  let clash: SideJSON | null = null;
  let tags: Map<string, TagRange[]>;
  if (sameText(o, t)) {
    text = o;
    tags = mergeTags(mapTags(b.tags, b.text, o.text), o.tags, t.tags);
  } else if (sameText(b, o)) {
    // Only theirs changed the text: our tag changes are carried onto it.
    text = t;
    tags = mergeTags(mapTags(b.tags, b.text, t.text), mapTags(o.tags, o.text, t.text), t.tags);
  } else if (sameText(b, t)) {
    text = o;
    tags = mergeTags(mapTags(b.tags, b.text, o.text), o.tags, mapTags(t.tags, t.text, o.text));
  } else {
    text = o;
    tags = o.tags;
    clash = theirs;
  }
  return { side: writeSide(type, { text: text.text, atoms: text.atoms, tags }), clash };
}

function mergeSegment(base: SegmentJSON | undefined, ours: SegmentJSON, theirs: SegmentJSON, kept: string[]): SegmentJSON {
  const { conflict: oc, ...oa } = ours.attrs;
  const { conflict: tc, ...ta } = theirs.attrs;
  const { conflict: bc, ...ba } = base?.attrs ?? ({} as SegmentJSON["attrs"]);
  const attrs = mergeRecord(base ? ba : undefined, oa, ta, `segment ${ours.attrs.id}`, kept) as SegmentJSON["attrs"];
  const ko = mergeSide("ko", base?.content[0], ours.content[0], theirs.content[0]);
  const en = mergeSide("en", base?.content[1], ours.content[1], theirs.content[1]);
  // A conflict from an earlier merge: resolved on one branch, it stays resolved; one a branch carries stays.
  let conflict: SegmentConflict | null = (base ? pick(bc ?? null, oc ?? null, tc ?? null).value : (oc ?? tc)) ?? null;
  if (ko.clash || en.clash) {
    conflict = { ...(conflict ?? {}) };
    if (ko.clash) conflict.ko = ko.clash;
    if (en.clash) conflict.en = en.clash;
  }
  attrs.conflict = conflict;
  return { type: "segment", attrs, content: [ko.side, en.side] };
}

/**
 * Merges `ours` and `theirs`, both descended from `base`. The inputs are the
 * parsed JSON of .dari files of the same version; they are not changed.
 */
export function mergeProjects(base: ProjectFileJSON, ours: ProjectFileJSON, theirs: ProjectFileJSON): MergeResult {
  const kept: string[] = [];
  const conflicts: string[] = [];
  const meta = mergeRecord(base.meta, ours.meta, theirs.meta, "meta", kept);
  const stamps = [ours.meta.modified, theirs.meta.modified].filter((m): m is string => typeof m === "string").sort();
  if (stamps.length) meta.modified = stamps[stamps.length - 1];
  const codebook = mergeEntries(base.codebook ?? [], ours.codebook ?? [], theirs.codebook ?? [], "codebook", kept);
  const glossary = mergeEntries(base.glossary ?? [], ours.glossary ?? [], theirs.glossary ?? [], "glossary", kept);
  // Code sets (REFI-QDA <Sets>) are entries by their guid.
  const sets = (f: ProjectFileJSON) => ((f.codeSets as { guid: string }[] | undefined) ?? []).map((e) => ({ ...e, id: e.guid }));
  const codeSets = mergeEntries(sets(base), sets(ours), sets(theirs), "codeSets", kept).map(({ id: _id, ...set }) => set);

  // Ignored QA findings: what either analyst set aside since the base stays aside.
  const ignored = (f: ProjectFileJSON) => f.qaIgnored as QaIgnored[] | undefined;
  const qaIgnored = mergeIgnored(ignored(base), ignored(ours), ignored(theirs));

  const [bs, os, ts] = [segmentsOf(base), segmentsOf(ours), segmentsOf(theirs)];
  // Each segment's JSON as text, once: most segments of two versions are the same, and a
  // segment that only one branch changed is that branch's, with no need to merge it.
  const texts = new Map<SegmentJSON, string>();
  const textOf = (seg: SegmentJSON) => {
    let t = texts.get(seg);
    if (t === undefined) texts.set(seg, (t = JSON.stringify(seg)));
    return t;
  };
  const changed = (side: Map<string, SegmentInfo>) => (id: string) => {
    const b = bs.get(id);
    const x = side.get(id);
    return !b || !x || textOf(b.seg) !== textOf(x.seg);
  };
  const deletedChanged = new Map<string, "ours" | "theirs">();
  const order = mergeOrder(segmentOrder(base), segmentOrder(ours), segmentOrder(theirs), changed(os), changed(ts), (id, by) => deletedChanged.set(id, by));

  // Each segment's passage: whichever branch moved it; ours when both did.
  const passageOf = (id: string): PassageJSON => {
    const [b, o, t] = [bs.get(id), os.get(id), ts.get(id)];
    if (o && t) return b && b.passage.attrs.id === o.passage.attrs.id && b.passage.attrs.id !== t.passage.attrs.id ? t.passage : o.passage;
    return (o ?? t)!.passage;
  };
  const passagesById = (f: ProjectFileJSON) => new Map(f.doc.content.map((x) => [x.attrs.id, x]));
  const [bp0, op0, tp0] = [passagesById(base), passagesById(ours), passagesById(theirs)];
  const passageAttrs = (p: PassageJSON) => {
    const [bp, op, tp] = [bp0.get(p.attrs.id), op0.get(p.attrs.id), tp0.get(p.attrs.id)];
    if (op && tp) return mergeRecord(bp?.attrs, op.attrs, tp.attrs, `passage ${p.attrs.id}`, kept) as PassageJSON["attrs"];
    return { ...p.attrs };
  };

  const passages: PassageJSON[] = [];
  const usedPassageIds = new Set<string>();
  let current: PassageJSON | null = null;
  let currentSource = "";
  for (const id of order) {
    const [b, o, t] = [bs.get(id), os.get(id), ts.get(id)];
    let seg: SegmentJSON;
    if (o && t) {
      const [bt, ot, tt] = [b && textOf(b.seg), textOf(o.seg), textOf(t.seg)];
      // The same in both, or changed by one branch only: that version (attributes copied, as they may change below).
      const one = ot === tt || bt === tt ? o.seg : bt === ot ? t.seg : null;
      seg = one ? { ...one, attrs: { ...one.attrs } } : mergeSegment(b?.seg, o.seg, t.seg, kept);
    } else {
      seg = structuredClone((o ?? t)!.seg);
      const by = deletedChanged.get(id);
      if (by) seg.attrs.conflict = { ...(seg.attrs.conflict ?? {}), deleted: by };
    }
    if (seg.attrs.conflict) conflicts.push(id);
    else delete seg.attrs.conflict;
    const source = passageOf(id);
    if (!current || source.attrs.id !== currentSource) {
      const attrs = passageAttrs(source);
      // A passage split in two by the merge keeps its id once.
      if (usedPassageIds.has(attrs.id)) attrs.id = newId("p");
      usedPassageIds.add(attrs.id);
      current = { type: "passage", attrs, content: [] };
      currentSource = source.attrs.id;
      passages.push(current);
    }
    current.content.push(seg);
  }

  // A theme still used by a tag is never lost with its code.
  const codeIds = new Set(codebook.map((c) => c.id));
  const allCodes = new Map([...base.codebook, ...theirs.codebook, ...ours.codebook].map((c) => [c.id, c]));
  for (const p of passages)
    for (const s of p.content)
      for (const side of s.content)
        for (const n of side.content ?? [])
          for (const m of n.marks ?? []) {
            const code = String(m.attrs?.code ?? "");
            if (m.type === "theme" && !codeIds.has(code) && allCodes.has(code)) {
              codebook.push(allCodes.get(code)!);
              codeIds.add(code);
            }
          }
  // Parents removed on one branch: the code moves to the top level.
  for (const c of codebook) if (c.parent && !codeIds.has(String(c.parent))) c.parent = null;

  const file: ProjectFileJSON = {
    ...ours,
    meta,
    codebook,
    glossary,
    doc: { type: "doc", content: passages.length ? passages : ours.doc.content },
  };
  if (codeSets.length) file.codeSets = codeSets;
  else delete file.codeSets;
  if (qaIgnored.length) file.qaIgnored = qaIgnored;
  else delete file.qaIgnored;
  return { file, conflicts, kept };
}

/** Which tag ids a side carries (for tests and reports). */
export function tagIds(side: SideJSON): string[] {
  return [...readSide(side).tags.keys()].map((k) => splitTagKey(k).id);
}

/** A project file's text as the merge's JSON: parsed, validated and brought to this version. */
export function projectFileJSON(text: string, file: string): ProjectFileJSON {
  try {
    return toFileJSON(parseProject(text)) as unknown as ProjectFileJSON;
  } catch (e) {
    throw new DariError("library:merge.badInput", { file, message: isDariError(e) ? e.message : String(e) });
  }
}

/**
 * Merges three .dari texts (git's %O, %A, %B). The result is the text of a
 * valid project (checked by parsing it) and the ids of its conflicted segments.
 */
export function mergeProjectTexts(
  base: { text: string; file: string },
  ours: { text: string; file: string },
  theirs: { text: string; file: string },
): { text: string; conflicts: string[]; kept: string[] } {
  const r = mergeProjects(projectFileJSON(base.text, base.file), projectFileJSON(ours.text, ours.file), projectFileJSON(theirs.text, theirs.file));
  const text = JSON.stringify(r.file, null, 1) + "\n";
  parseProject(text);
  return { text, conflicts: r.conflicts, kept: r.kept };
}
