// QA findings the analyst has looked at and set aside (issue 17.9). An ignored
// finding is remembered in the project (.dari `qaIgnored`) by its segment's id,
// its rule and a key made of its parameters, so it stays ignored across edits
// that do not change it, and comes back by itself when the finding changes
// (another number, another term): that is a new finding to look at.
import type { QaFinding } from "./qa";

export interface QaIgnored {
  /** The segment's id (stable across edits; a split copies the entry to its second part, a merge moves it). */
  segment: string;
  /** The check's rule, as in the message key without "qa." (termMissing, numberExtra …). */
  rule: string;
  /** What the finding is about, from its parameters ("en=Vostochny Cosmodrome; ko=보스토치니 우주기지"). */
  key: string;
}

/** The rule of a finding, as stored. */
export function ruleOf(f: QaFinding): string {
  return f.key.replace(/^qa\./, "");
}

/** The key of a finding: its parameters in a stable order, readable in the file. */
export function findingKey(f: QaFinding): string {
  return Object.keys(f.params)
    .sort()
    .map((k) => `${k}=${f.params[k]}`)
    .join("; ");
}

export function ignoredEntry(segmentId: string, f: QaFinding): QaIgnored {
  return { segment: segmentId, rule: ruleOf(f), key: findingKey(f) };
}

const idOf = (e: QaIgnored) => `${e.segment}\u0000${e.rule}\u0000${e.key}`;

/** The ignored findings of a project, looked up by segment and finding. */
export class IgnoredFindings {
  private readonly ids: Set<string>;
  /** Segments with at least one ignored finding. */
  readonly segments: Set<string>;
  constructor(readonly list: readonly QaIgnored[] = []) {
    this.ids = new Set(list.map(idOf));
    this.segments = new Set(list.map((e) => e.segment));
  }
  has(segmentId: string, f: QaFinding): boolean {
    return this.segments.has(segmentId) && this.ids.has(idOf(ignoredEntry(segmentId, f)));
  }
}

/** The list with a finding ignored, or shown again when it was ignored. */
export function toggleIgnored(list: readonly QaIgnored[] = [], segmentId: string, f: QaFinding): QaIgnored[] {
  const entry = ignoredEntry(segmentId, f);
  const id = idOf(entry);
  return list.some((e) => idOf(e) === id) ? list.filter((e) => idOf(e) !== id) : [...list, entry];
}

/**
 * After a split (the second part gets a new id): what was ignored in the
 * segment stays ignored in both parts, wherever the finding goes. Null when
 * nothing was ignored there.
 */
export function ignoredAfterSplit(list: readonly QaIgnored[] = [], segmentId: string, newId: string): QaIgnored[] | null {
  const copies = list.filter((e) => e.segment === segmentId).map((e) => ({ ...e, segment: newId }));
  return copies.length ? [...list, ...copies] : null;
}

/** After a merge: what was ignored in the segment merged away is ignored in the one it joined. Null when nothing was. */
export function ignoredAfterMerge(list: readonly QaIgnored[] = [], keptId: string, goneId: string): QaIgnored[] | null {
  if (!list.some((e) => e.segment === goneId)) return null;
  const out = new Map<string, QaIgnored>();
  for (const e of list) {
    const moved = e.segment === goneId ? { ...e, segment: keptId } : e;
    out.set(idOf(moved), moved);
  }
  return [...out.values()];
}

/** The segments whose ignored findings differ between two lists (to redraw their flags). */
export function changedSegments(a: readonly QaIgnored[] = [], b: readonly QaIgnored[] = []): Set<string> {
  const ia = new Set(a.map(idOf));
  const ib = new Set(b.map(idOf));
  const out = new Set<string>();
  for (const e of a) if (!ib.has(idOf(e))) out.add(e.segment);
  for (const e of b) if (!ia.has(idOf(e))) out.add(e.segment);
  return out;
}

/**
 * Three-way merge of two analysts' ignored findings: what either ignored since
 * the base is ignored, what either showed again is shown, the rest stays.
 */
export function mergeIgnored(base: readonly QaIgnored[] = [], ours: readonly QaIgnored[] = [], theirs: readonly QaIgnored[] = []): QaIgnored[] {
  const ib = new Set(base.map(idOf));
  const io = new Set(ours.map(idOf));
  const it = new Set(theirs.map(idOf));
  const out = new Map<string, QaIgnored>();
  for (const e of [...ours, ...theirs]) {
    const id = idOf(e);
    const keep = (io.has(id) && it.has(id)) || !ib.has(id);
    if (keep && !out.has(id)) out.set(id, e);
  }
  return [...out.values()];
}
