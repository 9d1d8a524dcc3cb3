// The application menu as data: main turns it into Electron's native menu,
// the renderer draws the same items as an in-window menu bar where there is
// no native one (plain Chromium). Labels are i18n keys of the "menu" namespace.
import type { MenuCommand } from "./ipc";
import type { UiLanguage } from "./i18n";
import { EDITOR_KEYS, FILE_KEYS, TRANSLATE_KEYS, HELP_KEY } from "./shortcuts";

export type MenuRole = "undo" | "redo" | "cut" | "copy" | "paste" | "selectAll" | "quit" | "toggleDevTools";

export interface MenuItem {
  /** i18n key in the "menu" namespace, or with its own namespace ("align:toolbar.merge"). */
  label: string;
  /** A command the renderer carries out. */
  command?: MenuCommand;
  /** An edit action the platform carries out (native menu) or the editor (in-window menu). */
  role?: MenuRole;
  /** Electron accelerator syntax ("CmdOrCtrl+S"). */
  accelerator?: string;
  submenu?: MenuItem[];
  /** A radio item's checked state comes from the settings. */
  checked?: boolean;
  separator?: boolean;
}

const sep: MenuItem = { label: "", separator: true };

/** The full i18n key of a menu label. */
export function menuLabelKey(label: string): string {
  return label.includes(":") ? label : `menu:${label}`;
}

/** A ProseMirror key name ("Shift-Mod-Alt-c") as an Electron accelerator ("CmdOrCtrl+Alt+Shift+C"). */
export function acceleratorOf(key: string): string {
  const parts = key.split("-");
  const last = parts.pop()!;
  // In the order menus show them: Ctrl, Alt, Shift.
  const order = ["Mod", "Ctrl", "Alt", "Shift"];
  const mods = parts.sort((a, b) => order.indexOf(a) - order.indexOf(b)).map((m) => (m === "Mod" ? "CmdOrCtrl" : m));
  const name = last.startsWith("Arrow") ? last.slice(5) : last.length === 1 ? last.toUpperCase() : last === "Enter" ? "Return" : last;
  return [...mods, name].join("+");
}

/**
 * The side panels, in the View menu with Ctrl+Shift+1…5: the features of the
 * same ids (renderer/features) draw them; the keys open or close a panel from
 * the keyboard, and Escape inside a panel returns to the editor.
 */
export const PANELS: { id: string; label: string }[] = [
  { id: "themes", label: "themes:panel.themes" },
  { id: "codebook", label: "themes:panel.codebook" },
  { id: "translate", label: "translate:tm.title" },
  { id: "glossary", label: "translate:glossary.title" },
  { id: "qa", label: "translate:qa.title" },
  { id: "conflicts", label: "library:conflicts.title" },
];

/** The editor key of the n-th panel (0-based). */
export function panelKey(n: number): string {
  return `Shift-Mod-${n + 1}`;
}

export type AlignCommandName = "merge" | "split" | "moveUp" | "moveDown" | "insert" | "confirm" | "confirmAbove" | "nextUnconfirmed" | "nextLow" | "realign";

/** The alignment commands of the Segment menu, with their keys (ALIGN_COMMANDS in app/commands/align.ts carries them out). */
export const ALIGN_MENU: { name: AlignCommandName; key: string }[] = [
  { name: "merge", key: "Mod-Alt-j" },
  { name: "split", key: "Mod-Alt-k" },
  { name: "moveUp", key: "Mod-Alt-ArrowUp" },
  { name: "moveDown", key: "Mod-Alt-ArrowDown" },
  { name: "insert", key: "Mod-Alt-Enter" },
  { name: "confirm", key: "Mod-Alt-c" },
  { name: "confirmAbove", key: "Shift-Mod-Alt-c" },
  { name: "nextUnconfirmed", key: "Mod-Alt-n" },
  { name: "nextLow", key: "Mod-Alt-u" },
  { name: "realign", key: "Mod-Alt-r" },
];

export interface MenuContext {
  uiLanguage: UiLanguage;
  layout: "side-by-side" | "stacked";
  recentFiles: string[];
  platform: string;
}

export function menuTemplate(ctx: MenuContext): MenuItem[] {
  const recent: MenuItem[] = ctx.recentFiles.length
    ? ctx.recentFiles.map((f) => ({ label: f, command: `openRecent:${f}` as MenuCommand }))
    : [{ label: "file.noRecent" }];
  return [
    {
      label: "file.title",
      submenu: [
        { label: "file.new", command: "new", accelerator: acceleratorOf(FILE_KEYS.new) },
        { label: "file.open", command: "open", accelerator: acceleratorOf(FILE_KEYS.open) },
        { label: "file.openRecent", submenu: recent },
        { label: "library:window.openLibrary", command: "openLibrary" },
        { label: "library:agree.menu", command: "compareCodings" },
        sep,
        { label: "file.save", command: "save", accelerator: acceleratorOf(FILE_KEYS.save) },
        { label: "file.saveAs", command: "saveAs", accelerator: acceleratorOf(FILE_KEYS.saveAs) },
        sep,
        { label: "file.import", command: "import", accelerator: acceleratorOf(FILE_KEYS.import) },
        { label: "file.export", command: "export", accelerator: acceleratorOf(FILE_KEYS.export) },
        sep,
        ctx.platform === "darwin" ? { label: "file.close", command: "close", accelerator: "CmdOrCtrl+W" } : { label: "file.quit", command: "close", accelerator: "CmdOrCtrl+Q" },
      ],
    },
    {
      label: "edit.title",
      submenu: [
        { label: "edit.undo", command: "undo", accelerator: acceleratorOf(EDITOR_KEYS.undo) },
        { label: "edit.redo", command: "redo", accelerator: acceleratorOf(ctx.platform === "darwin" ? EDITOR_KEYS.redoShift : EDITOR_KEYS.redo) },
        sep,
        { label: "edit.cut", role: "cut", accelerator: "CmdOrCtrl+X" },
        { label: "edit.copy", role: "copy", accelerator: "CmdOrCtrl+C" },
        { label: "edit.paste", role: "paste", accelerator: "CmdOrCtrl+V" },
        { label: "edit.selectAll", role: "selectAll", accelerator: "CmdOrCtrl+A" },
        sep,
        { label: "edit.find", command: "find", accelerator: acceleratorOf(TRANSLATE_KEYS.find) },
      ],
    },
    {
      label: "segment.title",
      submenu: ALIGN_MENU.map(({ name, key }) => ({ label: `align:toolbar.${name}`, command: `align:${name}` as MenuCommand, accelerator: acceleratorOf(key) })),
    },
    {
      label: "view.title",
      submenu: [
        {
          label: "view.language",
          submenu: [
            { label: "view.korean", command: "language:ko", checked: ctx.uiLanguage === "ko" },
            { label: "view.english", command: "language:en", checked: ctx.uiLanguage === "en" },
          ],
        },
        {
          label: "view.panels",
          submenu: PANELS.map((p, i) => ({ label: p.label, command: `panel:${p.id}` as MenuCommand, accelerator: acceleratorOf(panelKey(i)) })),
        },
        {
          label: "view.layout",
          submenu: [
            { label: "view.sideBySide", command: "layout:side-by-side", checked: ctx.layout === "side-by-side" },
            { label: "view.stacked", command: "layout:stacked", checked: ctx.layout === "stacked" },
          ],
        },
      ],
    },
    {
      label: "help.title",
      submenu: [
        { label: "help.shortcuts", command: "shortcuts", accelerator: acceleratorOf(HELP_KEY) },
        { label: "help.about", command: "about" },
      ],
    },
  ];
}
