// How tagged text looks: each annotation is an underline in its theme's
// colour, and overlapping annotations stack their underlines in lanes (an
// annotation keeps its lane along its whole range), so three themes on one
// phrase stay readable where nested backgrounds would not. Hovering shows the
// theme labels in the UI language (the title). Each segment also gets a
// widget listing the themes of both sides for the gutter, and, while the
// analyst filters by theme, the other segments fold away.
import { Plugin, PluginKey, type EditorState, type Transaction } from "prosemirror-state";
import { Decoration, DecorationSet, type EditorView } from "prosemirror-view";
import type { Node as PMNode } from "prosemirror-model";
import { projectData } from "../project-state";
import type { Codebook } from "./codebook";
import { segmentAnnotations, segmentThemes, type AnnotationRange } from "./annotations";
import { buildAll, updateBySegment } from "./segment-decorations";
import { assignLanes } from "./lanes";
import { stripeBars, stripeKey, themeLookup, type StripeBar } from "./stripes";

/** Height of one underline lane, in pixels (the stylesheet leaves room for it). */
export const LANE_PX = 3;

export interface GutterThemes {
  ko: string[];
  en: string[];
}

export interface ThemeDecorationOptions {
  /** A code's label in the current UI language. */
  label(code: string, codebook: Codebook): string;
  /** The colour drawn for a theme colour (the renderer keeps 3:1 contrast on its background); as is by default. */
  paint?(color: string): string;
  /**
   * Draws the gutter widget of a segment (the renderer supplies the DOM);
   * none in tests. While `stripesOn` says so, it draws the segment's coding
   * stripes too (the renderer measures where they go), from bars worked out
   * when the widget is drawn: only the passages on screen are, of a
   * 20,000-segment project.
   */
  gutter?(themes: GutterThemes, state: EditorState, stripes?: () => StripeBar[]): (view: EditorView, getPos: () => number | undefined) => Node;
  stripesOn?(): boolean;
  /** The mark of a tagged range with a memo, at its end (the renderer supplies it, issue 17.5); none in tests. */
  memo?(range: AnnotationRange, state: EditorState): Decoration;
}

interface ThemeDecorationState {
  set: DecorationSet;
  /** Which full build the stripes were made in: a new one (colours, labels, theme) draws them anew. */
  build: number;
  /** Codes the editor is filtered to (other segments fold away), or null. */
  filter: readonly string[] | null;
}

export type ThemeDecorationMeta = { filter: readonly string[] | null } | { rebuild: true };

export const themeDecorationKey = new PluginKey<ThemeDecorationState>("dariThemeDecorations");


function colorOf(codebook: Codebook, code: string): string {
  return codebook.find((c) => c.id === code)?.color ?? "#888888";
}

/** Inline style drawing the given lanes as underlines. */
export function underlineStyle(lanes: { lane: number; color: string }[]): string {
  const top = Math.max(...lanes.map((l) => l.lane)) + 1;
  const images = lanes.map((l) => `linear-gradient(${l.color},${l.color})`).join(",");
  const sizes = lanes.map(() => `100% ${LANE_PX - 1}px`).join(",");
  const positions = lanes.map((l) => `0 calc(100% - ${l.lane * LANE_PX}px)`).join(",");
  // --dari-tag: the first lane's colour, for the background-highlight style.
  return `background-image:${images};background-size:${sizes};background-position:${positions};background-repeat:no-repeat;padding-bottom:${top * LANE_PX}px;--dari-tag:${lanes[0].color}`;
}

let builds = 0;


function segmentBuilder(state: EditorState, filter: readonly string[] | null, options: ThemeDecorationOptions, build: number) {
  const { codebook } = projectData(state);
  const stripes = !!options.stripesOn?.();
  const theme = themeLookup(codebook, options.label, options.paint ?? String);
  return (segment: PMNode, pos: number): Decoration[] => {
    const out: Decoration[] = [];
    const all = segmentAnnotations(segment, pos);
    for (const side of ["ko", "en"] as const) {
      const ranges = all.filter((r) => r.side === side);
      if (!ranges.length) continue;
      const lanes = assignLanes(ranges, (r) => r, (code) => codebook.findIndex((c) => c.id === code));
      const cuts = [...new Set(ranges.flatMap((r) => [r.from, r.to]))].sort((a, b) => a - b);
      for (let i = 0; i + 1 < cuts.length; i++) {
        const from = cuts[i];
        const to = cuts[i + 1];
        const active = ranges.filter((r) => r.from <= from && r.to >= to).sort((a, b) => lanes.get(a)! - lanes.get(b)!);
        if (!active.length) continue;
        const title = active.map((r) => (r.note ? `${options.label(r.code, codebook)}: ${r.note}` : options.label(r.code, codebook))).join("\n");
        out.push(
          Decoration.inline(from, to, {
            class: "dari-themed",
            style: underlineStyle(active.map((r) => ({ lane: lanes.get(r)!, color: (options.paint ?? String)(colorOf(codebook, r.code)) }))),
            title,
            "data-themes": [...new Set(active.map((r) => r.code))].join(" "),
          }),
        );
      }
    }
    if (options.memo) for (const r of all) if (r.note) out.push(options.memo(r, state));
    const themes = segmentThemes(segment);
    if (options.gutter && (themes.ko.size || themes.en.size)) {
      const order = (s: Set<string>) => codebook.map((c) => c.id).filter((id) => s.has(id)).concat([...s].filter((id) => !codebook.some((c) => c.id === id)));
      const g = { ko: order(themes.ko), en: order(themes.en) };
      let key = `g|${g.ko.join(",")}|${g.en.join(",")}|${[...g.ko, ...g.en].map((c) => colorOf(codebook, c) + options.label(c, codebook)).join(",")}`;
      // The stripes ride in the gutter's widget: a decoration more for every
      // tagged segment was measured to slow the opening of a large project.
      if (stripes) key += "|" + stripeKey(pos, all, build);
      out.push(Decoration.widget(pos + 1, options.gutter(g, state, stripes ? () => stripeBars(pos, all, theme) : undefined), { key, side: -1, ignoreSelection: true }));
    }
    if (filter && !filter.some((c) => themes.ko.has(c) || themes.en.has(c))) {
      out.push(Decoration.node(pos, pos + segment.nodeSize, { class: "dari-folded" }));
    }
    return out;
  };
}

export function themeDecorations(options: ThemeDecorationOptions): Plugin<ThemeDecorationState> {
  return new Plugin<ThemeDecorationState>({
    key: themeDecorationKey,
    state: {
      init: (_, state) => {
        const build = ++builds;
        return { set: buildAll(state.doc, segmentBuilder(state, null, options, build)), filter: null, build };
      },
      apply(tr: Transaction, value, old, state) {
        const meta = tr.getMeta(themeDecorationKey) as ThemeDecorationMeta | undefined;
        const filter = meta && "filter" in meta ? meta.filter : value.filter;
        // A new colour, label or filter changes every segment: rebuild. Otherwise map.
        if (meta || projectData(old).codebook !== projectData(state).codebook) {
          const build = ++builds;
          return { set: buildAll(state.doc, segmentBuilder(state, filter, options, build)), filter, build };
        }
        if (!tr.docChanged) return value;
        return { set: updateBySegment(value.set, tr, segmentBuilder(state, filter, options, value.build)), filter, build: value.build };
      },
    },
    props: {
      decorations: (state) => themeDecorationKey.getState(state)?.set,
    },
  });
}

/** The codes the editor is filtered to, or null. */
export function themeFilter(state: EditorState): readonly string[] | null {
  return themeDecorationKey.getState(state)?.filter ?? null;
}

/** Sets (or with null clears) the theme filter: segments without those themes fold away. */
export function setThemeFilter(tr: Transaction, codes: readonly string[] | null): Transaction {
  return tr.setMeta(themeDecorationKey, { filter: codes && codes.length ? codes : null } satisfies ThemeDecorationMeta);
}
