// Inter-coder agreement in the editor (issue 16, requirement 7): the open
// project's coding compared with another coder's file (main asks for it and
// validates it) per theme and side, and the disagreements side by side; taking
// the other's coding of one applies it to the open project (undoable).
import crelt from "crelt";
import type { Feature, AppContext } from "../feature";
import { parseProject } from "../../app/document";
import { agreement, type Disagreement } from "../../app/merge/agree";
import { segmentList } from "../../app/document/segments";
import { takeOtherCoding } from "../../app/commands/take-coding";
import { projectData } from "../../app/project-state";
import { showDialog } from "../dialog";
import { labelOf } from "./themes/shared";
import type { Node as PMNode } from "prosemirror-model";

const num = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : "—");

function segmentText(doc: PMNode, index: number, side: "ko" | "en"): string {
  return segmentList(doc)[index]?.node.child(side === "ko" ? 0 : 1).textContent ?? "";
}

async function compare(ctx: AppContext): Promise<void> {
  const r = await ctx.api.readCodingToCompare();
  if (!r.ok) return void ctx.notify(ctx.errorText(r.error), "error");
  if (!r.value) return;
  const other = parseProject(r.value.text).doc;
  let result;
  try {
    result = agreement(ctx.view().state.doc, other);
  } catch (e) {
    return void ctx.notify(ctx.errorText(e), "error");
  }
  const t = ctx.t;
  const codebook = projectData(ctx.view().state).codebook;
  const table = crelt(
    "table",
    { class: "dari-agree-table" },
    crelt("caption", t("library:agree.overall", { kappa: num(result.result.overall.kappa), alpha: num(result.result.overall.alpha) })),
    crelt("thead", crelt("tr", ["theme", "side", "kappa", "alpha", "f1", "agree", "disagree"].map((k) => crelt("th", { scope: "col" }, t(`library:agree.column.${k}`))))),
    crelt(
      "tbody",
      result.result.themes.map((a) =>
        crelt("tr", { "data-code": a.code, "data-side": a.side }, crelt("td", labelOf(ctx, a.code, codebook)), crelt("td", t(`side.${a.side}`)), [a.kappa, a.alpha, a.f1].map((x) => crelt("td", { class: "num" }, num(x))), crelt("td", { class: "num" }, String(a.agree)), crelt("td", { class: "num" }, String(a.disagree))),
      ),
    ),
  );
  const item = (d: Disagreement) => {
    const li = crelt(
      "li",
      { class: "dari-agree-item", "data-index": String(d.index), "data-code": d.code, "data-side": d.side },
      crelt("div", crelt("strong", t("library:conflicts.segment", { n: d.index + 1 })), " · ", t(`side.${d.side}`), " · ", labelOf(ctx, d.code, codebook), " — ", t(d.coded === "a" ? "library:agree.onlyMine" : "library:agree.onlyTheirs")),
      crelt("div", { class: "dari-agree-sides" }, crelt("div", { lang: d.side }, crelt("span", { class: "dari-conflict-tag mine" }, t("library:conflicts.mine")), " ", segmentText(ctx.view().state.doc, d.index, d.side)), crelt("div", { lang: d.side }, crelt("span", { class: "dari-conflict-tag" }, t("library:conflicts.theirs")), " ", segmentText(other, d.index, d.side))),
    );
    const take = crelt("button", { type: "button", class: "dari-agree-take" }, t("library:agree.takeTheirs")) as HTMLButtonElement;
    take.addEventListener("click", () => {
      const view = ctx.view();
      if (takeOtherCoding(other, d.index, d.side, d.code)(view.state, view.dispatch)) {
        take.disabled = true;
        take.textContent = t("library:agree.taken");
        li.classList.add("taken");
      }
    });
    li.append(take);
    return li;
  };
  const list = result.disagreements.length ? crelt("ol", { class: "dari-agree-list" }, result.disagreements.slice(0, 300).map(item)) : crelt("p", t("library:agree.noDisagreement"));
  const body = crelt("div", { class: "dari-agree" }, table, crelt("h3", t("library:agree.disagreements", { count: result.disagreements.length })), list);
  await showDialog({ title: t("library:agree.title", { file: r.value.path.split(/[\\/]/).pop() }), message: body, buttons: [{ label: t("dialog.ok"), value: true, primary: true }], cancel: true });
}

export const agreementFeature: Feature = {
  id: "agreement",
  menu: { compareCodings: (ctx) => void compare(ctx) },
};
