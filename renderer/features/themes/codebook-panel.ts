// The Codebook panel: the themes in panel order (the order of Alt+1…9), each
// with its colour, its labels in both languages and its key; buttons to apply
// it, reorder, nest, un-nest and delete it (asking what becomes of its tags);
// description and keywords in both languages behind a disclosure; adding a
// theme; and REFI-QDA exchange (.qdc import and export). Every edit is a
// transaction, so undo takes it back.
import crelt from "crelt";
import type { EditorState, Command } from "prosemirror-state";
import type { PanelView, AppContext } from "../../feature";
import { projectData, updateProjectData } from "../../../app/project-state";
import type { Code } from "../../../app/themes/codebook";
import { codeTree, makeCode, mergeCodebookMapped, mergeCodeSets } from "../../../app/themes/codebook-ops";
import { defaultCodebook } from "../../../app/themes/default-codebook";
import { readQdc } from "../../../app/themes/qdc";
import { setCodebook } from "../../../app/themes/codebook-history";
import {
  addCodeCommand, applyTheme, countAnnotations, deleteCodeCommand, moveCodeCommand, nestCodeCommand, updateCodeCommand, type OnDelete,
} from "../../../app/commands/themes";
import { showDialog } from "../../dialog";
import { labelOf } from "./shared";
import { themeDropTarget } from "./span-drag";

export class CodebookPanel implements PanelView {
  dom = crelt("div", { class: "dari-codebook-panel" });
  private list = crelt("ol", { class: "dari-codebook" });
  private addKo = crelt("input", { type: "text", class: "dari-add-ko" }) as HTMLInputElement;
  private addEn = crelt("input", { type: "text", class: "dari-add-en" }) as HTMLInputElement;
  private bar = crelt("div", { class: "dari-codebook-bar" });
  private addForm = crelt("form", { class: "dari-codebook-add" });
  private lastCodebook: unknown = null;
  private lastLang = "";
  private open = new Set<string>();
  private fileInput = crelt("input", { type: "file", accept: ".qdc,application/xml,text/xml", class: "dari-qdc-input", hidden: "" }) as HTMLInputElement;

  constructor(private ctx: AppContext) {
    this.addForm.addEventListener("submit", (e) => {
      e.preventDefault();
      const ko = this.addKo.value.trim();
      const en = this.addEn.value.trim();
      if (!ko && !en) return;
      const codebook = projectData(ctx.view().state).codebook;
      if (this.run(addCodeCommand(makeCode(codebook, { ko, en })))) {
        this.addKo.value = "";
        this.addEn.value = "";
      }
    });
    this.fileInput.addEventListener("change", () => {
      const file = this.fileInput.files?.[0];
      if (file) void this.readQdc(file);
    });
    this.dom.append(this.bar, this.list, this.addForm, this.fileInput);
  }

  private run(cmd: Command): boolean {
    const view = this.ctx.view();
    try {
      return cmd(view.state, view.dispatch);
    } catch (e) {
      this.ctx.notify(this.ctx.errorText(e), "error");
      return false;
    }
  }

  update(state: EditorState): void {
    const { codebook } = projectData(state);
    if (codebook === this.lastCodebook && this.ctx.i18n.language === this.lastLang) return;
    // Do not rebuild under the analyst's typing in one of our fields.
    this.lastCodebook = codebook;
    this.lastLang = this.ctx.i18n.language;
    this.render(codebook);
  }

  private render(codebook: Code[]): void {
    const t = this.ctx.t;
    const focused = document.activeElement as HTMLElement | null;
    const focusKey = this.dom.contains(focused) ? focused?.getAttribute("data-field") : null;
    this.bar.replaceChildren(
      crelt("button", { type: "button", "data-action": "import-qdc", onclick: () => this.importQdc() }, t("themes:codebook.importQdc")),
      crelt("button", { type: "button", "data-action": "export-qdc", onclick: () => void this.exportQdc() }, t("themes:codebook.exportQdc")),
      ...(codebook.length ? [] : [crelt("button", { type: "button", onclick: () => this.run((s, d) => (d && d(setCodebook(s.tr, [], defaultCodebook())), true)) }, t("themes:codebook.defaults"))]),
    );
    const tree = codeTree(codebook);
    this.list.replaceChildren(...tree.map(({ code, depth }, i) => this.row(code, depth, i, tree.map((x) => x.code))));
    this.addKo.placeholder = t("themes:codebook.labelKo");
    this.addEn.placeholder = t("themes:codebook.labelEn");
    this.addKo.setAttribute("aria-label", t("themes:codebook.labelKo"));
    this.addEn.setAttribute("aria-label", t("themes:codebook.labelEn"));
    this.addForm.replaceChildren(this.addKo, this.addEn, crelt("button", { type: "submit" }, t("themes:codebook.add")));
    if (focusKey) (this.dom.querySelector(`[data-field="${CSS.escape(focusKey)}"]`) as HTMLElement | null)?.focus();
  }

  private row(code: Code, depth: number, index: number, ordered: Code[]): HTMLElement {
    const t = this.ctx.t;
    const field = (name: string, value: string, label: string, commit: (v: string) => Command, attrs: Record<string, string> = {}) => {
      const input = crelt("input", { type: "text", value, "aria-label": label, title: label, "data-field": `${code.id}:${name}`, ...attrs }) as HTMLInputElement;
      input.value = value;
      input.addEventListener("change", () => this.run(commit(input.value)));
      return input;
    };
    const color = crelt("input", { type: "color", value: code.color.toLowerCase(), "aria-label": t("themes:codebook.color"), title: t("themes:codebook.color"), "data-field": `${code.id}:color` }) as HTMLInputElement;
    color.addEventListener("change", () => this.run(updateCodeCommand(code.id, { color: color.value.toUpperCase() })));
    const index0 = ordered.indexOf(code);
    const above = ordered[index0 - 1];
    const btn = (key: string, glyph: string, onclick: () => void, disabled = false) =>
      crelt("button", { type: "button", title: t(`themes:codebook.${key}`), "aria-label": t(`themes:codebook.${key}`), "data-action": key, onclick, ...(disabled ? { disabled: "" } : {}) }, glyph);
    const list = (v: string) => v.split(/[,，、]/).map((s) => s.trim()).filter(Boolean);
    const details = crelt(
      "details",
      { class: "dari-code-details", ...(this.open.has(code.id) ? { open: "" } : {}) },
      crelt("summary", t("themes:codebook.details")),
      this.area(code, "descKo", code.description.ko, (v) => updateCodeCommand(code.id, { description: { ko: v } })),
      this.area(code, "descEn", code.description.en, (v) => updateCodeCommand(code.id, { description: { en: v } })),
      this.area(code, "keywordsKo", code.keywords.ko.join(", "), (v) => updateCodeCommand(code.id, { keywords: { ko: list(v) } })),
      this.area(code, "keywordsEn", code.keywords.en.join(", "), (v) => updateCodeCommand(code.id, { keywords: { en: list(v) } })),
    );
    details.addEventListener("toggle", () => ((details as HTMLDetailsElement).open ? this.open.add(code.id) : this.open.delete(code.id)));
    const item = crelt(
      "li",
      { class: "dari-code", "data-code": code.id, style: `margin-left:${depth * 1.2}em` },
      crelt(
        "div",
        { class: "dari-code-row" },
        color,
        crelt("button", { type: "button", class: "dari-apply", title: t("themes:codebook.apply"), "data-action": "apply", onclick: () => {
          const view = this.ctx.view();
          if (applyTheme(code.id)(view.state, view.dispatch)) this.ctx.notify(t("themes:applied", { label: labelOf(this.ctx, code.id) }));
          else this.ctx.notify(t("themes:noSelection"));
          view.focus();
        } }, index < 9 ? String(index + 1) : "•"),
        field("ko", code.label.ko, t("themes:codebook.labelKo"), (v) => updateCodeCommand(code.id, { label: { ko: v.trim() } })),
        field("en", code.label.en, t("themes:codebook.labelEn"), (v) => updateCodeCommand(code.id, { label: { en: v.trim() } })),
        field("shortcut", code.shortcut, t("themes:codebook.shortcut"), (v) => updateCodeCommand(code.id, { shortcut: v }), { class: "dari-shortcut", maxlength: "1" }),
      ),
      crelt(
        "div",
        { class: "dari-code-actions" },
        btn("up", "↑", () => this.run(moveCodeCommand(code.id, Math.max(0, projectData(this.ctx.view().state).codebook.findIndex((c) => c.id === (above?.id ?? code.id))))), !above),
        btn("down", "↓", () => {
          const cb = projectData(this.ctx.view().state).codebook;
          const below = ordered[index0 + 1];
          if (below) this.run(moveCodeCommand(code.id, cb.findIndex((c) => c.id === below.id)));
        }, index0 === ordered.length - 1),
        btn("indent", "→", () => above && this.run(nestCodeCommand(code.id, above.id)), !above),
        btn("outdent", "←", () => {
          const cb = projectData(this.ctx.view().state).codebook;
          const parent = cb.find((c) => c.id === code.parent);
          this.run(nestCodeCommand(code.id, parent?.parent ?? null));
        }, code.parent === null),
        btn("delete", "×", () => void this.remove(code)),
      ),
      details,
    );
    // A span dragged out of the text and dropped on the theme is tagged with it.
    themeDropTarget(item, this.ctx, code.id);
    return item;
  }

  private area(code: Code, key: string, value: string, commit: (v: string) => Command): HTMLElement {
    const label = this.ctx.t(`themes:codebook.${key}`);
    const ta = crelt("textarea", { rows: "2", "aria-label": label, placeholder: label, "data-field": `${code.id}:${key}` }) as HTMLTextAreaElement;
    ta.value = value;
    ta.addEventListener("change", () => this.run(commit(ta.value)));
    return crelt("label", { class: "dari-code-field" }, crelt("span", label), ta);
  }

  /** Asks what becomes of the tagged spans, then deletes in one undoable step. */
  private async remove(code: Code): Promise<void> {
    const t = this.ctx.t;
    const state = this.ctx.view().state;
    const codebook = projectData(state).codebook;
    const n = countAnnotations(state.doc, code.id);
    const label = labelOf(this.ctx, code.id, codebook);
    const others = codebook.filter((c) => c.id !== code.id);
    const target = crelt("select", { "aria-label": t("themes:codebook.deleteMove", { label: "" }) }, others.map((c) => crelt("option", { value: c.id }, labelOf(this.ctx, c.id, codebook)))) as HTMLSelectElement;
    let answer: OnDelete | null;
    if (n === 0) {
      answer = await showDialog<OnDelete | null>({
        title: t("themes:codebook.deleteTitle", { label }),
        message: t("themes:codebook.deleteMessageNone"),
        buttons: [{ label: t("themes:codebook.cancel"), value: null }, { label: t("themes:codebook.deleteConfirm"), value: { action: "remove" }, primary: true }],
        cancel: null,
      });
    } else {
      const moveLabel = () => t("themes:codebook.deleteMove", { label: target.selectedOptions[0]?.textContent ?? "" });
      const message = crelt("div", crelt("p", t("themes:codebook.deleteMessage", { n })), others.length ? target : "");
      const choice = await showDialog<"remove" | "move" | null>({
        title: t("themes:codebook.deleteTitle", { label }),
        message,
        buttons: [
          { label: t("themes:codebook.cancel"), value: null },
          ...(others.length ? [{ label: moveLabel(), value: "move" as const }] : []),
          { label: t("themes:codebook.deleteRemove"), value: "remove" as const, primary: true },
        ],
        cancel: null,
      });
      answer = choice === "move" ? { action: "move", to: target.value } : choice === "remove" ? { action: "remove" } : null;
    }
    if (answer) this.run(deleteCodeCommand(code.id, answer));
  }

  private async exportQdc(): Promise<void> {
    const r = await this.ctx.api.exportProject({ format: "qdc", projectText: this.ctx.projectText(), path: null, suggestedName: "codebook.qdc" });
    if (r.ok && r.value) this.ctx.notify(this.ctx.t("themes:codebook.exported", { file: r.value }));
    else if (!r.ok) this.ctx.notify(this.ctx.errorText(r.error), "error");
  }

  /**
   * Reads a .qdc chosen by the analyst (a file input: the browser reads the
   * file, nothing else is touched) and merges it into the codebook (see
   * mergeCodebook: themes it already has are updated, the others added) in
   * one undoable step.
   */
  private importQdc(): void {
    this.fileInput.value = "";
    this.fileInput.click();
  }

  private async readQdc(file: File): Promise<void> {
    mergeQdcText(this.ctx, await file.text(), file.name);
  }
}

/**
 * Merges a .qdc's text into the open project's codebook (see mergeCodebook:
 * themes it already has are updated, the others added) in one undoable step,
 * and says so; a broken file is reported by name. The panel's Import and a
 * .qdc dropped onto the window both come here. False when refused.
 */
export function mergeQdcText(ctx: AppContext, text: string, fileName: string): boolean {
  const view = ctx.view();
  try {
    const { codebook: incoming, sets } = readQdc(text, fileName);
    const state = view.state;
    const data = projectData(state);
    const { codebook, idOf } = mergeCodebookMapped(data.codebook, incoming);
    // The file's code groups (ATLAS.ti, MAXQDA) come along, in the same undoable step.
    view.dispatch(updateProjectData(state, state.tr, sets.length ? { codebook, codeSets: mergeCodeSets(data.codeSets, sets, idOf) } : { codebook }));
    ctx.notify(ctx.t("themes:codebook.imported", { n: incoming.length, file: fileName }));
    return true;
  } catch (e) {
    ctx.notify(ctx.errorText(e), "error");
    return false;
  }
}
