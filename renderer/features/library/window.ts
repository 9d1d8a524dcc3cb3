// The library window (issue 16, requirements 1–3): drawn over the editor, it
// lists the documents of the open library with their figures, sorts and
// filters them, searches the whole library (main holds the index) and shows
// where the projects' codebooks disagree, with the action that makes them
// consistent. Escape or Back returns to the editor; a document opens through
// main by its file inside the library.
import crelt from "crelt";
import type { AppContext } from "../../feature";
import type { LibraryOverview } from "../../../app/ipc";
import type { LibraryHit, LibrarySearchOptions } from "../../../app/library/search";
import type { LibraryCodebookEntry, RetrievedSegment, ThemeQuery } from "../../../app/library/library";
import { REPORT_FORMATS, type ReportFormat } from "../../../app/library/report";
import { SEGMENT_STATUSES, type SegmentStatus, type Side } from "../../../app/schema";
import { segmentList } from "../../../app/document/segments";
import { trapTab, showDialog } from "../../dialog";
import { goTo } from "../themes/shared";
import { ThemesView } from "./themes-view";

type Doc = LibraryOverview["documents"][number];
type Column = "title" | "author" | "date" | "source" | "segmentCount" | "progress" | "themes";
const COLUMNS: Column[] = ["title", "author", "date", "source", "segmentCount", "progress", "themes"];
type Tab = "documents" | "search" | "themes" | "retrieval" | "codebook";
const TABS: Tab[] = ["documents", "search", "themes", "retrieval", "codebook"];

const sumThemes = (d: Doc) => Object.values(d.themes).reduce((a, b) => a + b, 0);

export class LibraryWindow {
  readonly dom = crelt("section", { class: "dari-library", role: "dialog", "aria-modal": "true" });
  private tab: Tab = "documents";
  private sort: { column: Column; descending: boolean } = { column: "date", descending: false };
  private filter = { text: "", author: "", from: "", to: "", theme: "", presence: "present" as "present" | "absent" };
  private body = crelt("div", { class: "dari-library-body" });
  private hits: LibraryHit[] | null = null;
  private searchState: { query: string; options: LibrarySearchOptions } = { query: "", options: {} };
  private retrieval: { query: ThemeQuery; rows: RetrievedSegment[] | null } = { query: { all: [], none: [] }, rows: null };

  constructor(
    private ctx: AppContext,
    private library: LibraryOverview,
    private onClose: () => void,
  ) {
    this.dom.addEventListener("keydown", (e) => {
      if (e.key === "Escape" && !e.defaultPrevented) {
        e.preventDefault();
        this.close();
      } else trapTab(this.dom, e);
    });
    this.render();
  }

  private get t() {
    return this.ctx.t;
  }

  close(): void {
    this.dom.remove();
    this.onClose();
  }

  private label(code: string): string {
    const entry = this.library.codebook.find((c) => c.id === code);
    const lang = this.ctx.i18n.language === "ko" ? "ko" : "en";
    return entry ? entry.label[lang] || entry.label[lang === "ko" ? "en" : "ko"] || code : code;
  }

  render(): void {
    const t = this.t;
    const titleId = "dari-library-title";
    this.dom.setAttribute("aria-labelledby", titleId);
    const tabs = crelt(
      "div",
      { class: "dari-library-tabs", role: "tablist", "aria-label": t("library:window.sections") },
      TABS.map((id) =>
        crelt("button", { type: "button", role: "tab", "data-tab": id, "aria-selected": String(this.tab === id), onclick: () => this.show(id) }, t(`library:window.tab.${id}`)),
      ),
    );
    const head = crelt(
      "header",
      { class: "dari-library-head" },
      crelt("button", { type: "button", class: "dari-library-back", onclick: () => this.close() }, t("library:window.back")),
      crelt("h1", { id: titleId }, t("library:window.title", { name: this.library.name })),
      crelt("span", { class: "dari-library-summary" }, t("library:window.summary", { count: this.library.documents.length })),
      tabs,
    );
    const failed = this.library.failed.length
      ? crelt("p", { class: "dari-library-failed", role: "alert" }, t("library:window.failed", { count: this.library.failed.length, files: this.library.failed.map((f) => f.file).join(", ") }))
      : null;
    this.dom.replaceChildren(head, failed ?? "", this.body);
    this.renderBody();
  }

  private show(tab: Tab): void {
    this.tab = tab;
    this.render();
    this.dom.querySelector<HTMLElement>(`[data-tab="${tab}"]`)?.focus();
  }

  private renderBody(): void {
    if (this.tab === "documents") this.body.replaceChildren(this.documentsView());
    else if (this.tab === "search") this.body.replaceChildren(this.searchView());
    else if (this.tab === "retrieval") this.body.replaceChildren(this.retrievalView());
    else if (this.tab === "themes")
      this.body.replaceChildren(
        new ThemesView({
          ctx: this.ctx,
          library: this.library,
          label: (c) => this.label(c),
          retrieve: (all) => {
            // Down to the segments: the retrieval of these themes.
            this.retrieval = { query: { all, none: [] }, rows: null };
            this.show("retrieval");
          },
        }).dom,
      );
    else this.body.replaceChildren(this.codebookView());
  }

  // --- Documents -------------------------------------------------------------
  private authors(): string[] {
    return [...new Set(this.library.documents.map((d) => d.author).filter(Boolean))].sort();
  }

  private themeCodes(): string[] {
    return this.library.codebook.map((c) => c.id);
  }

  private select(label: string, value: string, options: [string, string][], onchange: (v: string) => void, cls: string): HTMLSelectElement {
    const el = crelt("select", { class: cls, "aria-label": label, title: label }, options.map(([v, text]) => crelt("option", { value: v }, text))) as HTMLSelectElement;
    el.value = value;
    el.addEventListener("change", () => onchange(el.value));
    return el;
  }

  private input(label: string, value: string, oninput: (v: string) => void, cls: string, type = "text"): HTMLInputElement {
    const el = crelt("input", { type, class: cls, "aria-label": label, title: label, placeholder: label }) as HTMLInputElement;
    el.value = value;
    el.addEventListener("input", () => oninput(el.value));
    return el;
  }

  private shownDocuments(): Doc[] {
    const f = this.filter;
    const text = f.text.trim().toLowerCase();
    const docs = this.library.documents.filter(
      (d) =>
        (!text || [d.title, d.author, d.source, d.file].some((s) => s.toLowerCase().includes(text))) &&
        (!f.author || d.author === f.author) &&
        (!f.from || (d.date !== "" && d.date >= f.from)) &&
        (!f.to || (d.date !== "" && d.date.slice(0, f.to.length) <= f.to)) &&
        (!f.theme || ((d.themes[f.theme] ?? 0) > 0) === (f.presence === "present")),
    );
    const { column, descending } = this.sort;
    const key = (d: Doc): string | number => (column === "themes" ? sumThemes(d) : d[column]);
    docs.sort((a, b) => {
      const [x, y] = [key(a), key(b)];
      const c = typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y), this.ctx.i18n.language);
      return (descending ? -c : c) || a.file.localeCompare(b.file);
    });
    return docs;
  }

  private documentsView(): HTMLElement {
    const t = this.t;
    const tbody = crelt("tbody");
    const count = crelt("p", { class: "dari-library-count", "aria-live": "polite" });
    const fill = () => {
      const docs = this.shownDocuments();
      count.textContent = t("library:window.shown", { count: docs.length, total: this.library.documents.length });
      tbody.replaceChildren(...docs.map((d) => this.documentRow(d)));
    };
    const refilter = (patch: Partial<typeof this.filter>) => {
      Object.assign(this.filter, patch);
      fill();
    };
    const codes = this.themeCodes();
    const filters = crelt(
      "div",
      { class: "dari-library-filters", role: "group", "aria-label": t("library:window.filters") },
      this.input(t("library:window.filterText"), this.filter.text, (v) => refilter({ text: v }), "dari-library-filter-text", "search"),
      this.select(t("library:window.author"), this.filter.author, [["", t("library:window.allAuthors")], ...this.authors().map((a): [string, string] => [a, a])], (v) => refilter({ author: v }), "dari-library-filter-author"),
      this.input(t("library:window.from"), this.filter.from, (v) => refilter({ from: v }), "dari-library-filter-from", "date"),
      this.input(t("library:window.to"), this.filter.to, (v) => refilter({ to: v }), "dari-library-filter-to", "date"),
      this.select(t("library:window.theme"), this.filter.theme, [["", t("library:window.anyTheme")], ...codes.map((c): [string, string] => [c, this.label(c)])], (v) => refilter({ theme: v }), "dari-library-filter-theme"),
      this.select(t("library:window.presence"), this.filter.presence, [["present", t("library:window.present")], ["absent", t("library:window.absent")]], (v) => refilter({ presence: v as "present" | "absent" }), "dari-library-filter-presence"),
    );
    const headRow = crelt(
      "tr",
      COLUMNS.map((c) => {
        const sorted = this.sort.column === c;
        return crelt(
          "th",
          { scope: "col", "aria-sort": sorted ? (this.sort.descending ? "descending" : "ascending") : "none" },
          crelt(
            "button",
            {
              type: "button",
              "data-sort": c,
              onclick: () => {
                this.sort = { column: c, descending: sorted ? !this.sort.descending : false };
                this.renderBody();
                this.body.querySelector<HTMLElement>(`[data-sort="${c}"]`)?.focus();
              },
            },
            t(`library:window.column.${c}`),
            sorted ? (this.sort.descending ? " ▼" : " ▲") : "",
          ),
        );
      }),
    );
    const table = crelt("table", { class: "dari-library-table" }, crelt("caption", { class: "dari-visually-hidden" }, t("library:window.tab.documents")), crelt("thead", headRow), tbody);
    fill();
    return crelt("div", { class: "dari-library-documents" }, filters, count, crelt("div", { class: "dari-library-scroll" }, table));
  }

  private documentRow(d: Doc): HTMLElement {
    const t = this.t;
    const themes = Object.entries(d.themes)
      .filter(([, n]) => n > 0)
      .sort((a, b) => b[1] - a[1])
      .map(([code, n]) => {
        const color = this.library.codebook.find((c) => c.id === code)?.color ?? "#888";
        return crelt("span", { class: "dari-library-theme", "data-code": code }, crelt("span", { class: "dari-library-swatch", style: `background:${color}` }), `${this.label(code)} ${n}`);
      });
    return crelt(
      "tr",
      { "data-file": d.file },
      crelt("td", crelt("button", { type: "button", class: "dari-library-open", title: t("library:window.open", { title: d.title || d.file }), onclick: () => void this.openDocument(d.file, null) }, d.title || d.file), crelt("div", { class: "dari-library-file" }, d.file)),
      crelt("td", d.author),
      crelt("td", d.date),
      crelt("td", d.source),
      crelt("td", { class: "num" }, String(d.segmentCount)),
      crelt("td", { class: "num" }, crelt("span", { class: "dari-library-progress", role: "img", "aria-label": `${d.progress}%` }, crelt("span", { style: `width:${d.progress}%` })), ` ${d.progress}%`),
      crelt("td", themes),
    );
  }

  private async openDocument(file: string, segment: number | null): Promise<void> {
    const opened = await this.ctx.openFrom(() => this.ctx.api.openLibraryDocument(file));
    if (!opened) return;
    this.close();
    if (segment !== null) {
      const view = this.ctx.view();
      const seg = segmentList(view.state.doc)[segment];
      if (seg) goTo(view, seg.pos + 2);
    }
  }

  // --- Search ----------------------------------------------------------------
  private searchView(): HTMLElement {
    const t = this.t;
    const s = this.searchState;
    const o = s.options;
    const query = this.input(t("library:search.query"), s.query, (v) => (s.query = v), "dari-library-query", "search");
    const set = (patch: Partial<LibrarySearchOptions>) => {
      for (const [k, v] of Object.entries(patch)) (o as Record<string, unknown>)[k] = v || undefined;
    };
    const results = crelt("ol", { class: "dari-library-hits" });
    const summary = crelt("p", { class: "dari-library-count", "aria-live": "polite" });
    const show = () => {
      if (!this.hits) return;
      summary.textContent = this.hits.length ? t("library:search.count", { count: this.hits.length }) : t("library:search.none");
      results.replaceChildren(...this.hits.map((h) => this.hitItem(h)));
    };
    const form = crelt(
      "form",
      { class: "dari-library-search", role: "search" },
      query,
      this.select(t("library:window.theme"), o.theme ?? "", [["", t("library:window.anyTheme")], ...this.themeCodes().map((c): [string, string] => [c, this.label(c)])], (v) => set({ theme: v }), "dari-library-search-theme"),
      this.select(t("library:search.side"), o.side ?? "", [["", t("library:search.bothSides")], ["ko", t("side.ko")], ["en", t("side.en")]], (v) => set({ side: v as Side }), "dari-library-search-side"),
      this.select(t("library:search.status"), o.status ?? "", [["", t("library:search.anyStatus")], ...SEGMENT_STATUSES.map((st): [string, string] => [st, t(`status.${st}`)])], (v) => set({ status: v as SegmentStatus }), "dari-library-search-status"),
      this.select(t("library:window.author"), o.author ?? "", [["", t("library:window.allAuthors")], ...this.authors().map((a): [string, string] => [a, a])], (v) => set({ author: v }), "dari-library-search-author"),
      this.input(t("library:window.from"), o.from ?? "", (v) => set({ from: v }), "dari-library-search-from", "date"),
      this.input(t("library:window.to"), o.to ?? "", (v) => set({ to: v }), "dari-library-search-to", "date"),
      crelt("button", { type: "submit", class: "primary" }, t("library:search.run")),
    ) as HTMLFormElement;
    form.addEventListener("submit", async (e) => {
      e.preventDefault();
      const r = await this.ctx.api.searchLibrary({ query: s.query, options: { ...o } });
      if (!r.ok) return void this.ctx.notify(this.ctx.errorText(r.error), "error");
      this.hits = r.value;
      show();
    });
    show();
    return crelt("div", { class: "dari-library-searchview" }, form, summary, crelt("div", { class: "dari-library-scroll" }, results));
  }

  private hitItem(h: LibraryHit): HTMLElement {
    const t = this.t;
    const line = (side: Side) => {
      const k = h.kwic[side];
      const text = k ? [k.before, crelt("mark", k.match), k.after] : [h[side].length > 90 ? `${h[side].slice(0, 90)}…` : h[side]];
      return crelt("div", { class: `dari-library-kwic dari-library-kwic-${side}`, lang: side }, crelt("span", { class: "dari-library-side" }, t(`side.${side}`)), " ", text);
    };
    return crelt(
      "li",
      { class: "dari-library-hit", "data-file": h.file, "data-index": String(h.index) },
      crelt("button", { type: "button", class: "dari-library-hit-open", onclick: () => void this.openDocument(h.file, h.index) }, t("library:search.where", { title: h.title || h.file, n: h.index + 1 })),
      line("ko"),
      line("en"),
    );
  }

  // --- Retrieval and report ---------------------------------------------------
  private retrievalView(): HTMLElement {
    const t = this.t;
    const q = this.retrieval.query;
    const summary = crelt("p", { class: "dari-library-count", "aria-live": "polite" });
    const tbody = crelt("tbody");
    const exportButtons = REPORT_FORMATS.map(
      (f) => crelt("button", { type: "button", "data-format": f, onclick: () => void this.exportReport(f) }, t("library:retrieval.export", { format: f.toUpperCase() })) as HTMLButtonElement,
    );
    const show = () => {
      const rows = this.retrieval.rows;
      exportButtons.forEach((b) => (b.disabled = !q.all.length));
      if (!rows) return;
      summary.textContent = rows.length ? t("library:retrieval.count", { count: rows.length }) : t("library:retrieval.none");
      tbody.replaceChildren(...rows.map((r) => this.retrievedRow(r)));
    };
    const run = async () => {
      if (!q.all.length) {
        this.retrieval.rows = null;
        summary.textContent = t("library:retrieval.chooseTheme");
        tbody.replaceChildren();
        return show();
      }
      const r = await this.ctx.api.retrieveLibrary({ ...q });
      if (!r.ok) return void this.ctx.notify(this.ctx.errorText(r.error), "error");
      this.retrieval.rows = r.value;
      show();
    };
    const checks = (legend: string, list: "all" | "none") =>
      crelt(
        "fieldset",
        { class: `dari-library-themes-${list}` },
        crelt("legend", legend),
        this.themeCodes().map((code) => {
          const box = crelt("input", { type: "checkbox", value: code }) as HTMLInputElement;
          box.checked = (q[list] ?? []).includes(code);
          box.addEventListener("change", () => {
            const set = new Set(q[list] ?? []);
            if (box.checked) set.add(code);
            else set.delete(code);
            q[list] = [...set];
            void run();
          });
          return crelt("label", box, " ", this.label(code));
        }),
      );
    const side = this.select(t("library:search.side"), q.side ?? "", [["", t("library:search.bothSides")], ["ko", t("side.ko")], ["en", t("side.en")]], (v) => ((q.side = (v || undefined) as Side | undefined), void run()), "dari-library-retrieval-side");
    const table = crelt(
      "table",
      { class: "dari-library-table dari-library-retrieved" },
      crelt("thead", crelt("tr", ["document", "ko", "en", "memos"].map((k) => crelt("th", { scope: "col" }, t(`library:retrieval.column.${k}`))))),
      tbody,
    );
    show();
    if (!this.retrieval.rows) {
      if (q.all.length) void run();
      else summary.textContent = t("library:retrieval.chooseTheme");
    }
    return crelt(
      "div",
      { class: "dari-library-retrieval" },
      crelt("div", { class: "dari-library-retrieval-query" }, checks(t("library:retrieval.withAll"), "all"), checks(t("library:retrieval.without"), "none"), crelt("div", side, exportButtons)),
      summary,
      crelt("div", { class: "dari-library-scroll" }, table),
    );
  }

  private retrievedRow(r: RetrievedSegment): HTMLElement {
    const t = this.t;
    const memos = [r.segment.note, ...r.segment.memos.map((m) => `${m.text}: ${m.note}`)].filter(Boolean);
    return crelt(
      "tr",
      { "data-file": r.file, "data-index": String(r.index) },
      crelt(
        "td",
        crelt("button", { type: "button", class: "dari-library-open", onclick: () => void this.openDocument(r.file, r.index) }, t("library:search.where", { title: r.title || r.file, n: r.index + 1 })),
        crelt("div", { class: "dari-library-file" }, [r.date, r.source].filter(Boolean).join(" · ")),
      ),
      crelt("td", { lang: "ko" }, r.segment.ko),
      crelt("td", { lang: "en" }, r.segment.en),
      crelt("td", memos.length ? crelt("ul", memos.map((m) => crelt("li", m))) : ""),
    );
  }

  private async exportReport(format: ReportFormat): Promise<void> {
    const r = await this.ctx.api.exportLibraryReport({ query: { ...this.retrieval.query }, format, uiLanguage: this.ctx.i18n.language === "ko" ? "ko" : "en" });
    if (!r.ok) return void this.ctx.notify(this.ctx.errorText(r.error), "error");
    if (r.value) this.ctx.notify(this.t("library:retrieval.exported", { file: r.value }));
  }

  // --- Codebook --------------------------------------------------------------
  private codebookView(): HTMLElement {
    const t = this.t;
    const disagreeing = this.library.codebook.filter((c) => c.variants.length);
    const make = crelt("button", { type: "button", class: "dari-library-consistent primary", onclick: () => void this.makeConsistent() }, t("library:codebook.makeConsistent")) as HTMLButtonElement;
    make.disabled = !disagreeing.length;
    const row = (c: LibraryCodebookEntry) =>
      crelt(
        "tr",
        { "data-code": c.id, class: c.variants.length ? "dari-library-disagree" : "" },
        crelt("td", crelt("span", { class: "dari-library-swatch", style: `background:${c.color}` }), " ", c.id),
        crelt("td", c.label.ko),
        crelt("td", c.label.en),
        crelt("td", { class: "num" }, String(c.documents.length)),
        crelt(
          "td",
          c.variants.length
            ? crelt(
                "ul",
                c.variants.map((v) => crelt("li", t("library:codebook.variant", { file: v.file, ko: v.label.ko, en: v.label.en, color: v.color }), " ", crelt("span", { class: "dari-library-swatch", style: `background:${v.color}` }))),
              )
            : t("library:codebook.agree"),
        ),
      );
    return crelt(
      "div",
      { class: "dari-library-codebook" },
      crelt("p", { class: "dari-library-count" }, disagreeing.length ? t("library:codebook.disagree", { count: disagreeing.length }) : t("library:codebook.allAgree"), " ", make),
      crelt(
        "div",
        { class: "dari-library-scroll" },
        crelt(
          "table",
          { class: "dari-library-table" },
          crelt("thead", crelt("tr", ["id", "ko", "en", "documents", "variants"].map((k) => crelt("th", { scope: "col" }, t(`library:codebook.column.${k}`))))),
          crelt("tbody", this.library.codebook.map(row)),
        ),
      ),
    );
  }

  private async makeConsistent(): Promise<void> {
    const t = this.t;
    const files = [...new Set(this.library.codebook.flatMap((c) => c.variants.map((v) => v.file)))];
    const go = await showDialog({
      title: t("library:codebook.makeConsistent"),
      message: t("library:codebook.confirm", { count: files.length, files: files.join("\n") }),
      buttons: [
        { label: t("dialog.cancel"), value: false },
        { label: t("library:codebook.write"), value: true, primary: true },
      ],
      cancel: false,
    });
    if (!go) return;
    const r = await this.ctx.api.makeLibraryCodebookConsistent();
    if (!r.ok) return void this.ctx.notify(this.ctx.errorText(r.error), "error");
    this.library = r.value.overview;
    this.render();
    this.ctx.notify(t("library:codebook.written", { count: r.value.written.length }));
    this.dom.querySelector<HTMLElement>('[data-tab="codebook"]')?.focus();
  }
}
