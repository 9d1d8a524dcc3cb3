// What an imported TMX or XLIFF held that the bitext has no place for, kept in
// the project's metadata (meta.origin, JSON) so that the file can go back to
// the translator's tool as it came: the original unit and segment ids (XLIFF
// ids are NMTOKENs, unique per unit only, so Dari's own ids may differ), the
// file, group and unit notes and attributes, and the tools' own elements
// (a Trados or memoQ header, sdl:seg-defs…) as their XML text.

export interface OriginFile {
  /** The file element's attributes (XLIFF 1.2: original, datatype, languages; 2.x: id, original). */
  attrs: Record<string, string>;
  notes: string[];
  /** Child elements Dari does not read (XLIFF 1.2 header, 2.x skeleton, tool metadata), as XML. */
  kept: string[];
}

export interface OriginGroup {
  attrs: Record<string, string>;
  notes: string[];
  kept: string[];
}

export interface OriginUnit {
  /** Index in `files`. */
  file: number;
  /** Ids of the groups around the unit, outermost first (index in `groups`). */
  groups: number[];
  attrs: Record<string, string>;
  /** Unit notes (XLIFF 2) that are not a segment's note. */
  notes: string[];
  kept: string[];
}

export interface OriginSegment {
  /** The segment's original id (XLIFF 2 segment id, XLIFF 1.2 mrk mid, TMX tuid). */
  id?: string;
  /** The original attributes Dari does not map (TMX tu, XLIFF 1.2 trans-unit or 2.x segment). */
  attrs?: Record<string, string>;
  /** TMX props of the tu other than Dari's own. */
  props?: [string, string][];
}

export interface Origin {
  format: "tmx" | "xliff";
  version: string;
  /** Root attributes (the tools' namespace declarations among them). */
  root: Record<string, string>;
  /** TMX header attributes. */
  header?: Record<string, string>;
  /** TMX header notes and props. */
  notes?: string[];
  props?: [string, string][];
  files?: OriginFile[];
  groups?: OriginGroup[];
  /** By passage id. */
  units?: Record<string, OriginUnit>;
  /** By segment id. */
  segments?: Record<string, OriginSegment>;
}

/** The origin of a project, or null when it was not imported from this format (or the record is damaged). */
export function readOrigin(json: string | undefined, format: Origin["format"]): Origin | null {
  if (!json) return null;
  try {
    const o = JSON.parse(json) as Origin;
    return o && o.format === format && typeof o.root === "object" ? o : null;
  } catch {
    return null;
  }
}
