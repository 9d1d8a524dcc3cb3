import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DariError } from "../app/errors";
import { createSettingsStore, loadSettings, saveSettings, settingsPath, withRecentFile, DEFAULT_SETTINGS, MAX_RECENT_FILES } from "./settings";

function userData(t: { after(fn: () => void): void }): string {
  const dir = mkdtempSync(join(tmpdir(), "dari-settings-"));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return join(dir, "Dari");
}

test("a first start gets the defaults, and saved settings come back on the next start", async (t) => {
  const dir = userData(t);
  assert.deepEqual(await loadSettings(dir), { uiLanguage: null, recentFiles: [], layout: "side-by-side" });

  const store = createSettingsStore(dir);
  await store.update({ uiLanguage: "ko", layout: "stacked" });
  await store.addRecentFile("/docs/북러 정상회담.dari");
  const onDisk = JSON.parse(readFileSync(settingsPath(dir), "utf8"));
  assert.deepEqual(onDisk, { uiLanguage: "ko", recentFiles: ["/docs/북러 정상회담.dari"], layout: "stacked" });

  const nextStart = createSettingsStore(dir);
  assert.deepEqual(await nextStart.get(), { uiLanguage: "ko", recentFiles: ["/docs/북러 정상회담.dari"], layout: "stacked" });
  assert.deepEqual(DEFAULT_SETTINGS, { uiLanguage: null, recentFiles: [], layout: "side-by-side" }, "defaults are never mutated");
});

test("recent files: newest first, no duplicates, at most 10", async (t) => {
  const dir = userData(t);
  const store = createSettingsStore(dir);
  for (let i = 1; i <= 12; i++) await store.addRecentFile(`/p/${i}.dari`);
  let s = await store.get();
  assert.equal(s.recentFiles.length, MAX_RECENT_FILES);
  assert.equal(s.recentFiles[0], "/p/12.dari");
  assert.equal(s.recentFiles[9], "/p/3.dari");
  assert.ok(!s.recentFiles.includes("/p/1.dari"));

  s = await store.addRecentFile("/p/5.dari");
  assert.deepEqual(s.recentFiles.slice(0, 3), ["/p/5.dari", "/p/12.dari", "/p/11.dari"]);
  assert.equal(s.recentFiles.filter((f) => f === "/p/5.dari").length, 1);
  assert.equal(s.recentFiles.length, 10);

  assert.deepEqual(withRecentFile({ ...DEFAULT_SETTINGS, recentFiles: [] }, "/a/../b.dari").recentFiles, ["/b.dari"], "paths are stored absolute and normal");
  const patched = await store.update({ recentFiles: Array.from({ length: 15 }, (_, i) => `/q/${i}.dari`) });
  assert.equal(patched.recentFiles.length, 10, "the cap holds for a patch too");
});

test("quick updates one after another keep every change", async (t) => {
  const dir = userData(t);
  const store = createSettingsStore(dir);
  await Promise.all([store.update({ uiLanguage: "en" }), store.addRecentFile("/x.dari"), store.update({ layout: "stacked" }), store.addRecentFile("/y.dari")]);
  const expected = { uiLanguage: "en", recentFiles: ["/y.dari", "/x.dari"], layout: "stacked" };
  assert.deepEqual(await store.get(), expected);
  assert.deepEqual(await loadSettings(dir), expected);
});

test("a corrupt settings file is moved aside and the defaults are used", async (t) => {
  const dir = userData(t);
  mkdirSync(dir, { recursive: true });
  writeFileSync(settingsPath(dir), '{"uiLanguage": "ko", "recentFi');
  const s = await loadSettings(dir, new Date("2026-11-25T21:40:00.000Z"));
  assert.deepEqual(s, { uiLanguage: null, recentFiles: [], layout: "side-by-side" });
  assert.deepEqual(readdirSync(dir), ["settings.json.corrupt-2026-11-25T21-40-00-000Z"]);
  assert.equal(readFileSync(join(dir, "settings.json.corrupt-2026-11-25T21-40-00-000Z"), "utf8"), '{"uiLanguage": "ko", "recentFi', "the broken file is kept as it was");

  writeFileSync(settingsPath(dir), "[1, 2]");
  assert.deepEqual(await loadSettings(dir, new Date("2026-11-25T21:41:00.000Z")), s, "JSON that is not an object is corrupt too");
  assert.ok(existsSync(join(dir, "settings.json.corrupt-2026-11-25T21-41-00-000Z")));

  const store = createSettingsStore(dir);
  await store.update({ uiLanguage: "ko" });
  assert.equal((await loadSettings(dir)).uiLanguage, "ko", "settings work again after a corrupt file");
});

test("invalid values in the file or in a patch fall back, valid ones are kept", async (t) => {
  const dir = userData(t);
  mkdirSync(dir, { recursive: true });
  writeFileSync(settingsPath(dir), JSON.stringify({ uiLanguage: "fr", recentFiles: ["/a.dari", 7, "/a.dari", "/b.dari"], layout: "stacked", extra: 1 }));
  assert.deepEqual(await loadSettings(dir), { uiLanguage: null, recentFiles: ["/a.dari", "/b.dari"], layout: "stacked" });
  assert.ok(existsSync(settingsPath(dir)), "a readable file with a bad value is not moved aside");

  const store = createSettingsStore(dir);
  const s = await store.update({ layout: "diagonal" as never, uiLanguage: "en" });
  assert.deepEqual(s, { uiLanguage: "en", recentFiles: ["/a.dari", "/b.dari"], layout: "stacked" });
});

test("a settings folder that cannot be written reports it and keeps the settings in memory", async (t) => {
  const dir = userData(t);
  // A file where the user-data folder should be: nothing can be written inside.
  writeFileSync(dir, "not a folder");
  const store = createSettingsStore(dir);
  await assert.rejects(store.update({ uiLanguage: "ko" }), (e) => e instanceof DariError && e.key === "io.cannotWrite");
  assert.equal((await store.get()).uiLanguage, null, "a failed save does not pretend to have changed the settings");
  await assert.rejects(saveSettings(dir, { ...DEFAULT_SETTINGS, recentFiles: [] }), /settings\.json cannot be written/);
});

test("display preferences are kept field by field, and a bad value falls back", async () => {
  const dir = mkdtempSync(join(tmpdir(), "dari-settings-display-"));
  try {
    const store = createSettingsStore(dir);
    await store.update({ display: { theme: "dark" } as never });
    const s = await store.update({ display: { fontSize: 21, tagStyle: "nonsense" } as never });
    assert.equal(s.display?.theme, "dark", "an earlier choice stays");
    assert.equal(s.display?.fontSize, 21);
    assert.equal(s.display?.tagStyle, "underline");
    assert.equal(s.display?.suggestions, false);
    assert.deepEqual((await loadSettings(dir)).display, s.display, "kept on disk");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
