// The project around the document (metadata, codebook, glossary) kept in the
// EditorState by a plugin, so that changing the codebook or glossary is a
// transaction like any edit: undoable with the text, seen by every plugin,
// and saved from one place.
//
// prosemirror-history records only transactions with steps, so an undoable
// change carries a ProjectDataStep: a step that leaves the document as it is
// and holds the data before and after. Undo applies its inverse, and the
// plugin takes the data from whichever such step a transaction carries.
import { EditorState, Plugin, PluginKey, type Transaction } from "prosemirror-state";
import { Step, StepMap, StepResult, type Mappable } from "prosemirror-transform";
import type { Node as PMNode, Schema } from "prosemirror-model";
import type { Project, ProjectMeta } from "./document/project";
import type { Codebook, CodeSet } from "./themes/codebook";
import type { GlossaryEntry } from "./translate/glossary-entry";
import type { QaIgnored } from "./translate/qa-ignore";

export interface ProjectData {
  meta: ProjectMeta;
  codebook: Codebook;
  glossary: GlossaryEntry[];
  codeSets?: CodeSet[];
  qaIgnored?: QaIgnored[];
}

export const projectKey = new PluginKey<ProjectData>("dariProject");

export class ProjectDataStep extends Step {
  constructor(
    readonly before: Partial<ProjectData>,
    readonly after: Partial<ProjectData>,
  ) {
    super();
  }
  apply(doc: PMNode): StepResult {
    return StepResult.ok(doc);
  }
  override getMap(): StepMap {
    return StepMap.empty;
  }
  invert(): Step {
    return new ProjectDataStep(this.after, this.before);
  }
  map(_mapping: Mappable): Step {
    return this;
  }
  override toJSON() {
    return { stepType: "dariProjectData", before: this.before, after: this.after };
  }
  static override fromJSON(_schema: Schema, json: { before: Partial<ProjectData>; after: Partial<ProjectData> }): ProjectDataStep {
    return new ProjectDataStep(json.before, json.after);
  }
}
Step.jsonID("dariProjectData", ProjectDataStep);

export function projectPlugin(initial: ProjectData): Plugin<ProjectData> {
  return new Plugin<ProjectData>({
    key: projectKey,
    state: {
      init: () => initial,
      apply: (tr, value) => {
        let out = value;
        for (const step of tr.steps) if (step instanceof ProjectDataStep) out = { ...out, ...step.after };
        const patch = tr.getMeta(projectKey) as Partial<ProjectData> | undefined;
        return patch ? { ...out, ...patch } : out;
      },
    },
  });
}

export function projectData(state: EditorState): ProjectData {
  const data = projectKey.getState(state);
  if (!data) throw new Error("the project plugin is not installed");
  return data;
}

/** Changes part of the project data in a transaction, undoably: the step remembers what it replaced. */
export function updateProjectData(state: EditorState, tr: Transaction, patch: Partial<ProjectData>): Transaction {
  const data = projectData(state);
  const before = Object.fromEntries(Object.keys(patch).map((k) => [k, data[k as keyof ProjectData]])) as Partial<ProjectData>;
  return tr.step(new ProjectDataStep(before, patch));
}

/** Changes part of the project data without an undo step (loading, settings that are not edits). */
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
