// The glossary panel: the terms found in the current segment (insert one on
// the English side: Mod-Shift-g inserts the next missing), the project
// glossary (add, remove, keep in the user glossary), the user glossary, and
// import/export as CSV or TBX-Basic. Glossary edits are project-data
// transactions, so they are saved with the project and seen by QA at once.
import crelt from "crelt";
import type { EditorState } from "prosemirror-state";
import type { PanelView, AppContext } from "../../feature";
import { projectData, updateProjectData } from "../../../app/project-state";
import { deskKey, deskState } from "../../../app/translate/decorations";
import type { GlossaryEntry } from "../../../app/translate/glossary-entry";
import { addToGlossary, distinctTerms } from "../../../app/translate/glossary";
import { glossaryFromCsv, glossaryToCsv } from "../../../app/translate/glossary-csv";
import { glossaryFromTbx, glossaryToTbx } from "../../../app/translate/glossary-tbx";
import { defaultGlossary } from "../../../app/translate/default-glossary";
import { segmentAround, insertOnEnglish } from "../../../app/commands/status";
import { sideText } from "../../../app/schema";
import { newId } from "../../../app/ids";
import { loadUserGlossary, saveUserGlossary } from "./user-data";
import { KEYS } from "./keys";
import { shownKey } from "../../key-label";

function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = crelt("a", { href: url, download: name }) as HTMLAnchorElement;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export class GlossaryPanel implements PanelView {
  dom = crelt("div", { class: "dari-glossary-panel" });
  private hits = crelt("ul", { class: "dari-glossary-hits" });
  private table = crelt("table", { class: "dari-glossary-table" });
  private userTable = crelt("table", { class: "dari-glossary-table dari-user-glossary" });
  private heads: Record<string, HTMLElement> = { hits: crelt("h3"), project: crelt("h3"), user: crelt("h3") };
  private form = crelt("form", { class: "dari-glossary-form" }) as HTMLFormElement;
  private inputs: Record<"ko" | "en" | "note" | "forbidden", HTMLInputElement> = {
    ko: crelt("input", { name: "ko", required: "", lang: "ko" }) as HTMLInputElement,
    en: crelt("input", { name: "en", required: "", lang: "en" }) as HTMLInputElement,
    note: crelt("input", { name: "note" }) as HTMLInputElement,
    forbidden: crelt("input", { name: "forbidden" }) as HTMLInputElement,
  };
  private addButton = crelt("button", { type: "submit" }) as HTMLButtonElement;
  private actions: Record<string, HTMLButtonElement> = {};
  private file = crelt("input", { type: "file", accept: ".csv,.tbx,.xml,.tsv,.txt", hidden: "" }) as HTMLInputElement;
  private lastKey: unknown[] = [];

  constructor(private ctx: AppContext) {
    this.form.append(...Object.values(this.inputs), this.addButton);
    this.form.addEventListener("submit", (e) => {
      e.preventDefault();
      const v = (k: keyof GlossaryPanel["inputs"]) => this.inputs[k].value.trim();
      if (!v("ko") || !v("en")) return;
      this.setGlossary(addToGlossary(this.glossary(), [{ id: newId("g"), ko: v("ko"), en: v("en"), note: v("note"), forbidden: v("forbidden").split(/\s*[;|]\s*/).filter(Boolean) }]));
      for (const i of Object.values(this.inputs)) i.value = "";
    });
    const action = (id: string, run: () => void) => (this.actions[id] = crelt("button", { type: "button", "data-action": id, onclick: run }) as HTMLButtonElement);
    this.file.addEventListener("change", () => void this.importFile());
    this.dom.append(
      this.heads.hits,
      this.hits,
      this.heads.project,
      this.form,
      this.table,
      crelt(
        "div",
        { class: "dari-panel-actions" },
        action("import", () => this.file.click()),
        action("exportCsv", () => download(`${this.title()}-glossary.csv`, glossaryToCsv(this.glossary()), "text/csv")),
        action("exportTbx", () => download(`${this.title()}-glossary.tbx`, glossaryToTbx(this.glossary()), "application/x-tbx+xml")),
        action("seed", () => this.setGlossary(addToGlossary(defaultGlossary(), this.glossary()))),
        this.file,
      ),
      this.heads.user,
      this.userTable,
    );
  }

  private glossary(): GlossaryEntry[] {
    return projectData(this.ctx.view().state).glossary;
  }

  private title(): string {
    return projectData(this.ctx.view().state).meta.title.replace(/[\\/:*?"<>|]+/g, "_") || "dari";
  }

  private setGlossary(glossary: GlossaryEntry[]): void {
    const view = this.ctx.view();
    view.dispatch(updateProjectData(view.state, view.state.tr, { glossary }));
  }

  private setUser(entries: GlossaryEntry[]): void {
    saveUserGlossary(entries);
    const view = this.ctx.view();
    view.dispatch(view.state.tr.setMeta(deskKey, { reloadUserGlossary: true }));
    this.lastKey = [];
    this.update(view.state);
  }

  private async importFile(): Promise<void> {
    const f = this.file.files?.[0];
    this.file.value = "";
    if (!f) return;
    mergeGlossaryText(this.ctx, await f.text(), f.name);
  }

  update(state: EditorState): void {
    const seg = segmentAround(state.doc, state.selection.from);
    const key = [projectData(state).glossary, deskState(state)?.userGlossary, seg?.node, this.ctx.i18n.language];
    if (key.every((k, i) => k === this.lastKey[i])) return;
    this.lastKey = key;
    const t = this.ctx.t;
    this.heads.hits.textContent = t("translate:glossary.insert");
    this.heads.project.textContent = t("translate:glossary.title");
    this.heads.user.textContent = t("translate:glossary.user");
    for (const k of Object.keys(this.inputs) as (keyof GlossaryPanel["inputs"])[]) {
      this.inputs[k].placeholder = t(`translate:glossary.${k}`);
      this.inputs[k].setAttribute("aria-label", t(`translate:glossary.${k}`));
    }
    this.addButton.textContent = t("translate:glossary.add");
    for (const [id, b] of Object.entries(this.actions)) b.textContent = t(`translate:glossary.${id}`);

    const desk = deskState(state);
    // Each term once, however often the segment uses it.
    const hits = seg && desk ? distinctTerms(desk.matcher.find(sideText(seg.node, "ko"))) : [];
    this.hits.replaceChildren(
      ...(hits.length
        ? hits.map((h, i) =>
            crelt(
              "li",
              crelt("span", { class: "dari-term-ko", lang: "ko" }, h.entry.ko),
              " → ",
              crelt(
                "button",
                {
                  type: "button",
                  title: i === 0 ? shownKey(KEYS.glossary) : "",
                  onclick: () => {
                    const view = this.ctx.view();
                    insertOnEnglish(h.entry.en)(view.state, view.dispatch);
                    view.focus();
                  },
                },
                h.entry.en,
              ),
              h.entry.note ? crelt("div", { class: "dari-help" }, h.entry.note) : "",
            ),
          )
        : [crelt("li", { class: "dari-help" }, t("translate:glossary.noHit"))]),
    );
    const user = loadUserGlossary(this.ctx);
    const row = (e: GlossaryEntry, buttons: HTMLElement[]) =>
      crelt("tr", crelt("td", { lang: "ko" }, e.ko), crelt("td", { lang: "en" }, e.en), crelt("td", { class: "dari-help" }, [e.note, e.forbidden.length ? `≠ ${e.forbidden.join("; ")}` : ""].filter(Boolean).join(" · ")), crelt("td", buttons));
    const head = () => crelt("tr", ["ko", "en", "note", ""].map((k) => crelt("th", k ? t(`translate:glossary.${k}`) : "")));
    this.table.replaceChildren(
      head(),
      ...projectData(state).glossary.map((e) =>
        row(e, [
          crelt("button", { type: "button", title: t("translate:glossary.user"), onclick: () => this.setUser(addToGlossary(user, [e])) }, "＋"),
          crelt("button", { type: "button", title: t("translate:glossary.remove"), onclick: () => this.setGlossary(this.glossary().filter((x) => x !== e)) }, "×"),
        ]),
      ),
    );
    this.userTable.replaceChildren(head(), ...user.map((e) => row(e, [crelt("button", { type: "button", title: t("translate:glossary.remove"), onclick: () => this.setUser(user.filter((x) => x !== e)) }, "×")])));
  }
}

/**
 * Adds the terms of a CSV or TBX file's text to the open project's glossary
 * and says how many; a broken file is reported by name. The panel's Import
 * and a file dropped onto the window both come here. False when refused.
 */
export function mergeGlossaryText(ctx: AppContext, text: string, fileName: string): boolean {
  try {
    const entries = /\.(tbx|xml)$/i.test(fileName) || /^\s*(<\?xml|<tbx|<martif)/.test(text) ? glossaryFromTbx(text, fileName) : glossaryFromCsv(text, fileName);
    const view = ctx.view();
    view.dispatch(updateProjectData(view.state, view.state.tr, { glossary: addToGlossary(projectData(view.state).glossary, entries) }));
    ctx.notify(ctx.t("translate:glossary.imported", { count: entries.length, file: fileName }));
    return true;
  } catch (e) {
    ctx.notify(ctx.errorText(e), "error");
    return false;
  }
}
