// The editor's plugins: history, keys, the structure guard, unique ids, the
// gutter, and each feature's own plugins.
import type { Plugin, Command } from "prosemirror-state";
import { history, undo, redo } from "prosemirror-history";
import { keymap } from "prosemirror-keymap";
import { baseKeymap, chainCommands } from "prosemirror-commands";
import { structureGuard, deleteAcrossSides, swallowEnter, switchSide, gotoSegment, gotoDocumentEdge } from "../app/commands/structure";
import { uniqueIds } from "../app/document/unique-ids";
import { EDITOR_KEYS, documentKeys } from "../app/shortcuts";
import { keyPlatform } from "./key-label";
import { gutterPlugin, currentSegmentPlugin } from "./plugins/gutter";
import { lazyPassages } from "./plugins/lazy-passages";
import { fastDocUpdatePlugin } from "./plugins/doc-update";
import { selectionSync } from "./plugins/selection-sync";
import type { AppContext } from "./feature";
import { features } from "./features";

export function editorPlugins(ctx: AppContext, appKeys: Record<string, Command>): Plugin[] {
  const featurePlugins = features.flatMap((f) => f.plugins?.(ctx) ?? []);
  const documentEdge = documentKeys(keyPlatform());
  return [
    // First: every key handler after it sees the selection the analyst sees.
    selectionSync(),
    structureGuard(),
    uniqueIds(),
    history(),
    // Feature keys come first so that a feature can claim a key before the defaults.
    ...featurePlugins,
    keymap({
      ...appKeys,
      [EDITOR_KEYS.undo]: undo,
      [EDITOR_KEYS.redo]: redo,
      [EDITOR_KEYS.redoShift]: redo,
      [EDITOR_KEYS.switchSide]: switchSide(1),
      [EDITOR_KEYS.switchSideBack]: switchSide(-1),
      [EDITOR_KEYS.nextSegment]: gotoSegment(1),
      [EDITOR_KEYS.previousSegment]: gotoSegment(-1),
      [documentEdge.start]: gotoDocumentEdge(-1),
      [documentEdge.end]: gotoDocumentEdge(1),
      [documentEdge.selectToStart]: gotoDocumentEdge(-1, true),
      [documentEdge.selectToEnd]: gotoDocumentEdge(1, true),
      Enter: swallowEnter,
      "Shift-Enter": swallowEnter,
      Backspace: chainCommands(deleteAcrossSides, baseKeymap.Backspace),
      Delete: chainCommands(deleteAcrossSides, baseKeymap.Delete),
      "Mod-Backspace": chainCommands(deleteAcrossSides, baseKeymap["Mod-Backspace"]),
    }),
    keymap(baseKeymap),
    gutterPlugin(),
    currentSegmentPlugin(),
    lazyPassages(),
    fastDocUpdatePlugin(),
  ];
}
