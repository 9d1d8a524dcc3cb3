// The import dialog (File ▸ Import, Ctrl+I): the Korean file, an optional
// English file, each side's paragraphs previewed as reflowed with the layout
// detected (and a choice to force another), a title, and "Create project".
// Main reads and decodes the files (readTextForImport); reflowing runs here in
// slices with a progress bar (reflowAsync) so a long text never freezes the
// window. Sides that look swapped are refused before any project is made.
import "./import-dialog.css";
import crelt from "crelt";
import type { Feature, AppContext } from "../feature";
import type { ImportedText } from "../../app/ipc";
import type { Side } from "../../app/schema";
import { reflowAsync, REFLOW_MODES, type ReflowMode, type ReflowResult } from "../../app/text/reflow";
import { modeForFile } from "../../app/import/formats";
import { checkSides } from "../../app/import/sides";
import { importBitextAsync } from "../../app/import/bitext";
import { baseName } from "../../app/import/formats";
import { trapTab } from "../dialog";
import { TextSelection } from "prosemirror-state";
import { importSummary } from "../../app/import/summary";
import { sideStart } from "../../app/commands/structure";
import { centreSelection } from "../centre";

const PREVIEW_PARAGRAPHS = 6;
const PREVIEW_CHARS = 180;

interface SideState {
  file: ImportedText | null;
  mode: ReflowMode | "auto";
  result: ReflowResult | null;
}



class ImportDialog {
  private sides: Record<Side, SideState> = { ko: { file: null, mode: "auto", result: null }, en: { file: null, mode: "auto", result: null } };
  private titleInput: HTMLInputElement;
  private error = crelt("div", { class: "dari-import-error", role: "alert" });
  private progress = crelt("progress", { class: "dari-import-progress", max: "1", value: "0", hidden: "" }) as HTMLProgressElement;
  private progressLabel = crelt("span", { class: "dari-import-progress-label", "aria-live": "polite" });
  private createButton: HTMLButtonElement;
  private sections: Record<Side, HTMLElement>;
  private backdrop: HTMLElement;
  private dialog: HTMLElement;
  private previous = document.activeElement as HTMLElement | null;
  private busy = 0;
  private resolve!: () => void;
  readonly closed: Promise<void>;

  constructor(private ctx: AppContext) {
    const t = ctx.t;
    this.closed = new Promise((r) => (this.resolve = r));
    this.titleInput = crelt("input", { type: "text", class: "dari-import-title", name: "title" }) as HTMLInputElement;
    this.titleInput.addEventListener("keydown", (e) => {
      if (e.key === "Enter" && !this.createButton.disabled) void this.create();
    });
    this.createButton = crelt("button", { type: "button", class: "primary", "data-action": "import-create", onclick: () => void this.create() }, t("import:dialog.create")) as HTMLButtonElement;
    this.sections = { ko: crelt("section", { class: "dari-import-side", "data-side": "ko" }), en: crelt("section", { class: "dari-import-side", "data-side": "en" }) };
    const titleId = `dari-import-${Date.now()}`;
    this.dialog = crelt(
      "div",
      { class: "dari-dialog dari-import-dialog", role: "dialog", "aria-modal": "true", "aria-labelledby": titleId },
      crelt("h2", { id: titleId }, t("import:dialog.title")),
      this.sections.ko,
      this.sections.en,
      crelt("label", { class: "dari-import-title-row" }, crelt("span", t("import:dialog.titleLabel")), this.titleInput),
      crelt("div", { class: "dari-import-status" }, this.progress, this.progressLabel),
      this.error,
      crelt(
        "div",
        { class: "dari-dialog-buttons" },
        crelt("button", { type: "button", "data-action": "import-cancel", onclick: () => this.close() }, t("import:dialog.cancel")),
        this.createButton,
      ),
    );
    this.backdrop = crelt("div", { class: "dari-dialog-backdrop" }, this.dialog);
    this.backdrop.addEventListener("keydown", (e) => this.onKey(e));
    this.render("ko");
    this.render("en");
    this.updateButtons();
    document.body.appendChild(this.backdrop);
    (this.sections.ko.querySelector("button") as HTMLButtonElement | null)?.focus();
  }

  private onKey(e: KeyboardEvent): void {
    if (e.key === "Escape") {
      e.preventDefault();
      this.close();
    } else trapTab(this.dialog, e);
  }

  private close(): void {
    this.backdrop.remove();
    this.previous?.focus();
    this.resolve();
  }

  private showError(e: unknown): void {
    this.error.textContent = e ? this.ctx.errorText(e) : "";
  }

  private updateButtons(): void {
    this.createButton.disabled = this.busy > 0 || !this.sides.ko.result;
  }

  /** Redraws one side: its file, layout choice and preview. */
  private render(side: Side): void {
    const t = this.ctx.t;
    const state = this.sides[side];
    const section = this.sections[side];
    const choose = crelt("button", { type: "button", "data-action": `import-choose-${side}`, onclick: () => void this.choose(side) }, t("import:dialog.choose"));
    const info = state.file
      ? t("import:dialog.encoding", { file: baseName(state.file.path), encoding: state.file.encoding.toUpperCase() })
      : t("import:dialog.noFile");
    const head = crelt(
      "div",
      { class: "dari-import-file" },
      crelt("strong", t(side === "ko" ? "import:dialog.koFile" : "import:dialog.enFile")),
      choose,
      crelt("span", { class: "dari-import-file-name" }, info),
      side === "en" && state.file
        ? crelt("button", { type: "button", "data-action": "import-remove-en", onclick: () => this.remove(side) }, t("import:dialog.remove"))
        : null,
    );
    const children: (HTMLElement | null)[] = [head];
    if (state.file) {
      const detected = state.result?.mode;
      const select = crelt(
        "select",
        { "data-action": `import-mode-${side}`, onchange: (e: Event) => void this.setMode(side, (e.target as HTMLSelectElement).value as ReflowMode | "auto") },
        crelt("option", { value: "auto" }, detected && state.mode === "auto" ? t("import:mode.autoDetected", { mode: t(`import:mode.${detected}`) }) : t("import:mode.auto")),
        REFLOW_MODES.map((m) => crelt("option", { value: m }, t(`import:mode.${m}`))),
      ) as HTMLSelectElement;
      select.value = state.mode;
      children.push(crelt("label", { class: "dari-import-mode" }, crelt("span", t(side === "ko" ? "import:dialog.layout" : "import:dialog.layoutEn")), select));
    }
    if (state.result) {
      const paragraphs = state.result.paragraphs;
      const shown = paragraphs.slice(0, PREVIEW_PARAGRAPHS).map((p) => crelt("li", { lang: side }, p.length > PREVIEW_CHARS ? `${p.slice(0, PREVIEW_CHARS)}…` : p));
      const more = paragraphs.length - shown.length;
      children.push(
        crelt(
          "div",
          { class: "dari-import-preview", "data-paragraphs": String(paragraphs.length) },
          crelt("div", { class: "dari-import-count" }, `${t("import:dialog.preview")} · ${t("import:dialog.paragraphs", { count: paragraphs.length })}`),
          crelt("ol", shown),
          more > 0 ? crelt("div", { class: "dari-import-more" }, t("import:dialog.previewMore", { count: more })) : null,
        ),
      );
    }
    section.replaceChildren(...children.filter((c): c is HTMLElement => c !== null));
  }

  private async choose(side: Side): Promise<void> {
    this.showError(null);
    let r;
    try {
      r = await this.ctx.api.readTextForImport({ path: null, side });
    } catch (e) {
      return this.showError(e);
    }
    if (!r.ok) return this.showError(r.error);
    if (!r.value) return;
    this.sides[side] = { file: r.value, mode: "auto", result: null };
    if (side === "ko" && !this.titleInput.value) this.titleInput.value = baseName(r.value.path).replace(/(\.(ko|en|pdf))*\.[^.]+$/i, "");
    this.render(side);
    await this.reflow(side);
  }

  private remove(side: Side): void {
    this.sides[side] = { file: null, mode: "auto", result: null };
    this.render(side);
    this.updateButtons();
  }

  private async setMode(side: Side, mode: ReflowMode | "auto"): Promise<void> {
    this.sides[side].mode = mode;
    await this.reflow(side);
  }

  /** Reflows one side's text in slices, showing progress. */
  private async reflow(side: Side): Promise<void> {
    const state = this.sides[side];
    const file = state.file;
    if (!file) return;
    this.busy++;
    this.updateButtons();
    this.progress.hidden = false;
    const show = (f: number) => {
      this.progress.value = f;
      this.progressLabel.textContent = this.ctx.t("import:dialog.progress", { percent: Math.round(f * 100) });
    };
    show(0);
    try {
      const mode = state.mode === "auto" ? modeForFile(file.path) : state.mode;
      const result = await reflowAsync(file.text, { mode, lang: side }, show);
      // A newer choice of file or mode may have started meanwhile.
      if (this.sides[side] === state && state.file === file) {
        state.result = result;
        this.render(side);
      }
    } finally {
      this.busy--;
      if (!this.busy) {
        this.progress.hidden = true;
        this.progressLabel.textContent = "";
      }
      this.updateButtons();
    }
  }

  private async create(): Promise<void> {
    const { ko, en } = this.sides;
    if (!ko.result || !ko.file) return this.showError({ key: "import:dialog.needKorean", params: {} });
    const names = { ko: baseName(ko.file.path), en: en.file ? baseName(en.file.path) : "" };
    const enParagraphs = en.result ? en.result.paragraphs : null;
    try {
      checkSides(ko.result.paragraphs, enParagraphs, names);
    } catch (e) {
      return this.showError(e);
    }
    // Aligning a long text takes a moment: say so, and let the message paint first.
    this.busy++;
    this.updateButtons();
    this.progressLabel.textContent = this.ctx.t("import:dialog.aligning", { percent: 0 });
    this.progress.hidden = false;
    let project;
    try {
      // Aligned between frames, so the window stays responsive and shows how far it got.
      project = await importBitextAsync({ ko: ko.result.paragraphs, en: enParagraphs, title: this.titleInput.value.trim() || names.ko, source: names.ko }, (f) => {
        this.progress.value = f;
        this.progressLabel.textContent = this.ctx.t("import:dialog.aligning", { percent: Math.round(f * 100) });
      });
    } catch (e) {
      return this.showError(e);
    } finally {
      this.busy--;
      this.progress.hidden = true;
      this.progressLabel.textContent = "";
      this.updateButtons();
    }
    this.close();
    if (await this.ctx.loadProject(project, null)) this.summarise();
  }

  /** Says what the import made, with a way to the first segment the aligner was unsure of. */
  private summarise(): void {
    const { ctx } = this;
    const view = ctx.view();
    const s = importSummary(view.state.doc);
    const text = ctx.t("import:summary.text", { passages: s.passages, segments: s.segments, unsure: s.unsure, count: s.unsure });
    const first = s.firstUnsure;
    if (first === null) return ctx.notify(text);
    ctx.notify(text, "info", {
      label: ctx.t("import:summary.firstUnsure"),
      run: () => {
        const v = ctx.view();
        const segment = v.state.doc.nodeAt(first);
        if (v.state.doc !== view.state.doc || !segment) return;
        v.dispatch(v.state.tr.setSelection(TextSelection.create(v.state.doc, sideStart(first, segment, "ko"))));
        v.focus();
        centreSelection(v);
      },
    });
  }
}

/** Opens the import dialog; resolves when it closes. */
export function openImportDialog(ctx: AppContext): Promise<void> {
  return new ImportDialog(ctx).closed;
}

export const importFeature: Feature = {
  id: "import",
  menu: { import: (ctx) => void openImportDialog(ctx) },
};
