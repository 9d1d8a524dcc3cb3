// The translation desk in the editor (issue 5): segment status keys and the
// progress bar and status filter in the status bar; glossary terms underlined
// on the Korean side with the English term as tooltip; QA flags in the gutter
// and a QA panel; the translation memory panel with fuzzy matches, diffs and
// concordance; the glossary panel; find and replace (Mod-f, Edit › Find);
// romanization of a selected name. The logic is in app/translate and
// app/commands; this module connects it to the view.
import "./translate/translate.css";
import type { Feature, AppContext } from "../feature";
import { redrawOnLanguageChange } from "../language-change";
import { translateDesk, deskKey, deskState } from "../../app/translate/decorations";
import { autoDraftPlugin, insertRomanization, markTranslatedAndNext } from "../../app/commands/status";
import { translateKeys, glossaryInsert, KEYS } from "./translate/keys";
import { findPlugins, openFindBar } from "./translate/find-bar";
import { statusBarPlugin } from "./translate/status-bar";
import { QaPanel, qaFlag } from "./translate/qa-panel";
import { TmPanel } from "./translate/tm-panel";
import { GlossaryPanel } from "./translate/glossary-panel";
import { loadUserGlossary } from "./translate/user-data";
import { deskMemory } from "./translate/memory";
import { Plugin } from "prosemirror-state";
import { afterNextFrame } from "../after-frame";

function plugins(ctx: AppContext) {
  // QA flag tooltips are in the UI language: redraw them when it changes.
  redrawOnLanguageChange(ctx, "translate", (state) => state.tr.setMeta(deskKey, { filter: deskState(state)?.filter ?? null }));
  return [translateKeys(ctx), ...findPlugins(ctx), translateDesk({ userGlossary: () => loadUserGlossary(ctx), flag: qaFlag(ctx), later: afterNextFrame }), autoDraftPlugin(), statusBarPlugin(ctx), rememberProject(ctx)];
}

/** Puts the open project into the user memory a little after it opens, and
 *  its edits after a pause in typing (DeskMemory.remember), so that other
 *  projects find its segments even if the memory panel is never opened. */
function rememberProject(ctx: AppContext): Plugin {
  return new Plugin({
    view(view) {
      let started = false;
      const timer = setTimeout(() => {
        started = true;
        deskMemory(ctx).sync(view.state);
      }, REMEMBER_AFTER_MS);
      return {
        update: (v, prev) => {
          if (started && v.state.doc !== prev.doc) deskMemory(ctx).remember(v.state);
        },
        destroy: () => clearTimeout(timer),
      };
    },
  });
}

const REMEMBER_AFTER_MS = 2000;

export const translateFeature: Feature = {
  id: "translate",
  plugins,
  panel: { titleKey: "translate:tm.title", create: (ctx) => new TmPanel(ctx) },
  toolbar: [
    { id: "translate-mark-translated", labelKey: "translate:toolbar.markTranslated", shortcut: KEYS.markTranslated, command: markTranslatedAndNext },
    { id: "translate-glossary-insert", labelKey: "translate:toolbar.insertTerm", shortcut: KEYS.glossary, command: glossaryInsert },
    { id: "translate-romanize", labelKey: "translate:toolbar.romanize", shortcut: KEYS.romanize, command: insertRomanization },
  ],
  menu: { find: (ctx) => openFindBar(ctx) },
};

export const glossaryFeature: Feature = {
  id: "glossary",
  panel: { titleKey: "translate:glossary.title", create: (ctx) => new GlossaryPanel(ctx) },
};

export const qaFeature: Feature = {
  id: "qa",
  panel: { titleKey: "translate:qa.title", create: (ctx) => new QaPanel(ctx) },
};

export const translateFeatures: Feature[] = [translateFeature, glossaryFeature, qaFeature];
