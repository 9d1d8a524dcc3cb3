// The Keyboard Shortcuts help, made from the key tables the keymaps are built
// from (app/shortcuts.ts, ALIGN_MENU and panelKey in app/menu.ts, THEME_KEYS),
// so changing a key changes the help. Texts are i18n keys; the renderer shows
// the keys as its platform writes them (app/keys.ts).
import { ALIGN_MENU, PANELS, panelKey } from "./menu";
import { EDITOR_KEYS, FILE_KEYS, TRANSLATE_KEYS, HELP_KEY, PANEL_BACK_KEY, matchKeys, documentKeys } from "./shortcuts";
import type { KeyPlatform } from "./keys";
import { THEME_KEYS, MEMO_KEY } from "./themes/theme-keys";

export interface ShortcutRow {
  /** ProseMirror key names; several are alternatives ("Tab / Shift+Tab"). */
  keys: string[];
  /** i18n key of what they do. */
  text: string;
}

export interface ShortcutGroup {
  /** i18n key of the group's heading. */
  title: string;
  rows: ShortcutRow[];
}

/** The help for a platform: the document-edge keys differ on macOS. */
export function shortcutHelp(platform: KeyPlatform = "linux"): ShortcutGroup[] {
  const edge = documentKeys(platform);
  return [
    {
      title: "common:shortcuts.group.editing",
      rows: [
        { keys: [EDITOR_KEYS.switchSide, EDITOR_KEYS.switchSideBack], text: "common:shortcuts.switchSide" },
        { keys: [EDITOR_KEYS.nextSegment, EDITOR_KEYS.previousSegment], text: "common:shortcuts.nextSegment" },
        { keys: [edge.start, edge.end], text: "common:shortcuts.documentEdge" },
        { keys: [edge.selectToStart, edge.selectToEnd], text: "common:shortcuts.selectToEdge" },
        { keys: [EDITOR_KEYS.undo], text: "menu:edit.undo" },
        { keys: [EDITOR_KEYS.redo, EDITOR_KEYS.redoShift], text: "menu:edit.redo" },
        { keys: [TRANSLATE_KEYS.find], text: "common:shortcuts.find" },
      ],
    },
    {
      title: "common:shortcuts.group.file",
      rows: [
        ...(["new", "open", "save", "saveAs", "import", "export"] as const).map((name) => ({ keys: [FILE_KEYS[name]], text: `menu:file.${name}` })),
        { keys: [HELP_KEY], text: "menu:help.shortcuts" },
      ],
    },
    {
      title: "common:shortcuts.group.align",
      rows: ALIGN_MENU.map(({ name, key }) => ({ keys: [key], text: `align:toolbar.${name}` })),
    },
    {
      title: "common:shortcuts.group.themes",
      rows: [
        { keys: THEME_KEYS.nth, text: "common:shortcuts.themeNth" },
        { keys: THEME_KEYS.nthSelected, text: "common:shortcuts.themeSelected" },
        { keys: [MEMO_KEY], text: "common:shortcuts.memo" },
      ],
    },
    {
      title: "common:shortcuts.group.translate",
      rows: [
        { keys: [TRANSLATE_KEYS.markTranslated], text: "common:shortcuts.markTranslated" },
        { keys: [TRANSLATE_KEYS.markReviewed], text: "common:shortcuts.markReviewed" },
        { keys: [TRANSLATE_KEYS.glossary], text: "common:shortcuts.glossary" },
        { keys: matchKeys(), text: "common:shortcuts.match" },
        { keys: [TRANSLATE_KEYS.romanize], text: "common:shortcuts.romanize" },
      ],
    },
    {
      title: "common:shortcuts.group.panels",
      rows: [...PANELS.map((p, i) => ({ keys: [panelKey(i)], text: p.label })), { keys: [PANEL_BACK_KEY], text: "common:shortcuts.panelBack" }],
    },
  ];
}
