// Every user-visible string exists in Korean and English, and none is
// written into the UI code directly.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { resources, NAMESPACES, createI18n, languageForLocale } from "../app/i18n";
import { menuTemplate, menuLabelKey, acceleratorOf, type MenuItem } from "../app/menu";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

function flatten(obj: unknown, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(obj as Record<string, unknown>)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (v && typeof v === "object") for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
    else out.set(key, String(v));
  }
  return out;
}

function placeholders(s: string): string[] {
  return [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();
}

test("every key exists in both languages, non-empty, with the same placeholders", () => {
  const problems: string[] = [];
  for (const ns of NAMESPACES) {
    const ko = flatten(resources.ko[ns]);
    const en = flatten(resources.en[ns]);
    for (const [key, value] of en) {
      if (!ko.has(key)) problems.push(`${ns}:${key} is missing in Korean`);
      else if (placeholders(ko.get(key)!).join() !== placeholders(value).join()) problems.push(`${ns}:${key} has other placeholders in Korean`);
      if (!value.trim()) problems.push(`${ns}:${key} is empty in English`);
    }
    for (const [key, value] of ko) {
      if (!en.has(key)) problems.push(`${ns}:${key} is missing in English`);
      if (!value.trim()) problems.push(`${ns}:${key} is empty in Korean`);
    }
  }
  assert.deepEqual(problems, []);
});

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) sourceFiles(p, out);
    else if (/\.ts$/.test(name) && !/\.test\.ts$/.test(name)) out.push(p);
  }
  return out;
}

function stripComments(src: string): string {
  return src.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'`\\])\/\/.*$/gm, "$1");
}

// A literal with words in it, where the UI shows text: text content, labels,
// tooltips, placeholders, dialog texts, or a child of a crelt element.
const HARD_CODED: RegExp[] = [
  /\.(textContent|innerText|placeholder|title)\s*=\s*(["'`])[^"'`]*[A-Za-z가-힣]{2,}/,
  /\b(title|placeholder|label|message|"aria-label"|alt)\s*:\s*(["'`])(?!dari-|#|[a-z]+[.:][a-z])[^"'`]*[A-Za-z가-힣]{2,}[^"'`]*\2/,
  /\bcrelt\([^()]*,\s*(["'`])[^"'`$]*[A-Za-z가-힣]{2,}[^"'`]*\1\s*\)/,
  /\b(alert|confirm|prompt)\(/,
  /(["'`])[^"'`]*[가-힣][^"'`]*\1/,
];

test("no user-visible string is hard-coded in the renderer or the Electron shell", () => {
  const files = [...sourceFiles(join(ROOT, "renderer")), join(ROOT, "main/index.ts")];
  const problems: string[] = [];
  for (const file of files) {
    const lines = stripComments(readFileSync(file, "utf8")).split("\n");
    lines.forEach((line, i) => {
      for (const re of HARD_CODED) if (re.test(line)) problems.push(`${relative(ROOT, file)}:${i + 1}: ${line.trim()}`);
    });
  }
  assert.deepEqual(problems, []);
});

test("the check above catches a hard-coded label", () => {
  const caught = ['crelt("button", { class: "x" }, "Save")', 'el.textContent = "Saved";', '{ title: "Open a file" }', 'crelt("span", "저장")'];
  for (const line of caught) assert.ok(HARD_CODED.some((re) => re.test(line)), line);
  for (const line of ['crelt("button", { class: "dari-x" }, t("toolbar.save"))', '{ title: t("x.y") }', 'crelt("span", { class: "dari-accel" }, "▸")'])
    assert.ok(!HARD_CODED.some((re) => re.test(line)), line);
});

test("the menu has a label in both languages for every item", () => {
  for (const lang of ["ko", "en"] as const) {
    const i18n = createI18n(lang);
    const walk = (items: MenuItem[]) =>
      items.forEach((item) => {
        if (item.separator) return;
        assert.ok(i18n.exists(menuLabelKey(item.label)), `${lang}: ${menuLabelKey(item.label)}`);
        if (item.submenu) walk(item.submenu);
      });
    walk(menuTemplate({ uiLanguage: lang, layout: "side-by-side", recentFiles: [], platform: "linux" }));
  }
  assert.equal(createI18n("ko").t("menu:file.title"), "파일");
  assert.equal(createI18n("en").t("menu:file.title"), "File");
});

test("the OS locale picks the first-run language", () => {
  assert.equal(languageForLocale("ko-KR"), "ko");
  assert.equal(languageForLocale("ko"), "ko");
  assert.equal(languageForLocale("ko_KR.UTF-8"), "ko");
  assert.equal(languageForLocale("en-GB"), "en");
  assert.equal(languageForLocale("de-DE"), "en");
  assert.equal(languageForLocale(""), "en");
});

test("editor keys become Electron accelerators", () => {
  assert.equal(acceleratorOf("Mod-Alt-j"), "CmdOrCtrl+Alt+J");
  assert.equal(acceleratorOf("Shift-Mod-Alt-c"), "CmdOrCtrl+Alt+Shift+C");
  assert.equal(acceleratorOf("Shift-Mod-4"), "CmdOrCtrl+Shift+4");
  assert.equal(acceleratorOf("Mod-Alt-ArrowUp"), "CmdOrCtrl+Alt+Up");
  assert.equal(acceleratorOf("Mod-Alt-Enter"), "CmdOrCtrl+Alt+Return");
});
