// In the status bar: the progress bar of translated segments and words, and
// the filter by status (the other segments fold away). A plugin view, so it
// follows every state; the counts are cached per segment node in app/.
import crelt from "crelt";
import { Plugin, type EditorState } from "prosemirror-state";
import type { EditorView } from "prosemirror-view";
import type { AppContext } from "../../feature";
import { translationProgress, UNTRANSLATED_STATUSES } from "../../../app/translate/progress";
import { deskState, setStatusFilter } from "../../../app/translate/decorations";
import { SEGMENT_STATUSES } from "../../../app/schema";
import type { SegmentFilter } from "../../../app/translate/segment-filter";
import { LAZY_MIN_PASSAGES } from "../../plugins/lazy-passages";
import { afterNextFrame } from "../../after-frame";

const FILTERS: Record<string, SegmentFilter> = {
  all: null,
  untranslated: UNTRANSLATED_STATUSES,
  ...Object.fromEntries(SEGMENT_STATUSES.map((s) => [s, [s]])),
  // Alignment review (issue 17.3).
  unsure: "unsure",
  unconfirmed: "unconfirmed",
};

class StatusBarItems {
  dom = crelt("span", { class: "dari-progress" });
  private bar = crelt("span", { class: "dari-progress-bar", role: "progressbar", "aria-valuemin": "0", "aria-valuemax": "100" });
  private fill = crelt("span", { class: "dari-progress-fill" });
  private text = crelt("span", { class: "dari-progress-text" });
  private filter = crelt("select", { class: "dari-status-filter" }) as HTMLSelectElement;
  private lastDoc: unknown = null;

  constructor(
    private view: EditorView,
    private ctx: AppContext,
  ) {
    this.bar.append(this.fill);
    for (const id of Object.keys(FILTERS)) this.filter.append(crelt("option", { value: id }));
    this.filter.addEventListener("change", () => {
      this.view.dispatch(setStatusFilter(this.view.state.tr, FILTERS[this.filter.value]));
    });
    this.dom.append(this.filter, this.bar, this.text);
    const bar = document.querySelector(".dari-statusbar");
    const counts = bar?.querySelector(".dari-counts") ?? null;
    bar?.insertBefore(this.dom, counts);
    ctx.i18n.on("languageChanged", this.label);
    this.label();
  }

  private label = () => {
    const t = this.ctx.t;
    this.filter.setAttribute("aria-label", t("translate:filter.label"));
    this.filter.title = t("translate:filter.label");
    for (const o of Array.from(this.filter.options)) {
      o.textContent =
        o.value === "all" || o.value === "untranslated" || o.value === "unsure" || o.value === "unconfirmed"
          ? t(`translate:filter.${o.value}`)
          : t("translate:filter.status", { status: t(`translate:status.${o.value}`) });
    }
    this.bar.setAttribute("aria-label", t("translate:progress.label"));
    this.lastDoc = null;
    this.update(this.view.state);
  };

  private timer: ReturnType<typeof setTimeout> | null = null;
  private cancelFirst: (() => void) | null = null;

  update(state: EditorState): void {
    const filter = deskState(state)?.filter ?? null;
    const id = Object.keys(FILTERS).find((k) => JSON.stringify(FILTERS[k]) === JSON.stringify(filter)) ?? "all";
    if (this.filter.value !== id) this.filter.value = id;
    if (state.doc === this.lastDoc || this.timer) return;
    // Counting walks every segment: at once the first time (after the first frame in a book-length
    // project, which is shown first), then at most every 200 ms, off the keystroke.
    if (this.lastDoc === null && state.doc.childCount < LAZY_MIN_PASSAGES) this.count(state);
    else if (this.lastDoc === null) {
      this.lastDoc = state.doc;
      this.cancelFirst = afterNextFrame(() => this.count(this.view.state));
    } else this.timer = setTimeout(() => {
      this.timer = null;
      this.count(this.view.state);
    }, 200);
  }

  private count(state: EditorState): void {
    this.lastDoc = state.doc;
    const p = translationProgress(state.doc);
    this.fill.style.width = `${p.percent}%`;
    this.bar.setAttribute("aria-valuenow", String(p.percent));
    const text = this.ctx.t("translate:progress.text", { segments: p.segments, segmentsTotal: p.segmentsTotal, words: p.words, wordsTotal: p.wordsTotal, percent: p.percent });
    if (this.text.textContent !== text) this.text.textContent = text;
  }

  destroy(): void {
    if (this.timer) clearTimeout(this.timer);
    this.cancelFirst?.();
    this.ctx.i18n.off("languageChanged", this.label);
    this.dom.remove();
  }
}

export function statusBarPlugin(ctx: AppContext): Plugin {
  return new Plugin({
    view(view) {
      const items = new StatusBarItems(view, ctx);
      return { update: (v) => items.update(v.state), destroy: () => items.destroy() };
    },
  });
}
