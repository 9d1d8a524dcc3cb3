// The browser extends a selection (Shift+Arrow) by itself and tells
// ProseMirror afterwards, in a "selectionchange" event of its own. A key
// pressed before that event has run (fast keys, or a busy page) reached the
// editor's commands with the old selection: Backspace after four quick
// Shift+ArrowLeft deleted one character instead of four. Before any key is
// handled, this reads the selection as ProseMirror does on that event. It
// calls prosemirror-view's DOMObserver.onSelectionChange (internal): recheck
// it, and run e2e/editor.e2e.ts, when upgrading prosemirror-view.
import { Plugin } from "prosemirror-state";
import type { EditorView } from "prosemirror-view";

interface ObserverInternals {
  domObserver?: { onSelectionChange?: () => void };
}

export function selectionSync(): Plugin {
  return new Plugin({
    props: {
      handleKeyDown(view: EditorView, event: KeyboardEvent) {
        // Not for keys ProseMirror sends itself while reading a DOM change, nor
        // for an input method's keys (229), which ProseMirror leaves alone too.
        if (!event.isTrusted || event.keyCode === 229 || view.composing) return false;
        (view as unknown as ObserverInternals).domObserver?.onSelectionChange?.();
        return false;
      },
    },
  });
}
