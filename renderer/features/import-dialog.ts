// The import dialog (File ▸ Import, Ctrl+I): the Korean file, an optional
// English file, each side's paragraphs previewed as reflowed with the layout
// detected (and a choice to force another), a title, and "Create project".
// Main reads and decodes the files (readTextForImport); reflowing runs here in
// slices with a progress bar (reflowAsync) so a long text never freezes the
// window. Sides that look swapped are refused before any project is made.
// A PDF (or another layout-aware format) also shows what was detected (pages,
// columns, running headers, footnotes, tables) with a switch for each, asks
// for the password of an encrypted file, and reports main's progress reading
// its pages with a Stop button.
import "./import-dialog.css";
import crelt from "crelt";
import type { Feature, AppContext } from "../feature";
import type { ImportedText } from "../../app/ipc";
import type { LayoutOptions, LayoutReport } from "../../app/import/index";
import type { Side } from "../../app/schema";
import { reflowAsync, REFLOW_MODES, type ReflowMode, type ReflowResult } from "../../app/text/reflow";
import { modeForFile } from "../../app/import/formats";
import { checkSides } from "../../app/import/sides";
import { importBitextAsync } from "../../app/import/bitext";
import { learnedLexicon } from "../../app/align/learn";
import { loadLearnedLexicon } from "./translate/user-data";
import { baseName } from "../../app/import/formats";
import { trapTab } from "../dialog";
import { TextSelection } from "prosemirror-state";
import { importSummary } from "../../app/import/summary";
import { sideStart } from "../../app/commands/structure";
import { centreSelection } from "../centre";
import { sideFor, sideOfText } from "../../app/drop";

const PREVIEW_PARAGRAPHS = 6;
const PREVIEW_CHARS = 180;

interface SideState {
  file: ImportedText | null;
  mode: ReflowMode | "auto";
  result: ReflowResult | null;
  /** The analyst's switches for a layout-aware file (and its password). */
  options?: LayoutOptions;
  /** An encrypted file waiting for its password: its path, and whether the last one was wrong. */
  locked?: { path: string; wrong: boolean };
}

/** The detection switches of the preview, in order, and the report figure each goes with. */
const SWITCHES: { key: "removeHeaders" | "columns" | "footnotes" | "tables"; figure: keyof LayoutReport }[] = [
  { key: "removeHeaders", figure: "headersRemoved" },
  { key: "columns", figure: "columnPages" },
  { key: "footnotes", figure: "footnotes" },
  { key: "tables", figure: "tables" },
];

/** The dialog on screen, which main's progress reports go to. */
let current: ImportDialog | null = null;
const listening = new WeakSet<AppContext>();



class ImportDialog {
  private sides: Record<Side, SideState> = { ko: { file: null, mode: "auto", result: null }, en: { file: null, mode: "auto", result: null } };
  private titleInput: HTMLInputElement;
  private error = crelt("div", { class: "dari-import-error", role: "alert" });
  private progress = crelt("progress", { class: "dari-import-progress", max: "1", value: "0", hidden: "" }) as HTMLProgressElement;
  private progressLabel = crelt("span", { class: "dari-import-progress-label", "aria-live": "polite" });
  private stopButton = crelt("button", { type: "button", "data-action": "import-stop", hidden: "", onclick: () => void this.ctx.api.cancelImport() }) as HTMLButtonElement;
  /** Main is reading a file for this side (its pages report progress). */
  private reading: Side | null = null;
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
      crelt("div", { class: "dari-import-status" }, this.progress, this.progressLabel, this.stopButton),
      this.error,
      crelt(
        "div",
        { class: "dari-dialog-buttons" },
        crelt("button", { type: "button", "data-action": "import-cancel", onclick: () => this.close() }, t("import:dialog.cancel")),
        this.createButton,
      ),
    );
    this.stopButton.textContent = t("import:layout.stop");
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
    if (state.locked) children.push(this.passwordForm(side, state.locked));
    if (state.file?.layout) children.push(this.layoutSummary(side, state.file.layout, state.options ?? {}));
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
    await this.read(side, null, {});
  }

  /**
   * Has main read a file for a side (`path` null asks the user) with the
   * analyst's switches, showing the pages read and a Stop button meanwhile;
   * an encrypted PDF leaves the side waiting for its password.
   */
  async read(wanted: Side | "guess", path: string | null, options: LayoutOptions): Promise<void> {
    // A dropped file goes where its script says (read first on a free side); null: both sides are taken.
    const taken = () => ({ ko: !!(this.sides.ko.file || this.sides.ko.locked), en: !!(this.sides.en.file || this.sides.en.locked) });
    const side = wanted === "guess" ? sideFor(null, taken()) : wanted;
    if (!side) return;
    this.showError(null);
    this.busy++;
    this.reading = side;
    this.updateButtons();
    let r;
    try {
      r = await this.ctx.api.readTextForImport({ path, side, options });
    } catch (e) {
      return this.showError(e);
    } finally {
      this.busy--;
      this.reading = null;
      this.stopButton.hidden = true;
      if (!this.busy) {
        this.progress.hidden = true;
        this.progressLabel.textContent = "";
      }
      this.updateButtons();
    }
    if (!r.ok) {
      const { key, params } = r.error;
      if ((key === "import:pdfPassword" || key === "import:pdfWrongPassword") && typeof params.path === "string") {
        this.sides[side] = { ...this.sides[side], locked: { path: params.path, wrong: key === "import:pdfWrongPassword" }, options };
        this.render(side);
        this.sections[side].querySelector<HTMLInputElement>("input[type=password]")?.focus();
      }
      return this.showError(r.error);
    }
    if (!r.value) return;
    const target = wanted === "guess" ? (sideFor(sideOfText(r.value.text), taken()) ?? side) : side;
    this.sides[target] = { file: r.value, mode: "auto", result: null, options };
    if (target === "ko" && !this.titleInput.value) this.titleInput.value = baseName(r.value.path).replace(/(\.(ko|en|pdf))*\.[^.]+$/i, "");
    this.render(target);
    await this.reflow(target);
  }

  /** Main's progress reading the pages of a file. */
  showProgress(fraction: number): void {
    if (!this.reading) return;
    this.progress.hidden = false;
    this.stopButton.hidden = false;
    this.progress.value = fraction;
    this.progressLabel.textContent = this.ctx.t("import:layout.reading", { percent: Math.round(fraction * 100) });
  }

  private passwordForm(side: Side, locked: { path: string; wrong: boolean }): HTMLElement {
    const t = this.ctx.t;
    const input = crelt("input", { type: "password", "data-action": `import-password-${side}`, autocomplete: "off" }) as HTMLInputElement;
    const open = () => void this.read(side, locked.path, { ...(this.sides[side].options ?? {}), password: input.value });
    input.addEventListener("keydown", (e) => {
      if (e.key === "Enter") {
        e.preventDefault();
        open();
      }
    });
    return crelt(
      "div",
      { class: "dari-import-password", "data-wrong": String(locked.wrong) },
      crelt("label", crelt("span", `${baseName(locked.path)} · ${t("import:layout.password")}`), input),
      crelt("button", { type: "button", "data-action": `import-password-open-${side}`, onclick: open }, t("import:layout.open")),
    );
  }

  /** What a layout-aware import found, with a switch for each (changing one reads the file again). */
  private layoutSummary(side: Side, report: LayoutReport, options: LayoutOptions): HTMLElement {
    const t = this.ctx.t;
    const facts = [crelt("li", { "data-figure": "pages" }, t("import:layout.pages", { count: report.pages ?? 0 }))];
    const switches: HTMLElement[] = [];
    for (const { key, figure } of SWITCHES) {
      const count = report[figure];
      if (typeof count !== "number") continue;
      facts.push(crelt("li", { "data-figure": figure }, t(`import:layout.${figure}`, { count })));
      const on = key === "tables" ? options.tables !== "skip" : options[key] !== false;
      const box = crelt("input", { type: "checkbox", "data-action": `import-layout-${side}-${key}` }) as HTMLInputElement;
      box.checked = on;
      box.addEventListener("change", () => {
        const file = this.sides[side].file;
        if (!file) return;
        const next: LayoutOptions = { ...options, [key]: key === "tables" ? (box.checked ? "passages" : "skip") : box.checked };
        void this.read(side, file.path, next);
      });
      switches.push(crelt("label", { class: "dari-import-switch" }, box, crelt("span", t(`import:layout.${key}`))));
    }
    return crelt(
      "div",
      { class: "dari-import-layout", "data-side": side },
      crelt("div", { class: "dari-import-count" }, t("import:layout.detected")),
      crelt("ul", facts),
      crelt("div", { class: "dari-import-switches" }, switches),
    );
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
      // Notes are placed by main's paragraphs: kept unless another layout was forced on the side.
      const notesOf = (s: SideState) => (s.mode === "auto" ? s.file?.notes : undefined);
      const input = {
        ko: ko.result.paragraphs,
        en: enParagraphs,
        title: this.titleInput.value.trim() || names.ko,
        source: names.ko,
        learned: learnedLexicon(loadLearnedLexicon()),
        koNotes: notesOf(ko),
        enNotes: notesOf(en),
      };
      project = await importBitextAsync(input, (f) => {
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

function openDialog(ctx: AppContext): ImportDialog {
  if (!listening.has(ctx)) {
    listening.add(ctx);
    ctx.api.onProgress((f) => current?.showProgress(f));
  }
  const dialog = new ImportDialog(ctx);
  current = dialog;
  void dialog.closed.then(() => {
    if (current === dialog) current = null;
  });
  return dialog;
}

/** Opens the import dialog; resolves when it closes. */
export function openImportDialog(ctx: AppContext): Promise<void> {
  return openDialog(ctx).closed;
}

/**
 * Opens the import dialog with a file already chosen for one side (File ›
 * Open of a PDF, a file dropped on the window); resolves when it closes.
 * The path must be one main obtained (an open dialog, a drop, the command line).
 */
export function openImportDialogWith(ctx: AppContext, file: { side: Side; path: string }): Promise<void> {
  const dialog = openDialog(ctx);
  void dialog.read(file.side, file.path, {});
  return dialog.closed;
}

/**
 * Opens the import dialog with files dropped onto the window (paths main
 * granted), each read in turn and put on the side its script suggests: a
 * Korean and an English text fill both sides. Resolves when it closes.
 * Dropped while the dialog is open, they join that dialog.
 */
export function openImportDialogWithFiles(ctx: AppContext, paths: string[]): Promise<void> {
  // Dropped while the dialog is open: the files join it (on the sides still free).
  const dialog = current ?? openDialog(ctx);
  void (async () => {
    for (const path of paths) await dialog.read("guess", path, {});
  })();
  return dialog.closed;
}

export const importFeature: Feature = {
  id: "import",
  menu: { import: (ctx) => void openImportDialog(ctx) },
};
