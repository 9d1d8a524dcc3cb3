// What an imported TMX or XLIFF held that the bitext has no place for, kept in
// the project's metadata (meta.origin, JSON) so that the file can go back to
// the translator's tool as it came: the original unit and segment ids (XLIFF
// ids are NMTOKENs, unique per unit only, so Dari's own ids may differ), the
// file, group and unit notes and attributes, and the tools' own elements
// (a Trados or memoQ header, sdl:seg-defs, skeletons, originalData…) as their
// XML text, in their place.

/**
 * A unit's children in order: its segments, its notes and metadata (which
 * Dari rewrites from the project), and everything else as XML text.
 */
export type LayoutItem = ["seg"] | ["notes"] | ["mda"] | ["xml", string];

export interface OriginNote {
  attrs: Record<string, string>;
  text: string;
}

export interface OriginContainer {
  attrs: Record<string, string>;
  /** Children before the units and groups (headers, skeleton, metadata, notes…), as XML. */
  head: string[];
}

export interface OriginUnit {
  /** Index in `files`. */
  file: number;
  /** The groups around the unit, outermost first (indexes in `groups`). */
  groups: number[];
  attrs: Record<string, string>;
  layout: LayoutItem[];
  /** The unit's notes as they came; their text is the note of the unit's first segment. */
  notes: OriginNote[];
  /** The unit's metadata groups that are not Dari's (XLIFF 2 mda), as XML. */
  mda: string[];
  /** XLIFF 1.2: the trans-unit was segmented (seg-source with mrk mtype="seg"). */
  segmented?: boolean;
  /** XLIFF 1.2: the markup between the segments of seg-source and target (one more than the segments). */
  gaps?: string[];
  targetGaps?: string[];
  /** XLIFF 1.2: a <source> that differs from its seg-source without the markers, and the source segments it goes with. */
  source?: { xml: string; segments: string[] };
  /** XLIFF 1.2: the attributes of source and target (state is rewritten from the status). */
  sourceAttrs?: Record<string, string>;
  targetAttrs?: Record<string, string>;
}

export interface OriginSegment {
  /** The segment's original id (XLIFF 2 segment id, XLIFF 1.2 mrk mid, TMX tuid) when Dari's differs. */
  id?: string;
  /** The original attributes Dari does not map (TMX tu, XLIFF segment or trans-unit). */
  attrs?: Record<string, string>;
  source?: Record<string, string>;
  target?: Record<string, string>;
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
  /** XLIFF: children of the root before the files (Trados doc-info). */
  head?: string[];
  files?: OriginContainer[];
  groups?: OriginContainer[];
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
