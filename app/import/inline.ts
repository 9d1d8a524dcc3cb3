// The inline codes of interchange files (XLIFF 1.2 g, x, bx, ex, bpt, ept,
// ph, it; XLIFF 2 ph, pc, sc, ec, sm, em, mrk; TMX bpt, ept, ph, it, ut, hi):
// markup of the original document that a translation must keep in place but
// nobody translates. Each becomes a code piece carrying its original markup;
// an element with translatable content (g, pc, mrk, hi) becomes an opening
// code, its content, and a closing code. Text and codes in document order are
// a side's pieces.
import { toXml, type XElement } from "./xml";

export interface InlineCode {
  /** An opening or closing code of a pair, or a code that stands alone. */
  kind: "open" | "close" | "standalone";
  /** The code's id in its file (pairs share theirs), or "". */
  id: string;
  /** The original markup, written back in place on export. */
  xml: string;
  /** What the chip shows: the element and its id, e.g. "g 1". */
  label: string;
}

export type Piece = string | InlineCode;

/** Elements whose content is text of the segment, between an opening and a closing code. */
const PAIRED = new Set(["g", "pc", "mrk", "hi"]);

const startTag = (el: XElement) => toXml({ ...el, children: [] }).replace(/\/>$/, ">");

/**
 * The pieces of a source, target or seg. `special` reads an element a
 * format gives a meaning of its own (XLIFF 2 <cp>, Dari's TMX placeholder),
 * returning the text it stands for, or undefined to treat it as a code.
 */
export function piecesOf(el: XElement, special?: (e: XElement) => string | undefined): Piece[] {
  const out: Piece[] = [];
  const push = (p: Piece) => {
    const last = out.length - 1;
    if (typeof p === "string" && last >= 0 && typeof out[last] === "string") out[last] = (out[last] as string) + p;
    else if (p !== "") out.push(p);
  };
  const walk = (node: XElement) => {
    for (const c of node.children) {
      if (typeof c === "string") {
        push(c);
        continue;
      }
      const own = special?.(c);
      if (own !== undefined) push(own);
      else if (PAIRED.has(c.local)) {
        const id = c.attrs.id ?? c.attrs.mid ?? c.attrs.x ?? c.attrs.i ?? "";
        push({ kind: "open", id, xml: startTag(c), label: `${c.local} ${id}`.trim() });
        walk(c);
        push({ kind: "close", id, xml: `</${c.name}>`, label: `/${c.local} ${id}`.trim() });
      } else {
        const id = c.attrs.id ?? c.attrs.i ?? c.attrs.x ?? c.attrs.startRef ?? "";
        const kind = /^(bx|bpt|sc|sm)$/.test(c.local) ? "open" : /^(ex|ept|ec|em)$/.test(c.local) ? "close" : "standalone";
        // x, bx, ex, bpt, ept, ph, it, ut, sc, ec, sm, em, and any element Dari does not know:
        // a code as a whole (the content of bpt, ph… is the native code, not text).
        push({ kind, id, xml: toXml(c), label: `${c.local} ${id}`.trim() });
      }
    }
  };
  walk(el);
  return out;
}

/** The text of pieces, codes left out. */
export function piecesText(pieces: Piece[]): string {
  return pieces.map((p) => (typeof p === "string" ? p : "")).join("");
}

/** The codes of pieces, in order. */
export function codesOf(pieces: Piece[]): InlineCode[] {
  return pieces.filter((p): p is InlineCode => typeof p !== "string");
}
