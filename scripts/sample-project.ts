// The bundled sample project, in two steps: the plain project made from the
// sample commentary the way `dari new` would (default codebook and
// glossary, every segment a draft), and the worked example on top of it
// (resources/sample/worked.json: theme tags in both languages, their memos,
// segments translated, reviewed and confirmed), so that every panel and
// picture shows something on first use. scripts/build-sample.ts writes the
// worked one; the e2e harness opens the plain one by default.
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import { TextSelection } from "prosemirror-state";
import { importParagraphs, checkSides, importBitext } from "../app/import/index";
import type { Project } from "../app/document";
import { createProjectState, projectFromState } from "../app/project-state";
import { applyTheme, setAnnotationNote } from "../app/commands/themes";
import type { SegmentStatus, Side } from "../app/schema";
import { SAMPLE_ORIGIN } from "../app/document/sample";

export const SAMPLE_DIR = fileURLToPath(new URL("../resources/sample/", import.meta.url));

export async function plainSample(dir = SAMPLE_DIR): Promise<Project> {
  const ko = await importParagraphs("commentary.ko.pdf.txt", await readFile(join(dir, "commentary.ko.pdf.txt")));
  const en = await importParagraphs("commentary.en.txt", await readFile(join(dir, "commentary.en.txt")));
  checkSides(ko.paragraphs, en.paragraphs, { ko: "commentary.ko.pdf.txt", en: "commentary.en.txt" });
  const project = importBitext({ ko: ko.paragraphs, en: en.paragraphs, title: "북러 정상회담과 우주 협력", source: "commentary.ko.pdf.txt" });
  project.meta.author = "강윤희 (국민대학교)";
  project.meta.date = "2023-09";
  // Marked as the bundled sample: it enters the user memory only when the analyst adds it.
  project.meta.origin = SAMPLE_ORIGIN;
  return project;
}

export interface WorkedExample {
  tags: { segment: number; side: Side; text: string; code: string; memo?: string }[];
  status: { from: number; to: number; status: SegmentStatus; confirmed: boolean }[];
}

export async function readWorkedExample(dir = SAMPLE_DIR): Promise<WorkedExample> {
  return JSON.parse(await readFile(join(dir, "worked.json"), "utf8")) as WorkedExample;
}

/** The segments in document order with their positions. */
function segmentPositions(project: Project): number[] {
  const out: number[] = [];
  project.doc.forEach((passage, offset) => passage.forEach((_s, segOffset) => out.push(offset + 1 + segOffset)));
  return out;
}

/** The project with the worked example applied. A tag whose words are not in its segment stops the build, naming the entry. */
export function applyWorkedExample(project: Project, worked: WorkedExample): Project {
  let state = createProjectState(project);
  worked.tags.forEach((tag, i) => {
    const where = `worked.json tags[${i}] (segment ${tag.segment}, ${tag.side}, “${tag.text}”)`;
    const pos = segmentPositions(projectFromState(state))[tag.segment];
    if (pos === undefined) throw new Error(`${where}: there is no such segment`);
    const segment = state.doc.nodeAt(pos)!;
    const side = segment.child(tag.side === "ko" ? 0 : 1);
    const at = side.textContent.indexOf(tag.text);
    if (at < 0) throw new Error(`${where}: the words are not on that side`);
    const start = pos + 2 + (tag.side === "ko" ? 0 : segment.child(0).nodeSize) + at;
    state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, start, start + tag.text.length)));
    const id = `a-sample-${i + 1}`;
    if (!applyTheme(tag.code, id)(state, (tr) => (state = state.apply(tr)))) throw new Error(`${where}: the theme “${tag.code}” could not be applied`);
    if (tag.memo) setAnnotationNote(id, tag.memo, start)(state, (tr) => (state = state.apply(tr)));
  });
  const positions = segmentPositions(projectFromState(state));
  const tr = state.tr;
  for (const range of worked.status)
    for (let n = range.from; n <= range.to && n < positions.length; n++) {
      tr.setNodeAttribute(positions[n], "status", range.status);
      tr.setNodeAttribute(positions[n], "confirmed", range.confirmed);
    }
  state = state.apply(tr);
  return projectFromState(state);
}
