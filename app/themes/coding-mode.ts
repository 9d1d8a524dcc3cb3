// Coding mode: single-key coding (plain 1…9 over a selection apply the n-th
// theme), as MAXQDA's quick-coding, but only when the analyst has switched it
// on. Off by default, so typing "2020" over a selected "2019" replaces it
// (issue 17.1). Kept in the editor state, so every view of it agrees; the
// status bar shows it and toggles it.
import { Plugin, PluginKey, type Command, type EditorState } from "prosemirror-state";

export const codingModeKey = new PluginKey<boolean>("dariCodingMode");

export function codingModePlugin(): Plugin<boolean> {
  return new Plugin<boolean>({
    key: codingModeKey,
    state: {
      init: () => false,
      apply: (tr, on) => {
        const set = tr.getMeta(codingModeKey) as boolean | undefined;
        return set === undefined ? on : set;
      },
    },
  });
}

/** Whether single-key coding is on (false where the plugin is absent). */
export function isCodingMode(state: EditorState): boolean {
  return codingModeKey.getState(state) ?? false;
}

/** Switches single-key coding on or off. */
export const toggleCodingMode: Command = (state, dispatch) => {
  if (codingModeKey.getState(state) === undefined) return false;
  dispatch?.(state.tr.setMeta(codingModeKey, !isCodingMode(state)));
  return true;
};
