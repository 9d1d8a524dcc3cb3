// Pasting paragraphs of text into a side. Pasted into the Korean side, several
// paragraphs become several passages, as when a commentary is pasted into a new
// project: the first paragraph goes in at the cursor, each further one opens a
// passage below, and what followed the cursor (the rest of the side, and the
// passage's later segments) moves after the last pasted paragraph, so the
// reading order stays the text's order. In the English side, and for a single
// paragraph, the paragraphs are inserted as one run of text: a side is one block.
import { TextSelection, type EditorState, type Transaction } from "prosemirror-state";
import { Fragment, type Node as PMNode } from "prosemirror-model";
import { schema } from "../schema";
import { newId } from "../ids";
import { sideAt, sideStart, markStructural } from "./structure";

function emptySegment(ko: Fragment): PMNode {
  return schema.nodes.segment.create({ id: newId("s"), status: "new", confirmed: false, note: "", confidence: null }, [
    schema.nodes.ko.create(null, ko),
    schema.nodes.en.create(),
  ]);
}

/**
 * The transaction that pastes `paragraphs` at the selection, or null when the
 * selection is not inside one side (the default paste handling applies then).
 */
export function pasteParagraphs(state: EditorState, paragraphs: readonly string[]): Transaction | null {
  const { $from, $to, from, to } = state.selection;
  if ($from.parent !== $to.parent || !paragraphs.length) return null;
  const here = sideAt($from);
  if (!here || !($from.parent.type === schema.nodes.ko || $from.parent.type === schema.nodes.en)) return null;
  const texts = paragraphs.filter((p) => p.length > 0);
  if (!texts.length) return null;

  if (here.side === "en" || texts.length === 1) {
    const tr = state.tr.insertText(texts.join(" "), from, to);
    return tr.setSelection(TextSelection.create(tr.doc, from + texts.join(" ").length));
  }

  const segment = here.segment;
  const ko = segment.child(0);
  const start = sideStart(here.segmentPos, segment, "ko");
  const before = ko.content.cut(0, from - start);
  const after = ko.content.cut(to - start);

  const $seg = state.doc.resolve(here.segmentPos);
  const passage = $seg.parent;
  const index = $seg.index();
  const passagePos = $seg.before();

  // The current passage: its segments up to this one, whose Korean side ends with the first paragraph.
  const current: PMNode[] = [];
  for (let i = 0; i < index; i++) current.push(passage.child(i));
  current.push(segment.copy(Fragment.from([ko.copy(before.append(Fragment.from(schema.text(texts[0])))), segment.child(1)])));
  const passages: PMNode[] = [passage.copy(Fragment.from(current))];

  // One passage per further paragraph; the last takes the rest of the side and the later segments.
  const rest: PMNode[] = [];
  for (let i = index + 1; i < passage.childCount; i++) rest.push(passage.child(i));
  for (let k = 1; k < texts.length; k++) {
    const last = k === texts.length - 1;
    const text = Fragment.from(schema.text(texts[k]));
    const segs = [emptySegment(last ? text.append(after) : text), ...(last ? rest : [])];
    passages.push(schema.nodes.passage.create({ id: newId("p") }, segs));
  }

  const tr = state.tr.replaceWith(passagePos, passagePos + passage.nodeSize, passages);
  // The cursor goes after the last pasted paragraph, before what followed it.
  let pos = passagePos;
  for (let k = 0; k < passages.length - 1; k++) pos += passages[k].nodeSize;
  pos += 3 + texts[texts.length - 1].length;
  tr.setSelection(TextSelection.create(tr.doc, pos));
  return markStructural(tr);
}
