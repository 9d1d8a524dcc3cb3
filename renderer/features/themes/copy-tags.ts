// Copying tags to the other side (issue 17.6): the command with the word
// pairs learned from the analyst's memory, and the status message saying
// what a copy did: copied to the aligned phrase, or, where the anchors found
// none, to the whole segment. The command reports through its transaction
// (copyTagsKey), whichever button, panel or palette entry ran it.
import { Plugin } from "prosemirror-state";
import { copyTagsKey, copyTagsToCounterpart, type CopyTagsReport } from "../../../app/commands/themes";
import { learnedLexicon } from "../../../app/align/learn";
import type { Side } from "../../../app/schema";
import { loadLearnedLexicon } from "../translate/user-data";
import type { AppContext } from "../../feature";

/** Copies the tags of one side to the aligned phrases of the other. */
export const copyTags = (from: Side) => copyTagsToCounterpart(from, { learned: () => learnedLexicon(loadLearnedLexicon()) });

/** The status message for a copy's report (already translated). */
export function copyNotice(ctx: AppContext, r: CopyTagsReport): string {
  if (!r.wholeSides) return ctx.t("themes:copy.phrase");
  if (!r.phrases) return ctx.t("themes:copy.whole");
  return ctx.t("themes:copy.mixed", { phrases: r.phrases, whole: r.wholeSides });
}

export function copyNoticePlugin(ctx: AppContext): Plugin {
  return new Plugin({
    // The report is read as the transaction is applied; the message waits for the view to be updated.
    appendTransaction(trs) {
      for (const tr of trs) {
        const report = tr.getMeta(copyTagsKey) as CopyTagsReport | undefined;
        if (report) queueMicrotask(() => ctx.notify(copyNotice(ctx, report)));
      }
      return null;
    },
  });
}
