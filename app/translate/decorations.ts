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
import type { Node as PMNode } from "prosemirror-model";
import { projectData } from "../project-state";
import { schema, type SegmentStatus } from "../schema";
import { GlossaryMatcher, mergeGlossaries } from "./glossary";
import type { GlossaryEntry } from "./glossary-entry";
import { QaChecker, type QaFinding } from "./qa";

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
  set: DecorationSet;
  /** Statuses shown; null shows all. */
  filter: readonly SegmentStatus[] | null;
}

export const deskKey = new PluginKey<DeskState>("dariTranslateDesk");

/** Meta on a transaction: show only these statuses (null: all), or re-read the user glossary. */
export interface DeskMeta {
  filter?: readonly SegmentStatus[] | null;
  reloadUserGlossary?: boolean;
}

export function setStatusFilter(tr: Transaction, filter: readonly SegmentStatus[] | null): Transaction {
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
  });
  return ranges;
}

function decorateSegment(s: DeskState, options: DeskOptions, segment: PMNode, pos: number): Decoration[] {
  const out: Decoration[] = [];
  const koStart = pos + 2;
  for (const hit of s.matcher.find(segment.child(0).textContent)) {
    out.push(Decoration.inline(koStart + hit.from, koStart + hit.to, { class: "dari-term", title: hit.entry.en, "data-term": hit.entry.en }));
  }
  const findings = s.qa.segment(segment);
  if (findings.length) {
    out.push(Decoration.node(pos, pos + segment.nodeSize, { class: "dari-qa-flagged" }));
    if (options.flag) {
      const key = `qa:${findings.map((f) => f.key + JSON.stringify(f.params)).join("|")}`;
      out.push(Decoration.widget(pos + 1, options.flag(findings), { key, side: -1, ignoreSelection: true }));
    }
  }
  if (s.filter && !s.filter.includes(segment.attrs.status as SegmentStatus)) {
    out.push(Decoration.node(pos, pos + segment.nodeSize, { class: "dari-status-hidden" }));
  }
  return out;
}

function decorateAll(s: DeskState, options: DeskOptions, doc: PMNode): DecorationSet {
  const decos: Decoration[] = [];
  doc.forEach((passage, passagePos) => {
    passage.forEach((segment, offset) => {
      decos.push(...decorateSegment(s, options, segment, passagePos + 1 + offset));
    });
  });
  return DecorationSet.create(doc, decos);
}

function withGlossary(project: readonly GlossaryEntry[], user: readonly GlossaryEntry[]) {
  const merged = mergeGlossaries(project, user);
  return { matcher: new GlossaryMatcher(merged), qa: new QaChecker(merged) };
}

export function translateDesk(options: DeskOptions = {}): Plugin<DeskState> {
  return new Plugin<DeskState>({
    key: deskKey,
    state: {
      init(_, state) {
        const glossary = projectData(state).glossary;
        const userGlossary = options.userGlossary?.() ?? [];
        const s: DeskState = { glossary, userGlossary, ...withGlossary(glossary, userGlossary), set: DecorationSet.empty, filter: null };
        s.set = decorateAll(s, options, state.doc);
        return s;
      },
      apply(tr, prev, _old, state) {
        const meta = tr.getMeta(deskKey) as DeskMeta | undefined;
        const glossary = projectData(state).glossary;
        const userGlossary = meta?.reloadUserGlossary ? (options.userGlossary?.() ?? []) : prev.userGlossary;
        if (glossary !== prev.glossary || userGlossary !== prev.userGlossary || (meta && "filter" in meta)) {
          const filter = meta && "filter" in meta ? (meta.filter ?? null) : prev.filter;
          const same = glossary === prev.glossary && userGlossary === prev.userGlossary;
          const s: DeskState = { ...prev, glossary, userGlossary, filter, ...(same ? {} : withGlossary(glossary, userGlossary)) };
          s.set = decorateAll(s, options, state.doc);
          return s;
        }
        if (!tr.docChanged) return prev;
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
        return { ...prev, set };
      },
    },
    props: {
      decorations: (state) => deskKey.getState(state)?.set,
    },
  });
}
