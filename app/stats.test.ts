import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import type { Node as PMNode } from "prosemirror-model";
import { schema, type SegmentStatus } from "./schema";
import { emptyMeta, serializeProject, type Project } from "./document/index";
import { defaultCodebook } from "./themes/default-codebook";
import { projectStats, statsText, type ProjectStats } from "./stats";
import { translationProgress } from "./translate/progress";
import { dari, tempFolder, writeTestFile } from "../test/support";

/** A side whose text is plain runs and [phrase, theme code] pairs. */
function side(type: "ko" | "en", parts: (string | [string, string])[]) {
  let n = 0;
  const text = parts.filter((p) => (typeof p === "string" ? p : p[0])).map((p) => (typeof p === "string" ? schema.text(p) : schema.text(p[0], [schema.marks.theme.create({ code: p[1], id: `a${++n}${type}` })])));
  return schema.nodes[type].create(null, text);
}

function segment(id: string, status: SegmentStatus, confirmed: boolean, ko: (string | [string, string])[], en: (string | [string, string])[]): PMNode {
  return schema.nodes.segment.create({ id, status, confirmed, note: "", confidence: null }, [side("ko", ko), side("en", en)]);
}

/** Two passages: tagged themes on both sides, one untranslated segment, every status but draft. */
function taggedProject(): Project {
  const doc = schema.nodes.doc.create(null, [
    schema.nodes.passage.create({ id: "p1" }, [
      segment("s1", "reviewed", true, ["북러 정상회담에서 ", ["우주 협력", "space"], "을 논의했다."], ["The summit discussed ", ["cooperation in space", "space"], "."]),
      segment("s2", "new", false, [["무기 거래", "arms"], " 의혹도 있다."], []),
    ]),
    schema.nodes.passage.create({ id: "p2" }, [
      segment("s3", "translated", false, [["신냉전", "cold-war"], " 구도가 굳어진다."], ["A ", ["new Cold War", "cold-war"], " sets in."]),
    ]),
  ]);
  return { meta: emptyMeta("북러 정상회담"), codebook: defaultCodebook(), glossary: [], doc };
}

// `dari stats` prints this; scripts read it, so it must not change by a byte.
const TAGGED_TEXT = [
  "title       북러 정상회담",
  "passages    2",
  "segments    3 (1 confirmed, 1 untranslated)",
  "status      new 1, draft 0, translated 1, reviewed 1",
  "characters  ko 48, en 65",
  "words       ko 12, en 12",
  "theme       Space cooperation: 2 tags (ko 1, en 1)",
  "theme       Arms trade: 1 tag (ko 1, en 0)",
  "theme       New Cold War: 2 tags (ko 1, en 1)",
].join("\n") + "\n";

test("dari stats prints the figures and the tagged themes, in the same layout as ever", async () => {
  const file = join(tempFolder("dari-stats-"), "tagged.dari");
  writeTestFile(file, serializeProject(taggedProject()));
  const r = await dari("stats", file);
  assert.equal(r.code, 0, r.err);
  assert.equal(r.out, TAGGED_TEXT);
});

test("statsText is that text, from the figures alone", () => {
  assert.equal(statsText(projectStats(taggedProject())), TAGGED_TEXT);
});

test("the status figures of dari stats and of the status bar's progress agree, unused statuses at zero", () => {
  const p = taggedProject();
  const stats = projectStats(p);
  assert.deepEqual(stats.status, { new: 1, draft: 0, translated: 1, reviewed: 1 });
  assert.deepEqual(Object.entries(stats.status), Object.entries(translationProgress(p.doc).byStatus));
});

test("statsText leaves out untagged themes and keeps the layout with an empty title and no themes", () => {
  const figures: ProjectStats = {
    title: "",
    passages: 1,
    segments: 1,
    confirmed: 0,
    status: { new: 1, draft: 0, translated: 0, reviewed: 0 },
    characters: { ko: 0, en: 0 },
    words: { ko: 0, en: 0 },
    untranslated: 1,
  };
  const plain = [
    "title       ",
    "passages    1",
    "segments    1 (0 confirmed, 1 untranslated)",
    "status      new 1, draft 0, translated 0, reviewed 0",
    "characters  ko 0, en 0",
    "words       ko 0, en 0",
  ].join("\n") + "\n";
  assert.equal(statsText(figures), plain);
  const untagged = { label: { ko: "외교", en: "Diplomacy" }, annotations: { ko: 0, en: 0, total: 0 }, segments: { ko: 0, en: 0, any: 0 } };
  assert.equal(statsText({ ...figures, themes: { diplomacy: untagged } }), plain);
});
