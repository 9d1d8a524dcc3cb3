// Misspellings on the English side as decorations (issue 15 req. 8), found
// off the keystroke path: a keystroke only maps the decorations; a moment
// after typing stops, in the browser's idle time, the segments that changed
// or have no verdict yet are checked, those on screen first, then the rest of
// the rendered passages (a large project renders only those near the
// viewport: plugins/lazy-passages.ts), a batch at a time. Words are judged by
// nspell in a worker (client.ts); the glossary's English terms and the
// analyst's own words are never flagged. The word being typed is not flagged
// until the cursor leaves it.
import { Plugin, PluginKey, type EditorState } from "prosemirror-state";
import { Decoration, DecorationSet, type EditorView } from "prosemirror-view";
import { isHistoryTransaction } from "prosemirror-history";
import type { Node as PMNode } from "prosemirror-model";
import { schema, sidePositionText } from "../../../app/schema";
import { KnownWords, glossaryWords, spellTokens, tokenAt, type SpellToken } from "../../../app/text/spelling";
import { deskState } from "../../../app/translate/decorations";
import { lazyPassagesKey } from "../../plugins/lazy-passages";
import type { SpellClient } from "./client";

export interface SpellState {
  on: boolean;
  set: DecorationSet;
  /** Bumped when every verdict must be drawn again (known words changed). */
  epoch: number;
  /** The last change of the text was typing (not an undo, a paste or a drop), so the word at the cursor is being written. */
  typed: boolean;
}

/**
 * `on`: spelling switched on or off; `replace`: the checked segments' ranges
 * with their new decorations; `drop`: a word has become known (added or
 * ignored), its decorations go at once; `refresh`: check everything again.
 */
export type SpellMeta = { on: boolean } | { replace: [number, number][]; add: Decoration[] } | { drop: string } | { refresh: true };

export const spellingKey = new PluginKey<SpellState>("dariSpelling");

/** The decoration spec: the word as checked (for the context menu). */
export interface MisspellingSpec {
  spelling: string;
}

/** Wait after the last keystroke before checking (typing goes on undisturbed). */
const DEBOUNCE_MS = 300;
/** Segments checked in one batch. */
const BATCH = 300;

export interface SpellDeps {
  client: SpellClient;
  /** The analyst's words (personal dictionary, ignored this session). */
  userWords: { has(word: string): boolean };
  /** Told once if the checker cannot run (no worker, no dictionary). */
  failed(message: string): void;
}

/** Where a segment's English side starts. */
export function enStart(segment: PMNode, pos: number): number {
  return pos + 1 + segment.child(0).nodeSize + 1;
}

function applyMeta(value: SpellState, meta: SpellMeta, state: EditorState, set: DecorationSet): SpellState {
  if ("on" in meta) return { ...value, on: meta.on, set: DecorationSet.empty, epoch: value.epoch + 1 };
  if (!value.on) return value;
  if ("refresh" in meta) return { ...value, set, epoch: value.epoch + 1 };
  if ("drop" in meta) {
    const known = new KnownWords([meta.drop]);
    return { ...value, set: set.remove(set.find(undefined, undefined, (spec) => known.has((spec as MisspellingSpec).spelling ?? ""))) };
  }
  const remove: Decoration[] = [];
  for (const [from, to] of meta.replace) remove.push(...set.find(from, to).filter((d) => d.from >= from && d.to <= to));
  return { ...value, set: set.remove(remove).add(state.doc, meta.add) };
}

export function spellingPlugin(deps: SpellDeps, on: boolean): Plugin<SpellState> {
  return new Plugin<SpellState>({
    key: spellingKey,
    state: {
      init: () => ({ on, set: DecorationSet.empty, epoch: 0, typed: false }),
      apply(tr, prev, _old, state) {
        const meta = tr.getMeta(spellingKey) as SpellMeta | undefined;
        let value = prev;
        if (tr.docChanged) value = { ...prev, set: prev.set.map(tr.mapping, tr.doc), typed: !isHistoryTransaction(tr) && !tr.getMeta("uiEvent") };
        return meta ? applyMeta(value, meta, state, value.set) : value;
      },
    },
    props: {
      decorations: (state) => spellingKey.getState(state)?.set,
    },
    view: (view) => new SpellChecker(view, deps),
  });
}

/** The words a glossary makes right, kept while the glossaries stay the same. */
class GlossaryWords {
  private key: unknown[] = [];
  private words = new KnownWords();

  of(state: EditorState): KnownWords {
    const desk = deskState(state);
    const key = [desk?.glossary, desk?.userGlossary];
    if (key[0] !== this.key[0] || key[1] !== this.key[1]) {
      this.key = key;
      this.words = new KnownWords(glossaryWords([...(desk?.glossary ?? []), ...(desk?.userGlossary ?? [])]));
    }
    return this.words;
  }
}

interface Candidate {
  node: PMNode;
  pos: number;
  tokens: SpellToken[];
}

/** The word being typed: not flagged until the cursor leaves it. */
interface Held {
  segment: PMNode;
  from: number;
  to: number;
}

class SpellChecker {
  /** Segments whose decorations are current for their text (a changed segment is a new node). */
  private checked = new WeakSet<PMNode>();
  /** Passages all of whose segments are checked. */
  private checkedPassages = new WeakSet<PMNode>();
  private readonly glossary = new GlossaryWords();
  /** The document as the analyst's last edit left it (the cursor there is typing). */
  private typedDoc: PMNode | null = null;
  private held: Held | null = null;
  /** When the text last changed: checking waits until typing has paused. */
  private lastEdit = 0;
  private timer = 0;
  private idle = 0;
  private running = false;
  private again = false;
  private scroller: HTMLElement | null = null;
  private readonly onScroll = () => this.schedule(150, false);

  constructor(
    private view: EditorView,
    private readonly deps: SpellDeps,
  ) {
    this.attach();
    this.schedule(DEBOUNCE_MS, false);
  }

  private attach(): void {
    const scroller = this.view.dom.closest<HTMLElement>(".dari-editor-scroll");
    if (scroller === this.scroller) return;
    this.scroller?.removeEventListener("scroll", this.onScroll);
    this.scroller = scroller;
    scroller?.addEventListener("scroll", this.onScroll, { passive: true });
  }

  private state(s: EditorState = this.view.state): SpellState | undefined {
    return spellingKey.getState(s);
  }

  update(view: EditorView, prev: EditorState): void {
    this.view = view;
    this.attach();
    const now = this.state();
    const before = this.state(prev);
    if (!now?.on) {
      this.cancel();
      return;
    }
    if (now.epoch !== before?.epoch || this.glossary.of(prev) !== this.glossary.of(view.state)) this.restart();
    if (view.state.doc !== prev.doc) {
      this.lastEdit = performance.now();
      this.typedDoc = now.typed && view.state.selection.empty ? view.state.doc : null;
      if (this.held) this.checked.delete(this.held.segment);
      this.held = null;
      this.schedule(DEBOUNCE_MS, true);
    } else if (this.held && (view.state.selection.head < this.held.from || view.state.selection.head > this.held.to)) {
      // The cursor left the word it was typing: judge it now.
      this.checked.delete(this.held.segment);
      this.held = null;
      this.typedDoc = null;
      this.schedule(0, false);
    } else if (lazyPassagesKey.getState(view.state)?.live !== lazyPassagesKey.getState(prev)?.live) this.schedule(DEBOUNCE_MS, false);
  }

  /** Every segment is judged again (the known words changed). */
  private restart(): void {
    this.checked = new WeakSet();
    this.checkedPassages = new WeakSet();
    this.schedule(0, false);
  }

  /** Checks after `delay` ms, in idle time; `reset` pushes a pending check back (typing goes on). */
  schedule(delay: number, reset: boolean): void {
    if (this.timer && !reset) return;
    clearTimeout(this.timer);
    this.timer = window.setTimeout(() => {
      this.timer = 0;
      if (this.idle) return;
      this.idle = requestIdleCallback(() => {
        this.idle = 0;
        void this.run();
      }, { timeout: 1000 });
    }, delay);
  }

  private cancel(): void {
    clearTimeout(this.timer);
    if (this.idle) cancelIdleCallback(this.idle);
    this.timer = this.idle = 0;
  }

  /** The range of the document on screen, if it can be told. */
  private visibleRange(): [number, number] | null {
    const box = this.scroller?.getBoundingClientRect();
    if (!box) return null;
    const dom = this.view.dom.getBoundingClientRect();
    const x = dom.left + dom.width / 2;
    const top = this.view.posAtCoords({ left: x, top: Math.max(box.top, dom.top) + 4 });
    const bottom = this.view.posAtCoords({ left: x, top: Math.min(box.bottom, dom.bottom) - 4 });
    return top && bottom ? [Math.min(top.pos, bottom.pos), Math.max(top.pos, bottom.pos)] : null;
  }

  /** Unchecked segments: those on screen first, then the rest of the rendered passages. */
  private candidates(): { node: PMNode; pos: number }[] {
    const { doc } = this.view.state;
    const out: { node: PMNode; pos: number }[] = [];
    const taken = new Set<PMNode>();
    const take = (node: PMNode, pos: number) => {
      if (out.length < BATCH && !this.checked.has(node) && !taken.has(node)) {
        taken.add(node);
        out.push({ node, pos });
      }
    };
    const visible = this.visibleRange();
    if (visible) {
      doc.nodesBetween(visible[0], visible[1], (node, pos) => {
        if (node.type === schema.nodes.segment) take(node, pos);
        return node.type !== schema.nodes.segment;
      });
    }
    const lazy = lazyPassagesKey.getState(this.view.state);
    doc.forEach((passage, offset) => {
      if (out.length >= BATCH || this.checkedPassages.has(passage)) return;
      if (lazy?.lazy && !lazy.live.has(passage.attrs.id)) return;
      let all = true;
      passage.forEach((segment, o) => {
        if (this.checked.has(segment)) return;
        all = false;
        take(segment, offset + 1 + o);
      });
      if (all) this.checkedPassages.add(passage);
    });
    return out;
  }

  /** Whether the analyst is typing: an idle callback that comes in between keystrokes (its timeout, on a busy machine) waits. */
  private typing(): boolean {
    const wait = DEBOUNCE_MS - (performance.now() - this.lastEdit);
    if (wait <= 0) return false;
    this.schedule(wait, true);
    return true;
  }

  private async run(): Promise<void> {
    if (this.running) return void (this.again = true);
    const spell = this.state();
    if (!spell?.on || this.view.isDestroyed || this.deps.client.failed || this.typing()) return;
    this.running = true;
    try {
      const doc = this.view.state.doc;
      const known = this.glossary.of(this.view.state);
      const unknown = (w: string) => !known.has(w) && !this.deps.userWords.has(w);
      const batch: Candidate[] = this.candidates().map((c) => ({ ...c, tokens: spellTokens(sidePositionText(c.node.child(1))).filter((t) => unknown(t.word)) }));
      if (!batch.length) return;
      await this.deps.client.check(batch.flatMap((c) => c.tokens.map((t) => t.word)));
      if (this.view.isDestroyed || !this.state()?.on || this.state()?.epoch !== spell.epoch) return;
      // Typing began while the worker answered: draw after the pause (the verdicts are kept, the round is quick then).
      if (this.typing()) return;
      this.draw(batch, doc);
      this.again = true;
    } catch (e) {
      if (this.deps.client.failed) this.deps.failed(this.deps.client.failed);
      else throw e;
    } finally {
      this.running = false;
      if (this.again) {
        this.again = false;
        this.schedule(0, false);
      }
    }
  }

  /** Decorates the checked segments in the document as it is now (the analyst may have typed meanwhile). */
  private draw(batch: Candidate[], doc: PMNode): void {
    const state = this.view.state;
    const current = state.doc;
    const typingAt = this.typedDoc === current && state.selection.empty ? state.selection.head : -1;
    const { set } = this.state()!;
    const replace: [number, number][] = [];
    const add: Decoration[] = [];
    let where: Map<PMNode, number> | null = null;
    for (const c of batch) {
      let pos = c.pos;
      if (current !== doc && current.nodeAt(pos) !== c.node) {
        // Edited meanwhile: find the segment where it is now (gone or changed: the next round has it).
        if (!where) {
          where = new Map();
          const index = where;
          current.descendants((node, p) => {
            if (node.type !== schema.nodes.segment) return true;
            index.set(node, p);
            return false;
          });
        }
        const found = where.get(c.node);
        if (found === undefined) continue;
        pos = found;
      }
      const start = enStart(c.node, pos);
      const end = pos + c.node.nodeSize;
      const typed = typingAt > start && typingAt < end ? tokenAt(c.tokens, typingAt - start) : undefined;
      if (typed) this.held = { segment: c.node, from: start + typed.from, to: start + typed.to };
      let changed = set.find(pos, end).length > 0;
      for (const t of c.tokens) {
        // A word added or ignored while the worker was answering stays unflagged.
        if (t === typed || this.deps.client.verdict(t.word) !== false || this.deps.userWords.has(t.word)) continue;
        add.push(Decoration.inline(start + t.from, start + t.to, { class: "dari-misspelled" }, { spelling: t.word } satisfies MisspellingSpec));
        changed = true;
      }
      this.checked.add(c.node);
      if (changed) replace.push([pos, end]);
    }
    // Most segments have no misspelling: nothing to redraw, no transaction.
    if (replace.length) this.view.dispatch(state.tr.setMeta(spellingKey, { replace, add } satisfies SpellMeta).setMeta("addToHistory", false));
  }

  destroy(): void {
    this.cancel();
    this.scroller?.removeEventListener("scroll", this.onScroll);
  }
}

/** The misspelled word at a position of the English side, as the context menu offers it. */
export function misspellingAt(state: EditorState, pos: number): { word: string; from: number; to: number } | null {
  const set = spellingKey.getState(state)?.set;
  const found = set?.find(pos, pos).find((d) => (d.spec as MisspellingSpec).spelling);
  return found ? { word: (found.spec as MisspellingSpec).spelling, from: found.from, to: found.to } : null;
}
