// Reading a .dari file. Every problem is reported with the place it was found
// (a readable path such as `passage 3 › segment 2 › ko` plus the JSON pointer)
// and the reason; a file from a newer version is refused, never rewritten.
import { Node as PMNode } from "prosemirror-model";
import { schema, isSegmentStatus, CODE_KINDS } from "../schema";
import { DariError } from "../errors";
import { FORMAT_NAME, FORMAT_VERSION, emptyMeta, type Project, type ProjectMeta } from "./project";
import { migrate } from "./migrate";
import type { Code, CodeSet } from "../themes/codebook";
import type { GlossaryEntry } from "../translate/glossary-entry";
import type { QaIgnored } from "../translate/qa-ignore";

type Raw = Record<string, unknown>;

/**
 * A place in the file: a JSON pointer and a readable label. Both are built
 * only when a problem is reported: a 20,000-segment file creates a place for
 * every node it checks, and nearly all of them are never printed.
 */
class Place {
  constructor(
    private readonly parent: Place | null,
    private readonly part: string | number | null,
    private readonly ownLabel: string | (() => string) | undefined,
  ) {}
  static top(): Place {
    return new Place(null, null, "");
  }
  key(k: string | number, label?: string | (() => string)): Place {
    return new Place(this, k, label);
  }
  get pointer(): string {
    if (!this.parent) return "";
    const part = typeof this.part === "number" ? String(this.part) : String(this.part).replace(/~/g, "~0").replace(/\//g, "~1");
    return `${this.parent.pointer}/${part}`;
  }
  get label(): string {
    if (typeof this.ownLabel === "function") return this.ownLabel();
    if (this.ownLabel !== undefined) return this.ownLabel;
    return `${this.parent ? this.parent.label : ""} › ${this.part}`;
  }
  toString(): string {
    return `${this.label || "(top)"} (${this.pointer || "/"})`;
  }
}

function fail(place: Place, reason: string, extra: Record<string, string | number> = {}): never {
  throw new DariError(`file.${reason}`, { where: place.toString(), ...extra });
}

function isObj(v: unknown): v is Raw {
  return !!v && typeof v === "object" && !Array.isArray(v);
}

function str(obj: Raw, key: string, place: Place, optional = false): string {
  const v = obj[key];
  if (v === undefined && optional) return "";
  if (typeof v !== "string") fail(place.key(key), "notString", { field: key });
  return v;
}

function validateMeta(v: unknown, place: Place): ProjectMeta {
  if (v === undefined) return emptyMeta();
  if (!isObj(v)) fail(place, "notObject", { field: "meta" });
  const base = emptyMeta();
  const out = { ...base } as unknown as Record<string, string>;
  for (const k of ["title", "source", "author", "date", "created", "modified"] as const) {
    out[k] = v[k] === undefined ? (base[k] as string) : str(v, k, place);
  }
  const meta = out as unknown as ProjectMeta;
  meta.origin = v.origin === undefined ? "" : str(v, "origin", place);
  // The language pair: Korean and English, in either order; anything else is read as ko → en.
  const src = typeof v.srcLang === "string" ? v.srcLang : "ko";
  const tgt = typeof v.tgtLang === "string" ? v.tgtLang : "en";
  const primary = (code: string) => (LANG_CODE.test(code) ? code.split(/[-_]/)[0].toLowerCase() : "");
  const pair = `${primary(src)}>${primary(tgt)}`;
  return { ...meta, ...(pair === "ko>en" || pair === "en>ko" ? { srcLang: src, tgtLang: tgt } : { srcLang: "ko", tgtLang: "en" }) };
}

/** A language tag as interchange files write them (BCP 47, or with an underscore). */
const LANG_CODE = /^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*$/;

function stringList(v: unknown, place: Place, field: string): string[] {
  if (v === undefined) return [];
  if (!Array.isArray(v)) fail(place, "notArray", { field });
  return v.map((s, i) => {
    if (typeof s !== "string") fail(place.key(i), "notString", { field });
    return s;
  });
}

function validateCodebook(v: unknown, place: Place): Code[] {
  if (v === undefined) return [];
  if (!Array.isArray(v)) fail(place, "notArray", { field: "codebook" });
  const ids = new Set<string>();
  const codes = v.map((c, i): Code => {
    const p = place.key(i, `codebook › code ${i + 1}`);
    if (!isObj(c)) fail(p, "notObject", { field: "code" });
    const id = str(c, "id", p);
    if (!id) fail(p.key("id"), "emptyId");
    if (ids.has(id)) fail(p.key("id"), "duplicateId", { id });
    ids.add(id);
    const bi = (k: string) => {
      const o = c[k];
      if (o === undefined) return { ko: "", en: "" };
      if (!isObj(o)) fail(p.key(k), "notObject", { field: k });
      return { ko: str(o, "ko", p.key(k), true), en: str(o, "en", p.key(k), true) };
    };
    const kw = c.keywords;
    if (kw !== undefined && !isObj(kw)) fail(p.key("keywords"), "notObject", { field: "keywords" });
    const color = str(c, "color", p, true) || "#888888";
    if (!/^#[0-9a-fA-F]{6}$/.test(color)) fail(p.key("color"), "badColor", { value: color.slice(0, 40) });
    const parent = c.parent === undefined || c.parent === null ? null : str(c, "parent", p);
    if (c.codable !== undefined && typeof c.codable !== "boolean") fail(p.key("codable"), "notBoolean", { field: "codable" });
    return {
      id,
      label: bi("label"),
      description: bi("description"),
      color,
      parent,
      shortcut: str(c, "shortcut", p, true),
      keywords: {
        ko: stringList(kw?.ko, p.key("keywords").key("ko"), "keywords.ko"),
        en: stringList(kw?.en, p.key("keywords").key("en"), "keywords.en"),
      },
      ...(c.codable === false ? { codable: false as const } : {}),
    };
  });
  codes.forEach((c, i) => {
    if (c.parent !== null && !ids.has(c.parent)) fail(place.key(i, `codebook › code ${i + 1}`).key("parent"), "unknownParent", { id: c.parent });
  });
  // Parents that lead back to the code itself put it under no top-level code: it would vanish from the
  // codebook's tree (and its .qdc export). Refused here, naming the circle.
  const parentOf = new Map(codes.map((c) => [c.id, c.parent]));
  codes.forEach((c, i) => {
    const seen = [c.id];
    for (let p = c.parent; p !== null; p = parentOf.get(p) ?? null) {
      if (p === c.id) fail(place.key(i, `codebook › code ${i + 1}`).key("parent"), "parentCycle", { id: c.id, cycle: [...seen, p].map((x) => x.slice(0, 40)).join(" → ") });
      if (seen.includes(p)) break; // a circle further up: reported at one of its own codes
      seen.push(p);
    }
  });
  return codes;
}

/**
 * REFI-QDA code sets kept for the round trip. A member that is no longer a code
 * (deleted in the codebook panel, or by a merge) is left out rather than
 * refusing the file: there is nothing of it to keep.
 */
function validateCodeSets(v: unknown, place: Place, codes: Code[]): CodeSet[] | undefined {
  if (v === undefined) return undefined;
  if (!Array.isArray(v)) fail(place, "notArray", { field: "codeSets" });
  const ids = new Set(codes.map((c) => c.id));
  return v.map((s, i) => {
    const p = place.key(i, `codeSets › set ${i + 1}`);
    if (!isObj(s)) fail(p, "notObject", { field: "set" });
    const members = stringList(s.codes, p.key("codes"), "codes").filter((id) => ids.has(id));
    return { guid: str(s, "guid", p), name: str(s, "name", p), description: str(s, "description", p, true), codes: members };
  });
}

function validateGlossary(v: unknown, place: Place): GlossaryEntry[] {
  if (v === undefined) return [];
  if (!Array.isArray(v)) fail(place, "notArray", { field: "glossary" });
  return v.map((e, i) => {
    const p = place.key(i, `glossary › entry ${i + 1}`);
    if (!isObj(e)) fail(p, "notObject", { field: "entry" });
    return {
      id: str(e, "id", p, true) || `g${i + 1}`,
      ko: str(e, "ko", p),
      en: str(e, "en", p),
      note: str(e, "note", p, true),
      forbidden: stringList(e.forbidden, p.key("forbidden"), "forbidden"),
    };
  });
}

/** QA findings set aside (issue 17.9): optional; files without it are read as before. */
function validateQaIgnored(v: unknown, place: Place): QaIgnored[] | undefined {
  if (v === undefined) return undefined;
  if (!Array.isArray(v)) fail(place, "notArray", { field: "qaIgnored" });
  return v.map((e, i) => {
    const p = place.key(i, `qaIgnored › entry ${i + 1}`);
    if (!isObj(e)) fail(p, "notObject", { field: "entry" });
    return { segment: str(e, "segment", p), rule: str(e, "rule", p), key: str(e, "key", p) };
  });
}

function validateSide(v: unknown, place: Place, expected: "ko" | "en"): void {
  if (!isObj(v)) fail(place, "notObject", { field: expected });
  if (v.type !== expected) fail(place.key("type"), "wrongNode", { expected, found: String(v.type).slice(0, 40) });
  if (v.content === undefined) return;
  if (!Array.isArray(v.content)) fail(place.key("content"), "notArray", { field: "content" });
  v.content.forEach((t, i) => {
    const p = place.key("content").key(i, () => `${place.label} › ${isObj(t) && t.type === "code" ? "code" : "text"} ${i + 1}`);
    if (!isObj(t) || (t.type !== "text" && t.type !== "code")) fail(p, "wrongNode", { expected: "text", found: isObj(t) ? String(t.type).slice(0, 40) : typeof t });
    if (t.type === "code") {
      // An inline code of an imported file: its kind, id, original markup and label.
      const a = t.attrs;
      if (!isObj(a)) fail(p.key("attrs"), "notObject", { field: "attrs" });
      if (!(CODE_KINDS as readonly unknown[]).includes(a.kind)) fail(p.key("attrs").key("kind"), "wrongNode", { expected: CODE_KINDS.join("|"), found: String(a.kind).slice(0, 40) });
      for (const k of ["id", "xml", "label"]) if (a[k] !== undefined) str(a, k, p.key("attrs"));
    } else if (typeof t.text !== "string" || t.text.length === 0) fail(p.key("text"), "emptyText");
    if (t.marks === undefined) return;
    if (!Array.isArray(t.marks)) fail(p.key("marks"), "notArray", { field: "marks" });
    t.marks.forEach((m, j) => {
      const mp = p.key("marks").key(j, () => `${p.label} › mark ${j + 1}`);
      if (!isObj(m)) fail(mp, "notObject", { field: "mark" });
      if (m.type !== "theme") fail(mp.key("type"), "unknownMark", { mark: String(m.type).slice(0, 40) });
      const a = m.attrs;
      if (!isObj(a)) fail(mp.key("attrs"), "notObject", { field: "attrs" });
      str(a, "code", mp.key("attrs"));
      str(a, "id", mp.key("attrs"));
      if (a.note !== undefined) str(a, "note", mp.key("attrs"));
    });
  });
}

/** A merge conflict kept on a segment: their version of a side, or who deleted it. */
function validateConflict(v: unknown, place: Place): void {
  if (!isObj(v)) fail(place, "notObject", { field: "conflict" });
  if (v.ko !== undefined) validateSide(v.ko, place.key("ko", () => `${place.label} › ko`), "ko");
  if (v.en !== undefined) validateSide(v.en, place.key("en", () => `${place.label} › en`), "en");
  if (v.deleted !== undefined && v.deleted !== "ours" && v.deleted !== "theirs")
    fail(place.key("deleted"), "badConflict", { value: String(v.deleted).slice(0, 40) });
}

function validateDoc(v: unknown, place: Place): void {
  if (!isObj(v)) fail(place, "notObject", { field: "doc" });
  if (v.type !== "doc") fail(place.key("type"), "wrongNode", { expected: "doc", found: String(v.type).slice(0, 40) });
  if (!Array.isArray(v.content) || v.content.length === 0) fail(place.key("content"), "noPassages");
  const ids = new Set<string>();
  const unique = (id: string, p: Place) => {
    if (!id) fail(p, "emptyId");
    if (ids.has(id)) fail(p, "duplicateId", { id: id.slice(0, 80) });
    ids.add(id);
  };
  v.content.forEach((pv, i) => {
    const pp = place.key("content").key(i, `passage ${i + 1}`);
    if (!isObj(pv)) fail(pp, "notObject", { field: "passage" });
    if (pv.type !== "passage") fail(pp.key("type"), "wrongNode", { expected: "passage", found: String(pv.type).slice(0, 40) });
    const pa = isObj(pv.attrs) ? pv.attrs : {};
    unique(str(pa, "id", pp.key("attrs"), true), pp.key("attrs").key("id"));
    if (!Array.isArray(pv.content) || pv.content.length === 0) fail(pp.key("content"), "noSegments");
    pv.content.forEach((sv, j) => {
      const sp = pp.key("content").key(j, () => `passage ${i + 1} › segment ${j + 1}`);
      if (!isObj(sv)) fail(sp, "notObject", { field: "segment" });
      if (sv.type !== "segment") fail(sp.key("type"), "wrongNode", { expected: "segment", found: String(sv.type).slice(0, 40) });
      if (!isObj(sv.attrs)) fail(sp.key("attrs"), "notObject", { field: "attrs" });
      const a = sv.attrs;
      const ap = sp.key("attrs");
      unique(str(a, "id", ap), ap.key("id"));
      if (!isSegmentStatus(a.status)) fail(ap.key("status"), "badStatus", { value: String(a.status).slice(0, 40) });
      if (a.confirmed !== undefined && typeof a.confirmed !== "boolean") fail(ap.key("confirmed"), "notBoolean", { field: "confirmed" });
      if (a.note !== undefined) str(a, "note", ap);
      const c = a.confidence;
      if (c !== undefined && c !== null && (typeof c !== "number" || !(c >= 0 && c <= 1)))
        fail(ap.key("confidence"), "badConfidence", { value: String(c).slice(0, 40) });
      if (a.conflict !== undefined && a.conflict !== null) validateConflict(a.conflict, ap.key("conflict", () => `${sp.label} › conflict`));
      if (!Array.isArray(sv.content) || sv.content.length !== 2) fail(sp.key("content"), "segmentSides");
      validateSide(sv.content[0], sp.key("content").key(0, () => `${sp.label} › ko`), "ko");
      validateSide(sv.content[1], sp.key("content").key(1, () => `${sp.label} › en`), "en");
    });
  });
}

/** Parses and validates the text of a .dari file. Throws DariError naming the place. */
export function parseProject(text: string): Project {
  const top = Place.top();
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (e) {
    const m = /position (\d+)/.exec(String((e as Error).message));
    const pos = m ? Number(m[1]) : text.length;
    const before = text.slice(0, pos);
    const line = before.split("\n").length;
    const column = pos - before.lastIndexOf("\n");
    throw new DariError("file.notJson", { line, column, reason: String((e as Error).message).slice(0, 200) });
  }
  if (!isObj(raw)) fail(top, "notObject", { field: "file" });
  if (raw.format !== FORMAT_NAME) fail(top.key("format", "format"), "notDari", { found: String(raw.format).slice(0, 40) });
  const version = raw.version;
  if (typeof version !== "number" || !Number.isInteger(version) || version < 1)
    fail(top.key("version", "version"), "badVersion", { value: String(version).slice(0, 40) });
  if (version > FORMAT_VERSION) throw new DariError("file.newerVersion", { version, supported: FORMAT_VERSION });
  const file = version < FORMAT_VERSION ? migrate(raw, version) : raw;

  const meta = validateMeta(file.meta, top.key("meta", "meta"));
  const codebook = validateCodebook(file.codebook, top.key("codebook", "codebook"));
  const glossary = validateGlossary(file.glossary, top.key("glossary", "glossary"));
  const codeSets = validateCodeSets(file.codeSets, top.key("codeSets", "codeSets"), codebook);
  const qaIgnored = validateQaIgnored(file.qaIgnored, top.key("qaIgnored", "qaIgnored"));
  validateDoc(file.doc, top.key("doc", ""));

  let doc: PMNode;
  try {
    doc = PMNode.fromJSON(schema, file.doc);
    doc.check();
  } catch (e) {
    throw new DariError("file.invalidDoc", { reason: String((e as Error).message).slice(0, 200) });
  }
  return { meta, codebook, glossary, doc, ...(codeSets?.length ? { codeSets } : {}), ...(qaIgnored?.length ? { qaIgnored } : {}) };
}
