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
  /**
   * False for a code that only groups others (REFI-QDA isCodable="false", as
   * MAXQDA and ATLAS.ti write folder-like codes); left out when codable, so
   * Dari's own codebooks read as before.
   */
  codable?: false;
}

export type Codebook = Code[];

/**
 * A named group of codes (REFI-QDA <Set>, an ATLAS.ti "code group"). Dari does
 * not edit these yet; it keeps them as the other tool wrote them so that a
 * codebook that went out to MAXQDA or ATLAS.ti comes back whole.
 */
export interface CodeSet {
  /** The set's guid as the other tool wrote it. */
  guid: string;
  name: string;
  description: string;
  /** Ids of the member codes. */
  codes: string[];
}
