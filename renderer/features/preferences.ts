// The Preferences dialog (issue 15 req. 6): colour theme (following the OS
// or chosen), text size and line spacing, the Korean and English fonts, how
// tags are drawn, coding stripes, suggestions, spelling. Every change applies
// at once and is kept by main in settings.json.
import "./preferences.css";
import crelt from "crelt";
import type { TFunction } from "i18next";
import { FONT_SIZE, LINE_HEIGHT, KO_FONTS, EN_FONTS, isFontName, type DisplayPrefs } from "../../app/display-prefs";
import { installedFonts, fontInstalled } from "../font-detect";
import { trapTab } from "../dialog";
import { display, isDark } from "../display";

matchMedia("(prefers-color-scheme: dark)").addEventListener("change", () => applyDisplay(display()));

/** Puts the preferences on the page: theme attribute, sizes and fonts as CSS variables, tag style as a class. */
export function applyDisplay(p: DisplayPrefs): void {
  const root = document.documentElement;
  // data-theme is the theme in force; with "system" it follows the OS as it changes.
  root.setAttribute("data-theme", isDark() ? "dark" : "light");
  root.dataset.themeChoice = p.theme;
  root.style.setProperty("--editor-size", `${p.fontSize}px`);
  root.style.setProperty("--editor-line", String(p.lineHeight));
  // Quoted: the names were checked to be names (app/display-prefs.ts).
  if (p.koFont) root.style.setProperty("--ko-font", `"${p.koFont}", "Noto Sans CJK KR", sans-serif`);
  else root.style.removeProperty("--ko-font");
  if (p.enFont) root.style.setProperty("--en-font", `"${p.enFont}", "Noto Sans", sans-serif`);
  else root.style.removeProperty("--en-font");
  root.classList.toggle("dari-tags-highlight", p.tagStyle === "highlight");
  root.classList.toggle("dari-no-stripes", !p.stripes);
}

let counter = 0;

export function openPreferences(t: TFunction, prefs: DisplayPrefs, change: (patch: Partial<DisplayPrefs>) => void): Promise<void> {
  const previous = document.activeElement as HTMLElement | null;
  const id = (name: string) => `dari-pref-${name}-${counter}`;
  counter++;
  const field = (name: string, label: string, control: HTMLElement) => crelt("div", { class: "dari-pref-row" }, crelt("label", { for: id(name) }, label), control);
  const select = (name: keyof DisplayPrefs, options: [string, string][]) => {
    const el = crelt("select", { id: id(name), "data-pref": name }, options.map(([v, label]) => crelt("option", { value: v }, label))) as HTMLSelectElement;
    el.value = String(prefs[name]);
    el.addEventListener("change", () => change({ [name]: el.value } as Partial<DisplayPrefs>));
    return el;
  };
  const number = (name: "fontSize" | "lineHeight", r: { min: number; max: number; step: number }) => {
    const el = crelt("input", { id: id(name), type: "number", min: String(r.min), max: String(r.max), step: String(r.step), "data-pref": name }) as HTMLInputElement;
    el.value = String(prefs[name]);
    el.addEventListener("change", () => {
      const v = Number(el.value);
      if (Number.isFinite(v) && v >= r.min && v <= r.max) change({ [name]: v });
    });
    return el;
  };
  const check = (name: "suggestions" | "stripes" | "spelling", label: string) => {
    const el = crelt("input", { id: id(name), type: "checkbox", "data-pref": name }) as HTMLInputElement;
    el.checked = prefs[name];
    el.addEventListener("change", () => change({ [name]: el.checked }));
    return crelt("div", { class: "dari-pref-row dari-pref-check" }, el, crelt("label", { for: id(name) }, label));
  };
  // The well-known families found on this machine, the one in use, and a field for any other.
  const fontChoice = (name: "koFont" | "enFont", label: string, otherLabel: string, candidates: readonly string[]) => {
    const offered = installedFonts(candidates);
    if (prefs[name] && !offered.includes(prefs[name])) offered.push(prefs[name]);
    const el = crelt("select", { id: id(name), "data-pref": name }, [crelt("option", { value: "" }, t("ui:prefs.fontDefault")), ...offered.map((f) => crelt("option", { value: f }, f))]) as HTMLSelectElement;
    el.value = prefs[name];
    const other = crelt("input", { id: id(`${name}-other`), type: "text", "data-pref-other": name, placeholder: t("ui:prefs.fontOtherPlaceholder"), spellcheck: "false", autocomplete: "off" }) as HTMLInputElement;
    const note = crelt("span", { class: "dari-pref-note", role: "status" });
    el.addEventListener("change", () => {
      other.value = "";
      note.textContent = "";
      change({ [name]: el.value });
    });
    other.addEventListener("change", () => {
      const family = other.value.trim();
      if (!isFontName(family)) return void (note.textContent = t("ui:prefs.fontBadName"));
      if (!family) return;
      if (![...el.options].some((o) => o.value === family)) el.appendChild(crelt("option", { value: family }, family));
      el.value = family;
      note.textContent = fontInstalled(family) ? "" : t("ui:prefs.fontNotFound", { font: family });
      change({ [name]: family });
    });
    return [field(name, label, el), crelt("div", { class: "dari-pref-row" }, crelt("label", { for: other.id }, otherLabel), other, note)];
  };
  const titleId = id("title");
  const closeButton = crelt("button", { type: "button", class: "primary", "data-action": "prefs-close" }, t("ui:prefs.close")) as HTMLButtonElement;
  const dialog = crelt(
    "div",
    { class: "dari-dialog dari-preferences", role: "dialog", "aria-modal": "true", "aria-labelledby": titleId },
    crelt("h2", { id: titleId }, t("ui:prefs.title")),
    crelt(
      "fieldset",
      crelt("legend", t("ui:prefs.appearance")),
      field("theme", t("ui:prefs.theme"), select("theme", [["system", t("ui:prefs.themeSystem")], ["light", t("ui:prefs.themeLight")], ["dark", t("ui:prefs.themeDark")]])),
      field("fontSize", t("ui:prefs.fontSize"), number("fontSize", FONT_SIZE)),
      field("lineHeight", t("ui:prefs.lineHeight"), number("lineHeight", LINE_HEIGHT)),
      ...fontChoice("koFont", t("ui:prefs.koFont"), t("ui:prefs.koFontOther"), KO_FONTS),
      ...fontChoice("enFont", t("ui:prefs.enFont"), t("ui:prefs.enFontOther"), EN_FONTS),
    ),
    crelt(
      "fieldset",
      crelt("legend", t("ui:prefs.tags")),
      field("tagStyle", t("ui:prefs.tagStyle"), select("tagStyle", [["underline", t("ui:prefs.tagUnderline")], ["highlight", t("ui:prefs.tagHighlight")]])),
      check("stripes", t("ui:prefs.stripes")),
      check("suggestions", t("ui:prefs.suggestions")),
    ),
    crelt(
      "fieldset",
      crelt("legend", t("ui:prefs.checking")),
      check("spelling", t("ui:prefs.spelling")),
      field(
        "spellingVariant",
        t("ui:prefs.spellingVariant"),
        select("spellingVariant", [["en-US", t("ui:prefs.spellingUS")], ["en-GB", t("ui:prefs.spellingGB")], ["en-GB-oxendict", t("ui:prefs.spellingOxford")]]),
      ),
    ),
    crelt("div", { class: "dari-dialog-buttons" }, closeButton),
  );
  const backdrop = crelt("div", { class: "dari-dialog-backdrop" }, dialog);
  return new Promise((resolve) => {
    const close = () => {
      backdrop.remove();
      previous?.focus();
      resolve();
    };
    closeButton.addEventListener("click", close);
    backdrop.addEventListener("keydown", (e) => {
      if (e.key === "Escape") {
        e.preventDefault();
        close();
      } else trapTab(dialog, e);
    });
    document.body.appendChild(backdrop);
    dialog.querySelector<HTMLElement>("select, input")?.focus();
  });
}
