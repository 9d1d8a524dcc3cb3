// Alignment of whole projects: a new bitext from paragraphs, and re-alignment
// that keeps confirmed segments, theme marks, notes and ids.
import { test } from "node:test";
import assert from "node:assert/strict";
import type { Mark, Node as PMNode } from "prosemirror-model";
import { Transform } from "prosemirror-transform";
import { buildDoc, emptyMeta, type Project, type PassageInput } from "../document";
import { schema, sideText, segmentAttrs } from "../schema";
import { alignProject, alignProjectAsync, realignPassages, realignProject } from "./project";
import { corpus } from "../../test/support";

const gold = JSON.parse(corpus("commentary.gold.json")) as {
  ko: string[][];
  en: string[][];
  beads: { paragraph: number; ko: number[]; en: number[] }[];
};
const koParas = gold.ko.map((p) => p.join(" "));
const enParas = gold.en.map((p) => p.join(" "));

function project(passages: PassageInput[]): Project {
  return { meta: emptyMeta("t"), codebook: [], glossary: [], doc: buildDoc(passages) };
}

function segments(doc: PMNode, passage: number): PMNode[] {
  const out: PMNode[] = [];
  doc.child(passage).forEach((s) => out.push(s));
  return out;
}

test("alignProject: one passage per Korean paragraph, one segment per bead, with a confidence", () => {
  const passages = alignProject(koParas, enParas);
  assert.equal(passages.length, 12);
  const segs = passages.flatMap((p) => p.segments);
  assert.equal(segs.length, 49);
  for (const s of segs) assert.ok(typeof s.confidence === "number" && s.confidence >= 0 && s.confidence <= 1);
  // Sentences of a side are joined by a space.
  assert.equal(passages[0].segments[2].en, `${gold.en[0][2]} ${gold.en[0][3]}`);
});

test("alignProject without an English text: each Korean sentence is a segment to translate", () => {
  const passages = alignProject(koParas, null);
  assert.equal(passages.length, 12);
  assert.deepEqual(
    passages.map((p) => p.segments.length),
    gold.ko.map((p) => p.length),
  );
  assert.ok(passages.every((p) => p.segments.every((s) => s.en === "")));
});

test("realignProject splits an unaligned paragraph pair into its beads, keeping marks, notes and the id", () => {
  const p = project([{ segments: [{ ko: koParas[0], en: enParas[0], id: "s-first", note: "check the date" }] }, { segments: [{ ko: koParas[1], en: enParas[1] }] }]);
  // Tag "보스토치니 우주기지" in the Korean of the first segment.
  const word = "보스토치니 우주기지";
  const from = 1 + 1 + 1 + koParas[0].indexOf(word); // doc > passage > segment > ko
  const mark = schema.marks.theme.create({ code: "space", id: "t1", note: "" });
  const marked = addMark(p.doc, from, from + word.length, mark);
  const out = realignProject({ ...p, doc: marked });
  const segs = segments(out.doc, 0);
  assert.equal(segs.length, 4);
  assert.deepEqual(
    segs.map((s) => sideText(s, "ko")),
    gold.ko[0],
  );
  assert.equal(sideText(segs[2], "en"), `${gold.en[0][2]} ${gold.en[0][3]}`);
  assert.equal(segmentAttrs(segs[0]).id, "s-first");
  assert.equal(segmentAttrs(segs[0]).note, "check the date");
  assert.equal(new Set(segs.map((s) => segmentAttrs(s).id)).size, 4);
  let tagged2 = "";
  segs[0].child(0).forEach((n) => {
    if (n.marks.some((m) => m.attrs.id === "t1")) tagged2 += n.text;
  });
  assert.equal(tagged2, word);
  assert.ok(segs.every((s) => typeof segmentAttrs(s).confidence === "number"));
  assert.equal(segments(out.doc, 1).length, 5);
});

test("realignProject leaves confirmed segments exactly as they are", () => {
  // The analyst confirmed an unusual grouping: the first two Korean sentences with one English sentence.
  const confirmed = { ko: `${gold.ko[0][0]} ${gold.ko[0][1]}`, en: gold.en[0][0], confirmed: true, id: "s-conf", note: "as the author meant" };
  const rest = { ko: `${gold.ko[0][2]} ${gold.ko[0][3]}`, en: gold.en[0].slice(1).join(" ") };
  const p = project([{ segments: [confirmed, rest] }]);
  const out = realignProject(p);
  const segs = segments(out.doc, 0);
  assert.ok(segs[0].eq(p.doc.child(0).child(0)), "the confirmed segment is untouched");
  // The rest is re-aligned on its own: ko 2 with its remaining English.
  assert.equal(sideText(segs[1], "ko"), gold.ko[0][2]);
  assert.equal(sideText(segs.at(-1)!, "ko"), gold.ko[0][3]);
  assert.equal(sideText(segs.at(-1)!, "en"), gold.en[0][4]);
});

test("realignProject on an aligned project changes nothing", () => {
  const p = project(alignProject(koParas, enParas));
  const out = realignProject(p);
  assert.ok(out.doc.eq(p.doc));
});

function addMark(doc: PMNode, from: number, to: number, mark: Mark): PMNode {
  return new Transform(doc).addMark(from, to, mark).doc;
}

test("alignProjectAsync gives the same passages in slices, reports progress and lets the window breathe", async () => {
  const ko = Array.from({ length: 6 }, () => koParas).flat();
  const en = Array.from({ length: 6 }, () => enParas).flat();
  const progress: number[] = [];
  let ticks = 0;
  const timer = setInterval(() => ticks++, 1);
  const slices = await alignProjectAsync(ko, en, {}, (f) => progress.push(f));
  clearInterval(timer);
  assert.deepEqual(slices, alignProject(ko, en));
  assert.ok(progress.length >= 2, `progress reported ${progress.length} times`);
  assert.equal(progress.at(-1), 1);
  for (let i = 1; i < progress.length; i++) assert.ok(progress[i] >= progress[i - 1]);
  assert.ok(ticks > 0, "timers ran while aligning");
});

test("re-aligning one passage in a project (the rest as context) finds that passage's gold beads", () => {
  const ko = gold.ko.flat();
  const en = gold.en.flat();
  const goldSet = new Set(gold.beads.map((b) => `${b.ko.map((i) => ko[i]).join(" ")}\t${b.en.map((i) => en[i]).join(" ")}`));
  const aligned = alignProject(koParas, enParas);
  let found = 0;
  for (let p = 0; p < koParas.length; p++) {
    const doc = buildDoc(aligned.map((x, i) => (i === p ? { segments: [{ ko: koParas[i], en: enParas[i] }] } : x)));
    const changes = realignPassages(doc, { passages: (i) => i === p });
    assert.ok(changes.every((c) => c.passage === p), "only the chosen passage changes");
    const node = changes[0]?.node ?? doc.child(p);
    node.forEach((s) => {
      if (goldSet.has(`${sideText(s, "ko")}\t${sideText(s, "en")}`)) found++;
    });
  }
  assert.ok(found >= 48, `${found}/49`);
});
