// i18next set-up shared by main, renderer and the CLI. Resources are bundled
// (the app is offline), one JSON file per namespace and language under
// resources/locales/{ko,en}/. Each feature owns its namespace.
import i18next, { type i18n, type TFunction } from "i18next";
import { particleFor } from "./text/josa";
import koCommon from "../resources/locales/ko/common.json";
import enCommon from "../resources/locales/en/common.json";
import koMenu from "../resources/locales/ko/menu.json";
import enMenu from "../resources/locales/en/menu.json";
import koErrors from "../resources/locales/ko/errors.json";
import enErrors from "../resources/locales/en/errors.json";
import koAlign from "../resources/locales/ko/align.json";
import enAlign from "../resources/locales/en/align.json";
import koImport from "../resources/locales/ko/import.json";
import enImport from "../resources/locales/en/import.json";
import koThemes from "../resources/locales/ko/themes.json";
import enThemes from "../resources/locales/en/themes.json";
import koTranslate from "../resources/locales/ko/translate.json";
import enTranslate from "../resources/locales/en/translate.json";
import koExport from "../resources/locales/ko/export.json";
import enExport from "../resources/locales/en/export.json";
import koLibrary from "../resources/locales/ko/library.json";
import enLibrary from "../resources/locales/en/library.json";
import koUi from "../resources/locales/ko/ui.json";
import enUi from "../resources/locales/en/ui.json";

export const UI_LANGUAGES = ["ko", "en"] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];
export const NAMESPACES = ["common", "menu", "errors", "align", "import", "themes", "translate", "export", "library", "ui"] as const;

export const resources = {
  ko: { common: koCommon, menu: koMenu, errors: koErrors, align: koAlign, import: koImport, themes: koThemes, translate: koTranslate, export: koExport, library: koLibrary, ui: koUi },
  en: { common: enCommon, menu: enMenu, errors: enErrors, align: enAlign, import: enImport, themes: enThemes, translate: enTranslate, export: enExport, library: enLibrary, ui: enUi },
} as const;

/** The UI language for an OS locale such as "ko-KR" or "en_US.UTF-8". */
export function languageForLocale(locale: string | undefined | null): UiLanguage {
  return locale && /^ko\b|^ko[-_]/i.test(locale) ? "ko" : "en";
}

export function isUiLanguage(v: unknown): v is UiLanguage {
  return v === "ko" || v === "en";
}

/** A fresh, synchronously initialised i18next instance. */
export function createI18n(lng: UiLanguage): i18n {
  const inst = i18next.createInstance();
  inst.init({
    lng,
    fallbackLng: false,
    ns: [...NAMESPACES],
    defaultNS: "common",
    resources: resources as unknown as Record<string, Record<string, Record<string, unknown>>>,
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
    showSupportNotice: false,
  });
  // "{{ko}}{{ko, josa(p: 은/는)}}": the particle that fits the word (es-hangul),
  // in place of "은(는)" (issue 17.9). The word is written by its own placeholder,
  // so quotes can sit between the word and its particle (“우주기지”는).
  // Numbers and English words are read as spoken (app/text/josa.ts).
  inst.services.formatter?.add("josa", (value, _lng, options: { p?: string }) => (options.p && value != null && String(value) ? particleFor(String(value), options.p) : ""));
  return inst;
}

let english: i18n | null = null;
/** English text for a key, for messages that must exist before any UI (errors, CLI). */
export function tEnglish(key: string, params?: Record<string, unknown>): string {
  english ??= createI18n("en");
  return english.t(key, params ?? {}) as string;
}

export type { TFunction };
