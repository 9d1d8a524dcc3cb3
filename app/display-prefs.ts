// How the window shows the text (issue 15 req. 6 and 7): colour theme, text
// size and spacing, fonts, how tags are drawn, suggestions and spelling.
// Main keeps them in settings.json (main/settings.ts) beside the language
// and layout; anything it cannot understand falls back to the default.

export interface DisplayPrefs {
  /** "system" follows the OS (prefers-color-scheme). */
  theme: "system" | "light" | "dark";
  /** Editor text size in CSS pixels. */
  fontSize: number;
  lineHeight: number;
  /** A font family name, "" for the default. */
  koFont: string;
  enFont: string;
  tagStyle: "underline" | "highlight";
  stripes: boolean;
  /** Keyword suggestions: off until the analyst asks for them. */
  suggestions: boolean;
  spelling: boolean;
  /** Whose English spelling the checker knows (BCP 47): American, British (-ise), or British with Oxford -ize. */
  spellingVariant: SpellingVariant;
}

export const SPELLING_VARIANTS = ["en-US", "en-GB", "en-GB-oxendict"] as const;
export type SpellingVariant = (typeof SPELLING_VARIANTS)[number];

export const DEFAULT_DISPLAY: Readonly<DisplayPrefs> = Object.freeze({
  theme: "system",
  fontSize: 15,
  lineHeight: 1.9,
  koFont: "",
  enFont: "",
  tagStyle: "underline",
  stripes: true,
  suggestions: false,
  spelling: true,
  spellingVariant: "en-US",
});

export const FONT_SIZE = { min: 10, max: 32, step: 1 };
export const LINE_HEIGHT = { min: 1.2, max: 3, step: 0.1 };

/**
 * Well-known font families of Windows, macOS and Linux, offered beside the
 * default when they are found on the machine (renderer/font-detect.ts; the
 * browser has no list of installed fonts that works offline without asking
 * for permission). Free and Linux families come before the Windows and macOS
 * ones that Linux answers with a look-alike (Arial is drawn with Liberation
 * Sans): the first of two that look the same is offered.
 */
export const KO_FONTS = [
  "Noto Sans CJK KR", "Noto Serif CJK KR", "Noto Sans KR", "Noto Serif KR", "Source Han Sans KR", "Source Han Serif KR",
  "NanumGothic", "NanumMyeongjo", "NanumBarunGothic", "NanumSquare", "Nanum Gothic", "Nanum Myeongjo", "Pretendard", "Spoqa Han Sans Neo",
  "UnDotum", "UnBatang", "Baekmuk Gulim", "Baekmuk Batang",
  "Malgun Gothic", "Batang", "Gulim", "Dotum", "Gungsuh",
  "Apple SD Gothic Neo", "AppleMyungjo", "AppleGothic",
];
export const EN_FONTS = [
  "Noto Sans", "Noto Serif", "Source Sans 3", "Source Serif 4", "Open Sans", "Roboto", "Lato",
  "DejaVu Sans", "DejaVu Serif", "Liberation Sans", "Liberation Serif", "Ubuntu", "Cantarell",
  "Segoe UI", "Calibri", "Cambria", "Georgia", "Times New Roman", "Arial", "Verdana", "Tahoma", "Palatino Linotype", "Garamond",
  "Helvetica Neue", "Helvetica", "Charter", "Iowan Old Style", "Baskerville",
];

/** Hangul, Latin letters of different widths, digits: a family measures differently from a generic somewhere here (renderer/font-detect.ts). */
export const FONT_PROBE_TEXT = "가나다 한국어 번역 abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ ilWM 0123456789 .,;—";

/** Whether a font family name can be kept and put into CSS: letters, digits, spaces and a few marks only. */
export function isFontName(name: string): boolean {
  return /^[\p{L}\p{N} ._-]{0,60}$/u.test(name);
}

const clamp = (v: number, r: { min: number; max: number }) => Math.min(r.max, Math.max(r.min, v));

/** Display preferences from untrusted data: valid fields kept, the rest from `base`. */
export function sanitizeDisplay(raw: unknown, base: DisplayPrefs = { ...DEFAULT_DISPLAY }): DisplayPrefs {
  const out = { ...base };
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) return out;
  const r = raw as Record<string, unknown>;
  if (r.theme === "system" || r.theme === "light" || r.theme === "dark") out.theme = r.theme;
  if (typeof r.fontSize === "number" && Number.isFinite(r.fontSize)) out.fontSize = Math.round(clamp(r.fontSize, FONT_SIZE));
  if (typeof r.lineHeight === "number" && Number.isFinite(r.lineHeight)) out.lineHeight = Math.round(clamp(r.lineHeight, LINE_HEIGHT) * 10) / 10;
  // A font name goes into CSS.
  for (const k of ["koFont", "enFont"] as const) if (typeof r[k] === "string" && isFontName(r[k] as string)) out[k] = (r[k] as string).trim();
  if (r.tagStyle === "underline" || r.tagStyle === "highlight") out.tagStyle = r.tagStyle;
  for (const k of ["stripes", "suggestions", "spelling"] as const) if (typeof r[k] === "boolean") out[k] = r[k] as boolean;
  if ((SPELLING_VARIANTS as readonly unknown[]).includes(r.spellingVariant)) out.spellingVariant = r.spellingVariant as SpellingVariant;
  return out;
}

/** The text size one step larger or smaller (Ctrl+= / Ctrl+-), or the default (Ctrl+0). */
export function zoomed(size: number, step: 1 | -1 | 0): number {
  return step === 0 ? DEFAULT_DISPLAY.fontSize : clamp(size + step * 2 * FONT_SIZE.step, FONT_SIZE);
}
