// The translation desk's keys (TRANSLATE_KEYS): mark translated and go to the
// next untranslated segment, mark reviewed, insert the next glossary term not
// yet in the English, insert memory match 1 … 3, romanize the selected Korean
// onto the English side, find and replace.
import { keymap } from "prosemirror-keymap";
import type { Command } from "prosemirror-state";
import type { AppContext } from "../../feature";
import { markTranslatedAndNext, setStatus, insertGlossaryTerm, insertMatch, insertRomanization, segmentAround } from "../../../app/commands/status";
import { deskState } from "../../../app/translate/decorations";
import { sideText } from "../../../app/schema";
import { romanizeName } from "../../../app/translate/romanize";
import { deskMemory } from "./memory";
import { openFindBar } from "./find-bar";
import { TRANSLATE_KEYS, matchKeys } from "../../../app/shortcuts";

/** The desk's keys (app/shortcuts.ts holds them for the keymap, the menu and the help). */
export const KEYS = TRANSLATE_KEYS;

export function insertMatchN(ctx: AppContext, n: number): Command {
  return (state, dispatch) => {
    const seg = segmentAround(state.doc, state.selection.from);
    if (!seg) return false;
    // Brought up to this project first: right after another project was opened, the memory may still hold the last one as "this project".
    const memory = deskMemory(ctx);
    memory.sync(state);
    const match = memory.lookup(sideText(seg.node, "ko"), seg.node.attrs.id as string)[n - 1];
    return !!match && insertMatch(match.unit.en)(state, dispatch);
  };
}

export const glossaryInsert: Command = (state, dispatch) => {
  const desk = deskState(state);
  return !!desk && insertGlossaryTerm(desk.matcher)(state, dispatch);
};

export function translateKeys(ctx: AppContext) {
  return keymap({
    [KEYS.markTranslated]: (state, dispatch, view) => {
      const before = segmentAround(state.doc, state.selection.from)?.pos;
      const done = markTranslatedAndNext(state, dispatch, view);
      // The cursor stayed: nothing is left to translate.
      if (done && dispatch && segmentAround(ctx.view().state.doc, ctx.view().state.selection.from)?.pos === before) ctx.notify(ctx.t("translate:status.noneLeft"));
      return done;
    },
    [KEYS.markReviewed]: setStatus("reviewed"),
    [KEYS.glossary]: glossaryInsert,
    ...Object.fromEntries(matchKeys().map((key, i) => [key, insertMatchN(ctx, i + 1)])),
    [KEYS.romanize]: (state, dispatch, view) => {
      const text = romanizedSelection(ctx);
      const done = insertRomanization(state, dispatch, view);
      if (dispatch) ctx.notify(done && text ? ctx.t("translate:romanize.done", { text }) : ctx.t("translate:romanize.nothing"));
      return done;
    },
    [KEYS.find]: () => (openFindBar(ctx), true),
  });
}

/** The romanization of the current selection, for a status message. */
export function romanizedSelection(ctx: AppContext): string | null {
  const { from, to } = ctx.view().state.selection;
  const text = ctx.view().state.doc.textBetween(from, to, " ").trim();
  return /[\uac00-\ud7a3]/.test(text) ? romanizeName(text) : null;
}
