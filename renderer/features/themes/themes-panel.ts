// The Themes panel: per theme the number of tags and of segments in each
// language, buttons to step through the occurrences, checkboxes that filter
// the editor to the segments carrying the chosen themes (the others fold
// away), a search box; then the segments tagged on one side only, every
// tagged span with its memo (issue 17.5), the document portrait and the
// co-occurrence heat map. The counts walk the whole
// document, so they are refreshed shortly after the analyst pauses.
import { centreSelection } from "../../centre";
import crelt from "crelt";
import type { EditorState } from "prosemirror-state";
import type { PanelView, AppContext } from "../../feature";
import { projectData } from "../../../app/project-state";
import { codeTree } from "../../../app/themes/codebook-ops";
import { themeStats, oneSidedSegments, segmentsWithThemes } from "../../../app/themes/stats";
import { stepThemeRange, THEME_STEP_META, type ThemeStop } from "../../../app/themes/stepping";
import { copyTags } from "./copy-tags";
import { setThemeFilter, themeFilter } from "../../../app/themes/theme-decorations";
import { Portrait } from "./portrait";
import { Matrix } from "./matrix";
import { taggedSpans } from "../../../app/themes/memo";
import { colorOf, goTo, labelOf, segmentPositions, whenQuiet } from "./shared";
import { themeDropTarget } from "./span-drag";

/** The spans listed at most: a long project has thousands, and the list is drawn again after each pause. */
const SPANS_SHOWN = 500;

export class ThemesPanel implements PanelView {
  dom = crelt("div", { class: "dari-themes-panel" });
  private search = crelt("input", { type: "search", class: "dari-themes-search" }) as HTMLInputElement;
  private table = crelt("table", { class: "dari-themes-table" });
  private filterNote = crelt("div", { class: "dari-themes-filter-note" });
  private oneSidedSelect = crelt("select", { class: "dari-one-sided-theme" }) as HTMLSelectElement;
  private oneSidedList = crelt("ul", { class: "dari-one-sided" });
  private spansSelect = crelt("select", { class: "dari-spans-theme" }) as HTMLSelectElement;
  private spansMemos = crelt("input", { type: "checkbox", class: "dari-spans-memos" }) as HTMLInputElement;
  private spansMemosLabel = crelt("span");
  private spansList = crelt("ul", { class: "dari-spans" });
  private portrait: Portrait;
  private matrix: Matrix;
  private headings: Record<string, HTMLElement> = {};
  private helps: Record<string, HTMLElement> = {};
  private lastDoc: unknown = null;
  private lastCodebook: unknown = null;
  private lastLang = "";
  private lastFilter: unknown = undefined;
  private refresh = whenQuiet(() => this.render(this.ctx.view().state));

  constructor(private ctx: AppContext) {
    const view = () => ctx.view();
    this.portrait = new Portrait(ctx, view);
    this.matrix = new Matrix(ctx, view);
    this.search.addEventListener("input", () => this.render(ctx.view().state));
    this.oneSidedSelect.addEventListener("change", () => this.render(ctx.view().state));
    this.spansSelect.addEventListener("change", () => this.render(ctx.view().state));
    this.spansMemos.addEventListener("change", () => this.render(ctx.view().state));
    const section = (id: string, ...body: HTMLElement[]) => {
      this.headings[id] = crelt("h3");
      this.helps[id] = crelt("p", { class: "dari-help" });
      return crelt("section", { class: `dari-themes-${id}` }, this.headings[id], this.helps[id], ...body);
    };
    this.dom.append(
      this.search,
      this.filterNote,
      this.table,
      section("oneSided", this.oneSidedSelect, this.oneSidedList),
      section("spans", this.spansSelect, crelt("label", { class: "dari-spans-filter" }, this.spansMemos, " ", this.spansMemosLabel), this.spansList),
      crelt("div", { class: "dari-themes-pictures" }, section("portrait", this.portrait.canvas), section("matrix", this.matrix.dom)),
    );
  }

  update(state: EditorState): void {
    const data = projectData(state);
    const filter = themeFilter(state);
    const lang = this.ctx.i18n.language;
    if (state.doc === this.lastDoc && data.codebook === this.lastCodebook && lang === this.lastLang && filter === this.lastFilter) return;
    const first = this.lastDoc === null || data.codebook !== this.lastCodebook || lang !== this.lastLang || filter !== this.lastFilter;
    this.lastDoc = state.doc;
    this.lastCodebook = data.codebook;
    this.lastLang = lang;
    this.lastFilter = filter;
    if (first) this.render(state);
    else this.refresh();
  }

  private render(state: EditorState): void {
    const t = this.ctx.t;
    const { codebook } = projectData(state);
    const filter = themeFilter(state) ?? [];
    this.search.placeholder = t("themes:stats.search");
    this.search.setAttribute("aria-label", t("themes:stats.search"));
    const query = this.search.value.trim().toLowerCase();
    const stats = new Map(themeStats(state.doc, codebook).map((s) => [s.code, s]));
    const head = crelt(
      "tr",
      crelt("th", ""),
      crelt("th", { class: "dari-th-theme" }, t("themes:stats.theme")),
      ...["koAnn", "koSeg", "enAnn", "enSeg"].map((k) => crelt("th", { class: "num" }, t(`themes:stats.${k}`))),
      crelt("th", ""),
    );
    const rows = codeTree(codebook)
      .filter(({ code }) => !query || [code.label.ko, code.label.en, code.description.ko, code.description.en, ...code.keywords.ko, ...code.keywords.en].some((s) => s.toLowerCase().includes(query)))
      .map(({ code, depth }) => {
        const s = stats.get(code.id)!;
        const label = labelOf(this.ctx, code.id, codebook);
        const box = crelt("input", { type: "checkbox", title: t("themes:stats.filter"), "aria-label": `${t("themes:stats.filter")}: ${label}` }) as HTMLInputElement;
        box.checked = filter.includes(code.id);
        box.addEventListener("change", () => {
          const next = box.checked ? [...filter, code.id] : filter.filter((c) => c !== code.id);
          const view = this.ctx.view();
          view.dispatch(setThemeFilter(view.state.tr, next));
        });
        const stepBtn = (dir: 1 | -1, key: string, glyph: string) =>
          crelt("button", { type: "button", class: "dari-step", title: t(`themes:stats.${key}`), "aria-label": `${t(`themes:stats.${key}`)}: ${label}`, onclick: () => this.stepTo(code.id, dir) }, glyph);
        const row = crelt(
          "tr",
          { "data-code": code.id, title: t("themes:stats.countsTitle", { label, koAnn: s.annotations.ko, koSeg: s.segments.ko, enAnn: s.annotations.en, enSeg: s.segments.en }) },
          crelt("td", box),
          crelt("td", { class: "dari-td-theme", style: `padding-left:${depth}em` }, crelt("span", { class: "dari-theme-chip", style: `background:${code.color}` }), " ", label),
          crelt("td", { class: "num", "data-count": "ko-annotations" }, String(s.annotations.ko)),
          crelt("td", { class: "num", "data-count": "ko-segments" }, String(s.segments.ko)),
          crelt("td", { class: "num", "data-count": "en-annotations" }, String(s.annotations.en)),
          crelt("td", { class: "num", "data-count": "en-segments" }, String(s.segments.en)),
          crelt("td", { class: "dari-steps" }, stepBtn(-1, "prev", "‹"), stepBtn(1, "next", "›")),
        );
        // A span dragged out of the text and dropped here is tagged with this theme.
        themeDropTarget(row, this.ctx, code.id);
        return row;
      });
    this.table.replaceChildren(crelt("thead", head), crelt("tbody", rows));

    // The filter line: how much is folded away, and a way back.
    if (filter.length) {
      const shown = segmentsWithThemes(state.doc, filter).length;
      const total = segmentPositions(state).length;
      this.filterNote.replaceChildren(
        t("themes:stats.filterActive", { n: shown, total, themes: filter.map((c) => labelOf(this.ctx, c, codebook)).join(", ") }),
        " ",
        crelt("button", { type: "button", onclick: () => {
          const view = this.ctx.view();
          view.dispatch(setThemeFilter(view.state.tr, null));
        } }, t("themes:stats.clearFilter")),
      );
      this.filterNote.hidden = false;
    } else this.filterNote.hidden = true;

    // Tagged on one side only.
    this.headings.oneSided.textContent = t("themes:oneSided.title");
    this.helps.oneSided.textContent = "";
    const chosen = this.oneSidedSelect.value;
    this.oneSidedSelect.setAttribute("aria-label", this.ctx.t("ui:a11y.oneSidedTheme"));
    this.oneSidedSelect.replaceChildren(
      crelt("option", { value: "" }, t("themes:oneSided.all")),
      ...codebook.map((c) => crelt("option", { value: c.id }, labelOf(this.ctx, c.id, codebook))),
    );
    this.oneSidedSelect.value = codebook.some((c) => c.id === chosen) ? chosen : "";
    const positions = segmentPositions(state);
    const number = new Map(positions.map((p, i) => [p, i + 1]));
    const list = oneSidedSegments(state.doc, this.oneSidedSelect.value || undefined);
    this.oneSidedList.replaceChildren(
      ...(list.length
        ? list.slice(0, 500).map((o) => {
            const other = o.side === "ko" ? "en" : "ko";
            return crelt(
              "li",
              { "data-segment": o.segmentId, "data-code": o.code },
              crelt("span", { class: "dari-theme-chip", style: `background:${colorOf(codebook, o.code)}` }),
              crelt("button", { type: "button", class: "dari-link", onclick: () => goTo(this.ctx.view(), o.segmentPos + 2) },
                t("themes:oneSided.item", { n: number.get(o.segmentPos), label: labelOf(this.ctx, o.code, codebook), side: t(`side.${o.side}`) })),
              crelt("button", { type: "button", class: "dari-copy-tags", onclick: () => {
                const view = this.ctx.view();
                goTo(view, o.segmentPos + 2);
                // The status bar says where the tags went (copy-tags.ts).
                copyTags(o.side)(view.state, view.dispatch);
              } }, t("themes:oneSided.copy", { side: t(`side.${other}`) })),
            );
          })
        : [crelt("li", { class: "dari-empty" }, t("themes:oneSided.empty"))]),
    );

    this.renderSpans(state);

    this.headings.portrait.textContent = t("themes:portrait.title");
    this.helps.portrait.textContent = t("themes:portrait.help");
    this.portrait.draw(state);
    this.headings.matrix.textContent = t("themes:matrix.title");
    this.helps.matrix.textContent = t("themes:matrix.help");
    this.matrix.draw(state);
  }

  /** Every tagged span with its memo (issue 17.5), as the HTML export's theme index lists them; a click goes to it. */
  private renderSpans(state: EditorState): void {
    const t = this.ctx.t;
    const { codebook } = projectData(state);
    this.headings.spans.textContent = t("themes:spans.title");
    this.helps.spans.textContent = t("themes:spans.help");
    const chosen = this.spansSelect.value;
    this.spansSelect.setAttribute("aria-label", t("themes:spans.theme"));
    this.spansSelect.replaceChildren(
      crelt("option", { value: "" }, t("themes:oneSided.all")),
      ...codebook.map((c) => crelt("option", { value: c.id }, labelOf(this.ctx, c.id, codebook))),
    );
    this.spansSelect.value = codebook.some((c) => c.id === chosen) ? chosen : "";
    this.spansMemosLabel.textContent = t("themes:spans.onlyMemos");
    const spans = taggedSpans(state.doc, this.spansSelect.value || undefined).filter((x) => !this.spansMemos.checked || x.note);
    const shown = spans.slice(0, SPANS_SHOWN);
    this.spansList.replaceChildren(
      ...shown.map((x) =>
        crelt(
          "li",
          { "data-annotation": x.id, "data-code": x.code },
          crelt(
            "button",
            { type: "button", class: "dari-link dari-span-go", onclick: () => goTo(this.ctx.view(), x.from, x.to) },
            crelt("span", { class: "dari-theme-chip", style: `background:${colorOf(codebook, x.code)}` }),
            " ",
            crelt("span", { class: "dari-span-where" }, `${labelOf(this.ctx, x.code, codebook)} · ${t("themes:spans.item", { n: x.segment, side: x.sides.map((side) => t(`side.${side}`)).join(" + ") })}`),
            crelt("q", { class: "dari-span-text", lang: x.sides[0] }, x.text.length > 140 ? `${x.text.slice(0, 139)}…` : x.text),
          ),
          ...(x.note ? [crelt("div", { class: "dari-span-memo" }, x.note)] : []),
        ),
      ),
      ...(spans.length > shown.length ? [crelt("li", { class: "dari-empty" }, t("themes:spans.more", { n: spans.length - shown.length }))] : []),
      ...(spans.length ? [] : [crelt("li", { class: "dari-empty" }, t("themes:spans.empty"))]),
    );
  }

  /** Selects the next (or previous) occurrence of a theme from the selection, cycling. */
  private stepTo(code: string, dir: 1 | -1): void {
    const view = this.ctx.view();
    const label = labelOf(this.ctx, code);
    let stop: ThemeStop | undefined;
    const went = stepThemeRange(code, dir)(view.state, (tr) => {
      stop = tr.getMeta(THEME_STEP_META) as ThemeStop;
      // Focus first: focusing afterwards would let the old DOM selection win.
      view.focus();
      view.dispatch(tr);
    });
    if (!went || !stop) return this.ctx.notify(this.ctx.t("themes:stats.none", { label }));
    centreSelection(view);
    this.ctx.notify(this.ctx.t("themes:stats.occurrence", { label, n: stop.index + 1, total: stop.total }));
  }
}
