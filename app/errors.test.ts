import { test } from "node:test";
import assert from "node:assert/strict";
import { DariError, errorMessage } from "./errors";
import { createI18n } from "./i18n";

test("an error reads in the UI language, whether thrown here or carried over IPC", () => {
  const ko = createI18n("ko");
  const t = ko.t.bind(ko) as (key: string, params?: Record<string, unknown>) => string;
  const e = new DariError("io.notFound", { file: "가.dari" });
  assert.equal(errorMessage(t, e), "가.dari가 없습니다");
  assert.equal(errorMessage(t, e.toJSON()), "가.dari가 없습니다", "as it crosses IPC");
  assert.equal(errorMessage(t, { key: "import:empty", params: { file: "a.txt" } }), ko.t("import:empty", { file: "a.txt" }));
  assert.equal(errorMessage(t, new Error("disk on fire")), "disk on fire");
  assert.match(e.message, /does not exist/, "the message itself is English, for the CLI");
});
