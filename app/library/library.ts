// A library: a folder of .dari projects read as one corpus. Its index (the
// documents' records and the search index) is one JSON file that main keeps in
// the folder's `.dari-library/`; this module builds and updates it from the
// files main lists and reads, and answers what the library window and the CLI
// ask: figures, themes across documents and time, retrieval by themes.
import type MiniSearch from "minisearch";
import type { Project } from "../document/project";
import { documentRecord, type LibraryDocument, type LibrarySegment, type LibraryCode } from "./record";
import { addDocument, createSearchIndex, loadSearchIndex, removeDocument, searchIndexJSON } from "./search";
import { errorMessage } from "../errors";
import { tEnglish } from "../i18n";

export const LIBRARY_FORMAT = "dari-library";
/** Bump when LibraryDocument changes shape: an older index is rebuilt, never misread. */
export const LIBRARY_VERSION = 2;

export interface Library {
  documents: LibraryDocument[];
  /** The search index; read from the index file the first time it is used. */
  readonly search: MiniSearch<{ id: string; ko: string; en: string }>;
}

export interface LibraryFileStat {
  file: string;
  mtimeMs: number;
  size: number;
}

export interface LibraryUpdate {
  library: Library;
  added: string[];
  updated: string[];
  removed: string[];
  /** Files that could not be read as projects, with the reason; they are left out. */
  failed: { file: string; reason: string }[];
  /** Whether anything changed (the index file needs writing). */
  changed: boolean;
}

export function emptyLibrary(): Library {
  return { documents: [], search: createSearchIndex() };
}

/**
 * The index file is lines of JSON: a head with the documents' records (no
 * segments), then each document's segments on a line of its own, then the
 * search index. Opening a library parses only the head, so the list shows at
 * once; a document's segments and the search index are parsed when first
 * asked for (the library window asks right after it shows the list).
 */
/** Segment lines read from an index file and not parsed since: written back as they are. */
const unparsed = new WeakMap<LibraryDocument, () => string | null>();

export function libraryToText(library: Library): string {
  const head = { format: LIBRARY_FORMAT, version: LIBRARY_VERSION, documents: library.documents.map(({ segments: _s, ...rest }) => rest) };
  const lines = [JSON.stringify(head)];
  for (const d of library.documents) lines.push(unparsed.get(d)?.() ?? JSON.stringify(d.segments));
  lines.push(JSON.stringify(searchIndexJSON(library.search)));
  return lines.join("\n") + "\n";
}

/** The library from its index file, or null when the file is of another format or version, or damaged (rebuild it). */
export function libraryFromText(text: string): Library | null {
  const firstEnd = text.indexOf("\n");
  let head: { format?: unknown; version?: unknown; documents?: unknown };
  try {
    head = JSON.parse(firstEnd < 0 ? text : text.slice(0, firstEnd));
  } catch {
    return null;
  }
  if (!head || head.format !== LIBRARY_FORMAT || head.version !== LIBRARY_VERSION || !Array.isArray(head.documents)) return null;
  const lines = text.slice(firstEnd + 1).split("\n");
  const docs = head.documents as Omit<LibraryDocument, "segments">[];
  if (lines.length < docs.length + 1) return null;
  const documents = docs.map((d, i) => {
    let segments: LibrarySegment[] | null = null;
    const doc = d as LibraryDocument;
    Object.defineProperty(doc, "segments", {
      enumerable: true,
      configurable: true,
      get: () => (segments ??= JSON.parse(lines[i]) as LibrarySegment[]),
      set: (v: LibrarySegment[]) => (segments = v),
    });
    unparsed.set(doc, () => (segments ? null : lines[i]));
    return doc;
  });
  let search: Library["search"] | null = null;
  return {
    documents,
    get search() {
      return (search ??= loadSearchIndex(JSON.parse(lines[docs.length])));
    },
  };
}

/**
 * Brings a library up to date with the files now in its folder: unchanged
 * files (same time and size) keep their records, new and changed ones are
 * read, vanished ones dropped. Progress goes from 0 to 1 over the files read.
 */
export async function updateLibrary(
  previous: Library | null,
  files: LibraryFileStat[],
  read: (file: string) => Promise<Project>,
  onProgress?: (done: number, total: number) => void,
): Promise<LibraryUpdate> {
  const library = previous ?? emptyLibrary();
  const known = new Map(library.documents.map((d) => [d.file, d]));
  const present = new Set(files.map((f) => f.file));
  const out: LibraryUpdate = { library, added: [], updated: [], removed: [], failed: [], changed: previous === null };
  for (const d of library.documents)
    if (!present.has(d.file)) {
      removeDocument(library.search, d);
      out.removed.push(d.file);
    }
  const toRead = files.filter((f) => {
    const d = known.get(f.file);
    return !d || d.mtimeMs !== f.mtimeMs || d.size !== f.size;
  });
  const records = new Map(library.documents.filter((d) => present.has(d.file)).map((d) => [d.file, d]));
  let done = 0;
  for (const f of toRead) {
    const old = records.get(f.file);
    try {
      const record = documentRecord(await read(f.file), f.file, f);
      if (old) {
        removeDocument(library.search, old);
        out.updated.push(f.file);
      } else out.added.push(f.file);
      addDocument(library.search, record);
      records.set(f.file, record);
    } catch (e) {
      if (old) {
        removeDocument(library.search, old);
        records.delete(f.file);
      }
      out.failed.push({ file: f.file, reason: errorMessage(tEnglish, e) });
    }
    onProgress?.(++done, toRead.length);
  }
  library.documents = files.map((f) => records.get(f.file)).filter((d): d is LibraryDocument => !!d);
  out.changed ||= out.added.length + out.updated.length + out.removed.length > 0;
  return out;
}

/** A period of a date: "2024-03" by month, "2024-Q1" by quarter; "" for an undated document. */
export function periodOf(date: string, by: "month" | "quarter"): string {
  const m = /^(\d{4})-(\d{2})/.exec(date);
  if (!m) return "";
  return by === "month" ? `${m[1]}-${m[2]}` : `${m[1]}-Q${Math.ceil(Number(m[2]) / 3)}`;
}

/** Documents in date order (undated last, then by title). */
export function byDate(documents: LibraryDocument[]): LibraryDocument[] {
  return [...documents].sort((a, b) => (a.date || "\uffff").localeCompare(b.date || "\uffff") || a.title.localeCompare(b.title) || a.file.localeCompare(b.file));
}

export interface LibraryStats {
  documents: number;
  segments: number;
  /** Segments tagged with each theme across the library. */
  themes: Record<string, number>;
  perDocument: { file: string; title: string; date: string; author: string; segments: number; progress: number; themes: Record<string, number> }[];
  byPeriod: { period: string; documents: number; segments: number; themes: Record<string, number> }[];
}

export function libraryStats(documents: LibraryDocument[], by: "month" | "quarter" = "month"): LibraryStats {
  const themes: Record<string, number> = {};
  const periods = new Map<string, LibraryStats["byPeriod"][number]>();
  let segments = 0;
  for (const d of byDate(documents)) {
    segments += d.segmentCount;
    for (const [code, n] of Object.entries(d.themes)) themes[code] = (themes[code] ?? 0) + n;
    const key = periodOf(d.date, by);
    if (!key) continue;
    const p = periods.get(key) ?? { period: key, documents: 0, segments: 0, themes: {} };
    p.documents++;
    p.segments += d.segmentCount;
    for (const [code, n] of Object.entries(d.themes)) p.themes[code] = (p.themes[code] ?? 0) + n;
    periods.set(key, p);
  }
  return {
    documents: documents.length,
    segments,
    themes,
    perDocument: byDate(documents).map((d) => ({ file: d.file, title: d.title, date: d.date, author: d.author, segments: d.segmentCount, progress: d.progress, themes: d.themes })),
    byPeriod: [...periods.values()].sort((a, b) => a.period.localeCompare(b.period)),
  };
}

/** Theme × document: the share of each document's segments tagged with each theme, documents in date order. */
export function themeHeatmap(documents: LibraryDocument[], codes: string[]): { documents: LibraryDocument[]; share: number[][] } {
  const docs = byDate(documents);
  return { documents: docs, share: codes.map((c) => docs.map((d) => (d.segmentCount ? (d.themes[c] ?? 0) / d.segmentCount : 0))) };
}

/** Each theme's share of the segments per period. */
export function themeTimeline(documents: LibraryDocument[], codes: string[], by: "month" | "quarter"): { periods: string[]; share: number[][] } {
  const stats = libraryStats(documents, by).byPeriod;
  return { periods: stats.map((p) => p.period), share: codes.map((c) => stats.map((p) => (p.segments ? (p.themes[c] ?? 0) / p.segments : 0))) };
}

/** Segments where both themes occur (either side), across the library; the diagonal is each theme's segments. */
export function libraryCooccurrence(documents: LibraryDocument[], codes: string[]): number[][] {
  const index = new Map(codes.map((c, i) => [c, i]));
  const m = codes.map(() => codes.map(() => 0));
  for (const d of documents)
    for (const s of d.segments) {
      const here = [...new Set([...s.koThemes, ...s.enThemes])].map((c) => index.get(c)).filter((i): i is number => i !== undefined);
      for (const i of here) for (const j of here) m[i][j]++;
    }
  return m;
}

/** Which segments to retrieve: tagged with every theme of `all` and none of `none`, on one side or either. */
export interface ThemeQuery {
  all: string[];
  none?: string[];
  side?: "ko" | "en";
}

export interface RetrievedSegment {
  file: string;
  title: string;
  date: string;
  source: string;
  author: string;
  index: number;
  segment: LibrarySegment;
}

export function segmentThemesOn(s: LibrarySegment, side?: "ko" | "en"): Set<string> {
  return new Set(side === "ko" ? s.koThemes : side === "en" ? s.enThemes : [...s.koThemes, ...s.enThemes]);
}

export function retrieveSegments(documents: LibraryDocument[], q: ThemeQuery): RetrievedSegment[] {
  const out: RetrievedSegment[] = [];
  for (const d of byDate(documents))
    d.segments.forEach((segment, index) => {
      const t = segmentThemesOn(segment, q.side);
      if (q.all.every((c) => t.has(c)) && !(q.none ?? []).some((c) => t.has(c)))
        out.push({ file: d.file, title: d.title, date: d.date, source: d.source, author: d.author, index, segment });
    });
  return out;
}

export interface LibraryCodebookEntry {
  id: string;
  label: { ko: string; en: string };
  color: string;
  /** Documents whose codebook has this theme. */
  documents: string[];
  /** Documents whose entry differs in label or colour from the first one seen, with theirs. */
  variants: { file: string; label: { ko: string; en: string }; color: string }[];
}

/**
 * The library-wide codebook: themes matched by id, then (for an id seen in no
 * other project) by label; where projects disagree about a theme (same id,
 * another label or colour), its variants say so.
 */
export function libraryCodebook(documents: LibraryDocument[]): LibraryCodebookEntry[] {
  const byId = new Map<string, LibraryCodebookEntry>();
  const byLabel = new Map<string, LibraryCodebookEntry>();
  const labelKey = (c: LibraryCode) => `${c.label.ko.trim()}\u0000${c.label.en.trim().toLowerCase()}`;
  for (const d of documents)
    for (const c of d.codebook) {
      const entry = byId.get(c.id) ?? byLabel.get(labelKey(c));
      if (!entry) {
        const e: LibraryCodebookEntry = { id: c.id, label: { ...c.label }, color: c.color, documents: [d.file], variants: [] };
        byId.set(c.id, e);
        byLabel.set(labelKey(c), e);
        continue;
      }
      entry.documents.push(d.file);
      if (entry.label.ko !== c.label.ko || entry.label.en !== c.label.en || entry.color.toLowerCase() !== c.color.toLowerCase())
        entry.variants.push({ file: d.file, label: { ...c.label }, color: c.color });
    }
  return [...byId.values()];
}
