// The QA panel: the findings of the whole document, each with its segment
// number, kind and one-line explanation in the UI language; a click anywhere
// on an entry goes to the segment. Each finding can be ignored (kept in the
// project, undoable) and shown again under "Show ignored" (issue 17.9).
// Findings are cached per segment in app/translate/qa, and the list is
// redrawn shortly after the analyst pauses.
import crelt from "crelt";
import type { EditorState } from "prosemirror-state";
import type { PanelView, AppContext } from "../../feature";
import { deskState } from "../../../app/translate/decorations";
import { qaMessage, QA_KINDS, type DocFinding } from "../../../app/translate/qa";
import { goTo } from "../themes/shared";
import { projectData, updateProjectData } from "../../../app/project-state";
import { IgnoredFindings, toggleIgnored } from "../../../app/translate/qa-ignore";

const SHOWN = 500;

export class QaPanel implements PanelView {
  dom = crelt("div", { class: "dari-qa-panel" });
  private kind = crelt("select", { class: "dari-qa-kind" }) as HTMLSelectElement;
  private summary = crelt("p", { class: "dari-qa-summary", "aria-live": "polite" });
  private showIgnored = crelt("input", { type: "checkbox", class: "dari-qa-show-ignored" }) as HTMLInputElement;
  private showIgnoredLabel = crelt("span");
  private list = crelt("ol", { class: "dari-qa-list" });
  private timer: ReturnType<typeof setTimeout> | null = null;
  private lastDoc: unknown = null;
  private lastLang = "";
  private lastKind = "";
  private lastIgnored: unknown = null;
  private lastShowIgnored = false;

  constructor(private ctx: AppContext) {
    for (const k of ["all", ...QA_KINDS]) this.kind.append(crelt("option", { value: k }));
    this.kind.addEventListener("change", () => this.render(ctx.view().state));
    this.showIgnored.addEventListener("change", () => this.render(ctx.view().state));
    this.dom.append(this.kind, crelt("label", { class: "dari-qa-ignored-toggle" }, this.showIgnored, " ", this.showIgnoredLabel), this.summary, this.list);
  }

  update(state: EditorState): void {
    const ignored = projectData(state).qaIgnored;
    if (state.doc === this.lastDoc && ignored === this.lastIgnored && this.ctx.i18n.language === this.lastLang && this.kind.value === this.lastKind && this.showIgnored.checked === this.lastShowIgnored) return;
    // Ignoring (or its undo) is shown at once: it changes no text to pause over.
    if (state.doc === this.lastDoc && ignored !== this.lastIgnored) return this.render(state);
    if (this.timer) clearTimeout(this.timer);
    // At once the first time, then after a pause in typing.
    if (this.lastDoc === null) this.render(state);
    else this.timer = setTimeout(() => this.render(this.ctx.view().state), 300);
  }

  private render(state: EditorState): void {
    const t = this.ctx.t;
    this.lastDoc = state.doc;
    this.lastLang = this.ctx.i18n.language;
    this.lastKind = this.kind.value;
    this.lastIgnored = projectData(state).qaIgnored;
    this.lastShowIgnored = this.showIgnored.checked;
    this.showIgnoredLabel.textContent = t("translate:qa.showIgnored");
    this.kind.setAttribute("aria-label", t("ui:a11y.qaKind"));
    for (const o of Array.from(this.kind.options)) o.textContent = o.value === "all" ? t("translate:qa.all") : t(`translate:qa.kind.${o.value}`);
    const desk = deskState(state);
    if (!desk) return;
    const all = desk.qa.doc(state.doc);
    const ofKind = this.kind.value === "all" ? all : all.filter((f) => f.kind === this.kind.value);
    const ignored = new IgnoredFindings(projectData(state).qaIgnored);
    const isIgnored = (f: DocFinding) => ignored.segments.has(f.segmentId) && ignored.has(f.segmentId, f);
    const open = ofKind.filter((f) => !isIgnored(f));
    const nIgnored = ofKind.length - open.length;
    this.summary.textContent =
      nIgnored > 0 ? t("translate:qa.countIgnored", { count: open.length, ignored: nIgnored }) : open.length ? t("translate:qa.count", { count: open.length }) : t("translate:qa.none");
    const shown = this.showIgnored.checked ? ofKind : open;
    this.list.replaceChildren(...shown.slice(0, SHOWN).map((f) => this.item(f, isIgnored(f))));
  }

  private item(f: DocFinding, ignored: boolean): HTMLElement {
    const t = this.ctx.t;
    const toggle = crelt(
      "button",
      {
        type: "button",
        class: "dari-qa-ignore",
        onclick: (e: Event) => {
          // The entry around it jumps; this button only sets the finding aside.
          e.stopPropagation();
          this.toggle(f);
        },
      },
      ignored ? t("translate:qa.showAgain") : t("translate:qa.ignore"),
    );
    return crelt(
      "li",
      // The whole entry goes to the segment (issue 17.9); its button is there for the keyboard.
      { class: `dari-qa-item dari-qa-${f.kind}${ignored ? " dari-qa-is-ignored" : ""}`, "data-segment": String(f.segment), onclick: () => this.goto(f) },
      crelt(
        "div",
        { class: "dari-qa-head" },
        crelt(
          "button",
          { type: "button", class: "dari-qa-go" },
          crelt("span", { class: "dari-qa-where" }, t("translate:qa.segment", { n: f.segment + 1 })),
          " ",
          crelt("span", { class: "dari-qa-kind-label" }, t(`translate:qa.kind.${f.kind}`)),
        ),
        toggle,
      ),
      crelt("div", { class: "dari-qa-message" }, qaMessage(f, t)),
    );
  }

  /** Ignores a finding, or shows it again: an undoable change of the project. */
  private toggle(f: DocFinding): void {
    const view = this.ctx.view();
    const at = Array.from(this.list.children).findIndex((li) => li.contains(document.activeElement));
    const list = toggleIgnored(projectData(view.state).qaIgnored, f.segmentId, f);
    view.dispatch(updateProjectData(view.state, view.state.tr, { qaIgnored: list }));
    this.render(view.state);
    // The keyboard stays in the list: on the entry that took this one's place.
    if (at >= 0) {
      const items = this.list.querySelectorAll<HTMLElement>(".dari-qa-ignore");
      (items[Math.min(at, items.length - 1)] ?? this.showIgnored).focus();
    }
  }

  private goto(f: DocFinding): void {
    const view = this.ctx.view();
    const seg = view.state.doc.nodeAt(f.pos);
    if (!seg) return;
    // The end of the English side: where the fix usually goes.
    goTo(view, f.pos + seg.nodeSize - 2);
  }
}

/** The gutter flag of a segment with findings: a mark with the explanations as its tooltip. */
export function qaFlag(ctx: AppContext) {
  return (findings: readonly { kind: string; key: string; params: Record<string, string | number> }[]) => () =>
    crelt(
      "span",
      { class: "dari-qa-flag", contenteditable: "false", title: findings.map((f) => qaMessage(f as DocFinding, ctx.t)).join("\n"), "data-kinds": [...new Set(findings.map((f) => f.kind))].join(" ") },
      "!",
    );
}
