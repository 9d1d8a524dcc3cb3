// Which of an interchange file's languages become the bitext's two sides.
// Korean is always the ko side and English the en side, whichever was the
// source; regional codes (ko-KR, en-US, en-GB) count as their language and the
// code used most is kept exactly, for export. A file without Korean or without
// English is refused naming what it holds; the other languages of a
// multilingual memory are left out with one warning that says which.
import { DariError, type ErrorParams } from "../errors";

/** Something the analyst should know about an import that still succeeded. */
export interface ImportWarning {
  key: string;
  params: ErrorParams;
}

export interface LanguagePair {
  /** The Korean and English codes as the file writes them. */
  ko: string;
  en: string;
  /** Source and target codes, for the project's metadata (en → ko when the file's source is English). */
  srcLang: string;
  tgtLang: string;
}

export const primaryOf = (code: string): string => code.split(/[-_]/)[0].toLowerCase();

/** Counts language variants (one per tuv, source or target) by their code as written. */
export class LanguageCount {
  private readonly counts = new Map<string, { code: string; n: number }>();
  add(code: string): void {
    if (!code) return;
    const key = code.toLowerCase();
    const c = this.counts.get(key);
    if (c) c.n++;
    else this.counts.set(key, { code, n: 1 });
  }
  /** Codes with their counts, most used first. */
  list(): { code: string; n: number }[] {
    return [...this.counts.values()].sort((a, b) => b.n - a.n);
  }
}

/**
 * The pair to import. `source` is the file's declared source language (TMX
 * srclang, XLIFF srcLang/source-language); "*all*" or none reads as Korean.
 * Pushes a warning naming the languages left out, and throws when Korean or
 * English is missing.
 */
export function pickLanguages(file: string, count: LanguageCount, source: string, warnings?: ImportWarning[]): LanguagePair {
  const all = count.list();
  const best = (lang: string) => all.find((c) => primaryOf(c.code) === lang)?.code;
  const ko = best("ko");
  const en = best("en");
  if (!ko || !en) {
    const present = all.map((c) => c.code).join(", ") || source || "—";
    throw new DariError("export:interchange.missingLanguages", { file, langs: present, missing: !ko && !en ? "Korean and English" : !ko ? "Korean" : "English" });
  }
  const left = all.filter((c) => c.code !== ko && c.code !== en);
  if (left.length && warnings) {
    warnings.push({
      key: "export:interchange.leftOut",
      params: { file, ko, en, langs: left.map((c) => c.code).join(", "), variants: left.reduce((n, c) => n + c.n, 0) },
    });
  }
  const enFirst = primaryOf(source) === "en";
  return { ko, en, srcLang: enFirst ? en : ko, tgtLang: enFirst ? ko : en };
}

/** Among an element's variants, the one in the chosen code, else another of the same language. */
export function variantFor<T>(variants: T[], langOf: (v: T) => string, code: string): T | undefined {
  const lower = code.toLowerCase();
  return variants.find((v) => langOf(v).toLowerCase() === lower) ?? variants.find((v) => primaryOf(langOf(v)) === primaryOf(code));
}
