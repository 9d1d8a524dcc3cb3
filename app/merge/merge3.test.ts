import { test } from "node:test";
import assert from "node:assert/strict";
import { TextSelection } from "prosemirror-state";
import { parseProject } from "../document/index";
import { createProjectState, updateProjectData, projectData } from "../project-state";
import { segmentList } from "../document/segments";
import { mergeWithNext } from "../commands/align";
import { runCommand } from "../../test/support";
import { sample, file, setSide, tag, tagsOf } from "../../test/edits";
import { mergeProjectTexts, mergeOrder } from "./merge3";

const base = sample();
const start = () => createProjectState(base);

test("concurrent tagging in the same segment keeps both analysts' tags", () => {
  const s0 = start();
  const ko = segmentList(s0.doc)[0].node.child(0).textContent;
  const [w1, w2] = [ko.slice(0, 4), ko.slice(10, 16)];
  const a = tag(s0, w1, "space", "tag-a");
  const b = tag(s0, w2, "arms", "tag-b");
  const r = mergeProjectTexts(file(s0, "base"), file(a, "ours"), file(b, "theirs"));
  assert.deepEqual(r.conflicts, []);
  const tags = tagsOf(parseProject(r.text));
  assert.deepEqual(
    tags.map((t) => [t.id, t.code, t.text]),
    [
      ["tag-a", "space", w1],
      ["tag-b", "arms", w2],
    ],
  );
});

test("translating different segments merges both translations; statuses follow", () => {
  const s0 = start();
  const a = setSide(s0, 2, "en", "Ours translated this.");
  const b = setSide(s0, 7, "en", "Theirs translated that.");
  const r = mergeProjectTexts(file(s0, "base"), file(a, "ours"), file(b, "theirs"));
  const segs = segmentList(parseProject(r.text).doc);
  assert.equal(segs.length, segmentList(s0.doc).length);
  assert.equal(segs[2].node.child(1).textContent, "Ours translated this.");
  assert.equal(segs[7].node.child(1).textContent, "Theirs translated that.");
  assert.deepEqual(r.conflicts, []);
});

test("a tag made on one branch follows the text the other branch edited", () => {
  const s0 = start();
  const en = segmentList(s0.doc)[1].node.child(1).textContent;
  const word = en.split(" ").slice(-2).join(" "); // near the end of the side
  const a = tag(s0, word, "cold-war", "tag-end");
  const b = setSide(s0, 1, "en", "Edited first. " + en);
  const r = mergeProjectTexts(file(s0, "base"), file(a, "ours"), file(b, "theirs"));
  const p = parseProject(r.text);
  assert.equal(segmentList(p.doc)[1].node.child(1).textContent, "Edited first. " + en);
  assert.deepEqual(tagsOf(p), [{ id: "tag-end", code: "cold-war", text: word }]);
});

test("the same side edited differently on both branches keeps both versions, flagged on the segment", () => {
  const s0 = start();
  const a = setSide(s0, 3, "en", "Mine.");
  const b = setSide(s0, 3, "en", "Theirs.");
  const id = segmentList(s0.doc)[3].node.attrs.id;
  const r = mergeProjectTexts(file(s0, "base"), file(a, "ours"), file(b, "theirs"));
  assert.deepEqual(r.conflicts, [id]);
  const seg = segmentList(parseProject(r.text).doc)[3].node;
  assert.equal(seg.child(1).textContent, "Mine.");
  assert.deepEqual(seg.attrs.conflict, { en: { type: "en", content: [{ type: "text", text: "Theirs." }] } });
});

test("a conflict resolved on one branch and left alone on the other stays resolved", () => {
  const s0 = start();
  const id = segmentList(s0.doc)[3].node.attrs.id;
  const first = mergeProjectTexts(file(s0, "base"), file(setSide(s0, 3, "en", "Mine."), "ours"), file(setSide(s0, 3, "en", "Theirs."), "theirs"));
  assert.deepEqual(first.conflicts, [id]);
  // Both analysts pull the conflicted project; one resolves it, the other translates elsewhere.
  const conflicted = createProjectState(parseProject(first.text));
  const seg = segmentList(conflicted.doc)[3];
  const resolved = conflicted.apply(conflicted.tr.setNodeAttribute(seg.pos, "conflict", null));
  const elsewhere = setSide(conflicted, 7, "en", "Theirs translated that.");
  const r = mergeProjectTexts(file(conflicted, "base"), file(resolved, "ours"), file(elsewhere, "theirs"));
  assert.deepEqual(r.conflicts, [], "the resolved conflict does not come back");
  const segs = segmentList(parseProject(r.text).doc);
  assert.equal(segs[3].node.attrs.conflict, null);
  assert.equal(segs[3].node.child(1).textContent, "Mine.");
  assert.equal(segs[7].node.child(1).textContent, "Theirs translated that.");
  // The same when the other analyst also edited that segment (its Korean): merged, and still resolved.
  const koEdited = setSide(conflicted, 3, "ko", "다른 분석가가 고친 문장이다.");
  const both = mergeProjectTexts(file(conflicted, "base"), file(resolved, "ours"), file(koEdited, "theirs"));
  assert.deepEqual(both.conflicts, []);
  const merged = segmentList(parseProject(both.text).doc)[3].node;
  assert.deepEqual([merged.child(0).textContent, merged.child(1).textContent, merged.attrs.conflict], ["다른 분석가가 고친 문장이다.", "Mine.", null]);
});

test("a re-alignment on one branch and a translation on the other both land", () => {
  const s0 = start();
  // Ours merges segments 4 and 5 (a re-alignment); theirs translates segment 9 and tags in segment 0.
  const at = segmentList(s0.doc)[4].pos + 3;
  const a = runCommand(s0.apply(s0.tr.setSelection(TextSelection.create(s0.doc, at))), mergeWithNext);
  const b = tag(setSide(s0, 9, "en", "A fresh translation."), segmentList(s0.doc)[0].node.child(0).textContent.slice(0, 3), "space", "t0");
  const r = mergeProjectTexts(file(s0, "base"), file(a, "ours"), file(b, "theirs"));
  assert.deepEqual(r.conflicts, []);
  const segs = segmentList(parseProject(r.text).doc);
  assert.equal(segs.length, segmentList(s0.doc).length - 1);
  assert.equal(segs[4].node.child(0).textContent, segmentList(a.doc)[4].node.child(0).textContent);
  assert.equal(segs[8].node.child(1).textContent, "A fresh translation.");
  assert.equal(tagsOf(parseProject(r.text)).length, 1);
});

test("a segment deleted on one branch and changed on the other is kept, flagged", () => {
  const ids = segmentList(start().doc).map((s) => s.node.attrs.id);
  const order = mergeOrder(ids, ids.filter((_, i) => i !== 2), ids, () => false, (id) => id === ids[2]);
  assert.deepEqual(order, ids);
  const gone = mergeOrder(ids, ids.filter((_, i) => i !== 2), ids, () => false, () => false);
  assert.deepEqual(gone, ids.filter((_, i) => i !== 2));
});

test("codebook edits on both branches merge by code; a theme still in use is never lost", () => {
  const s0 = start();
  const cb = projectData(s0).codebook;
  const a = s0.apply(updateProjectData(s0, s0.tr, { codebook: cb.map((c, i) => (i === 0 ? { ...c, label: { ...c.label, en: "Space ties" } } : c)) }));
  const extra = { ...cb[1], id: "extra-theme", label: { ko: "제재", en: "Sanctions" }, shortcut: "", parent: null };
  const withNew = s0.apply(updateProjectData(s0, s0.tr, { codebook: [...cb, extra] }));
  const b = tag(withNew, segmentList(s0.doc)[0].node.child(0).textContent.slice(0, 3), "extra-theme", "t-s");
  const r = mergeProjectTexts(file(s0, "base"), file(a, "ours"), file(b, "theirs"));
  const p = parseProject(r.text);
  assert.equal(p.codebook[0].label.en, "Space ties");
  assert.equal(p.codebook.find((c) => c.id === "extra-theme")?.label.en, "Sanctions");
  assert.equal(p.codebook.length, cb.length + 1);
});

test("a file that is not a project is refused naming it", () => {
  const s0 = start();
  assert.throws(() => mergeProjectTexts(file(s0, "base"), { text: "{", file: "ours.dari" }, file(s0, "theirs")), /ours\.dari/);
});

test("code sets (REFI-QDA) added on either branch are both kept", () => {
  const s0 = start();
  const setOf = (guid: string, code: string) => ({ guid, name: guid, description: "", codes: [code] });
  const a = s0.apply(updateProjectData(s0, s0.tr, { codeSets: [setOf("set-a", "space")] } as never));
  const b = s0.apply(updateProjectData(s0, s0.tr, { codeSets: [setOf("set-b", "arms")] } as never));
  const r = mergeProjectTexts(file(s0, "base"), file(a, "ours"), file(b, "theirs"));
  assert.deepEqual(parseProject(r.text).codeSets?.map((c) => c.guid).sort(), ["set-a", "set-b"]);
});

test("QA findings ignored on either branch stay ignored; one shown again on a branch is shown", () => {
  const s0 = start();
  const ig = (segment: string, key: string) => ({ segment, rule: "termMissing", key });
  const b0 = s0.apply(updateProjectData(s0, s0.tr, { qaIgnored: [ig("s1", "old")] }));
  const a = b0.apply(updateProjectData(b0, b0.tr, { qaIgnored: [ig("s1", "old"), ig("s2", "ours")] }));
  const b = b0.apply(updateProjectData(b0, b0.tr, { qaIgnored: [ig("s3", "theirs")] }));
  const r = mergeProjectTexts(file(b0, "base"), file(a, "ours"), file(b, "theirs"));
  assert.deepEqual(parseProject(r.text).qaIgnored?.map((e) => e.key).sort(), ["ours", "theirs"]);
  assert.equal(projectData(a).qaIgnored?.length, 2);
});
