// The command palette (Ctrl+Shift+P, ⇧⌘P): every command and menu item by
// name in the UI language, found by its name in either language and, in
// Korean, by initial consonants (app/palette/match.ts); Enter runs it;
// the recently used come first.
import "./palette.css";
import crelt from "crelt";
import type { i18n } from "i18next";
import { rankCommands, withRecent, type PaletteCandidate } from "../../app/palette/match";
import { trapTab } from "../dialog";
import { loadStoredList } from "../stored";

export interface PaletteEntry {
  id: string;
  /** i18n key of the name, or (for a recent file) the name itself with `literal`. */
  labelKey: string;
  literal?: boolean;
  /** The key as shown here ("Ctrl+S"). */
  keyLabel?: string;
  run(): void;
}

const RECENT_STORAGE = "dari.palette.recent";

function loadRecent(): string[] {
  return loadStoredList(RECENT_STORAGE, (v) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []));
}

let counter = 0;

/** Opens the palette over the window; resolves when it closes. */
export function openPalette(i18n: i18n, entries: PaletteEntry[]): Promise<void> {
  const t = i18n.t.bind(i18n);
  const other = i18n.getFixedT(i18n.language === "ko" ? "en" : "ko");
  const candidates: (PaletteCandidate & { entry: PaletteEntry })[] = entries.map((e) => ({
    id: e.id,
    label: e.literal ? e.labelKey : t(e.labelKey),
    otherLabel: e.literal ? e.labelKey : other(e.labelKey),
    entry: e,
  }));
  const previous = document.activeElement as HTMLElement | null;
  const listId = `dari-palette-list-${++counter}`;
  const input = crelt("input", {
    type: "text",
    class: "dari-palette-input",
    role: "combobox",
    "aria-expanded": "true",
    "aria-controls": listId,
    "aria-autocomplete": "list",
    "aria-label": t("ui:palette.title"),
    placeholder: t("ui:palette.placeholder"),
    spellcheck: "false",
  }) as HTMLInputElement;
  const list = crelt("ul", { class: "dari-palette-list", role: "listbox", id: listId, "aria-label": t("ui:palette.label") });
  const dialog = crelt("div", { class: "dari-palette", role: "dialog", "aria-modal": "true", "aria-label": t("ui:palette.title") }, input, list);
  const backdrop = crelt("div", { class: "dari-palette-backdrop" }, dialog);
  let shown: typeof candidates = [];
  let active = 0;
  const recent = loadRecent();

  return new Promise((resolve) => {
    const close = (run?: PaletteEntry) => {
      backdrop.remove();
      previous?.focus();
      resolve();
      if (run) {
        try {
          localStorage.setItem(RECENT_STORAGE, JSON.stringify(withRecent(loadRecent(), run.id)));
        } catch {
          // Storage full or refused: the palette still works, only without its memory.
        }
        run.run();
      }
    };
    const render = () => {
      shown = rankCommands(input.value, candidates, recent);
      active = Math.min(active, Math.max(0, shown.length - 1));
      list.replaceChildren(
        ...(shown.length
          ? shown.map((c, i) => {
              const li = crelt(
                "li",
                { role: "option", id: `${listId}-${i}`, class: "dari-palette-item", "aria-selected": String(i === active), "data-command": c.id },
                crelt("span", { class: "dari-palette-label" }, c.label),
                recent.includes(c.id) && !input.value ? crelt("span", { class: "dari-palette-recent" }, t("ui:palette.recent")) : null,
                c.entry.keyLabel ? crelt("kbd", { class: "dari-palette-key" }, c.entry.keyLabel) : null,
              );
              li.addEventListener("mousedown", (e) => e.preventDefault());
              li.addEventListener("click", () => close(c.entry));
              return li;
            })
          : [crelt("li", { class: "dari-palette-none", role: "option", "aria-disabled": "true", "aria-selected": "false" }, t("ui:palette.none"))]),
      );
      if (shown.length) input.setAttribute("aria-activedescendant", `${listId}-${active}`);
      else input.removeAttribute("aria-activedescendant");
      list.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: "nearest" });
    };
    input.addEventListener("input", () => {
      active = 0;
      render();
    });
    backdrop.addEventListener("mousedown", (e) => {
      if (e.target === backdrop) close();
    });
    backdrop.addEventListener("keydown", (e) => {
      if (e.key === "Escape") {
        e.preventDefault();
        close();
      } else if (e.key === "ArrowDown" || e.key === "ArrowUp") {
        e.preventDefault();
        if (!shown.length) return;
        active = (active + (e.key === "ArrowDown" ? 1 : -1) + shown.length) % shown.length;
        render();
      } else if (e.key === "Enter" && !e.isComposing) {
        e.preventDefault();
        if (shown[active]) close(shown[active].entry);
      } else trapTab(dialog, e);
    });
    document.body.appendChild(backdrop);
    render();
    input.focus();
  });
}
