// Writing a project as a .dari file (UTF-8 JSON, DESIGN.md "The .dari file").
import { FORMAT_NAME, FORMAT_VERSION, type Project } from "./project";

export interface DariFileJSON {
  format: typeof FORMAT_NAME;
  version: number;
  meta: Project["meta"];
  codebook: Project["codebook"];
  glossary: Project["glossary"];
  /** Only when the project has code sets (REFI-QDA), so other files stay as they were. */
  codeSets?: Project["codeSets"];
  /** Only when QA findings were ignored, likewise. */
  qaIgnored?: Project["qaIgnored"];
  doc: unknown;
}

export function toFileJSON(project: Project, now: Date = new Date()): DariFileJSON {
  return {
    format: FORMAT_NAME,
    version: FORMAT_VERSION,
    meta: { ...project.meta, modified: now.toISOString() },
    codebook: project.codebook,
    glossary: project.glossary,
    ...(project.codeSets?.length ? { codeSets: project.codeSets } : {}),
    ...(project.qaIgnored?.length ? { qaIgnored: project.qaIgnored } : {}),
    doc: withoutEmptyConflicts(project.doc.toJSON()),
  };
}

/**
 * Segments carry a `conflict` only between a merge and its resolution; the
 * file leaves out the empty one, so saving never adds a line per segment.
 */
function withoutEmptyConflicts(doc: { content?: { content?: { attrs?: Record<string, unknown> }[] }[] }): unknown {
  // toJSON shares the nodes' own attrs objects: copy, never change them.
  for (const passage of doc.content ?? [])
    for (const seg of passage.content ?? [])
      if (seg.attrs && seg.attrs.conflict == null) {
        const { conflict: _none, ...rest } = seg.attrs;
        seg.attrs = rest;
      }
  return doc;
}

export function serializeProject(project: Project, now: Date = new Date()): string {
  return JSON.stringify(toFileJSON(project, now), null, 1) + "\n";
}
