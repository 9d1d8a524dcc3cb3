// Keys as people read them. The keymaps name keys the ProseMirror way
// ("Shift-Mod-g"); tooltips, help and the in-window menu show them the way the
// platform's own menus do: "Ctrl+Shift+G" on Windows and Linux, "⇧⌘G" on macOS.

export type KeyPlatform = "mac" | "windows" | "linux";

/** The platform of a navigator.platform, userAgentData.platform or process.platform string. */
export function platformOf(name: string): KeyPlatform {
  if (/^(mac|darwin|iphone|ipad)/i.test(name)) return "mac";
  if (/^win/i.test(name)) return "windows";
  return "linux";
}

type Modifier = "Ctrl" | "Alt" | "Shift" | "Meta";

/** A key name split as prosemirror-keymap reads it: "Mod" is Command on macOS, Ctrl elsewhere. */
function parseKey(name: string, platform: KeyPlatform): { mods: Set<Modifier>; key: string } {
  // "Mod--" is Mod and the minus key.
  const parts = name.split(/-(?!$)/);
  const key = parts.pop()!;
  const mods = new Set<Modifier>();
  for (const p of parts) {
    if (/^(cmd|meta|m)$/i.test(p)) mods.add("Meta");
    else if (/^a(lt)?$/i.test(p)) mods.add("Alt");
    else if (/^(c|ctrl|control)$/i.test(p)) mods.add("Ctrl");
    else if (/^s(hift)?$/i.test(p)) mods.add("Shift");
    else if (/^mod$/i.test(p)) mods.add(platform === "mac" ? "Meta" : "Ctrl");
    else throw new Error(`Unknown modifier in key name: ${name}`);
  }
  return { mods, key: key === "Space" ? " " : key };
}

// macOS writes its modifiers in the order ⌃⌥⇧⌘, run together; the others
// write words joined by "+", in the order of Electron's accelerators.
const MAC_MODS: [Modifier, string][] = [
  ["Ctrl", "⌃"],
  ["Alt", "⌥"],
  ["Shift", "⇧"],
  ["Meta", "⌘"],
];
const OTHER_MODS: Modifier[] = ["Ctrl", "Alt", "Shift", "Meta"];

const ARROWS: Record<string, string> = { ArrowUp: "↑", ArrowDown: "↓", ArrowLeft: "←", ArrowRight: "→" };
const MAC_KEYS: Record<string, string> = { Enter: "↩", Backspace: "⌫", Delete: "⌦", Escape: "⎋", Tab: "⇥", Home: "↖", End: "↘", PageUp: "⇞", PageDown: "⇟" };
const OTHER_KEYS: Record<string, string> = { Escape: "Esc", PageUp: "PgUp", PageDown: "PgDn" };

function baseLabel(key: string, platform: KeyPlatform): string {
  if (key === " ") return "Space";
  if (key.length === 1) return key.toUpperCase();
  return ARROWS[key] ?? (platform === "mac" ? MAC_KEYS[key] : OTHER_KEYS[key]) ?? key;
}

/** A ProseMirror key name as shown to people: keyLabel("Mod-Shift-g", "mac") is "⇧⌘G", on Windows "Ctrl+Shift+G". */
export function keyLabel(name: string, platform: KeyPlatform): string {
  const { mods, key } = parseKey(name, platform);
  const base = baseLabel(key, platform);
  if (platform === "mac") return MAC_MODS.filter(([m]) => mods.has(m)).map(([, glyph]) => glyph).join("") + base;
  const meta = platform === "windows" ? "Win" : "Super";
  return [...OTHER_MODS.filter((m) => mods.has(m)).map((m) => (m === "Meta" ? meta : m)), base].join("+");
}

/**
 * Several keys of one command: "Tab / Shift+Tab". A run of keys that differ
 * only in a last digit counting up is written as a range: "Ctrl+Alt+1…3".
 */
export function keysLabel(names: string[], platform: KeyPlatform): string {
  const out: string[] = [];
  for (let i = 0; i < names.length; i++) {
    let j = i;
    while (j + 1 < names.length && nextDigit(names[j], names[j + 1])) j++;
    out.push(j > i ? `${keyLabel(names[i], platform)}…${names[j].slice(-1)}` : keyLabel(names[i], platform));
    i = j;
  }
  return out.join(" / ");
}

function nextDigit(a: string, b: string): boolean {
  return /\d$/.test(a) && /\d$/.test(b) && a.slice(0, -1) === b.slice(0, -1) && Number(b.slice(-1)) === Number(a.slice(-1)) + 1;
}

// Electron accelerator words and the ProseMirror names they stand for.
const ACCEL_MODS: Record<string, string> = {
  cmdorctrl: "Mod",
  commandorcontrol: "Mod",
  cmd: "Meta",
  command: "Meta",
  meta: "Meta",
  super: "Meta",
  ctrl: "Ctrl",
  control: "Ctrl",
  alt: "Alt",
  option: "Alt",
  altgr: "Alt",
  shift: "Shift",
};
const ACCEL_KEYS: Record<string, string> = { return: "Enter", enter: "Enter", up: "ArrowUp", down: "ArrowDown", left: "ArrowLeft", right: "ArrowRight", esc: "Escape", escape: "Escape", plus: "+", space: " " };

/** An Electron accelerator ("CmdOrCtrl+Shift+S") as shown to people, like keyLabel. */
export function acceleratorLabel(accelerator: string, platform: KeyPlatform): string {
  // "CmdOrCtrl++" is the plus key, as is "CmdOrCtrl+Plus".
  const parts = accelerator.split(/\+(?!$)/);
  const key = parts.pop()!;
  const mods = parts.map((p) => ACCEL_MODS[p.toLowerCase()] ?? p);
  return keyLabel([...mods, ACCEL_KEYS[key.toLowerCase()] ?? key].join("-"), platform);
}
