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
    doc: project.doc.toJSON(),
  };
}

export function serializeProject(project: Project, now: Date = new Date()): string {
  return JSON.stringify(toFileJSON(project, now), null, 1) + "\n";
}
