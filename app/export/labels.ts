// Labels of the documents meant for reading (html, docx), in the chosen language.
import type { TFunction } from "i18next";
import { createI18n, type UiLanguage } from "../i18n";
import type { Code } from "../themes/codebook";
import { codeLabel } from "../themes/codebook-ops";
import { SEGMENT_STATUSES, type SegmentStatus } from "../schema";

const cache = new Map<UiLanguage, TFunction>();

export function exportT(lang: UiLanguage = "ko"): TFunction {
  let t = cache.get(lang);
  if (!t) cache.set(lang, (t = createI18n(lang).getFixedT(lang, "export")));
  return t;
}

/**
 * A theme's label in both languages, the chosen one first ("우주 협력 · Space
 * cooperation"): the editor's label (codeLabel), then the other language's.
 */
export function bilingualLabel(code: Code, lang: UiLanguage = "ko"): string {
  const first = codeLabel(code, lang);
  const second = code.label[lang === "ko" ? "en" : "ko"];
  return second && second !== first ? `${first} · ${second}` : first;
}

/** A safe #rrggbb colour (codebook colours are validated, but exports never trust). */
export function safeColor(c: string): string {
  return /^#[0-9a-fA-F]{6}$/.test(c) ? c.toLowerCase() : "#888888";
}

/**
 * A label with one number in it, translated once: i18next per row costs more
 * than the rest of a 20,000-segment export.
 */
export function numbered(t: TFunction, key: string, param = "n"): (n: number) => string {
  const MARK = "\u0000#\u0000";
  const [before, after = ""] = String(t(key, { [param]: MARK })).split(MARK);
  return (n) => `${before}${n}${after}`;
}

/** The status labels, translated once. */
export function statusLabels(t: TFunction): Record<SegmentStatus, string> {
  return Object.fromEntries(SEGMENT_STATUSES.map((s) => [s, String(t(`status.${s}`))])) as Record<SegmentStatus, string>;
}
