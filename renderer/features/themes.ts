// Theme coding in the editor (issue 4): stacked underlines and gutter chips,
// keys to tag (Alt+1…9 and Alt+<theme key> always; plain 1…9 over a
// selection only in coding mode, switched in the status bar), the tag popover,
// memos (a mark in the text, an editor on demand), keyword suggestions, and two
// panels — Themes (counts, stepping, filter, one-sided tags, portrait,
// co-occurrence) and Codebook (editing, .qdc exchange). The logic is in
// app/themes and app/commands/themes; this module connects it to the view.
import "./themes/themes.css";
import type { Feature, AppContext } from "../feature";
import { redrawOnLanguageChange } from "../language-change";
import { themeDecorations, themeDecorationKey } from "../../app/themes/theme-decorations";
import { suggestionDecorations, suggestionKeyPlugin, toggleSuggestions } from "../../app/themes/suggestion-decorations";
import { codeLabel } from "../../app/themes/codebook-ops";
import type { Codebook } from "../../app/themes/codebook";
import { copyNoticePlugin, copyTags } from "./themes/copy-tags";
import { memoEditor, memoMark } from "./themes/memo-editor";
import { openMemo } from "../../app/themes/memo";
import { MEMO_KEY } from "../../app/themes/theme-keys";
import { gutterWidget } from "./themes/gutter";
import { themeKeys } from "./themes/keys";
import { codingModeSwitch } from "./themes/coding-mode";
import { codingModePlugin } from "../../app/themes/coding-mode";
import { themePopover } from "./themes/popover";
import { ThemesPanel } from "./themes/themes-panel";
import { CodebookPanel } from "./themes/codebook-panel";
import { spanDragPlugin } from "./themes/span-drag";
import { uiLang } from "./themes/shared";
import { stripesPlugin } from "./themes/stripes";
import { display, isDark, onDisplayChange } from "../display";
import { readableColor, LIGHT_BACKGROUND, DARK_BACKGROUND } from "../../app/themes/contrast";
import { afterNextFrame } from "../after-frame";

/** A theme colour as drawn: at least 3:1 against the background of the light or dark window. */
export function paint(color: string): string {
  return readableColor(color, isDark() ? DARK_BACKGROUND : LIGHT_BACKGROUND);
}

const redrawn = new WeakSet<AppContext>();
/** Light and dark draw the colours differently: the tags are drawn again when the theme changes (the analyst's or the OS's). */
function redrawOnDisplayChange(ctx: AppContext): void {
  if (redrawn.has(ctx)) return;
  redrawn.add(ctx);
  const redraw = () => {
    const view = ctx.view() as ReturnType<AppContext["view"]> | undefined;
    if (view) view.dispatch(view.state.tr.setMeta(themeDecorationKey, { rebuild: true }));
  };
  onDisplayChange((p, before) => {
    // Coding stripes are widgets of the theme decorations: drawn or dropped by redrawing.
    if (p.theme !== before.theme || p.stripes !== before.stripes) redraw();
  });
  matchMedia("(prefers-color-scheme: dark)").addEventListener("change", redraw);
}

function plugins(ctx: AppContext) {
  const label = (code: string, codebook: Codebook) => codeLabel(codebook.find((c) => c.id === code), uiLang(ctx), code);
  // Hover titles and chips are in the UI language: redraw them when it changes.
  redrawOnLanguageChange(ctx, "themes", (state) => state.tr.setMeta(themeDecorationKey, { rebuild: true }).setMeta(suggestionKeyPlugin, { rebuild: true }));
  redrawOnDisplayChange(ctx);
  return [
    codingModePlugin(),
    codingModeSwitch(ctx),
    themeKeys(ctx),
    themeDecorations({ label, paint, gutter: gutterWidget(ctx), memo: memoMark(ctx), stripesOn: () => display().stripes, later: afterNextFrame }),
    stripesPlugin(),
    suggestionDecorations({ label, on: display().suggestions }),
    themePopover(ctx),
    copyNoticePlugin(ctx),
    ...memoEditor(ctx),
    spanDragPlugin(),
  ];
}

export const themesFeature: Feature = {
  id: "themes",
  plugins,
  panel: { titleKey: "themes:panel.themes", create: (ctx) => new ThemesPanel(ctx) },
  toolbar: [
    { id: "themes-suggestions", labelKey: "themes:toolbar.suggestions", command: toggleSuggestions() },
    { id: "themes-copy-ko-en", labelKey: "themes:toolbar.copyKoEn", command: copyTags("ko") },
    { id: "themes-copy-en-ko", labelKey: "themes:toolbar.copyEnKo", command: copyTags("en") },
    // In the palette (not on the toolbar): the memo of the tag at the cursor.
    { id: "themes-memo", labelKey: "themes:memo.edit", shortcut: MEMO_KEY, command: openMemo() },
  ],
};

export const codebookFeature: Feature = {
  id: "codebook",
  panel: { titleKey: "themes:panel.codebook", create: (ctx) => new CodebookPanel(ctx) },
};

export const themeFeatures: Feature[] = [themesFeature, codebookFeature];
