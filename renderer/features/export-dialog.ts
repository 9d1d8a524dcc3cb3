// The export dialog (File ▸ Export, Ctrl+E): the format, the options that
// format takes (each exporter declares them in app/export/index.ts), the file
// name to propose, and the destination: Browse… has main show its save dialog
// now, otherwise main asks when exporting. Either way the file is one main's
// own dialog returned (it writes to no other path the window names). Main runs the exporter
// (app/export) and writes the file; while it works the dialog shows progress
// and stays open, so the analyst sees the result or the error in place.
import "./export-dialog.css";
import crelt from "crelt";
import type { Feature, AppContext } from "../feature";
import type { ExportRequest } from "../../app/ipc";
import type { ExportFormat, ExportChoice, ExportChoices } from "../../app/export/index";
import type { Side } from "../../app/schema";
import { isUiLanguage, type UiLanguage } from "../../app/i18n";
import { segmentCount } from "../../app/document/segments";
import { baseName } from "../../app/import/formats";
import { trapTab } from "../dialog";

/** Above this many segments the dialog shows a progress bar while main works. */
const LARGE = 500;

/** What the dialog reads from the export registry (app/export/index.ts), which it loads when first opened. */
interface Registry {
  formats: ExportFormat[];
  /** The options a format takes: the rows the dialog shows for it. */
  optionsOf(format: ExportFormat): ExportChoices;
  defaults: Required<ExportChoices>;
}

interface Choice {
  format: ExportFormat;
  /** Every option row's value, taken or not by the format; null before the first export. */
  options: Required<ExportChoices> | null;
  /** The file name to propose in main's save dialog ("" proposes the project's). */
  fileName: string;
}

// The last choices of this session: exporting again is Ctrl+E, Enter.
let last: Choice = { format: "html", options: null, fileName: "" };


function select<T extends string>(name: string, options: [T, string][], value: T): HTMLSelectElement {
  const el = crelt("select", { name }, options.map(([v, label]) => crelt("option", { value: v }, label))) as HTMLSelectElement;
  el.value = value;
  return el;
}

function row(label: string, control: HTMLElement): HTMLElement {
  return crelt("label", { class: "dari-export-row" }, crelt("span", label), control);
}

class ExportDialog {
  private backdrop: HTMLElement;
  private dialog: HTMLElement;
  private format: HTMLSelectElement;
  private side: HTMLSelectElement;
  private language: HTMLSelectElement;
  private status: HTMLInputElement;
  private confidence: HTMLInputElement;
  private orientation: HTMLSelectElement;
  private fileName: HTMLInputElement;
  /** The file main's dialog returned for Browse…, for the format chosen then; null: main asks when exporting. */
  private target: string | null = null;
  private destination = crelt("span", { class: "dari-export-target", id: `dari-export-target-${Date.now()}` });
  private browseButton: HTMLButtonElement;
  private rows: Record<ExportChoice, HTMLElement>;
  private progress = crelt("progress", { class: "dari-export-progress", hidden: "", max: "1" }) as HTMLProgressElement;
  private segments = 0;
  private progressLabel = crelt("span", { class: "dari-export-progress-label", "aria-live": "polite" });
  private error = crelt("div", { class: "dari-export-error", role: "alert" });
  private exportButton: HTMLButtonElement;
  private cancelButton: HTMLButtonElement;
  private previous = document.activeElement as HTMLElement | null;
  private busy = false;
  private resolve!: () => void;
  readonly closed: Promise<void>;

  constructor(
    private ctx: AppContext,
    private registry: Registry,
  ) {
    const t = ctx.t;
    const { formats, defaults } = registry;
    this.closed = new Promise((r) => (this.resolve = r));
    if (!formats.includes(last.format)) last = { ...last, format: formats[0] };
    // Before the first export the options start at the exporters' defaults, but labels in the analyst's language.
    const start = last.options ?? { ...defaults, uiLanguage: isUiLanguage(ctx.i18n.language) ? ctx.i18n.language : defaults.uiLanguage };
    this.format = select("format", formats.map((f) => [f, t(`export:format.${f}`)]), last.format);
    this.side = select<Side>("side", [["ko", t("export:dialog.sideKo")], ["en", t("export:dialog.sideEn")]], start.side);
    this.language = select<UiLanguage>("language", [["ko", t("export:dialog.languageKo")], ["en", t("export:dialog.languageEn")]], start.uiLanguage);
    this.status = crelt("input", { type: "checkbox", name: "showStatus" }) as HTMLInputElement;
    this.status.checked = start.showStatus;
    this.confidence = crelt("input", { type: "checkbox", name: "showConfidence" }) as HTMLInputElement;
    this.confidence.checked = start.showConfidence;
    this.orientation = select("orientation", [["portrait", t("export:dialog.portrait")], ["landscape", t("export:dialog.landscape")]], start.orientation);
    this.fileName = crelt("input", { type: "text", name: "fileName", placeholder: this.suggestedName() ?? t("export:dialog.fileNameHint"), value: last.fileName }) as HTMLInputElement;
    this.rows = {
      side: row(t("export:dialog.side"), this.side),
      uiLanguage: row(t("export:dialog.language"), this.language),
      showStatus: row(t("export:dialog.showStatus"), this.status),
      showConfidence: row(t("export:dialog.showConfidence"), this.confidence),
      orientation: row(t("export:dialog.orientation"), this.orientation),
    };
    this.format.addEventListener("change", () => {
      this.updateRows();
      // Main granted the chosen file for the old format's extension only: ask again (the row says why).
      if (this.target !== null) this.setTarget(null, t("export:dialog.destinationCleared"));
    });
    this.browseButton = crelt(
      "button",
      { type: "button", "data-action": "export-browse", "aria-describedby": this.destination.id, onclick: () => void this.browse() },
      t("export:dialog.browse"),
    ) as HTMLButtonElement;
    this.setTarget(null, t("export:dialog.choose"));
    const destinationLabel = crelt("span", { id: `${this.destination.id}-label` }, t("export:dialog.destination"));
    this.exportButton = crelt("button", { type: "button", class: "primary", "data-action": "export-run", onclick: () => void this.run() }, t("export:dialog.export")) as HTMLButtonElement;
    this.cancelButton = crelt("button", { type: "button", "data-action": "export-cancel", onclick: () => this.close() }, t("export:dialog.cancel")) as HTMLButtonElement;
    const titleId = `dari-export-${Date.now()}`;
    this.dialog = crelt(
      "div",
      { class: "dari-dialog dari-export-dialog", role: "dialog", "aria-modal": "true", "aria-labelledby": titleId },
      crelt("h2", { id: titleId }, t("export:dialog.title")),
      row(t("export:dialog.format"), this.format),
      crelt("fieldset", crelt("legend", t("export:dialog.options")), Object.values(this.rows)),
      row(t("export:dialog.fileName"), this.fileName),
      crelt("div", { class: "dari-export-row", role: "group", "aria-labelledby": destinationLabel.id }, destinationLabel, this.destination, this.browseButton),
      crelt("div", { class: "dari-export-status" }, this.progress, this.progressLabel),
      this.error,
      crelt("div", { class: "dari-dialog-buttons" }, this.cancelButton, this.exportButton),
    );
    this.backdrop = crelt("div", { class: "dari-dialog-backdrop" }, this.dialog);
    this.backdrop.addEventListener("keydown", (e) => this.onKey(e));
    this.updateRows();
    document.body.appendChild(this.backdrop);
    this.format.focus();
  }

  private get chosen(): ExportFormat {
    return this.format.value as ExportFormat;
  }

  private updateRows(): void {
    const taken = this.registry.optionsOf(this.chosen);
    for (const [option, el] of Object.entries(this.rows)) el.hidden = !(option in taken);
  }

  /** The value of every option row. */
  private options(): Required<ExportChoices> {
    return {
      side: this.side.value as Side,
      uiLanguage: this.language.value as UiLanguage,
      showStatus: this.status.checked,
      showConfidence: this.confidence.checked,
      orientation: this.orientation.value as Required<ExportChoices>["orientation"],
    };
  }

  private onKey(e: KeyboardEvent): void {
    if (e.key === "Escape") {
      e.preventDefault();
      if (!this.busy) this.close();
    } else if (e.key === "Enter" && !(e.target instanceof HTMLSelectElement) && !(e.target instanceof HTMLButtonElement) && !this.busy) {
      e.preventDefault();
      void this.run();
    } else trapTab(this.dialog, e);
  }

  private setBusy(busy: boolean, segments: number): void {
    this.busy = busy;
    this.exportButton.disabled = busy;
    this.cancelButton.disabled = busy;
    this.browseButton.disabled = busy;
    // Indeterminate until main reports how far it got (onProgress below).
    this.progress.hidden = !busy || segments < LARGE;
    this.progress.removeAttribute("value");
    this.segments = segments;
    this.progressLabel.textContent = busy ? this.ctx.t("export:dialog.working", { count: segments, percent: 0 }) : "";
  }

  /** Main's report of a long export's progress. */
  showProgress(fraction: number): void {
    if (!this.busy) return;
    this.progress.value = fraction;
    this.progressLabel.textContent = this.ctx.t("export:dialog.working", { count: this.segments, percent: Math.round(fraction * 100) });
  }

  private async run(): Promise<void> {
    if (this.busy) return;
    const format = this.chosen;
    const options = this.options();
    last = { format, options, fileName: this.fileName.value.trim() };
    // Only the options this format takes go to main, as the rows shown said.
    const taken = Object.keys(this.registry.optionsOf(format)) as ExportChoice[];
    const req: ExportRequest = {
      format,
      projectText: this.ctx.projectText(),
      path: this.target,
      suggestedName: last.fileName || this.suggestedName(),
      ...(Object.fromEntries(taken.map((o) => [o, options[o]])) as ExportChoices),
    };
    const segments = segmentCount(this.ctx.view().state.doc);
    this.error.textContent = "";
    this.setBusy(true, segments);
    try {
      const result = await this.ctx.api.exportProject(req);
      this.setBusy(false, segments);
      if (!result.ok) {
        this.error.textContent = this.ctx.t("export:dialog.failed", { message: this.ctx.errorText(result.error) });
        return;
      }
      if (result.value === null) {
        this.ctx.notify(this.ctx.t("export:dialog.cancelled"));
        return;
      }
      const written = result.value;
      // What to do next with the file: through main, which opens only what it just wrote.
      const open = (reveal: boolean) => async () => {
        const r = await this.ctx.api.openExported({ path: written, reveal });
        if (!r.ok) this.ctx.notify(this.ctx.errorText(r.error), "error");
      };
      this.ctx.notify(this.ctx.t("export:dialog.done", { path: written }), "info", [
        { label: this.ctx.t("export:dialog.open"), run: open(false) },
        { label: this.ctx.t("export:dialog.reveal"), run: open(true) },
      ]);
      this.close();
    } catch (e) {
      this.setBusy(false, segments);
      this.error.textContent = this.ctx.t("export:dialog.failed", { message: this.ctx.errorText(e) });
    }
  }

  /** Shows the chosen file in the Destination row, or `none` when main is to ask. */
  private setTarget(path: string | null, none: string): void {
    this.target = path;
    this.destination.textContent = path ?? none;
    this.destination.classList.toggle("chosen", path !== null);
    // The name to propose means nothing once the file is chosen.
    this.fileName.disabled = path !== null;
  }

  /** Browse…: main's save dialog now, for this format; the file it returns is where Export writes. */
  private async browse(): Promise<void> {
    if (this.busy) return;
    this.error.textContent = "";
    const result = await this.ctx.api.chooseExportTarget({ format: this.chosen, suggestedName: this.fileName.value.trim() || this.suggestedName() });
    if (!result.ok) this.error.textContent = this.ctx.t("export:dialog.failed", { message: this.ctx.errorText(result.error) });
    // Cancelled: the earlier choice stands.
    else if (result.value !== null) this.setTarget(result.value, "");
    this.browseButton.focus();
  }

  private suggestedName(): string | undefined {
    const path = this.ctx.currentPath();
    return path ? baseName(path) : undefined;
  }

  private close(): void {
    this.backdrop.remove();
    this.previous?.focus();
    this.resolve();
  }
}

/** The dialog on screen, which main's progress reports go to. */
let open: ExportDialog | null = null;
const listening = new WeakSet<AppContext>();

/** Opens the export dialog; resolves when it closes. */
export async function openExportDialog(ctx: AppContext): Promise<void> {
  if (!listening.has(ctx)) {
    listening.add(ctx);
    ctx.api.onProgress((f) => open?.showProgress(f));
  }
  // The registry pulls in every exporter (docx among them): loaded when first needed, not at start.
  const { availableFormats, formatOptions, CHOICE_DEFAULTS } = await import("../../app/export/index");
  const dialog = new ExportDialog(ctx, { formats: availableFormats(), optionsOf: formatOptions, defaults: CHOICE_DEFAULTS });
  open = dialog;
  await dialog.closed;
  if (open === dialog) open = null;
}

export const exportFeature: Feature = {
  id: "export",
  menu: { export: (ctx) => void openExportDialog(ctx) },
};
