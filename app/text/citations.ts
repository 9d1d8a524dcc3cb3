// Author–year citations in brackets, in Korean and English text: (TASS 2023a),
// (Kim 2019, p. 3), (Kim et al., 2019: 45), (장철운 2023), (김철수 외 2019),
// 김철수(2019), Kim (2019, pp. 3–5), (TASS 2023a; BBC 2023). One definition
// for the QA check (a citation on one side only) and the aligner (a cited year
// both sides share), so that the two agree on what a citation is.
//
// A year in running prose is not a citation, in brackets or not: 2019년의
// 방문, (1990년 이후), (since 1990), (1990–2000). A citation's brackets hold
// only references: an optional author (a capitalised or Hangul name), one or
// more years, an optional page.

export interface Citation {
  /** The bracketed text, brackets included. */
  text: string;
  /** Offsets in the text (UTF-16), end exclusive. */
  start: number;
  end: number;
  /** The years cited, with their letters (2023a), in order. */
  years: string[];
}

const YEAR = String.raw`(?:1[5-9]|20)\d\d[a-z]?(?![\p{L}\p{N}])`;
/** "see Kim 2019", "e.g. Kim 2019". */
const LEAD = String.raw`(?:(?:see also|see|e\.g\.,?|cf\.|i\.e\.,?)\s+)?`;
/** Surname particles written in lower case: van der Berg, de la Cruz. */
const PARTICLES = String.raw`(?:(?:van|von|de|der|den|del|della|la|le|du|da|di|al|el|bin|ibn)\s+)*`;
/** Names, "et al.", "and", "&", "외", separators (, · ㆍ /); no digits, no brackets. */
const AUTHOR = String.raw`[\p{Lu}\p{Script=Hangul}][\p{L}\p{M}.'’&·ㆍ/\-\s,]*?`;
const PAGE = String.raw`(?:\s*[,:]\s*|\s+)(?:(?:pp?\.|쪽|면)\s*)?\d+(?:\s*[-–—]\s*\d+)?(?:\s*(?:쪽|면|페이지))?`;
/** A news source's dated reference: (Yonhap, September 13, 2023), (Yonhap 13 Sept. 2023). */
const MONTH = String.raw`(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?`;
const DATE_BEFORE = String.raw`(?:${MONTH}\s+\d{1,2},?\s+|\d{1,2}\s+${MONTH},?\s+)`;
/** …or with the day after the year: (연합뉴스 2023.9.13), (Yonhap 2023-09-13), (연합뉴스 2023년 9월 13일). */
const DATE_AFTER = String.raw`(?:[./-]\s?\d{1,2}(?:[./-]\s?\d{1,2})?\.?|년(?:\s*\d{1,2}월(?:\s*\d{1,2}일)?)?)`;
const REFERENCE = new RegExp(
  String.raw`^\s*${LEAD}(?:(${PARTICLES}${AUTHOR})[\s,]+)?(${DATE_BEFORE})?((?:1[5-9]|20)\d\d[a-z]?)(${DATE_AFTER})?(?![\p{L}\p{N}])((?:\s*,\s*${YEAR})*)(?:${PAGE})?\s*$`,
  "u",
);
const YEARS = /(?:1[5-9]|20)\d\d[a-z]?/g;
/** Words that make "(In 2019)" or "(Since 1990)" prose rather than an author. */
const NOT_AUTHORS = new Set(["in", "since", "from", "after", "before", "until", "till", "by", "around", "about", "as", "circa", "ca.", "c.", "born", "died", "founded", "established", "est."]);

/**
 * The years cited by the inside of a pair of brackets ("Kim 2019, p. 3"),
 * or null when it is not a citation.
 */
export function citedYears(inner: string): string[] | null {
  const years: string[] = [];
  for (const part of inner.split(";")) {
    const m = REFERENCE.exec(part);
    if (!m) return null;
    const author = m[1]?.trim();
    if (author && NOT_AUTHORS.has(author.split(/\s+/)[0].toLowerCase())) return null;
    // A date with no source is prose: (1990년), (September 13, 2023).
    if (!author && (m[2] || m[4])) return null;
    years.push(m[3], ...(m[5].match(YEARS) ?? []));
  }
  return years;
}

/**
 * The text with its citations blanked out: spaces of the same length, so
 * offsets stay and nothing joins across the gap. Numbers read from it are
 * the prose's own (QA and the aligner count a cited year as a citation only).
 */
export function withoutCitations(text: string, citations: readonly Citation[] = findCitations(text)): string {
  let out = text;
  for (const c of citations) out = out.slice(0, c.start) + " ".repeat(c.end - c.start) + out.slice(c.end);
  return out;
}

/** The citations of a text, in order. */
export function findCitations(text: string): Citation[] {
  const out: Citation[] = [];
  for (const m of text.matchAll(/\(([^()]*)\)/g)) {
    const years = citedYears(m[1]);
    if (years) out.push({ text: m[0], start: m.index, end: m.index + m[0].length, years });
  }
  return out;
}
