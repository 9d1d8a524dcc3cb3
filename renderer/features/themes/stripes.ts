// Coding stripes in the margin (issue 15 req. 7), as MAXQDA draws them: one
// thin bar per tagged span beside the lines it covers, in the theme's colour,
// side by side where spans overlap; hovering names the theme and where the
// span starts, clicking selects the span. Which bars a side has comes from
// app/themes/stripes.ts through the theme decorations (a widget per side of
// a tagged segment); this module draws them and measures where they go.
//
// A widget sits in its side's grid cell (CSS places it left of the text), so
// only the vertical extent is measured, relative to the side: a bar moves
// only when its own side changes. That keeps typing cheap: a keystroke
// before a tag makes a new widget (its key changes), which alone is measured;
// a line added to a tagged segment changes its widget's height, which a
// ResizeObserver hears. Everything is measured again when the text width or
// the fonts change. Widgets far from the viewport (a resize in a long
// document) wait until they come near: an IntersectionObserver says when.
import crelt from "crelt";
import { Plugin, TextSelection } from "prosemirror-state";
import type { EditorView } from "prosemirror-view";
import type { StripeBar } from "../../../app/themes/stripes";
import { assignLanes } from "../../../app/themes/lanes";
import type { AppContext } from "../../feature";
import { onDisplayChange } from "../../display";

/** The margin beside a side for the bars (themes.css widens the column gap to 16px), in px. */
const MARGIN_PX = 14;
/** Distance from one lane to the next when they fit; narrower when many overlap. */
const PITCH_PX = 4;
/** How far outside the viewport widgets are measured ahead of scrolling. */
const NEAR_PX = 800;

interface Widget {
  el: HTMLElement;
  bars: StripeBar[];
  getPos: () => number | undefined;
}

class StripeLayer {
  private readonly widgets = new Map<HTMLElement, Widget>();
  private readonly dirty = new Set<Widget>();
  /** Widgets the IntersectionObserver has reported, and whether they are near. */
  private readonly near = new WeakMap<HTMLElement, boolean>();
  private io: IntersectionObserver | null = null;
  private scroller: HTMLElement | null = null;
  private width = -1;
  private frame = 0;
  private readonly resized = new ResizeObserver((entries) => {
    for (const e of entries) {
      if (e.target === this.view.dom) {
        if (e.contentRect.width !== this.width) {
          this.width = e.contentRect.width;
          this.invalidateAll();
        }
      } else {
        const w = this.widgets.get(e.target as HTMLElement);
        if (w) this.dirty.add(w);
      }
    }
    // Called after layout: measure now, so the bars are right in this frame's paint.
    this.flush();
  });
  private readonly unlisten: () => void;
  private readonly onFonts = () => this.invalidateAll();

  constructor(private readonly view: EditorView) {
    this.resized.observe(view.dom);
    this.unlisten = onDisplayChange((p, before) => {
      if (p.fontSize !== before.fontSize || p.lineHeight !== before.lineHeight || p.koFont !== before.koFont || p.enFont !== before.enFont || p.tagStyle !== before.tagStyle) this.invalidateAll();
    });
    document.fonts?.addEventListener("loadingdone", this.onFonts);
  }

  add(w: Widget): void {
    this.widgets.set(w.el, w);
    this.dirty.add(w);
    this.resized.observe(w.el);
    this.io?.observe(w.el);
    this.schedule();
  }

  invalidateAll(): void {
    for (const w of this.widgets.values()) this.dirty.add(w);
    this.schedule();
  }

  private schedule(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.flush();
    });
  }

  /** The scroller is known once the editor is in the page. */
  private observeScroller(): void {
    const scroller = (this.view.dom.closest(".dari-editor-scroll") as HTMLElement | null) ?? null;
    if (!scroller || scroller === this.scroller) return;
    this.scroller = scroller;
    this.io?.disconnect();
    this.io = new IntersectionObserver(
      (entries) => {
        let wanted = false;
        for (const e of entries) {
          this.near.set(e.target as HTMLElement, e.isIntersecting);
          const w = this.widgets.get(e.target as HTMLElement);
          if (e.isIntersecting && w && this.dirty.has(w)) wanted = true;
        }
        if (wanted) this.schedule();
      },
      { root: scroller, rootMargin: `${NEAR_PX}px 0px` },
    );
    for (const el of this.widgets.keys()) this.io.observe(el);
  }

  private isNear(el: HTMLElement): boolean {
    const known = this.near.get(el);
    if (known !== undefined) return known;
    // Not reported yet (just drawn): its passage's box says, without laying out a skipped passage's insides.
    const passage = el.closest(".dari-passage") ?? el;
    const box = passage.getBoundingClientRect();
    const view = (this.scroller ?? this.view.dom).getBoundingClientRect();
    return box.bottom >= view.top - NEAR_PX && box.top <= view.bottom + NEAR_PX;
  }

  private forget(w: Widget): void {
    this.widgets.delete(w.el);
    this.dirty.delete(w);
    this.resized.unobserve(w.el);
    this.io?.unobserve(w.el);
  }

  /** Measures the dirty widgets near the viewport (all reads first, then all writes: one layout). */
  flush(): void {
    if (this.view.isDestroyed) return;
    this.observeScroller();
    const placed: { w: Widget; places: (Place | null)[] }[] = [];
    for (const w of this.dirty) {
      if (!w.el.isConnected) {
        this.forget(w);
        continue;
      }
      if (!this.isNear(w.el)) continue;
      const spans = this.measure(w);
      if (spans) {
        placed.push({ w, places: arrange(spans, w.bars.map((b) => b.code)) });
        this.dirty.delete(w);
      }
    }
    for (const { w, places } of placed) draw(w.el, places);
  }

  /** The lines each span of a widget covers, relative to the widget; null while the side is not laid out (folded). */
  private measure(w: Widget): ({ top: number; bottom: number } | null)[] | null {
    const pos = w.getPos();
    if (pos == null) return null;
    const box = w.el.getBoundingClientRect();
    if (!box.height) return null;
    // The widget sits just inside its segment.
    const segment = pos - 1;
    const size = this.view.state.doc.content.size;
    const side = w.el.parentElement?.querySelector(`:scope > .dari-${w.el.dataset.side}`);
    const lineHeight = side ? parseFloat(getComputedStyle(side).lineHeight) : NaN;
    return w.bars.map((b) => {
      const from = segment + b.from;
      const to = segment + b.to;
      if (from < 0 || to > size || to <= from) return null;
      const first = this.view.coordsAtPos(from, 1);
      const last = this.view.coordsAtPos(to, -1);
      // Whole lines, as MAXQDA draws them: the text's box plus the line's leading.
      const leading = Number.isFinite(lineHeight) ? Math.max(0, (lineHeight - (first.bottom - first.top)) / 2) : 0;
      return { top: Math.min(first.top, last.top) - leading - box.top, bottom: Math.max(first.bottom, last.bottom) + leading - box.top };
    });
  }

  destroy(): void {
    if (this.frame) cancelAnimationFrame(this.frame);
    this.resized.disconnect();
    this.io?.disconnect();
    this.unlisten();
    document.fonts?.removeEventListener("loadingdone", this.onFonts);
  }
}

interface Place {
  top: number;
  bottom: number;
  lane: number;
  lanes: number;
}

/**
 * One bar per theme along the lines it covers: spans of one theme on the
 * same or touching lines make one bar (the first span names it); themes
 * sharing lines stand side by side, lane 0 beside the text, as the
 * underlines stack them (app/themes/lanes.ts).
 */
function arrange(spans: ({ top: number; bottom: number } | null)[], codes: readonly string[]): (Place | null)[] {
  const out: (Place | null)[] = spans.map(() => null);
  const shown: { i: number; top: number; bottom: number }[] = [];
  spans.forEach((s, i) => {
    if (!s) return;
    const same = shown.find((o) => o.i !== i && codes[i] === codes[o.i] && s.top <= o.bottom + 1 && s.bottom >= o.top - 1);
    if (same) {
      same.top = Math.min(same.top, s.top);
      same.bottom = Math.max(same.bottom, s.bottom);
    } else shown.push({ i, top: s.top, bottom: s.bottom });
  });
  const lanes = assignLanes(shown, (o) => ({ from: o.top, to: o.bottom, code: "", id: String(o.i).padStart(4, "0") }), () => 0);
  const count = Math.max(0, ...lanes.values()) + 1;
  for (const o of shown) out[o.i] = { top: o.top, bottom: o.bottom, lane: lanes.get(o)!, lanes: count };
  return out;
}

/** Puts the bars where they were measured; the lanes share the margin. */
function draw(el: HTMLElement, places: (Place | null)[]): void {
  const lanes = Math.max(1, ...places.map((p) => p?.lanes ?? 1));
  const pitch = lanes * PITCH_PX <= MARGIN_PX ? PITCH_PX : MARGIN_PX / lanes;
  el.style.width = `${lanes * pitch}px`;
  places.forEach((p, i) => {
    const bar = el.children[i] as HTMLElement | undefined;
    if (!bar) return;
    bar.hidden = !p;
    if (!p) return;
    bar.style.top = `${p.top}px`;
    bar.style.height = `${Math.max(2, p.bottom - p.top)}px`;
    bar.style.right = `${p.lane * pitch}px`;
    bar.style.width = `${Math.max(1, pitch - 1)}px`;
  });
}

const layers = new WeakMap<EditorView, StripeLayer>();

function layerFor(view: EditorView): StripeLayer {
  let layer = layers.get(view);
  if (!layer) layers.set(view, (layer = new StripeLayer(view)));
  return layer;
}

/** Selects the span of a bar, as the analyst would by dragging over it. */
function selectSpan(view: EditorView, getPos: () => number | undefined, bar: StripeBar): void {
  const pos = getPos();
  if (pos == null) return;
  const from = pos - 1 + bar.from;
  const to = pos - 1 + bar.to;
  if (to > view.state.doc.content.size) return;
  view.focus();
  view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, from, to)));
}

/** Draws the stripes of one side: the widget the theme decorations place in the segment. */
export function stripesWidget(ctx: AppContext) {
  return (side: "ko" | "en", bars: StripeBar[]) => (view: EditorView, getPos: () => number | undefined) => {
    // Decorative for screen readers: the same spans are reached from the Themes panel and the keys.
    const el = crelt("div", { class: `dari-stripes dari-stripes-${side}`, "data-side": side, contenteditable: "false", "aria-hidden": "true" });
    for (const b of bars) {
      const bar = crelt("span", { class: "dari-stripe", "data-code": b.code, "data-id": b.id, style: `background:${b.color}` });
      bar.hidden = true;
      // Named when hovered, in the UI language of the moment.
      bar.addEventListener("mouseenter", () => (bar.title = ctx.t("themes:stripes.title", { theme: b.label, start: b.start })));
      bar.addEventListener("mousedown", (e) => {
        e.preventDefault();
        selectSpan(view, getPos, b);
      });
      el.appendChild(bar);
    }
    layerFor(view).add({ el, bars, getPos });
    return el;
  };
}

/**
 * Lets the layer go with the view. A project opened in the same view brings
 * new plugins (their views are destroyed and made again) but keeps the
 * widgets that are equal: the layer stays while the view lives.
 */
export function stripesPlugin(): Plugin {
  return new Plugin({
    view: (view) => {
      layerFor(view);
      return {
        destroy: () =>
          queueMicrotask(() => {
            if (!view.isDestroyed) return;
            layers.get(view)?.destroy();
            layers.delete(view);
          }),
      };
    },
  });
}
