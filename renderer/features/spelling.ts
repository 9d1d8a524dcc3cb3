// Offline spell checking of the English side (issue 15 req. 8): misspellings
// drawn as wavy underlines, and in the context menu the dictionary's
// suggestions, "Add to dictionary" and "Ignore". Switched on and off in
// Preferences (display.spelling). The Korean side is not checked: no Korean
// dictionary ships with Dari (README, "Spell checking", says why).
import "./spelling/spelling.css";
import type { EditorView } from "prosemirror-view";
import type { AppContext, Feature } from "../feature";
import { addContextEntries, type ContextEntry } from "./context-menu";
import { display, onDisplayChange } from "../display";
import { SpellClient } from "./spelling/client";
import { UserWords, loadPersonalWords } from "./spelling/user-words";
import { misspellingAt, spellingKey, spellingPlugin, type SpellMeta } from "./spelling/plugin";

/** The longest the context menu waits for suggestions (the worker may still be reading its dictionary). */
const SUGGEST_WAIT_MS = 1500;

interface Speller {
  client: SpellClient;
  words: UserWords;
}

const spellers = new WeakMap<AppContext, Speller>();

function meta(view: EditorView, m: SpellMeta): void {
  view.dispatch(view.state.tr.setMeta(spellingKey, m).setMeta("addToHistory", false));
}

function withTimeout<T>(p: Promise<T>, ms: number, fallback: T): Promise<T> {
  return Promise.race([p.catch(() => fallback), new Promise<T>((r) => setTimeout(() => r(fallback), ms))]);
}

/** The spelling entries for a misspelled word under the pointer: the suggestions, then add and ignore. */
async function entries(ctx: AppContext, s: Speller, view: EditorView, pos: number): Promise<ContextEntry[]> {
  if (!spellingKey.getState(view.state)?.on) return [];
  const hit = misspellingAt(view.state, pos);
  if (!hit) return [];
  const written = view.state.doc.textBetween(hit.from, hit.to);
  const suggestions = await withTimeout(s.client.suggest(hit.word), SUGGEST_WAIT_MS, []);
  const replace = (suggestion: string) => () => {
    // Only the word that was offered: the text may have changed while the menu was open.
    const { from, to } = hit;
    if (view.state.doc.textBetween(from, to) !== written) return;
    view.dispatch(view.state.tr.insertText(suggestion, from, to).scrollIntoView());
  };
  const out: ContextEntry[] = suggestions.length
    ? suggestions.map((w, i) => ({ id: `spell:suggest:${i}`, label: w, run: replace(w) }))
    : [{ id: "spell:none", label: ctx.t("ui:context.spellingNone"), enabled: false }];
  out.push(
    {
      id: "spell:add",
      label: ctx.t("ui:context.spellingAdd", { word: written }),
      run: () => {
        if (!s.words.add(hit.word)) ctx.notify(ctx.t("ui:spelling.notKept", { word: written }), "error");
        void s.client.learn([hit.word]).catch(() => {});
        meta(view, { drop: hit.word });
      },
    },
    {
      id: "spell:ignore",
      label: ctx.t("ui:context.spellingIgnore"),
      run: () => {
        s.words.ignore(hit.word);
        meta(view, { drop: hit.word });
      },
    },
  );
  return out;
}

function speller(ctx: AppContext): Speller {
  let s = spellers.get(ctx);
  if (s) return s;
  const made: Speller = { client: new SpellClient(display().spellingVariant), words: new UserWords() };
  s = made;
  spellers.set(ctx, made);
  // Suggestions offer the analyst's own words too.
  void made.client.learn(loadPersonalWords()).catch(() => {});
  addContextEntries((view, pos) => entries(ctx, made, view, pos));
  onDisplayChange((p, before) => {
    const view = ctx.view() as EditorView | undefined;
    if (p.spellingVariant !== before.spellingVariant) {
      made.client.setVariant(p.spellingVariant);
      void made.client.learn(loadPersonalWords()).catch(() => {});
      // Everything is checked again with the other dictionary.
      if (view) meta(view, { on: p.spelling });
    } else if (view && p.spelling !== before.spelling) meta(view, { on: p.spelling });
  });
  return made;
}

function plugins(ctx: AppContext) {
  const s = speller(ctx);
  let told = false;
  return [
    spellingPlugin(
      {
        client: s.client,
        userWords: s.words,
        failed: (message) => {
          if (told) return;
          told = true;
          console.error("spelling:", message);
          ctx.notify(ctx.t("ui:spelling.unavailable"), "error");
        },
      },
      display().spelling,
    ),
  ];
}

export const spellingFeature: Feature = { id: "spelling", plugins };
