// One side of a segment (the JSON of a ko or en node) as plain data that a
// merge can compare and combine: its text, the inline atoms in it, and its
// theme tags as ranges. Inline nodes other than text (inline codes) count as
// one position, as ProseMirror counts them, and are carried unchanged.

/** The ProseMirror JSON of a ko or en node. */
export interface SideJSON {
  type: string;
  content?: InlineJSON[];
}

interface MarkJSON {
  type: string;
  attrs?: Record<string, unknown>;
}

export interface InlineJSON {
  type: string;
  text?: string;
  marks?: MarkJSON[];
  attrs?: Record<string, unknown>;
}

/** A theme tag's range on one side, in positions of `SideContent.text`. */
export interface TagRange {
  from: number;
  to: number;
  note: string;
}

export interface SideContent {
  /** The side's text; every inline atom stands as U+FFFC. */
  text: string;
  /** The inline atoms in order, without their marks. */
  atoms: InlineJSON[];
  /** Theme tags keyed by `tagKey(id, code)`, each with its ranges in order. */
  tags: Map<string, TagRange[]>;
}

export const ATOM = "\uFFFC";

/** One key per tag: a tag is its id and its theme together. */
export function tagKey(id: string, code: string): string {
  return `${id}\u0000${code}`;
}

export function splitTagKey(key: string): { id: string; code: string } {
  const i = key.indexOf("\u0000");
  return { id: key.slice(0, i), code: key.slice(i + 1) };
}

interface ThemeAttrs {
  code: string;
  id: string;
  note: string;
}

function themeAttrs(m: MarkJSON): ThemeAttrs | null {
  if (m.type !== "theme" || !m.attrs) return null;
  return { code: String(m.attrs.code ?? ""), id: String(m.attrs.id ?? ""), note: String(m.attrs.note ?? "") };
}

export function readSide(side: SideJSON | undefined): SideContent {
  let text = "";
  const atoms: InlineJSON[] = [];
  const tags = new Map<string, TagRange[]>();
  for (const node of side?.content ?? []) {
    const from = text.length;
    if (node.type === "text") text += node.text ?? "";
    else {
      const { marks: _marks, ...bare } = node;
      atoms.push(bare);
      text += ATOM;
    }
    for (const m of node.marks ?? []) {
      const a = themeAttrs(m);
      if (!a) continue;
      const key = tagKey(a.id, a.code);
      const ranges = tags.get(key) ?? [];
      const last = ranges[ranges.length - 1];
      // Touching nodes with the same tag are one range (as app/themes/annotations reads them).
      if (last && last.to === from) last.to = text.length;
      else ranges.push({ from, to: text.length, note: a.note });
      tags.set(key, ranges);
    }
  }
  return { text, atoms, tags };
}

/** The JSON of a side from its text, atoms and tags; tags outside the text are clipped or dropped. */
export function writeSide(type: string, side: SideContent): SideJSON {
  const len = side.text.length;
  const cuts = new Set<number>([0, len]);
  const ranges: { key: string; r: TagRange }[] = [];
  for (const [key, rs] of side.tags) {
    for (const r of rs) {
      const from = Math.max(0, Math.min(r.from, len));
      const to = Math.max(0, Math.min(r.to, len));
      if (from >= to) continue;
      ranges.push({ key, r: { from, to, note: r.note } });
      cuts.add(from).add(to);
    }
  }
  for (let i = 0; i < len; i++) if (side.text[i] === ATOM) cuts.add(i).add(i + 1);
  const points = [...cuts].sort((a, b) => a - b);
  const content: InlineJSON[] = [];
  let atomIndex = 0;
  for (let i = 0; i + 1 < points.length; i++) {
    const [from, to] = [points[i], points[i + 1]];
    const marks: MarkJSON[] = ranges
      .filter(({ r }) => r.from <= from && r.to >= to)
      .map(({ key, r }) => ({ type: "theme", attrs: { ...splitTagKey(key), note: r.note } }))
      .map((m) => ({ type: m.type, attrs: { code: m.attrs.code, id: m.attrs.id, note: m.attrs.note } }));
    const piece = side.text.slice(from, to);
    const node: InlineJSON =
      piece === ATOM && side.atoms[atomIndex] ? { ...side.atoms[atomIndex++] } : { type: "text", text: piece };
    if (marks.length) node.marks = marks;
    content.push(node);
  }
  return content.length ? { type, content } : { type };
}

/** Whether two sides hold the same text and atoms (tags aside). */
export function sameText(a: SideContent, b: SideContent): boolean {
  return a.text === b.text && JSON.stringify(a.atoms) === JSON.stringify(b.atoms);
}

/**
 * Maps positions of `from` text to positions of `to` text through their
 * common start and end: a position in the changed middle goes to the edge of
 * the changed middle on the side `assoc` points to. Enough to carry a tag made
 * on one branch onto text edited on the other.
 */
export function textMapper(from: string, to: string): (pos: number, assoc: -1 | 1) => number {
  let start = 0;
  const max = Math.min(from.length, to.length);
  while (start < max && from.charCodeAt(start) === to.charCodeAt(start)) start++;
  let end = 0;
  while (end < max - start && from.charCodeAt(from.length - 1 - end) === to.charCodeAt(to.length - 1 - end)) end++;
  const fromMidEnd = from.length - end;
  const toMidEnd = to.length - end;
  return (pos, assoc) => {
    if (pos <= start) return pos;
    if (pos >= fromMidEnd) return pos - fromMidEnd + toMidEnd;
    return assoc < 0 ? start : toMidEnd;
  };
}

/** The tags of a side carried onto another text of it (see textMapper). */
export function mapTags(tags: Map<string, TagRange[]>, fromText: string, toText: string): Map<string, TagRange[]> {
  if (fromText === toText) return tags;
  const map = textMapper(fromText, toText);
  const out = new Map<string, TagRange[]>();
  for (const [key, rs] of tags) {
    const mapped = rs.map((r) => ({ from: map(r.from, 1), to: map(r.to, -1), note: r.note })).filter((r) => r.from < r.to);
    if (mapped.length) out.set(key, mapped);
  }
  return out;
}
