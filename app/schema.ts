// The bitext schema (DESIGN.md, "The bitext schema").
//
//   doc      := passage+
//   passage  := segment+            a source paragraph
//   segment  := ko en               one alignment bead
//   ko, en   := (text | code)* (marks: theme)
//
// A `code` is an inline code of a file from a translation tool (XLIFF
// <g>, <ph>, <bpt>…, TMX <bpt>…): an atom that cannot be edited, only moved
// or deleted whole, carrying its original markup so exports write it back in
// place (app/import/inline.ts). It has no text: textContent, QA's text checks
// and the plain exports leave it out.
//
// Alignment is structure: a segment is a bead, so undo, copy and save keep it.
// `confidence` (0..1, null for hand-made segments) is the aligner's score for the
// bead; the design lists id/status/confirmed/note, confidence was added by the
// alignment issue so the gutter can flag unsure beads.
import { Schema, type Node as PMNode, type NodeSpec, type MarkSpec } from "prosemirror-model";

export const SEGMENT_STATUSES = ["new", "draft", "translated", "reviewed"] as const;
export type SegmentStatus = (typeof SEGMENT_STATUSES)[number];
export type Side = "ko" | "en";
export const SIDES: readonly Side[] = ["ko", "en"];

export interface SegmentAttrs {
  id: string;
  status: SegmentStatus;
  confirmed: boolean;
  note: string;
  confidence: number | null;
  /** Set by a merge of two branches until the analyst resolves it. */
  conflict?: SegmentConflict | null;
}

/**
 * What a merge of two branches could not decide for a segment (app/merge):
 * their version of a side both branches edited differently, or which branch
 * deleted the segment the other changed. The segment itself holds our version.
 */
export interface SegmentConflict {
  ko?: unknown;
  en?: unknown;
  deleted?: "ours" | "theirs";
}

export interface CodeAttrs {
  /** An opening or closing code of a pair, or a code that stands alone. */
  kind: "open" | "close" | "standalone";
  /** Its id in the source file (a pair shares it), or "". */
  id: string;
  /** The original markup, written back by TMX and XLIFF exports. */
  xml: string;
  /** What the chip shows besides its number (the element and id, e.g. "g 1"). */
  label: string;
}

export const CODE_KINDS: readonly CodeAttrs["kind"][] = ["open", "close", "standalone"];

export interface ThemeAttrs {
  code: string;
  id: string;
  note: string;
}

function sideSpec(lang: Side): NodeSpec {
  return {
    content: "(text | code)*",
    marks: "theme",
    // Each side stays its own block: editing at an edge never joins it to the other.
    isolating: true,
    defining: true,
    attrs: {},
    parseDOM: [{ tag: `div.dari-${lang}` }],
    toDOM: () => ["div", { class: `dari-side dari-${lang}`, lang, spellcheck: lang === "en" ? "true" : "false" }, 0],
  };
}

const nodes: Record<string, NodeSpec> = {
  doc: { content: "passage+" },
  passage: {
    content: "segment+",
    attrs: { id: { default: "" } },
    isolating: true,
    parseDOM: [{ tag: "section.dari-passage", getAttrs: (dom) => ({ id: dom.getAttribute("data-id") ?? "" }) }],
    toDOM: (node) => ["section", { class: "dari-passage", "data-id": node.attrs.id }, 0],
  },
  segment: {
    content: "ko en",
    attrs: {
      id: { default: "" },
      status: { default: "new" },
      confirmed: { default: false },
      note: { default: "" },
      confidence: { default: null },
      conflict: { default: null },
    },
    isolating: true,
    parseDOM: [
      {
        tag: "div.dari-segment",
        getAttrs: (dom) => {
          const el = dom;
          const conf = el.getAttribute("data-confidence");
          return {
            id: el.getAttribute("data-id") ?? "",
            status: el.getAttribute("data-status") ?? "new",
            confirmed: el.getAttribute("data-confirmed") === "true",
            note: el.getAttribute("data-note") ?? "",
            confidence: conf ? Number(conf) : null,
          };
        },
      },
    ],
    toDOM: (node) => [
      "div",
      {
        class: "dari-segment",
        "data-id": node.attrs.id,
        "data-status": node.attrs.status,
        "data-confirmed": String(node.attrs.confirmed),
      },
      0,
    ],
  },
  ko: sideSpec("ko"),
  en: sideSpec("en"),
  text: {},
  code: {
    inline: true,
    atom: true,
    selectable: true,
    draggable: true,
    attrs: { kind: { default: "standalone" }, id: { default: "" }, xml: { default: "" }, label: { default: "" } },
    parseDOM: [
      {
        tag: "span.dari-code",
        getAttrs: (dom) => ({
          kind: dom.getAttribute("data-kind") ?? "standalone",
          id: dom.getAttribute("data-code-id") ?? "",
          xml: dom.getAttribute("data-xml") ?? "",
          label: dom.getAttribute("data-label") ?? "",
        }),
      },
    ],
    // A chip: the code's id between the brackets of its kind (⟨1 opens, 1⟩ closes, ⟨1⟩ stands alone);
    // the original markup as its tooltip.
    toDOM: (node) => {
      const a = node.attrs as CodeAttrs;
      const id = a.id || "•";
      const text = a.kind === "open" ? `⟨${id}` : a.kind === "close" ? `${id}⟩` : `⟨${id}⟩`;
      return ["span", { class: `dari-code dari-code-${a.kind}`, "data-kind": a.kind, "data-code-id": a.id, "data-xml": a.xml, "data-label": a.label, title: a.xml, contenteditable: "false" }, text];
    },
  },
};

const marks: Record<string, MarkSpec> = {
  theme: {
    attrs: { code: {}, id: {}, note: { default: "" } },
    // Themes may overlap, and so may two applications of the same theme.
    excludes: "",
    // Typing at the edge of a tagged span extends it (Korean IME composition
    // included), which is what coders expect of a span they are still writing.
    inclusive: true,
    parseDOM: [
      {
        tag: "span.dari-theme",
        getAttrs: (dom) => {
          const el = dom;
          return { code: el.getAttribute("data-code") ?? "", id: el.getAttribute("data-id") ?? "", note: el.getAttribute("data-note") ?? "" };
        },
      },
    ],
    toDOM: (mark) => ["span", { class: "dari-theme", "data-code": mark.attrs.code, "data-id": mark.attrs.id }, 0],
  },
};

export const schema = new Schema({ nodes, marks });

/** Text of one side of a segment. */
export function sideText(segment: PMNode, side: Side): string {
  return segment.child(side === "ko" ? 0 : 1).textContent;
}

/**
 * A side's text with one U+FFFC for each inline code: its offsets are
 * positions in the side, for code that maps text matches back to the document.
 */
export function sidePositionText(side: PMNode): string {
  return side.textBetween(0, side.content.size, undefined, "\uFFFC");
}

export function segmentAttrs(segment: PMNode): SegmentAttrs {
  return segment.attrs as SegmentAttrs;
}

export function isSegmentStatus(v: unknown): v is SegmentStatus {
  return typeof v === "string" && (SEGMENT_STATUSES as readonly string[]).includes(v);
}
