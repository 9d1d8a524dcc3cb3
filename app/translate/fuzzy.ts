// Fuzzy-match percentage and differences between two sentences.
//
// The formula (shown to users as the match %):
//
//   match % = floor(100 × (1 − d / max(|a|, |b|)))
//
// where d is the Levenshtein distance (insertions, deletions, substitutions,
// each costing 1) between the two sentences as sequences of units:
//   - Korean: characters (Hangul syllables, letters, digits, punctuation),
//     with all white space removed, because Korean spacing varies between
//     writers (6자 회담 / 6자회담) without changing the sentence;
//   - English: tokens — words (letters and digits, lower-cased) and single
//     punctuation marks; white space only separates tokens.
// Both texts are NFC-normalised first. Identical sentences score 100; a
// sentence against an empty one scores 0.

export type FuzzyLang = "ko" | "en";

/** The units the formula counts, for one language. */
export function units(text: string, lang: FuzzyLang): string[] {
  const t = text.normalize("NFC");
  if (lang === "ko") return Array.from(t.replace(/\s+/g, ""));
  return t.toLowerCase().match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?|[^\s\p{L}\p{N}]/gu) ?? [];
}

/**
 * Levenshtein distance between two unit sequences; stops early and returns
 * `limit + 1` once the distance must exceed `limit`.
 */
export function editDistance(a: readonly string[], b: readonly string[], limit = Infinity): number {
  if (a.length < b.length) [a, b] = [b, a];
  const n = a.length;
  const m = b.length;
  if (n - m > limit) return limit + 1;
  if (m === 0) return n;
  let prev = new Int32Array(m + 1);
  let cur = new Int32Array(m + 1);
  for (let j = 0; j <= m; j++) prev[j] = j;
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    let rowMin = i;
    const ai = a[i - 1];
    for (let j = 1; j <= m; j++) {
      const sub = prev[j - 1] + (ai === b[j - 1] ? 0 : 1);
      const del = prev[j] + 1;
      const ins = cur[j - 1] + 1;
      const v = sub < del ? (sub < ins ? sub : ins) : del < ins ? del : ins;
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > limit) return limit + 1;
    [prev, cur] = [cur, prev];
  }
  return prev[m];
}

/** Score of two unit sequences; below `min` may be returned as any value below `min`. */
export function scoreUnits(a: readonly string[], b: readonly string[], min = 0): number {
  const len = Math.max(a.length, b.length);
  if (len === 0) return 100;
  // d must stay ≤ len × (1 − min/100) for the score to reach min.
  const limit = Math.floor(len * (1 - min / 100)) + 1;
  const d = editDistance(a, b, limit);
  return Math.max(0, Math.floor(100 * (1 - d / len) + 1e-9));
}

/** The fuzzy-match percentage of two sentences (see the formula above). */
export function fuzzyScore(a: string, b: string, lang: FuzzyLang): number {
  return scoreUnits(units(a, lang), units(b, lang));
}

export interface DiffPart {
  /** equal: in both; delete: only in the first text; insert: only in the second. */
  op: "equal" | "delete" | "insert";
  text: string;
}

/**
 * The differences between two sentences, for highlighting a match against the
 * current segment: Korean by character, English by word (spaces kept with the
 * words so the parts join back to the texts).
 */
export function diffTexts(a: string, b: string, lang: FuzzyLang): DiffPart[] {
  const split = (t: string) => (lang === "ko" ? Array.from(t) : (t.match(/\s+|[\p{L}\p{N}]+|[^\s\p{L}\p{N}]/gu) ?? []));
  const A = split(a.normalize("NFC"));
  const B = split(b.normalize("NFC"));
  // Common prefix and suffix first: most matches differ in a few places.
  let pre = 0;
  while (pre < A.length && pre < B.length && A[pre] === B[pre]) pre++;
  let suf = 0;
  while (suf < A.length - pre && suf < B.length - pre && A[A.length - 1 - suf] === B[B.length - 1 - suf]) suf++;
  const a1 = A.slice(pre, A.length - suf);
  const b1 = B.slice(pre, B.length - suf);
  const n = a1.length;
  const m = b1.length;
  // LCS table over the middle part.
  const w = m + 1;
  const lcs = new Int32Array((n + 1) * w);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * w + j] = a1[i] === b1[j] ? lcs[(i + 1) * w + j + 1] + 1 : Math.max(lcs[(i + 1) * w + j], lcs[i * w + j + 1]);
    }
  }
  const parts: DiffPart[] = [];
  const push = (op: DiffPart["op"], text: string) => {
    if (!text) return;
    const last = parts[parts.length - 1];
    if (last && last.op === op) last.text += text;
    else parts.push({ op, text });
  };
  push("equal", A.slice(0, pre).join(""));
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a1[i] === b1[j]) {
      push("equal", a1[i]);
      i++;
      j++;
    } else if (lcs[(i + 1) * w + j] >= lcs[i * w + j + 1]) push("delete", a1[i++]);
    else push("insert", b1[j++]);
  }
  while (i < n) push("delete", a1[i++]);
  while (j < m) push("insert", b1[j++]);
  push("equal", A.slice(A.length - suf).join(""));
  return parts;
}
