// The bundled sample (resources/sample/commentary.dari, a worked example) is
// marked in its metadata, meta.origin = {"format":"dari-sample"}, so that Dari
// knows it however it was opened (start screen, File › Open, a copy saved
// under another name): its translations are not the analyst's own, and they
// enter the user memory only when the analyst adds them (issue 17 req. 8).
// The other readers of meta.origin (TMX and XLIFF exports) look for their own
// format and pass this one by.
import type { ProjectMeta } from "./project";

export const SAMPLE_FORMAT = "dari-sample";
export const SAMPLE_ORIGIN = JSON.stringify({ format: SAMPLE_FORMAT });

export function isBundledSample(meta: Pick<ProjectMeta, "origin">): boolean {
  if (!meta.origin) return false;
  try {
    const o = JSON.parse(meta.origin) as { format?: unknown } | null;
    return !!o && o.format === SAMPLE_FORMAT;
  } catch {
    return false;
  }
}
