// The page of e2e/doc-update.e2e.ts: one document in two views, one updated
// through renderer/plugins/doc-update.ts's shortcut and one through
// prosemirror-view's own path, with the editor's own decorating plugins and
// random ones of the test's, so that the test can compare the two after each
// change.
import "../../../renderer/styles.css";
import { EditorState, Plugin, PluginKey, TextSelection, type Transaction } from "prosemirror-state";
import { Decoration, DecorationSet, EditorView } from "prosemirror-view";
import { Fragment, type Node as PMNode } from "prosemirror-model";
import { schema } from "../../../app/schema";
import { gutterPlugin, currentSegmentPlugin } from "../../../renderer/plugins/gutter";
import { lazyPassages, lazyPassagesKey } from "../../../renderer/plugins/lazy-passages";
import { fastDocUpdatePlugin, setFastDocUpdate, docUpdateStats } from "../../../renderer/plugins/doc-update";
import { rng } from "../../../bench/rng";

/** The test's own decorations: each plugin holds a set that steps replace, add to or map. */
type DecoMeta = { set: DecorationSet } | { add: Decoration[] } | { clear: true };

function decoPlugin(name: string): Plugin<DecorationSet> {
  const key = new PluginKey<DecorationSet>(name);
  return new Plugin<DecorationSet>({
    key,
    state: {
      init: () => DecorationSet.empty,
      apply(tr, set, _old, state) {
        const meta = tr.getMeta(key) as DecoMeta | undefined;
        set = set.map(tr.mapping, tr.doc);
        if (!meta) return set;
        if ("set" in meta) return meta.set;
        if ("add" in meta) return set.add(state.doc, meta.add);
        return DecorationSet.empty;
      },
    },
    props: { decorations: (state) => key.getState(state) },
  });
}

/** Two plugins of node, inline and widget decorations inside passages; the third holds a widget between passages or nothing. */
const testPlugins = ["decoA", "decoB", "decoC"].map(decoPlugin);


interface Sides {
  /** Content start and end of each side (ko and en) in the document. */
  sides: { from: number; to: number; passage: number }[];
  /** Start of each segment. */
  segments: { from: number; to: number }[];
  passages: { from: number; to: number }[];
}

function places(doc: PMNode): Sides {
  const out: Sides = { sides: [], segments: [], passages: [] };
  doc.forEach((passage, pOff, pi) => {
    out.passages.push({ from: pOff, to: pOff + passage.nodeSize });
    passage.forEach((segment, sOff) => {
      const segFrom = pOff + 1 + sOff;
      out.segments.push({ from: segFrom, to: segFrom + segment.nodeSize });
      segment.forEach((side, dOff) => {
        const from = segFrom + 1 + dOff + 1;
        out.sides.push({ from, to: from + side.content.size, passage: pi });
      });
    });
  });
  return out;
}

let fast: EditorView;
let upstream: EditorView;
let steps: string[] = [];

function sync(state: EditorState): void {
  fast.updateState(state);
  setFastDocUpdate(false);
  try {
    upstream.updateState(state);
  } finally {
    setFastDocUpdate(true);
  }
}

function open(docJSON: unknown): void {
  fast?.destroy();
  upstream?.destroy();
  const doc = schema.nodeFromJSON(docJSON);
  const plugins = [gutterPlugin(), currentSegmentPlugin(), ...testPlugins, lazyPassages(), fastDocUpdatePlugin()];
  const state = EditorState.create({ doc, plugins });
  fast = new EditorView(document.getElementById("fast")!, {
    state,
    dispatchTransaction: (tr: Transaction) => sync(fast.state.apply(tr)),
  });
  // Its own plugin views (the lazy watcher) may dispatch too: they act on the one shared state.
  upstream = new EditorView(document.getElementById("upstream")!, {
    state,
    dispatchTransaction: (tr: Transaction) => sync(upstream.state.apply(tr)),
  });
  steps = [];
  docUpdateStats.fast = docUpdateStats.full = 0;
}

/** One random change: typing, deleting, a structural edit, new decorations, a move, passages made live. */
function step(rand: () => number): string {
  const state = fast.state;
  const where = places(state.doc);
  const pick = <T>(list: T[]): T => list[Math.floor(rand() * list.length)];
  const side = pick(where.sides);
  const at = side.from + Math.floor(rand() * (side.to - side.from + 1));
  const roll = rand();
  const tr = state.tr;
  let what: string;
  if (roll < 0.3) {
    tr.insertText(pick(["a", "다리", " ", "x y"]), at);
    tr.setSelection(TextSelection.create(tr.doc, at + 1));
    what = `type at ${at}`;
  } else if (roll < 0.4) {
    const to = Math.min(side.to, at + 1 + Math.floor(rand() * 4));
    if (to <= at) return "nothing";
    tr.delete(at, to);
    what = `delete ${at}-${to}`;
  } else if (roll < 0.47) {
    // Structure: a passage copied next to another (as paste as passages does)
    // or removed; or, keeping the number of passages, a segment's status
    // changed, a segment removed from its passage, or a passage replaced by a
    // copy of another in one step.
    const p = pick(where.passages);
    const kind = Math.floor(rand() * 5);
    const node = state.doc.nodeAt(p.from)!;
    if (kind === 0 && state.doc.childCount > 2) {
      tr.delete(p.from, p.to);
      what = `remove passage at ${p.from}`;
    } else if (kind === 1) {
      tr.insert(p.to, Fragment.from(node.type.create({ id: `copy${steps.length}` }, node.content)));
      what = `copy passage at ${p.from}`;
    } else if (kind === 2) {
      const s = pick(where.segments);
      tr.setNodeAttribute(s.from, "status", pick(["new", "draft", "translated", "reviewed"]));
      what = `status of the segment at ${s.from}`;
    } else if (kind === 3 && node.childCount > 1) {
      const first = node.firstChild!;
      tr.delete(p.from + 1, p.from + 1 + first.nodeSize);
      what = `first segment of the passage at ${p.from} removed`;
    } else {
      const other = state.doc.nodeAt(pick(where.passages).from)!;
      tr.replaceWith(p.from, p.to, other.type.create({ id: `swap${steps.length}` }, other.content));
      what = `passage at ${p.from} replaced`;
    }
  } else if (roll < 0.5) {
    // A widget between passages, or none: the shortcut must step aside while one is there.
    const between = rand() < 0.25;
    const decos = between ? [Decoration.widget(pick(where.passages).from, () => Object.assign(document.createElement("hr"), { className: "between" }))] : [];
    tr.setMeta(testPlugins[2], { set: DecorationSet.create(state.doc, decos) } satisfies DecoMeta);
    what = between ? "a widget between passages" : "no widget between passages";
  } else if (roll < 0.62) {
    const plugin = pick(testPlugins.slice(0, 2));
    const decos: Decoration[] = [];
    const kinds = Math.floor(rand() * 5);
    for (let k = 0; k < 1 + Math.floor(rand() * 5); k++) {
      const kind = kinds === 4 ? Math.floor(rand() * 4) : kinds;
      if (kind === 0) {
        const p = pick(where.passages);
        // Some wrap the passage in an element of their own (its DOM node changes).
        decos.push(Decoration.node(p.from, p.to, rand() < 0.3 ? { nodeName: "div", class: "wrapped" } : { class: `mark${Math.floor(rand() * 3)}` }));
      } else if (kind === 1) {
        const s = pick(where.segments);
        decos.push(Decoration.node(s.from, s.to, { "data-flag": String(Math.floor(rand() * 3)) }));
      } else if (kind === 2) {
        const s = pick(where.sides);
        const from = s.from + Math.floor(rand() * (s.to - s.from));
        decos.push(Decoration.inline(from, Math.min(s.to, from + 1 + Math.floor(rand() * 5)), { class: "hit" }));
      } else {
        const s = pick(where.sides);
        decos.push(Decoration.widget(s.from + Math.floor(rand() * (s.to - s.from + 1)), () => Object.assign(document.createElement("span"), { className: "w", textContent: "◆" })));
      }
    }
    const key = (plugin as unknown as { key: string }).key;
    const r = rand();
    if (r < 0.1) {
      // One plugin's set empties as the other's fills: the view's list of sets keeps its length but shifts.
      tr.setMeta(testPlugins[0], { clear: true } satisfies DecoMeta).setMeta(testPlugins[1], { set: DecorationSet.create(state.doc, decos) } satisfies DecoMeta);
      what = `decoA cleared, decoB set (${decos.length})`;
    } else {
      const meta: DecoMeta = r < 0.25 ? { clear: true } : r < 0.55 ? { set: DecorationSet.create(state.doc, decos) } : { add: decos };
      tr.setMeta(plugin, meta);
      what = `decorations ${key} ${Object.keys(meta)[0]} (${decos.length})`;
    }
  } else if (roll < 0.85) {
    tr.setSelection(TextSelection.create(state.doc, at));
    what = `move to ${at}`;
  } else {
    const ids: string[] = [];
    for (let k = 0; k < 3; k++) ids.push(state.doc.child(Math.floor(rand() * state.doc.childCount)).attrs.id);
    tr.setMeta(lazyPassagesKey, { live: ids });
    what = `live ${ids.join(",")}`;
  }
  fast.dispatch(tr);
  return what;
}

/** Normalizes what may differ without meaning anything: nothing, so far. */
const html = (view: EditorView) => view.dom.innerHTML;

function run(seed: number, count: number): { step: number; what: string; fast: string; upstream: string } | null {
  const rand = rng(seed);
  for (let i = 0; i < count; i++) {
    const what = step(rand);
    steps.push(what);
    const a = html(fast);
    const b = html(upstream);
    if (a !== b) {
      let d = 0;
      while (a[d] === b[d]) d++;
      return { step: i, what, fast: a.slice(Math.max(0, d - 300), d + 300), upstream: b.slice(Math.max(0, d - 300), d + 300) };
    }
  }
  return null;
}

/** Types through the browser (the DOM observer marks the passage dirty first), at the start of a side. */
function focusSide(index: number): void {
  const side = places(fast.state.doc).sides[index];
  fast.dispatch(fast.state.tr.setSelection(TextSelection.create(fast.state.doc, side.to)).scrollIntoView());
  fast.focus();
}

declare global {
  interface Window {
    docUpdate: {
      open(doc: unknown): void;
      run: typeof run;
      focusSide: typeof focusSide;
      same(): boolean;
      stats(): { fast: number; full: number };
      text(index: number): string;
    };
  }
}

window.docUpdate = {
  open,
  run,
  focusSide,
  same: () => html(fast) === html(upstream),
  stats: () => ({ ...docUpdateStats }),
  text: (index) => {
    const s = places(fast.state.doc).sides[index];
    return fast.state.doc.textBetween(s.from, s.to);
  },
};
