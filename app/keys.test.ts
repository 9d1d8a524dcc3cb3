import { test } from "node:test";
import assert from "node:assert/strict";
import { keyLabel, keysLabel, acceleratorLabel, platformOf } from "./keys";

test("the platform comes from navigator or process names", () => {
  for (const name of ["MacIntel", "macOS", "darwin", "iPad"]) assert.equal(platformOf(name), "mac", name);
  for (const name of ["Win32", "Windows", "win32"]) assert.equal(platformOf(name), "windows", name);
  for (const name of ["Linux x86_64", "Linux", "linux", ""]) assert.equal(platformOf(name), "linux", name);
});

test("Windows and Linux write words joined by +, Ctrl Alt Shift first", () => {
  const cases: [string, string][] = [
    ["Mod-Shift-g", "Ctrl+Shift+G"],
    ["Shift-Mod-g", "Ctrl+Shift+G"],
    ["Shift-Mod-Alt-c", "Ctrl+Alt+Shift+C"],
    ["Mod-Alt-ArrowUp", "Ctrl+Alt+↑"],
    ["Alt-ArrowDown", "Alt+↓"],
    ["Mod-Enter", "Ctrl+Enter"],
    ["Shift-Tab", "Shift+Tab"],
    ["Mod-Backspace", "Ctrl+Backspace"],
    ["Delete", "Delete"],
    ["Escape", "Esc"],
    ["Shift-Mod-1", "Ctrl+Shift+1"],
    ["Mod-,", "Ctrl+,"],
    ["Mod--", "Ctrl+-"],
    ["Ctrl-Space", "Ctrl+Space"],
    ["F1", "F1"],
    ["7", "7"],
  ];
  for (const [name, label] of cases) assert.equal(keyLabel(name, "linux"), label, name);
  assert.equal(keyLabel("Meta-e", "linux"), "Super+E");
  assert.equal(keyLabel("Meta-e", "windows"), "Win+E");
  assert.equal(keyLabel("Mod-s", "windows"), "Ctrl+S");
});

test("macOS writes glyphs in the order ⌃⌥⇧⌘, run together", () => {
  const cases: [string, string][] = [
    ["Mod-Shift-g", "⇧⌘G"],
    ["Shift-Mod-Alt-c", "⌥⇧⌘C"],
    ["Mod-Alt-ArrowUp", "⌥⌘↑"],
    ["Alt-ArrowDown", "⌥↓"],
    ["Mod-Enter", "⌘↩"],
    ["Shift-Tab", "⇧⇥"],
    ["Mod-Backspace", "⌘⌫"],
    ["Delete", "⌦"],
    ["Escape", "⎋"],
    ["Ctrl-Mod-f", "⌃⌘F"],
    ["Cmd-z", "⌘Z"],
    ["Shift-Mod-1", "⇧⌘1"],
    ["Mod-.", "⌘."],
  ];
  for (const [name, label] of cases) assert.equal(keyLabel(name, "mac"), label, name);
});

test("an unknown modifier is an error, not a silent wrong label", () => {
  assert.throws(() => keyLabel("Hyper-x", "linux"), /Hyper-x/);
});

test("several keys are joined, a run of digits becomes a range", () => {
  assert.equal(keysLabel(["Tab", "Shift-Tab"], "linux"), "Tab / Shift+Tab");
  assert.equal(keysLabel(["Mod-Alt-1", "Mod-Alt-2", "Mod-Alt-3"], "linux"), "Ctrl+Alt+1…3");
  assert.equal(keysLabel(["Mod-Alt-1", "Mod-Alt-2", "Mod-Alt-3"], "mac"), "⌥⌘1…3");
  assert.equal(keysLabel(["1", "2", "3", "4", "5", "6", "7", "8", "9"], "mac"), "1…9");
  // Not consecutive, or another prefix: listed one by one.
  assert.equal(keysLabel(["Mod-1", "Mod-3"], "linux"), "Ctrl+1 / Ctrl+3");
  assert.equal(keysLabel(["Mod-1", "Alt-2"], "linux"), "Ctrl+1 / Alt+2");
  assert.equal(keysLabel([], "linux"), "");
});

test("Electron accelerators are shown like key names", () => {
  assert.equal(acceleratorLabel("CmdOrCtrl+Shift+S", "linux"), "Ctrl+Shift+S");
  assert.equal(acceleratorLabel("CmdOrCtrl+Shift+S", "mac"), "⇧⌘S");
  assert.equal(acceleratorLabel("CmdOrCtrl+Alt+Up", "windows"), "Ctrl+Alt+↑");
  assert.equal(acceleratorLabel("CmdOrCtrl+Alt+Return", "mac"), "⌥⌘↩");
  assert.equal(acceleratorLabel("CmdOrCtrl+Plus", "linux"), "Ctrl++");
  assert.equal(acceleratorLabel("CmdOrCtrl++", "linux"), "Ctrl++");
  assert.equal(acceleratorLabel("F1", "mac"), "F1");
});
