// The editor's plugins: history, keys, the structure guard, unique ids, the
// gutter, and each feature's own plugins.
import type { Plugin, Command } from "prosemirror-state";
import { history, undo, redo } from "prosemirror-history";
import { keymap } from "prosemirror-keymap";
import { baseKeymap, chainCommands } from "prosemirror-commands";
import { structureGuard, deleteAcrossSides, swallowEnter, switchSide, gotoSegment } from "../app/commands/structure";
import { uniqueIds } from "../app/document/unique-ids";
import { gutterPlugin, currentSegmentPlugin } from "./plugins/gutter";
import { lazyPassages } from "./plugins/lazy-passages";
import { fastDocUpdatePlugin } from "./plugins/doc-update";
import type { AppContext } from "./feature";
import { features } from "./features";

export function editorPlugins(ctx: AppContext, appKeys: Record<string, Command>): Plugin[] {
  const featurePlugins = features.flatMap((f) => f.plugins?.(ctx) ?? []);
  return [
    structureGuard(),
    uniqueIds(),
    history(),
    // Feature keys come first so that a feature can claim a key before the defaults.
    ...featurePlugins,
    keymap({
      ...appKeys,
      "Mod-z": undo,
      "Mod-y": redo,
      "Shift-Mod-z": redo,
      Tab: switchSide(1),
      "Shift-Tab": switchSide(-1),
      "Alt-ArrowDown": gotoSegment(1),
      "Alt-ArrowUp": gotoSegment(-1),
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
