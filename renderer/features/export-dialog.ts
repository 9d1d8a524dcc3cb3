// The export dialog (File ▸ Export, Ctrl+E): the format, the options that
// format takes (side for txt; label language, status and confidence columns
// and page orientation for the documents meant for reading), and where to
// write (a path, or main asks with its save dialog). Main runs the exporter
// (app/export) and writes the file; while it works the dialog shows progress
// and stays open, so the analyst sees the result or the error in place.
import "./export-dialog.css";
import crelt from "crelt";
import type { Feature, AppContext } from "../feature";
import type { ExportRequest } from "../../app/ipc";
import type { ExportFormat } from "../../app/export/index";
import type { Side } from "../../app/schema";
import { isUiLanguage, type UiLanguage } from "../../app/i18n";
import { segmentCount } from "../../app/document/segments";
import { baseName } from "../../app/import/formats";
import { trapTab } from "../dialog";

/** Options per format: which rows of the dialog apply. */
const READING = new Set<ExportFormat>(["html", "pdf", "docx"]);
const LABELLED = new Set<ExportFormat>(["html", "pdf", "docx", "csv"]);
const PAGED = new Set<ExportFormat>(["html", "pdf", "docx"]);

/** Above this many segments the dialog shows a progress bar while main works. */
const LARGE = 500;

interface Choice {
  format: ExportFormat;
  side: Side;
  uiLanguage: UiLanguage | null;
  showStatus: boolean;
  showConfidence: boolean;
  orientation: "portrait" | "landscape";
  path: string;
}

// The last choices of this session: exporting again is Ctrl+E, Enter.
let last: Choice = { format: "html", side: "ko", uiLanguage: null, showStatus: false, showConfidence: false, orientation: "portrait", path: "" };


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
  private path: HTMLInputElement;
  private rows: Record<"side" | "language" | "status" | "confidence" | "orientation", HTMLElement>;
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
    formats: ExportFormat[],
  ) {
    const t = ctx.t;
    this.closed = new Promise((r) => (this.resolve = r));
    if (!formats.includes(last.format)) last = { ...last, format: formats[0] };
    const lang = last.uiLanguage ?? (isUiLanguage(ctx.i18n.language) ? ctx.i18n.language : "ko");
    this.format = select("format", formats.map((f) => [f, t(`export:format.${f}`)]), last.format);
    this.side = select<Side>("side", [["ko", t("export:dialog.sideKo")], ["en", t("export:dialog.sideEn")]], last.side);
    this.language = select<UiLanguage>("language", [["ko", t("export:dialog.languageKo")], ["en", t("export:dialog.languageEn")]], lang);
    this.status = crelt("input", { type: "checkbox", name: "showStatus" }) as HTMLInputElement;
    this.status.checked = last.showStatus;
    this.confidence = crelt("input", { type: "checkbox", name: "showConfidence" }) as HTMLInputElement;
    this.confidence.checked = last.showConfidence;
    this.orientation = select("orientation", [["portrait", t("export:dialog.portrait")], ["landscape", t("export:dialog.landscape")]], last.orientation);
    this.path = crelt("input", { type: "text", name: "path", placeholder: t("export:dialog.choose"), value: last.path }) as HTMLInputElement;
    this.rows = {
      side: row(t("export:dialog.side"), this.side),
      language: row(t("export:dialog.language"), this.language),
      status: row(t("export:dialog.showStatus"), this.status),
      confidence: row(t("export:dialog.showConfidence"), this.confidence),
      orientation: row(t("export:dialog.orientation"), this.orientation),
    };
    this.format.addEventListener("change", () => this.updateRows());
    this.exportButton = crelt("button", { type: "button", class: "primary", "data-action": "export-run", onclick: () => void this.run() }, t("export:dialog.export")) as HTMLButtonElement;
    this.cancelButton = crelt("button", { type: "button", "data-action": "export-cancel", onclick: () => this.close() }, t("export:dialog.cancel")) as HTMLButtonElement;
    const titleId = `dari-export-${Date.now()}`;
    this.dialog = crelt(
      "div",
      { class: "dari-dialog dari-export-dialog", role: "dialog", "aria-modal": "true", "aria-labelledby": titleId },
      crelt("h2", { id: titleId }, t("export:dialog.title")),
      row(t("export:dialog.format"), this.format),
      crelt("fieldset", crelt("legend", t("export:dialog.options")), Object.values(this.rows)),
      row(t("export:dialog.destination"), this.path),
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
    const f = this.chosen;
    this.rows.side.hidden = f !== "txt";
    this.rows.language.hidden = !LABELLED.has(f);
    this.rows.status.hidden = !READING.has(f);
    this.rows.confidence.hidden = !READING.has(f);
    this.rows.orientation.hidden = !PAGED.has(f);
  }

  private onKey(e: KeyboardEvent): void {
    if (e.key === "Escape") {
      e.preventDefault();
      if (!this.busy) this.close();
    } else if (e.key === "Enter" && !(e.target instanceof HTMLSelectElement) && !this.busy) {
      e.preventDefault();
      void this.run();
    } else trapTab(this.dialog, e);
  }

  private setBusy(busy: boolean, segments: number): void {
    this.busy = busy;
    this.exportButton.disabled = busy;
    this.cancelButton.disabled = busy;
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
    last = {
      format,
      side: this.side.value as Side,
      uiLanguage: this.language.value as UiLanguage,
      showStatus: this.status.checked,
      showConfidence: this.confidence.checked,
      orientation: this.orientation.value as Choice["orientation"],
      path: this.path.value.trim(),
    };
    const req: ExportRequest = {
      format,
      projectText: this.ctx.projectText(),
      path: last.path || null,
      suggestedName: this.suggestedName(),
      ...(format === "txt" ? { side: last.side } : {}),
      ...(LABELLED.has(format) ? { uiLanguage: last.uiLanguage ?? undefined } : {}),
      ...(READING.has(format) ? { showStatus: last.showStatus, showConfidence: last.showConfidence } : {}),
      ...(PAGED.has(format) ? { orientation: last.orientation } : {}),
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
      this.ctx.notify(this.ctx.t("export:dialog.done", { path: result.value }));
      this.close();
    } catch (e) {
      this.setBusy(false, segments);
      this.error.textContent = this.ctx.t("export:dialog.failed", { message: this.ctx.errorText(e) });
    }
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
  const { availableFormats } = await import("../../app/export/index");
  const dialog = new ExportDialog(ctx, availableFormats());
  open = dialog;
  await dialog.closed;
  if (open === dialog) open = null;
}

export const exportFeature: Feature = {
  id: "export",
  menu: { export: (ctx) => void openExportDialog(ctx) },
};
