// The memory shows each translation once (issue 17 req. 8): the same Korean
// with the same English, whether it comes from the open project, another
// project or an imported TMX (or from several segments of one of them), is one
// match that lists where it was found. Texts are compared after NFC and with
// runs of white space as one space, trimmed: a TMX that wrapped a line or
// doubled a space holds the same translation.
import type { ConcordanceHit, TmMatch, TmUnit } from "./tm";

/** A match with every source that holds the same pair; "" is the open project. */
export interface MergedMatch extends TmMatch {
  origins: string[];
}

export interface MergedHit extends ConcordanceHit {
  origins: string[];
}

const norm = (s: string) => s.normalize("NFC").replace(/\s+/g, " ").trim();

/** The key under which two units are the same translation. */
export function unitKey(unit: Pick<TmUnit, "ko" | "en">): string {
  return `${norm(unit.ko)}\u0000${norm(unit.en)}`;
}

function mergeBy<T extends { unit: TmUnit }>(items: readonly T[], limit: number): (T & { origins: string[] })[] {
  const byKey = new Map<string, T & { origins: string[] }>();
  for (const item of items) {
    const key = unitKey(item.unit);
    const known = byKey.get(key);
    if (!known) {
      if (byKey.size < limit) byKey.set(key, { ...item, origins: [item.unit.origin] });
      continue;
    }
    if (!known.origins.includes(item.unit.origin)) known.origins.push(item.unit.origin);
  }
  return [...byKey.values()];
}

/**
 * Matches from several memories as the analyst reads them: best first (the
 * open project first among equals), each pair once with its sources in that
 * order, at most `limit`. The diff and score are the best-placed unit's.
 */
export function mergeMatches(matches: readonly TmMatch[], limit: number): MergedMatch[] {
  const order = matches.map((m, i) => ({ m, i }));
  order.sort((a, b) => b.m.score - a.m.score || Number(b.m.unit.origin === "") - Number(a.m.unit.origin === "") || a.i - b.i);
  return mergeBy(
    order.map((o) => o.m),
    limit,
  );
}

/** Concordance lines, each pair once with its sources, in the order found. */
export function mergeConcordance(hits: readonly ConcordanceHit[], limit: number): MergedHit[] {
  return mergeBy(hits, limit);
}
