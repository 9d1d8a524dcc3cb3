// What the library keeps of one project: its metadata, figures and codebook
// for the document list, and each segment's text, status, themes and memos for
// search, retrieval and the pictures across documents. Made from a parsed
// project, so the library never reads a file the editor would refuse.
import type { Project } from "../document/project";
import { forEachSegment } from "../document/segments";
import { sideText, type SegmentStatus, type Side } from "../schema";
import { sideRanges } from "../themes/annotations";
import { translationProgress } from "../translate/progress";

export interface LibraryMemo {
  code: string;
  side: Side;
  text: string;
  note: string;
}

export interface LibrarySegment {
  id: string;
  ko: string;
  en: string;
  status: SegmentStatus;
  /** Themes tagged on each side. */
  koThemes: string[];
  enThemes: string[];
  /** The segment's note. */
  note: string;
  /** Tagged spans that carry a memo. */
  memos: LibraryMemo[];
}

export interface LibraryCode {
  id: string;
  label: { ko: string; en: string };
  color: string;
}

export interface LibraryDocument {
  /** Path inside the library folder, with "/" between folders. */
  file: string;
  /** The file's modification time and size when it was read, to see changes made outside Dari. */
  mtimeMs: number;
  size: number;
  title: string;
  author: string;
  /** ISO date of the commentary (as in its metadata), or "". */
  date: string;
  source: string;
  segmentCount: number;
  /** Translated share of the Korean words, 0–100. */
  progress: number;
  /** Segments tagged with each theme (on either side). */
  themes: Record<string, number>;
  codebook: LibraryCode[];
  segments: LibrarySegment[];
}

export function documentRecord(project: Project, file: string, stat: { mtimeMs: number; size: number }): LibraryDocument {
  const segments: LibrarySegment[] = [];
  const themes: Record<string, number> = {};
  forEachSegment(project.doc, (seg) => {
    const sides = { ko: new Set<string>(), en: new Set<string>() };
    const memos: LibraryMemo[] = [];
    seg.forEach((sideNode) => {
      const side = sideNode.type.name as Side;
      const text = sideNode.textContent;
      for (const r of sideRanges(sideNode)) {
        sides[side].add(r.code);
        if (r.note) memos.push({ code: r.code, side, text: text.slice(r.from, r.to), note: r.note });
      }
    });
    for (const code of new Set([...sides.ko, ...sides.en])) themes[code] = (themes[code] ?? 0) + 1;
    segments.push({
      id: seg.attrs.id,
      ko: sideText(seg, "ko"),
      en: sideText(seg, "en"),
      status: seg.attrs.status,
      koThemes: [...sides.ko],
      enThemes: [...sides.en],
      note: seg.attrs.note ?? "",
      memos,
    });
  });
  const m = project.meta;
  return {
    file,
    mtimeMs: stat.mtimeMs,
    size: stat.size,
    title: m.title,
    author: m.author,
    date: m.date,
    source: m.source,
    segmentCount: segments.length,
    progress: translationProgress(project.doc).percent,
    themes,
    codebook: project.codebook.map((c) => ({ id: c.id, label: { ...c.label }, color: c.color })),
    segments,
  };
}
