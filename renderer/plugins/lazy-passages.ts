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
import { Plugin, PluginKey, type EditorState, type Transaction } from "prosemirror-state";
import { Decoration, DecorationSet, type EditorView, type NodeViewConstructor } from "prosemirror-view";
import type { Node as PMNode } from "prosemirror-model";
import { isTextOnly } from "../../app/commands/structure";

/** Documents with fewer passages are rendered whole. */
export const LAZY_MIN_PASSAGES = 200;
/** Passages rendered at once from the top, before the viewport is known. */
const FIRST_LIVE = 12;
/** How far outside the viewport a passage is rendered ahead of scrolling. */
const MARGIN = "1500px 0px";

interface LazyState {
  lazy: boolean;
  live: ReadonlySet<string>;
  decos: DecorationSet;
}

type LazyMeta = { live: string[] };

export const lazyPassagesKey = new PluginKey<LazyState>("dariLazyPassages");

const LIVE_SPEC = { dariLive: true };

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

function liveDecorations(doc: PMNode, live: ReadonlySet<string>): DecorationSet {
  const decos: Decoration[] = [];
  doc.forEach((passage, offset) => {
    if (live.has(passage.attrs.id)) decos.push(Decoration.node(offset, offset + passage.nodeSize, {}, LIVE_SPEC));
  });
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
  return { lazy: true, live, decos: liveDecorations(state.doc, live) };
}

/** Placeholders tell the plugin when they come near the viewport; one transaction per frame. */
class Watcher {
  private observer: IntersectionObserver;
  private pending = new Set<string>();
  private frame = 0;

  constructor(private view: EditorView) {
    const root = view.dom.closest(".dari-editor-scroll");
    this.observer = new IntersectionObserver((entries) => this.seen(entries), { root, rootMargin: MARGIN });
  }

  watch(el: HTMLElement): void {
    this.observer.observe(el);
  }

  unwatch(el: HTMLElement): void {
    this.observer.unobserve(el);
  }

  private seen(entries: IntersectionObserverEntry[]): void {
    for (const e of entries) if (e.isIntersecting) this.pending.add((e.target as HTMLElement).dataset.id ?? "");
    if (this.pending.size && !this.frame) {
      this.frame = requestAnimationFrame(() => {
        this.frame = 0;
        const live = [...this.pending];
        this.pending.clear();
        if (!this.view.isDestroyed) this.view.dispatch(this.view.state.tr.setMeta(lazyPassagesKey, { live } satisfies LazyMeta).setMeta("addToHistory", false));
      });
    }
  }

}

const watchers = new WeakMap<EditorView, Watcher>();

const passageView: NodeViewConstructor = (node, view, _getPos, decorations) => {
  const state = lazyPassagesKey.getState(view.state);
  // null: ProseMirror renders the passage itself, from the schema.
  if (!state?.lazy || decorations.some((d) => (d.spec as typeof LIVE_SPEC).dariLive)) return null as unknown as ReturnType<NodeViewConstructor>;
  let segments = node.childCount;
  let chars = node.textContent.length;
  const dom = document.createElement("section");
  dom.className = "dari-passage dari-passage-pending";
  dom.dataset.id = node.attrs.id;
  // About the height it will have (a line per 60 characters of a side), so the scroll bar is about right.
  const size = () => {
    const px = `${Math.round(segments * 30 + chars * 0.4)}px`;
    dom.style.minHeight = px;
    dom.style.containIntrinsicSize = `auto ${px}`;
  };
  size();
  let watcher = watchers.get(view);
  if (!watcher) watchers.set(view, (watcher = new Watcher(view)));
  watcher.watch(dom);
  return {
    dom,
    update(next, decos) {
      if (next.type !== node.type || decos.some((d) => (d.spec as typeof LIVE_SPEC).dariLive)) return false;
      if (next !== node) {
        node = next;
        segments = node.childCount;
        chars = node.textContent.length;
        size();
      }
      return true;
    },
    ignoreMutation: () => true,
    destroy: () => watcher!.unwatch(dom),
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
        return { lazy: true, live, decos: liveDecorations(state.doc, live) };
      },
      apply,
    },
    props: {
      decorations: (state) => lazyPassagesKey.getState(state)!.decos,
      nodeViews: { passage: passageView },
    },
    // The watcher outlives plugin views on purpose: opening another project
    // replaces them while the new placeholders are already being watched.
  });
}
