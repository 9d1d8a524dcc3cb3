// Ids of passages and segments stay unique: a split or a paste can copy a
// node with its id, so after any structural change the duplicates (and empty
// ids) get fresh ones. Text-only edits cannot create ids and are skipped,
// which keeps typing in a 20,000-segment document cheap.
import { Plugin, type Transaction, type EditorState } from "prosemirror-state";
import { newId } from "../ids";
import { isTextOnly } from "../commands/structure";

export function fixDuplicateIds(state: EditorState): Transaction | null {
  const seen = new Set<string>();
  let tr: Transaction | null = null;
  state.doc.descendants((node, pos) => {
    const name = node.type.name;
    if (name !== "passage" && name !== "segment") return false;
    const id = node.attrs.id as string;
    if (!id || seen.has(id)) {
      tr ??= state.tr;
      const fresh = newId(name === "passage" ? "p" : "s");
      tr.setNodeAttribute(pos, "id", fresh);
      seen.add(fresh);
    } else seen.add(id);
    return name === "passage";
  });
  return tr;
}

export function uniqueIds(): Plugin {
  return new Plugin({
    appendTransaction(trs, _old, state) {
      if (!trs.some((tr) => tr.docChanged && !isTextOnly(tr))) return null;
      const tr = fixDuplicateIds(state) as Transaction | null;
      return tr ? tr.setMeta("addToHistory", false) : null;
    },
  });
}
