// Keyword suggestions shown in the editor: a dotted underline in the theme's
// colour on each word that a codebook keyword proposes. They are decorations
// only — the document changes when the analyst accepts one (which applies the
// theme to that span, a normal undoable tag) and never otherwise. Dismissed
// suggestions are remembered for the session by segment, side, theme and word.
import { Plugin, PluginKey, TextSelection, type Command, type EditorState, type Transaction } from "prosemirror-state";
import { Decoration, DecorationSet } from "prosemirror-view";
import type { Node as PMNode } from "prosemirror-model";
import { projectData } from "../project-state";
import type { Codebook } from "./codebook";
import { forEachSegment } from "./annotations";
import { applyTheme } from "../commands/themes";
import { suggestInSegment, suggestionKey, type Suggestion } from "./suggest";
import { buildAll, updateBySegment } from "./segment-decorations";

interface SuggestionState {
  on: boolean;
  dismissed: ReadonlySet<string>;
  set: DecorationSet;
}

type SuggestionMeta = { on: boolean } | { dismiss: string } | { rebuild: true };

export const suggestionKeyPlugin = new PluginKey<SuggestionState>("dariSuggestions");

function builder(state: EditorState, dismissed: ReadonlySet<string>, label: (code: string, codebook: Codebook) => string) {
  const { codebook } = projectData(state);
  return (segment: PMNode, pos: number): Decoration[] =>
    suggestInSegment(segment, pos, codebook, dismissed).map((s) =>
      Decoration.inline(
        s.from,
        s.to,
        {
          class: "dari-suggestion",
          style: `--dari-suggest:${codebook.find((c) => c.id === s.code)?.color ?? "#888"}`,
          title: label(s.code, codebook),
          "data-code": s.code,
        },
        { suggestion: s },
      ),
    );
}

/** Above this many segments suggestions start switched off (computing them all takes about a second). */
export const SUGGEST_AUTO_LIMIT = 5000;

export function suggestionDecorations(options: { label(code: string, codebook: Codebook): string; on?: boolean }): Plugin<SuggestionState> {
  const empty = (on: boolean, dismissed: ReadonlySet<string>): SuggestionState => ({ on, dismissed, set: DecorationSet.empty });
  return new Plugin<SuggestionState>({
    key: suggestionKeyPlugin,
    state: {
      init: (_, state) => {
        let segments = 0;
        if (options.on === undefined) forEachSegment(state.doc, () => segments++);
        const on = options.on ?? segments <= SUGGEST_AUTO_LIMIT;
        return on ? { on, dismissed: new Set(), set: buildAll(state.doc, builder(state, new Set(), options.label)) } : empty(false, new Set());
      },
      apply(tr: Transaction, value, old, state) {
        const meta = tr.getMeta(suggestionKeyPlugin) as SuggestionMeta | undefined;
        let { on, dismissed } = value;
        if (meta && "on" in meta) on = meta.on;
        if (meta && "dismiss" in meta) dismissed = new Set([...dismissed, meta.dismiss]);
        if (!on) return value.on || value.set !== DecorationSet.empty ? empty(false, dismissed) : value;
        if (meta || !value.on || projectData(old).codebook !== projectData(state).codebook) {
          return { on, dismissed, set: buildAll(state.doc, builder(state, dismissed, options.label)) };
        }
        if (!tr.docChanged) return value;
        return { on, dismissed, set: updateBySegment(value.set, tr, builder(state, dismissed, options.label)) };
      },
    },
    props: {
      decorations: (state) => suggestionKeyPlugin.getState(state)?.set,
    },
  });
}

/** The suggestions at a position (for the accept/dismiss popover). */
export function suggestionsAt(state: EditorState, pos: number): Suggestion[] {
  const set = suggestionKeyPlugin.getState(state)?.set;
  if (!set) return [];
  return set.find(pos, pos).map((d) => (d.spec as { suggestion: Suggestion }).suggestion);
}

/** All current suggestions, in document order. */
export function allSuggestions(state: EditorState): Suggestion[] {
  const set = suggestionKeyPlugin.getState(state)?.set;
  return set ? set.find().map((d) => (d.spec as { suggestion: Suggestion }).suggestion).sort((a, b) => a.from - b.from) : [];
}

export function suggestionsOn(state: EditorState): boolean {
  return suggestionKeyPlugin.getState(state)?.on ?? false;
}

export function toggleSuggestions(on?: boolean): Command {
  return (state, dispatch) => {
    if (!suggestionKeyPlugin.getState(state)) return false;
    if (dispatch) dispatch(state.tr.setMeta(suggestionKeyPlugin, { on: on ?? !suggestionsOn(state) } satisfies SuggestionMeta));
    return true;
  };
}

/** Accepting applies the theme to the suggested words (one new annotation). */
export function acceptSuggestion(s: Suggestion): Command {
  return (state, dispatch) => {
    const withSel = state.apply(state.tr.setSelection(TextSelection.create(state.doc, s.from, s.to)));
    let out: Transaction | null = null;
    if (!applyTheme(s.code)(withSel, (tr) => (out = tr))) return false;
    if (dispatch) {
      // Re-run on the caller's state with the same selection, so history sees one step.
      const tr = state.tr.setSelection(TextSelection.create(state.doc, s.from, s.to));
      for (const step of (out as unknown as Transaction).steps) tr.step(step);
      dispatch(tr.setSelection(TextSelection.create(tr.doc, s.to)));
    }
    return true;
  };
}

export function dismissSuggestion(s: Suggestion): Command {
  return (state, dispatch) => {
    if (dispatch) dispatch(state.tr.setMeta(suggestionKeyPlugin, { dismiss: suggestionKey(s, state.doc.textBetween(s.from, s.to)) } satisfies SuggestionMeta));
    return true;
  };
}
