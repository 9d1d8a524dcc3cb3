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
import { buildAll, buildBatch, updateBySegment, FIRST_SEGMENTS, SEGMENT_BATCH } from "./segment-decorations";
import { assignLanes } from "./lanes";
import { stripeBars, stripeKey, themeLookup, type StripeBar } from "./stripes";
import { nextTask, type Later } from "../later";

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
  /** When the next batch of a large document runs (the window: after the next frame); a task of its own by default. */
  later?: Later;
  /** The mark of a tagged range with a memo, at its end (the renderer supplies it, issue 17.5); none in tests. */
  memo?(range: AnnotationRange, state: EditorState): Decoration;
}

interface ThemeDecorationState {
  set: DecorationSet;
  /** Which full build the stripes were made in: a new one (colours, labels, theme) draws them anew. */
  build: number;
  /** Codes the editor is filtered to (other segments fold away), or null. */
  filter: readonly string[] | null;
  /** Where the segments not yet decorated start (a large project just opened), or null when all are. */
  pending: number | null;
}

export type ThemeDecorationMeta = { filter: readonly string[] | null } | { rebuild: true } | { batch: true };

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

/** f, computed once per code: a build asks for the same few codes' colours and labels thousands of times. */
function perCode(f: (code: string) => string): (code: string) => string {
  const known = new Map<string, string>();
  return (code) => {
    let v = known.get(code);
    if (v === undefined) known.set(code, (v = f(code)));
    return v;
  };
}

function segmentBuilder(state: EditorState, filter: readonly string[] | null, options: ThemeDecorationOptions, build: number) {
  const { codebook } = projectData(state);
  const stripes = !!options.stripesOn?.();
  const theme = themeLookup(codebook, options.label, options.paint ?? String);
  // Painting a colour (its contrast against the window's background) and finding a label cost far more than the
  // decoration itself; the codebook and the background stay the same for the whole build.
  const drawn = perCode((code) => (options.paint ?? String)(colorOf(codebook, code)));
  const label = perCode((code) => options.label(code, codebook));
  const colour = perCode((code) => colorOf(codebook, code));
  const codebookIds = codebook.map((c) => c.id);
  const rankOf = new Map(codebookIds.map((id, i) => [id, i]));
  const rank = (code: string) => rankOf.get(code) ?? -1;
  const inCodebook = new Set(codebookIds);
  const order = (s: Set<string>) => codebookIds.filter((id) => s.has(id)).concat([...s].filter((id) => !inCodebook.has(id)));
  return (segment: PMNode, pos: number): Decoration[] => {
    const out: Decoration[] = [];
    const themes = segmentThemes(segment);
    // Most segments carry no tag: nothing to draw but the fold.
    if (!themes.ko.size && !themes.en.size) {
      if (filter) out.push(Decoration.node(pos, pos + segment.nodeSize, { class: "dari-folded" }));
      return out;
    }
    const all = segmentAnnotations(segment, pos);
    for (const side of ["ko", "en"] as const) {
      const ranges = all.filter((r) => r.side === side);
      if (!ranges.length) continue;
      const lanes = assignLanes(ranges, (r) => r, rank);
      const cuts = [...new Set(ranges.flatMap((r) => [r.from, r.to]))].sort((a, b) => a - b);
      for (let i = 0; i + 1 < cuts.length; i++) {
        const from = cuts[i];
        const to = cuts[i + 1];
        const active = ranges.filter((r) => r.from <= from && r.to >= to).sort((a, b) => lanes.get(a)! - lanes.get(b)!);
        if (!active.length) continue;
        const title = active.map((r) => (r.note ? `${label(r.code)}: ${r.note}` : label(r.code))).join("\n");
        out.push(
          Decoration.inline(from, to, {
            class: "dari-themed",
            style: underlineStyle(active.map((r) => ({ lane: lanes.get(r)!, color: drawn(r.code) }))),
            title,
            "data-themes": [...new Set(active.map((r) => r.code))].join(" "),
          }),
        );
      }
    }
    if (options.memo) for (const r of all) if (r.note) out.push(options.memo(r, state));
    if (options.gutter) {
      const g = { ko: order(themes.ko), en: order(themes.en) };
      let key = `g|${g.ko.join(",")}|${g.en.join(",")}|${[...g.ko, ...g.en].map((c) => colour(c) + label(c)).join(",")}`;
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
      // The first segments at once, the rest in batches (the plugin view asks for them).
      init: (_, state) => {
        const build = ++builds;
        return { ...buildBatch(state.doc, DecorationSet.empty, segmentBuilder(state, null, options, build), 0, FIRST_SEGMENTS), filter: null, build };
      },
      apply(tr: Transaction, value, old, state) {
        const meta = tr.getMeta(themeDecorationKey) as ThemeDecorationMeta | undefined;
        if (meta && "batch" in meta) {
          if (value.pending === null) return value;
          return { ...value, ...buildBatch(state.doc, value.set, segmentBuilder(state, value.filter, options, value.build), value.pending, SEGMENT_BATCH) };
        }
        const filter = meta && "filter" in meta ? meta.filter : value.filter;
        // A new colour, label or filter changes every segment: rebuild. Otherwise map.
        if (meta || projectData(old).codebook !== projectData(state).codebook) {
          const build = ++builds;
          return { set: buildAll(state.doc, segmentBuilder(state, filter, options, build)), filter, build, pending: null };
        }
        if (!tr.docChanged) return value;
        // Segments not yet decorated that the change touched are built now; the batch that reaches them replaces them.
        const pending = value.pending === null ? null : tr.mapping.map(value.pending, -1);
        return { set: updateBySegment(value.set, tr, segmentBuilder(state, filter, options, value.build)), filter, build: value.build, pending };
      },
    },
    props: {
      decorations: (state) => themeDecorationKey.getState(state)?.set,
    },
    view(view) {
      // One batch a task, between frames, until every segment is decorated.
      let cancel: (() => void) | null = null;
      const schedule = () => {
        if (cancel || themeDecorationKey.getState(view.state)?.pending == null) return;
        cancel = (options.later ?? nextTask)(() => {
          cancel = null;
          if (themeDecorationKey.getState(view.state)?.pending != null) view.dispatch(view.state.tr.setMeta(themeDecorationKey, { batch: true } satisfies ThemeDecorationMeta));
        });
      };
      schedule();
      return {
        update: schedule,
        destroy: () => cancel?.(),
      };
    },
  });
}

/** True once every segment has its theme decorations (a large project decorates the rest in batches after it opens). */
export function themesDecorated(state: EditorState): boolean {
  return themeDecorationKey.getState(state)?.pending == null;
}

/** The codes the editor is filtered to, or null. */
export function themeFilter(state: EditorState): readonly string[] | null {
  return themeDecorationKey.getState(state)?.filter ?? null;
}

/** Sets (or with null clears) the theme filter: segments without those themes fold away. */
export function setThemeFilter(tr: Transaction, codes: readonly string[] | null): Transaction {
  return tr.setMeta(themeDecorationKey, { filter: codes && codes.length ? codes : null } satisfies ThemeDecorationMeta);
}
