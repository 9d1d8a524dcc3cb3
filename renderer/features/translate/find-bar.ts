// The find and replace bar over the top of the editor (Mod-f, Edit › Find):
// search text, replacement, case / whole word / regular expression /
// initial consonants, scope (both sides, Korean, English), the number of
// matches, next / previous / replace / replace all. A query made only of
// initial consonants (ㅂㄹ ㅈㅅ) is searched as such without ticking the box.
// The query lives in prosemirror-search's plugin, which highlights matches.
import crelt from "crelt";
import { Plugin, type EditorState } from "prosemirror-state";
import type { EditorView } from "prosemirror-view";
import { search, setSearchState, findNext, findPrev, replaceNext, replaceAll, getSearchState, SearchQuery } from "prosemirror-search";
import type { AppContext } from "../../feature";
import { findQuery, findAll, type FindOptions, type FindScope } from "../../../app/commands/find";
import { isChoseongQuery } from "../../../app/translate/choseong";

const bars = new WeakMap<EditorView, FindBar>();

class FindBar {
  dom = crelt("div", { class: "dari-find", role: "search", hidden: "" });
  private find = crelt("input", { type: "search", class: "dari-find-input", spellcheck: "false" }) as HTMLInputElement;
  private replace = crelt("input", { type: "text", class: "dari-replace-input", spellcheck: "false" }) as HTMLInputElement;
  private checks: Record<"case" | "word" | "regex" | "choseong", HTMLInputElement> = {
    case: crelt("input", { type: "checkbox" }) as HTMLInputElement,
    word: crelt("input", { type: "checkbox" }) as HTMLInputElement,
    regex: crelt("input", { type: "checkbox" }) as HTMLInputElement,
    choseong: crelt("input", { type: "checkbox" }) as HTMLInputElement,
  };
  private scope = crelt("select", { class: "dari-find-scope" }) as HTMLSelectElement;
  private count = crelt("span", { class: "dari-find-count", "aria-live": "polite" });
  private labels: HTMLElement[] = [];
  private buttons: Record<string, HTMLButtonElement> = {};
  private countTimer: ReturnType<typeof setTimeout> | null = null;
  private lastDoc: unknown = null;
  private choseongSet = false;

  constructor(
    private view: EditorView,
    private ctx: AppContext,
  ) {
    for (const v of ["both", "ko", "en"]) this.scope.append(crelt("option", { value: v }));
    const button = (id: string, run: () => void) => (this.buttons[id] = crelt("button", { type: "button", "data-find": id, onclick: run }) as HTMLButtonElement);
    const check = (id: keyof FindBar["checks"]) => {
      const label = crelt("label", { class: "dari-find-option" }, this.checks[id], crelt("span", { "data-label": id }));
      this.labels.push(label);
      this.checks[id].addEventListener("change", () => this.apply());
      return label;
    };
    this.dom.append(
      crelt("div", { class: "dari-find-row" }, this.find, button("prev", () => this.run(findPrev)), button("next", () => this.run(findNext)), this.count, button("close", () => this.close())),
      crelt("div", { class: "dari-find-row" }, this.replace, button("replaceOne", () => this.run(replaceNext)), button("replaceAll", () => this.run(replaceAll))),
      crelt("div", { class: "dari-find-row dari-find-options" }, check("case"), check("word"), check("regex"), check("choseong"), this.scope),
    );
    // The initial-consonant box shows how the query is searched: it ticks itself for a query of
    // initials only (ㅂㄹ ㅈㅅ) until the analyst sets it; from then on it decides (issue 17.10).
    this.checks.choseong.addEventListener("change", () => (this.choseongSet = true));
    this.find.addEventListener("input", () => {
      if (!this.find.value) this.choseongSet = false;
      if (!this.choseongSet) this.checks.choseong.checked = isChoseongQuery(this.find.value);
      this.apply();
    });
    this.replace.addEventListener("input", () => this.apply());
    this.scope.addEventListener("change", () => this.apply());
    this.dom.addEventListener("keydown", (e) => {
      if (e.key === "Escape") {
        e.preventDefault();
        this.close();
      } else if (e.key === "Enter" && (e.target === this.find || e.target === this.replace)) {
        e.preventDefault();
        if (e.target === this.replace) this.run(e.shiftKey ? replaceAll : replaceNext);
        else this.run(e.shiftKey ? findPrev : findNext);
      }
    });
    const host = view.dom.parentElement;
    host?.insertBefore(this.dom, host.firstChild);
    this.label();
    ctx.i18n.on("languageChanged", this.label);
    // Mod-f from a panel or the toolbar too, not only from the editor (whose keymap has it).
    document.addEventListener("keydown", this.globalKey);
  }

  private globalKey = (e: KeyboardEvent) => {
    if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === "f" && !this.view.dom.contains(e.target as Node)) {
      e.preventDefault();
      this.open();
    }
  };

  private label = () => {
    const t = this.ctx.t;
    this.dom.setAttribute("aria-label", t("translate:find.title"));
    this.find.placeholder = t("translate:find.find");
    this.find.setAttribute("aria-label", t("translate:find.find"));
    this.replace.placeholder = t("translate:find.replaceWith");
    this.replace.setAttribute("aria-label", t("translate:find.replaceWith"));
    const names: Record<string, string> = { prev: "find.prev", next: "find.next", close: "find.close", replaceOne: "find.replaceOne", replaceAll: "find.replaceAll" };
    for (const [id, key] of Object.entries(names)) this.buttons[id].textContent = t(`translate:${key}`);
    const opts: Record<string, string> = { case: "find.case", word: "find.word", regex: "find.regex", choseong: "find.choseong" };
    for (const l of this.labels) {
      const span = l.querySelector("[data-label]")!;
      span.textContent = t(`translate:${opts[span.getAttribute("data-label")!]}`);
    }
    const scopes: Record<string, string> = { both: "find.scopeBoth", ko: "find.scopeKo", en: "find.scopeEn" };
    for (const o of Array.from(this.scope.options)) o.textContent = t(`translate:${scopes[o.value]}`);
    this.scope.setAttribute("aria-label", t("translate:find.scope"));
    this.showCount();
  };

  options(): FindOptions {
    const search = this.find.value;
    return {
      search,
      replace: this.replace.value,
      caseSensitive: this.checks.case.checked,
      wholeWord: this.checks.word.checked,
      regexp: this.checks.regex.checked,
      choseong: this.checks.choseong.checked,
      scope: this.scope.value as FindScope,
    };
  }

  open(): void {
    this.dom.hidden = false;
    const { from, to } = this.view.state.selection;
    const selected = this.view.state.doc.textBetween(from, to, " ");
    if (selected && !selected.includes("\n") && selected.length < 200) this.find.value = selected;
    this.find.focus();
    this.find.select();
    this.apply();
  }

  close(): void {
    this.dom.hidden = true;
    this.view.dispatch(setSearchState(this.view.state.tr, new SearchQuery({ search: "" })));
    this.view.focus();
  }

  private apply(): void {
    const query = findQuery(this.options());
    this.view.dispatch(setSearchState(this.view.state.tr, query));
    this.showCount();
  }

  private run(cmd: (state: EditorState, dispatch?: EditorView["dispatch"]) => boolean): void {
    cmd(this.view.state, this.view.dispatch);
    // ProseMirror scrolls to the selection only while the editor holds the DOM
    // selection; here the find box has the focus, so bring the match into view.
    const { node } = this.view.domAtPos(this.view.state.selection.from);
    const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
    el?.scrollIntoView({ block: "center" });
    this.showCount();
  }

  /** Counts the matches (shortly after typing stops, in a large document). */
  update(state: EditorState): void {
    if (this.dom.hidden || state.doc === this.lastDoc) return;
    if (this.countTimer) clearTimeout(this.countTimer);
    this.countTimer = setTimeout(() => this.showCount(), 150);
  }

  private showCount(): void {
    const state = this.view.state;
    this.lastDoc = state.doc;
    const query = getSearchState(state)?.query;
    const text = this.find.value;
    if (!text || !query) return void (this.count.textContent = "");
    if (!query.valid) {
      let reason = "";
      try {
        new RegExp(text);
      } catch (e) {
        reason = (e as Error).message;
      }
      this.count.textContent = this.ctx.t("translate:errors.regex", { reason });
      this.count.className = "dari-find-count error";
      return;
    }
    const matches = findAll(state, query);
    const n = matches.length;
    // "2/3" on a match (issue 17.10), "3 matches" before the first step.
    const { from, to } = state.selection;
    const at = matches.findIndex((m) => m.from === from && m.to === to);
    this.count.className = "dari-find-count";
    this.count.textContent = !n ? this.ctx.t("translate:find.none") : at >= 0 ? this.ctx.t("translate:find.position", { n: at + 1, count: n }) : this.ctx.t("translate:find.count", { count: n });
  }

  destroy(): void {
    this.ctx.i18n.off("languageChanged", this.label);
    document.removeEventListener("keydown", this.globalKey);
    this.dom.remove();
    if (bars.get(this.view) === this) bars.delete(this.view);
  }
}

/** prosemirror-search's plugin and the bar as its view. */
export function findPlugins(ctx: AppContext): Plugin[] {
  return [
    search(),
    new Plugin({
      view(view) {
        const bar = new FindBar(view, ctx);
        bars.set(view, bar);
        return { update: (v) => bar.update(v.state), destroy: () => bar.destroy() };
      },
    }),
  ];
}

/** Opens the bar (Mod-f, Edit › Find): the shell's Find menu command calls this. */
export function openFindBar(ctx: AppContext): void {
  bars.get(ctx.view())?.open();
}
