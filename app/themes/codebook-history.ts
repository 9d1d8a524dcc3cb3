// Undo for codebook edits. prosemirror-history records only transactions with
// steps, and the codebook lives in plugin state (app/project-state.ts), so a
// codebook edit carries a CodebookStep: a step that leaves the document as it
// is and holds the codebook before and after. Undo applies its inverse; the
// plugin below sees the step and puts that codebook back into the project data.
import { Plugin, type Transaction, type EditorState } from "prosemirror-state";
import { Step, StepMap, StepResult, type Mappable } from "prosemirror-transform";
import type { Node as PMNode, Schema } from "prosemirror-model";
import type { Codebook } from "./codebook";
import { projectData, projectKey, setProjectData } from "../project-state";

export class CodebookStep extends Step {
  constructor(
    readonly before: Codebook,
    readonly after: Codebook,
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
    return new CodebookStep(this.after, this.before);
  }
  map(_mapping: Mappable): Step {
    return this;
  }
  override toJSON() {
    return { stepType: "dariCodebook", before: this.before, after: this.after };
  }
  static override fromJSON(_schema: Schema, json: { before: Codebook; after: Codebook }): CodebookStep {
    return new CodebookStep(json.before, json.after);
  }
}
Step.jsonID("dariCodebook", CodebookStep);

/** Sets the codebook in a transaction, undoably (needs codebookHistory() installed). */
export function setCodebook(tr: Transaction, before: Codebook, after: Codebook): Transaction {
  return setProjectData(tr.step(new CodebookStep(before, after)), { codebook: after });
}

/** Puts the codebook of an undone or redone CodebookStep back into the project data. */
export function codebookHistory(): Plugin {
  return new Plugin({
    appendTransaction(trs: readonly Transaction[], _old: EditorState, state: EditorState) {
      let want: Codebook | null = null;
      for (const tr of trs) {
        if (tr.getMeta(projectKey)) continue;
        for (const step of tr.steps) if (step instanceof CodebookStep) want = step.after;
      }
      if (!want || projectData(state).codebook === want) return null;
      return setProjectData(state.tr, { codebook: want }).setMeta("addToHistory", false);
    },
  });
}
