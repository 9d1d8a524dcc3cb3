// The keys of the editor's commands, as data. The renderer's keymaps are
// built from these tables, the menus take their accelerators from them, and
// the Keyboard Shortcuts help lists them (app/shortcut-help.ts), so a key
// changed here changes all three. Key names are ProseMirror's ("Shift-Mod-s").
// The alignment keys (ALIGN_MENU) and panel keys (panelKey) are in app/menu.ts,
// the theme keys in app/themes/theme-keys.ts.

import type { KeyPlatform } from "./keys";

/** Moving through the bitext, undo and redo (renderer/editor.ts). */
export const EDITOR_KEYS = {
  switchSide: "Tab",
  switchSideBack: "Shift-Tab",
  nextSegment: "Alt-ArrowDown",
  previousSegment: "Alt-ArrowUp",
  undo: "Mod-z",
  redo: "Mod-y",
  redoShift: "Shift-Mod-z",
};

/**
 * The ends of the document (renderer/editor.ts). On macOS they are ⌘↑ and ⌘↓,
 * as CodeMirror's keymaps have them; elsewhere Ctrl+↑ moves by paragraph, so
 * the keys differ by platform.
 */
export const DOCUMENT_KEYS = {
  start: "Mod-Home",
  end: "Mod-End",
  selectToStart: "Shift-Mod-Home",
  selectToEnd: "Shift-Mod-End",
};
export const MAC_DOCUMENT_KEYS: typeof DOCUMENT_KEYS = {
  start: "Mod-ArrowUp",
  end: "Mod-ArrowDown",
  selectToStart: "Shift-Mod-ArrowUp",
  selectToEnd: "Shift-Mod-ArrowDown",
};

export function documentKeys(platform: KeyPlatform): typeof DOCUMENT_KEYS {
  return platform === "mac" ? MAC_DOCUMENT_KEYS : DOCUMENT_KEYS;
}

/** The project's file commands (renderer/app.ts). */
export const FILE_KEYS = {
  new: "Mod-n",
  open: "Mod-o",
  save: "Mod-s",
  saveAs: "Shift-Mod-s",
  import: "Mod-i",
  export: "Mod-e",
};

/** The translation desk (renderer/features/translate/keys.ts). */
export const TRANSLATE_KEYS = {
  markTranslated: "Mod-Enter",
  markReviewed: "Shift-Mod-Enter",
  glossary: "Mod-Shift-g",
  /** Followed by 1 … MATCH_KEY_COUNT: insert that memory match. */
  match: "Mod-Alt-",
  romanize: "Mod-Shift-r",
  find: "Mod-f",
};

/** How many memory matches have a key of their own. */
export const MATCH_KEY_COUNT = 3;

/** The keys of the memory matches, best first. */
export function matchKeys(): string[] {
  return Array.from({ length: MATCH_KEY_COUNT }, (_, i) => `${TRANSLATE_KEYS.match}${i + 1}`);
}

/** The list of shortcuts (Help menu; renderer/app.ts binds it in the window too). */
export const HELP_KEY = "F1";

/**
 * In a side panel, back to the text (renderer/app.ts). A DOM listener checks
 * it against KeyboardEvent.key, which names an unmodified key as ProseMirror does.
 */
export const PANEL_BACK_KEY = "Escape";
