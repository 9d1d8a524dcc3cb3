// What the translation desk keeps for the user across projects, in the
// renderer's own offline storage (Electron keeps it in the user profile):
// the user glossary (localStorage, small) and the user memory — the segments
// of the projects the user has worked on and of imported TMX files
// (IndexedDB, large).
import type { TFunction } from "i18next";
import { readGlossaryJson, type DroppedGlossaryEntry, type GlossaryEntry } from "../../../app/translate/glossary-entry";
import type { TmUnit } from "../../../app/translate/tm";
import { readLearnedPairs, type LearnedPair } from "../../../app/align/learn";
import type { AppContext } from "../../feature";
import { loadStoredList } from "../../stored";

const GLOSSARY_KEY = "dari.userGlossary";
/** Where an unreadable user glossary is copied before anything can overwrite it. */
const UNREADABLE_KEY = "dari.userGlossary.unreadable";
/** The entries named in a message; the count says how many more there are. */
const NAMED_DROPS = 3;

/** The stored text whose problems the analyst has been told about (told once, not at every panel update). */
let reportedFor: string | null = null;

/** The analyst's words for what was left out of the user glossary. */
export function droppedMessage(t: TFunction, dropped: readonly DroppedGlossaryEntry[]): string {
  if (dropped.some((d) => d.index === null)) return t("translate:glossary.userDamaged");
  const named = dropped.slice(0, NAMED_DROPS).map((d) => t(`translate:glossary.dropReason.${d.reason}`, { n: (d.index ?? 0) + 1 }));
  if (dropped.length > NAMED_DROPS) named.push(t("translate:glossary.dropMore", { count: dropped.length - NAMED_DROPS }));
  return t("translate:glossary.userDropped", { count: dropped.length, details: named.join("; ") });
}

/**
 * The user glossary, every entry usable by QA and matching. What could not be
 * used is left out; with `ctx`, the analyst is told so in the status bar.
 */
export function loadUserGlossary(ctx?: Pick<AppContext, "t" | "notify">): GlossaryEntry[] {
  let text: string | null;
  try {
    text = localStorage.getItem(GLOSSARY_KEY);
  } catch {
    return [];
  }
  const { entries, dropped } = readGlossaryJson(text);
  if (dropped.length && text !== null) {
    // Saving the user glossary rewrites it without what was left out: keep the original.
    try {
      if (localStorage.getItem(UNREADABLE_KEY) !== text) localStorage.setItem(UNREADABLE_KEY, text);
    } catch {
      // Storage full or refused: the message below still tells the analyst.
    }
    if (ctx && reportedFor !== text) {
      reportedFor = text;
      ctx.notify(droppedMessage(ctx.t, dropped), "error");
    }
  }
  return entries;
}

export function saveUserGlossary(entries: readonly GlossaryEntry[]): void {
  localStorage.setItem(GLOSSARY_KEY, JSON.stringify(entries));
}

/** One source of the user memory: a project (by its key) or an imported TMX file. */
export interface MemoryRecord {
  key: string;
  origin: string;
  units: { ko: string; en: string }[];
  /** The analyst added it by hand ("Add this project to the memory"): the bundled sample enters only so. */
  added?: true;
}

const DB = "dari-memory";
const STORE = "records";

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE, { keyPath: "key" });
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

export async function loadMemory(): Promise<MemoryRecord[]> {
  try {
    const db = await open();
    return await new Promise((resolve, reject) => {
      const req = db.transaction(STORE).objectStore(STORE).getAll();
      req.onsuccess = () => resolve(readMemoryRecords(req.result));
      req.onerror = () => reject(req.error);
    });
  } catch {
    return [];
  }
}

export async function saveMemory(record: MemoryRecord): Promise<void> {
  try {
    const db = await open();
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction(STORE, "readwrite");
      tx.objectStore(STORE).put(record);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
  } catch {
    // Storage refused (private mode, quota): the memory still works for this session.
  }
}

const isString = (v: unknown): v is string => typeof v === "string";

/**
 * Stored memory records as lookup can use them: a record without a key or a
 * list of units is left out, and so is a unit without Korean and English
 * text. The store outlives versions of Dari, and one bad record must not
 * break lookup in every project.
 */
export function readMemoryRecords(data: unknown): MemoryRecord[] {
  if (!Array.isArray(data)) return [];
  const out: MemoryRecord[] = [];
  for (const r of data as unknown[]) {
    if (!r || typeof r !== "object") continue;
    const { key, origin, units, added } = r as Record<string, unknown>;
    if (!isString(key) || !Array.isArray(units)) continue;
    out.push({
      key,
      origin: isString(origin) ? origin : key,
      ...(added === true ? { added: true as const } : {}),
      units: (units as unknown[]).flatMap((u) => {
        const { ko, en } = (u && typeof u === "object" ? u : {}) as Record<string, unknown>;
        return isString(ko) && isString(en) ? [{ ko, en }] : [];
      }),
    });
  }
  return out;
}

export function recordUnits(record: MemoryRecord): TmUnit[] {
  return record.units.map((u) => ({ ko: u.ko, en: u.en, origin: record.origin }));
}

const LEARNED_KEY = "dari.learnedLexicon";

/** The word pairs learned from the user memory (issue 14): small, kept beside the user glossary for the aligner. */
export function loadLearnedLexicon(): LearnedPair[] {
  return loadStoredList(LEARNED_KEY, readLearnedPairs);
}

export function saveLearnedLexicon(pairs: readonly LearnedPair[]): void {
  try {
    localStorage.setItem(LEARNED_KEY, JSON.stringify(pairs));
  } catch {
    // Storage full or refused: the aligner does without learned pairs.
  }
}
