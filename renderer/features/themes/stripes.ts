// Coding stripes in the margin (issue 15 req. 7), as MAXQDA draws them: one
// thin bar per theme beside the lines its tagged text covers, in the theme's
// colour, side by side where themes share lines; hovering names the theme
// and where the span starts, clicking selects the span. Which spans a
// segment has comes from app/themes/stripes.ts through the theme decorations
// (in the gutter widget of each tagged segment); this module measures where they go and
// draws them.
//
// The bars are placed relative to their segment (the layer rides in its
// gutter widget), so a bar moves only when its own segment changes. That keeps typing cheap: a
// keystroke before a tag makes a new widget (its key changes), which alone
// is measured; a line added to a tagged segment changes its widget's height,
// which a ResizeObserver hears. Everything is measured again when the text
// width or the fonts change. Widgets far from the viewport (a resize in a
// long document) wait until they come near: an IntersectionObserver says when.
import crelt from "crelt";
import { Plugin, TextSelection } from "prosemirror-state";
import type { EditorView } from "prosemirror-view";
import { spanStart, type StripeBar } from "../../../app/themes/stripes";
import { assignLanes } from "../../../app/themes/lanes";
import type { AppContext } from "../../feature";
import { onDisplayChange } from "../../display";

/** The margin beside a side for the bars (themes.css widens the column gap to 16px), in px. */
const MARGIN_PX = 14;
/** Distance from one lane to the next when they fit; narrower when many overlap. */
const PITCH_PX = 4;
/** Between the bar nearest the text and the side's box (whose padding adds 4px more). */
const GAP_PX = 1;
/** How far outside the viewport widgets are measured ahead of scrolling. */
const NEAR_PX = 800;

interface Widget {
  /** The layer holding the bars (in the gutter widget); its corner is where the bars are measured from. */
  el: HTMLElement;
  bars: StripeBar[];
  getPos: () => number | undefined;
  /** The segment, once the widget is in the page, and its height when last seen. */
  seg?: HTMLElement;
  height?: number;
}

class StripeLayer {
  private readonly widgets = new Set<Widget>();
  private readonly dirty = new Set<Widget>();
  /** The widget of each segment (observed for its size and its nearness to the viewport). */
  private readonly bySegment = new Map<Element, Widget>();
  /** Segments the IntersectionObserver has reported, and whether they are near. */
  private readonly near = new WeakMap<Element, boolean>();
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
        continue;
      }
      // A segment grew or shrank (a line more or less): its bars may have moved.
      const w = this.bySegment.get(e.target);
      if (!w) continue;
      if (w.height !== undefined && w.height !== e.contentRect.height) this.dirty.add(w);
      w.height = e.contentRect.height;
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
    this.widgets.add(w);
    this.dirty.add(w);
    this.schedule();
  }

  invalidateAll(): void {
    for (const w of this.widgets) this.dirty.add(w);
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
          this.near.set(e.target, e.isIntersecting);
          const w = this.bySegment.get(e.target);
          if (e.isIntersecting && w && this.dirty.has(w)) wanted = true;
        }
        if (wanted) this.schedule();
      },
      { root: scroller, rootMargin: `${NEAR_PX}px 0px` },
    );
    for (const seg of this.bySegment.keys()) this.io.observe(seg);
  }

  /** Follows the segment a new widget is in (its size, its nearness); a widget it replaces is forgotten. */
  private attach(w: Widget): boolean {
    if (w.seg) return true;
    const seg = w.el.closest<HTMLElement>(".dari-segment");
    if (!seg) return false;
    w.seg = seg;
    const before = this.bySegment.get(seg);
    if (before) {
      this.widgets.delete(before);
      this.dirty.delete(before);
      w.height = before.height;
    } else {
      this.resized.observe(seg);
      this.io?.observe(seg);
    }
    this.bySegment.set(seg, w);
    return true;
  }

  private forget(w: Widget): void {
    this.widgets.delete(w);
    this.dirty.delete(w);
    if (w.seg && this.bySegment.get(w.seg) === w) {
      this.bySegment.delete(w.seg);
      this.resized.unobserve(w.seg);
      this.io?.unobserve(w.seg);
    }
  }

  private isNear(seg: HTMLElement): boolean {
    const known = this.near.get(seg);
    if (known !== undefined) return known;
    // Not reported yet (just drawn): its passage's box says, without laying out a skipped passage's insides.
    const passage = seg.closest(".dari-passage") ?? seg;
    const box = passage.getBoundingClientRect();
    const view = (this.scroller ?? this.view.dom).getBoundingClientRect();
    return box.bottom >= view.top - NEAR_PX && box.top <= view.bottom + NEAR_PX;
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
      if (!this.attach(w) || !this.isNear(w.seg!)) continue;
      const spans = this.measure(w);
      if (spans) {
        placed.push({ w, places: arrange(spans, w.bars) });
        this.dirty.delete(w);
      }
    }
    for (const { w, places } of placed) draw(w.el, places);
  }

  /** The lines each span of a widget covers and where its side's text begins, relative to the layer's corner; null while the segment is not laid out (folded). */
  private measure(w: Widget): Span[] | null {
    const pos = w.getPos();
    if (pos == null || !w.seg?.getClientRects().length) return null;
    const box = w.el.getBoundingClientRect();
    // The widget sits just inside its segment, beside the sides.
    const segment = pos - 1;
    const size = this.view.state.doc.content.size;
    const sides = new Map<string, { left: number; lineHeight: number }>();
    for (const side of ["ko", "en"] as const) {
      const el = w.seg.querySelector(`:scope > .dari-${side}`);
      if (el) sides.set(side, { left: el.getBoundingClientRect().left - box.left, lineHeight: parseFloat(getComputedStyle(el).lineHeight) });
    }
    return w.bars.map((b) => {
      const from = segment + b.from;
      const to = segment + b.to;
      const side = sides.get(b.side);
      if (!side || from < 0 || to > size || to <= from) return null;
      const first = this.view.coordsAtPos(from, 1);
      // The last character itself: a widget at the span's end (a memo's mark) is not the span.
      const last = this.view.coordsAtPos(to - 1, 1);
      // Whole lines, as MAXQDA draws them: the text's box plus the line's leading.
      const leading = Number.isFinite(side.lineHeight) ? Math.max(0, (side.lineHeight - (first.bottom - first.top)) / 2) : 0;
      return { left: side.left, top: Math.min(first.top, last.top) - leading - box.top, bottom: Math.max(first.bottom, last.bottom) + leading - box.top };
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

/** A span's lines and the left edge of its side, relative to the segment. */
type Span = { left: number; top: number; bottom: number } | null;

interface Place {
  left: number;
  top: number;
  bottom: number;
  lane: number;
  lanes: number;
}

/**
 * One bar per theme along the lines it covers: spans of one theme on the
 * same or touching lines of a side make one bar (the first span names it);
 * themes sharing lines stand side by side, lane 0 beside the text, as the
 * underlines stack them (app/themes/lanes.ts).
 */
function arrange(spans: Span[], bars: readonly StripeBar[]): (Place | null)[] {
  const out: (Place | null)[] = spans.map(() => null);
  for (const side of ["ko", "en"] as const) {
    const shown: { i: number; left: number; top: number; bottom: number }[] = [];
    spans.forEach((s, i) => {
      if (!s || bars[i].side !== side) return;
      const same = shown.find((o) => bars[i].code === bars[o.i].code && s.top <= o.bottom + 1 && s.bottom >= o.top - 1);
      if (same) {
        same.top = Math.min(same.top, s.top);
        same.bottom = Math.max(same.bottom, s.bottom);
      } else shown.push({ i, left: s.left, top: s.top, bottom: s.bottom });
    });
    const lanes = assignLanes(shown, (o) => ({ from: o.top, to: o.bottom, code: "", id: String(o.i).padStart(4, "0") }), () => 0);
    const count = Math.max(0, ...lanes.values()) + 1;
    for (const o of shown) out[o.i] = { left: o.left, top: o.top, bottom: o.bottom, lane: lanes.get(o)!, lanes: count };
  }
  return out;
}

/** Puts the bars where they were measured, left of their side's text; a side's lanes share its margin. */
function draw(el: HTMLElement, places: (Place | null)[]): void {
  places.forEach((p, i) => {
    const bar = el.children[i] as HTMLElement | undefined;
    if (!bar) return;
    bar.hidden = !p;
    if (!p) return;
    const pitch = p.lanes * PITCH_PX <= MARGIN_PX ? PITCH_PX : MARGIN_PX / p.lanes;
    const width = Math.max(1, pitch - 1);
    bar.style.top = `${p.top}px`;
    bar.style.height = `${Math.max(2, p.bottom - p.top)}px`;
    bar.style.left = `${p.left - GAP_PX - p.lane * pitch - width}px`;
    bar.style.width = `${width}px`;
  });
}

const layers = new WeakMap<EditorView, StripeLayer>();

function layerFor(view: EditorView): StripeLayer {
  let layer = layers.get(view);
  if (!layer) layers.set(view, (layer = new StripeLayer(view)));
  return layer;
}

/** The span of a bar in the document as it is now, or null when its widget is gone. */
function spanOf(view: EditorView, getPos: () => number | undefined, bar: StripeBar): { from: number; to: number } | null {
  const pos = getPos();
  if (pos == null) return null;
  const from = pos - 1 + bar.from;
  const to = pos - 1 + bar.to;
  return to <= view.state.doc.content.size ? { from, to } : null;
}

/** Selects the span of a bar, as the analyst would by dragging over it. */
function selectSpan(view: EditorView, getPos: () => number | undefined, bar: StripeBar): void {
  const span = spanOf(view, getPos, bar);
  if (!span) return;
  view.focus();
  view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, span.from, span.to)));
}

/** Draws the stripes of a segment, in its gutter widget (at `getPos`, just inside the segment). */
export function stripesLayer(ctx: AppContext, view: EditorView, getPos: () => number | undefined, bars: StripeBar[]): HTMLElement {
  {
    // Decorative for screen readers: the same spans are reached from the Themes panel and the keys.
    const el = crelt("div", { class: "dari-stripes", contenteditable: "false", "aria-hidden": "true" });
    for (const b of bars) {
      const bar = crelt("span", { class: "dari-stripe", "data-side": b.side, "data-code": b.code, "data-id": b.id, style: `background:${b.color}` });
      bar.hidden = true;
      // Named when hovered, in the UI language of the moment.
      bar.addEventListener("mouseenter", () => {
        const span = spanOf(view, getPos, b);
        if (span) bar.title = ctx.t("themes:stripes.title", { theme: b.label, start: spanStart(view.state.doc.textBetween(span.from, span.to, " ")) });
      });
      // The editor's own mouse handling (on its root) never hears it.
      bar.addEventListener("mousedown", (e) => {
        e.preventDefault();
        e.stopPropagation();
        selectSpan(view, getPos, b);
      });
      el.appendChild(bar);
    }
    layerFor(view).add({ el, bars, getPos });
    return el;
  }
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
