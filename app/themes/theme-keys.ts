// Which theme a key press applies (renderer/features/themes/keys.ts carries it
// out). Alt+1…9 apply the n-th theme of the codebook (in panel order) and
// Alt+<letter> the theme with that shortcut letter, always; the plain digits
// 1…9 apply a theme only in coding mode (app/themes/coding-mode.ts) while text
// is selected, so typing digits in the text (2023년, 5만 톤), or over a
// selection to replace it, still works.

/** The parts of a KeyboardEvent that decide it. */
export interface KeyPress {
  key: string;
  code: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
}

export type ThemeKey = { nth: number } | { letter: string };

export function themeKeyOf(event: KeyPress, selecting: boolean, codingMode = false): ThemeKey | null {
  if (event.ctrlKey || event.metaKey) return null;
  // event.code: Alt changes event.key on macOS (Alt+1 is ¡).
  const digit = /^Digit([1-9])$/.exec(event.code)?.[1] ?? (/^[1-9]$/.test(event.key) ? event.key : null);
  if (event.altKey) {
    if (digit) return { nth: Number(digit) };
    const letter = /^Key([A-Z])$/.exec(event.code)?.[1]?.toLowerCase();
    return letter ? { letter } : null;
  }
  if (!event.shiftKey && digit && selecting && codingMode) return { nth: Number(digit) };
  return null;
}

const DIGITS = ["1", "2", "3", "4", "5", "6", "7", "8", "9"];

/** The keys themeKeyOf takes for the n-th theme, as ProseMirror key names for the help (a test holds the two together). */
export const THEME_KEYS = {
  /** The n-th theme (n = index + 1); the same modifier with a letter is a theme's own key. */
  nth: DIGITS.map((d) => `Alt-${d}`),
  /** The n-th theme while text is selected, in coding mode. */
  nthSelected: DIGITS,
};

/** Opens the memo of the tag at the cursor (renderer/features/themes/memo-editor.ts); Ctrl/Alt with a letter is free of the theme keys. */
export const MEMO_KEY = "Mod-Alt-m";
