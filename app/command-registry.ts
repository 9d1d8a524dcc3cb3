// The commands of the window as data (STYLE.md advice 1, after VS Code's
// registerAction2 and CodeMirror's KeyBinding[]): one entry per command with
// its id, label and keys. The toolbar, the command palette and the context
// menu are drawn from these entries; the renderer supplies the `run`
// functions (renderer/commands.ts). The alignment, theme and translation
// commands keep their own tables (ALIGN_MENU, the features' toolbar items)
// and are brought in by id.
import type { MenuCommand } from "./ipc";
import { ALIGN_MENU, PANELS, panelKey } from "./menu";
import { FILE_KEYS, EDITOR_KEYS, TRANSLATE_KEYS, HELP_KEY } from "./shortcuts";

export interface CommandEntry {
  id: string;
  /** i18n key of the name (with its namespace where it is not "common"). */
  labelKey: string;
  /** A ProseMirror key name ("Mod-s"). */
  key?: string;
  /** The key on macOS where it differs. */
  mac?: string;
  /** The menu command that carries it out, where the menu has it. */
  menu?: MenuCommand;
}

/** The keys of the window's own commands (the palette, preferences, text size). */
export const UI_KEYS = {
  palette: "Shift-Mod-p",
  preferences: "Mod-,",
  zoomIn: "Mod-=",
  zoomOut: "Mod--",
  zoomReset: "Mod-0",
};

/** Commands of the window itself, beyond the features' own. */
export const APP_COMMANDS: CommandEntry[] = [
  { id: "new", labelKey: "toolbar.new", key: FILE_KEYS.new, menu: "new" },
  { id: "open", labelKey: "toolbar.open", key: FILE_KEYS.open, menu: "open" },
  { id: "save", labelKey: "toolbar.save", key: FILE_KEYS.save, menu: "save" },
  { id: "saveAs", labelKey: "menu:file.saveAs", key: FILE_KEYS.saveAs, menu: "saveAs" },
  { id: "import", labelKey: "toolbar.import", key: FILE_KEYS.import, menu: "import" },
  { id: "export", labelKey: "toolbar.export", key: FILE_KEYS.export, menu: "export" },
  { id: "undo", labelKey: "toolbar.undo", key: EDITOR_KEYS.undo, menu: "undo" },
  { id: "redo", labelKey: "toolbar.redo", key: EDITOR_KEYS.redo, mac: EDITOR_KEYS.redoShift, menu: "redo" },
  { id: "find", labelKey: "menu:edit.find", key: TRANSLATE_KEYS.find, menu: "find" },
  { id: "language:ko", labelKey: "ui:command.languageKo", menu: "language:ko" },
  { id: "language:en", labelKey: "ui:command.languageEn", menu: "language:en" },
  { id: "layout:side-by-side", labelKey: "ui:command.sideBySide", menu: "layout:side-by-side" },
  { id: "layout:stacked", labelKey: "ui:command.stacked", menu: "layout:stacked" },
  { id: "shortcuts", labelKey: "menu:help.shortcuts", key: HELP_KEY, menu: "shortcuts" },
  { id: "about", labelKey: "menu:help.about", menu: "about" },
  { id: "palette", labelKey: "ui:palette.title", key: UI_KEYS.palette },
  { id: "preferences", labelKey: "ui:prefs.title", key: UI_KEYS.preferences },
  { id: "theme:toggle", labelKey: "ui:command.toggleDark" },
  { id: "zoomIn", labelKey: "ui:command.zoomIn", key: UI_KEYS.zoomIn },
  { id: "zoomOut", labelKey: "ui:command.zoomOut", key: UI_KEYS.zoomOut },
  { id: "zoomReset", labelKey: "ui:command.zoomReset", key: UI_KEYS.zoomReset },
  { id: "startScreen", labelKey: "ui:start.title" },
  ...PANELS.map((p, i) => ({ id: `panel:${p.id}`, labelKey: p.label, key: panelKey(i), menu: `panel:${p.id}` as MenuCommand })),
];

/** The toolbar's groups, left to right, each a list of command ids (features' toolbar items by their id). */
export const TOOLBAR_GROUPS: { id: string; labelKey: string; commands: string[] }[] = [
  { id: "file", labelKey: "ui:toolbar.file", commands: ["new", "open", "save", "import", "export"] },
  { id: "history", labelKey: "ui:toolbar.history", commands: ["undo", "redo"] },
  { id: "align", labelKey: "ui:toolbar.align", commands: ALIGN_MENU.map((a) => `align-${a.name}`) },
  { id: "tagging", labelKey: "ui:toolbar.tagging", commands: ["themes-suggestions", "themes-copy-ko-en", "themes-copy-en-ko"] },
  { id: "translation", labelKey: "ui:toolbar.translation", commands: ["translate-mark-translated", "translate-glossary-insert", "translate-romanize", "find"] },
  { id: "panels", labelKey: "ui:toolbar.panels", commands: PANELS.map((p) => `panel:${p.id}`) },
  { id: "window", labelKey: "ui:toolbar.window", commands: ["palette", "theme:toggle", "preferences"] },
];

/** The key of an entry on a platform. */
export function entryKey(entry: { key?: string; mac?: string }, mac: boolean): string | undefined {
  return mac ? (entry.mac ?? entry.key) : entry.key;
}
