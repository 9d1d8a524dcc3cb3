// Files dropped onto the window (issue 15.4, 12.1). The page never sees a
// path: in Electron the preload hears the drop, main checks and grants the
// files and the answer arrives through api.onFilesDropped (the browser
// harness does the same with its stand-in). Here: the overlay while files are
// dragged over the window, and the drop carried out as app/drop.ts plans it:
// a project opens as File › Open does, commentaries fill the import dialog on
// the side their script suggests, a .qdc merges into the codebook, a CSV or
// TBX into the glossary, and whatever was refused or left aside is named.
import "./drop.css";
import crelt from "crelt";
import type { AppContext } from "../feature";
import type { DropResult, Result } from "../../app/ipc";
import { planDrop } from "../../app/drop";
import { mergeQdcText } from "./themes/codebook-panel";
import { mergeGlossaryText } from "./translate/glossary-panel";

/** Whether a drag carries files from outside (not a span dragged in the text). */
function carriesFiles(e: DragEvent): boolean {
  return !!e.dataTransfer && Array.from(e.dataTransfer.types).includes("Files");
}

/** The overlay that says what a drop will do, shown while files are dragged over the window. */
function overlay(ctx: AppContext): { show(): void; hide(): void } {
  const title = crelt("div", { class: "dari-drop-title" });
  const detail = crelt("div", { class: "dari-drop-detail" });
  const dom = crelt("div", { class: "dari-drop-overlay", hidden: "" }, crelt("div", { class: "dari-drop-box" }, title, detail));
  document.body.append(dom);
  return {
    show() {
      // In the UI language of the moment.
      title.textContent = ctx.t("ui:drop.overlay");
      detail.textContent = ctx.t("ui:drop.overlayDetail");
      dom.hidden = false;
    },
    hide() {
      dom.hidden = true;
    },
  };
}

/** Listens for drags over the window and for main's answer to a drop. Called once, when the window starts. */
export function installDrop(ctx: AppContext): void {
  const shown = overlay(ctx);
  // dragenter and dragleave fire for every element crossed: count them to know when the drag has left the window.
  let depth = 0;
  window.addEventListener("dragenter", (e) => {
    if (!carriesFiles(e)) return;
    depth++;
    shown.show();
  });
  window.addEventListener("dragleave", (e) => {
    if (!carriesFiles(e)) return;
    depth = Math.max(0, depth - 1);
    if (depth === 0) shown.hide();
  });
  window.addEventListener("dragover", (e) => {
    if (!carriesFiles(e)) return;
    // Accept the drop anywhere (Chromium would otherwise open the file in the window).
    e.preventDefault();
    if (e.dataTransfer) e.dataTransfer.dropEffect = "copy";
  });
  window.addEventListener("drop", (e) => {
    depth = 0;
    shown.hide();
    // The files reach us through main (onFilesDropped); the page only stops the browser's own handling.
    if (carriesFiles(e)) e.preventDefault();
  });
  window.addEventListener("dragend", () => {
    depth = 0;
    shown.hide();
  });
  ctx.api.onFilesDropped((r) => void carryOut(ctx, r));
}

let busy: Promise<void> = Promise.resolve();

/** One drop at a time: a second one waits for the first (its dialog, its question about unsaved changes). */
function carryOut(ctx: AppContext, r: Result<DropResult>): Promise<void> {
  busy = busy.then(() => dropped(ctx, r)).catch((e) => ctx.notify(ctx.errorText(e), "error"));
  return busy;
}

async function dropped(ctx: AppContext, r: Result<DropResult>): Promise<void> {
  if (!r.ok) return ctx.notify(ctx.errorText(r.error), "error");
  const plan = planDrop(r.value.files);
  const problems = [
    ...r.value.refused.map((e) => ctx.errorText(e)),
    ...plan.ignored.map(({ file, reason }) => ctx.t(`ui:drop.${reason}`, { file: file.name })),
  ];
  const say = () => {
    if (problems.length) ctx.notify(problems.join("\n"), "error");
  };
  // Said at once, and again after whatever opens (an open project's message would hide it).
  say();
  if (plan.open) {
    const path = plan.open.path;
    // As File › Open: unsaved changes are asked about first; cancelled, nothing else of the drop is done.
    if (!(await ctx.openFrom(() => ctx.api.openProject(path)))) return say();
  } else if (plan.import.length) {
    const { openImportDialogWithFiles } = await import("./import-dialog");
    const closed = openImportDialogWithFiles(ctx, plan.import.map((f) => f.path));
    // Codebooks and glossaries go into the project the dialog makes; without them the next drop need not wait (it may join the dialog).
    if (plan.codebook.length || plan.glossary.length) await closed;
  }
  // On the start screen with nothing to open, a codebook or glossary has no project to join:
  // merging it into the empty one behind the screen would lose it at the first Open.
  if (!plan.open && !plan.import.length && !ctx.projectShown()) {
    for (const f of [...plan.codebook, ...plan.glossary]) problems.push(ctx.t("ui:drop.noProject", { file: f.name }));
    return say();
  }
  const merged: string[] = [];
  for (const f of plan.codebook) if (mergeQdcText(ctx, f.text ?? "", f.name)) merged.push(ctx.t("ui:drop.codebookMerged", { file: f.name }));
  for (const f of plan.glossary) if (mergeGlossaryText(ctx, f.text ?? "", f.name)) merged.push(ctx.t("ui:drop.glossaryMerged", { file: f.name }));
  // Several merges: each one's message would replace the last; the list says them all.
  if (merged.length > 1 && !problems.length) ctx.notify(merged.join("\n"));
  if (plan.open || plan.import.length || plan.codebook.length || plan.glossary.length) say();
}
