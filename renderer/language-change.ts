// Redrawing the editor when the UI language changes. Decorations with
// translated text (hover titles, chips, flags) are built once and kept in
// their plugin's state, so a feature asks its plugin to rebuild them.
import type { EditorState, Transaction } from "prosemirror-state";
import type { EditorView } from "prosemirror-view";
import type { AppContext } from "./feature";

const listening = new WeakMap<AppContext, Set<string>>();

/**
 * On every change of the UI language, dispatches the transaction `rebuild`
 * makes from the editor's state. A feature's plugins are made again for each
 * project, so this listens once per context and `feature` id, not once a call.
 */
export function redrawOnLanguageChange(ctx: AppContext, feature: string, rebuild: (state: EditorState) => Transaction): void {
  let features = listening.get(ctx);
  if (!features) listening.set(ctx, (features = new Set()));
  if (features.has(feature)) return;
  features.add(feature);
  ctx.i18n.on("languageChanged", () => {
    // The language may change before the editor is mounted.
    const view = ctx.view() as EditorView | undefined;
    if (view) view.dispatch(rebuild(view.state));
  });
}
