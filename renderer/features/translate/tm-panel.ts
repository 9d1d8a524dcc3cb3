// The translation memory panel: for the current segment the best matches
// with their fuzzy-match percentage (formula in app/translate/fuzzy.ts), the
// differences from the current Korean highlighted, and a button (keys Mod-Alt-1…3)
// to insert a match; a concordance search (a Korean phrase -> the English it
// was translated with); and TMX import into the user memory. A translation held
// by several sources (this project, other projects, TMX files) is one match
// listing them. When the bundled sample is open, a note says it stays out of
// the user memory, with a button to add it.
import crelt from "crelt";
import type { EditorState } from "prosemirror-state";
import type { PanelView, AppContext } from "../../feature";
import { segmentAround, insertMatch } from "../../../app/commands/status";
import { sideText } from "../../../app/schema";
import { tmUnitsFromTmx } from "../../../app/translate/tm-tmx";
import type { DiffPart } from "../../../app/translate/fuzzy";
import { deskMemory } from "./memory";
import { MATCH_KEY_COUNT, matchKeys } from "../../../app/shortcuts";
import { shownKey } from "../../key-label";

function diffView(parts: DiffPart[]): HTMLElement {
  // The match's Korean as the memory has it; what the current segment lacks is
  // struck through, what it adds is shown inserted.
  return crelt(
    "div",
    { class: "dari-tm-ko", lang: "ko" },
    parts.map((p) => (p.op === "equal" ? p.text : crelt(p.op === "delete" ? "del" : "ins", { class: `dari-diff-${p.op}` }, p.text))),
  );
}

export class TmPanel implements PanelView {
  dom = crelt("div", { class: "dari-tm-panel" });
  private size = crelt("p", { class: "dari-tm-size" });
  private matches = crelt("ol", { class: "dari-tm-matches" });
  private concHead = crelt("h3");
  private concInput = crelt("input", { type: "search", class: "dari-concordance-input" }) as HTMLInputElement;
  private concList = crelt("ul", { class: "dari-concordance" });
  private importButton = crelt("button", { type: "button", class: "dari-tm-import" }) as HTMLButtonElement;
  private file = crelt("input", { type: "file", accept: ".tmx,.xml", hidden: "" }) as HTMLInputElement;
  private sampleNote = crelt("p", { class: "dari-tm-sample-note" });
  private addButton = crelt("button", { type: "button", class: "dari-tm-add-project" }) as HTMLButtonElement;
  private sample = crelt("div", { class: "dari-tm-sample", hidden: "" }, this.sampleNote, this.addButton);
  private lastKey = "";
  private timer: ReturnType<typeof setTimeout> | null = null;
  private memory;

  constructor(private ctx: AppContext) {
    this.memory = deskMemory(ctx);
    this.memory.onChange = () => {
      this.lastKey = "";
      this.update(ctx.view().state);
    };
    this.concInput.addEventListener("input", () => this.concordance());
    this.importButton.addEventListener("click", () => this.file.click());
    this.file.addEventListener("change", () => void this.importTmx());
    this.addButton.addEventListener("click", () => void this.addProject());
    this.dom.append(this.size, this.sample, this.matches, this.concHead, this.concInput, this.concList, crelt("div", { class: "dari-panel-actions" }, this.importButton, this.file));
  }

  update(state: EditorState): void {
    this.memory.sync(state);
    const seg = segmentAround(state.doc, state.selection.from);
    const key = `${this.ctx.i18n.language}|${seg ? sideText(seg.node, "ko") : ""}|${seg?.node.attrs.id}|${this.memory.size}|${this.memory.heldBack(state)}`;
    if (key === this.lastKey) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.render(this.ctx.view().state, key), this.lastKey ? 120 : 0);
  }

  private render(state: EditorState, key: string): void {
    const t = this.ctx.t;
    this.lastKey = key;
    this.size.textContent = t("translate:tm.size", { count: this.memory.size });
    this.concHead.textContent = t("translate:tm.concordance");
    this.concInput.placeholder = t("translate:tm.concordancePlaceholder");
    this.concInput.setAttribute("aria-label", t("translate:tm.concordance"));
    this.importButton.textContent = t("translate:tm.importTmx");
    this.sample.hidden = !this.memory.heldBack(state);
    this.sampleNote.textContent = t("translate:tm.sampleHeldBack");
    this.addButton.textContent = t("translate:tm.addProject");
    const seg = segmentAround(state.doc, state.selection.from);
    const ko = seg ? sideText(seg.node, "ko") : "";
    const found = seg && ko.trim() ? this.memory.lookup(ko, seg.node.attrs.id as string) : [];
    if (!found.length) {
      this.matches.replaceChildren(crelt("li", { class: "dari-tm-none" }, t("translate:tm.none")));
    } else {
      this.matches.replaceChildren(
        ...found.map((m, i) =>
          crelt(
            "li",
            { class: "dari-tm-match", "data-score": String(m.score) },
            crelt("span", { class: "dari-tm-score" }, t("translate:tm.match", { score: m.score })),
            this.origins(m.origins),
            diffView(m.diff),
            crelt("div", { class: "dari-tm-en", lang: "en" }, m.unit.en),
            crelt(
              "button",
              {
                type: "button",
                title: i < MATCH_KEY_COUNT ? shownKey(matchKeys()[i]) : "",
                onclick: () => {
                  const view = this.ctx.view();
                  insertMatch(m.unit.en)(view.state, view.dispatch);
                  view.focus();
                },
              },
              t("translate:tm.insert", { n: i + 1 }),
            ),
          ),
        ),
      );
    }
    this.concordance();
  }

  private concordance(): void {
    const phrase = this.concInput.value.trim();
    if (!phrase) return void this.concList.replaceChildren();
    const hits = this.memory.concordance(phrase);
    if (!hits.length) return void this.concList.replaceChildren(crelt("li", { class: "dari-tm-none" }, this.ctx.t("translate:tm.concordanceNone")));
    this.concList.replaceChildren(
      ...hits.map((h) => {
        const text = /[\uac00-\ud7a3\u3131-\u318e]/.test(phrase) ? h.unit.ko : h.unit.en;
        return crelt(
          "li",
          crelt("div", { class: "dari-tm-ko" }, text.slice(0, h.from), crelt("mark", text.slice(h.from, h.to)), text.slice(h.to)),
          crelt("div", { class: "dari-tm-en", lang: "en" }, text === h.unit.ko ? h.unit.en : h.unit.ko),
          this.origins(h.origins),
        );
      }),
    );
  }

  /** Where a translation was found: every source that holds it, the open project by name. */
  private origins(origins: readonly string[]): HTMLElement {
    const t = this.ctx.t;
    const names = origins.map((o) => o || t("translate:tm.thisProject"));
    return crelt("span", { class: "dari-tm-origin", "data-sources": String(names.length) }, t("translate:tm.origin", { origin: names.join(t("translate:tm.originSeparator")) }));
  }

  private async addProject(): Promise<void> {
    const state = this.ctx.view().state;
    try {
      const count = await this.memory.addProject(state);
      this.ctx.notify(this.ctx.t("translate:tm.projectAdded", { count }));
    } catch (e) {
      this.ctx.notify(this.ctx.errorText(e), "error");
    }
  }

  private async importTmx(): Promise<void> {
    const f = this.file.files?.[0];
    this.file.value = "";
    if (!f) return;
    try {
      const units = tmUnitsFromTmx(await f.text(), f.name);
      await this.memory.addFile(f.name, units);
      this.ctx.notify(this.ctx.t("translate:tm.imported", { count: units.length, file: f.name }));
    } catch (e) {
      this.ctx.notify(this.ctx.errorText(e), "error");
    }
  }
}
