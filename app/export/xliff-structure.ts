// What the XLIFF exporters (1.2 and 2.x) share: the languages and direction
// of the project, the segment text with its inline codes, and the nesting of
// files and groups an imported file had, rebuilt around its units.
import type { Project } from "../document/project";
import type { Side } from "../schema";
import type { Origin, OriginContainer } from "../import/origin";
import { attrsXml } from "../import/xml";
import type { PassageView, SegmentView } from "./collect";
import { escapeText, XML_INVALID } from "./escape";
import type { Piece } from "../import/inline";

export interface Direction {
  srcLang: string;
  tgtLang: string;
  source: Side;
  target: Side;
}

/** The project's languages as it came (ko-KR, en-US…), and which side is the source. */
export function directionOf(project: Project): Direction {
  const { srcLang, tgtLang } = project.meta;
  const koFirst = srcLang.toLowerCase().startsWith("ko");
  return { srcLang, tgtLang, source: koFirst ? "ko" : "en", target: koFirst ? "en" : "ko" };
}

/** XLIFF ids are NMTOKENs (they may start with a digit); others get a stand-in. */
export function nmtoken(id: string, fallback: string): string {
  return /^[\p{L}\p{N}_:.\-\u00B7]+$/u.test(id) ? id : fallback;
}

/**
 * Unit ids for one file: the id the unit came with (or the passage's, when it
 * is an NMTOKEN); unit ids are keys of the file, so a second unit with one (a
 * file that had it twice, a passage Dari split) gets its own.
 */
export function unitIdGiver(): (kept: string | undefined, passageId: string, number: number) => string {
  const used = new Set<string>();
  return (kept, passageId, number) => {
    let id = kept ?? nmtoken(passageId, `p${number}`);
    if (used.has(id)) id = `${id}-${number}`;
    used.add(id);
    return id;
  };
}

/**
 * A side's content as XML: its text escaped, each inline code's original
 * markup in its place, and characters XML cannot hold through `invalid`
 * (XLIFF 2 <cp/>; 1.2 has no way, so a visible stand-in).
 */
export function sideXml(s: SegmentView, side: Side, invalid: (c: string) => string): string {
  let out = "";
  const pieces = s.pieces[side];
  const keep = matchedTags(pieces);
  pieces.forEach((piece, i) => {
    if (typeof piece !== "string") {
      if (keep[i]) out += piece.xml;
      return;
    }
    let last = 0;
    for (const m of piece.matchAll(XML_INVALID)) {
      out += escapeText(piece.slice(last, m.index)) + invalid(m[0]);
      last = m.index! + m[0].length;
    }
    out += escapeText(piece.slice(last));
  });
  return out;
}

/**
 * Which codes can be written: all but the halves of a split element (a <g>,
 * <pc>, <mrk> or <hi> start tag and its end tag) that lost their partner when
 * the analyst deleted or moved one past the other; written alone, they would
 * break the file's XML.
 */
function matchedTags(pieces: Piece[]): boolean[] {
  const keep = pieces.map(() => true);
  const open: { name: string; at: number }[] = [];
  pieces.forEach((p, i) => {
    if (typeof p === "string") return;
    const start = /^<([^\s/>]+)[^>]*[^/]>$|^<([^\s/>]+)>$/.exec(p.xml);
    const end = /^<\/([^\s>]+)>$/.exec(p.xml);
    if (p.kind === "open" && start && !p.xml.includes("</")) {
      open.push({ name: start[1] ?? start[2], at: i });
      keep[i] = false;
    } else if (p.kind === "close" && end) {
      const o = open.length ? open[open.length - 1] : undefined;
      if (o && o.name === end[1]) {
        open.pop();
        keep[o.at] = true;
      } else keep[i] = false;
    }
  });
  return keep;
}

/**
 * Writes the files and groups around the units: `unit` writes one passage
 * (a unit or trans-unit). Passages Dari added (split or new) stay in the file
 * and groups of the passage before them.
 */
export function writeStructure(
  out: string[],
  passages: PassageView[],
  origin: Origin | null,
  file: (f: OriginContainer | undefined, index: number) => { open: string; close: string },
  group: (g: OriginContainer) => { open: string; close: string },
  unit: (p: PassageView) => void,
): void {
  let fileIndex = -1;
  let open: number[] = [];
  let fileClose = "";
  const closeGroups = (keep: number) => {
    while (open.length > keep) {
      open.pop();
      out.push(`</group>`);
    }
  };
  let place = { file: 0, groups: [] as number[] };
  for (const p of passages) {
    const u = origin?.units?.[p.id];
    if (u) place = { file: u.file, groups: u.groups };
    if (place.file !== fileIndex) {
      closeGroups(0);
      if (fileIndex >= 0) out.push(fileClose);
      fileIndex = place.file;
      const f = file(origin?.files?.[fileIndex], fileIndex);
      out.push(f.open);
      fileClose = f.close;
      open = [];
    }
    let same = 0;
    while (same < open.length && same < place.groups.length && open[same] === place.groups[same]) same++;
    closeGroups(same);
    for (const g of place.groups.slice(same)) {
      const gr = origin?.groups?.[g];
      if (!gr) continue;
      out.push(group(gr).open);
      open.push(g);
    }
    unit(p);
  }
  closeGroups(0);
  if (fileIndex >= 0) out.push(fileClose);
  else {
    // A project without passages still needs a file element.
    const f = file(origin?.files?.[0], 0);
    out.push(f.open, f.close);
  }
}

export { attrsXml };
