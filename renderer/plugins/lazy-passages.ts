// Book-length projects open fast: in a document of many passages, only the
// passages near the viewport (and those holding the selection) are rendered
// by ProseMirror; the others are empty placeholders of about their height
// until they scroll near. Rendering all 20,000 segments of a large project,
// with every feature's decorations, takes seconds; the budget is 600 ms.
//
// A passage is "live" when the plugin's node decoration marks it; the
// passage node view renders a live passage the usual way (toDOM) and any
// other as a placeholder, which ProseMirror replaces as soon as the mark
// arrives. Passages never go back to placeholders, so what the analyst has
// seen stays as it is. Small documents are rendered whole, as before.
//
// Waiting passages take no part in layout (display: none): a run of them is
// drawn by its first placeholder alone, as tall as the whole run is
// estimated to be. A keystroke then lays out the live passages and a few run
// heads, not 2,000 placeholders (measured: 0.9 -> 0.15 ms of layout per
// keystroke in a 20,000-segment project). Scrolling tells the plugin which
// waiting passages have come near the viewport, from the run heads' places
// and the estimated heights.
import { Plugin, PluginKey, type EditorState, type Transaction } from "prosemirror-state";
import { Decoration, DecorationSet, type EditorView, type NodeViewConstructor } from "prosemirror-view";
import type { Node as PMNode } from "prosemirror-model";
import { isTextOnly } from "../../app/commands/structure";

/** Documents with fewer passages are rendered whole. */
export const LAZY_MIN_PASSAGES = 200;
/** Passages rendered at once from the top, before the viewport is known. */
const FIRST_LIVE = 12;
/** How far outside the viewport a passage is rendered ahead of scrolling. */
const MARGIN_PX = 1500;

interface LazyState {
  lazy: boolean;
  live: ReadonlySet<string>;
  decos: DecorationSet;
}

type LazyMeta = { live: string[] };

export const lazyPassagesKey = new PluginKey<LazyState>("dariLazyPassages");

const LIVE_SPEC = { dariLive: true };
const RUN_SPEC = { dariRun: true };

function passageIdsAtSelection(state: EditorState): string[] {
  const { doc, selection } = state;
  const ids: string[] = [];
  for (const pos of [selection.anchor, selection.head]) {
    const $pos = doc.resolve(pos);
    const passage = $pos.depth >= 1 ? $pos.node(1) : doc.child(Math.min($pos.index(0), doc.childCount - 1));
    ids.push(passage.attrs.id as string);
  }
  return ids;
}

/** About the height a passage will have (a line per 60 characters of a side), so the scroll bar is about right. */
export function estimatedHeight(passage: PMNode): number {
  const segments = passage.childCount;
  // Each segment adds six tokens (its own and its sides' open and close) to the content size.
  const chars = Math.max(0, passage.content.size - 6 * segments);
  return Math.round(segments * 30 + chars * 0.4);
}

/** Marks on live passages, and on the first passage of each run of waiting ones the run's height. */
function lazyDecorations(doc: PMNode, live: ReadonlySet<string>): DecorationSet {
  const decos: Decoration[] = [];
  let runFrom = -1;
  let runTo = 0;
  let height = 0;
  const closeRun = () => {
    if (runFrom >= 0) decos.push(Decoration.node(runFrom, runTo, { class: "dari-run-head", style: `height: ${height}px` }, RUN_SPEC));
    runFrom = -1;
  };
  doc.forEach((passage, offset) => {
    if (live.has(passage.attrs.id)) {
      closeRun();
      decos.push(Decoration.node(offset, offset + passage.nodeSize, {}, LIVE_SPEC));
    } else {
      if (runFrom < 0) {
        runFrom = offset;
        runTo = offset + passage.nodeSize;
        height = 0;
      }
      height += estimatedHeight(passage);
    }
  });
  closeRun();
  return DecorationSet.create(doc, decos);
}

function idsOf(doc: PMNode): Set<string> {
  const ids = new Set<string>();
  doc.forEach((p) => ids.add(p.attrs.id));
  return ids;
}

function apply(tr: Transaction, prev: LazyState, oldState: EditorState, state: EditorState): LazyState {
  if (!prev.lazy) return prev;
  const wanted = [...((tr.getMeta(lazyPassagesKey) as LazyMeta | undefined)?.live ?? []), ...passageIdsAtSelection(state)];
  const structural = tr.docChanged && !isTextOnly(tr);
  if (structural) {
    // New passages (a split, a paste, an undo) appear where the analyst works: render them.
    const before = idsOf(oldState.doc);
    state.doc.forEach((p) => void (before.has(p.attrs.id) || wanted.push(p.attrs.id)));
  }
  const missing = wanted.filter((id) => !prev.live.has(id));
  if (!missing.length && !structural) return tr.docChanged ? { ...prev, decos: prev.decos.map(tr.mapping, tr.doc) } : prev;
  const live = new Set(prev.live);
  for (const id of missing) live.add(id);
  return { lazy: true, live, decos: lazyDecorations(state.doc, live) };
}

/**
 * Finds the waiting passages that have scrolled near the viewport: each run
 * head stands for its run, whose passages lie one under another at their
 * estimated heights. Asks for them in one transaction a frame.
 */
class Watcher {
  private frame = 0;
  private scroller: HTMLElement | null = null;
  private readonly onScroll = () => this.schedule();
  // The text or the window changing size (a status filter or a theme fold
  // hiding rendered segments, a side panel opening) brings other passages
  // into view without any scrolling.
  private readonly resized = new ResizeObserver(this.onScroll);

  constructor(private view: EditorView) {
    this.attach();
    this.resized.observe(view.dom);
    this.schedule();
  }

  /** The scrolling element may only be known once the editor is in the page. */
  private attach(): void {
    const scroller = (this.view.dom.closest(".dari-editor-scroll") as HTMLElement | null) ?? this.view.dom.parentElement;
    if (scroller === this.scroller) return;
    if (this.scroller) {
      this.scroller.removeEventListener("scroll", this.onScroll);
      this.resized.unobserve(this.scroller);
    }
    this.scroller = scroller;
    if (scroller) {
      scroller.addEventListener("scroll", this.onScroll, { passive: true });
      this.resized.observe(scroller);
    }
  }

  update(view: EditorView, prev: EditorState): void {
    this.view = view;
    this.attach();
    // New live passages move the runs; typing does not (scrolling is heard on its own).
    if (lazyPassagesKey.getState(view.state)?.live !== lazyPassagesKey.getState(prev)?.live) this.schedule();
  }

  schedule(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.check();
    });
  }

  private check(): void {
    const { view } = this;
    const state = lazyPassagesKey.getState(view.state);
    if (view.isDestroyed || !state?.lazy || !this.scroller) return;
    const box = this.scroller.getBoundingClientRect();
    const top = box.top - MARGIN_PX;
    const bottom = box.bottom + MARGIN_PX;
    const doc = view.state.doc;
    let index: Map<string, number> | null = null;
    const wanted: string[] = [];
    for (const head of view.dom.querySelectorAll<HTMLElement>(":scope > .dari-run-head")) {
      const rect = head.getBoundingClientRect();
      if (rect.bottom < top || rect.top > bottom) continue;
      if (!index) {
        index = new Map();
        doc.forEach((p, _, i) => index!.set(p.attrs.id, i));
      }
      let y = rect.top;
      for (let i = index.get(head.dataset.id ?? "") ?? doc.childCount; i < doc.childCount && y <= bottom; i++) {
        const passage = doc.child(i);
        if (state.live.has(passage.attrs.id)) break;
        const h = estimatedHeight(passage);
        if (y + h >= top) wanted.push(passage.attrs.id);
        y += h;
      }
    }
    if (wanted.length) view.dispatch(view.state.tr.setMeta(lazyPassagesKey, { live: wanted } satisfies LazyMeta).setMeta("addToHistory", false));
  }

  destroy(): void {
    if (this.frame) cancelAnimationFrame(this.frame);
    this.scroller?.removeEventListener("scroll", this.onScroll);
    this.resized.disconnect();
  }
}

const passageView: NodeViewConstructor = (node, view, _getPos, decorations) => {
  const state = lazyPassagesKey.getState(view.state);
  // null: ProseMirror renders the passage itself, from the schema.
  if (!state?.lazy || decorations.some((d) => (d.spec as typeof LIVE_SPEC).dariLive)) return null as unknown as ReturnType<NodeViewConstructor>;
  const dom = document.createElement("section");
  dom.className = "dari-passage dari-passage-pending";
  dom.dataset.id = node.attrs.id;
  return {
    dom,
    // Only for the same passage: another project opened in the window is
    // matched against these views, and a placeholder names its passage.
    update: (next, decos) => next.type === node.type && next.attrs.id === node.attrs.id && !decos.some((d) => (d.spec as typeof LIVE_SPEC).dariLive),
    ignoreMutation: () => true,
  };
};

export function lazyPassages(): Plugin<LazyState> {
  return new Plugin<LazyState>({
    key: lazyPassagesKey,
    state: {
      init(_, state) {
        if (state.doc.childCount < LAZY_MIN_PASSAGES) return { lazy: false, live: new Set(), decos: DecorationSet.empty };
        const live = new Set<string>(passageIdsAtSelection(state));
        for (let i = 0; i < Math.min(FIRST_LIVE, state.doc.childCount); i++) live.add(state.doc.child(i).attrs.id);
        return { lazy: true, live, decos: lazyDecorations(state.doc, live) };
      },
      apply,
    },
    props: {
      decorations: (state) => lazyPassagesKey.getState(state)!.decos,
      nodeViews: { passage: passageView },
    },
    view: (view) => new Watcher(view),
  });
}
