// The Conflicts panel: every segment a merge left undecided, with both
// versions of each side that differs, and the three ways out: take mine, take
// theirs, or edit the segment and mark it resolved (which keeps it as it now
// reads). Each is one undoable step (app/commands/conflicts).
import crelt from "crelt";
import type { EditorState } from "prosemirror-state";
import type { PanelView, AppContext } from "../../feature";
import { conflictList, nextConflict, resolveConflict, theirSide, type ConflictEntry } from "../../../app/commands/conflicts";
import type { Side } from "../../../app/schema";
import { goTo } from "../themes/shared";

const SIDES: Side[] = ["ko", "en"];
const SHOWN = 300;

export class ConflictsPanel implements PanelView {
  dom = crelt("div", { class: "dari-conflicts-panel" });
  private summary = crelt("p", { class: "dari-conflicts-summary", "aria-live": "polite" });
  private next = crelt("button", { type: "button", class: "dari-conflicts-next", onclick: () => this.goNext() }) as HTMLButtonElement;
  private list = crelt("ol", { class: "dari-conflicts-list" });
  private lastDoc: unknown = null;
  private lastLang = "";

  constructor(private ctx: AppContext) {
    this.dom.append(crelt("div", { class: "dari-conflicts-head" }, this.summary, this.next), this.list);
  }

  update(state: EditorState): void {
    if (state.doc === this.lastDoc && this.ctx.i18n.language === this.lastLang) return;
    this.lastDoc = state.doc;
    this.lastLang = this.ctx.i18n.language;
    const t = this.ctx.t;
    const all = conflictList(state.doc);
    this.summary.textContent = all.length ? t("library:conflicts.count", { count: all.length }) : t("library:conflicts.none");
    this.next.textContent = t("library:conflicts.next");
    this.next.disabled = !all.length;
    // Focus stays in the panel when the entry that held it goes away, and
    // goes back to the text once the last conflict is resolved.
    const hadFocus = this.list.contains(document.activeElement);
    this.list.replaceChildren(...all.slice(0, SHOWN).map((c) => this.item(state, c)));
    if (hadFocus) {
      const first = this.list.querySelector<HTMLElement>("button");
      if (first) first.focus();
      else queueMicrotask(() => this.ctx.view().focus());
    }
  }

  private item(state: EditorState, c: ConflictEntry): HTMLElement {
    const t = this.ctx.t;
    const seg = state.doc.nodeAt(c.pos)!;
    const n = c.index + 1;
    const versions: HTMLElement[] = [];
    if (c.conflict.deleted) versions.push(crelt("p", { class: "dari-conflict-deleted" }, t(c.conflict.deleted === "theirs" ? "library:conflicts.deletedTheirs" : "library:conflicts.deletedOurs")));
    SIDES.forEach((side, i) => {
      const theirs = theirSide(c.conflict, side);
      if (!theirs) return;
      versions.push(
        crelt(
          "dl",
          { class: "dari-conflict-versions" },
          crelt("dt", t(`side.${side}`)),
          crelt("dd", crelt("span", { class: "dari-conflict-tag mine" }, t("library:conflicts.mine")), " ", crelt("span", { lang: side, class: "dari-conflict-mine-text" }, seg.child(i).textContent)),
          crelt("dd", crelt("span", { class: "dari-conflict-tag" }, t("library:conflicts.theirs")), " ", crelt("span", { lang: side, class: "dari-conflict-theirs-text" }, theirs.textContent)),
        ),
      );
    });
    const act = (key: string, choice: "mine" | "theirs") =>
      crelt("button", { type: "button", "data-choice": key, "aria-label": `${t(`library:conflicts.${key}`)} — ${t("library:conflicts.segment", { n })}`, onclick: () => this.resolve(c.pos, choice) }, t(`library:conflicts.${key}`));
    return crelt(
      "li",
      { class: "dari-conflict-item", "data-segment": String(c.index) },
      crelt("button", { type: "button", class: "dari-conflict-goto", onclick: () => goTo(this.ctx.view(), c.pos + 2) }, t("library:conflicts.segment", { n })),
      versions,
      crelt("div", { class: "dari-conflict-actions" }, act("takeMine", "mine"), act("takeTheirs", "theirs"), act("markResolved", "mine")),
    );
  }

  private resolve(pos: number, choice: "mine" | "theirs"): void {
    const view = this.ctx.view();
    if (resolveConflict(pos, choice)(view.state, view.dispatch)) this.ctx.notify(this.ctx.t("library:conflicts.resolved"));
  }

  private goNext(): void {
    const view = this.ctx.view();
    nextConflict(view.state, view.dispatch);
    view.focus();
  }
}
