// The QA panel: the findings of the whole document, each with its segment
// number, kind and one-line explanation in the UI language; a click goes to
// the segment. Findings are cached per segment in app/translate/qa, and the
// list is redrawn shortly after the analyst pauses.
import crelt from "crelt";
import type { EditorState } from "prosemirror-state";
import type { PanelView, AppContext } from "../../feature";
import { deskState } from "../../../app/translate/decorations";
import { qaMessage, QA_KINDS, type DocFinding } from "../../../app/translate/qa";
import { goTo } from "../themes/shared";

const SHOWN = 500;

export class QaPanel implements PanelView {
  dom = crelt("div", { class: "dari-qa-panel" });
  private kind = crelt("select", { class: "dari-qa-kind" }) as HTMLSelectElement;
  private summary = crelt("p", { class: "dari-qa-summary" });
  private list = crelt("ol", { class: "dari-qa-list" });
  private timer: ReturnType<typeof setTimeout> | null = null;
  private lastDoc: unknown = null;
  private lastLang = "";
  private lastKind = "";

  constructor(private ctx: AppContext) {
    for (const k of ["all", ...QA_KINDS]) this.kind.append(crelt("option", { value: k }));
    this.kind.addEventListener("change", () => this.render(ctx.view().state));
    this.dom.append(this.kind, this.summary, this.list);
  }

  update(state: EditorState): void {
    if (state.doc === this.lastDoc && this.ctx.i18n.language === this.lastLang && this.kind.value === this.lastKind) return;
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
    this.kind.setAttribute("aria-label", t("ui:a11y.qaKind"));
    for (const o of Array.from(this.kind.options)) o.textContent = o.value === "all" ? t("translate:qa.all") : t(`translate:qa.kind.${o.value}`);
    const desk = deskState(state);
    if (!desk) return;
    const all = desk.qa.doc(state.doc);
    const found = this.kind.value === "all" ? all : all.filter((f) => f.kind === this.kind.value);
    this.summary.textContent = found.length ? t("translate:qa.count", { count: found.length }) : t("translate:qa.none");
    this.list.replaceChildren(...found.slice(0, SHOWN).map((f) => this.item(f)));
  }

  private item(f: DocFinding): HTMLElement {
    const t = this.ctx.t;
    return crelt(
      "li",
      // The whole entry goes to the segment (issue 17.9); its button is there for the keyboard.
      { class: `dari-qa-item dari-qa-${f.kind}`, "data-segment": String(f.segment), onclick: () => this.goto(f) },
      crelt(
        "button",
        { type: "button" },
        crelt("span", { class: "dari-qa-where" }, t("translate:qa.segment", { n: f.segment + 1 })),
        " ",
        crelt("span", { class: "dari-qa-kind-label" }, t(`translate:qa.kind.${f.kind}`)),
      ),
      crelt("div", { class: "dari-qa-message" }, qaMessage(f, t)),
    );
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
