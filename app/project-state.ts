// The project around the document (metadata, codebook, glossary) kept in the
// EditorState by a plugin, so that changing the codebook or glossary is a
// transaction like any edit: undoable with the text, seen by every plugin,
// and saved from one place.
import { EditorState, Plugin, PluginKey, type Transaction } from "prosemirror-state";
import type { Project, ProjectMeta } from "./document/project";
import type { Codebook } from "./themes/codebook";
import type { GlossaryEntry } from "./translate/glossary-entry";

export interface ProjectData {
  meta: ProjectMeta;
  codebook: Codebook;
  glossary: GlossaryEntry[];
}

export const projectKey = new PluginKey<ProjectData>("dariProject");

export function projectPlugin(initial: ProjectData): Plugin<ProjectData> {
  return new Plugin<ProjectData>({
    key: projectKey,
    state: {
      init: () => initial,
      apply: (tr, value) => {
        const patch = tr.getMeta(projectKey) as Partial<ProjectData> | undefined;
        return patch ? { ...value, ...patch } : value;
      },
    },
  });
}

export function projectData(state: EditorState): ProjectData {
  const data = projectKey.getState(state);
  if (!data) throw new Error("the project plugin is not installed");
  return data;
}

/** Changes part of the project data in a transaction (undoable with prosemirror-history). */
export function setProjectData(tr: Transaction, patch: Partial<ProjectData>): Transaction {
  return tr.setMeta(projectKey, patch);
}

export function createProjectState(project: Project, plugins: Plugin[] = []): EditorState {
  const { doc, ...data } = project;
  return EditorState.create({ doc, plugins: [projectPlugin(data), ...plugins] });
}

export function projectFromState(state: EditorState): Project {
  return { ...projectData(state), doc: state.doc };
}
