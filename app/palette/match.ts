// Finding a command by what the analyst types in the palette. A command is
// found by its name in the UI language or in the other one, by words in any
// order, and in Korean by its initial consonants too (ㅈㄹ finds 정렬), as
// Korean IDEs and launchers do. Recently used commands come first.
import { getChoseong } from "es-hangul";

export interface PaletteCandidate {
  id: string;
  /** The name in the UI language (shown). */
  label: string;
  /** The name in the other UI language (matched too). */
  otherLabel: string;
}

const JAMO_ONLY = /^[\u3131-\u314e\s]+$/;

function normalize(s: string): string {
  return s.normalize("NFC").toLowerCase().replace(/[…"“”'‘’()]/g, "").trim();
}

/** How well `query` finds a name: 0 = not at all, higher = better. */
export function matchScore(query: string, name: string): number {
  const q = normalize(query);
  if (!q) return 1;
  const n = normalize(name);
  if (n.startsWith(q)) return 4;
  if (n.includes(q)) return 3;
  const words = q.split(/\s+/).filter(Boolean);
  if (words.length > 1 && words.every((w) => n.includes(w))) return 2;
  // Initial consonants: ㅈㄹ against the choseong of 정렬 (spaces dropped on both sides).
  if (JAMO_ONLY.test(q)) {
    const initials = getChoseong(n).replace(/\s+/g, "");
    if (initials.includes(q.replace(/\s+/g, ""))) return 2;
  }
  return 0;
}

/**
 * The candidates that match, best first; among equals the recently used
 * first (most recent first), then in their given order.
 */
export function rankCommands<T extends PaletteCandidate>(query: string, candidates: readonly T[], recent: readonly string[]): T[] {
  const scored = candidates
    .map((c, i) => ({ c, i, score: Math.max(matchScore(query, c.label), matchScore(query, c.otherLabel) - 0.5) }))
    .filter((s) => s.score > 0);
  const recency = (id: string) => {
    const r = recent.indexOf(id);
    return r < 0 ? Number.MAX_SAFE_INTEGER : r;
  };
  scored.sort((a, b) => {
    // With an empty query, recency is everything; with one, the match decides first.
    if (normalize(query) && Math.ceil(b.score) !== Math.ceil(a.score)) return Math.ceil(b.score) - Math.ceil(a.score);
    return recency(a.c.id) - recency(b.c.id) || a.i - b.i;
  });
  return scored.map((s) => s.c);
}

/** The recently used list after `id` ran: first, no duplicates, at most `max`. */
export function withRecent(recent: readonly string[], id: string, max = 8): string[] {
  return [id, ...recent.filter((r) => r !== id)].slice(0, max);
}
