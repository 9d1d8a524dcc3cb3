// File › Open Library: main asks for the folder and indexes it (progress on
// the progress channel, shown here), then the library window opens over the
// editor (renderer/features/library/window.ts).
import "./library/library.css";
import crelt from "crelt";
import type { Feature, AppContext } from "../feature";
import { LibraryWindow } from "./library/window";

let indexing: { bar: HTMLProgressElement; text: HTMLElement } | null = null;
const listening = new WeakSet<AppContext>();

async function openLibrary(ctx: AppContext): Promise<void> {
  if (!listening.has(ctx)) {
    listening.add(ctx);
    ctx.api.onProgress((f) => {
      if (!indexing) return;
      indexing.bar.value = f;
      indexing.text.textContent = ctx.t("library:window.indexing", { percent: Math.round(f * 100) });
    });
  }
  const bar = crelt("progress", { max: "1", class: "dari-library-indexing-bar", "aria-label": ctx.t("library:window.indexingLabel") }) as HTMLProgressElement;
  const text = crelt("p", { "aria-live": "polite" }, ctx.t("library:window.indexing", { percent: 0 }));
  const shade = crelt("div", { class: "dari-library-indexing", role: "status" }, crelt("div", bar, text));
  indexing = { bar, text };
  // The shade appears only once main is indexing (after the folder was chosen): a short wait shows nothing.
  const timer = setTimeout(() => document.body.append(shade), 300);
  const r = await ctx.api.openLibrary();
  clearTimeout(timer);
  shade.remove();
  indexing = null;
  if (!r.ok) return void ctx.notify(ctx.errorText(r.error), "error");
  if (!r.value) return;
  const previous = document.activeElement as HTMLElement | null;
  const win = new LibraryWindow(ctx, r.value, () => (previous?.isConnected ? previous.focus() : ctx.view().focus()));
  document.body.append(win.dom);
  win.dom.querySelector<HTMLElement>(".dari-library-filter-text")?.focus();
  ctx.i18n.on("languageChanged", () => win.dom.isConnected && win.render());
}

export const libraryFeature: Feature = {
  id: "library",
  menu: { openLibrary: (ctx) => void openLibrary(ctx) },
};
