// Edits as an analyst makes them, through the editor's own commands, for the
// tests of merging and agreement: the sample as a project, a side rewritten,
// a phrase tagged, the tags read back.
import type { EditorState } from "prosemirror-state";
import { importBitext } from "../app/import/bitext";
import { reflow } from "../app/text/reflow";
import { serializeProject, parseProject, type Project } from "../app/document/index";
import { projectFromState } from "../app/project-state";
import { applyTheme } from "../app/commands/themes";
import { segmentList } from "../app/document/segments";
import { sideRanges } from "../app/themes/annotations";
import { corpus, runCommand, selectPhrase } from "./support";

export function sample(): Project {
  const ko = reflow(corpus("commentary.ko.txt"), { mode: "blocks" }).paragraphs;
  const en = reflow(corpus("commentary.en.txt"), { mode: "blocks" }).paragraphs;
  const p = importBitext({ ko, en, title: "북러 협력" });
  return parseProject(serializeProject(p)); // as read from disk
}

export const file = (s: EditorState, name: string) => ({ text: serializeProject(projectFromState(s)), file: name });

/** Replaces the text of one side of the n-th segment (0-based). */
export function setSide(s: EditorState, n: number, side: "ko" | "en", text: string): EditorState {
  const seg = segmentList(s.doc)[n];
  const sideNode = seg.node.child(side === "ko" ? 0 : 1);
  const start = seg.pos + 1 + (side === "ko" ? 0 : seg.node.child(0).nodeSize) + 1;
  return s.apply(s.tr.insertText(text, start, start + sideNode.content.size));
}

export function tag(s: EditorState, phrase: string, code: string, id: string): EditorState {
  return runCommand(selectPhrase(s, phrase), applyTheme(code, id));
}

export function tagsOf(p: Project): { id: string; code: string; text: string }[] {
  const out: { id: string; code: string; text: string }[] = [];
  for (const { node } of segmentList(p.doc))
    node.forEach((side) => sideRanges(side).forEach((r) => out.push({ id: r.id, code: r.code, text: side.textContent.slice(r.from, r.to) })));
  return out;
}

