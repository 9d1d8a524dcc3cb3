// What the translation desk keeps for the user across projects, in the
// renderer's own offline storage (Electron keeps it in the user profile):
// the user glossary (localStorage, small) and the user memory — the segments
// of the projects the user has worked on and of imported TMX files
// (IndexedDB, large).
import type { GlossaryEntry } from "../../../app/translate/glossary-entry";
import type { TmUnit } from "../../../app/translate/tm";

const GLOSSARY_KEY = "dari.userGlossary";

export function loadUserGlossary(): GlossaryEntry[] {
  try {
    const v = JSON.parse(localStorage.getItem(GLOSSARY_KEY) ?? "[]") as unknown;
    return Array.isArray(v) ? (v as GlossaryEntry[]).filter((e) => e && typeof e.ko === "string" && typeof e.en === "string") : [];
  } catch {
    return [];
  }
}

export function saveUserGlossary(entries: readonly GlossaryEntry[]): void {
  localStorage.setItem(GLOSSARY_KEY, JSON.stringify(entries));
}

/** One source of the user memory: a project (by its key) or an imported TMX file. */
export interface MemoryRecord {
  key: string;
  origin: string;
  units: { ko: string; en: string }[];
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
      req.onsuccess = () => resolve(req.result as MemoryRecord[]);
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

export function recordUnits(record: MemoryRecord): TmUnit[] {
  return record.units.map((u) => ({ ko: u.ko, en: u.en, origin: record.origin }));
}
