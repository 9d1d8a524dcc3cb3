// One termbase entry. The glossary logic (matching with particles, CSV/TBX)
// lives in glossary.ts; this is the shape saved in the .dari file.
export interface GlossaryEntry {
  id: string;
  ko: string;
  en: string;
  note: string;
  /** English renderings the translator must not use. */
  forbidden: string[];
}
