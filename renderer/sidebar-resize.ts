// The side panel's width: dragged with a handle on its left edge (or the
// arrow keys on the handle), and remembered in the renderer's storage, as
// Electron keeps it per user, so the next window opens as the analyst left it (issue 17.12).
import crelt from "crelt";

const KEY = "dari.sidebarWidth";
const MIN = 240;
const STEP = 24;

const maxWidth = () => Math.max(MIN, Math.round(window.innerWidth * 0.7));
const clamp = (w: number) => Math.min(maxWidth(), Math.max(MIN, Math.round(w)));

export function storedSidebarWidth(): number | null {
  try {
    const w = Number(localStorage.getItem(KEY));
    return Number.isFinite(w) && w > 0 ? clamp(w) : null;
  } catch {
    return null;
  }
}

function store(width: number): void {
  try {
    localStorage.setItem(KEY, String(width));
  } catch {
    // Storage may be unavailable (a locked profile): the width then lasts for this window only.
  }
}

/** A handle that resizes `sidebar` (a flex item on the right) and remembers the width. */
export function sidebarResizer(sidebar: HTMLElement, label: () => string): HTMLElement {
  // A focusable separator is a control: screen readers read its value (the width) and range.
  const handle = crelt("div", { class: "dari-sidebar-resizer", role: "separator", "aria-orientation": "vertical", tabindex: "0", "aria-valuemin": String(MIN) });
  const apply = (w: number) => {
    sidebar.style.setProperty("--sidebar-width", `${w}px`);
    handle.setAttribute("aria-valuenow", String(w));
    handle.setAttribute("aria-valuemax", String(maxWidth()));
  };
  const stored = storedSidebarWidth();
  if (stored) apply(stored);
  else {
    // The stylesheet's width until the analyst drags; read once it is laid out.
    handle.setAttribute("aria-valuemax", String(maxWidth()));
    handle.setAttribute("aria-valuenow", String(MIN));
    requestAnimationFrame(() => handle.setAttribute("aria-valuenow", String(Math.round(sidebar.getBoundingClientRect().width) || MIN)));
  }
  handle.addEventListener("pointerdown", (e) => {
    e.preventDefault();
    handle.setPointerCapture(e.pointerId);
    const right = sidebar.getBoundingClientRect().right;
    const move = (ev: PointerEvent) => apply(clamp(right - ev.clientX));
    const up = () => {
      handle.removeEventListener("pointermove", move);
      handle.removeEventListener("pointerup", up);
      store(Math.round(sidebar.getBoundingClientRect().width));
    };
    handle.addEventListener("pointermove", move);
    handle.addEventListener("pointerup", up);
  });
  handle.addEventListener("keydown", (e) => {
    if (e.key !== "ArrowLeft" && e.key !== "ArrowRight") return;
    e.preventDefault();
    const w = clamp(sidebar.getBoundingClientRect().width + (e.key === "ArrowLeft" ? STEP : -STEP));
    apply(w);
    store(w);
  });
  handle.title = label();
  handle.setAttribute("aria-label", label());
  return handle;
}
