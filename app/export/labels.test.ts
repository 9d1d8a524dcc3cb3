import { test } from "node:test";
import assert from "node:assert/strict";
import { bilingualLabel, exportT, statusLabels } from "./labels";
import { codeLabel } from "../themes/codebook-ops";
import { SEGMENT_STATUSES } from "../schema";
import { code } from "../../test/fixtures/export-project";

test("an export's theme label is the editor's label, then the other language's", () => {
  const space = code("space", "우주 협력", "Space cooperation", "#1f77b4");
  assert.equal(bilingualLabel(space, "ko"), "우주 협력 · Space cooperation");
  assert.equal(bilingualLabel(space, "en"), "Space cooperation · 우주 협력");
  for (const lang of ["ko", "en"] as const) assert.ok(bilingualLabel(space, lang).startsWith(codeLabel(space, lang)));
  // A label in one language only, or the same in both, is written once.
  assert.equal(bilingualLabel(code("nk", "", "North Korea", "#000000"), "ko"), "North Korea");
  assert.equal(bilingualLabel(code("aukus", "AUKUS", "AUKUS", "#000000"), "en"), "AUKUS");
  // No label at all: the id, as in the editor.
  assert.equal(bilingualLabel(code("x-1", "", "", "#000000"), "en"), "x-1");
});

test("status labels cover every segment status, in both languages", () => {
  for (const lang of ["ko", "en"] as const) {
    const labels = statusLabels(exportT(lang));
    assert.deepEqual(Object.keys(labels), [...SEGMENT_STATUSES]);
    for (const s of SEGMENT_STATUSES) assert.ok(labels[s] && labels[s] !== `status.${s}`, `${lang} ${s}`);
  }
  assert.notEqual(statusLabels(exportT("en")).reviewed, statusLabels(exportT("ko")).reviewed);
});
