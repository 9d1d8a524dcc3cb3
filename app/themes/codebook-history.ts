// Undoable codebook edits, through the project data's own undoable step
// (app/project-state.ts): undo and redo put the codebook back by themselves.
import type { Transaction } from "prosemirror-state";
import type { Codebook } from "./codebook";
import { ProjectDataStep } from "../project-state";

/** Sets the codebook in a transaction, undoably. */
export function setCodebook(tr: Transaction, before: Codebook, after: Codebook): Transaction {
  return tr.step(new ProjectDataStep({ codebook: before }, { codebook: after }));
}
