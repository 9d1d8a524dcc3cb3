import { test } from "node:test";
import assert from "node:assert/strict";
import { shortcutHelp } from "./shortcut-help";
import { EDITOR_KEYS, FILE_KEYS, TRANSLATE_KEYS, HELP_KEY, PANEL_BACK_KEY, matchKeys, documentKeys } from "./shortcuts";
import { ALIGN_MENU, PANELS, panelKey, menuTemplate, acceleratorOf, type MenuItem } from "./menu";
import { THEME_KEYS, MEMO_KEY, themeKeyOf, type KeyPress } from "./themes/theme-keys";
import { keyLabel, type KeyPlatform } from "./keys";
import { createI18n } from "./i18n";

/** Every key the keymaps bind for a documented command, from the tables they are built from. */
function boundKeys(platform: KeyPlatform = "linux"): string[] {
  const { match, ...translate } = TRANSLATE_KEYS;
  void match;
  return [
    ...Object.values(EDITOR_KEYS),
    ...Object.values(documentKeys(platform)),
    ...Object.values(FILE_KEYS),
    HELP_KEY,
    ...ALIGN_MENU.map((a) => a.key),
    ...PANELS.map((_, i) => panelKey(i)),
    PANEL_BACK_KEY,
    ...Object.values(translate),
    ...matchKeys(),
    ...THEME_KEYS.nth,
    ...THEME_KEYS.nthSelected,
    MEMO_KEY,
  ];
}

const helpKeys = (platform: KeyPlatform = "linux") => shortcutHelp(platform).flatMap((g) => g.rows.flatMap((r) => r.keys));

test("every key in the help is bound, and every bound key is in the help, on every platform", () => {
  for (const platform of ["linux", "windows", "mac"] as const) {
    const bound = new Set(boundKeys(platform));
    const help = new Set(helpKeys(platform));
    assert.deepEqual([...help].filter((k) => !bound.has(k)), [], `${platform}: in the help but bound to nothing`);
    assert.deepEqual([...bound].filter((k) => !help.has(k)), [], `${platform}: bound but missing from the help`);
    assert.equal(helpKeys(platform).length, help.size, `${platform}: no key is listed twice`);
  }
  // The ends of the document are ⌘↑ / ⌘↓ on macOS, Ctrl+Home / Ctrl+End elsewhere.
  assert.ok(helpKeys("mac").includes("Mod-ArrowDown") && !helpKeys("mac").includes("Mod-End"));
  assert.ok(helpKeys("windows").includes("Mod-End") && !helpKeys("windows").includes("Mod-ArrowDown"));
});

test("no two commands share a key, on macOS or elsewhere", () => {
  for (const platform of ["mac", "linux"] as const) {
    const seen = new Map<string, string>();
    for (const key of boundKeys(platform)) {
      const label = keyLabel(key, platform);
      assert.ok(!seen.has(label), `${key} and ${seen.get(label)} are both ${label} on ${platform}`);
      seen.set(label, key);
    }
  }
});

/** A key press as the browser reports it for a ProseMirror key name ("Alt-3"). */
function pressOf(name: string): KeyPress {
  const parts = name.split("-");
  const key = parts.pop()!;
  return { key, code: /^\d$/.test(key) ? `Digit${key}` : `Key${key.toUpperCase()}`, altKey: parts.includes("Alt"), ctrlKey: parts.includes("Ctrl"), metaKey: parts.includes("Meta"), shiftKey: parts.includes("Shift") };
}

test("the theme keys in the help are the ones the theme keys take", () => {
  THEME_KEYS.nth.forEach((name, i) => {
    assert.deepEqual(themeKeyOf(pressOf(name), false), { nth: i + 1 }, name);
    assert.deepEqual(themeKeyOf(pressOf(name), true), { nth: i + 1 }, name);
  });
  THEME_KEYS.nthSelected.forEach((name, i) => {
    assert.deepEqual(themeKeyOf(pressOf(name), true, true), { nth: i + 1 }, name);
    // Without a selection, or outside coding mode, a digit is typed (over the selection).
    assert.equal(themeKeyOf(pressOf(name), false, true), null, name);
    assert.equal(themeKeyOf(pressOf(name), true, false), null, name);
  });
  // The other way round: any digit with Alt, Ctrl or Meta (Shift is let through
  // leniently and not listed) that applies a theme is in the help.
  const listed = new Set([...THEME_KEYS.nth, ...THEME_KEYS.nthSelected]);
  for (const mods of [[], ["Alt"], ["Ctrl"], ["Meta"], ["Ctrl", "Alt"], ["Alt", "Meta"]])
    for (const digit of "0123456789") {
      const name = [...mods, digit].join("-");
      for (const selecting of [true, false]) if (themeKeyOf(pressOf(name), selecting, true)) assert.ok(listed.has(name), `${name} applies a theme but is not in the help`);
    }
  // A theme's own letter key goes with the same modifier as the n-th theme.
  assert.deepEqual(themeKeyOf(pressOf("Alt-q"), false), { letter: "q" });
  assert.equal(themeKeyOf(pressOf("Ctrl-Alt-q"), false), null);
});

test("a key changed in its table changes the help and the menu", () => {
  const before = FILE_KEYS.save;
  try {
    FILE_KEYS.save = "Mod-Alt-s";
    assert.ok(helpKeys().includes("Mod-Alt-s"));
    assert.ok(!helpKeys().includes(before));
    const file = menuTemplate({ uiLanguage: "en", layout: "side-by-side", recentFiles: [], platform: "linux" })[0].submenu!;
    assert.equal(file.find((i: MenuItem) => i.command === "save")?.accelerator, acceleratorOf("Mod-Alt-s"));
  } finally {
    FILE_KEYS.save = before;
  }
});

test("every heading and description of the help is in Korean and English", () => {
  for (const lang of ["ko", "en"] as const) {
    const i18n = createI18n(lang);
    for (const group of shortcutHelp()) {
      assert.ok(i18n.exists(group.title), `${lang}: ${group.title}`);
      assert.ok(group.rows.length > 0, group.title);
      for (const row of group.rows) {
        assert.ok(i18n.exists(row.text), `${lang}: ${row.text}`);
        assert.ok(row.keys.length > 0, row.text);
      }
    }
  }
  assert.equal(createI18n("ko").t("common:shortcuts.group.align"), "정렬");
  assert.equal(createI18n("en").t("common:shortcuts.group.align"), "Alignment");
});
