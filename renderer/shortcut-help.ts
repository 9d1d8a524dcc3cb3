// The Keyboard Shortcuts dialog's content: the help of app/shortcut-help.ts
// with each key as this platform writes it, a table per group.
import "./shortcut-help.css";
import crelt from "crelt";
import type { TFunction } from "i18next";
import { shortcutHelp } from "../app/shortcut-help";
import { shownKeys, keyPlatform } from "./key-label";

export function renderShortcutHelp(t: TFunction): HTMLElement {
  return crelt(
    "div",
    { class: "dari-shortcuts" },
    shortcutHelp(keyPlatform()).flatMap((group) => [
      crelt("h3", t(group.title)),
      crelt(
        "table",
        group.rows.map((row) => crelt("tr", crelt("td", crelt("kbd", shownKeys(row.keys))), crelt("td", t(row.text)))),
      ),
    ]),
  );
}
