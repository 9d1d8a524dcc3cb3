// The context menu of the text (issue 15 req. 3): tag with a theme (the
// codebook's themes with their colours and keys), remove a tag, memo, add the
// selection to the glossary, look it up in the memory (concordance),
// cut/copy/paste, merge/split the segment, set its status, and spelling.
// In Electron main shows it as a native menu from the items sent through
// app/ipc.ts (showContextMenu); in plain Chromium it is drawn in the window.
// Opened by a right-click, the Menu key or Shift+F10.
import "./context-menu.css";
import crelt from "crelt";
import { Plugin, TextSelection, type Command } from "prosemirror-state";
import type { EditorView } from "prosemirror-view";
import type { ContextMenuItem } from "../../app/ipc";
import type { AppContext, Feature } from "../feature";
import { openMemo } from "../../app/themes/memo";
import { MEMO_KEY } from "../../app/themes/theme-keys";
import { projectData } from "../../app/project-state";
import { annotationsAt, applyTheme, removeAnnotation } from "../../app/commands/themes";
import { setStatus, segmentAround } from "../../app/commands/status";
import { ALIGN_COMMANDS } from "../../app/commands/align";
import { ALIGN_MENU } from "../../app/menu";
import { acceleratorOf } from "../../app/menu";
import { THEME_KEYS } from "../../app/themes/theme-keys";
import { SEGMENT_STATUSES } from "../../app/schema";
import { sideAt } from "../../app/commands/structure";
import { labelOf, colorOf } from "./themes/shared";
import { shownKey } from "../key-label";
import { trapTab } from "../dialog";

/** A menu entry with what it does; `items()` builds them for the state at the click. */
export interface ContextEntry {
  id: string | null;
  label: string;
  enabled?: boolean;
  checked?: boolean;
  key?: string;
  color?: string;
  role?: "cut" | "copy" | "paste";
  /** A heading over a group (drawn menu) or a submenu (native menu). */
  group?: ContextEntry[];
  run?: () => void;
}

/** Extra entries other features add (spelling suggestions, which the spelling worker may take a moment to find). */
export type ContextContributor = (view: EditorView, pos: number) => ContextEntry[] | Promise<ContextEntry[]>;
const contributors: ContextContributor[] = [];
export function addContextEntries(f: ContextContributor): void {
  contributors.push(f);
}

const SEP: ContextEntry = { id: null, label: "" };

function runOn(view: EditorView, cmd: Command): () => void {
  return () => {
    cmd(view.state, view.dispatch, view);
    view.focus();
  };
}

function can(view: EditorView, cmd: Command): boolean {
  return cmd(view.state, undefined, view);
}

export function contextEntries(ctx: AppContext, view: EditorView, pos: number, extra: ContextEntry[] = []): ContextEntry[] {
  const t = ctx.t;
  const state = view.state;
  const { codebook } = projectData(state);
  const { empty, from, to } = state.selection;
  const selected = empty ? "" : state.doc.textBetween(from, to, " ");
  const tags = annotationsAt(state, pos).filter((a, i, all) => all.findIndex((b) => b.id === a.id) === i);
  const here = sideAt(state.doc.resolve(pos));
  const segment = segmentAround(state.doc, pos);
  const align = (name: "merge" | "split") => ALIGN_MENU.find((a) => a.name === name)!.key;
  const entries: ContextEntry[] = [
    {
      id: "tag",
      label: t("ui:context.tag"),
      group: codebook.map((c, i) => ({
        id: `tag:${c.id}`,
        label: labelOf(ctx, c.id, codebook),
        color: colorOf(codebook, c.id),
        key: THEME_KEYS.nth[i],
        enabled: can(view, applyTheme(c.id)),
        run: runOn(view, applyTheme(c.id)),
      })),
    },
    ...tags.map((a) => ({ id: `untag:${a.id}`, label: t("ui:context.untag", { theme: labelOf(ctx, a.code, codebook) }), color: colorOf(codebook, a.code), run: runOn(view, removeAnnotation(a.id, pos)) })),
    {
      id: "memo",
      label: t("ui:context.memo"),
      key: MEMO_KEY,
      enabled: tags.length > 0,
      // The memo editor of the innermost tag there takes the typing.
      run: () => void openMemo(pos)(view.state, view.dispatch),
    },
    SEP,
    {
      id: "glossary",
      label: t("ui:context.glossary"),
      enabled: !!selected && !!here,
      run: () => fillPanel(ctx, "glossary", here?.side === "en" ? 'input[name="en"]' : 'input[name="ko"]', selected, here?.side === "en" ? 'input[name="ko"]' : 'input[name="en"]'),
    },
    {
      id: "concordance",
      label: t("ui:context.concordance"),
      enabled: !!selected,
      run: () => fillPanel(ctx, "translate", ".dari-concordance-input", selected, ".dari-concordance-input"),
    },
    SEP,
    { id: "cut", label: t("ui:context.cut"), role: "cut", key: "Mod-x", enabled: !empty, run: () => document.execCommand("cut") },
    { id: "copy", label: t("ui:context.copy"), role: "copy", key: "Mod-c", enabled: !empty, run: () => document.execCommand("copy") },
    { id: "paste", label: t("ui:context.paste"), role: "paste", key: "Mod-v", run: () => void paste(view) },
    SEP,
    { id: "merge", label: t("ui:context.merge"), key: align("merge"), enabled: can(view, ALIGN_COMMANDS.merge), run: runOn(view, ALIGN_COMMANDS.merge) },
    { id: "split", label: t("ui:context.split"), key: align("split"), enabled: can(view, ALIGN_COMMANDS.split), run: runOn(view, ALIGN_COMMANDS.split) },
    {
      id: "status",
      label: t("ui:context.status"),
      group: SEGMENT_STATUSES.map((s) => ({ id: `status:${s}`, label: t(`status.${s}`), checked: segment?.node.attrs.status === s, run: runOn(view, setStatus(s)) })),
    },
  ];
  return extra.length ? [...extra, SEP, ...entries] : entries;
}

async function paste(view: EditorView): Promise<void> {
  view.focus();
  // execCommand("paste") is refused to pages; the async clipboard may be allowed.
  const text = await navigator.clipboard?.readText().catch(() => "");
  if (text) view.dispatch(view.state.tr.insertText(text));
}

/** Opens a panel and puts the text into one of its fields (the panel does the rest). */
function fillPanel(ctx: AppContext, panel: string, field: string, text: string, focus: string): void {
  const open = document.querySelector(`.dari-toolbar [data-panel="${panel}"]`)?.getAttribute("aria-pressed") === "true";
  if (!open) ctx.showPanel(panel);
  const input = document.querySelector<HTMLInputElement>(`.dari-sidebar ${field}`);
  if (!input) return;
  input.value = text;
  input.dispatchEvent(new Event("input", { bubbles: true }));
  document.querySelector<HTMLElement>(`.dari-sidebar ${focus}`)?.focus();
}

/** The entries as app/ipc.ts carries them to main (labels already translated). */
export function toIpcItems(entries: ContextEntry[]): ContextMenuItem[] {
  return entries.map((e) => ({
    id: e.group ? null : e.id,
    label: e.label,
    enabled: e.enabled,
    checked: e.checked,
    accelerator: e.key ? acceleratorOf(e.key) : undefined,
    role: e.role,
    submenu: e.group ? toIpcItems(e.group) : undefined,
  }));
}

function findEntry(entries: ContextEntry[], id: string): ContextEntry | undefined {
  for (const e of entries) {
    if (e.id === id && e.run) return e;
    const inner = e.group && findEntry(e.group, id);
    if (inner) return inner;
  }
  return undefined;
}

/** The menu drawn in the window (plain Chromium): groups as headed sections, arrows to move, Escape to close. */
function drawMenu(ctx: AppContext, view: EditorView, entries: ContextEntry[], x: number, y: number): void {
  document.querySelector(".dari-context-menu")?.remove();
  const close = (refocus: boolean) => {
    menu.remove();
    document.removeEventListener("mousedown", outside, true);
    if (refocus) view.focus();
  };
  const button = (e: ContextEntry) => {
    const attrs: Record<string, string> = { type: "button", class: "dari-menu-item", role: e.checked === undefined ? "menuitem" : "menuitemradio", "data-command": e.id ?? "" };
    if (e.checked !== undefined) attrs["aria-checked"] = String(e.checked);
    if (e.enabled === false) attrs.disabled = "";
    const b = crelt(
      "button",
      attrs,
      e.color ? crelt("span", { class: "dari-context-swatch", style: `background:${e.color}`, "aria-hidden": "true" }) : null,
      crelt("span", { class: "dari-context-label" }, e.label),
      e.key ? crelt("span", { class: "dari-accel" }, shownKey(e.key)) : null,
    );
    b.addEventListener("mousedown", (ev) => ev.preventDefault());
    b.addEventListener("click", () => {
      close(true);
      e.run?.();
    });
    return b;
  };
  const rows = entries.map((e) =>
    e.group
      ? crelt("div", { role: "group", "aria-label": e.label, class: "dari-context-group" }, crelt("div", { class: "dari-context-heading", "aria-hidden": "true" }, e.label), e.group.map(button))
      : e.label
        ? button(e)
        : crelt("div", { class: "dari-menu-sep", role: "separator" }),
  );
  const menu = crelt("div", { class: "dari-context-menu", role: "menu", "aria-label": ctx.t("ui:context.label") }, rows);
  document.body.appendChild(menu);
  const r = menu.getBoundingClientRect();
  menu.style.left = `${Math.max(4, Math.min(x, innerWidth - r.width - 4))}px`;
  menu.style.top = `${Math.max(4, Math.min(y, innerHeight - r.height - 4))}px`;
  const outside = (e: MouseEvent) => {
    if (!menu.contains(e.target as Node)) close(false);
  };
  document.addEventListener("mousedown", outside, true);
  menu.addEventListener("keydown", (e) => {
    const items = Array.from(menu.querySelectorAll<HTMLButtonElement>("button:not([disabled])"));
    const i = items.indexOf(document.activeElement as HTMLButtonElement);
    if (e.key === "Escape") {
      e.preventDefault();
      close(true);
    } else if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      items[(i + (e.key === "ArrowDown" ? 1 : -1) + items.length) % items.length]?.focus();
    } else if (e.key === "Home" || e.key === "End") {
      e.preventDefault();
      items[e.key === "Home" ? 0 : items.length - 1]?.focus();
    } else trapTab(menu, e);
  });
  menu.querySelector<HTMLButtonElement>("button:not([disabled])")?.focus();
}

export async function openContextMenu(ctx: AppContext, view: EditorView, pos: number, x: number, y: number): Promise<void> {
  const extra = (await Promise.all(contributors.map((f) => f(view, pos)))).flat();
  const entries = contextEntries(ctx, view, pos, extra);
  if (!ctx.api.nativeMenu) return drawMenu(ctx, view, entries, x, y);
  const r = await ctx.api.showContextMenu(toIpcItems(entries));
  const chosen = r.ok && r.value ? findEntry(entries, r.value) : undefined;
  if (chosen?.run) chosen.run();
  else view.focus();
}

function plugin(ctx: AppContext): Plugin {
  return new Plugin({
    props: {
      handleDOMEvents: {
        contextmenu(view, event) {
          const at = view.posAtCoords({ left: event.clientX, top: event.clientY });
          if (!at) return false;
          event.preventDefault();
          const { from, to } = view.state.selection;
          // A right-click outside the selection moves the cursor there, as editors do.
          if (at.pos < from || at.pos > to) view.dispatch(view.state.tr.setSelection(TextSelection.near(view.state.doc.resolve(at.pos))));
          void openContextMenu(ctx, view, at.pos, event.clientX, event.clientY);
          return true;
        },
      },
      handleKeyDown(view, event) {
        if (event.key !== "ContextMenu" && !(event.key === "F10" && event.shiftKey)) return false;
        const pos = view.state.selection.from;
        const c = view.coordsAtPos(pos);
        void openContextMenu(ctx, view, pos, c.left, c.bottom);
        return true;
      },
    },
  });
}

export const contextMenuFeature: Feature = { id: "context-menu", plugins: (ctx) => [plugin(ctx)] };
