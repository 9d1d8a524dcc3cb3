import { test } from "node:test";
import assert from "node:assert/strict";
import { history } from "prosemirror-history";
import type { EditorState } from "prosemirror-state";
import { buildDoc } from "../document/build";
import { emptyMeta } from "../document/project";
import { createProjectState, setProjectData } from "../project-state";
import { translateDesk, deskState, setStatusFilter, finishDecorating, BATCH } from "./decorations";
import { defaultGlossary } from "./default-glossary";
import { segments } from "../commands/status";

function state(glossary = defaultGlossary()): EditorState {
  const doc = buildDoc([
    {
      segments: [
        { ko: "북러 정상회담은 보스토치니 우주기지에서 열렸다.", en: "The summit was held at the Vostochny Cosmodrome.", status: "translated" },
        { ko: "2020년에 5만 톤의 밀을 제공했다.", en: "In 2020 it provided 50,000 tonnes of wheat.", status: "draft" },
        { ko: "신냉전", en: "", status: "new" },
      ],
    },
  ]);
  return createProjectState({ meta: emptyMeta("t"), codebook: [], glossary, doc }, [history(), translateDesk({ userGlossary: () => [{ id: "u1", ko: "밀", en: "wheat", note: "", forbidden: [] }] })]);
}

function decos(s: EditorState) {
  return deskState(s)!.set.find().map((d) => ({ from: d.from, to: d.to, attrs: (d as unknown as { type: { attrs: Record<string, string> } }).type.attrs }));
}

const terms = (s: EditorState) => decos(s).filter((d) => d.attrs?.class === "dari-term").map((d) => `${s.doc.textBetween(d.from, d.to)}=${d.attrs.title}`);
const flagged = (s: EditorState) => {
  const at = segments(s.doc).map((x) => x.pos);
  return decos(s).filter((d) => d.attrs?.class === "dari-qa-flagged").map((d) => at.indexOf(d.from));
};

test("glossary terms of the project and user glossaries are underlined with the English as a title", () => {
  const s = state();
  assert.deepEqual(terms(s), ["북러=North Korea–Russia", "정상회담=summit", "보스토치니 우주기지=Vostochny Cosmodrome", "밀=wheat", "신냉전=new Cold War"]);
});

test("QA flags follow edits segment by segment, and a glossary change redecorates", () => {
  let s = state();
  // Segment 0 lacks "North Korea–Russia"; segment 2 is empty.
  assert.deepEqual(flagged(s), [0, 2]);
  const seg1 = segments(s.doc)[1];
  const text = s.doc.textBetween(seg1.pos, seg1.pos + seg1.node.nodeSize, "\n");
  assert.match(text, /50,000/);
  let at = -1;
  s.doc.nodesBetween(seg1.pos, seg1.pos + seg1.node.nodeSize, (n, p) => {
    if (n.isText && n.text!.includes("50,000")) at = p + n.text!.indexOf("50,000");
  });
  s = s.apply(s.tr.insertText("5,000", at, at + 6));
  assert.deepEqual(flagged(s), [0, 1, 2]);
  // Dropping 북러 from the glossary clears segment 0's term finding.
  const before = s;
  s = s.apply(setProjectData(s.tr, { glossary: defaultGlossary().filter((e) => e.ko !== "북러") }));
  assert.deepEqual(flagged(s), [1, 2]);
  assert.ok(!terms(s).includes("북러=North Korea–Russia"));
  s = s.apply(setProjectData(s.tr, { glossary: defaultGlossary() }));
  assert.deepEqual(terms(s), terms(before));
});

test("the status filter folds away the other segments", () => {
  let s = state();
  s = s.apply(setStatusFilter(s.tr, ["new", "draft"]));
  const hidden = decos(s).filter((d) => d.attrs?.class === "dari-status-hidden").map((d) => segments(s.doc).findIndex((x) => x.pos === d.from));
  assert.deepEqual(hidden, [0]);
  // Marking a shown segment translated folds it away too.
  s = s.apply(s.tr.setNodeAttribute(segments(s.doc)[1].pos, "status", "translated"));
  const hiddenNow = decos(s).filter((d) => d.attrs?.class === "dari-status-hidden").map((d) => segments(s.doc).findIndex((x) => x.pos === d.from));
  assert.deepEqual(hiddenNow, [0, 1]);
  s = s.apply(setStatusFilter(s.tr, null));
  assert.equal(decos(s).filter((d) => d.attrs?.class === "dari-status-hidden").length, 0);
});

test("the filter shows the segments the aligner was unsure of, or those not confirmed; confirming one folds it away", () => {
  let s = state();
  const at = (i: number) => segments(s.doc)[i].pos;
  s = s.apply(s.tr.setNodeAttribute(at(0), "confidence", 0.3).setNodeAttribute(at(1), "confidence", 0.9).setNodeAttribute(at(2), "confirmed", true));
  const hidden = () => decos(s).filter((d) => d.attrs?.class === "dari-status-hidden").map((d) => segments(s.doc).findIndex((x) => x.pos === d.from));
  s = s.apply(setStatusFilter(s.tr, "unsure"));
  assert.deepEqual(hidden(), [1, 2]);
  s = s.apply(setStatusFilter(s.tr, "unconfirmed"));
  assert.deepEqual(hidden(), [2]);
  s = s.apply(s.tr.setNodeAttribute(at(0), "confirmed", true));
  assert.deepEqual(hidden(), [0, 2]);
});

test("a large document is decorated in batches after it opens, and typing meanwhile is decorated too", () => {
  const n = BATCH * 2 + 10;
  const doc = buildDoc([{ segments: Array.from({ length: n }, () => ({ ko: "신냉전 구도", en: "" })) }]);
  let s = createProjectState({ meta: emptyMeta("big"), codebook: [], glossary: defaultGlossary(), doc }, [translateDesk()]);
  assert.equal(deskState(s)!.pending, BATCH);
  assert.equal(terms(s).length, BATCH, "the first batch at once");
  // Type into a segment of the last batch before it is decorated.
  const last = segments(s.doc)[n - 1];
  s = s.apply(s.tr.insertText("The new Cold War structure", englishEndOf(last)));
  s = finishDecorating(s);
  assert.equal(deskState(s)!.pending, -1);
  assert.equal(terms(s).length, n, "one underline per segment, none doubled");
  assert.equal(flagged(s).length, n - 1, "every segment but the translated one is flagged empty");
});

function englishEndOf(seg: { node: import("prosemirror-model").Node; pos: number }): number {
  return seg.pos + seg.node.nodeSize - 2;
}

test("an ignored QA finding no longer flags its segment, and comes back when shown again (undoable)", async () => {
  const { updateProjectData, projectData } = await import("../project-state");
  const { toggleIgnored } = await import("./qa-ignore");
  const { undo } = await import("prosemirror-history");
  let s = state();
  assert.deepEqual(flagged(s), [0, 2]);
  const seg0 = segments(s.doc)[0].node;
  const findings = deskState(s)!.qa.segment(seg0);
  assert.equal(findings.length, 1, "segment 0 lacks North Korea–Russia");
  s = s.apply(updateProjectData(s, s.tr, { qaIgnored: toggleIgnored(projectData(s).qaIgnored, seg0.attrs.id, findings[0]) }));
  assert.deepEqual(flagged(s), [2]);
  assert.deepEqual(terms(s).length, 5, "the terms stay underlined");
  // Undo shows it again, as does toggling.
  let back: EditorState | undefined;
  undo(s, (tr) => (back = s.apply(tr)));
  assert.deepEqual(flagged(back!), [0, 2]);
  s = s.apply(updateProjectData(s, s.tr, { qaIgnored: toggleIgnored(projectData(s).qaIgnored, seg0.attrs.id, findings[0]) }));
  assert.deepEqual(flagged(s), [0, 2]);
});
