// The toolbar: one row of icon buttons in groups (file; undo/redo;
// alignment; tagging; translation; panels), each with a tooltip naming the
// action and its key. When the window is too narrow for all groups, the
// groups that do not fit move, whole, into the "More tools" menu at the end,
// so the row never wraps.
import "./toolbar.css";
import crelt from "crelt";
import type { TFunction } from "i18next";
import { TOOLBAR_GROUPS } from "../../app/command-registry";
import type { RunnableCommand } from "../commands";
import { iconElement } from "../icons";
import { shownKey } from "../key-label";

export interface ToolbarOptions {
  t: TFunction;
  commands: RunnableCommand[];
  /** The open panel (its button is pressed). */
  openPanel: string | null;
}

function tooltip(t: TFunction, c: RunnableCommand): string {
  return c.key ? t("ui:toolbar.withKey", { label: t(c.labelKey), key: shownKey(c.key) }) : t(c.labelKey);
}

export class Toolbar {
  readonly dom: HTMLElement;
  private groups: HTMLElement[] = [];
  private more: HTMLButtonElement;
  private moreMenu: HTMLElement;
  private observer: ResizeObserver;
  private frame = 0;

  constructor(dom: HTMLElement) {
    this.dom = dom;
    this.more = crelt("button", { type: "button", class: "dari-tool dari-more", "aria-haspopup": "menu", "aria-expanded": "false", "data-action": "more" }) as HTMLButtonElement;
    this.moreMenu = crelt("div", { class: "dari-more-menu", role: "menu", hidden: "" });
    this.more.addEventListener("click", () => this.toggleMore());
    this.moreMenu.addEventListener("keydown", (e) => this.menuKeys(e));
    document.addEventListener("mousedown", (e) => {
      if (!this.more.contains(e.target as Node) && !this.moreMenu.contains(e.target as Node)) this.closeMore(false);
    });
    this.observer = new ResizeObserver(() => this.scheduleFit());
    this.observer.observe(this.dom);
  }

  render(opts: ToolbarOptions): void {
    const { t } = opts;
    const byId = new Map(opts.commands.map((c) => [c.id, c]));
    this.dom.setAttribute("aria-label", t("toolbar.label"));
    this.groups = TOOLBAR_GROUPS.map((g) => {
      const buttons = g.commands.flatMap((id) => {
        const c = byId.get(id);
        if (!c) return [];
        const attrs: Record<string, string> = { type: "button", class: "dari-tool", "data-action": id, "aria-label": t(c.labelKey), title: tooltip(t, c) };
        if (id.startsWith("panel:")) {
          attrs["data-panel"] = id.slice(6);
          attrs["aria-pressed"] = String(opts.openPanel === id.slice(6));
        }
        if (c.key) attrs["aria-keyshortcuts"] = shownKey(c.key).replace(/\s/g, "");
        const b = crelt("button", attrs, iconElement(id));
        // The click must not take the editor's selection away before the command runs.
        b.addEventListener("mousedown", (e) => e.preventDefault());
        b.addEventListener("click", () => c.run());
        return [b];
      });
      return crelt("div", { class: "dari-tool-group", role: "group", "aria-label": t(g.labelKey), "data-group": g.id }, buttons);
    });
    this.more.setAttribute("aria-label", t("ui:toolbar.more"));
    this.more.title = t("ui:toolbar.more");
    this.more.replaceChildren(iconElement("more") ?? "");
    this.dom.replaceChildren(...this.groups, crelt("span", { class: "dari-spacer" }), this.more, this.moreMenu);
    this.fit();
  }

  private scheduleFit(): void {
    cancelAnimationFrame(this.frame);
    this.frame = requestAnimationFrame(() => this.fit());
  }

  /** Shows the groups that fit in one row; the others go into the More menu. */
  fit(): void {
    for (const g of this.groups) g.hidden = false;
    this.more.hidden = false;
    const style = getComputedStyle(this.dom);
    const room = this.dom.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    const gap = parseFloat(style.columnGap) || 0;
    const widths = this.groups.map((g) => g.getBoundingClientRect().width);
    const total = widths.reduce((a, w) => a + w + gap, 0);
    const hidden: HTMLElement[] = [];
    if (total > room + 0.5) {
      let used = this.more.getBoundingClientRect().width + gap;
      let fits = true;
      this.groups.forEach((g, i) => {
        if (fits && used + widths[i] + gap <= room) used += widths[i] + gap;
        else {
          fits = false;
          hidden.push(g);
        }
      });
    }
    for (const g of hidden) g.hidden = true;
    this.more.hidden = hidden.length === 0;
    this.moreMenu.replaceChildren(
      ...hidden.flatMap((g, gi) => [
        ...(gi > 0 ? [crelt("div", { class: "dari-menu-sep", role: "separator" })] : []),
        ...Array.from(g.querySelectorAll<HTMLButtonElement>("button")).map((b) => {
          const item = crelt("button", { type: "button", role: "menuitem", class: "dari-menu-item", "data-action": b.dataset.action ?? "" }, b.querySelector(".dari-icon")?.cloneNode(true) ?? null, crelt("span", { class: "dari-more-label" }, b.title));
          item.addEventListener("mousedown", (e) => e.preventDefault());
          item.addEventListener("click", () => {
            this.closeMore(false);
            b.click();
          });
          return item;
        }),
      ]),
    );
    if (!hidden.length) this.closeMore(false);
  }

  private toggleMore(): void {
    if (this.moreMenu.hidden) {
      this.moreMenu.hidden = false;
      this.more.setAttribute("aria-expanded", "true");
      this.moreMenu.querySelector<HTMLElement>("button")?.focus();
    } else this.closeMore(true);
  }

  private closeMore(focusButton: boolean): void {
    if (this.moreMenu.hidden) return;
    this.moreMenu.hidden = true;
    this.more.setAttribute("aria-expanded", "false");
    if (focusButton) this.more.focus();
  }

  private menuKeys(e: KeyboardEvent): void {
    const items = Array.from(this.moreMenu.querySelectorAll<HTMLElement>("button"));
    const i = items.indexOf(document.activeElement as HTMLElement);
    if (e.key === "Escape") {
      e.preventDefault();
      this.closeMore(true);
    } else if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      items[(i + (e.key === "ArrowDown" ? 1 : -1) + items.length) % items.length]?.focus();
    }
  }
}
