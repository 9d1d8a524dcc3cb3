// Figures about a project, for the status bar and `dari stats`.
import type { Node as PMNode } from "prosemirror-model";
import type { Project } from "./document/project";
import { sideText, type SegmentStatus } from "./schema";
import { themeStatsJson } from "./themes/stats";
import { zeroPerStatus } from "./translate/progress";

export interface ProjectStats {
  title: string;
  passages: number;
  segments: number;
  confirmed: number;
  status: Record<SegmentStatus, number>;
  characters: { ko: number; en: number };
  words: { ko: number; en: number };
  /** Segments with an empty English side. */
  untranslated: number;
  /** Per theme (by code id): annotations and segments per language (app/themes/stats.ts). */
  themes?: ReturnType<typeof themeStatsJson>;
}

/** Words as a translator counts them: runs separated by white space. */
export function countWords(text: string): number {
  const m = text.match(/\S+/g);
  return m ? m.length : 0;
}

/** Characters in code points, as editors count them (not UTF-16 units). */
export function countChars(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

export function docStats(doc: PMNode): Omit<ProjectStats, "title"> {
  const status = zeroPerStatus();
  const out = { passages: doc.childCount, segments: 0, confirmed: 0, status, characters: { ko: 0, en: 0 }, words: { ko: 0, en: 0 }, untranslated: 0 };
  doc.forEach((passage) =>
    passage.forEach((segment) => {
      out.segments++;
      if (segment.attrs.confirmed) out.confirmed++;
      status[segment.attrs.status as SegmentStatus]++;
      const ko = sideText(segment, "ko");
      const en = sideText(segment, "en");
      out.characters.ko += countChars(ko);
      out.characters.en += countChars(en);
      out.words.ko += countWords(ko);
      out.words.en += countWords(en);
      if (!en.trim()) out.untranslated++;
    }),
  );
  return out;
}

export function projectStats(project: Project): ProjectStats {
  return { title: project.meta.title, ...docStats(project.doc), themes: themeStatsJson(project.doc, project.codebook) };
}

/**
 * The text `dari stats` prints: one figure a line, label padded to a column,
 * then each theme that has tags. Scripts read it, so the layout is a contract.
 */
export function statsText(stats: ProjectStats): string {
  const lines = [
    `title       ${stats.title}`,
    `passages    ${stats.passages}`,
    `segments    ${stats.segments} (${stats.confirmed} confirmed, ${stats.untranslated} untranslated)`,
    `status      ${Object.entries(stats.status).map(([k, v]) => `${k} ${v}`).join(", ")}`,
    `characters  ko ${stats.characters.ko}, en ${stats.characters.en}`,
    `words       ko ${stats.words.ko}, en ${stats.words.en}`,
    ...Object.values(stats.themes ?? {})
      .filter((t) => t.annotations.total > 0)
      .map((t) => `theme       ${t.label.en}: ${t.annotations.total} tag${t.annotations.total === 1 ? "" : "s"} (ko ${t.annotations.ko}, en ${t.annotations.en})`),
  ];
  return lines.join("\n") + "\n";
}
