import { test } from "node:test";
import assert from "node:assert/strict";
import { projectFileName } from "./file-name";

test("Save proposes the project's title as its file name, made safe, or untitled", () => {
  assert.equal(projectFileName("북러 정상회담과 우주 협력"), "북러 정상회담과 우주 협력.dari");
  assert.equal(projectFileName('Russia/NK: "summit"?'), "Russia NK summit.dari");
  assert.equal(projectFileName("  ..  "), "untitled.dari");
  assert.equal(projectFileName(""), "untitled.dari");
  assert.equal(projectFileName(null), "untitled.dari");
  assert.equal(projectFileName("가".repeat(300)).length, 120 + ".dari".length);
});
