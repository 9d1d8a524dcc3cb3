// The translation desk's decorations: glossary terms underlined on the Korean
// side (the English term as a tooltip), QA flags on segments, and the status
// filter that folds away the segments not shown.
//
// Decorations are per segment and kept up to date incrementally: after an
// edit only the segments the transaction touched are decorated again; the
// rest are mapped. A change of glossary (an undoable project-data change)
// redecorates everything once.
import { Plugin, PluginKey, type EditorState, type Transaction } from "prosemirror-state";
import { Decoration, DecorationSet } from "prosemirror-view";
import { AttrStep } from "prosemirror-transform";
import type { Node as PMNode } from "prosemirror-model";
import { projectData } from "../project-state";
import { schema, sidePositionText, type SegmentStatus } from "../schema";
import { shownByFilter, type SegmentFilter } from "./segment-filter";
import { GlossaryMatcher, mergeGlossaries, type TermHit } from "./glossary";
import type { GlossaryEntry } from "./glossary-entry";
import { QaChecker, type QaFinding } from "./qa";
import { IgnoredFindings, changedSegments, type QaIgnored } from "./qa-ignore";
import { segmentCount } from "../document/segments";

export interface DeskOptions {
  /** The user glossary, under the project's (read when the glossary changes). */
  userGlossary?: () => readonly GlossaryEntry[];
  /** Draws a segment's QA flag (the renderer supplies the DOM); none in tests. */
  flag?(findings: readonly QaFinding[]): (view: unknown) => Node;
}

export interface DeskState {
  glossary: readonly GlossaryEntry[];
  userGlossary: readonly GlossaryEntry[];
  matcher: GlossaryMatcher;
  qa: QaChecker;
  /** Glossary hits per segment node, for this matcher. */
  terms: WeakMap<PMNode, TermHit[]>;
  set: DecorationSet;
  /** Index of the first segment not decorated yet, or -1 when all are. */
  pending: number;
  /** Statuses (or alignment review) shown; null shows all. */
  filter: SegmentFilter;
  /** QA findings the analyst set aside: not flagged in the gutter. */
  ignored: IgnoredFindings;
  /** The project's list they were read from (to see when it changes). */
  ignoredList: readonly QaIgnored[] | undefined;
}

export const deskKey = new PluginKey<DeskState>("dariTranslateDesk");

/** Meta on a transaction: show only these statuses (null: all), or re-read the user glossary. */
export interface DeskMeta {
  filter?: SegmentFilter;
  reloadUserGlossary?: boolean;
  /** Decorate the next batch of a large document. */
  batch?: boolean;
}

export function setStatusFilter(tr: Transaction, filter: SegmentFilter): Transaction {
  return tr.setMeta(deskKey, { filter } satisfies DeskMeta);
}

export function deskState(state: EditorState): DeskState | undefined {
  return deskKey.getState(state);
}

/** Ranges of the new document that the transactions' steps touched. */
export function changedRanges(tr: Transaction): [number, number][] {
  const ranges: [number, number][] = [];
  tr.mapping.maps.forEach((map, i) => {
    const rest = tr.mapping.slice(i + 1);
    map.forEach((_a, _b, start, end) => ranges.push([rest.map(start, -1), rest.map(end, 1)]));
    // An attribute step (a status change) maps nothing but changes its node.
    const step = tr.steps[i];
    if (step instanceof AttrStep) {
      const at = rest.map(step.pos, 1);
      ranges.push([at, at + 1]);
    }
  });
  return ranges;
}

/** Segments decorated at once; a larger document is decorated in batches of
 *  this size after it is shown, so opening it is not held up. */
export const BATCH = 500;

function decorateSegment(s: DeskState, options: DeskOptions, segment: PMNode, pos: number): Decoration[] {
  const out: Decoration[] = [];
  const koStart = pos + 2;
  let hits = s.terms.get(segment);
  // One character per inline code, so a term's offsets are positions in the side.
  if (!hits) s.terms.set(segment, (hits = s.matcher.find(sidePositionText(segment.child(0)))));
  for (const hit of hits) {
    // An element of its own (nodeName): a term inside a tagged span keeps both
    // tooltips, the theme's and the term's, instead of one overwriting the other.
    out.push(Decoration.inline(koStart + hit.from, koStart + hit.to, { nodeName: "span", class: "dari-term", title: hit.entry.en, "data-term": hit.entry.en }));
  }
  const id = segment.attrs.id as string;
  const all = s.qa.segment(segment);
  const findings = s.ignored.segments.has(id) ? all.filter((f) => !s.ignored.has(id, f)) : all;
  if (findings.length) {
    out.push(Decoration.node(pos, pos + segment.nodeSize, { class: "dari-qa-flagged" }));
    if (options.flag) {
      const key = `qa:${findings.map((f) => f.key + JSON.stringify(f.params)).join("|")}`;
      out.push(Decoration.widget(pos + 1, options.flag(findings), { key, side: -1, ignoreSelection: true }));
    }
  }
  if (!shownByFilter(s.filter, segment)) {
    out.push(Decoration.node(pos, pos + segment.nodeSize, { class: "dari-status-hidden" }));
  }
  return out;
}

/** Decorates segments [from, to) of the document (by index), replacing what they had. */
function redecorate(s: DeskState, options: DeskOptions, doc: PMNode, set: DecorationSet, from: number, to: number): DecorationSet {
  const add: Decoration[] = [];
  const remove: Decoration[] = [];
  let index = 0;
  doc.forEach((passage, passagePos) => {
    if (index >= to || index + passage.childCount <= from) {
      index += passage.childCount;
      return;
    }
    passage.forEach((segment, offset) => {
      if (index >= from && index < to) {
        const pos = passagePos + 1 + offset;
        const end = pos + segment.nodeSize;
        remove.push(...set.find(pos, end, () => true).filter((d) => d.from >= pos && d.to <= end));
        add.push(...decorateSegment(s, options, segment, pos));
      }
      index++;
    });
  });
  return set.remove(remove).add(doc, add);
}


/** Decorates a whole document: at once when small, else the first batch now and the rest later. */
function start(s: DeskState, options: DeskOptions, doc: PMNode): DeskState {
  const total = segmentCount(doc);
  const upto = Math.min(total, BATCH);
  return { ...s, set: redecorate(s, options, doc, DecorationSet.empty, 0, upto), pending: upto < total ? upto : -1 };
}

function withGlossary(project: readonly GlossaryEntry[], user: readonly GlossaryEntry[]) {
  const merged = mergeGlossaries(project, user);
  return { matcher: new GlossaryMatcher(merged), qa: new QaChecker(merged), terms: new WeakMap<PMNode, TermHit[]>() };
}

export function translateDesk(options: DeskOptions = {}): Plugin<DeskState> {
  return new Plugin<DeskState>({
    key: deskKey,
    state: {
      init(_, state) {
        const glossary = projectData(state).glossary;
        const userGlossary = options.userGlossary?.() ?? [];
        const ignoredList = projectData(state).qaIgnored;
        const ignored = new IgnoredFindings(ignoredList);
        return start({ glossary, userGlossary, ...withGlossary(glossary, userGlossary), set: DecorationSet.empty, filter: null, pending: -1, ignored, ignoredList }, options, state.doc);
      },
      apply(tr, prev, _old, state) {
        const meta = tr.getMeta(deskKey) as DeskMeta | undefined;
        const glossary = projectData(state).glossary;
        const userGlossary = meta?.reloadUserGlossary ? (options.userGlossary?.() ?? []) : prev.userGlossary;
        if (glossary !== prev.glossary || userGlossary !== prev.userGlossary || (meta && "filter" in meta)) {
          const filter = meta && "filter" in meta ? (meta.filter ?? null) : prev.filter;
          const same = glossary === prev.glossary && userGlossary === prev.userGlossary;
          const ignoredList = projectData(state).qaIgnored;
          const ignored = ignoredList === prev.ignoredList ? prev.ignored : new IgnoredFindings(ignoredList);
          return start({ ...prev, glossary, userGlossary, filter, ignored, ignoredList, ...(same ? {} : withGlossary(glossary, userGlossary)) }, options, state.doc);
        }
        let next = prev;
        if (tr.docChanged) {
          let set = prev.set.map(tr.mapping, tr.doc);
          const seen = new Set<number>();
          for (const [from, to] of changedRanges(tr)) {
            const size = tr.doc.content.size;
            tr.doc.nodesBetween(Math.max(0, Math.min(from, size)), Math.max(0, Math.min(to, size)), (node, pos) => {
              if (node.type !== schema.nodes.segment) return true;
              if (seen.has(pos)) return false;
              seen.add(pos);
              set = set.remove(set.find(pos, pos + node.nodeSize, () => true).filter((d) => d.from >= pos && d.to <= pos + node.nodeSize));
              set = set.add(tr.doc, decorateSegment(prev, options, node, pos));
              return false;
            });
          }
          next = { ...prev, set };
        }
        const ignoredList = projectData(state).qaIgnored;
        if (ignoredList !== prev.ignoredList) {
          // Ignoring a finding (or showing it again) redraws only its segment's flag.
          next = { ...next, ignored: new IgnoredFindings(ignoredList), ignoredList };
          const ids = changedSegments(prev.ignoredList, ignoredList);
          let set = next.set;
          if (ids.size)
            state.doc.descendants((node, pos) => {
              if (node.type !== schema.nodes.segment) return true;
              if (ids.has(node.attrs.id as string)) {
                set = set.remove(set.find(pos, pos + node.nodeSize, () => true).filter((d) => d.from >= pos && d.to <= pos + node.nodeSize));
                set = set.add(state.doc, decorateSegment(next, options, node, pos));
              }
              return false;
            });
          next = { ...next, set };
        }
        if (meta?.batch && next.pending >= 0) {
          const total = segmentCount(state.doc);
          const upto = Math.min(total, next.pending + BATCH);
          next = { ...next, set: redecorate(next, options, state.doc, next.set, next.pending, upto), pending: upto < total ? upto : -1 };
        }
        return next;
      },
    },
    props: {
      decorations: (state) => deskKey.getState(state)?.set,
    },
    view(view) {
      // Decorate the rest of a large document in batches, between frames.
      let timer: ReturnType<typeof setTimeout> | null = null;
      const schedule = () => {
        if (timer || (deskKey.getState(view.state)?.pending ?? -1) < 0) return;
        timer = setTimeout(() => {
          timer = null;
          if ((deskKey.getState(view.state)?.pending ?? -1) >= 0) view.dispatch(view.state.tr.setMeta(deskKey, { batch: true } satisfies DeskMeta));
        }, 0);
      };
      schedule();
      return {
        update: schedule,
        destroy: () => {
          if (timer) clearTimeout(timer);
        },
      };
    },
  });
}

/** Decorates everything still pending at once (for tests and benchmarks without a view). */
export function finishDecorating(state: EditorState): EditorState {
  let s = state;
  while ((deskKey.getState(s)?.pending ?? -1) >= 0) s = s.apply(s.tr.setMeta(deskKey, { batch: true } satisfies DeskMeta));
  return s;
}
