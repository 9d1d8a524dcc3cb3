// The start screen (issue 15 req. 5): shown when Dari starts without a file,
// over the editor: the recent projects (title, file, last change, progress),
// New from files, Open, and Open the sample (a worked example).
import "./start-screen.css";
import crelt from "crelt";
import type { TFunction } from "i18next";
import type { RecentProject } from "../../app/ipc";
import { baseName } from "../../app/import/formats";

export interface StartScreenActions {
  t: TFunction;
  language(): string;
  recentProjects(): Promise<RecentProject[]>;
  newFromFiles(): void;
  open(path: string | null): void;
  openSample(): void;
}

export class StartScreen {
  readonly dom = crelt("section", { class: "dari-start", hidden: "", "aria-labelledby": "dari-start-heading" });

  constructor(private actions: StartScreenActions) {}

  get shown(): boolean {
    return !this.dom.hidden;
  }

  async show(): Promise<void> {
    this.dom.hidden = false;
    await this.render();
    this.dom.querySelector<HTMLElement>("button")?.focus();
  }

  hide(): void {
    this.dom.hidden = true;
  }

  /** Draws it again (after a UI language change); the recent list is asked for anew. */
  async render(): Promise<void> {
    const { t } = this.actions;
    const recent = await this.actions.recentProjects().catch(() => [] as RecentProject[]);
    const action = (id: string, label: string, run: () => void, primary = false) =>
      crelt("button", { type: "button", class: `dari-start-action${primary ? " primary" : ""}`, "data-action": id, onclick: run }, label);
    const when = (iso: string) => new Date(iso).toLocaleString(this.actions.language(), { dateStyle: "medium", timeStyle: "short" });
    const list = recent.length
      ? crelt(
          "ul",
          { class: "dari-start-recent" },
          recent.map((r) =>
            crelt(
              "li",
              crelt(
                "button",
                { type: "button", class: "dari-start-project", "data-path": r.path, disabled: r.missing ? "" : null, onclick: () => this.actions.open(r.path) },
                crelt("span", { class: "dari-start-title" }, r.title),
                crelt("span", { class: "dari-start-file" }, baseName(r.path)),
                crelt("span", { class: "dari-start-meta" }, r.missing ? t("ui:start.missing") : `${t("ui:start.changed", { time: when(r.modified!) })} · ${t("ui:start.progress", { percent: r.percent })}`),
                r.missing ? null : crelt("span", { class: "dari-start-bar", "aria-hidden": "true" }, crelt("span", { style: `width:${r.percent}%` })),
              ),
            ),
          ),
        )
      : crelt("p", { class: "dari-start-empty" }, t("ui:start.noRecent"));
    this.dom.replaceChildren(
      crelt(
        "div",
        { class: "dari-start-inner" },
        crelt("h1", { id: "dari-start-heading" }, t("ui:start.heading")),
        crelt("p", { class: "dari-start-intro" }, t("ui:start.intro")),
        crelt(
          "div",
          { class: "dari-start-columns" },
          crelt(
            "div",
            { class: "dari-start-col", role: "group", "aria-labelledby": "dari-start-actions" },
            crelt("h2", { id: "dari-start-actions" }, t("ui:start.actions")),
            action("start-new", t("ui:start.newFromFiles"), () => this.actions.newFromFiles(), true),
            action("start-open", t("ui:start.open"), () => this.actions.open(null)),
            action("start-sample", t("ui:start.sample"), () => this.actions.openSample()),
            crelt("p", { class: "dari-start-note" }, t("ui:start.sampleNote")),
          ),
          crelt("div", { class: "dari-start-col", role: "group", "aria-labelledby": "dari-start-recent" }, crelt("h2", { id: "dari-start-recent" }, t("ui:start.recent")), list),
        ),
      ),
    );
  }
}
