// The display preferences in force (app/display-prefs.ts), for the features
// that draw with them: the theme decorations' colours, whether suggestions
// start on, spelling. renderer/features/preferences.ts sets them.
import { DEFAULT_DISPLAY, type DisplayPrefs } from "../app/display-prefs";

let current: DisplayPrefs = { ...DEFAULT_DISPLAY };
const listeners = new Set<(p: DisplayPrefs, before: DisplayPrefs) => void>();

export function display(): DisplayPrefs {
  return current;
}

export function setDisplay(p: DisplayPrefs): void {
  const before = current;
  current = p;
  for (const l of listeners) l(p, before);
}

export function onDisplayChange(l: (p: DisplayPrefs, before: DisplayPrefs) => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

/** Whether the window is dark now (the analyst's choice, or the OS's). */
export function isDark(): boolean {
  const t = current.theme;
  return t === "dark" || (t === "system" && matchMedia("(prefers-color-scheme: dark)").matches);
}
