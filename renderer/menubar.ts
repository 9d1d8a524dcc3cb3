// The in-window menu bar, drawn from app/menu.ts where there is no native
// menu (plain Chromium). Keyboard: Alt+F10 or F10 focuses it, arrows move,
// Enter/Space activates, Escape closes.
import crelt from "crelt";
import type { TFunction } from "i18next";
import { menuLabelKey, type MenuItem } from "../app/menu";
import { shownAccelerator } from "./key-label";

export function renderMenubar(items: MenuItem[], t: TFunction, run: (item: MenuItem) => void): HTMLElement {
  const bar = crelt("div", { class: "dari-menubar", role: "menubar" });
  const closeAll = () => bar.querySelectorAll<HTMLElement>(".dari-menu-list").forEach((l) => (l.hidden = true));
  const titles: HTMLButtonElement[] = [];
  const list = (entries: MenuItem[]): HTMLElement =>
    crelt(
      "ul",
      { class: "dari-menu-list", role: "menu", hidden: "" },
      entries.map((item) => {
        if (item.separator) return crelt("li", { class: "dari-menu-sep", role: "separator" });
        const label = item.command?.startsWith("openRecent:") ? item.label : t(menuLabelKey(item.label));
        if (item.submenu) {
          const sub = list(item.submenu);
          const btn = crelt("button", { class: "dari-menu-item", role: "menuitem", "aria-haspopup": "true", type: "button" }, label, crelt("span", { class: "dari-accel" }, "▸"));
          btn.addEventListener("click", (e) => {
            e.stopPropagation();
            sub.hidden = !sub.hidden;
          });
          return crelt("li", { style: "position: relative", role: "none" }, btn, sub);
        }
        const attrs: Record<string, string> = { class: "dari-menu-item", role: item.checked === undefined ? "menuitem" : "menuitemradio", type: "button", "data-command": item.command ?? item.role ?? "" };
        if (item.checked !== undefined) attrs["aria-checked"] = String(item.checked);
        if (!item.command && !item.role) attrs.disabled = "";
        const btn = crelt("button", attrs, label, item.accelerator ? crelt("span", { class: "dari-accel" }, shownAccelerator(item.accelerator)) : null);
        btn.addEventListener("click", () => {
          closeAll();
          run(item);
        });
        return crelt("li", { role: "none" }, btn);
      }),
    );
  for (const top of items) {
    const sub = list(top.submenu ?? []);
    const title = crelt("button", { class: "dari-menu-title", type: "button", role: "menuitem", "aria-haspopup": "true", "aria-expanded": "false" }, t(menuLabelKey(top.label))) as HTMLButtonElement;
    title.addEventListener("click", () => {
      const open = sub.hidden;
      closeAll();
      titles.forEach((b) => b.setAttribute("aria-expanded", "false"));
      sub.hidden = !open;
      title.setAttribute("aria-expanded", String(open));
      if (open) sub.querySelector<HTMLElement>("button")?.focus();
    });
    titles.push(title);
    bar.appendChild(crelt("div", { class: "dari-menu", role: "none" }, title, sub));
  }
  bar.addEventListener("keydown", (e) => {
    const focusables = Array.from(bar.querySelectorAll<HTMLElement>(".dari-menu-list:not([hidden]) > li > button"));
    const i = focusables.indexOf(document.activeElement as HTMLElement);
    if (e.key === "Escape") {
      closeAll();
      titles.forEach((b) => b.setAttribute("aria-expanded", "false"));
      (document.querySelector(".ProseMirror") as HTMLElement | null)?.focus();
    } else if (e.key === "ArrowDown" && focusables.length) {
      e.preventDefault();
      focusables[(i + 1) % focusables.length].focus();
    } else if (e.key === "ArrowUp" && focusables.length) {
      e.preventDefault();
      focusables[(i - 1 + focusables.length) % focusables.length].focus();
    } else if (e.key === "ArrowRight" || e.key === "ArrowLeft") {
      const ti = titles.findIndex((b) => b.getAttribute("aria-expanded") === "true" || b === document.activeElement);
      if (ti < 0) return;
      e.preventDefault();
      const next = titles[(ti + (e.key === "ArrowRight" ? 1 : -1) + titles.length) % titles.length];
      next.focus();
      if (titles[ti].getAttribute("aria-expanded") === "true") next.click();
    }
  });
  document.addEventListener("mousedown", (e) => {
    if (!bar.contains(e.target as Node)) {
      closeAll();
      titles.forEach((b) => b.setAttribute("aria-expanded", "false"));
    }
  });
  return bar;
}
