// A small modal dialog (the renderer's own, so it works the same in Electron
// and in plain Chromium). Escape answers the cancel value; focus starts on
// the primary button and returns where it was.
import crelt from "crelt";

export interface DialogButton<T> {
  label: string;
  value: T;
  primary?: boolean;
}

export function showDialog<T>(opts: { title: string; message: string | HTMLElement; buttons: DialogButton<T>[]; cancel: T }): Promise<T> {
  const previous = document.activeElement as HTMLElement | null;
  return new Promise((resolve) => {
    const done = (v: T) => {
      backdrop.remove();
      previous?.focus();
      resolve(v);
    };
    const buttons = opts.buttons.map((b) =>
      crelt("button", { type: "button", class: b.primary ? "primary" : "", onclick: () => done(b.value) }, b.label),
    );
    const titleId = `dari-dialog-${Date.now()}`;
    const dialog = crelt(
      "div",
      { class: "dari-dialog", role: "dialog", "aria-modal": "true", "aria-labelledby": titleId },
      crelt("h2", { id: titleId }, opts.title),
      // Focusable: a long body (the shortcut list) scrolls from the keyboard.
      crelt("div", { class: "dari-dialog-body", tabindex: "0" }, opts.message),
      crelt("div", { class: "dari-dialog-buttons" }, buttons),
    );
    const backdrop = crelt("div", { class: "dari-dialog-backdrop" }, dialog);
    backdrop.addEventListener("keydown", (e) => {
      if (e.key === "Escape") {
        e.preventDefault();
        done(opts.cancel);
      } else trapTab(dialog, e);
    });
    document.body.appendChild(backdrop);
    (buttons[opts.buttons.findIndex((b) => b.primary)] ?? buttons[0]).focus();
  });
}

/**
 * Keeps Tab and Shift+Tab inside a modal: focus cycles through its enabled,
 * visible controls. Every dialog of the app calls this on keydown.
 */
export function trapTab(container: HTMLElement, e: KeyboardEvent): void {
  if (e.key !== "Tab") return;
  const focusable = [...container.querySelectorAll<HTMLElement>("button, select, input, textarea, a[href]")].filter((el) => !(el as HTMLButtonElement).disabled && !el.closest("[hidden]"));
  if (!focusable.length) return;
  const i = focusable.indexOf(document.activeElement as HTMLElement);
  e.preventDefault();
  focusable[(i + (e.shiftKey ? -1 : 1) + focusable.length) % focusable.length].focus();
}
