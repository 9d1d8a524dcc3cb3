// The baseline of the keystroke benchmark: a plain ProseMirror editor with
// prosemirror-schema-basic, its own stylesheet and nothing else, showing the
// same text as the large project (one paragraph per segment). bench/browser.ts
// opens it, types into it and times it exactly as it times Dari.
import "prosemirror-view/style/prosemirror.css";
import "./plain.css";
import { schema } from "prosemirror-schema-basic";
import { EditorState } from "prosemirror-state";
import { EditorView } from "prosemirror-view";
import { history } from "prosemirror-history";
import { keymap } from "prosemirror-keymap";
import { baseKeymap } from "prosemirror-commands";

let view: EditorView | null = null;

/** Shows `paragraphs` in a fresh editor; returns the view. */
function open(paragraphs: string[]): EditorView {
  const doc = schema.node(
    "doc",
    null,
    paragraphs.map((p) => schema.node("paragraph", null, p ? [schema.text(p)] : [])),
  );
  const state = EditorState.create({ doc, plugins: [history(), keymap(baseKeymap)] });
  view?.destroy();
  view = new EditorView(document.getElementById("scroll")!, { state });
  return view;
}

declare global {
  interface Window {
    plainBench: { open(paragraphs: string[]): void; view(): EditorView };
  }
}

window.plainBench = { open: (p) => void open(p), view: () => view! };
