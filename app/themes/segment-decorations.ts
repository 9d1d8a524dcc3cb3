// Decorations computed per segment and kept up to date by mapping: after a
// transaction only the segments it touched are rebuilt, the rest of the set is
// mapped through the change. This is what keeps tagging and typing in a
// 20,000-segment document within a frame (issue 4, requirement 10).
import type { PluginKey, Transaction } from "prosemirror-state";
import { DecorationSet, type Decoration, type EditorView } from "prosemirror-view";
import type { Later } from "../later";
import type { Node as PMNode } from "prosemirror-model";
import { AddMarkStep, AttrStep, RemoveMarkStep, type Step } from "prosemirror-transform";
import { forEachSegment, segmentAt } from "./annotations";

export type SegmentBuilder = (segment: PMNode, pos: number) => Decoration[];

export function buildAll(doc: PMNode, build: SegmentBuilder): DecorationSet {
  const decos: Decoration[] = [];
  forEachSegment(doc, (seg, pos) => {
    for (const d of build(seg, pos)) decos.push(d);
  });
  return DecorationSet.create(doc, decos);
}

/** Segments decorated when a document opens; the others follow in batches between frames, so a large project shows at once. */
export const FIRST_SEGMENTS = 200;
/** Segments decorated per batch after that (a few milliseconds). */
export const SEGMENT_BATCH = 2000;

/**
 * Adds to `set` the decorations of up to `count` segments from position
 * `from` on, in place of any those segments have (a transaction may have
 * rebuilt one already). Returns the set and where the next batch starts, or
 * null once every segment is decorated.
 */
export function buildBatch(doc: PMNode, set: DecorationSet, build: SegmentBuilder, from: number, count: number): { set: DecorationSet; pending: number | null } {
  const decos: Decoration[] = [];
  let built = 0;
  let pending: number | null = null;
  doc.forEach((passage, offset) => {
    if (pending !== null || offset + passage.nodeSize <= from) return;
    passage.forEach((segment, segOffset) => {
      const pos = offset + 1 + segOffset;
      if (pending !== null || pos < from) return;
      if (built === count) pending = pos;
      else {
        for (const d of build(segment, pos)) decos.push(d);
        built++;
      }
    });
  });
  const stale = set.find(from, pending ?? doc.content.size).filter((d) => d.from >= from);
  return { set: (stale.length ? set.remove(stale) : set).add(doc, decos), pending };
}

/**
 * The view part of a plugin decorating in batches: while its state says a
 * batch is pending, asks for it (a transaction with `meta` under the key)
 * when `later` runs, one batch at a time.
 */
export function batchesLater<S extends { pending: number | null }>(key: PluginKey<S>, later: Later, meta: unknown) {
  return (view: EditorView) => {
    let cancel: (() => void) | null = null;
    const schedule = () => {
      if (cancel || key.getState(view.state)?.pending == null) return;
      cancel = later(() => {
        cancel = null;
        if (key.getState(view.state)?.pending != null) view.dispatch(view.state.tr.setMeta(key, meta));
      });
    };
    schedule();
    return { update: schedule, destroy: () => cancel?.() };
  };
}

/** The ranges of the final document that a transaction changed, marks included. */
export function changedRanges(tr: Transaction): { from: number; to: number }[] {
  const out: { from: number; to: number }[] = [];
  tr.steps.forEach((step: Step, i) => {
    const rest = tr.mapping.slice(i + 1);
    const add = (from: number, to: number) => out.push({ from: rest.map(from, -1), to: rest.map(to, 1) });
    // Mark and attribute steps leave positions as they are, so their step map is empty.
    if (step instanceof AddMarkStep || step instanceof RemoveMarkStep) add(step.from, step.to);
    else if (step instanceof AttrStep) add(step.pos, step.pos + 1);
    else step.getMap().forEach((_oS, _oE, from, to) => add(from, to));
  });
  return out;
}

/** Segments (node and position) overlapping the given ranges of `doc`, each once. */
export function touchedSegments(doc: PMNode, ranges: { from: number; to: number }[]): { node: PMNode; pos: number }[] {
  const seen = new Map<number, PMNode>();
  const size = doc.content.size;
  for (const r of ranges) {
    const from = Math.max(0, Math.min(r.from, size));
    const to = Math.max(from, Math.min(r.to, size));
    const first = segmentAt(doc, from);
    if (first) seen.set(first.pos, first.node);
    if (to > from) {
      doc.nodesBetween(from, to, (n, pos) => {
        if (n.type.name === "segment") {
          seen.set(pos, n);
          return false;
        }
        return n.type.name === "doc" || n.type.name === "passage";
      });
    }
  }
  return [...seen].map(([pos, node]) => ({ pos, node }));
}

/** Maps the set through the transaction and rebuilds the decorations of the touched segments. */
export function updateBySegment(set: DecorationSet, tr: Transaction, build: SegmentBuilder): DecorationSet {
  if (!tr.docChanged) return set;
  let next = set.map(tr.mapping, tr.doc);
  const segs = touchedSegments(tr.doc, changedRanges(tr));
  if (!segs.length) return next;
  const stale: Decoration[] = [];
  const fresh: Decoration[] = [];
  for (const { node, pos } of segs) {
    const end = pos + node.nodeSize;
    for (const d of next.find(pos, end)) if (d.from >= pos && d.to <= end) stale.push(d);
    for (const d of build(node, pos)) fresh.push(d);
  }
  next = next.remove(stale);
  return next.add(tr.doc, fresh);
}
