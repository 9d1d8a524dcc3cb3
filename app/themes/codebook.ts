// The codebook: the themes an analyst codes with. Labels, descriptions and
// keywords are kept in both languages so either UI language reads naturally.
export interface Bilingual {
  ko: string;
  en: string;
}

export interface Code {
  id: string;
  label: Bilingual;
  description: Bilingual;
  /** CSS colour, #rrggbb. */
  color: string;
  /** Id of the parent code, or null at the top level. */
  parent: string | null;
  /** A single key that applies the theme, or "" for none. */
  shortcut: string;
  keywords: { ko: string[]; en: string[] };
}

export type Codebook = Code[];
