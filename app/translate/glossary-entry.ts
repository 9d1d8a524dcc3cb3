// One termbase entry. The glossary logic (matching with particles, CSV/TBX)
// lives in glossary.ts; this is the shape saved in the .dari file.
import { newId } from "../ids";

export interface GlossaryEntry {
  id: string;
  ko: string;
  en: string;
  note: string;
  /** English renderings the translator must not use. */
  forbidden: string[];
}

/** Why glossary data, or one entry of it, could not be used. */
export type GlossaryDropReason = "notJson" | "notList" | "notObject" | "noKorean" | "noEnglish";

export interface DroppedGlossaryEntry {
  /** Position of the entry in the list (0-based); null when the whole data was unusable. */
  index: number | null;
  reason: GlossaryDropReason;
}

export interface ReadGlossary {
  entries: GlossaryEntry[];
  dropped: DroppedGlossaryEntry[];
}

const isText = (v: unknown): v is string => typeof v === "string" && v.trim() !== "";

/**
 * Glossary data kept outside a project file (the user glossary in the
 * renderer's storage) into entries QA and matching can use: an entry without
 * a Korean or an English term is dropped, a missing or malformed id, note or
 * forbidden list gets its default. Older versions or a hand edit may have
 * left anything there, and one bad entry must not break QA for every project.
 */
export function readGlossaryEntries(data: unknown): ReadGlossary {
  if (!Array.isArray(data)) return { entries: [], dropped: [{ index: null, reason: "notList" }] };
  const entries: GlossaryEntry[] = [];
  const dropped: DroppedGlossaryEntry[] = [];
  data.forEach((e: unknown, index) => {
    if (!e || typeof e !== "object" || Array.isArray(e)) return dropped.push({ index, reason: "notObject" });
    const { id, ko, en, note, forbidden } = e as Record<string, unknown>;
    if (!isText(ko)) return dropped.push({ index, reason: "noKorean" });
    if (!isText(en)) return dropped.push({ index, reason: "noEnglish" });
    entries.push({
      id: isText(id) ? id : newId("g"),
      ko,
      en,
      note: typeof note === "string" ? note : "",
      forbidden: Array.isArray(forbidden) ? forbidden.filter(isText) : [],
    });
  });
  return { entries, dropped };
}

/** The same from stored JSON text; null (nothing stored) is an empty glossary. */
export function readGlossaryJson(text: string | null): ReadGlossary {
  if (text === null) return { entries: [], dropped: [] };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { entries: [], dropped: [{ index: null, reason: "notJson" }] };
  }
  return readGlossaryEntries(data);
}
